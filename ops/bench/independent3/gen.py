#!/usr/bin/env python3
"""The fourth test county (independent3): 清溪县 330599, election day 2026-11-26, written from ../shared/spec alone.

    gen.py PERSONS SEED OUTDIR   ->  OUTDIR/county, OUTDIR/inbox, OUTDIR/previous/rolls, OUTDIR/truth

The truth is this file's own reading of RULES.md (expect(), books()); README.md names the scenarios and the readings
taken where the spec leaves room. Python 3 standard library only.
"""
import csv, datetime as dt, io, os, random, sys, zipfile
from xml.sax.saxutils import escape

D = dt.date
E = D(2026, 11, 26)            # election day
PE = D(2021, 11, 25)           # previous election day
COUNTY, CNAME = "330599", "清溪县"
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHK = "10X98765432"
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def chk(s17): return CHK[sum(int(a) * w for a, w in zip(s17, W)) % 11]
def plus18(b): return D(b.year + 18, b.month, 28 if (b.month == 2 and b.day == 29) else b.day)
def months(a, b): return (b.year - a.year) * 12 + b.month - a.month - (1 if a.day > b.day else 0)
def to15(n): return n[:6] + n[8:17]


def neighbours(t):
    """Every string one substituted character or one adjacent swap away from t (the shape of a typo)."""
    out = set()
    for i in range(len(t)):
        for c in "0123456789X":
            if c != t[i]: out.add(t[:i] + c + t[i + 1:])
    for i in range(len(t) - 1):
        if t[i] != t[i + 1]: out.add(t[:i] + t[i + 1] + t[i] + t[i + 2:])
    return out


SURN = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤")
GIVEN_M = "伟强磊军洋勇杰涛明超刚华建国文辉海波宁飞鹏志龙宇浩轩俊博东林荣清贵金德兴福顺成义礼庆阳"
GIVEN_F = "芳娜敏静丽艳秀霞平桂红玲兰凤春晓婷雪梅琳欣涵怡梓诗雨佳云燕岚颖丹倩洁莉萍娟英慧瑶"
TRAD = dict(zip("陈张刘杨黄赵吴孙马罗郑谢许韩冯邓萧蒋叶苏吕卢钟谭陆贾韦邹龙贺顾龚万钱严汤伟静丽强军艳杰涛刚华国辉红兰凤晓宁飞鹏龙轩东云荣贵兴顺义礼庆阳岚颖洁瑶诗",
                "陳張劉楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭蔣葉蘇呂盧鍾譚陸賈韋鄒龍賀顧龔萬錢嚴湯偉靜麗強軍艷傑濤剛華國輝紅蘭鳳曉寧飛鵬龍軒東雲榮貴興順義禮慶陽嵐穎潔瑤詩"))
UYGHUR_M, UYGHUR_F = ["买买提", "艾力", "阿不都", "吐尔逊", "依明"], ["古丽", "阿依", "热依拉", "帕提古丽"]
OTHER = ["320102", "420106", "510104", "330102", "340104", "360102"]     # other counties (in-migrants' home)
WAIDI_COMM = {"320102": "南京市玄武区选举委员会", "420106": "武汉市武昌区选举委员会", "510104": "成都市锦江区选举委员会",
              "330102": "杭州市上城区选举委员会", "340104": "合肥市蜀山区选举委员会", "360102": "南昌市东湖区选举委员会"}


def trad(name): return "".join(TRAD.get(c, c) for c in name)
def mixed_trad(name):
    """Traditional and simplified in one name: only the first traditional-able character is converted."""
    for i, c in enumerate(name):
        if c in TRAD and any(d in TRAD for d in name[i + 1:]): return name[:i] + TRAD[c] + name[i + 1:]
    return trad(name)


