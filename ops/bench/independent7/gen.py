#!/usr/bin/env python3
"""The seventh independent county (README.md next to this file).

    python3 gen.py PERSONS SEED OUTDIR   ->  OUTDIR/county/ inbox/ previous/rolls/ truth/truth.json

Written from /work/shared/spec/ alone (SOURCES.md, RULES.md, OUTPUTS.md, examples/).  Standard library only; the
.xlsx files are written by hand with zipfile.  Every scenario carries, in a comment, the spec sentence it rests on.
"""
import datetime as dt
import json
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

PERSONS, SEED, OUT = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(SEED)
K = max(1, PERSONS // 4000)           # instances per scenario (5 at 20,000)

COUNTY, COUNTY_NAME = '452731', '青岚县'
E = dt.date(2026, 12, 20)              # election day
PREV = dt.date(2022, 2, 28)            # previous election day: a 29 February 2004 birthday is 18 on it
D1 = dt.timedelta(days=1)

# ---------------------------------------------------------------- numbers (GB 11643)
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CK = '10X98765432'


def check(s17):
    return CK[sum(int(a) * b for a, b in zip(s17, W)) % 11]


def to15(n18):
    return n18[:6] + n18[8:17]


ALL = set()          # every number issued to a true person


def new_number(area, birth, male):
    while True:
        seq = rnd.randrange(0, 1000)
        if (seq % 2 == 1) != male:
            seq = (seq + 1) % 1000
        if seq >= 996 and birth.year >= 1900:
            continue
        s17 = area + birth.strftime('%Y%m%d') + '%03d' % seq
        n = s17 + check(s17)
        if n not in ALL:
            ALL.add(n)
            return n


def neighbours(n):
    """numbers one wrong digit or one adjacent swap away (over the 18 characters)"""
    out = set()
    for i in range(18):
        for c in '0123456789X' if i == 17 else '0123456789':
            if c != n[i]:
                out.add(n[:i] + c + n[i + 1:])
    for i in range(17):
        if n[i] != n[i + 1]:
            out.add(n[:i] + n[i + 1] + n[i] + n[i + 2:])
    return out


def typo(n):
    """one wrong digit in the sequence part, so that the record's number is one typo of exactly one person"""
    for _ in range(200):
        i = rnd.choice([14, 15, 16])
        t = n[:i] + str((int(n[i]) + rnd.randrange(1, 10)) % 10) + n[i + 1:]
        if t[:17] and check(t[:17]) == t[17]:
            continue
        if len(neighbours(t) & ALL) == 1:
            return t
    raise SystemExit('no unique typo for ' + n)


def mask(n):
    return n[:6] + '********' + n[-4:]


# ---------------------------------------------------------------- names
SURN = ('王' * 9 + '李' * 9 + '张' * 8 + '刘' * 7 + '陈' * 6 + '杨' * 5 + '黄' * 3 + '赵' * 3 + '吴' * 3 + '周' * 3 +
        '徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
MALE = list('伟强军勇杰涛明超刚磊鹏斌辉波峰健华平亮飞鑫宇浩俊文东林龙海建国志') + \
    ['建华', '志强', '海涛', '晓东', '国庆', '建军', '永红', '子轩', '浩然', '宇航', '俊杰', '文博', '明辉', '立新', '卫东']
FEMALE = list('丽静芳娟敏燕艳霞红英玲娜梅兰萍婷雪琳洁慧颖倩云琴') + \
    ['秀英', '桂英', '丽华', '美玲', '晓燕', '雨涵', '欣怡', '梓涵', '海燕', '春梅', '玉兰', '淑芬', '佳怡', '美华', '晓红']
HOMO = {'伟': '玮', '强': '蔷', '军': '君', '勇': '涌', '杰': '洁', '涛': '韬', '明': '铭', '超': '潮', '刚': '钢',
        '磊': '蕾', '鹏': '朋', '斌': '彬', '辉': '晖', '峰': '锋', '华': '桦', '平': '萍', '丽': '莉', '静': '婧',
        '芳': '方', '娟': '鹃', '敏': '民', '燕': '雁', '艳': '燕', '霞': '侠', '红': '虹', '英': '瑛', '玲': '铃',
        '梅': '媚', '兰': '岚', '萍': '苹', '婷': '亭', '雪': '血', '琳': '林', '洁': '杰', '慧': '惠', '颖': '影',
        '云': '芸', '琴': '勤', '东': '冬', '林': '琳', '海': '亥', '国': '果', '文': '雯', '宇': '雨', '飞': '菲'}
TRAD = {'陈': '陳', '刘': '劉', '张': '張', '赵': '趙', '吴': '吳', '杨': '楊', '黄': '黃', '郑': '鄭', '孙': '孫',
        '马': '馬', '罗': '羅', '许': '許', '邓': '鄧', '韩': '韓', '冯': '馮', '华': '華', '丽': '麗', '伟': '偉',
        '红': '紅', '军': '軍', '国': '國', '兰': '蘭', '云': '雲', '杰': '傑', '东': '東', '龙': '龍', '飞': '飛',
        '涛': '濤', '鹏': '鵬', '辉': '輝', '凤': '鳳', '玲': '玲', '娟': '娟', '艳': '艷', '庆': '慶', '卫': '衛'}


def given(male):
    return rnd.choice(MALE if male else FEMALE)


def homophone(name):
    for i in range(len(name) - 1, 0, -1):
        if name[i] in HOMO:
            return name[:i] + HOMO[name[i]] + name[i + 1:]
    return None


def trad(name):
    return ''.join(TRAD.get(c, c) for c in name)


# ---------------------------------------------------------------- geography
TOWNS = [('100', '城南镇'), ('101', '北山镇'), ('200', '溪口乡'), ('201', '桃源乡')]
VNAMES = ['东风', '红旗', '新华', '建设', '光明', '胜利', '和平', '团结', '长青', '永安', '石桥', '柳塘', '枫林',
          '凤凰', '青山', '白沙', '龙井', '花园', '杨柳', '河口', '竹园', '金星', '双河', '梅岭']
VILLAGES = []        # (code12, name, town)
for ti, (t, tn) in enumerate(TOWNS):
    for j in range(6):
        nm = VNAMES[ti * 6 + j] + ('社区' if j < 2 else '村')
        code = COUNTY + t + ('%03d' % (1 + j) if j < 2 else '%03d' % (200 + j))
        VILLAGES.append((code, tn + nm, t))
VCODE = [v[0] for v in VILLAGES]
DISTRICTS = []       # (code, name, town9, type, covers, units)
UNITS = {'914527317A0B3C5D9E': '452731100-09', '914527317A0B3C6F2K': '452731100-09', '124527314C1D2E3F5G': '452731101-09'}
for ti, (t, tn) in enumerate(TOWNS):
    vs = [v[0] for v in VILLAGES if v[2] == t]
    groups = {'100': [vs[0:2], vs[2:4], vs[4:6]], '101': [vs[0:3], vs[3:6]], '200': [vs[0:3], vs[3:6]],
              '201': [vs]}[t]
    for gi, g in enumerate(groups):
        DISTRICTS.append((COUNTY + t + '-%02d' % (gi + 1), '%s第%s选区' % (tn, '一二三'[gi]), COUNTY + t, '居住', g, []))
DISTRICTS.append(('452731100-09', '青岚县造纸厂选区', '452731100', '单位', [], ['914527317A0B3C5D9E', '914527317A0B3C6F2K']))
DISTRICTS.append(('452731101-09', '青岚县第二中学选区', '452731101', '单位', [], ['124527314C1D2E3F5G']))
COVER = {c: d[0] for d in DISTRICTS for c in d[4]}
DNAME = {d[0]: d[1] for d in DISTRICTS}
UNIT_NAMES = {'914527317A0B3C5D9E': '青岚县造纸厂', '914527317A0B3C6F2K': '青岚县造纸厂包装分厂', '124527314C1D2E3F5G': '青岚县第二中学'}
OTHER_EMPLOYERS = [('9145273%011d' % rnd.randrange(10 ** 10), n) for n in
                   ['青岚县粮站', '桃源茶业有限公司', '北山建材厂', '城南超市', '溪口水电站', '青岚县农机公司', '县交通运输局', '县人民医院']]
OUT_COUNTIES = ['320102', '420106', '510104', '430105', '360102', '450102']


def district_of(code12):
    return COVER.get(code12)


def town_of(code):
    return code[:9]


# ---------------------------------------------------------------- persons
class P:
    __slots__ = ('pid', 'num', 'name', 'former', 'male', 'birth', 'hh', 'rel', 'addr', 'area', 'status', 'sdate',
                 'dest', 'tags', 'scen', 'alts', 'items', 'forbid', 'allow', 'book', 'away', 'inmig', 'prev',
                 'cur', 'reason', 'res_area', 'nums', 'towns', 'huji', 'prev_state', 'note', 'prev_num')

    def __init__(self):
        self.former = ''
        self.status = '正常'
        self.sdate = None
        self.dest = ''
        self.tags = []
        self.scen = False
        self.alts = None
        self.items = []
        self.forbid = []
        self.allow = []
        self.book = True
        self.away = None
        self.inmig = None
        self.prev = 'auto'
        self.cur = None
        self.reason = None
        self.res_area = None
        self.nums = []
        self.towns = set()
        self.huji = True
        self.prev_state = None
        self.note = ''
        self.prev_num = None


PEOPLE = []
HH = {}


def rand_date(a, b):
    return a + dt.timedelta(days=rnd.randrange((b - a).days + 1))


def person(name, male, birth, hh, rel, addr, area, area6=COUNTY):
    p = P()
    p.pid = len(PEOPLE)
    p.name, p.male, p.birth, p.hh, p.rel, p.addr, p.area = name, male, birth, hh, rel, addr, area
    p.num = new_number(area6, birth, male)
    p.nums = [p.num]
    PEOPLE.append(p)
    HH.setdefault(hh, []).append(p)
    return p


HCOUNT = [0]


def household(village=None, size=None, adults_only=False, head_age=None):
    village = village or rnd.choice(VILLAGES)
    HCOUNT[0] += 1
    hh = '45%08d' % (HCOUNT[0] * 7 + rnd.randrange(7))
    addr = '%s%d组%d号' % (village[1], rnd.randrange(1, 12), rnd.randrange(1, 80))
    sur = rnd.choice(SURN)
    male = rnd.random() < 0.7
    age = head_age or rnd.randrange(26, 82)
    hb = rand_date(dt.date(E.year - age, 1, 1), dt.date(E.year - age, 12, 28))
    used = set()

    def nm(s, m):
        for _ in range(50):
            n = s + given(m)
            if n not in used:
                used.add(n)
                return n
        return s + given(m) + given(m)
    ps = [person(nm(sur, male), male, hb, hh, '户主', addr, village[0])]
    size = size or rnd.choice([1, 2, 2, 3, 3, 3, 4, 4, 5])
    if size >= 2:
        sb = hb + dt.timedelta(days=rnd.randrange(-2000, 2000))
        ps.append(person(nm(rnd.choice(SURN), not male), not male, sb, hh, '配偶', addr, village[0]))
    for _ in range(max(0, size - 2)):
        lo = hb.year + 20
        hi = min(hb.year + 42, 2026)
        if adults_only:
            hi = min(hi, 2004)
        if lo > hi:
            break
        cm = rnd.random() < 0.5
        cb = rand_date(dt.date(lo, 1, 1), dt.date(hi, 11, 30))
        ps.append(person(nm(sur, cm), cm, cb, hh, '子' if cm else '女', addr, village[0]))
    if rnd.random() < 0.12 and hb.year > 1960:
        fm = rnd.random() < 0.5
        fb = rand_date(dt.date(hb.year - 32, 1, 1), dt.date(hb.year - 22, 12, 28))
        ps.append(person(nm(sur if fm else rnd.choice(SURN), fm), fm, fb, hh, '父' if fm else '母', addr, village[0]))
    return ps


def age_on(b, d):
    """completed years on d; a 29 February birthday is reached on 28 February of a common year
    (RULES.md UNDER_18: "born on 29 Feb: the 18th birthday is 28 Feb in a common year")"""
    y = d.year - b.year
    bm, bd = b.month, b.day
    if bm == 2 and bd == 29 and not (d.year % 4 == 0 and (d.year % 100 != 0 or d.year % 400 == 0)):
        bd = 28
    if (d.month, d.day) < (bm, bd):
        y -= 1
    return y


# ---------------------------------------------------------------- source rows
R = {s: [] for s in ('huji1', 'huji2', 'liudong', 'shebao_x', 'shebao_c', 'tongji1', 'tongji2', 'chaiqian', 'minzheng',
                     'xuanwei', 'waidi')}
FILES = {'huji1': 'huji_20261219_part1.csv', 'huji2': 'huji_20261219_part2.csv', 'liudong': 'liudong_20261219.csv',
         'shebao_x': 'shebao_20261219.xlsx', 'shebao_c': 'shebao_20261219_b.csv', 'tongji1': 'tongji_20261219.csv',
         'tongji2': 'tongji_20261219_part2.csv', 'chaiqian': 'chaiqian_20261219.xlsx', 'minzheng': 'minzheng_20261219.csv',
         'xuanwei': 'xuanwei_20261219.csv', 'waidi': 'waidi_20261219.csv'}


def row(src, p, raw=None, **kw):
    """one row for source src; p = the true person (or None); raw = scenario row (no random mess)"""
    d = dict(kw)
    d['_p'] = p
    d['_raw'] = raw
    d['_style'] = rnd.randrange(15)
    R[src].append(d)
    return d


def huji_row(p, src=None, **over):
    d = {'公民身份号码': p.num, '姓名': p.name, '曾用名': p.former, '性别': '男' if p.male else '女', '民族': '汉族',
         '出生日期': p.birth, '户号': p.hh, '与户主关系': p.rel, '户籍地址': p.addr, '户籍地区划代码': p.area,
         '人员状态': p.status, '状态变动日期': p.sdate or '', '迁往地区划代码': p.dest}
    d.update(over)
    return row(src or ('huji1' if rnd.random() < 0.6 else 'huji2'), p, raw=over.get('_raw'), **{k: v for k, v in d.items() if not k.startswith('_')})


# ---------------------------------------------------------------- background county
def status_background(p):
    a = age_on(p.birth, E)
    r = rnd.random()
    if r < 0.012 and a > 30:
        p.status, p.sdate = '死亡', rand_date(dt.date(2021, 6, 1), dt.date(2026, 11, 30))
        if rnd.random() < 0.5:
            row('minzheng', p, **{'公民身份号码': p.num, '姓名': p.name, '性别': sex(p), '死亡日期': p.sdate - D1 * rnd.randrange(0, 3),
                                  '火化日期': p.sdate + D1 * 2})
    elif r < 0.020:
        p.status, p.sdate, p.dest = '迁出', rand_date(dt.date(2021, 6, 1), dt.date(2026, 11, 30)), rnd.choice(OUT_COUNTIES + [''])
    elif r < 0.023 and 18 <= a <= 24:
        p.status, p.sdate = '服兵役', rand_date(dt.date(2022, 9, 1), dt.date(2026, 9, 30))
    elif r < 0.025:
        p.status, p.sdate = '出国定居', rand_date(dt.date(2022, 3, 1), dt.date(2026, 10, 30))
    elif r < 0.026:
        p.status, p.sdate = '注销', rand_date(dt.date(2022, 3, 1), dt.date(2026, 10, 30))


def sex(p):
    return '男' if p.male else '女'


def build_background(n):
    while len(PEOPLE) < n:
        for p in household():
            status_background(p)
            p.tags.append('background')


# ---------------------------------------------------------------- expected outcome (this author's reading of RULES.md)
def listed(p, d, basis):
    p.cur = (d, basis)


def expect_background():
    """the expected outcome of a background person, from their own rows; scenario persons set theirs explicitly"""
    for p in PEOPLE:
        if p.scen or p.alts is not None:
            continue
        if not p.huji:
            continue
        a = age_on(p.birth, E)
        st = {'死亡': 'DECEASED', '迁出': 'MOVED_OUT', '服兵役': 'MILITARY', '出国定居': 'EMIGRATED', '注销': 'CANCELLED'}
        if p.status in st:
            p.reason = st[p.status]
        elif p.reason:
            p.cur = None
        elif a < 18:
            p.reason = 'UNDER_18'
        else:
            d = p.cur or (district_of(p.area), '户籍地')
            p.cur = d


# ---------------------------------------------------------------- scenarios
SC = {}


def scen(tag, p, alts=None, **kw):
    p.scen = True
    p.tags.append(tag)
    SC.setdefault(tag, []).append(p)
    if alts is not None:
        p.alts = alts
    for k, v in kw.items():
        setattr(p, k, v)
    return p


def adult_household(village=None, size=2, head_age=None):
    return household(village, size=size, adults_only=True, head_age=head_age or rnd.randrange(30, 60))


def adult_noX():
    while True:
        p = adult_household(size=1)[0]
        if p.num[-1] != 'X':
            return p


def other_district_village(p, other_town=False):
    d = district_of(p.area)
    cands = [v for v in VILLAGES if district_of(v[0]) and district_of(v[0]) != d and (not other_town or v[2] != p.area[6:9])]
    return rnd.choice(cands)


def unit_code(p=None):
    return rnd.choice(list(UNITS))


def H(p):
    return (district_of(p.area), '户籍地')


def opt(d, b, item=False):
    return {'d': d, 'b': b, 'item': item}


def optn(item=False):
    return {'n': True, 'item': item}


REVIEW = ['MATCH_REVIEW', 'ID_INVALID', 'DEATH_REVIEW', 'ID_SHARED']
SHEBAO_ROWS = []


def shebao(p, src, num, name=None, code=None, status='参保缴费', raw=True, **kw):
    code = code or unit_code()
    d = {'社会保障号码': num, '姓名': name or p.name, '性别': sex(p), '出生日期': p.birth,
         '参保单位名称': UNIT_NAMES.get(code) or dict(OTHER_EMPLOYERS).get(code, '某单位'), '统一社会信用代码': code,
         '参保状态': status, '终止原因': '', '终止日期': ''}
    d.update(kw)
    return row(src, p, raw=raw, **d)


def rec(d):
    """mark a scenario row so that its file:line is written to the truth (items may cite it in 证据)"""
    d['_rec'] = True
    return d


def build_scenarios():
    for _ in range(K):
        # ---- Excel number cells.  SOURCES.md: identity number "sometimes one digit wrong ... sometimes empty";
        # .xlsx "any source may"; RULES.md "A record that could change someone's listing or district and is linked to
        # nobody for certain still names its likeliest people ... it is never dropped without an item".  A number
        # stored as a float (15 significant digits, E+17) has lost its last digits: it must be repaired (only if
        # certain) or reported with an item, never silently linked to someone else.
        p = adult_noX()
        u = unit_code()
        scen('xlsx_sci_15sig', p, [opt(UNITS[u], '工作单位'), opt(district_of(p.area), '户籍地', True)])
        rec(shebao(p, 'shebao_x', ('NUM', '%.14E' % float(int(p.num))), code=u))
        p = adult_noX()
        u = unit_code()
        # repr of the float: 17 significant digits, the last two or three digits wrong
        scen('xlsx_sci_17sig', p, [opt(UNITS[u], '工作单位'), opt(district_of(p.area), '户籍地', True)])
        rec(shebao(p, 'shebao_x', ('NUM', repr(float(int(p.num)))), code=u))
        p = adult_noX()
        u = unit_code()
        # a numeric cell holding the 18 digits exactly (some exporters write integers): the text is the number
        scen('xlsx_int_cell_exact', p, [opt(UNITS[u], '工作单位'), opt(district_of(p.area), '户籍地', True)])
        rec(shebao(p, 'shebao_x', ('NUM', p.num), code=u)) if p.num[-1] != 'X' else rec(shebao(p, 'shebao_x', p.num, code=u))
        p = adult_noX()
        u = unit_code()
        # an Excel-exported CSV: "4.52731E+17" -- 12 digits lost; only name, sex and birth remain, and
        # RULES.md "Same name, sex and birth date alone never prove one person": 户籍地 with an item
        scen('csv_sci_notation', p, [opt(district_of(p.area), '户籍地', True)])
        rec(shebao(p, 'shebao_c', '%.5E' % float(int(p.num)), code=u))
        p = adult_household()[0]
        u = unit_code()
        # NBSP inside the number: SOURCES.md "spaces or - inside"; a no-break space is a space to a clerk, not
        # to every parser: either repaired (工作单位) or reported with an item
        scen('number_nbsp_inside', p, [opt(UNITS[u], '工作单位'), opt(district_of(p.area), '户籍地', True)])
        rec(shebao(p, 'shebao_c', p.num[:6] + '\u00a0' + p.num[6:14] + '\u00a0' + p.num[14:], code=u))

        # ---- CSV mess.  SOURCES.md "quoted fields may contain commas and line breaks": a police address with a
        # comma, a doubled quote and a CRLF inside; the person and the next one are listed at 户籍地.
        hs = adult_household(size=2)
        for q in hs:
            scen('huji_multiline_address', q, [opt(district_of(q.area), '户籍地')])
        hs[0].addr = hs[0].addr + ',东侧"老屋"\r\n（旧门牌 %d号）' % rnd.randrange(1, 99)
        for q in hs:
            q.note = 'multiline'

        # ---- exact duplicate rows.  RULES.md "Records of all sources are resolved into persons"; "One person, one
        # line"; ID_SHARED is for "records that are clearly different people": a row delivered twice is one person,
        # listed once, no ID_SHARED (a PERSON_MULTI_RECORD is tolerated, not required).
        p = adult_household(size=1)[0]
        scen('dup_row_huji', p, [opt(district_of(p.area), '户籍地')], forbid=['ID_SHARED'], allow=['PERSON_MULTI_RECORD'])
        p.note = 'dup'
        p = adult_household(size=1)[0]
        u = unit_code()
        scen('dup_row_shebao_unit', p, [opt(UNITS[u], '工作单位')], forbid=['ID_SHARED', 'MATCH_REVIEW'])
        d = shebao(p, 'shebao_x', p.num, code=u)
        R['shebao_x'].append(dict(d))
        p = adult_household(size=1)[0]
        scen('dup_row_minzheng', p, [optn()], forbid=['ID_SHARED', 'DEATH_REVIEW'], reason='DECEASED')
        p.status, p.sdate = '死亡', dt.date(2026, 9, 3)
        d = row('minzheng', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '性别': sex(p), '死亡日期': dt.date(2026, 9, 2), '火化日期': dt.date(2026, 9, 4)})
        R['minzheng'].append(dict(d))
        p = adult_household(size=1)[0]
        v = other_district_village(p)
        scen('dup_row_liudong', p, [opt(district_of(v[0]), '居住地')], forbid=['ID_SHARED'])
        d = row('liudong', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '性别': sex(p), '出生日期': p.birth, '户籍地区划代码': p.area,
                                           '居住地址': v[1] + '%d号' % rnd.randrange(1, 99), '居住地区划代码': v[0],
                                           '登记日期': dt.date(2024, 4, 2), '注销日期': '', '居住事由': '务工'})
        R['liudong'].append(dict(d))
        # a household delivered in both police parts (SOURCES.md "A source may deliver several files (parts);
        # together they are that source's snapshot")
        hs = adult_household(size=2)
        for q in hs:
            scen('household_in_both_parts', q, [opt(district_of(q.area), '户籍地')], forbid=['ID_SHARED'], allow=['PERSON_MULTI_RECORD'])
            q.note = 'both'

        # ---- 重号 with their own records.  RULES.md "Two different people under one number (重号) are two people:
        # list both if both qualify, and raise ID_SHARED".  Each holder has a record of his own (same number, his
        # own name): the unit worker's insurance must never give the other holder the unit district, the other's
        # residence must never move the unit worker.
        a = adult_household(size=1)[0]
        b = adult_household(size=1, village=other_district_village(a))[0]
        b.male, b.birth = a.male, a.birth
        ALL.discard(b.num)
        b.num = a.num
        b.nums = [a.num]
        u = unit_code()
        v = [x for x in VILLAGES if district_of(x[0]) not in (district_of(a.area), district_of(b.area))]
        v = rnd.choice(v)
        scen('id_shared_own_records', a, [opt(UNITS[u], '工作单位'), opt(district_of(a.area), '户籍地')],
             items=[{'types': ['ID_SHARED'], 'nums': [a.num]}], book=False)
        scen('id_shared_own_records', b, [opt(district_of(v[0]), '居住地'), opt(district_of(b.area), '户籍地')], book=False)
        a.note = b.note = 'shared:%d:%d' % (a.pid, b.pid)
        a.towns = b.towns = {a.area[:9], b.area[:9], v[0][:9]}
        shebao(a, 'shebao_x', a.num, code=u)
        row('liudong', b, raw=True, **{'公民身份号码': b.num, '姓名': b.name, '性别': sex(b), '出生日期': b.birth, '户籍地区划代码': b.area,
                                       '居住地址': v[1] + '%d号' % rnd.randrange(1, 99), '居住地区划代码': v[0],
                                       '登记日期': dt.date(2023, 8, 1), '注销日期': '', '居住事由': '经商'})
        # 重号, one holder's death notice under the shared number and his name: the other holder stays listed
        # (RULES.md "Removal needs the number itself" -- the number is two people's)
        a = adult_household(size=1)[0]
        b = adult_household(size=1, village=other_district_village(a))[0]
        b.male, b.birth = a.male, a.birth
        ALL.discard(b.num)
        b.num = a.num
        b.nums = [a.num]
        scen('id_shared_death_notice', a, [optn(), opt(district_of(a.area), '户籍地', True)],
             items=[{'types': ['ID_SHARED'], 'nums': [a.num]}], book=False, allow=['DEATH_REVIEW', 'MATCH_REVIEW'])
        scen('id_shared_death_notice', b, [opt(district_of(b.area), '户籍地')], book=False, allow=['DEATH_REVIEW', 'MATCH_REVIEW'])
        a.note = b.note = 'shared:%d:%d' % (a.pid, b.pid)
        a.towns = b.towns = {a.area[:9], b.area[:9]}
        rec(row('minzheng', a, raw=True, **{'公民身份号码': a.num, '姓名': a.name, '性别': sex(a), '死亡日期': dt.date(2026, 10, 11), '火化日期': ''}))

        # ---- records under the 曾用名 (former name).  SOURCES.md huji "曾用名 former name"; RULES.md certain link
        # "the normalised number equals the person's"; PERSON_MULTI_RECORD names "a former name" as a tie.
        def with_former():
            p = adult_household(size=1)[0]
            sur = p.name[0]
            for _ in range(30):
                f = sur + given(p.male) + given(p.male)
                if f != p.name:
                    break
            p.former = f
            return p
        p = with_former()
        u = unit_code()
        scen('former_name_unit_exact', p, [opt(UNITS[u], '工作单位'), opt(district_of(p.area), '户籍地', True)])
        rec(shebao(p, 'shebao_x', p.num, name=p.former, code=u))
        p = with_former()
        u = unit_code()
        scen('former_name_unit_typo', p, [opt(UNITS[u], '工作单位'), opt(district_of(p.area), '户籍地', True)])
        rec(shebao(p, 'shebao_c', typo(p.num), name=p.former, code=u))
        p = with_former()
        scen('former_name_death_exact', p, [optn(), opt(district_of(p.area), '户籍地', True)], book=False)
        rec(row('minzheng', p, raw=True, **{'公民身份号码': p.num, '姓名': p.former, '性别': sex(p), '死亡日期': dt.date(2026, 7, 19), '火化日期': dt.date(2026, 7, 21)}))
        p = with_former()
        scen('former_name_deprived_exact', p, [optn(), opt(district_of(p.area), '户籍地', True)], book=False)
        rec(row('xuanwei', p, raw=True, **{'公民身份号码': p.num, '姓名': p.former, '类型': '剥夺政治权利', '起始日期': dt.date(2025, 3, 1),
                                           '终止日期': dt.date(2028, 2, 28), '决定机关': '青岚县人民法院', '文号': '(2025)青刑初字第%d号' % rnd.randrange(10, 99)}))

        # ---- resettlement.  RULES.md RESETTLED: "a chaiqian record with 安置方式 产权调换, 交房日期 ≤ E, 安置区划代码
        # covered by a district".  货币补偿 with a code filled in anyway, and 产权调换 not yet handed over, move nobody.
        for tag, mode, hand in (('chaiqian_cash_with_code', '货币补偿', dt.date(2025, 10, 1)),
                                ('chaiqian_not_handed_over', '产权调换', '')):
            hs = adult_household(size=2)
            v = other_district_village(hs[0])
            case = 'ZS-%04d' % rnd.randrange(10000)
            for q in hs:
                scen(tag, q, [opt(district_of(q.area), '户籍地')], forbid=['RESIDENCE_CONFLICT'])
                row('chaiqian', q, raw=True, **{'项目名称': '城南片区改造', '被征收户编号': case, '姓名': q.name, '公民身份号码': q.num,
                                                '与户主关系': q.rel, '原房屋地址': q.addr, '原区划代码': q.area, '安置方式': mode,
                                                '安置地址': v[1] + '安置小区%d栋' % rnd.randrange(1, 30), '安置区划代码': v[0],
                                                '交房日期': hand, '拆除日期': dt.date(2024, 5, 6)})
        # into another township, the head's number in its legacy 15-digit form (SOURCES.md "a 15-digit number is the
        # same person as its 18-digit form"), a numberless adult child linked by the case (RULES.md third certain kind)
        hs = household(size=3, adults_only=True, head_age=rnd.randrange(45, 70))
        v = other_district_village(hs[0], other_town=True)
        case = 'BS-%04d' % rnd.randrange(10000)
        for i, q in enumerate(hs):
            scen('chaiqian_other_town_legacy15', q, [opt(district_of(v[0]), '安置地')])
            num = to15(q.num) if i == 0 else ('' if q.rel in ('子', '女') else q.num)
            row('chaiqian', q, raw=True, **{'项目名称': '北山水库移民', '被征收户编号': case, '姓名': q.name, '公民身份号码': num,
                                            '与户主关系': q.rel, '原房屋地址': q.addr, '原区划代码': q.area, '安置方式': '产权调换',
                                            '安置地址': v[1] + '移民新村%d号' % rnd.randrange(1, 99), '安置区划代码': v[0],
                                            '交房日期': dt.date(2026, 3, 15), '拆除日期': dt.date(2025, 11, 1)})

        # ---- survey.  RULES.md away book: "listed voters whom tongji reports 外出 to 外县 or 境外"; SOURCES.md tongji
        # "The identity number is often missing; birth is known only to the month"; names may be traditional.
        p = adult_household(size=1)[0]
        while not any(c in TRAD for c in p.name):
            p.name = rnd.choice('陈刘张赵吴杨黄郑孙马') + p.name[1:]
        scen('away_trad_no_number', p, [opt(district_of(p.area), '户籍地')], away=True)
        row('tongji1', p, raw=True, **{'住户编码': 'T%06d' % rnd.randrange(10 ** 6), '调查地址': p.addr, '调查地区划代码': p.area,
                                       '姓名': trad(p.name), '性别': sex(p), '出生年月': '%d年%d月' % (p.birth.year, p.birth.month),
                                       '公民身份号码': '', '户口登记地': '本村(居)', '居住状态': '外出', '外出去向': rnd.choice(['外县', '境外'])})
        p = adult_household(size=1)[0]
        p.status, p.sdate = '死亡', dt.date(2025, 4, 9)
        scen('away_dead', p, [optn()], away=False, reason='DECEASED')
        row('tongji1', p, raw=True, **{'住户编码': 'T%06d' % rnd.randrange(10 ** 6), '调查地址': p.addr, '调查地区划代码': p.area,
                                       '姓名': p.name, '性别': sex(p), '出生年月': p.birth.strftime('%Y%m'),
                                       '公民身份号码': p.num, '户口登记地': '本村(居)', '居住状态': '外出', '外出去向': '境外'})
        # a survey part whose header carries a full-width space (U+3000) and whose values carry full-width
        # parentheses (本村（居）).  SOURCES.md "Header cells may carry surrounding spaces"; whether U+3000 is one is
        # not said: the away line is expected, its absence with the file reported is an accepted reading.
        p = adult_household(size=1)[0]
        scen('away_header_fullwidth_space', p, [opt(district_of(p.area), '户籍地')], away='soft')
        row('tongji2', p, raw=True, **{'住户编码': 'T%06d' % rnd.randrange(10 ** 6), '调查地址': p.addr, '调查地区划代码': p.area,
                                       '姓名': p.name, '性别': sex(p), '出生年月': p.birth.strftime('%Y-%m'),
                                       '公民身份号码': p.num, '户口登记地': '本村（居）', '居住状态': '外出', '外出去向': '外县'})

        # ---- rights decisions at the edges of E.  RULES.md DEPRIVED "whose period covers E (起始 ≤ E, and 终止 empty
        # or ≥ E), unless a 恢复政治权利 for the same person starts later than that 剥夺 and on or before E";
        # 新增 "恢复政治权利 (not listed before because of DEPRIVED/SUSPENDED/UNABLE)".
        def xw(p, typ, a, b):
            row('xuanwei', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '类型': typ, '起始日期': a, '终止日期': b,
                                           '决定机关': '青岚县人民法院', '文号': '(%d)青刑初字第%d号' % (a.year, rnd.randrange(10, 99))})
        p = adult_household(size=1)[0]
        scen('deprived_ends_day_before_E', p, [opt(district_of(p.area), '户籍地')], prev_state='DEPRIVED')
        xw(p, '剥夺政治权利', dt.date(2021, 6, 1), E - D1)
        p = adult_household(size=1)[0]
        scen('deprived_starts_day_after_E', p, [opt(district_of(p.area), '户籍地')])
        xw(p, '剥夺政治权利', E + D1, dt.date(2029, 1, 1))
        p = adult_household(size=1)[0]
        scen('deprived_starts_on_E', p, [optn()], reason='DEPRIVED')
        xw(p, '剥夺政治权利', E, '')
        p = adult_household(size=1)[0]
        scen('deprived_open_restored', p, [opt(district_of(p.area), '户籍地')], prev_state='DEPRIVED')
        xw(p, '剥夺政治权利', dt.date(2020, 1, 6), '')
        xw(p, '恢复政治权利', dt.date(2024, 5, 1), '')
        p = adult_household(size=1)[0]
        # 恢复 on the same day as the 剥夺 does not "start later than that 剥夺"
        scen('restore_same_day_as_deprive', p, [optn()], reason='DEPRIVED')
        xw(p, '剥夺政治权利', dt.date(2025, 9, 1), dt.date(2030, 8, 31))
        xw(p, '恢复政治权利', dt.date(2025, 9, 1), '')

        # ---- 29 February and the previous election day (2022-02-28).  RULES.md "born on 29 Feb: the 18th birthday
        # is 28 Feb in a common year"; 新增 "新满十八周岁 (under 18 on the previous roll's election day)" ... "补登 (any
        # other)".  Not on the previous roll, in the police register all along:
        p = household(size=3)[0]
        hs = HH[p.hh]
        hs = [q for q in hs if q.rel in ('子', '女')] or [p]
        q = hs[0]
        q.birth = dt.date(2004, 2, 29)
        ALL.discard(q.num)
        q.num = new_number(COUNTY, q.birth, q.male)
        q.nums = [q.num]
        for x in HH[p.hh]:
            if x is not q:
                x.tags.append('family_of_scenario')
        scen('feb29_18_on_prevE', q, [opt(district_of(q.area), '户籍地')], prev=None)
        p = household(size=3)[0]
        hs = [q for q in HH[p.hh] if q.rel in ('子', '女')] or [p]
        q = hs[0]
        q.birth = dt.date(2004, 3, 1)
        ALL.discard(q.num)
        q.num = new_number(COUNTY, q.birth, q.male)
        q.nums = [q.num]
        scen('mar1_17_on_prevE', q, [opt(district_of(q.area), '户籍地')], prev=None)

        # ---- 人户分离 in another township.  RULES.md RESIDENCE: "an active liudong record ... whose 居住地区划代码 is
        # covered by a district".  A death notice one digit off their number keeps them listed with a DEATH_REVIEW
        # ("Removal needs the number itself"); the item goes to their township (residence or register).
        p = adult_household(size=1)[0]
        v = other_district_village(p, other_town=True)
        scen('renhu_fenli_other_town_death_typo', p, [opt(district_of(v[0]), '居住地')],
             items=[{'types': ['DEATH_REVIEW', 'MATCH_REVIEW'], 'nums': [p.num]}])
        p.towns = {p.area[:9], v[0][:9]}
        row('liudong', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '性别': sex(p), '出生日期': p.birth, '户籍地区划代码': p.area,
                                       '居住地址': v[1] + '%d号' % rnd.randrange(1, 99), '居住地区划代码': v[0],
                                       '登记日期': dt.date(2022, 11, 7), '注销日期': '', '居住事由': '务工'})
        rec(row('minzheng', p, raw=True, **{'公民身份号码': typo(p.num), '姓名': p.name, '性别': sex(p), '死亡日期': dt.date(2026, 8, 30), '火化日期': ''}))

        # ---- in-migrants with proof at the boundary of E.  RULES.md "Who is considered 2: ... an active liudong
        # record in the county and a waidi notice 原选区资格证明"; RESIDENCE "登记日期 ≤ E".  Registered on E: listed
        # 资格证明 (新增 迁入).  Registered on E+1: not active, not considered, not in the in-migrant book.
        for tag, reg in (('inmig_proof_registered_on_E', E), ('inmig_proof_registered_after_E', E + D1)):
            oc = rnd.choice(OUT_COUNTIES)
            m = rnd.random() < 0.5
            b = rand_date(dt.date(1970, 1, 1), dt.date(2000, 12, 31))
            v = rnd.choice([x for x in VILLAGES if district_of(x[0])])
            p = person(rnd.choice(SURN) + given(m), m, b, 'X%d' % rnd.randrange(10 ** 6), '', '', oc + '000000', area6=oc)
            p.huji = False
            if reg <= E:
                scen(tag, p, [opt(district_of(v[0]), '资格证明')], prev=None, inmig={'in': False})
            else:
                scen(tag, p, [optn()], prev=None, inmig={'in': False}, reason='NOT_CONSIDERED')
            row('liudong', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '性别': sex(p), '出生日期': p.birth, '户籍地区划代码': oc,
                                           '居住地址': v[1] + '%d号' % rnd.randrange(1, 99), '居住地区划代码': v[0],
                                           '登记日期': reg, '注销日期': '', '居住事由': '务工'})
            row('waidi', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '类型': '原选区资格证明', '对方区划代码': oc,
                                         '对方选举委员会': '外县选举委员会', '日期': dt.date(2026, 11, 20)})

        # ---- homophone names on non-police records under the exact number.  SOURCES.md "homophone mis-typing (同音字)
        # in non-police sources"; RULES.md "A homophone ... is not agreement" vs certain "the normalised number equals
        # the person's": either acted on, or not acted on with an item.
        p = adult_household(size=1)[0]
        while not homophone(p.name):
            p.name = p.name[0] + given(p.male)
        v = other_district_village(p)
        scen('residence_homophone_exact', p, [opt(district_of(v[0]), '居住地'), opt(district_of(p.area), '户籍地', True)])
        rec(row('liudong', p, raw=True, **{'公民身份号码': p.num, '姓名': homophone(p.name), '性别': sex(p), '出生日期': p.birth, '户籍地区划代码': p.area,
                                           '居住地址': v[1] + '%d号' % rnd.randrange(1, 99), '居住地区划代码': v[0],
                                           '登记日期': dt.date(2023, 5, 20), '注销日期': '', '居住事由': '就学'}))
        p = adult_household(size=1)[0]
        while not homophone(p.name):
            p.name = p.name[0] + given(p.male)
        scen('elsewhere_homophone_exact', p, [optn(), opt(district_of(p.area), '户籍地', True)], book=False)
        rec(row('waidi', p, raw=True, **{'公民身份号码': p.num, '姓名': homophone(p.name), '类型': '已在外地登记', '对方区划代码': rnd.choice(OUT_COUNTIES),
                                         '对方选举委员会': '外县选举委员会', '日期': dt.date(2026, 10, 8)}))

        # ---- a death notice under A's valid number with the name of another member of A's household.  RULES.md
        # "Records whose number is missing, fails the check digit, or disagrees with the rest of the record are linked
        # by name ..."; "Removal needs the number itself"; "never dropped without an item".  The named relative must
        # not be removed (no number of theirs); A either way, but an item must name A or the relative.
        hs = adult_household(size=2)
        a, b = hs[:2]
        scen('death_number_of_spouse_name', a, [optn(), opt(district_of(a.area), '户籍地', True)], book=False,
             allow=REVIEW, items=[{'types': REVIEW, 'nums': [a.num, b.num]}])
        scen('death_number_of_spouse_name', b, [opt(district_of(b.area), '户籍地')], allow=REVIEW, book=True)
        rec(row('minzheng', a, raw=True, **{'公民身份号码': a.num, '姓名': b.name, '性别': sex(b), '死亡日期': dt.date(2026, 6, 1), '火化日期': dt.date(2026, 6, 3)}))
        # twins: the notice carries twin 1's number and twin 2's name (same sex, same birth, same household)
        hs = household(size=4, adults_only=True, head_age=rnd.randrange(50, 66))
        kids = [q for q in hs if q.rel in ('子', '女')]
        if len(kids) == 2:
            t1, t2 = kids
            t2.male = t1.male
            t2.birth = t1.birth
            t2.rel = t1.rel
            t2.name = t1.name[0] + given(t1.male)
            while t2.name == t1.name:
                t2.name = t1.name[0] + given(t1.male)
            ALL.discard(t2.num)
            t2.num = new_number(COUNTY, t2.birth, t2.male)
            t2.nums = [t2.num]
            scen('death_twins_number_of_other', t1, [optn(), opt(district_of(t1.area), '户籍地', True)], book=False,
                 allow=REVIEW, items=[{'types': REVIEW, 'nums': [t1.num, t2.num]}])
            scen('death_twins_number_of_other', t2, [opt(district_of(t2.area), '户籍地')], allow=REVIEW)
            rec(row('minzheng', t1, raw=True, **{'公民身份号码': t1.num, '姓名': t2.name, '性别': sex(t2), '死亡日期': dt.date(2026, 5, 5), '火化日期': ''}))
            for q in hs:
                if q not in kids:
                    q.tags.append('family_of_scenario')


        # ---- more scenarios (second batch)
        # 29 February and the reason order for an in-migrant with proof.  RULES.md "Where several reasons apply, the
        # first in these lists is written (an in-migrant who was under 18 on the previous election day is
        # 新满十八周岁)"; born 2004-02-29 was 18 on 2022-02-28 ("the 18th birthday is 28 Feb in a common year"): 迁入.
        for tag, b in (('feb29_inmig_proof', dt.date(2004, 2, 29)), ('mar1_inmig_proof', dt.date(2004, 3, 1))):
            oc = rnd.choice(OUT_COUNTIES)
            m = rnd.random() < 0.5
            v = rnd.choice([x for x in VILLAGES if district_of(x[0])])
            p = person(rnd.choice(SURN) + given(m), m, b, 'X%d' % rnd.randrange(10 ** 6), '', '', oc + '000000', area6=oc)
            p.huji = False
            p.towns = {v[0][:9]}
            scen(tag, p, [opt(district_of(v[0]), '资格证明')], prev=None, inmig={'in': False})
            row('liudong', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '性别': sex(p), '出生日期': p.birth, '户籍地区划代码': oc,
                                           '居住地址': v[1] + '%d号' % rnd.randrange(1, 99), '居住地区划代码': v[0],
                                           '登记日期': dt.date(2025, 3, 3), '注销日期': '', '居住事由': '就学'})
            row('waidi', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '类型': '原选区资格证明', '对方区划代码': oc,
                                         '对方选举委员会': '外县选举委员会', '日期': dt.date(2026, 9, 9)})
        # two residence registrations: the older one ended in district X, the newer one active in district Y.
        # RULES.md RESIDENCE "an active liudong record (登记日期 ≤ E; 注销日期 empty or > E)".
        p = adult_household(size=1)[0]
        v1 = other_district_village(p)
        v2 = rnd.choice([x for x in VILLAGES if district_of(x[0]) not in (district_of(p.area), district_of(v1[0]))])
        scen('residence_moved_twice', p, [opt(district_of(v2[0]), '居住地')])
        for v, a, b in ((v2, dt.date(2024, 9, 1), ''), (v1, dt.date(2021, 2, 1), dt.date(2024, 8, 31))):
            row('liudong', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '性别': sex(p), '出生日期': p.birth, '户籍地区划代码': p.area,
                                           '居住地址': v[1] + '%d号' % rnd.randrange(1, 99), '居住地区划代码': v[0],
                                           '登记日期': a, '注销日期': b, '居住事由': '务工'})
        # a 恢复政治权利 under a one-typo number (xuanwei has no sex and birth: no certain repair).  RULES.md "A link that
        # is not certain is not acted on: it raises MATCH_REVIEW"; DEPRIVED "unless a 恢复政治权利 for the same person".
        p = adult_household(size=1)[0]
        scen('restore_under_typo_number', p, [optn(True)], reason='DEPRIVED', book=False)
        row('xuanwei', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '类型': '剥夺政治权利', '起始日期': dt.date(2023, 4, 1),
                                       '终止日期': dt.date(2029, 3, 31), '决定机关': '青岚县人民法院', '文号': '(2023)青刑初字第7号'})
        rec(row('xuanwei', p, raw=True, **{'公民身份号码': typo(p.num), '姓名': p.name, '类型': '恢复政治权利', '起始日期': dt.date(2026, 6, 1),
                                           '终止日期': '', '决定机关': '青岚县人民法院', '文号': '(2026)青刑更字第3号'}))
        # 停止行使 starting on E; 不能行使 ended the day before E after covering the previous election day.
        # RULES.md SUSPENDED / UNABLE "covering E"; 新增 "恢复政治权利 (not listed before because of ... UNABLE)".
        p = adult_household(size=1)[0]
        scen('suspended_starts_on_E', p, [optn()], reason='SUSPENDED')
        row('xuanwei', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '类型': '停止行使选举权利', '起始日期': E,
                                       '终止日期': dt.date(2027, 6, 30), '决定机关': '青岚县人民检察院', '文号': ''})
        p = adult_household(size=1)[0]
        scen('unable_ended_day_before_E', p, [opt(district_of(p.area), '户籍地')], prev_state='UNABLE')
        row('xuanwei', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '类型': '不能行使选举权利', '起始日期': dt.date(2020, 3, 1),
                                       '终止日期': E - D1, '决定机关': '青岚县选举委员会', '文号': ''})
        # the baseline roll carries the person's legacy 15-digit number / a lower-case x.  RULES.md "a 15-digit number
        # is the same person as its 18-digit form"; the previous roll is "a baseline given as a directory of roll
        # files": the person is 保留, with no 新增 and no 除名 line.
        p = adult_household(size=1, head_age=rnd.randrange(40, 70))[0]
        scen('prev_roll_legacy15', p, [opt(district_of(p.area), '户籍地')])
        p.prev_num = to15(p.num)
        while True:
            p = adult_household(size=1)[0]
            if p.num.endswith('X'):
                break
            p.tags.append('family_of_scenario')
        scen('prev_roll_lowercase_x', p, [opt(district_of(p.area), '户籍地')])
        p.prev_num = p.num[:-1] + 'x'
        # both twins dead, one death notice each, exact numbers.  RULES.md DECEASED "a minzheng record ... linked by the
        # identity number": both removed (除名 死亡), no review ("Same name, sex and birth date alone never prove").
        hs = household(size=4, adults_only=True, head_age=rnd.randrange(70, 80))
        kids = [q for q in hs if q.rel in ('子', '女')]
        if len(kids) == 2:
            t1, t2 = kids
            t2.male, t2.birth, t2.rel = t1.male, t1.birth, t1.rel
            ALL.discard(t2.num)
            t2.num = new_number(COUNTY, t2.birth, t2.male)
            t2.nums = [t2.num]
            for t in kids:
                t.status, t.sdate = '死亡', dt.date(2025, 1, 20)
                scen('twins_both_dead_exact', t, [optn()], reason='DECEASED', forbid=['DEATH_REVIEW', 'MATCH_REVIEW', 'ID_SHARED'])
                row('minzheng', t, raw=True, **{'公民身份号码': t.num, '姓名': t.name, '性别': sex(t), '死亡日期': dt.date(2025, 1, 20), '火化日期': ''})
            for q in hs:
                if q not in kids:
                    q.tags.append('family_of_scenario')

        # ---- 重号 where one holder's police record itself says 死亡 / 迁出, or a 已在外地登记 names one holder.  RULES.md
        # "Two different people under one number (重号) are two people: list both if both qualify, and raise
        # ID_SHARED"; the 人员状态 is that record's own, it says nothing about the other holder.
        for tag, st in (('id_shared_one_dead_in_huji', '死亡'), ('id_shared_one_moved_out', '迁出'), ('id_shared_one_elsewhere', None)):
            a = adult_household(size=1)[0]
            b = adult_household(size=1, village=other_district_village(a))[0]
            b.male, b.birth = a.male, a.birth
            ALL.discard(b.num)
            b.num = a.num
            b.nums = [a.num]
            a.towns = b.towns = {a.area[:9], b.area[:9]}
            if st:
                a.status, a.sdate = st, dt.date(2024, 10, 15)
                a.dest = '330106' if st == '迁出' else ''
                scen(tag, a, [optn()], book=False, allow=REVIEW, reason='X')
            else:
                scen(tag, a, [optn(), opt(district_of(a.area), '户籍地', True)], book=False, allow=REVIEW)
                rec(row('waidi', a, raw=True, **{'公民身份号码': a.num, '姓名': a.name, '类型': '已在外地登记', '对方区划代码': '330106',
                                                 '对方选举委员会': '杭州市西湖区选举委员会', '日期': dt.date(2026, 11, 1)}))
            scen(tag, b, [opt(district_of(b.area), '户籍地')], book=False, allow=REVIEW,
                 items=[{'types': ['ID_SHARED'], 'nums': [a.num]}])
        # in-migrants without proof on the month boundary.  RULES.md "completed calendar months from 登记日期 to E:
        # 2025-12-15 -> 2026-12-15 is 12, 2025-12-16 -> 2026-12-15 is 11"; INMIGRANT_ELIGIBLE "for those with at least
        # in-migrant-months".  E = 2026-12-20.
        for tag, reg, mo in (('inmig_noproof_12_exact', dt.date(2025, 12, 20), 12), ('inmig_noproof_11_day_short', dt.date(2025, 12, 21), 11)):
            oc = rnd.choice(OUT_COUNTIES)
            m = rnd.random() < 0.5
            b = rand_date(dt.date(1970, 1, 1), dt.date(2000, 12, 31))
            v = rnd.choice([x for x in VILLAGES if district_of(x[0])])
            p = person(rnd.choice(SURN) + given(m), m, b, 'X%d' % rnd.randrange(10 ** 6), '', '', oc + '000000', area6=oc)
            p.huji = False
            p.towns = {v[0][:9]}
            if mo >= 12:
                scen(tag, p, [optn()], prev=None, inmig={'in': True, 'months': mo}, reason='INMIGRANT',
                     items=[{'types': ['INMIGRANT_ELIGIBLE'], 'nums': [p.num]}])
            else:
                scen(tag, p, [optn()], prev=None, inmig={'in': True, 'months': mo}, reason='INMIGRANT', forbid=['INMIGRANT_ELIGIBLE'])
            row('liudong', p, raw=True, **{'公民身份号码': p.num, '姓名': p.name, '性别': sex(p), '出生日期': p.birth, '户籍地区划代码': oc,
                                           '居住地址': v[1] + '%d号' % rnd.randrange(1, 99), '居住地区划代码': v[0],
                                           '登记日期': reg, '注销日期': '', '居住事由': '务工'})

        # ---- 一人多户: a second police record in another household of another township, under the legacy 15-digit form
        # of the same number, the name one character apart.  SOURCES.md huji "one person registered in two households
        # (一人多户), usually with a second number that is mistyped, legacy 15-digit ... and a name that may differ by one
        # character"; RULES.md "resolve them to one person and list them once".  Either household's district;
        # PERSON_MULTI_RECORD / MATCH_REVIEW tolerated.
        p = adult_household(size=1, head_age=rnd.randrange(35, 70))[0]
        v = other_district_village(p, other_town=True)
        alt = p.name[:-1] + rnd.choice([c for c in (MALE if p.male else FEMALE) if len(c) == 1 and c != p.name[-1]])
        scen('multi_legacy15_one_char_other_town', p, [opt(district_of(p.area), '户籍地'), opt(district_of(v[0]), '户籍地')],
             book=False, allow=REVIEW + ['PERSON_MULTI_RECORD'])
        p.nums = [p.num, to15(p.num)]
        p.towns = {p.area[:9], v[0][:9]}
        HCOUNT[0] += 1
        row('huji2', p, raw=True, **{'公民身份号码': to15(p.num), '姓名': alt, '曾用名': '', '性别': sex(p), '民族': '汉族',
                                     '出生日期': p.birth, '户号': '45%08d' % (HCOUNT[0] * 7), '与户主关系': '户主',
                                     '户籍地址': '%s%d组%d号' % (v[1], rnd.randrange(1, 12), rnd.randrange(1, 80)),
                                     '户籍地区划代码': v[0], '人员状态': '正常', '状态变动日期': '', '迁往地区划代码': ''})

        # ---- how Chinese offices stop Excel from turning numbers into 4.5E+17: a leading tab, a leading apostrophe,
        # or the ="..." formula form in an exported CSV.  SOURCES.md "leading/trailing spaces" (a tab is white space;
        # the apostrophe and ="..." are not named); RULES.md "never dropped without an item".  Either repaired
        # (工作单位) or 户籍地 with an item naming the person or the row.
        for tag, f in (('csv_tab_prefix_number', lambda n: '\t' + n), ('csv_apostrophe_prefix_number', lambda n: "'" + n),
                       ('csv_excel_formula_number', lambda n: '="%s"' % n)):
            p = adult_household(size=1)[0]
            u = unit_code()
            scen(tag, p, [opt(UNITS[u], '工作单位'), opt(district_of(p.area), '户籍地', True)], book=False)
            rec(shebao(p, 'shebao_c', f(p.num), code=u))

        # ---- Excel-damaged numbers in removal evidence and in the police register itself.  RULES.md "A record that
        # could change someone's listing ... is never dropped without an item"; DEATH_REVIEW / MATCH_REVIEW "naming the
        # person, who stays listed until a township decides"; ID_INVALID "a number fails validation and the record could
        # not be linked to a person".
        p = adult_noX()
        scen('death_notice_sci_number', p, [opt(district_of(p.area), '户籍地', True)], book=False)
        rec(row('minzheng', p, raw=True, **{'公民身份号码': '%.5E' % float(int(p.num)), '姓名': p.name, '性别': sex(p),
                                            '死亡日期': dt.date(2026, 11, 2), '火化日期': dt.date(2026, 11, 4)}))
        p = adult_noX()
        scen('deprived_sci_number', p, [opt(district_of(p.area), '户籍地', True)], book=False)
        rec(row('xuanwei', p, raw=True, **{'公民身份号码': '%.5E' % float(int(p.num)), '姓名': p.name, '类型': '剥夺政治权利',
                                           '起始日期': dt.date(2026, 3, 1), '终止日期': dt.date(2029, 2, 28), '决定机关': '青岚县人民法院',
                                           '文号': '(2026)青刑初字第5号'}))
        p = adult_noX()
        # listed (under whatever number the engine prints) or not; ID_INVALID (or another item) required either way
        scen('huji_sci_number', p, [opt(district_of(p.area), '户籍地', True), optn(True)], book=False, note='sci')

        # ---- totals rows: see write_inputs (a 合计 row at the end of huji part 2 and of the shebao workbook).


