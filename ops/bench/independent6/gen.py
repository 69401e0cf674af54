#!/usr/bin/env python3
"""The sixth independent county (README.md): three nights of one county, written from /work/shared/spec alone.

    python3 gen.py PERSONS SEED OUTDIR
writes OUTDIR/county/, OUTDIR/previous/rolls/, OUTDIR/inbox-n1/, inbox-n2/, inbox-n3/ (night 3 = night 2's files
again) and OUTDIR/truth/truth.json (per person and night: the accepted outcomes, required / forbidden / allowed items,
the expected book lines). Standard library only; .xlsx written by hand.
"""
import sys, os, random, json, zipfile, datetime as dt, copy, shutil

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 1
OUT = sys.argv[3] if len(sys.argv) > 3 else '/tmp/ind6'
rng = random.Random(SEED)
K = max(1, N // 4000)          # instances per scenario

D = dt.date
# RULES.md: UNDER_18 "birth date + 18 years > E". E is 10 January, so that an age computed from years alone
# (2027 - 2009 = 18) lists people born later in 2009, and the posting date (20 days before) lies in the old year.
E = D(2027, 1, 10)
PREV_E = D(2022, 1, 9)
POSTING = E - dt.timedelta(days=20)
COUNTY, CNAME = '433128', '云溪县'
N1, N2 = '20261228', '20261229'     # delivery dates in the file names

TOWNS = {'433128100': '城关镇', '433128101': '石桥镇', '433128200': '枫林乡', '433128203': '东山矿区',
         '433128204': '云溪开发区'}
VIL = {'433128100001': '城东社区', '433128100002': '城西社区', '433128100003': '城南社区', '433128100004': '城北社区',
       '433128100005': '新华社区', '433128100006': '东门村', '433128101201': '石桥村', '433128101202': '上湾村',
       '433128101203': '下湾村', '433128101204': '龙口村', '433128200201': '枫林村', '433128200202': '竹坑村',
       '433128200203': '茶园村', '433128203001': '矿工新村', '433128203002': '东山村', '433128204001': '云溪社区'}
HOSP = '12433128MB1234567X'
MINE1, MINE2 = '91433128MA4C1DQ30P', '91433128MA4C2EK71W'
# Awkward structure: district codes that are prefixes of one another (100-1, 100-10, 100-11, 100-12); a township
# (203) whose only district is a unit district; a township (204) that xuanqu.csv does not know at all; a township
# (200) with one residential district for all its villages.
DISTRICTS = [
    ('433128100-1', '城关镇第一选区', '433128100', '居住', ['433128100001'], []),
    ('433128100-10', '城关镇第十选区', '433128100', '居住', ['433128100002', '433128100003'], []),
    ('433128100-11', '城关镇第十一选区', '433128100', '居住', ['433128100004'], []),
    ('433128100-2', '城关镇第二选区', '433128100', '居住', ['433128100005', '433128100006'], []),
    ('433128100-12', '县人民医院选区', '433128100', '单位', [], [HOSP]),
    ('433128101-01', '石桥镇第一选区', '433128101', '居住', ['433128101201', '433128101202'], []),
    ('433128101-02', '石桥镇第二选区', '433128101', '居住', ['433128101203', '433128101204'], []),
    ('433128200-01', '枫林乡选区', '433128200', '居住', ['433128200201', '433128200202', '433128200203'], []),
    ('433128203-01', '东山煤矿选区', '433128203', '单位', [], [MINE1, MINE2]),
]
COVER = {c: d[0] for d in DISTRICTS for c in d[4]}
UNIT = {cc: d[0] for d in DISTRICTS for cc in d[5]}
COVERED = [v for v in VIL if v in COVER]
VIL_W = {v: (3 if v[6:9] in ('100', '101', '200') else 0.3)
         for v in VIL}
OTHER_EMP = ['91433128MA4B%06dQ' % i for i in range(1, 40)]
OUTSIDE = ['420106', '510104', '320102', '350102', '441303', '430105']

# ---------------------------------------------------------------- numbers (SOURCES.md: GB 11643-1999, MOD 11-2)
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def check(s17):
    return '10X98765432'[sum(int(a) * b for a, b in zip(s17, W)) % 11]


def valid(n):
    return len(n) == 18 and n[:17].isdigit() and check(n[:17]) == n[17]


ALL = set()


def new_number(area, birth, male):
    while True:
        seq = rng.randrange(0, 996)
        if (seq % 2 == 1) != male:
            seq = (seq + 1) % 996
            if (seq % 2 == 1) != male:
                continue
        s = area + birth.strftime('%Y%m%d') + '%03d' % seq
        n = s + check(s)
        if n not in ALL:
            ALL.add(n)
            return n


def to15(n):
    return n[:6] + n[8:17]


def neighbours(t):
    out = set()
    for i in range(18):
        for c in '0123456789X':
            if c != t[i]:
                out.add(t[:i] + c + t[i + 1:])
    for i in range(17):
        if t[i] != t[i + 1]:
            out.add(t[:i] + t[i + 1] + t[i] + t[i + 2:])
    return out


def typo(n, kind='digit', lo=6, hi=17):
    """A number one wrong digit / one adjacent swap from n and from no other known number."""
    for _ in range(200):
        if kind == 'digit':
            i = rng.randrange(lo, hi)
            c = rng.choice([d for d in '0123456789' if d != n[i]])
            t = n[:i] + c + n[i + 1:]
        else:
            i = rng.randrange(lo, hi - 1)
            if n[i] == n[i + 1]:
                continue
            t = n[:i] + n[i + 1] + n[i] + n[i + 2:]
        if valid(t) or t in ALL:
            continue
        if [x for x in neighbours(t) if x in ALL] == [n]:
            return t
    raise RuntimeError('no typo for ' + n)


FW = str.maketrans('0123456789', '０１２３４５６７８９')


def mess_number(n, p=0.12):
    """SOURCES.md: lowercase x, full-width digits, spaces or - inside, leading/trailing spaces (all normalisable)."""
    if rng.random() > p:
        return n
    k = rng.randrange(5)
    if k == 0:
        return n.replace('X', 'x') if 'X' in n else ' ' + n + ' '
    if k == 1:
        return n.translate(FW)
    if k == 2:
        return n[:6] + ' ' + n[6:14] + ' ' + n[14:]
    if k == 3:
        return n[:6] + '-' + n[6:14] + '-' + n[14:]
    return '  ' + n


def fmt_date(d, k=None):
    k = rng.randrange(5) if k is None else k
    return [d.strftime('%Y%m%d'), d.isoformat(), '%d/%d/%d' % (d.year, d.month, d.day),
            '%d.%d.%d' % (d.year, d.month, d.day), '%d年%d月%d日' % (d.year, d.month, d.day)][k]


def fmt_month(d):
    return [d.strftime('%Y%m'), d.strftime('%Y-%m'), '%d年%d月' % (d.year, d.month)][rng.randrange(3)]


def plus18(b):
    try:
        return b.replace(year=b.year + 18)
    except ValueError:
        return D(b.year + 18, 2, 28)


def months_between(a, b):
    m = (b.year - a.year) * 12 + b.month - a.month
    if b.day < a.day:
        m -= 1
    return m


# ---------------------------------------------------------------- names
SUR = list('王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林郑梁谢宋许韩')
GM = ['伟', '强', '军', '杰', '涛', '明', '刚', '平', '辉', '建国', '建华', '志强', '国庆', '海涛', '浩然', '宇航', '俊杰', '子轩',
      '文博', '志明', '东海', '立军', '永红', '德华', '春生', '国华']
GF = ['丽', '静', '敏', '艳', '红', '芳', '娟', '霞', '燕', '秀英', '桂英', '玉兰', '美华', '晓红', '雪梅', '丽华', '欣怡', '梓涵',
      '雨涵', '诗琪', '海燕', '春梅', '凤英', '淑珍', '婷婷', '佳怡']
TRAD = {'陈': '陳', '张': '張', '刘': '劉', '杨': '楊', '黄': '黃', '赵': '趙', '吴': '吳', '孙': '孫', '马': '馬', '罗': '羅',
        '郑': '鄭', '谢': '謝', '许': '許', '韩': '韓', '伟': '偉', '丽': '麗', '军': '軍', '华': '華', '强': '強', '红': '紅',
        '杰': '傑', '涛': '濤', '静': '靜', '艳': '艷', '刚': '剛', '辉': '輝', '兰': '蘭', '国': '國', '东': '東', '凤': '鳳',
        '梅': '梅', '庆': '慶', '航': '航', '轩': '軒', '宁': '寧', '买': '買', '热': '熱', '尔': '爾', '逊': '遜', '苏': '蘇',
        '库': '庫', '孜': '孜', '阳': '陽', '龙': '龍', '凯': '凱', '娟': '娟', '霞': '霞', '铭': '銘', '涵': '涵'}
HOMO = {'伟': '玮', '丽': '莉', '军': '君', '华': '桦', '明': '铭', '静': '婧', '杰': '洁', '敏': '珉', '强': '蔷', '涛': '滔',
        '红': '虹', '芳': '坊', '燕': '艳', '平': '萍', '刚': '钢', '辉': '晖'}
UYG_M = ['买买提', '艾尔肯', '吐尔逊', '库尔班', '热合曼', '玉苏甫', '艾买提']
UYG_F = ['古丽', '阿依古丽', '热依拉', '努尔古丽', '迪丽热巴']
UYG_FAM = ['艾力', '吐尔逊', '买买提', '热合曼', '库尔班', '苏来曼', '阿不都']


def trad(s):
    return ''.join(TRAD.get(c, c) for c in s)


def homophone(s):
    for i in range(len(s) - 1, 0, -1):
        if s[i] in HOMO:
            return s[:i] + HOMO[s[i]] + s[i + 1:]
    return None


def name_for(male):
    return rng.choice(SUR) + rng.choice(GM if male else GF)


def mess_name(s, p=0.08):
    """Traditional characters and inner / full-width spaces (SOURCES.md), never a homophone (nothing may hang on it)."""
    if rng.random() > p:
        return s
    k = rng.randrange(3)
    if k == 0:
        return trad(s)
    if k == 1 and len(s) >= 2:
        return s[0] + ' ' + s[1:]
    return '\u3000' + s


# ---------------------------------------------------------------- persons
persons = []
HH = [0]


def new_hh(vil):
    HH[0] += 1
    return vil[6:9] + '%07d' % HH[0]


def street_addr(vil):
    return '%s%s%s%d组%d号' % (TOWNS[vil[:9]], VIL[vil], '', rng.randint(1, 12), rng.randint(1, 60))


def mkperson(vil, male, birth, name=None, hh=None, rel='户主', addr=None, area=COUNTY, num=None):
    p = dict(pid=len(persons), num=num or new_number(area, birth, male), name=name or name_for(male),
             sex='男' if male else '女', birth=birth, tags=[], inmig=False)
    p['f'] = {1: dict(huji=[dict(vil=vil, hh=hh or new_hh(vil), rel=rel, addr=addr or street_addr(vil), status='正常',
                                  sdate=None, dest='', code=vil, num=None, name=None, former='')],
                      shebao=[], liudong=[], minzheng=[], xuanwei=[], waidi=[], tongji=None)}
    p['opts'] = {}        # night -> accepted outcomes, when the plain rules below are not the whole story
    p['items'] = {1: [], 2: []}   # required: (types, why, route or None)
    p['forbid'] = {1: [], 2: []}  # types that must not name this person
    p['allow'] = {1: False, 2: False}   # items naming this person are not noise
    p['books'] = {}       # night -> dict(add=..., rem=...) overrides: reasons accepted ('|'), or None = not checked
    persons.append(p)
    return p


def rand_birth(lo, hi):
    a, b = lo.toordinal(), hi.toordinal()
    return D.fromordinal(rng.randint(a, b))


def pick_vil(covered_only=False):
    pool = COVERED if covered_only else list(VIL)
    return rng.choices(pool, [VIL_W[v] for v in pool])[0]


def family(vil=None):
    vil = vil or pick_vil()
    head_m = rng.random() < 0.8
    hb = rand_birth(D(1940, 1, 1), D(2000, 12, 31))
    head = mkperson(vil, head_m, hb)
    hh, addr = head['f'][1]['huji'][0]['hh'], head['f'][1]['huji'][0]['addr']
    mem = [head]
    if rng.random() < 0.8:
        sb = rand_birth(hb - dt.timedelta(days=1500), hb + dt.timedelta(days=1500))
        sp = mkperson(vil, not head_m, min(sb, D(2001, 1, 1)), hh=hh, rel='配偶', addr=addr)
        mem.append(sp)
    fam_sur = head['name'][0] if head_m else (mem[1]['name'][0] if len(mem) > 1 else head['name'][0])
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
        # Truth fix: children once took the head's month and day, so two siblings of one year were twins with the
        # same birth date in one household -- a real PERSON_MULTI_RECORD tie when their names were homophones.
        cb = min(D(min(hb.year + rng.randint(22, 38), 2025), rng.randint(1, 12), rng.randint(1, 28)), D(2025, 12, 1))
        if any(m['birth'] == cb for m in mem):
            cb = cb.replace(day=cb.day % 28 + 1)
        cm = rng.random() < 0.5
        c = mkperson(vil, cm, cb, name=fam_sur + rng.choice(GM if cm else GF), hh=hh, rel='子' if cm else '女', addr=addr)
        mem.append(c)
    # SOURCES.md: one household may hold two people of one name only by accident; keep names distinct in a household.
    seen = set()
    for m in mem:
        while m['name'] in seen:
            m['name'] = m['name'][0] + rng.choice(GM if m['sex'] == '男' else GF)
        seen.add(m['name'])
    return mem


def H(p, night=1):
    return p['f'][night]['huji'][0]


def adult(p, at=E):
    return plus18(p['birth']) <= at


# background population
while len(persons) < int(N * 0.93):
    family()
# in-migrants (RULES.md "Who is considered" 2)
INMIG = []
while len(persons) < N:
    vil = pick_vil(covered_only=True)
    male = rng.random() < 0.55
    b = rand_birth(D(1965, 1, 1), D(2004, 12, 31))
    area = rng.choice(OUTSIDE)
    p = mkperson(vil, male, b, area=area)
    f = p['f'][1]
    f['huji'] = []
    p['inmig'] = True
    p['home'] = area + ('' if rng.random() < 0.5 else '%06d' % rng.randrange(100000, 999999))
    reg = rand_birth(D(2019, 1, 1), D(2026, 11, 30))
    f['liudong'].append(dict(code=vil, reg=reg, end=None))
    if rng.random() < 0.3:
        f['waidi'].append(dict(type='原选区资格证明', other=area, date=rand_birth(D(2026, 9, 1), D(2026, 12, 20))))
    INMIG.append(p)

natives = [p for p in persons if not p['inmig']]
used = set()


def take(pred=lambda p: True, n=1):
    out = []
    cand = [p for p in natives if p['pid'] not in used and pred(p)]
    rng.shuffle(cand)
    for p in cand[:n]:
        used.add(p['pid'])
        out.append(p)
    if len(out) < n:
        raise RuntimeError('not enough candidates')
    return out


def plain_adult(p, covered=True, ages=(1950, 1998)):
    h = H(p)
    return D(ages[0], 1, 1) <= p['birth'] <= D(ages[1], 12, 31) and (not covered or h['vil'] in COVER)


# ---------------------------------------------------------------- background statuses and sources (night 1)
for p in natives:
    if p['pid'] in used:
        continue
    f = p['f'][1]
    h = f['huji'][0]
    r = rng.random()
    if r < 0.012:
        h['status'], h['sdate'] = '死亡', rand_birth(D(2022, 2, 1), D(2026, 11, 30))
        if rng.random() < 0.7:
            f['minzheng'].append(dict(num=p['num'], death=h['sdate'] - dt.timedelta(days=rng.randint(0, 2))))
    elif r < 0.022:
        h['status'], h['sdate'] = '迁出', rand_birth(D(2022, 2, 1), D(2026, 11, 30))
        h['dest'] = rng.choice(OUTSIDE) + ('' if rng.random() < 0.5 else '000000')
    elif r < 0.025:
        h['status'], h['sdate'] = '服兵役', rand_birth(D(2023, 1, 1), D(2026, 9, 1))
    elif r < 0.027:
        h['status'], h['sdate'] = '出国定居', rand_birth(D(2022, 3, 1), D(2026, 9, 1))
    elif r < 0.029:
        h['status'], h['sdate'] = '注销', rand_birth(D(2022, 3, 1), D(2026, 9, 1))
    if h['status'] != '正常' or not adult(p):
        continue
    age = E.year - p['birth'].year
    if 18 <= age <= 60 and rng.random() < 0.4:
        x = rng.random()
        credit = (HOSP if rng.random() < 0.5 else rng.choice([MINE1, MINE2])) if x < 0.15 else rng.choice(OTHER_EMP)
        st = rng.choices(['参保缴费', '暂停缴费', '终止参保'], [85, 5, 10])[0]
        f['shebao'].append(dict(credit=credit, state=st, reason=rng.choice(['转出', '其他']) if st == '终止参保' else '',
                                end=rand_birth(D(2023, 1, 1), D(2026, 10, 1)) if st == '终止参保' else None))
    if rng.random() < 0.05 and h['vil'] in COVER:
        other = rng.choice([v for v in COVERED if COVER[v] != COVER[h['vil']]])
        ended = rng.random() < 0.3
        reg = rand_birth(D(2018, 1, 1), D(2026, 11, 1))
        f['liudong'].append(dict(code=other, reg=reg, end=rand_birth(reg, D(2026, 12, 1)) if ended else None))
    x = rng.random()
    if x < 0.003:
        f['xuanwei'].append(dict(type='剥夺政治权利', start=rand_birth(D(2023, 1, 1), D(2026, 6, 1)),
                                 end=rand_birth(D(2027, 2, 1), D(2030, 1, 1))))
    elif x < 0.004:
        f['xuanwei'].append(dict(type='停止行使选举权利', start=rand_birth(D(2026, 6, 1), D(2026, 12, 1)), end=None))
    elif x < 0.005:
        f['xuanwei'].append(dict(type='不能行使选举权利', start=rand_birth(D(2020, 1, 1), D(2026, 6, 1)), end=None))
    elif x < 0.007:
        f['xuanwei'].append(dict(type='剥夺政治权利', start=rand_birth(D(2019, 1, 1), D(2021, 1, 1)),
                                 end=rand_birth(D(2022, 6, 1), D(2026, 6, 1))))
    elif x < 0.010:
        f['waidi'].append(dict(type='已在外地登记', other=rng.choice(OUTSIDE), date=rand_birth(D(2026, 10, 1), D(2026, 12, 20))))

# resettlement cases: whole households, handed over, into another covered village (RULES.md RESETTLED)
CASES = []
heads = [p for p in natives if p['pid'] not in used and H(p)['rel'] == '户主' and H(p)['vil'] in COVER]
rng.shuffle(heads)
for head in heads[:int(N * 0.004)]:
    hh = H(head)['hh']
    mem = [q for q in natives if H(q)['hh'] == hh]
    if any(q['pid'] in used for q in mem):
        continue
    dest = rng.choice([v for v in COVERED if COVER[v] != COVER[H(head)['vil']]])
    case = dict(no='CQ-%04d' % (len(CASES) + 1), dest=dest, src=H(head)['vil'], hand=rand_birth(D(2025, 1, 1), D(2026, 11, 1)),
                mode='产权调换', members=[(q['pid'], q is head or rng.random() < 0.7) for q in mem])
    CASES.append(case)
    for q in mem:
        used.add(q['pid'])
        q['case'] = case

# ---------------------------------------------------------------- scenarios
SCN = {}


def tag(p, t):
    p['tags'].append(t)
    SCN.setdefault(t, []).append(p['pid'])


def opts(p, night, *o):
    for n in ([1, 2] if night == 0 else [night]):
        p['opts'][n] = list(o)


def need(p, night, types, why, route=None):
    for n in ([1, 2] if night == 0 else [night]):
        p['items'][n].append(dict(types=types, why=why, route=route))
        p['allow'][n] = True


def stranger(area, male, birth, name):
    """A number / name of nobody in the county (a notice about a stranger)."""
    n = new_number(area, birth, male)
    return dict(num=n, name=name, sex='男' if male else '女', birth=birth)


STRANGERS = []

# --- border birthdays. RULES.md UNDER_18: "birth date + 18 years > E".
for t, b, o in [('border18_on_E', D(2009, 1, 10), None), ('border18_day_after_E', D(2009, 1, 11), 'N:UNDER_18'),
                ('border18_new_year', D(2009, 1, 1), None), ('border18_after_posting', D(2008, 12, 22), None),
                ('border18_on_posting', POSTING.replace(year=POSTING.year - 18), None),
                ('border18_year_arith', None, 'N:UNDER_18')]:
    for _ in range(K):
        bb = b or rand_birth(D(2009, 3, 1), D(2009, 12, 31))
        vil = pick_vil(True)
        p = mkperson(vil, rng.random() < 0.5, bb)
        used.add(p['pid'])
        natives.append(p)
        tag(p, t)
        if o:
            opts(p, 0, o)
# RULES.md 三增三减: 新满十八周岁 "under 18 on the previous roll's election day"; 补登 "any other". PREV_E = 2022-01-09.
for t, b in [('prevE_exactly_18_not_on_roll', D(2004, 1, 9)), ('prevE_one_day_short', D(2004, 1, 10))]:
    for _ in range(K):
        p = mkperson(pick_vil(True), rng.random() < 0.5, b)
        used.add(p['pid'])
        natives.append(p)
        tag(p, t)
        p['baseline'] = False

# --- unit-only township (203) and unconfigured township (204). RULES.md: "When no rule gives a district, the person
# is not listed and NO_DISTRICT is raised"; exceptions "name the township (乡镇代码) that must handle it ... One for which
# no township can be found (..., a person outside every district) goes to the county election office's own queue".
for p in natives:
    h = H(p)
    if p['pid'] in used or not p['f'][1]['huji'] or h['vil'][6:9] not in ('203', '204'):
        continue
    if h['status'] == '正常' and adult(p):
        t = 'township_unit_only' if h['vil'][6:9] == '203' else 'township_unconfigured'
        tag(p, t)
# 203 residents at the mine: UNIT "an active shebao record whose credit code belongs to a 单位 district".
for p in take(lambda p: H(p)['vil'][6:9] == '203' and plain_adult(p, covered=False) and not p['f'][1]['shebao']
              and not p['f'][1]['xuanwei'] and not p['f'][1]['waidi'] and H(p)['status'] == '正常', 2 * K):
    p['f'][1]['shebao'].append(dict(credit=MINE2, state='参保缴费', reason='', end=None))
    tag(p, 'unit_only_township_miner')
# 204 resident at the hospital: 工作单位, no NO_DISTRICT
for p in take(lambda p: H(p)['vil'][6:9] == '204' and plain_adult(p, covered=False) and not p['f'][1]['shebao']
              and not p['f'][1]['xuanwei'] and not p['f'][1]['waidi'] and H(p)['status'] == '正常', K):
    p['f'][1]['shebao'].append(dict(credit=HOSP, state='参保缴费', reason='', end=None))
    tag(p, 'unconfigured_township_unit_worker')
# county resident living (active liudong) in the uncovered 203 village: RESIDENCE needs a code "covered by a
# district", so HUKOU decides.
for p in take(lambda p: plain_adult(p) and not p['f'][1]['liudong'] and not p['f'][1]['shebao'], K):
    p['f'][1]['liudong'].append(dict(code='433128203001', reg=D(2024, 5, 1), end=None))
    tag(p, 'residence_in_uncovered_village')
# 9-digit police code of the single-district township 200. SOURCES.md: "Sometimes only 6 or 9 digits"; HUKOU: "the
# district covering the 户籍地区划代码" -- a 9-digit code is covered by no district, yet the township has one district.
# Truth fix: the pick once allowed a person insured at a unit (工作单位 wins before HUKOU).
for p in take(lambda p: H(p)['vil'][6:9] == '200' and plain_adult(p) and not p['f'][1]['shebao'], K):
    H(p)['code'] = H(p)['vil'][:9]
    tag(p, 'hukou_9digit_single_district_township')
    opts(p, 0, '433128200-01/户籍地', 'N:NO_DISTRICT+')

# --- legacy 15-digit numbers mixed with 18-digit ones. RULES.md: "a 15-digit number is the same person as its
# 18-digit form"; "the normalised number equals the person's (a 15-digit number counts as its 18-digit form)".
L15 = lambda p: plain_adult(p, ages=(1945, 1990)) and not p['f'][1]['shebao'] and not p['f'][1]['liudong'] \
    and not p['f'][1]['xuanwei'] and not p['f'][1]['waidi'] and H(p)['status'] == '正常'
for p in take(L15, K):
    # huji under the 15-digit form only, insurance at the unit under 18 digits and a homophone name. The number is
    # equal, but "A homophone ... is not agreement": certain by number, or uncertain by name -- either, with an item
    # when not acted on.
    H(p)['num'] = to15(p['num'])
    hn = homophone(p['name'])
    if not hn:
        p['name'] = p['name'][0] + '伟' if p['sex'] == '男' else p['name'][0] + '丽'
        hn = homophone(p['name'])
    p['f'][1]['shebao'].append(dict(credit=HOSP, state='参保缴费', reason='', end=None, name=hn))
    tag(p, 'legacy15_huji_homophone_unit')
    opts(p, 0, '433128100-12/工作单位', 'HUKOU+')
for p in take(L15, K):
    # huji 18 digits; unit insurance under the 15-digit form in traditional characters: certain (number equal).
    nm = p['name']
    if trad(nm) == nm:
        p['name'] = '陈' + nm[1:]
    p['f'][1]['shebao'].append(dict(credit=MINE1, state='参保缴费', reason='', end=None, num=to15(p['num']),
                                    name=trad(p['name'])))
    tag(p, 'legacy15_shebao_traditional_unit')
    opts(p, 0, '433128203-01/工作单位')
for p in take(L15, K):
    # DECEASED "a minzheng record ... linked by the identity number"; DEATH_CONFLICT "huji still 正常".
    p['f'][1]['minzheng'].append(dict(num=to15(p['num']), death=D(2026, 10, 3)))
    tag(p, 'legacy15_death_notice')
    opts(p, 0, 'N:DECEASED')
    need(p, 0, ['DEATH_CONFLICT'], 'death notice under the 15-digit form, huji 正常')
for p in take(L15, K):
    H(p)['num'] = to15(p['num'])
    p['f'][1]['waidi'].append(dict(type='已在外地登记', other='320102', date=D(2026, 11, 20)))
    tag(p, 'legacy15_huji_registered_elsewhere_18')
    opts(p, 0, 'N:REGISTERED_ELSEWHERE')

# --- minority names: traditional characters plus a dot variant, with a repaired number at a unit.
# RULES.md: agreement "once traditional forms, the variants of the middle dot, spaces and */? ... are folded";
# SOURCES.md lists `·` `•` `.` `・` `▪` or none. The full-width `．` (U+FF0E) is not in that list: either.
for t, dot, kind, strict in [('minority_trad_bullet_swap', '•', 'swap', True), ('minority_trad_nodot_digit', '', 'digit', True),
                             ('minority_trad_katakana_dot_digit', '・', 'digit', True),
                             ('minority_trad_fullwidth_stop_digit', '．', 'digit', False)]:
    for p in take(L15, K):
        male = p['sex'] == '男'
        given = rng.choice([g for g in (UYG_M if male else UYG_F) if trad(g) != g] or (UYG_M if male else UYG_F))
        fam = rng.choice([f for f in UYG_FAM if trad(f) != f])
        p['name'] = given + '·' + fam
        written = trad(given) + dot + trad(fam)
        p['f'][1]['shebao'].append(dict(credit=HOSP, state='参保缴费', reason='', end=None,
                                        num=typo(p['num'], kind), name=written))
        tag(p, t)
        opts(p, 0, *(['433128100-12/工作单位'] if strict else ['433128100-12/工作单位', 'HUKOU+']))

# --- wildcard names. RULES.md: "`*`/`?` for a rare character are folded"; the police name is the reference spelling.
RARE = ['䶮', '𠮷', '龑', '喆', '堃', '淼', '犇', '昇']
for t in ['wildcard_in_police_name_typo_unit', 'wildcard_in_shebao_name_swap_unit']:
    for p in take(L15, K):
        rare = rng.choice(RARE)
        full = p['name'][0] + rare
        if t.startswith('wildcard_in_police'):
            p['name'] = p['name'][0] + rng.choice('*?')
            other = full
            kind = 'digit'
        else:
            p['name'] = full
            other = full[0] + rng.choice('*?')
            kind = 'swap'
        p['f'][1]['shebao'].append(dict(credit=MINE1, state='参保缴费', reason='', end=None, num=typo(p['num'], kind),
                                        name=other))
        tag(p, t)
        opts(p, 0, '433128203-01/工作单位')


# --- a one-digit typo inside a legacy 15-digit number. A 15-digit number has no check digit, so the typo cannot be seen:
# it converts to a well-formed 18-digit number of nobody, two characters from the person's. RULES.md: "the number is
# one wrong digit ... away from the number of exactly one known person" (in its 15-digit form it is); "A record that
# could change someone's listing or district and is linked to nobody for certain still names its likeliest people
# (one wrong digit or swap away, ...)"; "Removal needs the number itself".
def typo15(n):
    s15 = to15(n)
    for _ in range(100):
        i = rng.randrange(12, 15)
        c = rng.choice([d for d in '0123456789' if d != s15[i]])
        t = s15[:i] + c + s15[i + 1:]
        if t[12:15] >= '996':
            continue
        t18 = t[:6] + '19' + t[6:] + check(t[:6] + '19' + t[6:])
        if t18 not in ALL:
            return t
    raise RuntimeError('typo15')


for p in take(L15, K):
    p['f'][1]['shebao'].append(dict(credit=HOSP, state='参保缴费', reason='', end=None, num=typo15(p['num'])))
    tag(p, 'legacy15_typo_unit')
    opts(p, 0, '433128100-12/工作单位', 'HUKOU+')
for p in take(L15, K):
    p['f'][1]['minzheng'].append(dict(num=typo15(p['num']), death=D(2026, 10, 20)))
    tag(p, 'legacy15_typo_death_living')
    need(p, 0, ['DEATH_REVIEW', 'MATCH_REVIEW'], 'death notice under a 15-digit number one digit off, living')
# --- the typo flips the sex digit; the record's own 性别 is right. RULES.md: "Sex and birth that a record has only
# from its own mistyped number are no evidence" -- the number's sex is not held against it either: certain repair.
for p in take(L15, K):
    t16 = typo(p['num'], 'digit', 16, 17)
    while int(t16[16]) % 2 == int(p['num'][16]) % 2:
        t16 = typo(p['num'], 'digit', 16, 17)
    p['f'][1]['shebao'].append(dict(credit=MINE1, state='参保缴费', reason='', end=None, num=t16))
    tag(p, 'unit_typo_in_sex_digit')
    opts(p, 0, '433128203-01/工作单位')
# --- a typo, and the insurance row has no 出生日期: its birth comes only from its own mistyped number, "no evidence",
# so "name, sex and birth agree" is not shown: not certain -> 户籍地 with MATCH_REVIEW (strict reading, README).
for p in take(L15, K):
    p['f'][1]['shebao'].append(dict(credit=HOSP, state='参保缴费', reason='', end=None, num=typo(p['num'], 'digit', 14, 16),
                                    nobirth=True))
    tag(p, 'unit_typo_row_without_birth')
    opts(p, 0, 'HUKOU+')
# --- the police spelling is traditional (陳), insurance simplified with a typo: certain; the roll carries 陳.
for p in take(lambda p: L15(p) and p['name'][0] in '陈张刘赵吴孙郑谢许韩', K):
    p['name'] = trad(p['name'][0]) + p['name'][1:]
    p['f'][1]['shebao'].append(dict(credit=MINE2, state='参保缴费', reason='', end=None, num=typo(p['num']),
                                    name=''.join({v: k for k, v in TRAD.items()}.get(c, c) for c in p['name'])))
    tag(p, 'police_traditional_name_unit_typo')
    opts(p, 0, '433128203-01/工作单位')

# --- namesakes in different townships. RULES.md PERSON_MULTI_RECORD: "two records under different valid numbers at
# different addresses with nothing else in common are two people and raise nothing"; "Same name, sex and birth date
# alone never prove one person". Half carry the same bare street address text in two townships (not one dwelling:
# the area codes differ).
def namesake_pair(t):
    a = take(lambda p: plain_adult(p) and H(p)['vil'][6:9] == '100' and not p['f'][1]['xuanwei'] and not p['f'][1]['waidi']
             and not p['f'][1]['liudong'] and H(p)['status'] == '正常' and not p['f'][1]['shebao'])[0]
    vil = rng.choice([v for v in COVERED if v[6:9] in ('101', '200')])
    b = mkperson(vil, a['sex'] == '男', a['birth'], name=a['name'])
    used.add(b['pid'])
    natives.append(b)
    if rng.random() < 0.5:
        addr = '人民路%d号' % rng.randint(1, 99)
        H(a)['addr'] = addr
        H(b)['addr'] = addr
    for q in (a, b):
        tag(q, t)
        for n in (1, 2):
            q['forbid'][n] += ['PERSON_MULTI_RECORD', 'ID_SHARED']
    return a, b


for _ in range(2 * K):
    a, b = namesake_pair('namesake_other_township')
    for q in (a, b):
        for n in (1, 2):
            q['forbid'][n] += ['MATCH_REVIEW', 'DEATH_REVIEW']
for _ in range(K):
    # RULES.md DECEASED by number; DEATH_REVIEW only for a fuzzy link -- the namesake must not be named.
    a, b = namesake_pair('namesake_one_dies_by_number')
    a['f'][1]['minzheng'].append(dict(num=a['num'], death=D(2026, 9, 9)))
    opts(a, 0, 'N:DECEASED')
    need(a, 0, ['DEATH_CONFLICT'], 'minzheng by number, huji 正常')
    for n in (1, 2):
        b['forbid'][n] += ['DEATH_REVIEW', 'MATCH_REVIEW', 'DEATH_CONFLICT']
for _ in range(K):
    # a death notice without a number. RULES.md: "A record that could change someone's listing ... linked to nobody
    # for certain still names its likeliest people (..., same name and birth) in its MATCH_REVIEW; it is never
    # dropped without an item". Both stay listed; an item naming one of them (or citing the row) is required.
    a, b = namesake_pair('namesake_death_notice_without_number')
    a['f'][1]['minzheng'].append(dict(num='', death=D(2026, 11, 2), line_of=True))
    a['nonum_death'] = True
    need(a, 0, ['DEATH_REVIEW', 'MATCH_REVIEW', 'ID_INVALID'], 'numberless death notice, two namesakes')
    b['allow'] = {1: True, 2: True}
    a['pair'] = b['pid']

# --- twins in one household (same sex, birth, names one character apart).
for t in ['twins_death_exact', 'twins_death_typo_with_other_twins_name', 'twins_unit_typo']:
    for _ in range(K):
        head = take(lambda p: plain_adult(p, ages=(1955, 1975)) and H(p)['rel'] == '户主' and H(p)['status'] == '正常')[0]
        hh, vil, addr = H(head)['hh'], H(head)['vil'], H(head)['addr']
        male = rng.random() < 0.5
        b = rand_birth(D(1990, 1, 1), D(2005, 12, 31))
        g1 = rng.choice(['浩', '子', '俊', '文']) if male else rng.choice(['欣', '雨', '诗', '佳'])
        n1 = head['name'][0] + g1 + ('宇' if male else '涵')
        n2 = head['name'][0] + g1 + ('轩' if male else '琪')
        ta = mkperson(vil, male, b, name=n1, hh=hh, rel='子' if male else '女', addr=addr)
        tb = mkperson(vil, male, b, name=n2, hh=hh, rel='子' if male else '女', addr=addr)
        for q in (ta, tb):
            used.add(q['pid'])
            natives.append(q)
            tag(q, t)
        if t == 'twins_death_exact':
            ta['f'][1]['minzheng'].append(dict(num=ta['num'], death=D(2026, 8, 8)))
            opts(ta, 0, 'N:DECEASED')
            need(ta, 0, ['DEATH_CONFLICT'], 'minzheng by number, huji 正常')
            for n in (1, 2):
                tb['forbid'][n] += ['DEATH_REVIEW', 'MATCH_REVIEW']
        elif t == 'twins_death_typo_with_other_twins_name':
            # RULES.md: "Linked through a repaired number or a fuzzy match it removes nobody: it raises DEATH_REVIEW".
            ta['f'][1]['minzheng'].append(dict(num=typo(ta['num']), death=D(2026, 8, 8), name=tb['name']))
            need(ta, 0, ['DEATH_REVIEW', 'MATCH_REVIEW'], 'death notice one digit off twin A, name of twin B',
                 route=['433128' + vil[6:9]])
            tb['allow'] = {1: True, 2: True}
            ta['pair'] = tb['pid']
        else:
            # RULES.md certain link: "one wrong digit ... away from the number of exactly one known person, and name,
            # sex and birth agree" (typo() makes sure the other twin is not one digit away).
            ta['f'][1]['shebao'].append(dict(credit=HOSP, state='参保缴费', reason='', end=None, num=typo(ta['num'])))
            opts(ta, 0, '433128100-12/工作单位')

# --- a death notice one digit off a living person. RULES.md: "Removal needs the number itself" ... DEATH_REVIEW,
# "who stays listed until a township decides"; "Sex and birth that a record has only from its own mistyped number are
# no evidence" (some typos fall in the birth digits).
for t, kind, nm in [('death_digit_off_living_traditional', 'digit', trad), ('death_swap_living', 'swap', lambda s: s),
                    ('death_digit_off_in_birth_digits', 'birthdigit', lambda s: s)]:
    for p in take(lambda p: plain_adult(p) and H(p)['status'] == '正常' and not p['f'][1]['xuanwei']
                  and not p['f'][1]['waidi'], K):
        if kind == 'birthdigit':
            num = typo(p['num'], 'digit', lo=10, hi=14)
        else:
            num = typo(p['num'], kind)
        p['f'][1]['minzheng'].append(dict(num=num, death=D(2026, 7, 1), name=nm(p['name'])))
        tag(p, t)
        need(p, 0, ['DEATH_REVIEW'], 'death notice one typo off, living', route=['433128' + H(p)['vil'][6:9]])

# --- notices about strangers (nobody in the county): nothing is required; if an item is raised, no township can be
# found for it: "goes to the county election office's own queue".
for t, src in [('stranger_death_notice', 'minzheng'), ('stranger_registered_elsewhere', 'waidi')]:
    for _ in range(K):
        s = stranger('420106', rng.random() < 0.5, rand_birth(D(1950, 1, 1), D(1990, 1, 1)), '欧阳' + rng.choice('震霆骁'))
        s['src'] = src
        s['tag'] = t
        STRANGERS.append(s)

# --- in-migrant months across the new year (in-migrant book: "2025-12-15 -> 2026-12-15 is 12, 2025-12-16 -> 11")
for t, reg, m in [('inmig_12_months_across_year', D(2026, 1, 10), 12), ('inmig_11_months_across_year', D(2026, 1, 11), 11),
                  ('inmig_13_months', D(2025, 12, 10), 13)]:
    for _ in range(K):
        vil = pick_vil(True)
        p = mkperson(vil, True, rand_birth(D(1970, 1, 1), D(2000, 1, 1)), area='510104')
        p['f'][1]['huji'] = []
        p['inmig'] = True
        p['home'] = '510104'
        p['f'][1]['liudong'].append(dict(code=vil, reg=reg, end=None))
        INMIG.append(p)
        used.add(p['pid'])
        tag(p, t)
        p['months'] = m
        if m >= 12:
            need(p, 0, ['INMIGRANT_ELIGIBLE'], '%d months' % m)

# ---------------------------------------------------------------- night 2 (RULES.md: "The previous roll is the
# county's roll of the last run"; SOURCES.md: "Every source delivers a full snapshot each time")
for p in persons:
    p['f'][2] = copy.deepcopy(p['f'][1])

N2P = lambda p: (plain_adult(p) and H(p)['status'] == '正常' and not p['f'][1]['shebao'] and not p['f'][1]['liudong']
                 and not p['f'][1]['xuanwei'] and not p['f'][1]['waidi'] and not p['f'][1]['minzheng'] and not p.get('case'))
for p in take(N2P, K):
    p['f'][2]['minzheng'].append(dict(num=p['num'], death=D(2026, 12, 20)))
    tag(p, 'n2_death_notice_by_number')
    opts(p, 2, 'N:DECEASED')
    need(p, 2, ['DEATH_CONFLICT'], 'night 2 minzheng by number, huji 正常')
for p in take(N2P, K):
    h = p['f'][2]['huji'][0]
    h['status'], h['sdate'] = '死亡', D(2026, 12, 21)
    tag(p, 'n2_huji_death')
for p in take(N2P, K):
    other = rng.choice([v for v in COVERED if COVER[v] != COVER[H(p)['vil']]])
    p['f'][2]['liudong'].append(dict(code=other, reg=D(2026, 12, 1), end=None))
    tag(p, 'n2_residence_registered_other_district')
for i, p in enumerate(take(N2P, 2 * K)):
    # moved household register inside the county. Half: the row simply carries the new village; half: the old row
    # says 迁出 to an in-county 12-digit code and a new 正常 row (same number) stands in the new village. RULES.md
    # MOVED_OUT is "household register moved out of the county".
    other = rng.choice([v for v in COVERED if COVER[v] != COVER[H(p)['vil']]])
    h = p['f'][2]['huji'][0]
    new = dict(h, vil=other, code=other, addr=street_addr(other), hh=new_hh(other), rel='户主')
    if i % 2 == 0:
        p['f'][2]['huji'] = [new]
        tag(p, 'n2_hukou_moved_in_county')
    else:
        h['status'], h['sdate'], h['dest'] = '迁出', D(2026, 12, 2), other
        p['f'][2]['huji'] = [h, new]
        tag(p, 'n2_hukou_moved_in_county_old_row_qianchu')
for p in take(lambda p: plain_adult(p) and H(p)['status'] == '正常' and not p.get('case') and not p['f'][1]['shebao']
              and not p['f'][1]['xuanwei'] and not p['f'][1]['waidi'] and len(p['f'][1]['liudong']) == 1
              and p['f'][1]['liudong'][0]['end'] is None, K):
    p['f'][2]['liudong'][0]['end'] = D(2026, 12, 15)
    tag(p, 'n2_residence_ended')
for p in take(N2P, K):
    h = p['f'][2]['huji'][0]
    h['status'], h['sdate'], h['dest'] = '迁出', D(2026, 12, 18), '430105'
    tag(p, 'n2_moved_out')
for p in take(N2P, K):
    p['f'][2]['huji'] = []          # gone from the full snapshot
    p['gone2'] = True
    tag(p, 'n2_vanished_from_huji')
    p['books'][2] = dict(rem='其他|迁出')
for i in range(2 * K):
    young = i % 2 == 1
    b = rand_birth(D(2006, 1, 1), D(2008, 6, 1)) if young else rand_birth(D(1970, 1, 1), D(1995, 1, 1))
    p = mkperson(pick_vil(True), rng.random() < 0.5, b)
    natives.append(p)
    used.add(p['pid'])
    p['f'][2] = copy.deepcopy(p['f'][1])
    p['f'][1]['huji'] = []
    p['new2'] = True
    p['baseline'] = False
    # 新增 "迁入 (..., or newly in the county)"; for the young one "新满十八周岁 (under 18 on the previous roll's election
    # day)": the previous roll of night 2 is night 1's roll (same E), but election.yml's previous-election-day says
    # 2022: either.
    tag(p, 'n2_new_in_huji_young' if young else 'n2_new_in_huji')
    p['books'][2] = dict(add='迁入|新满十八周岁' if young else '迁入')
for p in take(N2P, K):
    h1, h2 = p['f'][1]['huji'][0], p['f'][2]['huji'][0]
    h1['status'], h1['sdate'] = '死亡', D(2026, 11, 1)
    tag(p, 'n2_death_revoked_by_police')
    p['books'][2] = dict(add='补登')
for p in take(N2P, K):
    p['f'][2]['waidi'].append(dict(type='已在外地登记', other='350102', date=D(2026, 12, 19)))
    tag(p, 'n2_registered_elsewhere')
for p in take(N2P, K):
    p['f'][2]['minzheng'].append(dict(num=typo(p['num']), death=D(2026, 12, 19)))
    tag(p, 'n2_death_notice_digit_off_living')
    need(p, 2, ['DEATH_REVIEW'], 'night 2 death notice one digit off, living')
# SOURCES.md: a full snapshot each night. An in-migrant listed on night 1 (proof) whose residence row is gone on night 2
# is no longer considered: 除名 "迁出 (moved out of the county, ...)" -- or 其他: either.
for p in [q for q in INMIG if q['f'][1]['waidi'] and not q['tags'] and adult(q)][:K]:
    p['f'][2]['liudong'] = []
    used.add(p['pid'])
    tag(p, 'n2_inmigrant_left')
    p['books'][2] = dict(rem='迁出|其他')
# a resettled household whose new home is handed over between the nights: RESETTLED "交房日期 <= E" (night 1: empty).
for c in CASES[:K]:
    c['hand1'] = None
    c['hand2'] = D(2026, 12, 26)
    for pid, _ in c['members']:
        tag(persons[pid], 'n2_resettlement_handed_over')
# the police replace a legacy 15-digit number by its 18-digit form: one person both nights ("a 15-digit number is the
# same person as its 18-digit form"); no book line.
for p in take(N2P, K):
    p['f'][1]['huji'][0]['num'] = to15(p['num'])
    tag(p, 'n2_huji_number_upgraded_15_to_18')
# the police record a new name (the old one becomes 曾用名): same number, same person; the roll carries the new name.
for p in take(N2P, K):
    h2 = p['f'][2]['huji'][0]
    h2['former'] = p['name']
    p['name1'] = p['name']
    p['name'] = p['name'][0] + ('建军' if p['sex'] == '男' else '雅琴')
    h2['name'] = p['name']
    p['f'][1]['huji'][0]['name'] = p['name1']
    tag(p, 'n2_huji_renamed')
# in-migrant whose proof arrives on night 2
cand = [p for p in INMIG if not p['f'][1]['waidi'] and not p['tags'] and adult(p)
        and months_between(p['f'][1]['liudong'][0]['reg'], E) >= 12]
for p in cand[:K]:
    p['f'][2]['waidi'].append(dict(type='原选区资格证明', other=p['num'][:6], date=D(2026, 12, 20)))
    used.add(p['pid'])
    tag(p, 'n2_inmigrant_proof_arrives')
    need(p, 1, ['INMIGRANT_ELIGIBLE'], 'eligible in-migrant without proof')
# SOURCES.md: "A source may be absent on a given night: then its last delivered snapshot stays in force". xuanwei is
# not delivered on night 2: its night-1 decisions stay (tag on everyone deprived / suspended / unable on E).
# SOURCES.md: "A required header that is missing makes the whole file unusable: the run reports it clearly and uses
# that source's previous snapshot." Night 2's shebao lacks 参保状态: what it says must not be acted on.
for p in take(lambda p: N2P(p), K):
    p['f'][2]['shebao'].append(dict(credit=HOSP, state='参保缴费', reason='', end=None))
    p['n2_shebao_only'] = True
    tag(p, 'n2_unusable_shebao_new_unit_worker')
for p in natives:
    s = p['f'][1]['shebao']
    if p['pid'] not in used and len(s) == 1 and s[0]['credit'] in UNIT and s[0]['state'] == '参保缴费' \
            and H(p)['status'] == '正常' and not p['f'][1]['xuanwei'] and not p['f'][1]['waidi'] and not p.get('case') \
            and not p['f'][1]['minzheng'] and len(SCN.get('n2_unusable_shebao_death_ignored', [])) < K:
        p['f'][2]['shebao'][0].update(state='终止参保', reason='死亡', end=D(2026, 12, 20))
        used.add(p['pid'])
        tag(p, 'n2_unusable_shebao_death_ignored')
for p in persons:
    if any(x['type'] != '恢复政治权利' for x in p['f'][1]['xuanwei']) and H(p)['status'] == '正常':
        x = p['f'][1]['xuanwei'][0]
        if x['start'] <= E and (x['end'] is None or x['end'] >= E):
            tag(p, 'n2_xuanwei_absent_decision_stays')


# ---------------------------------------------------------------- the truth: RULES.md applied to the true facts
def outcome(p, n):
    """['D/basis'] or ['N:REASON,...'] from the true facts of night n (before scenario options)."""
    f = p['f'][n]
    if not f['huji'] and not p['inmig']:
        return ['X']                       # not considered
    reasons = []
    if p['inmig']:
        act = [l for l in f['liudong'] if l['reg'] <= E and (l['end'] is None or l['end'] > E)]
        proof = [w for w in f['waidi'] if w['type'] == '原选区资格证明']
        if not act or not proof:
            return ['X']
    else:
        live = [h for h in f['huji'] if h['status'] == '正常']
        st = f['huji'][0]['status'] if not live else '正常'
        if st == '死亡' or f['minzheng'] and any(m['num'] in (p['num'], to15(p['num'])) for m in f['minzheng']):
            reasons.append('DECEASED')
        elif any(m['num'] in (p['num'], to15(p['num'])) for m in f['minzheng']):
            reasons.append('DECEASED')
        if st != '正常' and st != '死亡':
            reasons.append({'迁出': 'MOVED_OUT', '服兵役': 'MILITARY', '出国定居': 'EMIGRATED', '注销': 'CANCELLED'}[st])
    if not adult(p):
        reasons.append('UNDER_18')
    xw = f['xuanwei'] if n == 1 else p['f'][1]['xuanwei']
    for x in xw:
        if x['start'] <= E and (x['end'] is None or x['end'] >= E):
            reasons.append({'剥夺政治权利': 'DEPRIVED', '停止行使选举权利': 'SUSPENDED', '不能行使选举权利': 'UNABLE'}[x['type']])
    if any(w['type'] == '已在外地登记' and w['date'] <= E for w in f['waidi']):
        reasons.append('REGISTERED_ELSEWHERE')
    if reasons:
        return ['N:' + ','.join(reasons)]
    sb = p['f'][1]['shebao'] if n == 2 else f['shebao']     # night 2's shebao is unusable
    for s in sb:
        if s['state'] == '参保缴费' and s['credit'] in UNIT:
            return [UNIT[s['credit']] + '/工作单位']
    c = p.get('case')
    hand = c.get('hand%d' % n, c['hand']) if c else None
    if c and c['mode'] == '产权调换' and hand and hand <= E and c['dest'] in COVER:
        return [COVER[c['dest']] + '/安置地']
    for l in sorted(f['liudong'], key=lambda l: l['reg'], reverse=True):
        if l['reg'] <= E and (l['end'] is None or l['end'] > E) and l['code'] in COVER:
            return [COVER[l['code']] + ('/资格证明' if p['inmig'] else '/居住地')]
    if p['inmig']:
        return ['N:NO_DISTRICT']
    live = [h for h in f['huji'] if h['status'] == '正常']
    code = live[-1]['code']
    if code in COVER:
        return [COVER[code] + '/户籍地']
    return ['N:NO_DISTRICT']


def resolve_opts(p, n):
    base = outcome(p, n)
    o = p['opts'].get(n)
    if not o:
        return base
    out = []
    for x in o:
        if x == 'HUKOU+':
            code = [h for h in p['f'][n]['huji'] if h['status'] == '正常'][-1]['code']
            out.append(COVER[code] + '/户籍地+')
        else:
            out.append(x)
    return out


for p in persons:
    for n in (1, 2):
        p['expect%d' % n] = resolve_opts(p, n)
        e = p['expect%d' % n]
        if any(x.startswith('N:') and 'NO_DISTRICT' in x and '+' not in x for x in e):
            t = H(p, n)['vil'][:9] if p['f'][n]['huji'] else ''
            # RULES.md: the township of the person, or the county office's queue for "a person outside every district"
            need(p, n, ['NO_DISTRICT'], 'no district', route=[t, ''] if t in {d[2] for d in DISTRICTS} else [t, ''])
        if p['inmig'] and e == ['X']:
            act = [l for l in p['f'][n]['liudong'] if l['reg'] <= E and (l['end'] is None or l['end'] > E)]
            if act and months_between(act[0]['reg'], E) >= 12 and not any(
                    it['types'] == ['INMIGRANT_ELIGIBLE'] for it in p['items'][n]):
                need(p, n, ['INMIGRANT_ELIGIBLE'], 'in-migrant %d months' % months_between(act[0]['reg'], E))
for p in persons:
    if any(x.endswith('+') for x in p['expect1'] + p['expect2']):
        for n in (1, 2):
            p['allow'][n] = True


# ---------------------------------------------------------------- rows of every source
def R(n, src):
    rows = []
    if src == 'huji':
        for p in persons:
            for h in p['f'][n]['huji']:
                rows.append((p, {'公民身份号码': mess_number(h['num'] or p['num'], 0.03), '姓名': h['name'] or p['name'],
                                 '曾用名': h['former'], '性别': p['sex'] if rng.random() < 0.8 else ('1' if p['sex'] == '男' else '2'),
                                 '民族': '维吾尔族' if '·' in p['name'] else '汉族', '出生日期': fmt_date(p['birth']),
                                 '户号': h['hh'], '与户主关系': h['rel'], '户籍地址': h['addr'], '户籍地区划代码': h['code'],
                                 '人员状态': h['status'], '状态变动日期': fmt_date(h['sdate']) if h['sdate'] else '',
                                 '迁往地区划代码': h['dest']}))
    elif src == 'liudong':
        for p in persons:
            for l in p['f'][n]['liudong']:
                home = p['home'] if p['inmig'] else H(p, n)['code'] if p['f'][n]['huji'] else H(p, 1)['code']
                rows.append((p, {'公民身份号码': mess_number(p['num']), '姓名': mess_name(p['name']), '性别': p['sex'],
                                 '出生日期': fmt_date(p['birth']), '户籍地区划代码': home,
                                 '居住地址': '%s%s%d栋%d室' % (TOWNS[l['code'][:9]], VIL[l['code']], rng.randint(1, 30), rng.randint(101, 1802)),
                                 '居住地区划代码': l['code'], '登记日期': fmt_date(l['reg']),
                                 '注销日期': fmt_date(l['end']) if l['end'] else '', '居住事由': rng.choice(['务工', '经商', '投亲', '其他'])}))
    elif src == 'shebao':
        for p in persons:
            for s in p['f'][n]['shebao']:
                rows.append((p, {'社会保障号码': s.get('num') or mess_number(p['num']), '姓名': s.get('name') or mess_name(p['name']),
                                 '性别': p['sex'], '出生日期': '' if s.get('nobirth') else p['birth'], '参保单位名称': {HOSP: '云溪县人民医院', MINE1: '东山煤矿',
                                                                                  MINE2: '东山煤矿二井'}.get(s['credit'], '云溪县某公司'),
                                 '统一社会信用代码': s['credit'], '参保状态': s['state'], '终止原因': s['reason'],
                                 '终止日期': s['end']}))
    elif src == 'minzheng':
        for p in persons:
            for m in p['f'][n]['minzheng']:
                num = m['num']
                rows.append((p, {'公民身份号码': mess_number(num) if len(num) == 18 else num, '姓名': m.get('name') or p['name'],
                                 '性别': p['sex'], '死亡日期': fmt_date(m['death']),
                                 '火化日期': fmt_date(m['death'] + dt.timedelta(days=2))}))
        for s in STRANGERS:
            if s['src'] == 'minzheng':
                rows.append((s, {'公民身份号码': s['num'], '姓名': s['name'], '性别': s['sex'], '死亡日期': '2026-11-11', '火化日期': ''}))
    elif src == 'xuanwei':
        for p in persons:
            for x in p['f'][n]['xuanwei']:
                rows.append((p, {'公民身份号码': mess_number(p['num']), '姓名': p['name'], '类型': x['type'],
                                 '起始日期': fmt_date(x['start']), '终止日期': fmt_date(x['end']) if x['end'] else '',
                                 '决定机关': '云溪县人民法院', '文号': '(2026)云刑初字第%d号' % rng.randint(1, 300)}))
    elif src == 'waidi':
        for p in persons:
            for w in p['f'][n]['waidi']:
                rows.append((p, {'公民身份号码': mess_number(p['num']), '姓名': p['name'], '类型': w['type'],
                                 '对方区划代码': w['other'], '对方选举委员会': '外地选举委员会', '日期': fmt_date(w['date'])}))
        for s in STRANGERS:
            if s['src'] == 'waidi':
                rows.append((s, {'公民身份号码': s['num'], '姓名': s['name'], '类型': '已在外地登记', '对方区划代码': '420106',
                                 '对方选举委员会': '武汉市江岸区选举委员会', '日期': '2026-11-30'}))
    elif src == 'chaiqian':
        for c in CASES:
            for pid, hasnum in c['members']:
                p = persons[pid]
                h = p['f'][1]['huji'][0]
                rows.append((p, {'项目名称': '城区旧改', '被征收户编号': c['no'], '姓名': p['name'],
                                 '公民身份号码': mess_number(p['num']) if hasnum else '', '与户主关系': h['rel'],
                                 '原房屋地址': h['addr'], '原区划代码': c['src'], '安置方式': c['mode'],
                                 '安置地址': '%s安置小区%d栋' % (VIL[c['dest']], rng.randint(1, 20)), '安置区划代码': c['dest'],
                                 '交房日期': c.get('hand%d' % n, c['hand']) or '', '拆除日期': c['hand'] - dt.timedelta(days=300)}))
    elif src == 'tongji':
        for p in persons:
            if p['inmig'] or not p['f'][n]['huji'] or p['pid'] % 5:
                continue
            h = H(p, n)
            if h['status'] != '正常':
                continue
            away = p.setdefault('away', rng.random() < 0.1)
            dest = p.setdefault('away_dest', rng.choice(['外县', '外县', '境外', '本县']))
            hasnum = p.setdefault('tj_num', rng.random() < 0.4)
            rows.append((p, {'住户编码': 'T' + h['hh'], '调查地址': h['addr'], '调查地区划代码': h['vil'], '姓名': p['name'],
                             '性别': p['sex'], '出生年月': fmt_month(p['birth']), '公民身份号码': mess_number(p['num']) if hasnum else '',
                             '户口登记地': '本村(居)', '居住状态': '外出' if away else '常住', '外出去向': dest if away else ''}))
    return rows


HEAD = {'huji': ['公民身份号码', '姓名', '曾用名', '性别', '民族', '出生日期', '户号', '与户主关系', '户籍地址', '户籍地区划代码', '人员状态',
                 '状态变动日期', '迁往地区划代码'],
        'liudong': ['公民身份号码', '姓名', '性别', '出生日期', '户籍地区划代码', '居住地址', '居住地区划代码', '登记日期', '注销日期', '居住事由'],
        'shebao': ['社会保障号码', '姓名', '性别', '出生日期', '参保单位名称', '统一社会信用代码', '参保状态', '终止原因', '终止日期'],
        'tongji': ['住户编码', '调查地址', '调查地区划代码', '姓名', '性别', '出生年月', '公民身份号码', '户口登记地', '居住状态', '外出去向'],
        'chaiqian': ['项目名称', '被征收户编号', '姓名', '公民身份号码', '与户主关系', '原房屋地址', '原区划代码', '安置方式', '安置地址', '安置区划代码',
                     '交房日期', '拆除日期'],
        'minzheng': ['公民身份号码', '姓名', '性别', '死亡日期', '火化日期'],
        'xuanwei': ['公民身份号码', '姓名', '类型', '起始日期', '终止日期', '决定机关', '文号'],
        'waidi': ['公民身份号码', '姓名', '类型', '对方区划代码', '对方选举委员会', '日期']}


def q(v):
    v = '' if v is None else (v.isoformat() if isinstance(v, D) else str(v))
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n\r') else v


def write_csv(path, head, rows, enc='utf-8', eol='\n', bom=False, mixed=False, pad=False):
    """Returns {id(row): line} for the evidence check (header = line 1, no multi-line fields)."""
    lines = [','.join((' %s ' % h) if pad else h for h in head)]
    where = []
    for p, r in rows:
        lines.append(','.join(q(fmt_date(r[h]) if isinstance(r.get(h), D) else r.get(h, '')) for h in head))
        where.append((p, len(lines)))
    data = ''
    for i, l in enumerate(lines):
        data += l + (('\r\n' if i % 3 else '\n') if mixed else eol)
    with open(path, 'wb') as fh:
        fh.write((b'\xef\xbb\xbf' if bom else b'') + data.encode(enc))
    return where


def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def write_xlsx(path, head, rows):
    """First sheet, header row, inline strings, dates as serial numbers with the built-in date format 14."""
    xr = []
    allrows = [(None, {h: h for h in head})] + rows
    where = []
    for ri, (p, r) in enumerate(allrows, start=1):
        cells = []
        for ci, h in enumerate(head):
            v = r.get(h, '')
            ref = col(ci) + str(ri)
            if isinstance(v, D):
                cells.append('<c r="%s" s="1"><v>%d</v></c>' % (ref, (v - D(1899, 12, 30)).days))
            elif v not in ('', None):
                cells.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, esc(str(v))))
        xr.append('<row r="%d">%s</row>' % (ri, ''.join(cells)))
        if p is not None:
            where.append((p, ri))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % ''.join(xr))
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.'
               'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
               'formats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override Part'
               'Name="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+'
               'xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocu'
               'ment.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxml'
               'formats-officedocument.spreadsheetml.styles+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
               'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
               'org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.'
               'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
               'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="'
               'http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
               'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship'
               ' Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.'
               'xml"/></Relationships>')
    z.writestr('xl/styles.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.'
               'openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font>'
               '</fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/>'
               '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
               '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0"'
               ' fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>')
    z.writestr('xl/worksheets/sheet1.xml', sheet)
    z.close()
    return where