class County:
    def __init__(s, n, seed):
        s.r = random.Random(seed)
        s.n = n
        s.k = max(3, n // 4000)
        s.persons, s.nums, s.hh = [], set(), 0
        s.rows = {src: [] for src in ("huji", "liudong", "shebao", "tongji", "chaiqian", "minzheng", "xuanwei", "waidi")}
        s.exc = []          # (types, numbers, tag)
        s.tolerated = {}    # number -> tag (blocking items about these are not noise)
        s.checks = []       # (typo number, expected count of known neighbours, tag) verified at the end
        s.geo()

    # ------------------------------------------------------------------ geography
    def geo(s):
        towns = [("100", "城关镇"), ("101", "清溪镇"), ("102", "石门镇"), ("201", "桃源乡"), ("202", "龙潭乡")]
        vnames = "东风 新华 青山 河口 柳湾 石桥 枫林 竹园 梅岭 杏花 双溪 白沙 长塘 黄泥 上坂 下洋 前山 后垄 金竹 银杏 望江 云峰 龙井 凤凰 茶园 桂花 松岗 溪头 岭下 湖塘".split()
        s.villages, s.districts, s.cover, s.town_of = [], [], {}, {}
        vi = 0
        for t, tn in towns:
            town = COUNTY + t
            vs = []
            for i in range(6):
                code = town + ("%03d" % (i + 1) if t == "100" else "%03d" % (201 + i))
                name = vnames[vi] + ("社区" if t == "100" else "村")
                vi += 1
                vs.append((code, tn + name))
                s.villages.append((code, tn + name))
            for d in range(3):
                cov = [v[0] for v in vs[2 * d:2 * d + 2]]
                if t == "202" and d == 2: cov = cov[:1]          # 330599202206 lies in no district
                dc = f"{town}-{d + 1:02d}"
                s.districts.append((dc, f"{tn}第{'一二三'[d]}选区", town, "居住", ";".join(cov), ""))
                for c in cov: s.cover[c] = dc
        s.uncovered = COUNTY + "202206"
        s.unit_codes = {"91330599MA2801734K": f"{COUNTY}100-90", "91330599MA28E6Q51N": f"{COUNTY}101-90",
                        "91330599MA28F0925X": f"{COUNTY}101-90"}
        s.districts.append((f"{COUNTY}100-90", "城关镇清溪机械厂选区", COUNTY + "100", "单位", "", "91330599MA2801734K"))
        s.districts.append((f"{COUNTY}101-90", "清溪镇水电站选区", COUNTY + "101", "单位", "", "91330599MA28E6Q51N;91330599MA28F0925X"))
        s.dname = {d[0]: d[1] for d in s.districts}
        s.employers = [("清溪县机械厂", "91330599MA2801734K"), ("清溪水电站", "91330599MA28E6Q51N"), ("清溪水电站检修公司", "91330599MA28F0925X")]
        for i in range(25):
            s.employers.append((f"清溪县{'粮茶竹木纺丝瓷纸砖印'[i % 10]}{'业站厂社'[i % 4]}{i + 1}号单位", "91330599MA" + "".join(s.r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))))
        s.plain_emp = s.employers[3:]

    def vname(s, code): return next((v[1] for v in s.villages if v[0] == code), "外县")
    def district_of(s, village): return s.cover.get(village)
    def other_village(s, v, other_district=True):
        while True:
            c = s.r.choice(s.villages)[0]
            if c != v and c != s.uncovered and (not other_district or s.cover.get(c) != s.cover.get(v)): return c
    def covered_village(s): return s.r.choice([v[0] for v in s.villages if v[0] != s.uncovered])

    # ------------------------------------------------------------------ people
    def number(s, area6, birth, sex, seq=None, legacy=False):
        while True:
            if seq is None:
                q = s.r.randint(0, 98 if legacy else 99) * 10 + (s.r.choice([1, 3, 5, 7, 9]) if sex == "男" else s.r.choice([0, 2, 4, 6, 8]))
                q = "%03d" % q
            else: q = seq
            n17 = area6 + birth.strftime("%Y%m%d") + q
            n = n17 + chk(n17)
            if n not in s.nums and to15(n) not in s.nums:
                s.nums.add(n)
                return n
            if seq is not None: raise ValueError("number taken")

    def name(s, sex, surname=None, uyghur=False):
        if uyghur:
            return s.r.choice(UYGHUR_M if sex == "男" else UYGHUR_F) + "·" + s.r.choice(["艾力", "吐尔逊", "阿不都拉", "买合木提"])
        g = GIVEN_M if sex == "男" else GIVEN_F
        return (surname or s.r.choice(SURN)) + "".join(s.r.choice(g) for _ in range(s.r.choice([1, 2, 2])))

    def person(s, sex, birth, village, hh=None, rel="户主", name=None, area6=COUNTY, seq=None, legacy=False, inmig=False, surname=None):
        p = dict(num=None, sex=sex, birth=birth, vill=village, hh=hh, rel=rel, status="正常", sdate=None, moved_to="",
                 legacy=legacy, inmig=inmig, tags=set(), deaths=[], rights=[], elsewhere=[], unit=[], resettle=[],
                 residence=[], proof=None, prev="auto", away=False, former="", nation="汉族")
        p["num"] = s.number(area6 if not inmig else area6, birth, sex, seq, legacy)
        p["name"] = name or s.name(sex, surname)
        if hh is None:
            s.hh += 1
            p["hh"] = "%09d" % (330000000 + s.hh)
        p["addr"] = f"{s.vname(village)}{s.r.randint(1, 12)}组{s.r.randint(1, 80)}号" if not inmig else f"{area6}某地{s.r.randint(1, 99)}号"
        s.persons.append(p)
        return p

    def rbirth(s, y0, y1):
        a, b = D(y0, 1, 1), D(y1, 12, 31)
        return a + dt.timedelta(days=s.r.randint(0, (b - a).days))

    def family(s, village=None, head_birth=None, kids=None, tag=None):
        r = s.r
        v = village or (s.uncovered if (tag is None and kids is None and r.random() < 0.02) else s.covered_village())
        hb = head_birth or s.rbirth(1945, 1996)
        sur = r.choice(SURN)
        uy = r.random() < 0.01
        head = s.person("男" if r.random() < 0.85 else "女", hb, v, name=None if not uy else None, surname=sur)
        if uy: head["name"] = s.name(head["sex"], uyghur=True); head["nation"] = "维吾尔族"
        fam = [head]
        if r.random() < 0.8:
            sp = s.person("女" if head["sex"] == "男" else "男", min(hb + dt.timedelta(days=r.randint(-1500, 1500)), D(1998, 1, 1)), v, hh=head["hh"], rel="配偶")
            if uy: sp["name"] = s.name(sp["sex"], uyghur=True); sp["nation"] = "维吾尔族"
            fam.append(sp)
        nk = r.choice([0, 1, 1, 2, 2, 3]) if kids is None else kids
        for _ in range(nk):
            kb = hb + dt.timedelta(days=r.randint(21 * 365, 36 * 365))
            if kb > D(2024, 12, 31): continue
            ks = r.choice("男女")
            kid = s.person(ks, kb, v, hh=head["hh"], rel="子" if ks == "男" else "女", surname=sur if not uy else None)
            if uy: kid["name"] = s.name(ks, uyghur=True); kid["nation"] = "维吾尔族"
            fam.append(kid)
            if r.random() < 0.03:      # twins
                ts = r.choice("男女")
                tw = s.person(ts, kb, v, hh=head["hh"], rel="子" if ts == "男" else "女", surname=sur if not uy else None)
                if uy: tw["name"] = s.name(ts, uyghur=True); tw["nation"] = "维吾尔族"
                fam.append(tw)
        if r.random() < 0.12 and hb.year > 1932:
            pb = hb - dt.timedelta(days=r.randint(22 * 365, 32 * 365))
            par = s.person(r.choice("男女"), pb, v, hh=head["hh"], rel="父" if r.random() < 0.5 else "母", surname=sur)
            par["rel"] = "父" if par["sex"] == "男" else "母"
            fam.append(par)
        for p in fam:
            if tag: p["tags"].add(tag)
        return fam

    # ------------------------------------------------------------------ the population
    def background(s):
        r = s.r
        target = s.n - 60 * s.k       # the scenarios add about 60 k persons
        fams = []
        while len(s.persons) < target * 0.97:
            fams.append(s.family())
        for fam in fams:
            for p in fam:
                age = (E - p["birth"]).days / 365.25
                x = r.random()
                if x < 0.004 + 0.02 * (age > 70) + 0.02 * (age > 85):
                    p["status"], p["sdate"] = "死亡", s.rbirth(2019, 2025)
                    if p["sdate"] > E - dt.timedelta(days=5): p["sdate"] = E - dt.timedelta(days=30)
                    if r.random() < 0.8: s.minzheng(p, p["num"], p["name"], p["sdate"])
                elif x < 0.03: p["status"], p["sdate"] = "迁出", s.rbirth(2022, 2025); p["moved_to"] = r.choice(OTHER + [r.choice(OTHER) + "010100", ""])
                elif x < 0.033 and p["sex"] == "男" and 18 < age < 24: p["status"], p["sdate"] = "服兵役", s.rbirth(2022, 2025)
                elif x < 0.036: p["status"], p["sdate"] = "出国定居", s.rbirth(2022, 2025)
                elif x < 0.038: p["status"], p["sdate"] = "注销", s.rbirth(2022, 2025)
                if p["status"] != "正常" and p["sdate"] > E: p["sdate"] = E - dt.timedelta(days=40)
                if p["status"] == "正常" and 18 <= age < 62 and r.random() < 0.45:
                    emp = r.choice(s.employers) if r.random() < 0.2 else r.choice(s.plain_emp)
                    st = r.choices(["参保缴费", "暂停缴费", "终止参保"], [90, 5, 5])[0]
                    s.shebao(p, emp, st, typo=r.random() < 0.02 and emp[1] not in s.unit_codes)
                if p["status"] == "正常" and age >= 18 and r.random() < 0.05:
                    v2 = s.other_village(p["vill"])
                    end = "" if r.random() < 0.85 else s.rbirth(2024, 2025)
                    s.liudong(p, v2, s.rbirth(2019, 2025), end)
            if r.random() < 0.3: s.tongji_household(fam)
        for _ in range(s.k * 3):          # resettled households, some with numberless children
            fam = s.family(kids=2)
            handed = r.random() < 0.8
            s.chaiqian_case(fam, "产权调换" if r.random() < 0.75 else "货币补偿", s.other_village(fam[0]["vill"]),
                            s.rbirth(2025, 2026) if handed else "", nonum={p["num"] for p in fam[2:] if r.random() < 0.5})
        for _ in range(s.k):              # background rights decisions and notices, by the exact number
            p = s.pick_adult()
            s.xuanwei(p, "剥夺政治权利", D(2024, 5, 1), D(2028, 4, 30))
            p = s.pick_adult()
            s.waidi(p, "已在外地登记", r.choice(OTHER), D(2026, 9, 3))
        for _ in range(int(s.n * 0.03)):  # in-migrants
            s.inmigrant(proof=r.random() < 0.3)

    def pick_adult(s, tag=None):
        while True:
            p = s.r.choice(s.persons)
            if (p["status"] == "正常" and not p["inmig"] and not p["tags"] and D(1950, 1, 1) < p["birth"] < D(2000, 1, 1)
                    and p["vill"] != s.uncovered and not p["deaths"] and not p["rights"] and not p["elsewhere"] and not p["residence"]
                    and not p["unit"] and not p["resettle"] and not p.get("picked")):
                p["picked"] = True
                if tag: p["tags"].add(tag)
                return p

    def inmigrant(s, proof, start=None, tag=None, proof_num=None, birth=None):
        r = s.r
        a6 = r.choice(OTHER)
        p = s.person(r.choice("男女"), birth or s.rbirth(1965, 2004), a6 + "%06d" % r.randint(1, 999), area6=a6, inmig=True)
        p["hukou_area"] = a6 + r.choice(["", "010100", "020200"])
        if tag: p["tags"].add(tag)
        v = s.covered_village()
        s.liudong(p, v, start or s.rbirth(2022, 2026), "", reason=r.choice(["务工", "经商", "投亲"]))
        if proof:
            s.waidi(p, "原选区资格证明", a6, s.rbirth(2025, 2025) if r.random() < 0.5 else D(2026, 10, 8), num=proof_num)
        return p

    # ------------------------------------------------------------------ rows of each source
    def add(s, src, row, p, certain=True):
        s.rows[src].append((row, p))

    def minzheng(s, p, num, name, death, certain=True):
        s.add("minzheng", {"公民身份号码": num, "姓名": name, "性别": p["sex"] if p else "", "死亡日期": death,
                           "火化日期": death + dt.timedelta(days=2)}, p)
        if p: p["deaths"].append(("minzheng", certain))

    def shebao(s, p, emp, status, typo=False, num=None, name=None, certain=True):
        reason = s.r.choice(["转出", "其他"]) if status == "终止参保" else ""
        n = num or (s.typo(p["num"], "background_shebao_typo") if typo else p["num"])
        s.add("shebao", {"社会保障号码": n, "姓名": name or p["name"], "性别": p["sex"], "出生日期": p["birth"], "参保单位名称": emp[0],
                         "统一社会信用代码": emp[1], "参保状态": status, "终止原因": reason,
                         "终止日期": s.rbirth(2024, 2026) if status == "终止参保" else "", "缴费基数": str(s.r.randint(30, 90) * 100)}, p)
        p["unit"].append((emp[1], status, certain))

    def liudong(s, p, village, start, end, reason=None, num=None, name=None, certain=True):
        s.add("liudong", {"公民身份号码": num or p["num"], "姓名": name or p["name"], "性别": p["sex"], "出生日期": p["birth"],
                          "户籍地区划代码": p.get("hukou_area") or p["vill"], "居住地址": f"{s.vname(village)}{s.r.randint(1, 40)}栋{s.r.randint(101, 602)}",
                          "居住地区划代码": village, "登记日期": start, "注销日期": end, "居住事由": reason or s.r.choice(["务工", "经商", "就学", "其他"])}, p)
        p["residence"].append((village, start, end, certain))

    def xuanwei(s, p, typ, start, end, num=None, name=None, certain=True):
        s.add("xuanwei", {"公民身份号码": num or p["num"], "姓名": name or p["name"], "类型": typ, "起始日期": start, "终止日期": end,
                          "决定机关": "清溪县人民法院" if typ != "不能行使选举权利" else "清溪县选举委员会",
                          "文号": f"(20{s.r.randint(19, 26)})清刑初字第{s.r.randint(1, 300)}号"}, p)
        p["rights"].append((typ, start, end, certain))

    def waidi(s, p, typ, other, date, num=None, name=None, certain=True):
        s.add("waidi", {"公民身份号码": num or p["num"], "姓名": name or p["name"], "类型": typ, "对方区划代码": other,
                        "对方选举委员会": WAIDI_COMM.get(other, ""), "日期": date}, p)
        if typ == "已在外地登记": p["elsewhere"].append((date, certain))
        else: p["proof"] = certain

    def tongji_household(s, fam):
        code = "QX%07d" % s.r.randint(1, 9999999)
        for p in fam:
            if p["status"] != "正常": continue
            away = s.r.random() < 0.08
            dest = s.r.choice(["本县", "外县", "境外"]) if away else ""
            with_num = s.r.random() < 0.5
            s.add("tongji", {"住户编码": code, "调查地址": f"{s.vname(p['vill'])}，{p['addr'][-6:]}", "调查地区划代码": p["vill"], "姓名": p["name"],
                             "性别": p["sex"], "出生年月": ("M", p["birth"]), "公民身份号码": p["num"] if with_num else "",
                             "户口登记地": "本村(居)", "居住状态": "外出" if away else "常住", "外出去向": dest}, p)
            if away and dest in ("外县", "境外"): p["away"] = "yes" if with_num else "maybe"

    def chaiqian_case(s, fam, mode, new_v, handover, nonum=(), case=None, project=None, certain=True):
        case = case or "QX-%04d" % s.r.randint(1, 9999)
        project = project or s.r.choice(["城东旧改", "溪滨棚改", "高铁站征收", "工业园区拆迁"])
        old = fam[0]["vill"]
        for p in fam:
            s.add("chaiqian", {"项目名称": project, "被征收户编号": case, "姓名": p["name"], "公民身份号码": "" if p["num"] in nonum else p["num"],
                               "与户主关系": p["rel"], "原房屋地址": f"{s.vname(old)}{s.r.randint(1, 9)}组", "原区划代码": old, "安置方式": mode,
                               "安置地址": f"{s.vname(new_v)}安置小区{s.r.randint(1, 20)}幢" if mode == "产权调换" else "",
                               "安置区划代码": new_v if mode == "产权调换" else "", "交房日期": handover if mode == "产权调换" else "",
                               "拆除日期": D(2025, s.r.randint(1, 12), s.r.randint(1, 28))}, p)
            if mode == "产权调换": p["resettle"].append((new_v, handover, certain))
        return case

    def typo(s, n, tag, swap=False, pos=None):
        """A number one wrong digit (or one adjacent swap) away from n, one typo from no other known number."""
        for _ in range(200):
            if swap:
                i = pos if pos is not None else s.r.randint(6, 16)
                if n[i] == n[i + 1]: pos = None; continue
                t = n[:i] + n[i + 1] + n[i] + n[i + 2:]
            else:
                i = pos if pos is not None else s.r.randint(6, 16)
                t = n[:i] + s.r.choice([c for c in "0123456789" if c != n[i]]) + n[i + 1:]
            if t[17] == chk(t[:17]): continue
            if sum(1 for m in neighbours(t) if m in s.nums) == 1:
                s.checks.append((t, 1, tag))
                return t
            pos = None
        raise RuntimeError("no typo found")

    # ------------------------------------------------------------------ the scenarios (README.md)
    def scenarios(s):
        r, k = s.r, s.k
        for i in range(k):
            # turns 18 on election day / the day after
            p = s.family(kids=0)[0]
            kid = s.person(r.choice("男女"), D(2008, 11, 26), p["vill"], hh=p["hh"], rel="子")
            kid["rel"] = "子" if kid["sex"] == "男" else "女"; kid["tags"].add("turns18_on_E")
            kid2 = s.person(r.choice("男女"), D(2008, 11, 27), p["vill"], hh=p["hh"], rel="子")
            kid2["rel"] = "子" if kid2["sex"] == "男" else "女"; kid2["tags"].add("turns18_day_after")
            # 18 exactly on the previous election day and not on the previous roll: 补登, not 新满十八周岁; a day later: 新满十八周岁
            a = s.family(kids=0)[0]
            c1 = s.person(r.choice("男女"), D(2003, 11, 25), a["vill"], hh=a["hh"], rel="子"); c1["tags"].add("prev_18_on_prevE"); c1["prev"] = None
            c2 = s.person(r.choice("男女"), D(2003, 11, 26), a["vill"], hh=a["hh"], rel="子"); c2["tags"].add("prev_18_day_after"); c2["prev"] = None
            for c in (c1, c2, kid, kid2): c["rel"] = "子" if c["sex"] == "男" else "女"

            # legacy 15-digit huji record of a person born 1900-1909 (year "0x" means 190x, not 200x)
            o = s.person(r.choice("男女"), s.rbirth(1900, 1909), s.covered_village(), legacy=True)
            o["tags"].add("legacy15_1900s")
            # the trap: a grandchild born 2000-2008 whose 18-digit number minus "20" and the check digit IS the elder's 15 digits
            b = s.rbirth(2000, 2007)
            while True:
                elder_b = D(1900 + b.year - 2000, b.month, b.day) if not (b.month == 2 and b.day == 29) else None
                if elder_b: break
                b = s.rbirth(2000, 2007)
            g = s.person(r.choice("男女"), b, s.covered_village(), legacy=True)
            g["tags"].add("legacy15_2000s_trap")
            seq = g["num"][14:17]
            try:
                el = s.person(g["sex"], elder_b, g["vill"], hh=g["hh"], rel="祖父" if g["sex"] == "男" else "祖母", seq=seq, legacy=True)
                el["rel"] = "祖父" if el["sex"] == "男" else "祖母"
                el["tags"].add("legacy15_2000s_trap"); el["rel15"] = True
                el["rel"] = "户主"; g["rel"] = "孙子" if g["sex"] == "男" else "孙女"
            except ValueError: pass

            # residence elsewhere in the county, a one-digit typo and a name mixing traditional with simplified
            p = s.pick_adult("trad_mixed_liudong_typo")
            while not any(c in TRAD for c in p["name"][1:]) or p["name"][0] not in TRAD: p["tags"].discard("trad_mixed_liudong_typo"); p = s.pick_adult("trad_mixed_liudong_typo")
            s.liudong(p, s.other_village(p["vill"]), s.rbirth(2023, 2025), "", num=s.typo(p["num"], "trad_mixed_liudong_typo"), name=mixed_trad(p["name"]))

            # death notice by the exact number, name traditional with a full-width space; police still 正常
            p = s.pick_adult("death_exact_trad")
            s.minzheng(p, p["num"], trad(p["name"][0]) + "\u3000" + trad(p["name"][1:]), D(2026, 10, r.randint(1, 28)))
            s.exc.append((["DEATH_CONFLICT"], [p["num"]], "death_exact_trad"))
            # death notice under the 15-digit legacy form of the number
            p = s.pick_adult("death_15digit")
            s.minzheng(p, to15(p["num"]), p["name"], D(2026, 9, r.randint(1, 28)))
            s.exc.append((["DEATH_CONFLICT"], [p["num"]], "death_15digit"))

            # twins, one dead by the exact number: only that twin goes
            fam = s.family(kids=0)
            tb = s.rbirth(1975, 2000)
            sx = r.choice("男女")
            t1 = s.person(sx, tb, fam[0]["vill"], hh=fam[0]["hh"], rel="子" if sx == "男" else "女", surname=fam[0]["name"][0])
            t2 = s.person(sx, tb, fam[0]["vill"], hh=fam[0]["hh"], rel=t1["rel"], name=t1["name"][:-1] + s.r.choice(GIVEN_M if sx == "男" else GIVEN_F))
            if t2["name"] == t1["name"]: t2["name"] = t1["name"] + "子"
            t1["tags"].add("death_twin_exact"); t2["tags"].add("death_twin_exact")
            t1["status"], t1["sdate"] = "死亡", D(2026, 3, 2)
            s.minzheng(t1, t1["num"], t1["name"], D(2026, 3, 2))

            # twins whose numbers differ in one sequence digit; a death notice one digit off BOTH, with twin 1's exact name
            fam = s.family(kids=0)
            tb = s.rbirth(1970, 2000)
            sx = r.choice("男女")
            base = "%02d" % r.randint(0, 99)
            pairs = [d for d in (["1", "3", "5", "7", "9"] if sx == "男" else ["0", "2", "4", "6", "8"])]
            mid1, mid2 = r.sample("0123456789", 2)
            last = r.choice(pairs)
            try:
                a1 = s.person(sx, tb, fam[0]["vill"], hh=fam[0]["hh"], rel="子" if sx == "男" else "女", surname=fam[0]["name"][0], seq=base[0] + mid1 + last)
                a2 = s.person(sx, tb, fam[0]["vill"], hh=fam[0]["hh"], rel=a1["rel"], seq=base[0] + mid2 + last,
                              name=a1["name"][:-1] + r.choice(GIVEN_M if sx == "男" else GIVEN_F))
                if a2["name"] == a1["name"]: a2["name"] += "儿"
                t = a2["num"][:17] + a1["num"][17]
                s.checks.append((t, 2, "death_typo_twins"))
                for x in (a1, a2): x["tags"].add("death_typo_twins")
                s.minzheng(a1, t, a1["name"], D(2026, 8, r.randint(1, 28)), certain=False)
                a1["deaths"][-1] = ("minzheng", False)
                s.exc.append((["DEATH_REVIEW", "MATCH_REVIEW"], [a1["num"], a2["num"]], "death_typo_twins"))
                s.tolerated[t] = "death_typo_twins"
            except ValueError: pass

            # three look-alike strangers (same name, sex, birth date; other numbers, villages, households); one dies
            sx, lb, nm = r.choice("男女"), s.rbirth(1955, 1995), None
            trio = []
            for j in range(3):
                a6 = COUNTY if j < 2 else r.choice(OTHER)
                v = s.covered_village()
                while any(s.cover[v] == s.cover[x["vill"]] for x in trio): v = s.covered_village()
                x = s.person(sx, lb, v, name=nm, area6=a6)
                nm = x["name"]
                x["tags"].add("lookalike_trio"); trio.append(x)
            trio[0]["status"], trio[0]["sdate"] = "死亡", D(2025, 7, 9)
            s.minzheng(trio[0], trio[0]["num"], trio[0]["name"], D(2025, 7, 9))
            s.shebao(trio[1], r.choice(s.plain_emp), "参保缴费")

            # a 拆迁 household in two cases: 产权调换 (handed over) and 货币补偿 of a second house; a numberless child in both
            fam = s.family(kids=2, tag="chaiqian_two_cases")
            if len(fam) >= 3:
                nv = s.other_village(fam[0]["vill"])
                nonum = {fam[-1]["num"]}
                s.chaiqian_case(fam, "产权调换", nv, D(2026, r.randint(1, 10), 15), nonum=nonum)
                s.chaiqian_case([fam[0], fam[-1]], "货币补偿", "", "", nonum=nonum, project="溪滨二期征收")
            # numberless twins in a resettlement case whose parents carry their numbers
            fam = s.family(kids=0, tag="chaiqian_numberless_twins")
            tb = fam[0]["birth"] + dt.timedelta(days=r.randint(24 * 365, 30 * 365))
            if tb < D(2024, 1, 1):
                sx = r.choice("男女")
                w1 = s.person(sx, tb, fam[0]["vill"], hh=fam[0]["hh"], rel="子" if sx == "男" else "女", surname=fam[0]["name"][0])
                w2 = s.person(sx, tb, fam[0]["vill"], hh=fam[0]["hh"], rel=w1["rel"], name=w1["name"][:-1] + r.choice(GIVEN_M if sx == "男" else GIVEN_F))
                if w2["name"] == w1["name"]: w2["name"] += "二"
                fam += [w1, w2]
                for x in fam: x["tags"].add("chaiqian_numberless_twins")
                s.chaiqian_case(fam, "产权调换", s.other_village(fam[0]["vill"]), D(2026, 5, 20), nonum={w1["num"], w2["num"]})

            # rights decisions together with a residence in another district
            p = s.pick_adult("rights_deprived_elsewhere")
            s.xuanwei(p, "剥夺政治权利", D(2025, 3, 1), "")
            s.liudong(p, s.other_village(p["vill"]), D(2025, 6, 1), "")
            p = s.pick_adult("rights_ended_elsewhere")
            s.xuanwei(p, "剥夺政治权利", D(2020, 6, 1), D(2025, 6, 30))
            s.liudong(p, s.other_village(p["vill"]), D(2025, 8, 1), "")
            p["prev"] = None
            p = s.pick_adult("suspended_elsewhere")
            s.xuanwei(p, "停止行使选举权利", D(2026, 9, 1), D(2027, 3, 1))
            s.liudong(p, s.other_village(p["vill"]), D(2024, 2, 1), "")
            p = s.pick_adult("rights_restored")
            s.xuanwei(p, "剥夺政治权利", D(2025, 1, 1), "")
            s.xuanwei(p, "恢复政治权利", D(2026, 6, 1), "")
            p = s.pick_adult("rights_restore_after_E")
            s.xuanwei(p, "剥夺政治权利", D(2025, 1, 1), "")
            s.xuanwei(p, "恢复政治权利", D(2026, 12, 1), "")
            p = s.pick_adult("unable_until_E")
            s.xuanwei(p, "不能行使选举权利", D(2024, 1, 1), E)
            p = s.pick_adult("unable_until_E_minus_1")
            s.xuanwei(p, "不能行使选举权利", D(2024, 1, 1), E - dt.timedelta(days=1))

            # notices from other counties
            p = s.pick_adult("waidi_elsewhere_messy_number")
            s.waidi(p, "已在外地登记", r.choice(OTHER), D(2026, 10, 12), num=" " + p["num"][:6] + "-" + p["num"][6:14].translate(FW) + " " + p["num"][14:].lower(),
                    name=trad(p["name"]))
            p = s.pick_adult("waidi_elsewhere_after_E")
            s.waidi(p, "已在外地登记", r.choice(OTHER), E + dt.timedelta(days=1))
            p = s.pick_adult("waidi_elsewhere_typo")
            t = s.typo(p["num"], "waidi_elsewhere_typo")
            s.waidi(p, "已在外地登记", r.choice(OTHER), D(2026, 10, 2), num=t, certain=False)
            s.exc.append((["MATCH_REVIEW"], [p["num"]], "waidi_elsewhere_typo")); s.tolerated[t] = "waidi_elsewhere_typo"
            p = s.inmigrant(False, start=D(2024, 4, 1), tag="inmig_proof_typo")
            t = s.typo(p["num"], "inmig_proof_typo")
            s.waidi(p, "原选区资格证明", p["num"][:6], D(2026, 10, 20), num=t, certain=False)
            s.exc.append((["MATCH_REVIEW"], [p["num"]], "inmig_proof_typo")); s.tolerated[t] = "inmig_proof_typo"
            p = s.inmigrant(False, start=D(2024, 4, 1), tag="inmig_proof_15", birth=s.rbirth(1960, 1990))
            s.waidi(p, "原选区资格证明", p["num"][:6], D(2026, 10, 20), num=to15(p["num"]))

            # a paused insurance at a unit employer gives no unit district
            p = s.pick_adult("unit_paused")
            s.shebao(p, s.employers[r.randint(0, 2)], "暂停缴费")
            # a unit worker whose insurance row carries the 15-digit form and a traditional name: 工作单位
            p = s.pick_adult("unit_legacy15_trad")
            s.shebao(p, s.employers[r.randint(0, 2)], "参保缴费", num=to15(p["num"]), name=trad(p["name"]))

            # 重号 (RULES.md "One person, one line"): the police register gives one number to two clearly different
            # people (other surname, no shared character, other village and district, same sex and birth as the number
            # says). Both are listed, each by their own facts; each one's other records carry the shared number under
            # their own name, so only the name tells whose they are; ID_SHARED names the number.
            for variant in ("plain", "residence", "unit", "death", "surname", "three"):
                tag = "shared_number_" + variant
                a = s.pick_adult(tag)
                b = s.person(a["sex"], a["birth"], s.other_village(a["vill"]))
                b["num"] = a["num"]
                b["tags"].add(tag)
                if variant == "surname":   # one surname, two given characters each, none in common: still two people
                    while len(a["name"]) != 3: a["name"] = s.name(a["sex"], surname=a["name"][0])
                    while len(b["name"]) != 3 or set(b["name"][1:]) & set(a["name"][1:]): b["name"] = s.name(b["sex"], surname=a["name"][0])
                else:
                    while b["name"][0] == a["name"][0] or set(b["name"]) & set(a["name"]): b["name"] = s.name(b["sex"])
                if variant == "three":     # a third holder, in a third village
                    c3 = s.person(a["sex"], a["birth"], s.other_village(b["vill"]))
                    c3["num"] = a["num"]; c3["tags"].add(tag)
                    while set(c3["name"]) & (set(a["name"]) | set(b["name"])): c3["name"] = s.name(c3["sex"])
                s.exc.append((["ID_SHARED"], [a["num"]], tag))
                if variant == "residence":
                    s.liudong(b, s.other_village(b["vill"]), D(2024, 3, 1), "")
                elif variant == "unit":
                    s.shebao(b, s.employers[r.randint(0, 1)], "参保缴费")
                elif variant == "death":      # the death is A's: number and A's own name (A is on the register as 正常)
                    s.minzheng(a, a["num"], a["name"], D(2026, 3, 9))

    # ------------------------------------------------------------------ the truth
    def expect(s, p):
        """(district, basis) when listed, else a list of reason codes; ('NC',) when not considered at all."""
        act = lambda res: [x for x in res if x[3] and x[1] <= E and (x[2] == "" or x[2] > E)]
        if p["inmig"]:
            if not (act(p["residence"]) and p["proof"] is True): return ["NC"]
        rs = []
        if plus18(p["birth"]) > E: rs.append("UNDER_18")
        if p["status"] == "死亡" or any(c for _, c in p["deaths"]): rs.append("DECEASED")
        rs += {"迁出": ["MOVED_OUT"], "服兵役": ["MILITARY"], "出国定居": ["EMIGRATED"], "注销": ["CANCELLED"]}.get(p["status"], [])
        cov = lambda a, b: a <= E and (b == "" or b >= E)
        for typ, a, b, c in p["rights"]:
            if not c or not cov(a, b): continue
            if typ == "剥夺政治权利":
                if not any(t2 == "恢复政治权利" and c2 and a < a2 <= E for t2, a2, _, c2 in p["rights"]): rs.append("DEPRIVED")
            elif typ == "停止行使选举权利": rs.append("SUSPENDED")
            elif typ == "不能行使选举权利": rs.append("UNABLE")
        if any(c and d <= E for d, c in p["elsewhere"]): rs.append("REGISTERED_ELSEWHERE")
        if rs: return rs
        for code, st, c in p["unit"]:
            if c and st == "参保缴费" and code in s.unit_codes: return (s.unit_codes[code], "工作单位")
        for v, h, c in p["resettle"]:
            if c and h != "" and h <= E and v in s.cover: return (s.cover[v], "安置地")
        for v, a, b, c in act(p["residence"]):
            if v in s.cover: return (s.cover[v], "资格证明" if p["inmig"] else "居住地")
        if p["vill"] in s.cover: return (s.cover[p["vill"]], "户籍地")
        return ["NO_DISTRICT"]

    def previous(s, p, out):
        """The previous roll (election of PE): district or None."""
        if p["prev"] != "auto": return p["prev"]
        if p["inmig"] or plus18(p["birth"]) > PE or p["vill"] == s.uncovered: return None
        if p["status"] != "正常" and p["sdate"] and p["sdate"] <= PE: return None
        if any(typ != "恢复政治权利" and a <= PE and (b == "" or b >= PE) for typ, a, b, c in p["rights"]): return None
        x = s.r.random()
        if x < 0.03: return None                                   # missed last time: 补登
        if x < 0.08:                                               # listed in another district last time
            others = [d[0] for d in s.districts if d[3] == "居住" and d[0] != (out[0] if isinstance(out, tuple) else None)]
            return s.r.choice(others)
        return out[0] if isinstance(out, tuple) else s.cover.get(p["vill"])

    def books(s, p, out, prev):
        added = removed = ""
        rights_before = any(typ != "恢复政治权利" and a <= PE and (b == "" or b >= PE) and c for typ, a, b, c in p["rights"])
        if isinstance(out, tuple) and out[0] != prev:
            if plus18(p["birth"]) > PE: added = "新满十八周岁"
            elif prev is None and rights_before: added = "恢复政治权利"
            elif prev is not None or p["inmig"]: added = "迁入"
            else: added = "补登"
        if prev and not (isinstance(out, tuple) and out[0] == prev):
            if isinstance(out, tuple): removed = "迁出"
            else:
                order = [("DECEASED", "死亡"), ("DEPRIVED", "剥夺政治权利"), ("SUSPENDED", "停止行使选举权利"), ("UNABLE", "不能行使选举权利"),
                         ("MOVED_OUT", "迁出"), ("REGISTERED_ELSEWHERE", "外地登记")]
                removed = next((w for c, w in order if c in out), "其他")
        return added, removed