def apply_mess_and_write():
    pass


# ---------------------------------------------------------------- background rows for the other sources
def background_sources():
    bg = [p for p in PEOPLE if not p.scen and 'background' in p.tags and p.status == '正常']
    for p in bg:
        a = age_on(p.birth, E)
        # insurance (RULES.md UNIT: an active shebao record whose credit code belongs to a 单位 district)
        if 18 <= a <= 60 and rnd.random() < 0.40:
            if rnd.random() < 0.12:
                u = unit_code()
                st = '参保缴费' if rnd.random() < 0.92 else '暂停缴费'
                if st == '参保缴费':
                    listed(p, UNITS[u], '工作单位')
                shebao(p, 'shebao_x' if rnd.random() < 0.7 else 'shebao_c', p.num, code=u, status=st, raw=None)
            else:
                c, n = rnd.choice(OTHER_EMPLOYERS)
                shebao(p, 'shebao_x' if rnd.random() < 0.7 else 'shebao_c', p.num, code=c, raw=None,
                       status=rnd.choice(['参保缴费'] * 9 + ['暂停缴费', '终止参保']))
                if R['shebao_x'] and False:
                    pass
        # residence in another district (人户分离), some ended
        if a >= 18 and rnd.random() < 0.05:
            v = other_district_village(p)
            reg = rand_date(dt.date(2019, 1, 1), dt.date(2026, 10, 1))
            end = '' if rnd.random() < 0.8 else rand_date(reg + D1 * 30, E - D1 * 5)
            if end == '' and not p.cur:
                listed(p, district_of(v[0]), '居住地')
            row('liudong', p, **{'公民身份号码': p.num, '姓名': p.name, '性别': sex(p), '出生日期': p.birth, '户籍地区划代码': p.area,
                                 '居住地址': v[1] + '%d号' % rnd.randrange(1, 99), '居住地区划代码': v[0], '登记日期': reg,
                                 '注销日期': end, '居住事由': rnd.choice(['务工', '经商', '就学', '投亲', '其他'])})
            p.res_area = v[0] if end == '' else None
        # rights decisions (RULES.md DEPRIVED / UNABLE rows), 外地登记
        r = rnd.random()
        if a >= 18 and r < 0.002:
            p.reason = 'DEPRIVED'
            row('xuanwei', p, **{'公民身份号码': p.num, '姓名': p.name, '类型': '剥夺政治权利', '起始日期': rand_date(dt.date(2022, 6, 1), dt.date(2026, 6, 1)),
                                 '终止日期': rand_date(dt.date(2027, 1, 1), dt.date(2030, 1, 1)), '决定机关': '青岚县人民法院', '文号': '(2024)青刑初字第%d号' % rnd.randrange(100)})
        elif a >= 18 and r < 0.003:
            p.reason = 'UNABLE'
            row('xuanwei', p, **{'公民身份号码': p.num, '姓名': p.name, '类型': '不能行使选举权利', '起始日期': rand_date(dt.date(2022, 6, 1), dt.date(2026, 6, 1)),
                                 '终止日期': '', '决定机关': '青岚县选举委员会', '文号': ''})
        elif a >= 18 and r < 0.005:
            p.reason = 'REGISTERED_ELSEWHERE'
            row('waidi', p, **{'公民身份号码': p.num, '姓名': p.name, '类型': '已在外地登记', '对方区划代码': rnd.choice(OUT_COUNTIES),
                               '对方选举委员会': '外县选举委员会', '日期': rand_date(dt.date(2026, 9, 1), dt.date(2026, 12, 10))})
        elif a >= 18 and r < 0.007:
            # DEATH_CONFLICT: minzheng by number, huji still 正常 (RULES.md DECEASED row)
            p.reason = 'DECEASED'
            p.items = [{'types': ['DEATH_CONFLICT'], 'nums': [p.num]}]
            row('minzheng', p, **{'公民身份号码': p.num, '姓名': p.name, '性别': sex(p), '死亡日期': rand_date(dt.date(2022, 6, 1), dt.date(2026, 11, 1)), '火化日期': ''})
    # survey: 20 % of background households (RULES.md away book)
    hhs = {}
    for p in PEOPLE:
        if 'background' in p.tags and not p.scen:
            hhs.setdefault(p.hh, []).append(p)
    for hh, ms in hhs.items():
        if rnd.random() > 0.20 or any(m.res_area for m in ms):
            continue
        code = 'T%06d' % rnd.randrange(10 ** 6)
        for m in ms:
            if m.status != '正常':
                continue
            a = age_on(m.birth, E)
            st, dest = '常住', ''
            if a >= 18 and rnd.random() < 0.12:
                st, dest = '外出', rnd.choice(['本县', '外县', '外县', '境外'])
            if st == '外出' and dest in ('外县', '境外'):
                m.away = True
            elif a >= 18:
                m.away = False
            row('tongji1', m, **{'住户编码': code, '调查地址': m.addr, '调查地区划代码': m.area, '姓名': m.name, '性别': sex(m),
                                 '出生年月': m.birth, '公民身份号码': m.num if rnd.random() < 0.4 else '', '户口登记地': '本村(居)',
                                 '居住状态': st, '外出去向': dest})
    # background resettlement: a few anchored households handed over into another district
    for _ in range(3 * K):
        ms = [p for p in PEOPLE if 'background' in p.tags and not p.scen]
        p = rnd.choice(ms)
        hs = [q for q in HH[p.hh]]
        if any(q.scen or q.res_area or q.status != '正常' or q.reason or (q.cur and q.cur[1] in ('工作单位', '安置地'))
               or 'bg_resettled' in q.tags for q in hs) or len(hs) < 2:
            continue
        v = other_district_village(hs[0])
        case = 'ZS-%04d' % rnd.randrange(10000)
        for i, q in enumerate(hs):
            if age_on(q.birth, E) >= 18:
                listed(q, district_of(v[0]), '安置地')
            q.tags.append('bg_resettled')
            num = q.num if (i == 0 or rnd.random() < 0.6) else ''
            row('chaiqian', q, **{'项目名称': '城南片区改造', '被征收户编号': case, '姓名': q.name, '公民身份号码': num,
                                  '与户主关系': q.rel, '原房屋地址': q.addr, '原区划代码': q.area, '安置方式': '产权调换',
                                  '安置地址': v[1] + '安置小区%d栋' % rnd.randrange(1, 30), '安置区划代码': v[0],
                                  '交房日期': rand_date(dt.date(2023, 1, 1), dt.date(2026, 10, 1)), '拆除日期': dt.date(2022, 12, 1)})