LINES = {1: {}, 2: {}}


def note(n, fname, where):
    for p, line in where:
        LINES[n].setdefault(id(p), []).append('%s:%d' % (fname, line))


def write_night(n, d):
    os.makedirs(d, exist_ok=True)
    tag_ = N1 if n == 1 else N2
    hu = R(n, 'huji')
    rng.shuffle(hu)
    half = len(hu) // 2
    if n == 2:
        third = len(hu) // 3
        note(n, 'huji_%s_3.csv' % tag_, write_csv(os.path.join(d, 'huji_%s_3.csv' % tag_), HEAD['huji'], hu[2 * third:], eol='\r\n'))
        hu = hu[:2 * third]
        half = third
    # huji part 1 GB18030 standard order; part 2 UTF-8+BOM, shuffled columns, padded headers, an extra column and
    # mixed line endings (SOURCES.md: "Line endings \r\n or \n")
    note(n, 'huji_%s_1.csv' % tag_, write_csv(os.path.join(d, 'huji_%s_1.csv' % tag_), HEAD['huji'], hu[:half], enc='gb18030', eol='\r\n'))
    h2 = HEAD['huji'][:]
    rng.shuffle(h2)
    for _, r in hu[half:]:
        r['联系电话'] = '139%08d' % rng.randrange(10 ** 8)
    note(n, 'huji_%s_2.csv' % tag_, write_csv(os.path.join(d, 'huji_%s_2.csv' % tag_), h2 + ['联系电话'], hu[half:], bom=True, mixed=True, pad=True))
    lh = HEAD['liudong'][:]
    rng.shuffle(lh)
    note(n, 'liudong_%s.csv' % tag_, write_csv(os.path.join(d, 'liudong_%s.csv' % tag_), lh, R(n, 'liudong'), enc='gb18030', eol='\r\n'))
    sb = R(n, 'shebao')
    if n == 1:
        unit = [x for x in sb if x[1]['统一社会信用代码'] in UNIT]
        rest = [x for x in sb if x[1]['统一社会信用代码'] not in UNIT]
        note(n, 'shebao_%s_1.xlsx' % tag_, write_xlsx(os.path.join(d, 'shebao_%s_1.xlsx' % tag_), HEAD['shebao'], unit))
        note(n, 'shebao_%s_2.csv' % tag_, write_csv(os.path.join(d, 'shebao_%s_2.csv' % tag_), HEAD['shebao'], rest))
    else:
        # the required column 参保状态 is missing tonight
        write_csv(os.path.join(d, 'shebao_%s.csv' % tag_), [h for h in HEAD['shebao'] if h != '参保状态'] + ['备注'], sb)
    note(n, 'tongji_%s.csv' % tag_, write_csv(os.path.join(d, 'tongji_%s.csv' % tag_), HEAD['tongji'], R(n, 'tongji')))
    note(n, 'chaiqian_%s.xlsx' % tag_, write_xlsx(os.path.join(d, 'chaiqian_%s.xlsx' % tag_), HEAD['chaiqian'], R(n, 'chaiqian')))
    note(n, 'minzheng_%s.csv' % tag_, write_csv(os.path.join(d, 'minzheng_%s.csv' % tag_), HEAD['minzheng'], R(n, 'minzheng'), bom=True))
    if n == 1:
        note(n, 'xuanwei_%s.csv' % tag_, write_csv(os.path.join(d, 'xuanwei_%s.csv' % tag_), HEAD['xuanwei'], R(n, 'xuanwei')))
    note(n, 'waidi_%s.csv' % tag_, write_csv(os.path.join(d, 'waidi_%s.csv' % tag_), HEAD['waidi'], R(n, 'waidi'), enc='gb18030'))


shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(os.path.join(OUT, 'county'))
with open(os.path.join(OUT, 'county', 'election.yml'), 'w', encoding='utf-8') as fh:
    fh.write('county-code: "%s"\ncounty-name: %s\nelection-day: %s\nin-migrant-months: 12\nprevious-election-day: %s\n'
             % (COUNTY, CNAME, E.isoformat(), PREV_E.isoformat()))
write_csv(os.path.join(OUT, 'county', 'xuanqu.csv'), ['选区编码', '选区名称', '乡镇代码', '类型', '覆盖区划代码', '单位统一社会信用代码'],
          [(None, {'选区编码': d[0], '选区名称': d[1], '乡镇代码': d[2], '类型': d[3], '覆盖区划代码': ';'.join(d[4]),
                   '单位统一社会信用代码': ';'.join(d[5])}) for d in DISTRICTS], enc='gb18030', eol='\r\n')
write_night(1, os.path.join(OUT, 'inbox-n1'))
write_night(2, os.path.join(OUT, 'inbox-n2'))
shutil.copytree(os.path.join(OUT, 'inbox-n2'), os.path.join(OUT, 'inbox-n3'))

# ---------------------------------------------------------------- the baseline (previous roll, 2022-01-09)
DNAME = {d[0]: d[1] for d in DISTRICTS}
base = {}
for p in persons:
    e = p['expect1']
    if p.get('baseline') is False or p['inmig'] or not p['f'][1]['huji'] or len(e) != 1 or e[0] == 'X':
        continue
    if not adult(p, PREV_E):
        continue
    h = p['f'][1]['huji'][0]
    if e[0].startswith('N:'):
        r = e[0][2:].split(',')
        if 'NO_DISTRICT' in r or 'UNDER_18' in r or h['code'] not in COVER or rng.random() < 0.5:
            continue
        # removed since: on the baseline in the district of the register
        if r[0] == 'DEPRIVED' and p['f'][1]['xuanwei'][0]['start'] <= PREV_E:
            continue
        base[p['pid']] = COVER[h['code']]
    elif any(x['type'] == '剥夺政治权利' and x['start'] <= PREV_E <= x['end'] for x in p['f'][1]['xuanwei']):
        p['restored'] = True            # deprived on the previous election day, period ended: 恢复政治权利
    elif rng.random() < 0.02:
        p['baseline'] = False           # 补登
    else:
        base[p['pid']] = e[0].split('/')[0] if rng.random() < 0.9 or h['code'] not in COVER else COVER[h['code']]