# ---------------------------------------------------------------------- writing
def fmt_date(r, d):
    f = r.choice(["%Y%m%d", "%Y-%m-%d", "%Y-%m-%d", "slash", "dot", "cn"])
    if f == "slash": return f"{d.year}/{d.month}/{d.day}"
    if f == "dot": return f"{d.year}.{d.month}.{d.day}"
    if f == "cn": return f"{d.year}年{d.month}月{d.day}日"
    return d.strftime(f)


def fmt_month(r, d):
    return r.choice([f"{d.year}{d.month:02d}", f"{d.year}-{d.month:02d}", f"{d.year}年{d.month}月"])


def mess_num(r, n):
    if not n: return n
    x = r.random()
    if x < 0.04 and n.endswith("X"): return n[:-1] + "x"
    if x < 0.07: return n.translate(FW)
    if x < 0.09: return n[:6] + " " + n[6:14] + " " + n[14:]
    if x < 0.11: return n[:6] + "-" + n[6:]
    if x < 0.14: return " " + n + " "
    return n


def mess_name(r, name):
    x = r.random()
    if x < 0.08: return trad(name)
    if x < 0.11: return name[0] + " " + name[1:]
    if x < 0.13: return "\u3000" + name
    if "·" in name and x < 0.5: return name.replace("·", r.choice(["•", ".", "・", "▪", ""]))
    return name