def inmigrants():
    n = int(PERSONS * 0.04)
    for i in range(n):
        oc = rnd.choice(OUT_COUNTIES)
        m = rnd.random() < 0.5
        b = rand_date(dt.date(1960, 1, 1), dt.date(2004, 12, 31))
        v = rnd.choice([x for x in VILLAGES if district_of(x[0])])
        p = person(rnd.choice(SURN) + given(m), m, b, 'X%d' % i, '', '', oc + '000000', area6=oc)
        p.huji = False
        p.tags.append('inmigrant')
        reg = rand_date(dt.date(2018, 1, 1), dt.date(2026, 11, 30))
        # RULES.md in-migrant book: months = completed calendar months from 登记日期 to E
        months = (E.year - reg.year) * 12 + (E.month - reg.month) - (1 if E.day < reg.day else 0)
        proof = rnd.random() < 0.3 and age_on(b, E) >= 18
        row('liudong', p, **{'公民身份号码': p.num, '姓名': p.name, '性别': sex(p), '出生日期': p.birth, '户籍地区划代码': oc + rnd.choice(['', '000000']),
                             '居住地址': v[1] + '%d号' % rnd.randrange(1, 99), '居住地区划代码': v[0], '登记日期': reg,
                             '注销日期': '', '居住事由': rnd.choice(['务工', '经商', '就学', '投亲'])})
        p.prev = None
        p.towns = {v[0][:9]}
        if proof:
            listed(p, district_of(v[0]), '资格证明')
            p.inmig = {'in': False}
            row('waidi', p, **{'公民身份号码': p.num, '姓名': p.name, '类型': '原选区资格证明', '对方区划代码': oc,
                               '对方选举委员会': '外县选举委员会', '日期': rand_date(dt.date(2026, 6, 1), dt.date(2026, 12, 1))})
        else:
            p.reason = 'INMIGRANT'
            p.inmig = {'in': True, 'months': months}
            if months >= 12:
                p.items = [{'types': ['INMIGRANT_ELIGIBLE'], 'nums': [p.num]}]
            else:
                p.forbid = ['INMIGRANT_ELIGIBLE']