os.makedirs(os.path.join(OUT, 'previous', 'rolls'))
for d in DISTRICTS:
    rows = [(None, {'选区编码': d[0], '选区名称': d[1], '序号': i + 1, '姓名': persons[pid]['name'], '性别': persons[pid]['sex'],
                    '出生日期': persons[pid]['birth'].isoformat(), '公民身份号码': persons[pid]['num'],
                    '户籍地址': persons[pid]['f'][1]['huji'][0]['addr'], '居住地址': '', '登记依据': '户籍地', '变动': '保留'})
            for i, pid in enumerate(sorted(k for k, v in base.items() if v == d[0]))]
    write_csv(os.path.join(OUT, 'previous', 'rolls', d[0] + '.csv'),
              ['选区编码', '选区名称', '序号', '姓名', '性别', '出生日期', '公民身份号码', '户籍地址', '居住地址', '登记依据', '变动'], rows,
              enc='gb18030', eol='\r\n')


# ---------------------------------------------------------------- books expected (only single-outcome persons)
def listed_d(e):
    return e[0].split('/')[0] if len(e) == 1 and '/' in e[0] and not e[0].endswith('+') else None


def single(e):
    return len(e) == 1 and not e[0].endswith('+')


REMR = [('DECEASED', '死亡'), ('DEPRIVED', '剥夺政治权利'), ('SUSPENDED', '停止行使选举权利'), ('UNABLE', '不能行使选举权利'),
        ('MOVED_OUT', '迁出'), ('REGISTERED_ELSEWHERE', '外地登记')]