HEADERS = {
    "huji": ["公民身份号码", "姓名", "曾用名", "性别", "民族", "出生日期", "户号", "与户主关系", "户籍地址", "户籍地区划代码", "人员状态", "状态变动日期", "迁往地区划代码"],
    "liudong": ["公民身份号码", "姓名", "性别", "出生日期", "户籍地区划代码", "居住地址", "居住地区划代码", "登记日期", "注销日期", "居住事由"],
    "shebao": ["社会保障号码", "姓名", "性别", "出生日期", "参保单位名称", "统一社会信用代码", "参保状态", "终止原因", "终止日期", "缴费基数"],
    "tongji": ["住户编码", "调查地址", "调查地区划代码", "姓名", "性别", "出生年月", "公民身份号码", "户口登记地", "居住状态", "外出去向"],
    "chaiqian": ["项目名称", "被征收户编号", "姓名", "公民身份号码", "与户主关系", "原房屋地址", "原区划代码", "安置方式", "安置地址", "安置区划代码", "交房日期", "拆除日期"],
    "minzheng": ["公民身份号码", "姓名", "性别", "死亡日期", "火化日期"],
    "xuanwei": ["公民身份号码", "姓名", "类型", "起始日期", "终止日期", "决定机关", "文号"],
    "waidi": ["公民身份号码", "姓名", "类型", "对方区划代码", "对方选举委员会", "日期"],
}
NUMCOL = {"shebao": "社会保障号码"}