# ---------------------------------------------------------------- writing
def fmt_date(v, style):
    if not isinstance(v, dt.date):
        return v
    return [v.strftime('%Y%m%d'), v.strftime('%Y-%m-%d'), '%d/%d/%d' % (v.year, v.month, v.day),
            '%d.%d.%d' % (v.year, v.month, v.day), '%d年%d月%d日' % (v.year, v.month, v.day)][style % 5]


FW = str.maketrans('0123456789', '０１２３４５６７８９')


def mess_number(n, src):
    r = rnd.random()
    if r < 0.02:
        return n.translate(FW)
    if r < 0.04:
        return n[:6] + ' ' + n[6:14] + ' ' + n[14:]
    if r < 0.05:
        return n[:6] + '-' + n[6:14] + '-' + n[14:]
    if r < 0.07 and n.endswith('X'):
        return n[:-1] + 'x'
    if r < 0.09:
        return '  ' + n + ' '
    if r < 0.11 and src in ('shebao_x', 'shebao_c', 'minzheng', 'liudong') and '1900' <= n[6:10] <= '1999' and int(n[14:17]) < 996:
        return to15(n)
    return n


def mess_name(n, src):
    if src.startswith('huji'):
        return n
    r = rnd.random()
    if r < 0.03:
        return trad(n)
    if r < 0.05 and len(n) >= 2:
        return n[0] + ' ' + n[1:]
    if r < 0.06:
        return n + '\u3000'
    return n