def rem_reason(e):
    if e[0] == 'X':
        return '其他|迁出'
    r = e[0][2:].split(',')
    for c, z in REMR:
        if c in r:
            return z
    return '其他'


truth = dict(E=E.isoformat(), county=COUNTY, districts=[d[0] for d in DISTRICTS], townships=sorted({d[2] for d in DISTRICTS}),
             persons=[], strangers=[dict(num=s['num'], name=s['name'], tag=s['tag']) for s in STRANGERS], scenarios={})
for p in persons:
    books = {}
    for n in (1, 2):
        cur = p['expect%d' % n]
        prev = None if n == 2 and not single(p['expect1']) else (base.get(p['pid']) if n == 1 else listed_d(p['expect1']))
        b = dict(add=None, rem=None, checked=single(cur) and (n == 1 or single(p['expect1'])))
        if b['checked']:
            now_d = listed_d(cur)
            if now_d and now_d != prev:
                e1 = p['expect1'][0]
                if prev:
                    why = '迁入'
                elif n == 1:
                    why = ('新满十八周岁' if not adult(p, PREV_E) else '恢复政治权利' if p.get('restored') else
                           '迁入' if p['inmig'] else '补登')
                elif e1.startswith('N:') and any(r in e1 for r in ('DEPRIVED', 'SUSPENDED', 'UNABLE')):
                    why = '恢复政治权利'
                elif e1 == 'X':
                    why = '迁入'
                else:
                    why = '补登'
                b['add'] = [now_d, why]
            if prev and now_d != prev:
                b['rem'] = [prev, '迁出' if now_d else rem_reason(cur)]
        ov = p['books'].get(n)
        if ov:
            if 'add' in ov and b['add']:
                b['add'][1] = ov['add']
            if 'rem' in ov and b['rem']:
                b['rem'][1] = ov['rem']
        books[n] = b
    ent = dict(pid=p['pid'], num=p['num'], alt=[x['num'] for x in p['f'][1]['huji'] + p['f'][2]['huji'] if x.get('num')],
               name=p['name'], name1=p.get('name1', p['name']), sex=p['sex'], birth=p['birth'].isoformat(),
               town=(H(p)['vil'][:9] if p['f'][1]['huji'] else H(p, 2)['vil'][:9] if p['f'][2]['huji'] else ''),
               tags=p['tags'], e1=p['expect1'], e2=p['expect2'], items={str(n): p['items'][n] for n in (1, 2)},
               forbid={str(n): p['forbid'][n] for n in (1, 2)}, allow={str(n): p['allow'][n] for n in (1, 2)},
               books={str(n): books[n] for n in (1, 2)}, lines={str(n): LINES[n].get(id(p), []) for n in (1, 2)},
               inmig=p['inmig'], months=months_between(p['f'][1]['liudong'][0]['reg'], E) if p['inmig'] else None,
               away=bool(p.get('away')) and p.get('away_dest') in ('外县', '境外'), away_num=bool(p.get('tj_num')),
               pair=p.get('pair'))
    truth['persons'].append(ent)
truth['scenarios'] = {t: len(v) for t, v in sorted(SCN.items())}
os.makedirs(os.path.join(OUT, 'truth'))
with open(os.path.join(OUT, 'truth', 'truth.json'), 'w', encoding='utf-8') as fh:
    json.dump(truth, fh, ensure_ascii=False)
print('persons %d (in-migrants %d), baseline lines %d, cases %d' % (len(persons), len(INMIG), len(base), len(CASES)))
for t, v in sorted(SCN.items()):
    print('  %-48s %d' % (t, len(v)))
