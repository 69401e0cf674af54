#!/usr/bin/env python3
"""A fourth independent test county (岚川县, 612733), written from /work/shared/spec alone.

    gen.py PERSONS SEED OUTDIR      -> OUTDIR/county, OUTDIR/inbox, OUTDIR/previous/rolls, OUTDIR/truth

The truth is this author's reading of RULES.md.  Every scenario below carries the sentence it rests on.
Expected outcome strings (truth/persons.csv, column 期望): options separated by '|'; an option is
'<选区编码>/<登记依据>' or 'NOT' (on no roll); a trailing '+ITEM' means that option is only right when a blocking
item (MATCH_REVIEW / ID_INVALID / DEATH_REVIEW) names the person or the record.
"""
import csv, io, os, random, sys, zipfile, datetime as dt
from xml.sax.saxutils import escape

N = int(sys.argv[1]); SEED = int(sys.argv[2]); OUT = sys.argv[3]
rnd = random.Random(SEED)
D = dt.date
E = D(2026, 11, 30)                 # election day
PREV_E = D(2021, 11, 29)
COUNTY, CNAME = '612733', '岚川县'
K = max(1, N // 4000)               # scenario multiplicity (5 at 20,000)

# ---------------------------------------------------------------- geography
TOWNS = [('612733100', '城关镇', ['001', '002', '003', '004', '005', '006']),
         ('612733101', '东岭镇', ['001', '002', '201', '202', '203']),
         ('612733200', '青石乡', ['201', '202', '203', '204', '205', '206']),
         ('612733201', '柳溪乡', ['201', '202', '203', '204']),
         ('612733202', '岩下乡', ['201', '202', '203', '204', '209'])]
VNAMES = ['东风', '新华', '南门', '北岭', '西河', '城南', '枫林', '桃源', '石桥', '青山', '白沙', '黄泥', '竹园',
          '杏花', '柳塘', '岩口', '上坪', '下坪', '龙潭', '凤凰', '马鞍', '双溪', '高桥', '团结', '和平', '红星', '胜利']
UNCOVERED = '612733202209'          # a village outside every district
VILLAGES = {}                        # code -> (town code, town name, village name)
i = 0
for tc, tn, vs in TOWNS:
    for v in vs:
        VILLAGES[tc + v] = (tc, tn, VNAMES[i % len(VNAMES)] + ('社区' if v < '200' else '村')); i += 1
COVER = {}                           # village -> district
DISTRICTS = []                       # (code, name, town, type, cover list, credit codes)
for tc, tn, vs in TOWNS:
    vv = [tc + v for v in vs if tc + v != UNCOVERED]
    groups = [vv[j:j + 2] for j in range(0, len(vv), 2)]
    for k, g in enumerate(groups, 1):
        code = f'{tc}-{k:02d}'
        DISTRICTS.append((code, f'{tn}第{k}选区', tc, '居住', g, []))
        for v in g: COVER[v] = code
CC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def credit(body):
    s = sum(CC_CHARS.index(c) * w for c, w in zip(body, CC_W)); c = 31 - s % 31
    return body + CC_CHARS[0 if c == 31 else c]
UNIT1 = [credit('91612733MA0AB12C3'), credit('91612733MA0AB77D1')]    # 岚川县水泥厂 (two codes)
UNIT2 = [credit('12612733MB1C23456')]                                  # 岚川县人民医院
DISTRICTS.append(('612733100-09', '城关镇水泥厂选区', '612733100', '单位', [], UNIT1))
DISTRICTS.append(('612733101-09', '东岭镇医院选区', '612733101', '单位', [], UNIT2))
UNITDIST = {c: '612733100-09' for c in UNIT1}; UNITDIST.update({c: '612733101-09' for c in UNIT2})
UNITNAME = {UNIT1[0]: '岚川县水泥厂', UNIT1[1]: '岚川县水泥厂二分厂', UNIT2[0]: '岚川县人民医院'}
OTHER_EMP = [(credit('91612733MA%07d' % (1000 + j)), n) for j, n in enumerate(
    ['岚川县粮站', '岚川县纺织厂', '青石茶业有限公司', '柳溪竹木制品厂', '岚川县农商银行', '城关镇中心小学', '岚川县自来水公司'])]
DNAME = {d[0]: d[1] for d in DISTRICTS}
COVERED = [v for v in VILLAGES if v in COVER]

def dist_of(v): return COVER.get(v)
def other_district_village(v):
    while True:
        w = rnd.choice(COVERED)
        if COVER[w] != COVER.get(v): return w

# ---------------------------------------------------------------- identity numbers
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def chk(b): return '10X98765432'[sum(int(c) * w for c, w in zip(b, W)) % 11]
USED = set()
def make_num(area, birth, sex, want_x=None, seq=None):
    for _ in range(10000):
        s = seq if seq is not None else rnd.randrange(1, 995)
        if (s % 2 == 1) != (sex == '男'): s = s + 1 if s < 994 else s - 1
        b = f'{area}{birth:%Y%m%d}{s:03d}'; n = b + chk(b)
        seq = None
        if n in USED: continue
        if want_x is True and n[-1] != 'X': continue
        if want_x is False and n[-1] == 'X': continue
        USED.add(n); return n
    raise SystemExit('no number')
def to15(n): return n[:6] + n[8:17]
def variants(t):
    """every 18-char number one substitution or one adjacent swap away from t"""
    out = set()
    for i in range(18):
        for d in '0123456789X' if i == 17 else '0123456789':
            if d != t[i]: out.add(t[:i] + d + t[i + 1:])
    for i in range(17):
        if t[i] != t[i + 1]: out.add(t[:i] + t[i + 1] + t[i] + t[i + 2:])
    return out
def typo(n, swap=False, avoid_pos=()):
    """one wrong digit or one adjacent swap (never touching 0-5), fails the check digit"""
    while True:
        if swap:
            i = rnd.randrange(6, 16)
            if n[i] == n[i + 1] or i in avoid_pos: continue
            t = n[:i] + n[i + 1] + n[i] + n[i + 2:]
        else:
            i = rnd.randrange(6, 17)
            if i in avoid_pos: continue
            t = n[:i] + rnd.choice([d for d in '0123456789' if d != n[i]]) + n[i + 1:]
        if t[17] != chk(t[:17]) and variants(t) & USED == {n}: return t
TYPOS = []                           # (typo, intended number or None) verified unique at the end
def mess(n, p=0.2):
    """spelling mess of a number that still normalises to n (SOURCES.md 'Values that need normalising')"""
    r = rnd.random()
    if r > p: return n
    r = rnd.randrange(6)
    if r == 0 and n[-1] == 'X': return n[:-1] + 'x'
    if r == 1: return ''.join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in n)
    if r == 2: return n[:6] + ' ' + n[6:14] + ' ' + n[14:]
    if r == 3: return n[:6] + '-' + n[6:14] + '-' + n[14:]
    if r == 4: return '  ' + n + ' '
    return n.lower()

# ---------------------------------------------------------------- names
SUR = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文'
SURW = [30, 29, 27, 20, 19, 13, 8, 7, 7, 6, 6, 5, 5, 4, 4, 4, 4, 3, 3, 3] + [2] * 20 + [1] * 200
GM = '伟强军勇杰涛明辉刚健斌鹏志华建国平东波宇浩俊峰磊超飞龙庆海林文'
GF = '丽芳娟敏静燕艳玲霞红英梅兰秀凤琴华萍雪婷慧颖洁倩琳佳云'
TRAD = dict(zip('陈张刘赵黄吴郑孙马杨钱冯许韩邓叶罗谢伟丽强军华国红兰凤龙东云飞杰鹏涛辉刚庆万里艳婷颖洁琴苏汤严贺龚',
                '陳張劉趙黃吳鄭孫馬楊錢馮許韓鄧葉羅謝偉麗強軍華國紅蘭鳳龍東雲飛傑鵬濤輝剛慶萬裏豔婷穎潔琴蘇湯嚴賀龔'))
HOMO = {'丽': '莉', '伟': '玮', '军': '君', '明': '铭', '华': '桦', '芳': '方', '静': '晶', '杰': '洁', '红': '虹',
        '海': '梅', '林': '琳', '平': '萍', '波': '博', '峰': '锋', '燕': '艳', '英': '瑛', '东': '冬', '超': '朝'}
def rname(sex, sur=None):
    s = sur or rnd.choices(SUR, weights=SURW[:len(SUR)] + [1] * max(0, len(SUR) - len(SURW)))[0]
    pool = GM if sex == '男' else GF
    g = rnd.choice(pool) + (rnd.choice(pool) if rnd.random() < 0.6 else '')
    return s + g
def trad(n): return ''.join(TRAD.get(c, c) for c in n)
def name_mess(n):
    """normalises to n (traditional forms, spaces)"""
    r = rnd.random()
    if r < 0.15: return trad(n)
    if r < 0.2: return n[0] + ' ' + n[1:]
    if r < 0.23: return n[0] + '\u3000' + n[1:]
    if r < 0.26: return ' ' + n + ' '
    return n
def homophone(n):
    for j in range(len(n) - 1, 0, -1):
        if n[j] in HOMO: return n[:j] + HOMO[n[j]] + n[j + 1:]
    return None

# ---------------------------------------------------------------- dates
def fmt_date(d, style=None):
    s = style if style is not None else rnd.choice([0, 0, 0, 1, 1, 2, 3, 4])
    return [f'{d:%Y-%m-%d}', f'{d:%Y%m%d}', f'{d.year}/{d.month}/{d.day}', f'{d.year}.{d.month}.{d.day}',
            f'{d.year}年{d.month}月{d.day}日'][s]
def fmt_month(d): return rnd.choice([f'{d:%Y%m}', f'{d:%Y-%m}', f'{d.year}年{d.month}月'])
def add_years(d, y):
    try: return d.replace(year=d.year + y)
    except ValueError: return D(d.year + y, 2, 28)
def adult(b, at=E): return add_years(b, 18) <= at
def rdate(a, b): return a + dt.timedelta(days=rnd.randrange((b - a).days + 1))
def months(a, b):
    m = (b.year - a.year) * 12 + b.month - a.month
    return m - 1 if b.day < a.day else m

# ---------------------------------------------------------------- persons
P = []
HH = [0]
def hhno():
    HH[0] += 1; return f'{rnd.choice("1234")}{HH[0]:06d}'
def person(sex, birth, v, hh, addr, rel='户主', name=None, area=COUNTY, want_x=None, sur=None, num=None):
    p = dict(pid=len(P), sex=sex, birth=birth, v=v, hh=hh, addr=addr, rel=rel, status='正常', sdate=None, dest='',
             former='', eth='汉族', tags=[], unit=None, resettle=None, res=None, remove=[], opts=None, prev=None,
             prev_basis='户籍地', doubt=False, away=None, inmig=area[:6] != COUNTY, huji=True, recs=[], book='auto',
             reason_add=None, rights_prev=False, alt_nums=[])
    p['name'] = name or rname(sex, sur)
    p['num'] = num or make_num(area, birth, sex, want_x)
    P.append(p); return p