HEAD = {
    'huji': ['公民身份号码', '姓名', '曾用名', '性别', '民族', '出生日期', '户号', '与户主关系', '户籍地址', '户籍地区划代码', '人员状态', '状态变动日期', '迁往地区划代码'],
    'liudong': ['公民身份号码', '姓名', '性别', '出生日期', '户籍地区划代码', '居住地址', '居住地区划代码', '登记日期', '注销日期', '居住事由'],
    'shebao': ['社会保障号码', '姓名', '性别', '出生日期', '参保单位名称', '统一社会信用代码', '参保状态', '终止原因', '终止日期'],
    'tongji': ['住户编码', '调查地址', '调查地区划代码', '姓名', '性别', '出生年月', '公民身份号码', '户口登记地', '居住状态', '外出去向'],
    'chaiqian': ['项目名称', '被征收户编号', '姓名', '公民身份号码', '与户主关系', '原房屋地址', '原区划代码', '安置方式', '安置地址', '安置区划代码', '交房日期', '拆除日期'],
    'minzheng': ['公民身份号码', '姓名', '性别', '死亡日期', '火化日期'],
    'xuanwei': ['公民身份号码', '姓名', '类型', '起始日期', '终止日期', '决定机关', '文号'],
    'waidi': ['公民身份号码', '姓名', '类型', '对方区划代码', '对方选举委员会', '日期'],
}
NUMCOL = {'shebao': '社会保障号码'}
RECS = {}           # pid -> [file:line]