def cell(r, h, v, xlsx):
    if isinstance(v, tuple): return fmt_month(r, v[1])
    if isinstance(v, D): return v if xlsx and r.random() < 0.85 else fmt_date(r, v)
    return "" if v is None else str(v)


def write_csv(path, enc, bom, header, rows, r):
    eol = "\r\n" if r.random() < 0.5 else "\n"
    buf = io.StringIO()
    def q(v):
        if any(c in v for c in ',"\n\r') or r.random() < 0.03: return '"' + v.replace('"', '""') + '"'
        return v
    buf.write(",".join(q(f" {h} " if r.random() < 0.2 else h) for h in header) + eol)
    line, lines = 1, []
    for row in rows:
        while r.random() < 0.01: buf.write(eol); line += 1
        line += 1
        lines.append(line)
        text = ",".join(q(cell(r, h, row.get(h, ""), False)) for h in header)
        buf.write(text + eol)
        line += text.count("\n")
    data = buf.getvalue()
    with open(path, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data.encode(enc))
    return lines


def col(i):
    s = ""
    i += 1
    while i: i, m = divmod(i - 1, 26); s = chr(65 + m) + s
    return s


def write_xlsx(path, header, rows, r):
    strings, sidx = [], {}
    def si(v):
        if v not in sidx: sidx[v] = len(strings); strings.append(v)
        return sidx[v]
    def rowxml(n, vals):
        cells = []
        for j, v in enumerate(vals):
            ref = f"{col(j)}{n}"
            if isinstance(v, D): cells.append(f'<c r="{ref}" s="1"><v>{(v - D(1899, 12, 30)).days}</v></c>')
            elif v == "": continue
            elif v.isdigit() and len(v) <= 6 and not v.startswith("0") and r.random() < 0.5: cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            elif r.random() < 0.1: cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>')
            else: cells.append(f'<c r="{ref}" t="s"><v>{si(v)}</v></c>')
        return f'<row r="{n}">{"".join(cells)}</row>'
    xml = [rowxml(1, [f" {h}" if r.random() < 0.2 else h for h in header])]
    n, lines = 1, []
    for row in rows:
        n += 1
        if r.random() < 0.01: n += 1
        lines.append(n)
        xml.append(rowxml(n, [cell(r, h, row.get(h, ""), True) for h in header]))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(xml)}</sheetData></worksheet>')
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           f'count="{len(strings)}" uniqueCount="{len(strings)}">' + "".join(f'<si><t xml:space="preserve">{escape(x)}</t></si>' for x in strings) + '</sst>')
    ns = "http://schemas.openxmlformats.org"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="{ns}/package/2006/content-types">'
                   f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{ns}/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{ns}/spreadsheetml/2006/main" '
                   f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{ns}/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   f'<Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                   f'<Relationship Id="rId3" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        z.writestr("xl/styles.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{ns}/spreadsheetml/2006/main">'
                   '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>'
                   '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
                   '<cellXfs count="2"><xf/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", sst)
    return lines


def main():
    persons, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    c = County(persons, seed)
    c.background()
    c.scenarios()
    r = c.r
    # every typo must be exactly as close to known numbers as the scenario says (checked after all numbers exist)
    for t, want, tag in c.checks:
        got = sum(1 for m in neighbours(t) if m in c.nums)
        if got != want: print(f"warning: {tag} typo {t} is one typo from {got} known numbers, not {want}", file=sys.stderr)
    for d in ("county", "inbox", "previous/rolls", "truth"): os.makedirs(os.path.join(out, d), exist_ok=True)
    with open(os.path.join(out, "county/election.yml"), "w", encoding="utf-8") as f:
        f.write(f'county-code: "{COUNTY}"\ncounty-name: {CNAME}\nelection-day: {E}\nin-migrant-months: 12\nprevious-election-day: {PE}\n')
    with open(os.path.join(out, "county/xuanqu.csv"), "wb") as f:
        f.write(("选区编码,选区名称,乡镇代码,类型,覆盖区划代码,单位统一社会信用代码\r\n" + "".join(",".join(d) + "\r\n" for d in c.districts)).encode("gb18030"))
    # huji rows: one per person of the county (a legacy person under the 15-digit number)
    for p in c.persons:
        if p["inmig"]: continue
        c.add("huji", {"公民身份号码": to15(p["num"]) if p["legacy"] and p["birth"].year < 1910 else p["num"],
                       "姓名": p["name"], "曾用名": p["former"], "性别": p["sex"], "民族": p["nation"], "出生日期": p["birth"], "户号": p["hh"],
                       "与户主关系": p["rel"], "户籍地址": p["addr"], "户籍地区划代码": p["vill"], "人员状态": p["status"],
                       "状态变动日期": p["sdate"] or "", "迁往地区划代码": p["moved_to"] if p["status"] == "迁出" else ""}, p)
    # every source in two parts: a CSV part and an .xlsx part
    encs = {"huji": ("gb18030", False), "liudong": ("utf-8", True), "shebao": ("gb18030", False), "tongji": ("utf-8", False),
            "chaiqian": ("utf-8", True), "minzheng": ("gb18030", False), "xuanwei": ("utf-8", False), "waidi": ("utf-8", True)}
    recs = []
    for src, rows in c.rows.items():
        r.shuffle(rows)
        cut = max(1, int(len(rows) * (0.6 if src in ("huji", "liudong", "tongji") else 0.4)))
        for part, fname in ((rows[:cut], f"{src}_20261120.csv"), (rows[cut:], f"{src}_part2_20261120.xlsx")):
            if not part: continue
            header = HEADERS[src][:]
            if r.random() < 0.5: r.shuffle(header)
            if r.random() < 0.5: header.insert(r.randint(0, len(header)), "备注")
            out_rows = []
            for row, p in part:
                row = dict(row)
                nc = NUMCOL.get(src, "公民身份号码")
                row[nc] = mess_num(r, row.get(nc, ""))
                if src != "huji" and p is not None and row["姓名"] == p["name"]: row["姓名"] = mess_name(r, row["姓名"])
                if "性别" in row and row["性别"] and r.random() < 0.2: row["性别"] = "1" if row["性别"] == "男" else "2"
                if "备注" in header: row["备注"] = r.choice(["", "", "核实,待查", "补录"])
                out_rows.append(row)
            path = os.path.join(out, "inbox", fname)
            lines = write_xlsx(path, header, out_rows, r) if fname.endswith("xlsx") else write_csv(path, *encs[src], header, out_rows, r)
            for (row, p), ln in zip(part, lines):
                recs.append((fname, ln, p["num"] if p else "", p["name"] if p else row.get("姓名", "")))
    # truth and previous roll
    prevs = {}
    tags = {}
    with open(os.path.join(out, "truth/persons.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["公民身份号码", "姓名", "标签", "期望", "上届选区", "新增原因", "除名原因", "外出", "流入月数"])
        for p in c.persons:
            o = c.expect(p)
            prev = c.previous(p, o)
            if o == ["NC"]: prev = None
            added, removed = c.books(p, o, prev) if o != ["NC"] else ("", "")
            if prev: prevs.setdefault(prev, []).append(p)
            inm = ""
            if p["inmig"] and not isinstance(o, tuple):
                act = [x for x in p["residence"] if x[1] <= E and (x[2] == "" or x[2] > E)]
                if act: inm = str(months(min(x[1] for x in act), E))
            exp = f"L:{o[0]}:{o[1]}" if isinstance(o, tuple) else "N:" + ";".join(o)
            w.writerow([p["num"], p["name"], ";".join(sorted(p["tags"])), exp, prev or "", added, removed,
                        p["away"] if isinstance(o, tuple) and p["away"] else "", inm])
            for t in p["tags"]: tags[t] = tags.get(t, 0) + 1
            if o == ["NO_DISTRICT"]: c.exc.append((["NO_DISTRICT"], [p["num"]], "no_district"))
            if "DECEASED" in (o if isinstance(o, list) else []) and p["status"] == "正常" and any(cc for _, cc in p["deaths"]):
                if not any(e[2] in ("death_exact_trad", "death_15digit") and p["num"] in e[1] for e in c.exc):
                    c.exc.append((["DEATH_CONFLICT"], [p["num"]], "death_conflict"))
            if inm and int(inm) >= 12: c.exc.append((["INMIGRANT_ELIGIBLE"], [p["num"]], "inmigrant_eligible"))
    with open(os.path.join(out, "truth/exceptions.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["类型", "号码", "场景"])
        for types, nums, tag in c.exc: w.writerow(["|".join(types), ";".join(nums), tag])
    with open(os.path.join(out, "truth/tolerated.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["号码", "场景"])
        for n, tag in c.tolerated.items(): w.writerow([n, tag])
    with open(os.path.join(out, "truth/records.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["文件", "行号", "公民身份号码", "姓名"])
        w.writerows(recs)
    hdr = "选区编码,选区名称,序号,姓名,性别,出生日期,公民身份号码,户籍地址,居住地址,登记依据,变动\r\n"
    for d, ps in prevs.items():
        with open(os.path.join(out, "previous/rolls", d + ".csv"), "wb") as f:
            body = "".join(f"{d},{c.dname[d]},{i + 1},{p['name']},{p['sex']},{p['birth']},{p['num']},{p['addr']},{p['addr']},户籍地,保留\r\n" for i, p in enumerate(ps))
            f.write((hdr + body).encode("gb18030"))
    print(f"{len(c.persons)} persons, k={c.k}; rows: " + ", ".join(f"{s}={len(v)}" for s, v in c.rows.items()))
    print("scenarios: " + ", ".join(f"{t}={n}" for t, n in sorted(tags.items())))


if __name__ == "__main__":
    main()