def address(v):
    tc, tn, vn = VILLAGES[v]
    return f'{tn}{vn}{rnd.randint(1, 12)}组{rnd.randint(1, 60)}号' if vn.endswith('村') else \
        f'{tn}{vn}{rnd.randint(1, 30)}栋{rnd.randint(1, 6)}0{rnd.randint(1, 4)}'
def family(v=None, head_age=None):
    v = v or rnd.choice(list(VILLAGES))
    if v == UNCOVERED and rnd.random() < 0.85: v = rnd.choice(COVERED)      # a small village
    hh, addr = hhno(), address(v)
    ha = head_age or rnd.randint(24, 85)
    hs = rnd.choice('男男男女')
    hb = rdate(D(E.year - ha - 1, E.month, E.day) + dt.timedelta(days=1), D(E.year - ha, E.month, E.day))
    fam = [person(hs, hb, v, hh, addr)]
    if ha > 22 and rnd.random() < 0.75:
        fam.append(person('女' if hs == '男' else '男', add_years(hb, rnd.randint(-4, 4)) + dt.timedelta(days=rnd.randint(0, 200)),
                          v, hh, addr, '配偶'))
    if ha > 24:
        for _ in range(rnd.choice([0, 1, 1, 2, 2, 3])):
            s = rnd.choice('男女'); b = add_years(hb, rnd.randint(22, min(40, max(22, ha - 1)))) + dt.timedelta(days=rnd.randint(0, 300))
            if b > E: continue
            fam.append(person(s, b, v, hh, addr, '子' if s == '男' else '女', sur=fam[0]['name'][0] if hs == '男' else None))
    return fam

def tag(p, t, doubt=False):
    p['tags'].append(t); p['doubt'] = p['doubt'] or doubt; return p

# rows of every source: list of dicts with '_pid' (true person or None) and optional '_ref' (pid to note file:line)
ROWS = {s: [] for s in ['huji', 'liudong', 'shebao', 'tongji', 'chaiqian', 'minzheng', 'xuanwei', 'waidi']}
def row(src, pid, ref=False, **kw):
    r = dict(kw); r['_pid'] = pid; r['_ref'] = ref; ROWS[src].append(r); return r
EXC = []                             # (type, numbers, required yes/either/no, scenario)
def exc(t, nums, req, sc): EXC.append((t, ';'.join(nums), req, sc))

background = []
while len(P) < N * 0.93:
    background += family()
adults = [p for p in background if adult(p['birth'])]
def pick(cond=lambda p: True, age=None):
    while True:
        p = rnd.choice(adults)
        if p['tags'] or p.get('bg') or not cond(p): continue
        return p
def fresh_adult(v=None, sex=None, age=None, **kw):
    """a one-person household for a scenario"""
    v = v or rnd.choice(COVERED)
    s = sex or rnd.choice('男女')
    a = age or rnd.randint(25, 70)
    b = rdate(D(E.year - a - 1, 1, 1), D(E.year - a - 1, 12, 28))
    return person(s, b, v, hhno(), address(v), **kw)

# ================================================================ background (by the rules, nothing in doubt)
for p in background:
    r = rnd.random()
    if adult(p['birth']):
        if r < 0.02:
            p['status'] = '死亡'; p['sdate'] = rdate(D(2022, 1, 1), D(2026, 10, 31)); p['remove'].append('DECEASED')
            if rnd.random() < 0.5:
                row('minzheng', p['pid'], 公民身份号码=mess(p['num']), 姓名=name_mess(p['name']), 性别=p['sex'],
                    死亡日期=p['sdate'] - dt.timedelta(days=rnd.randint(0, 3)), 火化日期=p['sdate'] + dt.timedelta(days=2))
            p['bg'] = 1
        elif r < 0.03:
            p['status'] = '迁出'; p['sdate'] = rdate(D(2022, 1, 1), D(2026, 10, 31)); p['dest'] = rnd.choice(['330106', '440305000000', '', '320102'])
            p['remove'].append('MOVED_OUT'); p['bg'] = 1
        elif r < 0.034:
            p['status'] = '服兵役'; p['sdate'] = rdate(D(2022, 9, 1), D(2025, 9, 30)); p['remove'].append('MILITARY'); p['bg'] = 1
        elif r < 0.036:
            p['status'] = '出国定居'; p['sdate'] = rdate(D(2022, 1, 1), D(2026, 6, 30)); p['remove'].append('EMIGRATED'); p['bg'] = 1
        elif r < 0.038:
            p['status'] = '注销'; p['sdate'] = rdate(D(2022, 1, 1), D(2026, 6, 30)); p['remove'].append('CANCELLED'); p['bg'] = 1
# insurance: exact numbers (with mess), and 3 % with one wrong digit but the name after normalisation exact and birth given
for p in adults:
    if p.get('bg') or p['v'] == UNCOVERED: continue
    if rnd.random() < 0.3:
        unit = rnd.random() < 0.12
        cc, en = (rnd.choice(UNIT1 + UNIT2), None) if unit else rnd.choice(OTHER_EMP)
        en = en or UNITNAME[cc]
        num = mess(p['num'])
        nm = name_mess(p['name'])
        if rnd.random() < 0.03:
            num = typo(p['num'], swap=rnd.random() < 0.4); TYPOS.append((num, p['num']))
        elif not unit and rnd.random() < 0.1:
            nm = homophone(p['name']) or nm      # a homophone under the exact number, where nothing hangs on it
        row('shebao', p['pid'], 社会保障号码=num, 姓名=nm, 性别=rnd.choice([p['sex'], '1' if p['sex'] == '男' else '2']),
            出生日期=p['birth'], 参保单位名称=en, 统一社会信用代码=cc, 参保状态='参保缴费', 终止原因='', 终止日期='')
        if unit: p['unit'] = cc
        p['bg'] = 1