def csv_field(v):
    v = '' if v is None else str(v)
    if any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def prepared(src, d, style):
    base = src.rstrip('12').replace('_x', '').replace('_c', '')
    out = {}
    numcol = NUMCOL.get(base, '公民身份号码')
    for k, v in d.items():
        if k.startswith('_'):
            continue
        if d['_raw'] is None:
            if k == numcol and v:
                v = mess_number(v, src)
            elif k == '姓名':
                v = mess_name(v, src)
            elif k == '性别' and src in ('huji2', 'shebao_c') and rnd.random() < 0.3:
                v = '1' if v == '男' else '2'
        if k == '出生年月' and isinstance(v, dt.date):
            v = [v.strftime('%Y%m'), v.strftime('%Y-%m'), '%d年%d月' % (v.year, v.month)][style % 3]
        out[k] = v
    return out


def write_csv(src, fname, enc, crlf, cols, extra=None, pad=False, tail=None, blank_every=0):
    nl = '\r\n' if crlf else '\n'
    head = list(cols) + ([extra] if extra else [])
    hdr = [('  %s ' % h if pad and i % 3 == 0 else h) for i, h in enumerate(head)]
    if src == 'tongji2':
        hdr = [h + '\u3000' if h in ('居住状态', '外出去向') else h for h in hdr]
    lines = [','.join(csv_field(h) for h in hdr)]
    phys = 1
    for i, d in enumerate(R[src]):
        if blank_every and i and i % blank_every == 0:
            lines.append('')
            phys += 1
        st = d['_style']
        vals = prepared(src, d, st)
        cells = []
        for h in cols:
            v = vals.get(h, '')
            cells.append(csv_field(fmt_date(v, st)))
        if extra:
            cells.append(csv_field('联系人%d' % i if i % 2 else ''))
        line = ','.join(cells)
        lines.append(line)
        phys += 1
        d['_line'] = phys
        phys += line.count('\n')
    if tail:
        lines.extend(tail)
    data = nl.join(lines) + nl
    bom = enc == 'utf-8-sig'
    with open(os.path.join(OUT, 'inbox', fname), 'wb') as f:
        f.write(data.encode('utf-8-sig' if bom else enc))


def col_letter(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(src, fname, cols, totals=None):
    rows = []
    hdr = ''.join('<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (col_letter(i), escape(h)) for i, h in enumerate(cols))
    rows.append('<row r="1">%s</row>' % hdr)
    r = 1
    for i, d in enumerate(R[src]):
        r += 1
        if i and i % 97 == 0:
            r += 1            # an empty row (SOURCES.md "Empty lines may appear anywhere and are skipped")
        st = d['_style']
        vals = prepared(src, d, st)
        d['_line'] = r
        cells = []
        for j, h in enumerate(cols):
            v = vals.get(h, '')
            ref = '%s%d' % (col_letter(j), r)
            if isinstance(v, tuple) and v[0] == 'NUM':
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, v[1]))
            elif isinstance(v, dt.date):
                if st % 3 == 0:
                    cells.append('<c r="%s" s="1"><v>%d</v></c>' % (ref, (v - dt.date(1899, 12, 30)).days))
                else:
                    cells.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(fmt_date(v, st))))
            elif v == '' or v is None:
                continue
            else:
                cells.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(str(v))))
        rows.append('<row r="%d">%s</row>' % (r, ''.join(cells)))
    if totals:
        r += 1
        rows.append('<row r="%d"><c r="A%d" t="inlineStr"><is><t>合计</t></is></c><c r="B%d"><v>%d</v></c></row>' % (r, r, r, len(R[src])))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % ''.join(rows))
    z = zipfile.ZipFile(os.path.join(OUT, 'inbox', fname), 'w', zipfile.ZIP_DEFLATED)
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
               '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
               '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    z.writestr('xl/styles.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
               '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
               '<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>')
    z.writestr('xl/worksheets/sheet1.xml', sheet)
    z.close()