# residence in another village of the county (exact numbers)
for p in rnd.sample(adults, len(adults) // 18):
    if p['status'] != '正常' or p['v'] == UNCOVERED or p['unit']: continue
    w = other_district_village(p['v']) if rnd.random() < 0.8 else p['v']
    st = rdate(D(2019, 1, 1), D(2026, 10, 1))
    ended = rnd.random() < 0.15
    row('liudong', p['pid'], 公民身份号码=mess(p['num']), 姓名=name_mess(p['name']), 性别=p['sex'], 出生日期=p['birth'],
        户籍地区划代码=p['v'] if rnd.random() < 0.7 else p['v'][:6], 居住地址=address(w), 居住地区划代码=w, 登记日期=st,
        注销日期=rdate(st, D(2026, 11, 1)) if ended else '', 居住事由=rnd.choice(['务工', '经商', '投亲', '其他']))
    if not ended: p['res'] = w
    p['bg'] = 1
# survey: members away (exact numbers: away book) or living there
for p in rnd.sample(background, len(background) // 12):
    if p['status'] != '正常': continue
    away = rnd.random() < 0.25
    dest = rnd.choice(['外县', '外县', '境外', '本县']) if away else ''
    withnum = rnd.random() < 0.6
    row('tongji', p['pid'], 住户编码=f'T{p["hh"]}', 调查地址=p['addr'], 调查地区划代码=p['v'],
        姓名=(homophone(p['name']) or p['name']) if (not withnum and rnd.random() < 0.2 and not away) else name_mess(p['name']),
        性别=p['sex'], 出生年月=fmt_month(p['birth']), 公民身份号码=mess(p['num']) if withnum else '',
        户口登记地='本村(居)', 居住状态='外出' if away else '常住', 外出去向=dest)
    if away and dest in ('外县', '境外'):
        if withnum: p['away'] = dest
        else: p['away_doubt'] = dest     # numberless: the away book may or may not carry them (not required)
# rights decisions by exact number covering E
for p in rnd.sample(adults, max(3, len(adults) // 800)):
    if p.get('bg') or p['tags']: continue
    typ = rnd.choice(['剥夺政治权利', '停止行使选举权利', '不能行使选举权利'])
    st = rdate(D(2023, 1, 1), D(2026, 9, 1))
    row('xuanwei', p['pid'], 公民身份号码=mess(p['num'], 0.1), 姓名=p['name'], 类型=typ, 起始日期=st,
        终止日期=rdate(D(2027, 1, 1), D(2030, 1, 1)) if rnd.random() < 0.6 else '', 决定机关='岚川县人民法院',
        文号=f'({st.year})岚刑初字第{rnd.randint(1, 300)}号,附带民事')
    p['remove'].append({'剥夺政治权利': 'DEPRIVED', '停止行使选举权利': 'SUSPENDED', '不能行使选举权利': 'UNABLE'}[typ])
    p['bg'] = 1
# anchored resettlement cases (head and spouse numbered; children sometimes without a number)
CASE = [0]
def case_no():
    CASE[0] += 1; return f'LX-{2025 + CASE[0] % 2}-{CASE[0]:04d}'
def chaiqian_case(fam, mode='产权调换', handover=None, dest=None, numbered=lambda m: True, name_of=lambda m: m['name'], num_of=None, rel_of=lambda m: m['rel']):
    cn = case_no(); v = fam[0]['v']
    dest = dest or other_district_village(v)
    newaddr = address(dest)
    dem = rdate(D(2024, 3, 1), D(2025, 12, 1))
    for m in fam:
        num = (num_of(m) if num_of else mess(m['num'], 0.1)) if numbered(m) else ''
        row('chaiqian', m['pid'], True, 项目名称=f'{VILLAGES[v][2]}旧村改造', 被征收户编号=cn, 姓名=name_of(m), 公民身份号码=num,
            与户主关系=rel_of(m), 原房屋地址=m['addr'], 原区划代码=v, 安置方式=mode,
            安置地址=newaddr if mode == '产权调换' else '', 安置区划代码=dest if mode == '产权调换' else '',
            交房日期=handover if handover else '', 拆除日期=dem)
    return dest
fams = {}
for p in background: fams.setdefault(p['hh'], []).append(p)
done = 0
for hh, fam in list(fams.items()):
    if done >= max(4, N // 600): break
    if len(fam) < 2 or any(m.get('bg') or m['tags'] for m in fam) or fam[0]['v'] == UNCOVERED or fam[0]['rel'] != '户主': continue
    if fam[1]['rel'] != '配偶': continue
    mode = '产权调换' if rnd.random() < 0.8 else '货币补偿'
    ho = rdate(D(2025, 6, 1), D(2026, 11, 1)) if rnd.random() < 0.8 else None
    dest = chaiqian_case(fam, mode, ho, numbered=lambda m: m['rel'] in ('户主', '配偶') or rnd.random() < 0.5)
    for m in fam:
        if mode == '产权调换' and ho: m['resettle'] = dest
        m['bg'] = 1
    done += 1

# ---------------------------------------------------------------- scenarios
def new(tagname, doubt=False, **kw):
    p = fresh_adult(**kw); return tag(p, tagname, doubt)
def shebao_unit(p, num, name, cc=None, status='参保缴费', reason='', end='', birth=True, ref=True):
    cc = cc or rnd.choice(UNIT1 + UNIT2)
    return row('shebao', p['pid'], ref, 社会保障号码=num, 姓名=name, 性别=p['sex'], 出生日期=p['birth'] if birth else '',
               参保单位名称=UNITNAME.get(cc, '某单位'), 统一社会信用代码=cc, 参保状态=status, 终止原因=reason, 终止日期=end)
def hopt(p): return f'{dist_of(p["v"])}/户籍地'

# in-migrants
def inmig(tg, st, end='', proof=None, proof_num=None, doubt=False, birth=None, v=None, numarea=None):
    v = v or rnd.choice(COVERED); area = rnd.choice(['330106', '320102', '510104', '420106'])
    b = birth or rdate(D(1965, 1, 1), D(2000, 12, 31)); s = rnd.choice('男女')
    p = person(s, b, v, None, address(v), area=numarea or area); p['inmig'] = True
    p['huji'] = False; p['homearea'] = area; tag(p, tg, doubt)
    row('liudong', p['pid'], True, 公民身份号码=mess(p['num'], 0.1), 姓名=p['name'], 性别=s, 出生日期=b,
        户籍地区划代码=area if rnd.random() < 0.5 else area + '001002', 居住地址=p['addr'], 居住地区划代码=v, 登记日期=st,
        注销日期=end, 居住事由='务工')
    p['reg'] = st
    if end == '' or end > E: p['res'] = v
    if proof:
        row('waidi', p['pid'], True, 公民身份号码=proof_num or p['num'], 姓名=p['name'], 类型='原选区资格证明', 对方区划代码=area,
            对方选举委员会='外县选举委员会', 日期=proof)
    return p

# background in-migrants (3 %, 30 % with proof)
for _ in range(int(N * 0.03)):
    st = rdate(D(2019, 1, 1), D(2026, 11, 1))
    q = inmig('inmig_bg', st, proof=D(2026, 10, 1) if rnd.random() < 0.3 else None)
    q['tags'] = []
    if ROWS['waidi'] and ROWS['waidi'][-1]['_pid'] == q['pid']: q['proof'] = True

for _ in range(K):
    # SOURCES.md lists lowercase x, full-width digits, spaces and '-' as repairable; a letter O / l is not, but
    # RULES.md: "one wrong digit ... away from the number of exactly one known person, and name, sex and birth agree"
    # is certain; and "a record that could change someone's listing or district and is linked to nobody for certain
    # ... is never dropped without an item".  -> 工作单位, or 户籍地 with an item naming them.
    p = new('id_letter_O')
    n = p['num']
    j = rnd.choice([i for i in range(8, 17) if n[i] in '01'] or [6])
    shebao_unit(p, n[:j] + (rnd.choice('Oo') if n[j] == '0' else rnd.choice('lI')) + n[j + 1:], p['name'])
    p['opts'] = [f'{UNITDIST[ROWS["shebao"][-1]["统一社会信用代码"]]}/工作单位', hopt(p) + '+ITEM']
    # full-width X (SOURCES.md: full-width digits and lowercase x are normalised; a full-width X is at worst one
    # wrong character at the check position of exactly one person, name/sex/birth given -> certain) -> 居住地
    p = new('id_fullwidth_X', want_x=True)
    w = other_district_village(p['v'])
    row('liudong', p['pid'], True, 公民身份号码=p['num'][:17] + 'Ｘ', 姓名=p['name'], 性别=p['sex'], 出生日期=p['birth'],
        户籍地区划代码=p['v'], 居住地址=address(w), 居住地区划代码=w, 登记日期=D(2024, 5, 6), 注销日期='', 居住事由='务工')
    p['res'] = w
    # full-width X on a death notice: normalised -> the number itself -> DECEASED (+DEATH_CONFLICT, huji 正常);
    # repaired -> "Removal needs the number itself" -> DEATH_REVIEW, stays listed.  The spec does not say whether Ｘ
    # is normalised: either.
    p = new('fullwidth_X_death', doubt=True, want_x=True)
    row('minzheng', p['pid'], True, 公民身份号码=''.join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in p['num'][:17]) + 'Ｘ',
        姓名=p['name'], 性别=p['sex'], 死亡日期=D(2026, 9, 3), 火化日期=D(2026, 9, 5))
    p['opts'] = ['NOT', hopt(p) + '+ITEM']; exc('DEATH_CONFLICT', [p['num']], 'either', 'fullwidth_X_death')
    exc('DEATH_REVIEW', [p['num']], 'either', 'fullwidth_X_death')
    # two active residence registrations in two districts: RULES.md "an active liudong record ... whose code is
    # covered" does not say which of two -> either district, nothing required
    p = new('two_active_residences', doubt=True)
    w1 = other_district_village(p['v'])
    while True:
        w2 = other_district_village(p['v'])
        if COVER[w2] != COVER[w1]: break
    for w, st in ((w1, D(2023, 3, 1)), (w2, D(2025, 8, 1))):
        row('liudong', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 性别=p['sex'], 出生日期=p['birth'],
            户籍地区划代码=p['v'], 居住地址=address(w), 居住地区划代码=w, 登记日期=st, 注销日期='', 居住事由='务工')
    p['opts'] = [f'{COVER[w1]}/居住地', f'{COVER[w2]}/居住地']
    # death dated after E: the table is "as of election day E", but the DECEASED row has no date condition (unlike
    # DEPRIVED / REGISTERED_ELSEWHERE) -> either
    p = new('death_after_E', doubt=True)
    row('minzheng', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 性别=p['sex'], 死亡日期=E + dt.timedelta(days=4), 火化日期='')
    p['opts'] = ['NOT', hopt(p)]; exc('DEATH_CONFLICT', [p['num']], 'either', 'death_after_E')
    # DEPRIVED: "起始 ≤ E, and 终止 empty or ≥ E"
    p = new('deprived_ends_on_E'); p['prev'] = dist_of(p['v'])
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2024, 1, 10), 终止日期=E, 决定机关='岚川县人民法院', 文号='(2023)岚刑初字第7号')
    p['remove'].append('DEPRIVED')
    p = new('deprived_starts_after_E'); p['prev'] = dist_of(p['v'])
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='剥夺政治权利', 起始日期=E + dt.timedelta(days=1), 终止日期=D(2029, 12, 1), 决定机关='岚川县人民法院', 文号='(2026)岚刑初字第99号')
    # "unless a 恢复政治权利 for the same person starts later than that 剥夺 and on or before E"
    p = new('restore_before_deprive'); p['prev'] = dist_of(p['v'])
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='恢复政治权利', 起始日期=D(2019, 3, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2023, 5, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='(2023)岚刑初字第41号')
    p['remove'].append('DEPRIVED')
    p = new('restore_after_E'); p['prev'] = dist_of(p['v'])
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2024, 1, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='恢复政治权利', 起始日期=E + dt.timedelta(days=1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    p['remove'].append('DEPRIVED')
    p = new('restore_on_E'); p['prev'] = dist_of(p['v'])
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2024, 2, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='恢复政治权利', 起始日期=E, 终止日期='', 决定机关='岚川县人民法院', 文号='')
    # 新增 恢复政治权利: "not listed before because of DEPRIVED" (deprived on the previous election day, restored since)
    p = new('restore_after_deprive')
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2020, 6, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='恢复政治权利', 起始日期=D(2026, 6, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    p['reason_add'] = '恢复政治权利'
    p = new('deprived_expired')         # 剥夺 2020-2025 covered the previous election day, ended before E
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2020, 3, 1), 终止日期=D(2025, 6, 30), 决定机关='岚川县人民法院', 文号='')
    p['reason_add'] = '恢复政治权利'
    p = new('suspended_ends_day_before_E'); p['prev'] = dist_of(p['v'])
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='停止行使选举权利', 起始日期=D(2026, 3, 1), 终止日期=E - dt.timedelta(days=1), 决定机关='岚川县人民检察院', 文号='')
    p = new('unable_open_ended'); p['prev'] = dist_of(p['v'])
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='不能行使选举权利', 起始日期=D(2025, 4, 1), 终止日期='', 决定机关='岚川县选举委员会', 文号='')
    p['remove'].append('UNABLE')
    # RESETTLED "交房日期 ≤ E"
    for tg, ho in (('handover_on_E', E), ('handover_after_E', E + dt.timedelta(days=1))):
        fam = family(rnd.choice(COVERED), head_age=rnd.randint(30, 60))
        dest = chaiqian_case(fam, '产权调换', ho)
        for m in fam:
            tag(m, tg)
            if ho <= E: m['resettle'] = dest
    # resettled into the village outside every district: "安置区划代码 covered by a district" fails -> next rule
    fam = family(rnd.choice(COVERED), head_age=45)
    chaiqian_case(fam, '产权调换', D(2026, 5, 1), dest=UNCOVERED)
    for m in fam: tag(m, 'resettled_into_uncovered')
    # UNDER_18 "birth date + 18 years > E"; 新满十八周岁 "under 18 on the previous roll's election day"
    for tg, b in (('turns18_on_E', add_years(E, -18)), ('turns18_day_after_E', add_years(E, -18) + dt.timedelta(days=1)),
                  ('eighteen_on_prevE', add_years(PREV_E, -18)), ('seventeen_on_prevE', add_years(PREV_E, -18) + dt.timedelta(days=1))):
        v = rnd.choice(COVERED); p = tag(person(rnd.choice('男女'), b, v, hhno(), address(v)), tg)
    # 一人多户 under one number, same name: "resolve them to one person and list them once"
    for tg, same in (('multi_same_number_same_district', True), ('multi_same_number_two_districts', False)):
        p = new(tg, doubt=not same)
        v2 = rnd.choice([w for w in COVER if COVER[w] == COVER[p['v']]]) if same else other_district_village(p['v'])
        p['second'] = dict(num=p['num'], name=p['name'], v=v2, hh=hhno(), addr=address(v2))
        if not same: p['opts'] = [hopt(p), f'{COVER[v2]}/户籍地']
        exc('ID_SHARED', [p['num']], 'no', tg); exc('PERSON_MULTI_RECORD', [p['num']], 'either', tg)
    # 一人多户 under a number one typo apart (certain: "one wrong digit ... exactly one known person, and name, sex
    # and birth agree"), and one swap apart written in traditional characters ("traditional forms ... folded")
    for tg, sw in (('multi_typo_number', False), ('multi_swap_number_traditional', True)):
        p = new(tg, sur=rnd.choice('陈张刘赵黄'))
        t = typo(p['num'], swap=sw); TYPOS.append((t, p['num']))
        v2 = rnd.choice([w for w in COVER if COVER[w] == COVER[p['v']]])
        p['second'] = dict(num=t, name=trad(p['name']) if sw else p['name'], v=v2, hh=hhno(), addr=address(v2))
        p['alt_nums'].append(t)
        exc('PERSON_MULTI_RECORD', [p['num'], t], 'either', tg)
    # names: "characters are the same once traditional forms ... are folded"; a variant character (峯 for 峰) is not a
    # traditional form -> either; a CJK compatibility ideograph (U+F9E1 for 李) is canonically the same character
    # (Unicode NFC) -> certain repair -> 工作单位 (this author's reading)
    p = new('variant_char_feng', doubt=True, name=rnd.choice('王李张刘') + rnd.choice(['峰', '晓峰', '峰林']), sex='男')
    t = typo(p['num']); TYPOS.append((t, p['num'])); shebao_unit(p, t, p['name'].replace('峰', '峯'))
    p['opts'] = [f'{UNITDIST[ROWS["shebao"][-1]["统一社会信用代码"]]}/工作单位', hopt(p) + '+ITEM']
    p = new('compat_ideograph_li', name='李' + rname('女')[1:], sex='女')
    t = typo(p['num']); TYPOS.append((t, p['num'])); shebao_unit(p, t, '\uF9E1' + p['name'][1:]); p['unit'] = ROWS['shebao'][-1]['统一社会信用代码']
    p = new('traditional_li_wanli', name=rnd.choice('张刘陈') + '万里', sex='男')
    t = typo(p['num'], swap=True); TYPOS.append((t, p['num'])); shebao_unit(p, t, trad(p['name'])); p['unit'] = ROWS['shebao'][-1]['统一社会信用代码']
    # minority names: "the variants of the middle dot" include "none" (SOURCES.md) -> folded -> certain repair
    for tg, form in (('minority_no_dot', ''), ('minority_square_dot', '▪')):
        nm = rnd.choice(['阿不都', '买买提', '艾力', '努尔']) + '·' + rnd.choice(['热合曼', '艾力', '吐尔逊', '阿布拉'])
        p = new(tg, name=nm, sex='男'); p['eth'] = '维吾尔族'
        t = typo(p['num']); TYPOS.append((t, p['num'])); shebao_unit(p, t, nm.replace('·', form)); p['unit'] = ROWS['shebao'][-1]['统一社会信用代码']
    # UNIT needs "an active (参保缴费) shebao record"
    p = new('shebao_ended_at_unit'); shebao_unit(p, p['num'], p['name'], status='终止参保', reason='转出', end=D(2026, 7, 1))
    p = new('shebao_paused_at_unit'); shebao_unit(p, p['num'], p['name'], status='暂停缴费')
    p = new('shebao_ended_unit_active_other'); shebao_unit(p, p['num'], p['name'], status='终止参保', reason='其他', end=D(2025, 12, 31))
    cc, en = rnd.choice(OTHER_EMP)
    row('shebao', p['pid'], True, 社会保障号码=p['num'], 姓名=p['name'], 性别=p['sex'], 出生日期=p['birth'], 参保单位名称=en, 统一社会信用代码=cc, 参保状态='参保缴费', 终止原因='', 终止日期='')
    p = new('shebao_active_unit_ended_other'); shebao_unit(p, p['num'], p['name']); p['unit'] = ROWS['shebao'][-1]['统一社会信用代码']
    row('shebao', p['pid'], True, 社会保障号码=p['num'], 姓名=p['name'], 性别=p['sex'], 出生日期=p['birth'], 参保单位名称=en, 统一社会信用代码=cc, 参保状态='终止参保', 终止原因='转出', 终止日期=D(2024, 2, 1))
    # the exact number with a homophone name: certain link kind 1 ("the normalised number equals the person's")
    p = new('exact_number_homophone_unit', name=rnd.choice('王李张') + rnd.choice(['丽', '伟', '军', '红', '静']), sex=None)
    shebao_unit(p, p['num'], homophone(p['name'])); p['unit'] = ROWS['shebao'][-1]['统一社会信用代码']
    # a 15-digit number stored as a numeric cell of the .xlsx (its value is the number) -> 工作单位 (author's reading)
    p = new('xlsx_numeric_legacy15', age=rnd.randint(30, 70)); r = shebao_unit(p, int(to15(p['num'])), p['name']); r['_numeric'] = True
    p['unit'] = r['统一社会信用代码']
    # only a legacy 15-digit huji record: "a 15-digit number is the same person as its 18-digit form"; outputs carry
    # "the normalised 18-character form"
    p = new('huji_legacy15_only', age=rnd.randint(30, 70)); p['huji15'] = True; shebao_unit(p, p['num'], p['name']); p['unit'] = ROWS['shebao'][-1]['统一社会信用代码']
    # rare characters outside GBK in the GB18030 police file (4-byte sequences) -> the roll carries them exactly
    for ch in ('𠮷', '𬭚', '𫘝'):
        p = new('rare_char_gb18030', name=rnd.choice('王李张陈') + ch + rnd.choice('明华丽'))
        p['gb4'] = True
        if ch == '𬭚':   # insurance writes the rare character as '*', with one swap -> folded -> certain repair
            t = typo(p['num'], swap=True); TYPOS.append((t, p['num'])); shebao_unit(p, t, p['name'].replace(ch, '*'))
        else: shebao_unit(p, p['num'], p['name'])
        p['unit'] = ROWS['shebao'][-1]['统一社会信用代码']
    # "with an active liudong record in the county and a waidi notice 原选区资格证明"; ended -> not considered
    p = inmig('inmig_proof_residence_ended', D(2023, 4, 1), D(2026, 5, 1), proof=D(2026, 10, 8), doubt=True)
    p['opts'] = ['NOT']
    p = inmig('inmig_proof_legacy15', D(2024, 2, 1), proof=D(2026, 10, 9), birth=rdate(D(1960, 1, 1), D(1999, 12, 31)))   # 15-digit numbers exist only for 19xx births
    ROWS['waidi'][-1]['公民身份号码'] = to15(p['num']); p['proof'] = True
    # a proof under a number one typo off: waidi has no sex or birth, and "Sex and birth that a record has only
    # from its own mistyped number are no evidence" -> not certain -> not listed, MATCH_REVIEW, in the in-migrant book
    p = inmig('inmig_proof_typo', D(2024, 6, 1))
    t = typo(p['num'], avoid_pos=range(6, 14)); TYPOS.append((t, p['num']))
    row('waidi', p['pid'], True, 公民身份号码=t, 姓名=p['name'], 类型='原选区资格证明', 对方区划代码=p['homearea'], 对方选举委员会='外县选举委员会', 日期=D(2026, 10, 12))
    exc('MATCH_REVIEW', [p['num']], 'yes', 'inmig_proof_typo')
    p = inmig('inmig_12_months', D(2025, 11, 30))
    p = inmig('inmig_11_months', D(2025, 12, 1))
    p = inmig('inmig_proof', D(2025, 1, 1), proof=D(2026, 9, 30)); p['proof'] = True
    # huji 迁出 but still living here under a registration from the new home: "people living in the county by an
    # active liudong record whose register is elsewhere and who are not listed" -> in-migrant book
    p = new('moved_out_lives_here'); p['status'] = '迁出'; p['sdate'] = D(2024, 2, 10); p['dest'] = '330106'
    p['remove'].append('MOVED_OUT'); p['prev'] = dist_of(p['v'])
    row('liudong', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 性别=p['sex'], 出生日期=p['birth'], 户籍地区划代码='330106',
        居住地址=p['addr'], 居住地区划代码=p['v'], 登记日期=D(2024, 3, 1), 注销日期='', 居住事由='其他')
    p['reg'] = D(2024, 3, 1); p['inbook'] = True; p['res'] = p['v']; p['homearea'] = '330106'
    exc('INMIGRANT_ELIGIBLE', [p['num']], 'yes', 'moved_out_lives_here')
    # no anchor in a resettlement case: none of the three certain kinds -> RULES.md "never dropped without an item"
    fam = family(rnd.choice(COVERED), head_age=rnd.randint(40, 60))
    dest = chaiqian_case(fam, '产权调换', D(2026, 4, 1), numbered=lambda m: False)
    for m in fam:
        tag(m, 'chaiqian_no_anchor')
        if adult(m['birth']): m['opts'] = [hopt(m) + '+ITEM']
    # look-alike strangers: "two records under different valid numbers at different addresses with nothing else in
    # common are two people and raise nothing"
    a = new('lookalike_strangers')
    b = tag(fresh_adult(v=other_district_village(a['v']), sex=a['sex'], name=a['name']), 'lookalike_strangers')
    b['birth'] = a['birth']; USED.discard(b['num']); b['num'] = make_num(COUNTY, b['birth'], b['sex'])
    exc('PERSON_MULTI_RECORD', [a['num'], b['num']], 'no', 'lookalike_strangers')
    # a look-alike dies (number exact): only that one goes; nothing about the other
    a = new('lookalike_death_exact')
    b = tag(fresh_adult(v=other_district_village(a['v']), sex=a['sex'], name=a['name']), 'lookalike_death_exact')
    b['birth'] = a['birth']; USED.discard(b['num']); b['num'] = make_num(COUNTY, b['birth'], b['sex'])
    row('minzheng', a['pid'], True, 公民身份号码=a['num'], 姓名=a['name'], 性别=a['sex'], 死亡日期=D(2026, 10, 2), 火化日期=D(2026, 10, 4))
    a['remove'].append('DECEASED'); a['prev'] = dist_of(a['v'])
    exc('DEATH_CONFLICT', [a['num']], 'yes', 'lookalike_death_exact')
    exc('DEATH_REVIEW', [b['num']], 'no', 'lookalike_death_exact'); exc('MATCH_REVIEW', [b['num']], 'no', 'lookalike_death_exact')
    # a typo one away from exactly one of two look-alikes: still "exactly one known person" -> certain -> 工作单位
    a = new('typo_one_of_two_lookalikes')
    b = tag(fresh_adult(v=other_district_village(a['v']), sex=a['sex'], name=a['name']), 'typo_one_of_two_lookalikes')
    b['birth'] = a['birth']; USED.discard(b['num']); b['num'] = make_num(COUNTY, b['birth'], b['sex'])
    t = typo(a['num']); TYPOS.append((t, a['num'])); shebao_unit(a, t, a['name']); a['unit'] = ROWS['shebao'][-1]['统一社会信用代码']
    # a typo one away from two look-alikes at once (B = A with one sequence digit changed; the typo has B's body and
    # A's check digit): not "exactly one" -> neither moves; MATCH_REVIEW naming them
    a = new('typo_two_candidates', doubt=False)
    for _ in range(100):
        pos = rnd.choice([14, 15]); d = rnd.choice([c for c in '0123456789' if c != a['num'][pos]])
        bb = a['num'][:pos] + d + a['num'][pos + 1:17]; bn = bb + chk(bb)
        if bn not in USED: break
    USED.add(bn)
    b = tag(fresh_adult(v=other_district_village(a['v']), sex=a['sex'], name=a['name'], num=bn), 'typo_two_candidates')
    b['birth'] = a['birth']
    t = bb + a['num'][17]
    shebao_unit(a, t, a['name'])
    exc('MATCH_REVIEW', [a['num'], b['num']], 'yes', 'typo_two_candidates')
    # death under a one-typo number, name exact: "Linked through a repaired number ... it raises DEATH_REVIEW"
    p = new('death_typo_living')
    t = typo(p['num']); TYPOS.append((t, p['num']))
    row('minzheng', p['pid'], True, 公民身份号码=t, 姓名=p['name'], 性别=p['sex'], 死亡日期=D(2026, 8, 8), 火化日期='')
    exc('DEATH_REVIEW', [p['num']], 'yes', 'death_typo_living')
    # a village outside every district: NO_DISTRICT; with a residence in a district: 居住地
    p = new('no_district', v=UNCOVERED); p['prev'] = None
    exc('NO_DISTRICT', [p['num']], 'yes', 'no_district')
    p = new('uncovered_with_residence', v=UNCOVERED)
    w = rnd.choice(COVERED)
    row('liudong', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 性别=p['sex'], 出生日期=p['birth'], 户籍地区划代码=p['v'],
        居住地址=address(w), 居住地区划代码=w, 登记日期=D(2022, 2, 2), 注销日期='', 居住事由='务工')
    p['res'] = w
    # REGISTERED_ELSEWHERE "dated on or before E"
    for tg, d in (('elsewhere_on_E', E), ('elsewhere_after_E', E + dt.timedelta(days=1))):
        p = new(tg); p['prev'] = dist_of(p['v'])
        row('waidi', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='已在外地登记', 对方区划代码='330106', 对方选举委员会='杭州市西湖区选举委员会', 日期=d)
        if d <= E: p['remove'].append('REGISTERED_ELSEWHERE')
    # 重号: "Two different people under one number are two people: list both if both qualify, and raise ID_SHARED"
    a = new('id_shared', sex='男')
    b = tag(fresh_adult(v=other_district_village(a['v']), sex='女', num=a['num']), 'id_shared')
    b['shared'] = a['shared'] = True
    exc('ID_SHARED', [a['num']], 'yes', 'id_shared')
    # a realistic 重号: the same birth date and sex (the number fits both), different names, different villages
    a = new('id_shared_same_birth')
    b = tag(fresh_adult(v=other_district_village(a['v']), sex=a['sex'], num=a['num']), 'id_shared_same_birth')
    b['birth'] = a['birth']; b['shared'] = a['shared'] = True
    if len(a['name']) == len(b['name']) and sum(x != y for x, y in zip(a['name'], b['name'])) <= 1:
        # one number, one birth, one sex, names one character apart: SOURCES.md's 一人多户 ("a name that may differ by
        # one character") as much as 重号 -> ID_SHARED or PERSON_MULTI_RECORD (fixed after the 200,000 run: 张英/张秀)
        exc('ID_SHARED', [a['num']], 'either', 'id_shared_same_birth'); exc('PERSON_MULTI_RECORD', [a['num']], 'either', 'id_shared_same_birth')
        a['doubt'] = b['doubt'] = True
    else: exc('ID_SHARED', [a['num']], 'yes', 'id_shared_same_birth')
    # the baseline holds the person twice (two districts): the other line goes ("迁出 ... or listed now in another
    # district" comes before "其他 ... a duplicate line": either reason)
    p = new('previous_duplicate_line'); p['prev'] = dist_of(p['v']); p['prev2'] = dist_of(other_district_village(p['v']))
    # RESIDENCE "登记日期 ≤ E; 注销日期 empty or > E"
    for tg, st, en in (('residence_registered_after_E', E + dt.timedelta(days=1), ''), ('residence_ended_on_E', D(2024, 1, 1), E)):
        p = new(tg); w = other_district_village(p['v'])
        row('liudong', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 性别=p['sex'], 出生日期=p['birth'], 户籍地区划代码=p['v'],
            居住地址=address(w), 居住地区划代码=w, 登记日期=st, 注销日期=en, 居住事由='务工')
    # a credit code in lower case with spaces: SOURCES.md says nothing about normalising it -> either
    p = new('unit_code_lowercase', doubt=True)
    r = shebao_unit(p, p['num'], p['name']); cc = r['统一社会信用代码']; r['统一社会信用代码'] = ' ' + cc.lower() + ' '
    p['opts'] = [f'{UNITDIST[cc]}/工作单位', hopt(p)]
    # legacy 15-digit numbers on removal evidence: "a 15-digit number counts as its 18-digit form" -> the number itself
    p = new('death_legacy15', age=rnd.randint(40, 70)); p['prev'] = dist_of(p['v'])
    row('minzheng', p['pid'], True, 公民身份号码=to15(p['num']), 姓名=p['name'], 性别=p['sex'], 死亡日期=D(2026, 7, 7), 火化日期=D(2026, 7, 9))
    p['remove'].append('DECEASED'); exc('DEATH_CONFLICT', [p['num']], 'yes', 'death_legacy15')
    p = new('deprived_legacy15', age=rnd.randint(40, 70)); p['prev'] = dist_of(p['v'])
    row('xuanwei', p['pid'], True, 公民身份号码=to15(p['num']), 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2025, 3, 3), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    p['remove'].append('DEPRIVED')
    p = new('elsewhere_fullwidth'); p['prev'] = dist_of(p['v'])
    row('waidi', p['pid'], True, 公民身份号码=''.join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in p['num']), 姓名=p['name'],
        类型='已在外地登记', 对方区划代码='320102', 对方选举委员会='南京市玄武区选举委员会', 日期=D(2026, 10, 30))
    p['remove'].append('REGISTERED_ELSEWHERE')
    # the survey reports away abroad under the legacy 15-digit number -> away book
    p = new('away_abroad_legacy15', age=rnd.randint(30, 70)); p['prev'] = dist_of(p['v'])
    row('tongji', p['pid'], True, 住户编码=f'T{p["hh"]}', 调查地址=p['addr'], 调查地区划代码=p['v'], 姓名=p['name'], 性别=p['sex'],
        出生年月=fmt_month(p['birth']), 公民身份号码=to15(p['num']), 户口登记地='本村(居)', 居住状态='外出', 外出去向='境外')
    p['away'] = '境外'
    # 一人多户 with a number one typo off AND a homophone: not certain ("a one-character difference is not agreement")
    # -> PERSON_MULTI_RECORD ("a number one typo ... away" is a tie)
    p = new('multi_typo_homophone', name=rnd.choice('王李张') + rnd.choice(['丽', '伟', '军', '红', '静']))
    t = typo(p['num']); TYPOS.append((t, p['num']))
    v2 = rnd.choice([w for w in COVER if COVER[w] == COVER[p['v']]])
    p['second'] = dict(num=t, name=homophone(p['name']), v=v2, hh=hhno(), addr=address(v2)); p['alt_nums'].append(t)
    exc('PERSON_MULTI_RECORD', [p['num'], t], 'yes', 'multi_typo_homophone')
    # an in-migrant with proof who died (number exact): DECEASED applies to everyone considered
    p = inmig('inmig_proof_dead', D(2023, 9, 1), proof=D(2026, 9, 1)); p['proof'] = True
    row('minzheng', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 性别=p['sex'], 死亡日期=D(2026, 10, 20), 火化日期='')
    p['remove'].append('DECEASED'); exc('DEATH_CONFLICT', [p['num']], 'either', 'inmig_proof_dead')
    # a numberless member of an anchored case whose name is a homophone, or whose relation disagrees with the
    # police register: the household kind needs "relation to the head consistent, identical name" -> not certain ->
    # 户籍地 + an item naming them ("never dropped without an item"); the numbered members 安置地
    for tg in ('chaiqian_member_homophone', 'chaiqian_member_wrong_relation'):
        v = rnd.choice(COVERED); hh = hhno(); addr = address(v)
        hb = rdate(D(1958, 1, 1), D(1970, 12, 1))
        head = person('男', hb, v, hh, addr); sp = person('女', add_years(hb, 2), v, hh, addr, '配偶')
        cs = rnd.choice('男女')
        ch = person(cs, add_years(hb, 26), v, hh, addr, '子' if cs == '男' else '女',
                    name=head['name'][0] + rnd.choice([c for c in ('丽静红芳' if cs == '女' else '伟军明杰') if head['name'][0] + c != head['name']]))
        fam = [head, sp, ch]
        dest = chaiqian_case(fam, '产权调换', D(2026, 3, 15), numbered=lambda m: m is not ch,
                             name_of=lambda m: homophone(m['name']) if (m is ch and tg.endswith('homophone')) else m['name'],
                             rel_of=lambda m: '父' if (m is ch and tg.endswith('relation')) else m['rel'])
        for m in fam: tag(m, tg)
        head['resettle'] = sp['resettle'] = dest
        ch['opts'] = [hopt(ch) + '+ITEM']
    # the exact number on a record that disagrees with everything else (another name, the other sex): "Records whose
    # number ... disagrees with the rest of the record are linked by name, sex, birth ..." -> not linked by the
    # number -> "Removal needs the number itself" / a fuzzy link moves nobody -> stays, with an item
    for tg in ('death_number_of_other_sex', 'deprived_number_of_other_sex', 'unit_number_of_other_sex'):
        p = new(tg); other = rname('男' if p['sex'] == '女' else '女')
        osx = '男' if p['sex'] == '女' else '女'
        if tg.startswith('death'):
            row('minzheng', p['pid'], True, 公民身份号码=p['num'], 姓名=other, 性别=osx, 死亡日期=D(2026, 9, 19), 火化日期=D(2026, 9, 21))
            exc('DEATH_CONFLICT', [p['num']], 'no', tg)
        elif tg.startswith('deprived'):
            row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=other, 类型='剥夺政治权利', 起始日期=D(2025, 9, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
        else:
            cc = rnd.choice(UNIT1 + UNIT2)
            row('shebao', p['pid'], True, 社会保障号码=p['num'], 姓名=other, 性别=osx, 出生日期=p['birth'], 参保单位名称=UNITNAME[cc],
                统一社会信用代码=cc, 参保状态='参保缴费', 终止原因='', 终止日期='')
        p['opts'] = [hopt(p) + '+ITEM']
    # 新增: "an in-migrant who was under 18 on the previous election day is 新满十八周岁"
    p = inmig('inmig_proof_young', D(2024, 9, 1), proof=D(2026, 10, 3), birth=add_years(PREV_E, -18) + dt.timedelta(days=rnd.randint(30, 900)))
    p['proof'] = True
    # an in-migrant with proof living in the village outside every district: qualifies, no district -> NO_DISTRICT;
    # not listed, living here, registered elsewhere -> the in-migrant book
    p = inmig('inmig_proof_uncovered', D(2024, 4, 4), proof=D(2026, 10, 5), v=UNCOVERED); p['proof'] = True
    exc('NO_DISTRICT', [p['num']], 'yes', 'inmig_proof_uncovered'); exc('INMIGRANT_ELIGIBLE', [p['num']], 'either', 'inmig_proof_uncovered')
    # 除名 "Where several reasons apply, the first in these lists is written": dead and deprived -> 死亡
    p = new('dead_and_deprived'); p['prev'] = dist_of(p['v']); p['status'] = '死亡'; p['sdate'] = D(2026, 8, 30)
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2025, 1, 6), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    p['remove'] += ['DECEASED', 'DEPRIVED']
    # on the previous roll, now registered in the village outside every district: 除名 其他 ("no district")
    p = new('previous_now_no_district', v=UNCOVERED); p['prev'] = dist_of(rnd.choice(COVERED))
    # the baseline carries the former name (huji 曾用名): the same person by number -> 保留, no book line
    p = new('previous_under_former_name'); p['former'] = p['name'][0] + rnd.choice(['小', '二', '春']) + rnd.choice(['妹', '娃', '生'])
    p['prev_name'] = p['former']; p['prev'] = dist_of(p['v'])
    # an anchored case whose head carries a one-typo number: chaiqian has no sex or birth, so the head's own link is not
    # certain (either); the spouse (exact number) anchors the case, so the numberless adult child is certain -> 安置地.
    # A numberless member written in traditional characters: "identical name" - whether folding applies is not said (either)
    for tg in ('chaiqian_head_typo', 'chaiqian_member_traditional'):
        v = rnd.choice(COVERED); hh = hhno(); addr = address(v)
        hb = rdate(D(1958, 1, 1), D(1970, 12, 1))
        head = person('男', hb, v, hh, addr, sur=rnd.choice('陈张刘赵黄')); sp = person('女', add_years(hb, 2), v, hh, addr, '配偶')
        ch = person('男', add_years(hb, 27), v, hh, addr, '子', name=head['name'][0] + rnd.choice([c for c in '伟军龙杰飞' if head['name'][0] + c != head['name']]))
        fam = [head, sp, ch]
        ht = typo(head['num']); TYPOS.append((ht, head['num']))
        dest = chaiqian_case(fam, '产权调换', D(2026, 2, 2), numbered=lambda m: m is not ch,
                             num_of=lambda m: ht if (m is head and tg == 'chaiqian_head_typo') else m['num'],
                             name_of=lambda m: trad(m['name']) if (m is ch and tg == 'chaiqian_member_traditional') else m['name'])
        for m in fam: tag(m, tg); m['resettle'] = dest
        if tg == 'chaiqian_head_typo': head['opts'] = [f'{dist_of(dest)}/安置地', hopt(head) + '+ITEM']; head['doubt'] = True
        else: ch['opts'] = [f'{dist_of(dest)}/安置地', hopt(ch) + '+ITEM']; ch['doubt'] = True
    # a county person whose residence registration names a home outside the county: the police register decides
    # ("Everyone with a huji record ... is considered"); the registration is active -> 居住地
    p = new('liudong_wrong_home_code'); w = other_district_village(p['v'])
    row('liudong', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 性别=p['sex'], 出生日期=p['birth'], 户籍地区划代码='330106',
        居住地址=address(w), 居住地区划代码=w, 登记日期=D(2023, 10, 10), 注销日期='', 居住事由='务工')
    p['res'] = w
    # 恢复政治权利 lifts only a 剥夺 ("unless a 恢复政治权利 ... starts later than that 剥夺"): a suspension stays
    p = new('restore_does_not_lift_suspension'); p['prev'] = dist_of(p['v'])
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='停止行使选举权利', 起始日期=D(2026, 4, 1), 终止日期='', 决定机关='岚川县人民检察院', 文号='')
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='恢复政治权利', 起始日期=D(2026, 9, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    p['remove'].append('SUSPENDED')
    # two deprivations, the 恢复 between them: it is not later than the second -> DEPRIVED
    p = new('deprived_twice_restored_between'); p['prev'] = dist_of(p['v'])
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2016, 3, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='恢复政治权利', 起始日期=D(2020, 3, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2025, 11, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    p['remove'].append('DEPRIVED')
    # an in-migrant with proof who has also registered in another county: REGISTERED_ELSEWHERE -> not listed; living
    # here, registered elsewhere, not listed -> the in-migrant book
    p = inmig('inmig_proof_and_elsewhere', D(2023, 6, 1), proof=D(2026, 9, 9)); p['proof'] = True
    row('waidi', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='已在外地登记', 对方区划代码=p['homearea'], 对方选举委员会='外县选举委员会', 日期=D(2026, 11, 2))
    p['remove'].append('REGISTERED_ELSEWHERE')
    # insurance ended by death under a one-typo number: "Linked through a repaired number ... it raises DEATH_REVIEW"
    p = new('shebao_death_typo'); t = typo(p['num']); TYPOS.append((t, p['num']))
    shebao_unit(p, t, p['name'], cc=OTHER_EMP[1][0], status='终止参保', reason='死亡', end=D(2026, 5, 5))
    exc('DEATH_REVIEW', [p['num']], 'yes', 'shebao_death_typo'); exc('DEATH_CONFLICT', [p['num']], 'no', 'shebao_death_typo')
    # active at both unit districts' employers: which unit is not said -> either
    p = new('two_units', doubt=True); shebao_unit(p, p['num'], p['name'], cc=UNIT1[0]); shebao_unit(p, p['num'], p['name'], cc=UNIT2[0])
    p['opts'] = [f'{UNITDIST[UNIT1[0]]}/工作单位', f'{UNITDIST[UNIT2[0]]}/工作单位']
    # DEATH_CONFLICT is for "huji still 正常" (not for 迁出), and "raised whether or not the person would be listed"
    p = new('death_of_moved_out'); p['status'] = '迁出'; p['sdate'] = D(2025, 5, 5); p['dest'] = '330106'; p['remove'].append('MOVED_OUT')
    row('minzheng', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 性别=p['sex'], 死亡日期=D(2026, 3, 3), 火化日期='')
    p['remove'].append('DECEASED'); exc('DEATH_CONFLICT', [p['num']], 'no', 'death_of_moved_out')
    p = new('death_conflict_minor', age=15)
    row('minzheng', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 性别=p['sex'], 死亡日期=D(2026, 6, 3), 火化日期='')
    p['remove'].append('DECEASED'); exc('DEATH_CONFLICT', [p['num']], 'yes', 'death_conflict_minor')
    # father and son of one name (父子同名): the son's row has no number; the head's row carries the head's exact number.
    # "relation to the head consistent, identical name" singles out the son (the father is the 户主) -> 安置地
    v = rnd.choice(COVERED); hh = hhno(); addr = address(v); hb = rdate(D(1955, 1, 1), D(1968, 12, 1))
    head = person('男', hb, v, hh, addr, sur=rnd.choice('陈张刘赵黄王李')); sp = person('女', add_years(hb, 1), v, hh, addr, '配偶')
    ch = person('男', add_years(hb, 28), v, hh, addr, '子', name=head['name'])
    dest = chaiqian_case([head, sp, ch], '产权调换', D(2026, 1, 9), numbered=lambda m: m is not ch, num_of=lambda m: m['num'])
    for m in (head, sp, ch): tag(m, 'chaiqian_father_son_same_name'); m['resettle'] = dest
    # a police record whose 户籍地区划代码 lies outside the county: "Everyone with a huji record whose 户籍地区划代码
    # lies in the county" -> not considered, nothing to raise
    p = new('huji_outside_county'); p['v_out'] = '330106001002'; p['opts'] = ['NOT']
    exc('NO_DISTRICT', [p['num']], 'no', 'huji_outside_county')
    # numbers issued elsewhere (born in another county, register here since): the number's prefix decides nothing
    for j in range(2):
        p = new('number_from_other_county'); USED.discard(p['num']); p['num'] = make_num(rnd.choice(['420106', '510104']), p['birth'], p['sex'])
        if j == 1:
            shebao_unit(p, p['num'], p['name']); p['unit'] = ROWS['shebao'][-1]['统一社会信用代码']
    # an in-migrant whose number was issued in this county (registered elsewhere long ago), no police record here
    p = inmig('inmig_county_number_proof', D(2024, 1, 15), proof=D(2026, 10, 15), numarea=COUNTY); p['proof'] = True
    p = inmig('inmig_county_number', D(2023, 1, 15), numarea=COUNTY)
    # the survey says 常住 but fills 外出去向: not away (the away book is for "外出 to 外县 or 境外")
    p = new('survey_resident_with_destination'); p['prev'] = dist_of(p['v'])
    row('tongji', p['pid'], True, 住户编码=f'T{p["hh"]}', 调查地址=p['addr'], 调查地区划代码=p['v'], 姓名=p['name'], 性别=p['sex'],
        出生年月=fmt_month(p['birth']), 公民身份号码=p['num'], 户口登记地='本村(居)', 居住状态='常住', 外出去向='外县')
    # 剥夺 under the legacy 15-digit number, 恢复 under the 18-digit one: "the same person" -> the 恢复 lifts it
    p = new('restore_legacy_mixed', age=rnd.randint(35, 70)); p['prev'] = dist_of(p['v'])
    row('xuanwei', p['pid'], True, 公民身份号码=to15(p['num']), 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2023, 2, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    row('xuanwei', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 类型='恢复政治权利', 起始日期=D(2026, 2, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    # an in-migrant with proof who moved inside the county: the ended registration gives nothing, the active one the district
    p = inmig('inmig_proof_moved_within', D(2022, 5, 1), end=D(2025, 3, 1), proof=D(2026, 10, 20)); p['proof'] = True
    w = other_district_village(p['v'])
    row('liudong', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 性别=p['sex'], 出生日期=p['birth'], 户籍地区划代码=p['homearea'],
        居住地址=address(w), 居住地区划代码=w, 登记日期=D(2025, 3, 2), 注销日期='', 居住事由='务工')
    p['res'] = w; p['reg'] = D(2025, 3, 2)
    # police area codes that do not reach a district: a village of a township that has no district at all, only the
    # 9-digit township, only the 6-digit county.  "When no rule gives a district, the person is not listed and
    # NO_DISTRICT is raised"; "One for which no township can be found (..., a person outside every district) goes to
    # the county election office's own queue".  9 digits of a township with two districts: which district (if any) is
    # not said -> either.
    p = new('hukou_township_without_districts'); p['v_out'] = '612733203201'; p['opts'] = ['NOT']
    exc('NO_DISTRICT', [p['num']], 'yes', 'hukou_township_without_districts')
    p = new('hukou_code_6digit'); p['v_out'] = COUNTY; p['opts'] = ['NOT']
    exc('NO_DISTRICT', [p['num']], 'yes', 'hukou_code_6digit')
    p = new('hukou_code_9digit', doubt=True); p['v_out'] = p['v'][:9]
    p['opts'] = ['NOT'] + [f'{d[0]}/户籍地' for d in DISTRICTS if d[2] == p['v'][:9] and d[3] == '居住']
    exc('NO_DISTRICT', [p['num']], 'either', 'hukou_code_9digit')
    # letters for digits on other sources (as id_letter_O): the police record itself, a residence, a death, a deprivation.
    # "never dropped without an item"; removal "needs the number itself" (a letter is not the number) -> item, no removal
    def lettered(n):
        j = rnd.choice([i for i in range(8, 17) if n[i] in '01'] or [6])
        return n[:j] + (rnd.choice('Oo') if n[j] == '0' else rnd.choice('lI')) + n[j + 1:]
    p = new('hukou_letter_O'); p['hujinum'] = lettered(p['num']); p['opts'] = ['NOT+ITEM', hopt(p)]
    p = new('residence_letter_O'); w = other_district_village(p['v'])
    row('liudong', p['pid'], True, 公民身份号码=lettered(p['num']), 姓名=p['name'], 性别=p['sex'], 出生日期=p['birth'], 户籍地区划代码=p['v'],
        居住地址=address(w), 居住地区划代码=w, 登记日期=D(2024, 7, 1), 注销日期='', 居住事由='务工')
    p['opts'] = [f'{COVER[w]}/居住地', hopt(p) + '+ITEM']
    p = new('death_letter_O')
    row('minzheng', p['pid'], True, 公民身份号码=lettered(p['num']), 姓名=p['name'], 性别=p['sex'], 死亡日期=D(2026, 10, 10), 火化日期=D(2026, 10, 12))
    p['opts'] = [hopt(p) + '+ITEM']; exc('DEATH_CONFLICT', [p['num']], 'no', 'death_letter_O')
    p = new('deprived_letter_O')
    row('xuanwei', p['pid'], True, 公民身份号码=lettered(p['num']), 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2025, 10, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
    p['opts'] = [hopt(p) + '+ITEM']
    # a death notice / a deprivation with no number at all, for a person whose name nobody else bears ("sometimes
    # empty"; "still names its likeliest people ... never dropped without an item")
    for tg in ('death_no_number', 'deprived_no_number'):
        p = new(tg, name=rnd.choice('欧阳司马上官诸葛') + rnd.choice('欧阳司马上官诸葛') + rnd.choice('翊珩琰璟') + rnd.choice('翊珩琰璟'))
        if tg.startswith('death'):
            row('minzheng', p['pid'], True, 公民身份号码='', 姓名=p['name'], 性别=p['sex'], 死亡日期=D(2026, 9, 9), 火化日期=D(2026, 9, 11))
        else:
            row('xuanwei', p['pid'], True, 公民身份号码='', 姓名=p['name'], 类型='剥夺政治权利', 起始日期=D(2025, 12, 1), 终止日期='', 决定机关='岚川县人民法院', 文号='')
        p['opts'] = [hopt(p) + '+ITEM']
    # DEATH_CONFLICT: "death from minzheng/shebao while huji still says 正常 removes the person"
    p = new('shebao_death_conflict'); p['prev'] = dist_of(p['v'])
    shebao_unit(p, mess(p['num']), p['name'], cc=OTHER_EMP[0][0], status='终止参保', reason='死亡', end=D(2026, 6, 6))
    p['remove'].append('DECEASED'); exc('DEATH_CONFLICT', [p['num']], 'yes', 'shebao_death_conflict')
    # on the previous roll, in no source now: removed (reason not settled: 其他 is the closest)
    p = new('vanished_from_previous'); p['huji'] = False; p['prev'] = dist_of(p['v']); p['opts'] = ['NOT']; p['book'] = 'vanished'
    # listed before in another district, now resident by liudong: 新增 迁入 here, 除名 迁出 there
    p = new('moved_within_county'); w = other_district_village(p['v']); p['prev'] = dist_of(p['v'])
    row('liudong', p['pid'], True, 公民身份号码=p['num'], 姓名=p['name'], 性别=p['sex'], 出生日期=p['birth'], 户籍地区划代码=p['v'],
        居住地址=address(w), 居住地区划代码=w, 登记日期=D(2025, 1, 20), 注销日期='', 居住事由='务工')
    p['res'] = w
    # the survey reports away inside the county: not the away book ("外县 or 境外")
    p = new('away_in_county'); p['prev'] = dist_of(p['v'])
    row('tongji', p['pid'], True, 住户编码=f'T{p["hh"]}', 调查地址=p['addr'], 调查地区划代码=p['v'], 姓名=p['name'], 性别=p['sex'],
        出生年月=fmt_month(p['birth']), 公民身份号码=p['num'], 户口登记地='本村(居)', 居住状态='外出', 外出去向='本县')

# ---------------------------------------------------------------- expected outcome
def outcome(p):
    if p['opts']: return p['opts']
    if p['remove'] or p['status'] != '正常' or not adult(p['birth']): return ['NOT']
    if p['inmig']:
        if p['res'] and p.get('proof') and dist_of(p['res']): return [f'{COVER[p["res"]]}/资格证明']
        return ['NOT']
    if p['unit']: return [f'{UNITDIST[p["unit"]]}/工作单位']
    if p['resettle'] and dist_of(p['resettle']): return [f'{dist_of(p["resettle"])}/安置地']
    if p['res'] and dist_of(p['res']): return [f'{dist_of(p["res"])}/居住地']
    if dist_of(p['v']): return [hopt(p)]
    return ['NOT']
for p in P:
    p['opts'] = outcome(p)
    if p['resettle'] and p['res'] and dist_of(p['resettle']) and dist_of(p['res']) and dist_of(p['res']) != dist_of(p['resettle']) \
            and not p['unit'] and len(p['opts']) == 1:
        exc('RESIDENCE_CONFLICT', [p['num']], 'yes', 'background')
    if p['huji'] and adult(p['birth']) and not p['remove'] and p['status'] == '正常' and p['v'] == UNCOVERED \
            and not (p['res'] and dist_of(p['res'])) and not p['unit'] and not (p['resettle'] and dist_of(p['resettle'])):
        if 'no_district' not in p['tags']: exc('NO_DISTRICT', [p['num']], 'yes', 'background')
# ---------------------------------------------------------------- previous roll
def cur_dist(p):
    o = p['opts'][0].replace('+ITEM', '')
    return o.split('/')[0] if len(p['opts']) == 1 and o != 'NOT' else dist_of(p['v'])
for p in P:
    if p['tags'] or not p['huji']: continue
    if not adult(p['birth'], PREV_E): continue
    if p['v'] == UNCOVERED: continue
    r = rnd.random()
    if r < 0.86: p['prev'] = cur_dist(p)
    elif r < 0.90: p['prev'] = dist_of(other_district_village(p['v']))
for p in P:
    if 'restore_after_deprive' in p['tags'] or 'deprived_expired' in p['tags']: p['rights_prev'] = True; p['prev'] = None
    if p['tags'] and p['prev'] is None and p['huji'] and adult(p['birth'], PREV_E) and p['v'] != UNCOVERED \
            and not p['tags'][0].startswith(('turns18', 'eighteen', 'seventeen', 'restore_after_deprive', 'deprived_expired', 'no_district', 'previous_', 'huji_outside', 'hukou_')) \
            and 'id_shared' not in p['tags'] and rnd.random() < 0.8:
        p['prev'] = cur_dist(p)

for r in ROWS['minzheng']:
    p = P[r['_pid']]
    if p['status'] == '正常' and 'DECEASED' in p['remove'] and not p['tags']: exc('DEATH_CONFLICT', [p['num']], 'yes', 'background')
for p in P:
    if p['inmig'] and p['res'] and not p.get('proof') and months(p['reg'], E) >= 12:
        exc('INMIGRANT_ELIGIBLE', [p['num']], 'yes', 'background' if not p['tags'] else p['tags'][0])

# ---------------------------------------------------------------- verify typos are unambiguous
allnums = {p['num'] for p in P}
for t, n in TYPOS:
    hits = variants(t) & allnums
    if hits != {n}:      # a number created later lies one typo away too: the record names two people, leave it open
        print('warning: typo', t, 'near', hits, '- left open', file=sys.stderr)
        for q in P:
            if q['num'] in hits:
                q['doubt'] = True
                if dist_of(q['v']) and hopt(q) not in q['opts']: q['opts'] = q['opts'] + [hopt(q) + '+ITEM']

# ---------------------------------------------------------------- huji rows
for p in P:
    if not p['huji']: continue
    st = p['status']
    num = to15(p['num']) if p.get('huji15') else p.get('hujinum') or mess(p['num'], 0.04)
    row('huji', p['pid'], bool(p['tags']), 公民身份号码=num, 姓名=p['name'], 曾用名=p['former'],
        性别=rnd.choice([p['sex'], '1' if p['sex'] == '男' else '2']), 民族=p['eth'], 出生日期=p['birth'], 户号=p['hh'],
        与户主关系=p['rel'], 户籍地址=p['addr'], 户籍地区划代码=p.get('v_out', p['v']), 人员状态=st, 状态变动日期=p['sdate'] or '',
        迁往地区划代码=p['dest'])
    if p.get('second'):
        s = p['second']
        row('huji', p['pid'], True, 公民身份号码=s['num'], 姓名=s['name'], 曾用名='', 性别=p['sex'], 民族=p['eth'], 出生日期=p['birth'],
            户号=s['hh'], 与户主关系='户主', 户籍地址=s['addr'], 户籍地区划代码=s['v'], 人员状态='正常', 状态变动日期='', 迁往地区划代码='')
# a file under an unknown prefix: "reported and ignored, never guessed"
# ---------------------------------------------------------------- writing
os.makedirs(f'{OUT}/county', exist_ok=True); os.makedirs(f'{OUT}/inbox', exist_ok=True)
os.makedirs(f'{OUT}/previous/rolls', exist_ok=True); os.makedirs(f'{OUT}/truth', exist_ok=True)
with open(f'{OUT}/county/election.yml', 'w', encoding='utf-8') as f:
    f.write(f'county-code: "{COUNTY}"\ncounty-name: {CNAME}\nelection-day: {E}\nin-migrant-months: 12\nprevious-election-day: {PREV_E}\n')
buf = io.StringIO(); w = csv.writer(buf, lineterminator='\r\n')
w.writerow(['选区编码', '选区名称', '乡镇代码', '类型', '覆盖区划代码', '单位统一社会信用代码'])
for d in DISTRICTS: w.writerow([d[0], d[1], d[2], d[3], ';'.join(d[4]), ';'.join(d[5])])
open(f'{OUT}/county/xuanqu.csv', 'wb').write(buf.getvalue().encode('gb18030'))

RECORDS = []                         # (file, line, number, name)
def cell(v, datestyle=None):
    if isinstance(v, dt.date): return fmt_date(v, datestyle)
    return '' if v is None else str(v)
def write_csv(fname, header, rows, enc='utf-8', bom=False, crlf=False, blanks=0.0, extra=None, hdr_spaces=False, datestyle=None, quote=csv.QUOTE_MINIMAL, lead=0):
    nl = '\r\n' if crlf else '\n'
    out = io.StringIO(); line = 1
    hdr = [(' ' + h + ' ') if hdr_spaces and rnd.random() < 0.5 else h for h in header]
    if extra: hdr = hdr + [extra[0]]
    out.write(nl * lead)
    csv.writer(out, lineterminator=nl, quoting=quote).writerow(hdr)
    line = 2 + lead
    for r in rows:
        while rnd.random() < blanks:
            out.write(nl); line += 1
        vals = [cell(r.get(h.strip(), ''), datestyle) for h in header]
        if extra: vals.append(extra[1](r))
        s = io.StringIO(); csv.writer(s, lineterminator=nl, quoting=quote).writerow(vals); s = s.getvalue()
        note(fname, line, r); out.write(s); line += s.count('\n')
    data = out.getvalue().encode(enc)
    if bom: data = b'\xef\xbb\xbf' + data
    open(f'{OUT}/inbox/{fname}', 'wb').write(data)
def note(fname, line, r):
    pid = r['_pid']; p = P[pid] if pid is not None else None
    nm = r.get('姓名', '')
    RECORDS.append((fname, line, p['num'] if p else '', p['name'] if p else nm))
    if p and (r['_ref'] or p['tags']): p['recs'].append(f'{fname}:{line}')

def col(n):
    s = ''
    while n: n, r = divmod(n - 1, 26); s = chr(65 + r) + s
    return s
def write_xlsx(fname, header, rows, numeric=()):
    ss, ssi = [], {}
    def si(v):
        if v not in ssi: ssi[v] = len(ss); ss.append(v)
        return ssi[v]
    xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    def rowxml(rn, vals):
        cs = []
        for ci, v in enumerate(vals, 1):
            ref = f'{col(ci)}{rn}'
            if v is None or v == '': continue
            if isinstance(v, dt.date):
                if rnd.random() < 0.7: cs.append(f'<c r="{ref}" s="1"><v>{(v - D(1899, 12, 30)).days}{".0" if rnd.random() < 0.2 else ""}</v></c>')
                else: cs.append(f'<c r="{ref}" t="s"><v>{si(fmt_date(v))}</v></c>')
            elif isinstance(v, int): cs.append(f'<c r="{ref}"><v>{v}</v></c>')
            elif rnd.random() < 0.1: cs.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>')
            else: cs.append(f'<c r="{ref}" t="s"><v>{si(v)}</v></c>')
        return f'<row r="{rn}">' + ''.join(cs) + '</row>'
    xml.append(rowxml(1, header)); rn = 2
    for r in rows:
        if rnd.random() < 0.01: rn += 1                 # an empty row
        xml.append(rowxml(rn, [r.get(h, '') for h in header])); note(fname, rn, r); rn += 1
    xml.append('</sheetData></worksheet>')
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(ss), len(ss))]
    sst += [(f'<si><r><t>{escape(s[:1])}</t></r><r><rPr><b/></rPr><t xml:space="preserve">{escape(s[1:])}</t></r></si>'
             if len(s) > 1 and rnd.random() < 0.05 else f'<si><t xml:space="preserve">{escape(s)}</t></si>') for s in ss] + ['</sst>']
    z = zipfile.ZipFile(f'{OUT}/inbox/{fname}', 'w', zipfile.ZIP_DEFLATED)
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="2" r:id="rId1"/><sheet name="说明" sheetId="1" r:id="rId4"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    z.writestr('xl/styles.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>')
    z.writestr('xl/worksheets/sheet2.xml', ''.join(xml))
    z.writestr('xl/worksheets/sheet1.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>本表由系统导出，仅供核对</t></is></c></row></sheetData></worksheet>'); z.writestr('xl/sharedStrings.xml', ''.join(sst)); z.close()

H_HUJI = ['公民身份号码', '姓名', '曾用名', '性别', '民族', '出生日期', '户号', '与户主关系', '户籍地址', '户籍地区划代码', '人员状态', '状态变动日期', '迁往地区划代码']
hj = ROWS['huji']; rnd.shuffle(hj)
# rows that need 4-byte GB18030 go to part 1 (GB18030); the rest split
part1 = [r for r in hj if P[r['_pid']].get('gb4') or rnd.random() < 0.6]
ids1 = {id(r) for r in part1}; part2 = [r for r in hj if id(r) not in ids1]
write_csv('huji_20261126_part1.csv', H_HUJI, part1, enc='gb18030', blanks=0.002)
h2 = H_HUJI[:]; rnd.shuffle(h2)
write_csv('huji_20261126_part2.csv', h2, part2, enc='utf-8', bom=True, crlf=True, blanks=0.003, hdr_spaces=True,
          extra=('联系电话', lambda r: f'13{rnd.randint(100000000, 999999999)}'))
H_LD = ['公民身份号码', '姓名', '性别', '出生日期', '户籍地区划代码', '居住地址', '居住地区划代码', '登记日期', '注销日期', '居住事由']
for r in ROWS['liudong']:
    if rnd.random() < 0.05: r['居住地址'] = r['居住地址'].replace('组', '组,东侧', 1) if '组' in r['居住地址'] else r['居住地址'] + '\n(后院)'
h = H_LD[:]; rnd.shuffle(h)
write_csv('liudong_20261126.csv', h, ROWS['liudong'], enc='gb18030', crlf=True, blanks=0.002, hdr_spaces=True)
H_SB = ['社会保障号码', '姓名', '性别', '出生日期', '参保单位名称', '统一社会信用代码', '参保状态', '终止原因', '终止日期']
sb = ROWS['shebao']; rnd.shuffle(sb)
sbx = [r for r in sb if r.get('_numeric') or rnd.random() < 0.7]
sbxi = {id(r) for r in sbx}
h = H_SB[:]; rnd.shuffle(h)
write_xlsx('shebao_202611.xlsx', h + ['缴费基数'], sbx)
write_csv('shebao_202611_part2.csv', H_SB, [r for r in sb if id(r) not in sbxi], enc='gb18030')
H_TJ = ['住户编码', '调查地址', '调查地区划代码', '姓名', '性别', '出生年月', '公民身份号码', '户口登记地', '居住状态', '外出去向']
write_csv('tongji_2026.csv', H_TJ, ROWS['tongji'], enc='utf-8', blanks=0.01)
H_CQ = ['项目名称', '被征收户编号', '姓名', '公民身份号码', '与户主关系', '原房屋地址', '原区划代码', '安置方式', '安置地址', '安置区划代码', '交房日期', '拆除日期']
write_xlsx('chaiqian_2026q4.xlsx', H_CQ, ROWS['chaiqian'])
write_csv('minzheng_20261125.csv', ['公民身份号码', '姓名', '性别', '死亡日期', '火化日期'], ROWS['minzheng'], enc='utf-8', bom=True)
write_csv('xuanwei_20261120.csv', ['公民身份号码', '姓名', '类型', '起始日期', '终止日期', '决定机关', '文号'], ROWS['xuanwei'], enc='utf-8', datestyle=4, quote=csv.QUOTE_ALL)
write_csv('waidi_20261124.csv', ['公民身份号码', '姓名', '类型', '对方区划代码', '对方选举委员会', '日期'], ROWS['waidi'], enc='gb18030', crlf=True, lead=1)
open(f'{OUT}/inbox/hunyin_20261126.csv', 'w', encoding='utf-8').write('公民身份号码,姓名,婚姻状况\n612733199001011234,某某,已婚\n')

# previous roll (OUTPUTS.md rolls format, GB18030)
prev = {}
for p in P:
    if p['prev']: prev.setdefault(p['prev'], []).append(p)
    if p.get('prev2'): prev.setdefault(p['prev2'], []).append(p)
for dcode, ps in prev.items():
    buf = io.StringIO(); w = csv.writer(buf, lineterminator='\r\n')
    w.writerow(['选区编码', '选区名称', '序号', '姓名', '性别', '出生日期', '公民身份号码', '户籍地址', '居住地址', '登记依据', '变动'])
    for i, p in enumerate(ps, 1):
        w.writerow([dcode, DNAME[dcode], i, p.get('prev_name', p['name']), p['sex'], f'{p["birth"]:%Y-%m-%d}', p['num'], p['addr'], '', '户籍地', '保留'])
    # one baseline file in UTF-8 with BOM (OUTPUTS.md: GB18030 by default, "UTF-8 is a setting")
    data = b'\xef\xbb\xbf' + buf.getvalue().encode('utf-8') if dcode == '612733200-01' else buf.getvalue().encode('gb18030')
    open(f'{OUT}/previous/rolls/{dcode}.csv', 'wb').write(data)

# ---------------------------------------------------------------- truth
REM_BOOK = [('DECEASED', '死亡'), ('DEPRIVED', '剥夺政治权利'), ('SUSPENDED', '停止行使选举权利'), ('UNABLE', '不能行使选举权利'),
            ('MOVED_OUT', '迁出'), ('REGISTERED_ELSEWHERE', '外地登记')]
books = []
for p in P:
    if p.get('shared'): continue
    if p['book'] == 'vanished':
        books.append(('除名', p['prev'], p['num'], p['name'], '*', p['tags'][0])); continue
    if len(p['opts']) != 1: continue
    o = p['opts'][0]; sc = p['tags'][0] if p['tags'] else 'background'
    if o.endswith('+ITEM'): o = o[:-5]
    if o != 'NOT':
        d = o.split('/')[0]
        if p['prev'] != d:
            if not adult(p['birth'], PREV_E): rs = '新满十八周岁'
            elif p['rights_prev'] or p['reason_add'] == '恢复政治权利': rs = '恢复政治权利'
            elif p['prev'] or p['inmig']: rs = '迁入'
            else: rs = '补登'
            books.append(('新增', d, p['num'], p['name'], rs, sc))
        if p['away']: books.append(('外出', d, p['num'], p['name'], p['away'], sc))
        if p.get('away_doubt'): books.append(('外出?', d, p['num'], p['name'], p['away_doubt'], sc))
    if p['prev'] and (o == 'NOT' or o.split('/')[0] != p['prev']):
        rs = next((b for c, b in REM_BOOK if c in p['remove']), None)
        if rs is None:
            if o != 'NOT': rs = '迁出'
            elif p['status'] == '死亡': rs = '死亡'
            elif p['status'] == '迁出': rs = '迁出'
            else: rs = '其他'
        books.append(('除名', p['prev'], p['num'], p['name'], rs, sc))
    if p.get('prev2'): books.append(('除名', p['prev2'], p['num'], p['name'], '迁出|其他', sc))
    if p['inmig'] or p.get('inbook'):
        if p['res'] and o == 'NOT':
            m = months(p['reg'], E)     # a registration on the 31st to E = 30 November: completion of the last month not settled
            books.append(('流入?' if 'DECEASED' in p['remove'] else '流入', '', p['num'], p['name'], f'{m}|{m + 1}' if p['reg'].day > E.day else str(m), sc))
# in-migrants who are not listed: the book
def wcsv(path, header, rows):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f); w.writerow(header); w.writerows(rows)
wcsv(f'{OUT}/truth/persons.csv', ['pid', '公民身份号码', '姓名', '期望', '场景', '存疑', '其他号码', '记录'],
     [(p['pid'], p['num'], p['name'], '|'.join(p['opts']), ';'.join(p['tags']) or 'background', 'yes' if p['doubt'] else 'no',
       ';'.join(p['alt_nums']), ';'.join(p['recs'])) for p in P])
wcsv(f'{OUT}/truth/exceptions.csv', ['类型', '公民身份号码', '必需', '场景'], EXC)
wcsv(f'{OUT}/truth/books.csv', ['册', '选区编码', '公民身份号码', '姓名', '原因', '场景'], books)
wcsv(f'{OUT}/truth/records.csv', ['文件', '行号', '公民身份号码', '姓名'], RECORDS)
from collections import Counter
c = Counter(t for p in P for t in p['tags'])
print(f'{len(P)} persons, {sum(len(v) for v in ROWS.values())} rows; scenarios:', ', '.join(f'{k} {v}' for k, v in sorted(c.items())), file=sys.stderr)