def main():
    for sub in ('county', 'inbox', 'previous/rolls', 'truth'):
        os.makedirs(os.path.join(OUT, sub), exist_ok=True)
    build_background(PERSONS)
    build_scenarios()
    background_sources()
    inmigrants()
    expect_background()
    # police rows for everyone in the county's register
    for p in PEOPLE:
        if not p.huji:
            continue
        if p.note == 'sci':
            rec(huji_row(p, 'huji1', _raw=True, **{'公民身份号码': '%.5E' % float(int(p.num))}))
        elif p.note == 'multiline':
            huji_row(p, 'huji1', _raw=True)
        elif p.note == 'dup':
            d = huji_row(p, 'huji1', _raw=True)
            R['huji1'].append(dict(d))
        elif p.note == 'both':
            huji_row(p, 'huji1', _raw=True)
            huji_row(p, 'huji2', _raw=True)
        else:
            huji_row(p)
    rnd.shuffle(R['huji1'])
    rnd.shuffle(R['huji2'])
    for s in ('liudong', 'minzheng', 'tongji1'):
        rnd.shuffle(R[s])

    # ---------------- scenario expectations
    for p in PEOPLE:
        if p.alts is None:
            if p.cur and not p.reason:
                p.alts = [opt(p.cur[0], p.cur[1])]
            else:
                p.alts = [optn()]
    # ---------------- previous roll (state on PREV) and books
    prev_rows = {}
    for p in PEOPLE:
        if p.prev == 'auto':
            p.prev = None
            if p.huji and age_on(p.birth, PREV) >= 18 and p.prev_state is None:
                dead_before = p.status != '正常' and p.sdate and p.sdate <= PREV
                if not dead_before and p.reason not in ('NOT_CONSIDERED',):
                    if len(p.alts) == 1 and 'd' in p.alts[0]:
                        p.prev = p.alts[0]['d']
                    else:
                        p.prev = district_of(p.area)
        if p.prev:
            prev_rows.setdefault(p.prev, []).append(p)
    for d, ps in prev_rows.items():
        with open(os.path.join(OUT, 'previous/rolls', d + '.csv'), 'wb') as f:
            lines = ['选区编码,选区名称,序号,姓名,性别,出生日期,公民身份号码,户籍地址,居住地址,登记依据,变动']
            for i, p in enumerate(ps, 1):
                lines.append(','.join(csv_field(x) for x in [d, DNAME[d], i, p.name, sex(p), p.birth.isoformat(), p.prev_num or p.num,
                                                               p.addr, '', '户籍地', '保留']))
            f.write(('\r\n'.join(lines) + '\r\n').encode('gb18030'))
    RM = {'DECEASED': '死亡', 'DEPRIVED': '剥夺政治权利', 'SUSPENDED': '停止行使选举权利', 'UNABLE': '不能行使选举权利',
          'MOVED_OUT': '迁出', 'REGISTERED_ELSEWHERE': '外地登记', 'MILITARY': '其他', 'EMIGRATED': '其他', 'CANCELLED': '其他'}
    for p in PEOPLE:
        add = rm = None
        if len(p.alts) == 1 and p.book:
            o = p.alts[0]
            if 'd' in o:
                if p.prev is None:
                    if age_on(p.birth, PREV) < 18:
                        add = (o['d'], '新满十八周岁')
                    elif p.prev_state in ('DEPRIVED', 'SUSPENDED', 'UNABLE'):
                        add = (o['d'], '恢复政治权利')
                    elif not p.huji:
                        add = (o['d'], '迁入')
                    else:
                        add = (o['d'], '补登')
                elif p.prev != o['d']:
                    add = (o['d'], '迁入')
                    rm = (p.prev, '迁出')
            elif p.prev:
                rm = (p.prev, RM.get(p.reason, '其他'))
        p.book = {'add': add, 'rm': rm} if p.book else None

    # ---------------- files
    write_csv('huji1', FILES['huji1'], 'gb18030', True, HEAD['huji'])
    cols = HEAD['huji'][:]
    rnd.shuffle(cols)
    # a totals row and blank lines at the end (SOURCES.md "Empty lines may appear anywhere and are skipped"; a totals
    # row cannot be used at all: reject report, never a person)
    tail = ['', '合计,共%d人' % len(R['huji2']) + ',' * (len(cols) - 1), '', '']
    write_csv('huji2', FILES['huji2'], 'utf-8-sig', False, cols, extra='备注（其他）', pad=True, tail=tail)
    write_csv('liudong', FILES['liudong'], 'utf-8', False, HEAD['liudong'], blank_every=211)
    write_xlsx('shebao_x', FILES['shebao_x'], HEAD['shebao'][:2] + ['参保状态', '统一社会信用代码', '性别', '出生日期', '参保单位名称', '终止原因', '终止日期'], totals=True)
    write_csv('shebao_c', FILES['shebao_c'], 'gb18030', True, HEAD['shebao'], extra='缴费基数')
    write_csv('tongji1', FILES['tongji1'], 'utf-8', False, HEAD['tongji'])
    write_csv('tongji2', FILES['tongji2'], 'utf-8', False, HEAD['tongji'])
    write_xlsx('chaiqian', FILES['chaiqian'], HEAD['chaiqian'])
    write_csv('minzheng', FILES['minzheng'], 'gb18030', True, HEAD['minzheng'])
    write_csv('xuanwei', FILES['xuanwei'], 'utf-8-sig', False, HEAD['xuanwei'])
    write_csv('waidi', FILES['waidi'], 'gb18030', True, HEAD['waidi'])
    for src, rows in R.items():
        for d in rows:
            if d.get('_rec') and d['_p'] is not None:
                RECS.setdefault(d['_p'].pid, []).append('%s:%d' % (FILES[src], d['_line']))
    # county files
    with open(os.path.join(OUT, 'county/election.yml'), 'w', encoding='utf-8') as f:
        f.write('county-code: "%s"\ncounty-name: %s\nelection-day: %s\nin-migrant-months: 12\nprevious-election-day: %s\n'
                % (COUNTY, COUNTY_NAME, E.isoformat(), PREV.isoformat()))
    with open(os.path.join(OUT, 'county/xuanqu.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write('选区编码,选区名称,乡镇代码,类型,覆盖区划代码,单位统一社会信用代码\n')
        for d in DISTRICTS:
            f.write('%s,%s,%s,%s,%s,%s\n' % (d[0], d[1], d[2], d[3], ';'.join(d[4]), ';'.join(d[5])))
    # 重号 holders whose names are one character apart (same length, one position differs): SOURCES.md 一人多户 "a name
    # that may differ by one character" vs 重号 -- ID_SHARED or PERSON_MULTI_RECORD accepted (independent5 saw the same)
    for p in PEOPLE:
        for it in p.items:
            if it['types'] == ['ID_SHARED']:
                others = [q for q in PEOPLE if q.num == p.num and q is not p] if any(t.startswith('id_shared') for t in p.tags) else []
                if any(len(q.name) == len(p.name) and sum(a != b for a, b in zip(q.name, p.name)) <= 1 for q in others):
                    it['types'] = ['ID_SHARED', 'PERSON_MULTI_RECORD']
                    p.tags.append('id_shared_names_one_char_apart')
    # truth
    T = []
    for p in PEOPLE:
        towns = set(p.towns) | ({p.area[:9]} if p.huji else set())
        for o in p.alts:
            if 'd' in o:
                towns.add(o['d'][:9])
        T.append({'pid': p.pid, 'num': p.num, 'nums': sorted(set(p.nums + ([to15(p.num)] if p.huji and p.num[6:8] == '19' else []))),
                  'name': p.name, 'sex': sex(p), 'birth': p.birth.isoformat(), 'hh': p.hh, 'huji': p.huji,
                  'tags': p.tags, 'alts': p.alts, 'reason': p.reason, 'items': p.items, 'forbid': p.forbid,
                  'allow': p.allow, 'book': p.book, 'away': p.away, 'inmig': p.inmig, 'prev': p.prev,
                  'towns': sorted(towns), 'recs': RECS.get(p.pid, []), 'scen': p.scen})
    with open(os.path.join(OUT, 'truth/truth.json'), 'w', encoding='utf-8') as f:
        json.dump({'county': COUNTY, 'E': E.isoformat(), 'persons': T,
                   'districts': {d[0]: d[2] for d in DISTRICTS}}, f, ensure_ascii=False)
    print('persons', len(PEOPLE), 'scenario tags', len(SC))
    for t, ps in sorted(SC.items()):
        print('  %-40s %d' % (t, len(ps)))


main()
