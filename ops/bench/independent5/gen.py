#!/usr/bin/env python3
"""A fifth independent test county (青枫县 523326), written from /work/shared/spec alone.

    python3 gen.py PERSONS SEED OUTDIR    -> OUTDIR/{county,inbox,previous/rolls,truth}

The truth (truth/truth.json) is this author's reading of RULES.md. Every scenario below carries the spec sentence
it rests on; where the spec is silent the truth accepts more than one outcome ("either", see README.md).
Python 3 standard library only.
"""
import csv, datetime as dt, io, json, math, os, random, sys, zipfile
from xml.sax.saxutils import escape

D = dt.date
COUNTY = "523326"
COUNTY_NAME = "青枫县"
E = D(2026, 2, 28)          # election day: a Saturday, and the 18th birthday of everyone born 2008-02-29
PREV_E = D(2021, 3, 1)
MONTHS = 12
FILE_DAY = "20260206"

TOWNSHIPS = {"100": "城关镇", "101": "石门镇", "102": "白沙镇", "200": "龙潭乡", "201": "云岭乡"}
VILLAGES = {  # code suffix -> (name, kind)
    "100001": ("东街社区", "c"), "100002": ("西街社区", "c"), "100003": ("南门社区", "c"),
    "100201": ("柳湾村", "v"), "100202": ("石桥村", "v"),
    "101001": ("石门社区", "c"), "101201": ("上坪村", "v"), "101202": ("下坪村", "v"), "101203": ("龙口村", "v"),
    "102001": ("白沙社区", "c"), "102201": ("沙坝村", "v"), "102202": ("河湾村", "v"), "102203": ("竹林村", "v"),
    "200201": ("龙潭村", "v"), "200202": ("青岗村", "v"), "200203": ("茶园村", "v"), "200204": ("高岭村", "v"),
    "201201": ("云岭村", "v"), "201202": ("松林村", "v"), "201203": ("马鞍村", "v"),
}
RES_DISTRICTS = [  # code, name, covered villages
    ("523326100-01", "城关镇东西街选区", ["100001", "100002"]),
    ("523326100-02", "城关镇南门选区", ["100003"]),
    ("523326100-03", "城关镇柳湾石桥选区", ["100201", "100202"]),
    ("523326101-01", "石门镇第一选区", ["101001", "101201"]),
    ("523326101-02", "石门镇第二选区", ["101202", "101203"]),
    ("523326102-01", "白沙镇社区选区", ["102001"]),
    ("523326102-02", "白沙镇农村选区", ["102201", "102202", "102203"]),
    ("523326200-01", "龙潭乡第一选区", ["200201", "200202"]),
    ("523326200-02", "龙潭乡茶园选区", ["200203"]),     # 200204 高岭村 belongs to no district
    ("523326201-01", "云岭乡选区", ["201201", "201202", "201203"]),
]
UNCOVERED = COUNTY + "200204"
UNIT_DISTRICTS = [
    ("523326100-09", "青枫卷烟厂选区", "100", ["91523326MA6C00017Q"]),
    ("523326101-09", "石门水电站选区", "101", ["91523326MA6C0002XB", "91523326MA6C00033D"]),
    ("523326102-09", "县人民医院选区", "102", ["12523326MB1234567P"]),
]
UNIT_EMPLOYERS = [("青枫卷烟厂", "91523326MA6C00017Q"), ("石门水电站", "91523326MA6C0002XB"),
                  ("石门水电站检修分公司", "91523326MA6C00033D"), ("青枫县人民医院", "12523326MB1234567P")]
OTHER_EMPLOYERS = [("青枫县粮油公司", "91523326MA6C1001AA"), ("白沙建材厂", "91523326MA6C1002BB"),
                   ("城关镇卫生院", "12523326MB7654321C"), ("青枫县第一中学", "12523326MB5555555D"),
                   ("云岭茶业合作社", "93523326MA6C1003EE"), ("龙潭运输队", "91523326MA6C1004FF")]
OUTSIDE = ["320102", "420106", "510104", "522601", "530102", "450102", "650102"]
OUTSIDE_NAMES = {"320102": "南京市玄武区", "420106": "武汉市武昌区", "510104": "成都市锦江区", "522601": "凯里市",
                 "530102": "昆明市五华区", "450102": "南宁市兴宁区", "650102": "乌鲁木齐市天山区"}

V2D = {}
for code, name, vs in RES_DISTRICTS:
    for v in vs:
        V2D[COUNTY + v] = code
C2U = {}
for code, name, t, credits in UNIT_DISTRICTS:
    for c in credits:
        C2U[c] = code
DNAME = {c: n for c, n, _ in RES_DISTRICTS}
DNAME.update({c: n for c, n, _, _ in UNIT_DISTRICTS})

SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "罗", "龙", "杨", "王", "李", "陈"]
GIVEN_M = ["伟", "强", "军", "明", "刚", "涛", "华", "国华", "建国", "志强", "建华", "明辉", "东", "勇", "平", "辉",
           "志军", "国强", "庆", "飞", "龙", "云", "建军", "红军"]
GIVEN_F = ["丽", "芳", "红", "敏", "玲", "霞", "娟", "燕", "英", "秀英", "丽华", "凤", "兰", "云", "秀兰", "红梅",
           "丽娟", "小燕", "玉兰", "美玲"]
TRAD = {"陈": "陳", "刘": "劉", "张": "張", "杨": "楊", "黄": "黃", "赵": "趙", "吴": "吳", "罗": "羅", "龙": "龍",
        "伟": "偉", "强": "強", "军": "軍", "刚": "剛", "涛": "濤", "华": "華", "国": "國", "东": "東", "辉": "輝",
        "庆": "慶", "飞": "飛", "云": "雲", "丽": "麗", "红": "紅", "玲": "玲", "娟": "娟", "凤": "鳳", "兰": "蘭",
        "燕": "燕", "梅": "梅", "美": "美", "建": "建", "志": "志", "明": "明"}
HOMO = {"伟": "玮", "强": "墙", "军": "君", "明": "铭", "刚": "钢", "涛": "滔", "华": "桦", "国": "帼", "东": "冬",
        "勇": "永", "平": "萍", "辉": "晖", "庆": "青", "飞": "非", "龙": "隆", "云": "芸", "丽": "莉", "芳": "方",
        "红": "虹", "敏": "民", "玲": "龄", "霞": "侠", "娟": "鹃", "燕": "艳", "英": "瑛", "秀": "琇", "凤": "峰",
        "兰": "岚", "梅": "媚", "玉": "钰", "美": "媄", "小": "晓", "建": "健", "志": "智"}
MINORITY_M = ["买买提·艾力", "艾合买提·热合曼", "吐尔逊·买买提", "阿不都·卡德尔"]
MINORITY_F = ["阿依古丽·吐尔逊", "古丽娜尔·买买提", "热依拉·艾山", "帕提古丽·阿不都"]
RARE = [("王𠮷", "王*"), ("李䶮", "李?"), ("陈𬌗", "陈*"), ("杨𠮷祥", "杨?祥"), ("张䶮", "张*")]

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def check_char(s17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, W)) % 11]


def valid18(s):
    return len(s) == 18 and s[:17].isdigit() and check_char(s[:17]) == s[17]


def to15(n18):
    return n18[:6] + n18[8:17]


def from15(n15):
    cent = "18" if n15[12:15] in ("996", "997", "998", "999") else "19"
    s17 = n15[:6] + cent + n15[6:]
    return s17 + check_char(s17)


def add_years(d, y):
    try:
        return d.replace(year=d.year + y)
    except ValueError:          # born 29 Feb: the birthday is 28 Feb in a common year
        return D(d.year + y, 2, 28)


def under18(birth, day):
    return add_years(birth, 18) > day


def months_between(a, b):
    m = (b.year - a.year) * 12 + (b.month - a.month)
    if b.day < a.day:
        m -= 1
    return m


def fold_name(s):
    return "".join(TRAD_REV.get(c, c) for c in s if c not in " \u3000·•.・▪")


TRAD_REV = {v: k for k, v in TRAD.items()}


class World:
    def covered_village(self):
        return UNCOVERED if self.r.random() < 0.004 else rand_village(self)

    def __init__(self, n, seed):
        self.n = n
        self.r = random.Random(seed)
        self.k = max(2, math.ceil(6 * n / 20000))      # instances per scenario tag
        self.numbers = set()
        self.persons = []
        self.hh_seq = 100000
        self.addr_seq = {}
        self.prev_extra = []       # (district, name, sex, birth, number) lines on the previous roll of nobody
        self.required = []         # items that must be raised
        self.forbidden = []        # items that must not be raised
        self.allowed = []          # items the truth does not call noise
        self.cases = 0
        self.tongji_seq = 0

    # ---- identities -------------------------------------------------------------------------------------------
    def new_number(self, birth, sex, area6=COUNTY, seq=None):
        for _ in range(1000):
            if seq is None:
                s = self.r.randrange(0, 996) if birth.year >= 1900 else self.r.randrange(996, 1000)
                if (s % 2 == 1) != (sex == "男"):
                    s = s + 1 if s < 995 else s - 1
                sq = "%03d" % s
            else:
                sq = seq
            s17 = area6 + birth.strftime("%Y%m%d") + sq
            n = s17 + check_char(s17)
            if n not in self.numbers:
                self.numbers.add(n)
                return n
            seq = None
        raise RuntimeError("no number")

    def neighbours(self, t):
        """known valid numbers one wrong character or one adjacent swap away from t"""
        hits = set()
        for i in range(18):
            for c in "0123456789X":
                if c != t[i]:
                    u = t[:i] + c + t[i + 1:]
                    if u in self.numbers:
                        hits.add(u)
        for i in range(17):
            u = t[:i] + t[i + 1] + t[i] + t[i + 2:]
            if u != t and u in self.numbers:
                hits.add(u)
        return hits

    def typo(self, n, pos=None, unique=True):
        for _ in range(200):
            i = self.r.randrange(6, 17) if pos is None else pos
            c = self.r.choice([d for d in "0123456789" if d != n[i]])
            t = n[:i] + c + n[i + 1:]
            if valid18(t):
                continue
            if not unique or self.neighbours(t) == {n}:
                return t
        raise RuntimeError("no typo")

    def swap(self, n):
        for _ in range(200):
            i = self.r.randrange(6, 16)
            if n[i] == n[i + 1]:
                continue
            t = n[:i] + n[i + 1] + n[i] + n[i + 2:]
            if not valid18(t) and self.neighbours(t) == {n}:
                return t
        raise RuntimeError("no swap")

    # ---- people -----------------------------------------------------------------------------------------------
    def pick_name(self, sex):
        return self.r.choice(SURNAMES) + self.r.choice(GIVEN_M if sex == "男" else GIVEN_F)

    def new_hh(self, vill):
        self.hh_seq += 1
        v = vill[6:]
        name, kind = VILLAGES[v]
        k = self.addr_seq.get(v, 0) + 1
        self.addr_seq[v] = k
        town = TOWNSHIPS[v[:3]]
        addr = (f"{town}{name}{k // 40 + 1}栋{k % 40 + 1}号" if kind == "c" else f"{town}{name}{k % 9 + 1}组{k}号")
        return str(self.hh_seq), addr

    def person(self, sex=None, birth=None, name=None, vill=None, hh=None, addr=None, rel="户主", native=True,
               area6=None, tags=(), seq=None, huji=True):
        r = self.r
        sex = sex or r.choice("男女")
        birth = birth or D(r.randrange(1945, 2004), r.randrange(1, 13), r.randrange(1, 29))
        p = {"pid": "P%05d" % (len(self.persons) + 1), "sex": sex, "birth": birth,
             "name": name or self.pick_name(sex), "native": native, "rel": rel, "tags": list(tags),
             "status": "正常", "sdate": None, "dest": "", "former": "", "recs": [], "prev": "auto",
             "prev_name": None, "nation": "汉族", "extra_numbers": [], "outside": None}
        if native:
            vill = vill or self.covered_village()
            if hh is None:
                hh, addr = self.new_hh(vill)
            p.update(vill=vill, hh=hh, addr=addr)
            p["num"] = self.new_number(birth, sex, area6 or COUNTY, seq)
            if huji:
                self.rec(p, "huji", num=p["num"], name=p["name"], hh=hh, addr=addr, vill=vill, rel=rel)
        else:
            p["outside"] = area6 or r.choice(OUTSIDE)
            p.update(vill=None, hh=None, addr=None)
            p["num"] = self.new_number(birth, sex, p["outside"], seq)
        self.persons.append(p)
        return p

    def rec(self, p, src, eff=True, **f):
        f.update(src=src, eff=eff, pid=p["pid"] if p else None)
        f.setdefault("num", p["num"] if p else "")
        f.setdefault("name", p["name"] if p else "")
        if p:
            p["recs"].append(f)
        else:
            self.orphans.append(f)
        return f

    def family(self, vill=None, size=None, adults_only=False):
        r = self.r
        vill = vill or self.covered_village()
        hh, addr = self.new_hh(vill)
        hs = r.choice("男男男女")
        hb = D(r.randrange(1945, 1998), r.randrange(1, 13), r.randrange(1, 29))
        head = self.person(sex=hs, birth=hb, vill=vill, hh=hh, addr=addr)
        fam = [head]
        if r.random() < 0.78:
            ss = "女" if hs == "男" else "男"
            sb = D(min(2003, max(1940, hb.year + r.randrange(-4, 6))), r.randrange(1, 13), r.randrange(1, 29))
            fam.append(self.person(sex=ss, birth=sb, vill=vill, hh=hh, addr=addr, rel="配偶"))
        nkids = r.choice([0, 1, 1, 2, 2, 2, 3]) if size is None else size
        for _ in range(nkids):
            cy = hb.year + r.randrange(21, 36)
            if cy > 2025 or (adults_only and cy > 2006):
                continue
            cs = r.choice("男女")
            fam.append(self.person(sex=cs, birth=D(cy, r.randrange(1, 13), r.randrange(1, 29)), vill=vill, hh=hh,
                                   addr=addr, rel="子" if cs == "男" else "女"))
        if r.random() < 0.12 and hb.year > 1965:
            ps = r.choice("男女")
            fam.append(self.person(sex=ps, birth=D(hb.year - r.randrange(22, 32), r.randrange(1, 13),
                                                   r.randrange(1, 29)), vill=vill, hh=hh, addr=addr,
                                   rel="父" if ps == "男" else "母"))
        return fam

    def adult(self, tags, vill=None, birth=None, **kw):
        b = birth or D(self.r.randrange(1955, 2000), self.r.randrange(1, 13), self.r.randrange(1, 29))
        return self.person(birth=b, vill=vill, tags=tags, **kw)

    # ---- truth items ------------------------------------------------------------------------------------------
    def need(self, tag, types, numbers, rec=None, name=None):
        self.required.append({"tag": tag, "types": types, "numbers": numbers, "rec": rec, "name": name})
        self.allow(types, numbers, rec)

    def forbid(self, tag, types, numbers):
        self.forbidden.append({"tag": tag, "types": types, "numbers": numbers})

    def allow(self, types, numbers, rec=None):
        self.allowed.append({"types": types, "numbers": numbers, "rec": rec})


LOOSE = ["MATCH_REVIEW", "DEATH_REVIEW", "ID_INVALID", "PERSON_MULTI_RECORD"]


def rand_village(w, covered=True, exclude_township=None):
    vs = [COUNTY + v for v in VILLAGES if (COUNTY + v in V2D) == covered or not covered and COUNTY + v == UNCOVERED]
    if exclude_township:
        vs = [v for v in vs if v[6:9] != exclude_township]
    return w.r.choice(vs)


# =================================================================================================================
# background county
# =================================================================================================================
def background(w, target):
    r = w.r
    natives = []
    while len(w.persons) < target * 0.955:
        natives.extend(w.family())
    # in-migrants: people whose register is outside the county (spec: Who is considered, 2.)
    while len(w.persons) < target:
        src = r.choice(OUTSIDE)
        p = w.person(native=False, area6=src, birth=D(r.randrange(1960, 2006), r.randrange(1, 13),
                                                       r.randrange(1, 29)))
        v = rand_village(w) if r.random() < 0.93 else UNCOVERED
        reg = E - dt.timedelta(days=r.randrange(20, 2400))
        end = None if r.random() < 0.88 else reg + dt.timedelta(days=r.randrange(30, 300))
        if end and end > E:
            end = E - dt.timedelta(days=3)
        w.rec(p, "liudong", hukou=src, vill=v, reg=reg, end=end, why=r.choice(["务工", "经商", "投亲", "就学"]))
        if end is None and r.random() < 0.3 and not under18(p["birth"], E) and v != UNCOVERED:
            w.rec(p, "waidi", type="原选区资格证明", other=src, date=E - dt.timedelta(days=r.randrange(5, 200)))
        if r.random() < 0.3:
            emp = r.choice(OTHER_EMPLOYERS)
            w.rec(p, "shebao", emp=emp, state="参保缴费")
        p["prev"] = "NEW"
    for p in natives:
        a = not under18(p["birth"], E)
        x = r.random()
        if a and x < 0.012 and p["birth"].year < 1960:
            p["status"], p["sdate"] = "死亡", E - dt.timedelta(days=r.randrange(10, 3000))
            if r.random() < 0.8:
                w.rec(p, "minzheng", death=p["sdate"] - dt.timedelta(days=1), crem=p["sdate"] + dt.timedelta(days=2))
        elif a and x < 0.03:
            p["status"], p["sdate"] = "迁出", E - dt.timedelta(days=r.randrange(10, 3000))
            p["dest"] = r.choice(OUTSIDE + ["", OUTSIDE[0] + "001001"])
        elif a and x < 0.034 and p["sex"] == "男" and p["birth"].year > 1998:
            p["status"], p["sdate"] = "服兵役", E - dt.timedelta(days=r.randrange(10, 700))
        elif a and x < 0.037:
            p["status"], p["sdate"] = "出国定居", E - dt.timedelta(days=r.randrange(10, 3000))
        elif a and x < 0.039:
            p["status"], p["sdate"] = "注销", E - dt.timedelta(days=r.randrange(10, 3000))
        if p["status"] != "正常":
            continue
        if a and r.random() < 0.06:    # 人户分离: living in another village of the county
            v = rand_village(w)
            if v != p["vill"]:
                reg = E - dt.timedelta(days=r.randrange(30, 3000))
                end = None if r.random() < 0.8 else E - dt.timedelta(days=r.randrange(1, 25))
                if end and end <= reg:
                    end = None
                w.rec(p, "liudong", hukou=p["vill"] if r.random() < 0.7 else COUNTY, vill=v, reg=reg, end=end,
                      why=r.choice(["务工", "经商", "投亲", "其他"]))
        if a and p["birth"].year > 1962 and r.random() < 0.45:
            unit = r.random() < 0.15
            emp = r.choice(UNIT_EMPLOYERS if unit else OTHER_EMPLOYERS)
            st = r.choices(["参保缴费", "暂停缴费", "终止参保"], [85, 10, 5])[0]
            f = {"emp": emp, "state": st}
            if st == "终止参保":
                f.update(reason=r.choice(["转出", "其他"]), end=E - dt.timedelta(days=r.randrange(30, 900)))
            if r.random() < 0.03:
                # SOURCES: "sometimes one digit wrong ... (fails the check digit)"; RULES certain link: one wrong
                # digit from exactly one known person and name, sex and birth agree -> acted on, no review.
                t = w.typo(p["num"])
                f["num"] = t
            w.rec(p, "shebao", **f)
        if a and r.random() < 0.003:
            w.rec(p, "xuanwei", type="剥夺政治权利", start=D(2023, r.randrange(1, 13), 1), end=None,
                  body="青枫县人民法院")
        elif a and r.random() < 0.003:
            w.rec(p, "waidi", type="已在外地登记", other=r.choice(OUTSIDE), date=E - dt.timedelta(days=40))
    # tongji: a survey of some dwellings (never moves a registration; feeds the away book)
    hhs = {}
    for p in natives:
        hhs.setdefault(p["hh"], []).append(p)
    for hh, mem in hhs.items():
        if r.random() > 0.22:
            continue
        w.tongji_seq += 1
        tid = "TJ%06d" % w.tongji_seq
        names = [m["name"] for m in mem]
        for m in mem:
            if m["status"] != "正常":
                continue
            away = not under18(m["birth"], E) and r.random() < 0.1
            dest = r.choice(["外县", "外县", "境外", "本县"]) if away else ""
            withnum = r.random() < 0.35
            # ambiguous when the dwelling holds two members of that name, sex and birth month
            dup = sum(1 for o in mem if o["name"] == m["name"] and o["sex"] == m["sex"]
                      and o["birth"].strftime("%Y%m") == m["birth"].strftime("%Y%m")) > 1
            w.rec(m, "tongji", tid=tid, vill=m["vill"], addr=m["addr"], state="外出" if away else "常住",
                  dest=dest, withnum=withnum, origin="本村(居)", eff=True if (withnum or not dup) else "either")
    return natives


# =================================================================================================================
# scenarios. Each block: the spec sentence it rests on, then k instances.
# =================================================================================================================
def scenarios(w):
    r, k = w.r, w.k

    def times(f):
        for i in range(k):
            f(i)

    # --- ages -------------------------------------------------------------------------------------------------
    # RULES UNDER_18: "birth date + 18 years > E (born on 29 Feb: the 18th birthday is 28 Feb in a common year)"
    def feb29(i):
        p = w.adult(["age_feb29_18_on_E"], birth=D(2008, 2, 29), vill=rand_village(w))
        p["recs"][0]["birthfmt"] = i % 5
    times(feb29)
    times(lambda i: w.adult(["age_18_on_E"], birth=D(2008, 2, 28), vill=rand_village(w)))
    times(lambda i: w.adult(["age_18_day_after_E"], birth=D(2008, 3, 1), vill=rand_village(w)))
    # RULES Added: "新满十八周岁 (under 18 on the previous roll's election day)" ... "补登 (any other)".
    # Born 2003-03-01 turned 18 exactly on the previous election day: not under 18 then -> 补登.
    def prev_exact(i):
        p = w.adult(["prev_exactly_18"], birth=D(2003, 3, 1), vill=rand_village(w))
        p["prev"] = "NONE"
    times(prev_exact)
    times(lambda i: w.adult(["prev_under18_by_a_day"], birth=D(2003, 3, 2), vill=rand_village(w)))

    # --- deaths -----------------------------------------------------------------------------------------------
    # RULES: "Same name, sex and birth date alone never prove one person"; DECEASED "a minzheng record ... linked
    # by the identity number"; DEATH_CONFLICT "death in minzheng/shebao linked by number, huji still 正常".
    def death_namesake(i):
        v = rand_village(w)
        a = w.adult(["death_namesake_living"], vill=v)
        b = w.adult(["death_namesake_living"], vill=v, name=a["name"], sex=a["sex"], birth=a["birth"])
        b["role"] = "namesake"
        w.rec(a, "minzheng", death=E - dt.timedelta(days=20 + i), crem=E - dt.timedelta(days=18 + i))
        w.forbid("death_namesake_living", ["DEATH_REVIEW"], [b["num"]])
    times(death_namesake)

    # RULES: "Death evidence linked by anything less than the number itself (a repaired number, a fuzzy match)
    # does not remove anyone: it raises DEATH_REVIEW."
    def death_typo(i, tag, pos):
        p = w.adult([tag], vill=rand_village(w))
        f = w.rec(p, "minzheng", eff=False, num=w.typo(p["num"], pos=pos), death=E - dt.timedelta(days=30))
        w.need(tag, ["DEATH_REVIEW"], [p["num"]], f)
    times(lambda i: death_typo(i, "death_typo_number", None))
    times(lambda i: death_typo(i, "death_checkdigit_wrong", 17))

    # SOURCES: legacy 15-digit numbers ... RULES: "a 15-digit number counts as its 18-digit form" (certain link).
    def death15(i):
        p = w.adult(["death_legacy15"], vill=rand_village(w), birth=D(r.randrange(1935, 1975), 5, 1 + i))
        w.rec(p, "minzheng", numfmt="15", death=E - dt.timedelta(days=60))
    times(death15)

    # SOURCES: "insert 19 before the 2-digit year — 18 when the sequence is 996–999, reserved for centenarians".
    # A centenarian's 15-digit death notice must not kill the 1988-born person who shares yymmdd and sequence.
    def centenarian(i):
        v = rand_village(w)
        bd = D(1888 + i, 5, 12)
        seq = ["997", "998"][i % 2]
        old = w.person(sex="男" if int(seq) % 2 else "女", birth=bd, vill=v, tags=["death_centenarian15"], seq=seq)
        young = w.person(sex=old["sex"], birth=D(1988 + i, 5, 12), vill=rand_village(w), seq=seq,
                         tags=["death_centenarian15"])
        young["role"] = "trap"
        assert to15(old["num"]) == to15(young["num"])
        w.rec(old, "minzheng", numfmt="15", death=E - dt.timedelta(days=70))
        w.forbid("death_centenarian15", ["DEATH_REVIEW", "DEATH_CONFLICT"], [young["num"]])
    times(centenarian)

    # SOURCES: "lowercase x; full-width digits ０-９" -> normalised, so the number itself: DECEASED.
    def death_fw(i):
        while True:
            p = w.adult(["death_fullwidth_lower_x"], vill=rand_village(w))
            if p["num"].endswith("X"):
                break
            w.persons.remove(p)
            w.numbers.discard(p["num"])
        w.rec(p, "minzheng", numfmt="fullwidth_lower", death=E - dt.timedelta(days=5))
    times(death_fw)

    # RULES: removal needs the number itself; a swapped number from shebao is a repaired number -> DEATH_REVIEW.
    def death_shebao_swap(i):
        p = w.adult(["death_shebao_swap"], vill=rand_village(w), birth=D(r.randrange(1960, 1990), 3, 3))
        f = w.rec(p, "shebao", eff=False, num=w.swap(p["num"]), emp=OTHER_EMPLOYERS[0], state="终止参保",
                  reason="死亡", end=E - dt.timedelta(days=15))
        w.need("death_shebao_swap", ["DEATH_REVIEW"], [p["num"]], f)
    times(death_shebao_swap)

    # RULES: "A record that could change someone's listing ... and is linked to nobody for certain still names
    # its likeliest people ... in its MATCH_REVIEW; it is never dropped without an item."
    def death_empty(i):
        p = w.adult(["death_empty_number"], vill=rand_village(w), name="欧阳" + ["明远", "若曦", "振华", "思琪",
                                                                               "景行", "慕白", "清和", "子衿"][i % 8])
        f = w.rec(p, "minzheng", eff=False, num="", death=E - dt.timedelta(days=9))
        w.need("death_empty_number", ["DEATH_REVIEW", "MATCH_REVIEW", "ID_INVALID"], [p["num"]], f)
    times(death_empty)

    # SOURCES shebao 终止原因 死亡/转出/其他: only 死亡 is death evidence (RULES DECEASED: "shebao 终止原因 死亡").
    def transfer(i):
        p = w.adult(["shebao_transfer_not_death"], vill=rand_village(w))
        w.rec(p, "shebao", emp=OTHER_EMPLOYERS[1], state="终止参保", reason="转出", end=E - dt.timedelta(days=50))
        w.forbid("shebao_transfer_not_death", ["DEATH_CONFLICT", "DEATH_REVIEW"], [p["num"]])
    times(transfer)

    # RULES DECEASED: huji 人员状态 死亡 — an active insurance record at a unit does not bring them back.
    def dead_unit(i):
        p = w.adult(["death_huji_unit_active"], vill=rand_village(w), birth=D(1970, 1, 1 + i))
        p["status"], p["sdate"] = "死亡", E - dt.timedelta(days=40)
        w.rec(p, "shebao", emp=UNIT_EMPLOYERS[0], state="参保缴费")
    times(dead_unit)

    # --- rights -----------------------------------------------------------------------------------------------
    # RULES: DEPRIVED by xuanwei linked by the number; namesake (same name, sex, birth, village) untouched.
    def dep_namesake(i):
        v = rand_village(w)
        a = w.adult(["deprived_namesake"], vill=v)
        b = w.adult(["deprived_namesake"], vill=v, name=a["name"], sex=a["sex"], birth=a["birth"])
        b["role"] = "namesake"
        w.rec(a, "xuanwei", type="剥夺政治权利", start=D(2024, 1, 5), end=D(2028, 1, 4), body="青枫县人民法院")
        w.forbid("deprived_namesake", ["MATCH_REVIEW"], [b["num"]])
    times(dep_namesake)

    # RULES: certain only when "one wrong digit ... away from the number of exactly one known person";
    # a number one digit from two namesakes removes nobody and names both ("names its likeliest people").
    def dep_two(i):
        v = rand_village(w)
        bd = D(r.randrange(1960, 1995), r.randrange(1, 13), r.randrange(1, 29))
        sex = r.choice("男女")
        name = w.pick_name(sex)
        a = w.person(sex=sex, birth=bd, name=name, vill=v, tags=["deprived_typo_two_candidates"])
        # b: same birth, sequence differs in one digit; t = a's number with b's check digit
        for _ in range(100):
            i2 = 14 + r.randrange(0, 2)
            c = r.choice([d for d in "0123456789" if d != a["num"][i2]])
            s17 = a["num"][:i2] + c + a["num"][i2 + 1:17]
            if (int(s17[16]) % 2 == 1) != (sex == "男"):
                continue
            bn = s17 + check_char(s17)
            if bn not in w.numbers and bn[17] != a["num"][17]:
                break
        b = w.person(sex=sex, birth=bd, name=name, vill=v, tags=["deprived_typo_two_candidates"], seq=bn[14:17])
        assert b["num"] == bn, (b["num"], bn)
        t = a["num"][:17] + bn[17]
        f = w.rec(a, "xuanwei", eff=False, num=t, type="剥夺政治权利", start=D(2025, 3, 1), end=None,
                  body="青枫县人民法院")
        w.need("deprived_typo_two_candidates", ["MATCH_REVIEW"], [a["num"]], f)
        w.need("deprived_typo_two_candidates", ["MATCH_REVIEW"], [b["num"]], f)
        w.allow(LOOSE, [b["num"]], f)
        return a, b, t
    w.two_cand = []
    times(lambda i: w.two_cand.append(dep_two(i)))

    # RULES DEPRIVED: "... unless a 恢复政治权利 for the same person starts later than that 剥夺 and on or before E";
    # Added: "恢复政治权利 (not listed before because of DEPRIVED/SUSPENDED/UNABLE)".
    def xw(tag, recs, prev=None):
        def f(i):
            p = w.adult([tag], vill=rand_village(w), birth=D(r.randrange(1955, 1998), r.randrange(1, 13), 9))
            for (t, s, e) in recs:
                w.rec(p, "xuanwei", type=t, start=s, end=e, body="青枫县人民法院" if t != "不能行使选举权利"
                      else "青枫县选举委员会", doc="(%d)青刑初字第%d号" % (s.year, 100 + i))
            if prev:
                p["prev"] = prev
        times(f)
    xw("restored_after_deprive", [("剥夺政治权利", D(2019, 6, 1), None), ("恢复政治权利", D(2024, 6, 1), None)], "DEP")
    xw("restore_before_deprive", [("恢复政治权利", D(2018, 6, 1), None), ("剥夺政治权利", D(2020, 6, 1), None)], "DEP")
    xw("restore_on_E", [("剥夺政治权利", D(2022, 6, 1), None), ("恢复政治权利", E, None)])
    xw("restore_day_after_E", [("剥夺政治权利", D(2022, 6, 1), None), ("恢复政治权利", E + dt.timedelta(1), None)])
    # "whose period covers E (起始 ≤ E, and 终止 empty or ≥ E)"; 终止日期 "until (inclusive)"
    xw("deprive_ends_on_E", [("剥夺政治权利", D(2023, 1, 1), E)])
    xw("deprive_ends_day_before_E", [("剥夺政治权利", D(2023, 1, 1), E - dt.timedelta(1))])
    xw("deprive_starts_on_E", [("剥夺政治权利", E, D(2030, 1, 1))])
    xw("deprive_starts_day_after_E", [("剥夺政治权利", E + dt.timedelta(1), D(2030, 1, 1))])
    xw("suspended_ends_on_E", [("停止行使选举权利", D(2025, 12, 1), E)])
    xw("unable_open_ended", [("不能行使选举权利", D(2022, 3, 1), None)])
    # SOURCES: 15-digit legacy forms "convert"; RULES: "a 15-digit number is the same person as its 18-digit form".
    def dep15(i):
        p = w.adult(["deprived_legacy15"], vill=rand_village(w))
        w.rec(p, "xuanwei", numfmt="15", type="剥夺政治权利", start=D(2024, 2, 2), end=None, body="青枫县人民法院")
    times(dep15)
    # Spec ambiguity: number exact, name a homophone. "the normalised number equals the person's" is a certain link,
    # but "Records whose number ... disagrees with the rest of the record are linked by name ...". Either answer.
    def dep_homo(i):
        p = w.adult(["xuanwei_homophone_exact_number"], vill=rand_village(w))
        nm = p["name"][0] + "".join(HOMO.get(c, c) for c in p["name"][1:])
        w.rec(p, "xuanwei", eff="either", name=nm, type="剥夺政治权利", start=D(2024, 2, 2), end=None)
    times(dep_homo)

    # --- waidi --------------------------------------------------------------------------------------------------
    # RULES REGISTERED_ELSEWHERE: "waidi 已在外地登记 dated on or before E".
    def wd(tag, date, numfmt=None, eff=True, need=None):
        def f(i):
            p = w.adult([tag], vill=rand_village(w))
            rc = w.rec(p, "waidi", eff=eff, type="已在外地登记", other=OUTSIDE[i % len(OUTSIDE)], date=date,
                       **({"num": w.swap(p["num"])} if numfmt == "swap" else {"numfmt": numfmt} if numfmt else {}))
            if need:
                w.need(tag, need, [p["num"]], rc)
        times(f)
    wd("registered_elsewhere_on_E", E)
    wd("registered_elsewhere_day_after_E", E + dt.timedelta(1))
    # RULES: "Removal needs the number itself" (REGISTERED_ELSEWHERE) -> a swapped number raises MATCH_REVIEW.
    wd("registered_elsewhere_swapped", E - dt.timedelta(30), numfmt="swap", eff=False, need=["MATCH_REVIEW"])
    # SOURCES: "spaces or - inside; leading/trailing spaces" -> normalised: the number itself.
    wd("registered_elsewhere_dashed", E - dt.timedelta(30), numfmt="dashed")

    # RULES Who is considered 2: in-migrants "with an active liudong record ... and a waidi notice 原选区资格证明";
    # active = "登记日期 ≤ E; 注销日期 empty or > E".
    def inm(tag, reg, end=None, proof=True, trad=False, birth=None, extra=None, vill=None):
        def f(i):
            src = OUTSIDE[(i + len(tag)) % len(OUTSIDE)]
            b = birth or D(r.randrange(1965, 2000), r.randrange(1, 13), r.randrange(1, 29))
            p = w.person(native=False, area6=src, birth=b, tags=[tag])
            p["prev"] = "NEW"
            w.rec(p, "liudong", hukou=src, vill=vill or rand_village(w), reg=reg, end=end, why="务工")
            if proof:
                nm = "".join(TRAD.get(c, c) for c in p["name"]) if trad else p["name"]
                w.rec(p, "waidi", name=nm, type="原选区资格证明", other=src, date=E - dt.timedelta(days=40))
            if extra:
                extra(p, i)
        times(f)
    inm("inmigrant_proof_traditional_name", E - dt.timedelta(400), trad=True)
    inm("inmigrant_liudong_ends_on_E", E - dt.timedelta(400), end=E)
    inm("inmigrant_liudong_ends_day_after_E", E - dt.timedelta(400), end=E + dt.timedelta(1))
    inm("inmigrant_liudong_starts_day_after_E", E + dt.timedelta(1))
    # RULES in-migrant book: "completed calendar months from 登记日期 to E: 2025-12-15 → 2026-12-15 is 12,
    # 2025-12-16 → 2026-12-15 is 11"; INMIGRANT_ELIGIBLE "for those with at least in-migrant-months".
    inm("inmigrant_months_12_exact", D(2025, 2, 28), proof=False)
    inm("inmigrant_months_11", D(2025, 3, 1), proof=False)
    # RULES in-migrant book: "people living in the county by an active liudong record whose register is elsewhere
    # and who are not listed" -> a minor with proof is in the book, not on the roll.
    inm("inmigrant_minor_with_proof", E - dt.timedelta(800), birth=D(2009, 7, 1))
    # RULES: "an in-migrant who was under 18 on the previous election day is 新满十八周岁".
    inm("inmigrant_prev_under18", E - dt.timedelta(900), birth=D(2004, 6, 15))
    # Ambiguous: UNIT is the first rule, but "for in-migrants with proof, this is their district (资格证明)". Either.
    inm("inmigrant_proof_at_unit", E - dt.timedelta(700),
        extra=lambda p, i: w.rec(p, "shebao", emp=UNIT_EMPLOYERS[i % 4], state="参保缴费", eff="either"))

    # --- residence and register ---------------------------------------------------------------------------------
    # RULES RESIDENCE: "an active liudong record ... whose 居住地区划代码 is covered by a district" (人户分离 in another
    # township). Changes: "迁出 (... or listed now in another district)", "迁入 (listed before in another district)".
    def renhu(tag, reg=None, end=None, covered=True, hukou_vill=None, prev_hukou=True):
        def f(i):
            hv = hukou_vill or rand_village(w)
            p = w.adult([tag], vill=hv)
            lv = rand_village(w, exclude_township=hv[6:9]) if covered else UNCOVERED
            w.rec(p, "liudong", hukou=hv, vill=lv, reg=reg or E - dt.timedelta(days=500), end=end, why="经商",
                  multiline=(tag == "liudong_multiline_address"))
            if prev_hukou and hv in V2D:
                p["prev"] = ("L", V2D[hv])
        times(f)
    renhu("renhu_other_township")
    renhu("liudong_registered_on_E", reg=E)
    renhu("liudong_ended_on_E", end=E)
    renhu("liudong_uncovered_village", covered=False)
    renhu("liudong_multiline_address")
    # RULES: "When no rule gives a district, the person is not listed and NO_DISTRICT is raised"; every exception
    # names the township (乡镇代码).
    def nodist(i):
        p = w.adult(["hukou_uncovered_no_district"], vill=UNCOVERED)
        p["prev"] = "NONE"
        w.need("hukou_uncovered_no_district", ["NO_DISTRICT"], [p["num"]])
    times(nodist)
    def nodist_res(i):
        p = w.adult(["hukou_uncovered_lives_covered"], vill=UNCOVERED)
        p["prev"] = "NONE"
        w.rec(p, "liudong", hukou=UNCOVERED, vill=rand_village(w), reg=E - dt.timedelta(900), why="务工")
        w.forbid("hukou_uncovered_lives_covered", ["NO_DISTRICT"], [p["num"]])
    times(nodist_res)
    # RULES: "tongji never moves a registration."
    def tj(i):
        p = w.adult(["tongji_never_moves"], vill=rand_village(w))
        ov = rand_village(w, exclude_township=p["vill"][6:9])
        w.tongji_seq += 1
        w.rec(p, "tongji", tid="TJ%06d" % w.tongji_seq, vill=ov, addr=TOWNSHIPS[ov[6:9]] + VILLAGES[ov[6:]][0] + "8组1号",
              state="常住", dest="", withnum=True, origin="本县其他乡镇")
    times(tj)
    # RULES away book: "listed voters whom tongji reports 外出 to 外县 or 境外".
    def away(tag, dest, withnum, dead=False):
        def f(i):
            p = w.adult([tag], vill=rand_village(w))
            if not withnum:   # a name no one else in the dwelling shares (example 郑浩)
                p["name"] = "诸葛" + ["一鸣", "子涵", "雨桐", "浩然", "思远", "梓萱", "博文", "欣怡"][i % 8]
                p["recs"][0]["name"] = p["name"]
            if dead:
                p["status"], p["sdate"] = "死亡", E - dt.timedelta(100)
            w.tongji_seq += 1
            w.rec(p, "tongji", tid="TJ%06d" % w.tongji_seq, vill=p["vill"], addr=p["addr"], state="外出", dest=dest,
                  withnum=withnum, origin="本村(居)")
        times(f)
    away("away_outside_with_number", "外县", True)
    away("away_abroad_with_number", "境外", True)
    away("away_inside_county", "本县", True)
    away("away_no_number_unique_name", "外县", False)
    away("away_but_deceased", "外县", True, dead=True)

    # --- units -------------------------------------------------------------------------------------------------
    # RULES certain link: "the number is one wrong digit ... away from the number of exactly one known person, and
    # name (after normalisation), sex and birth agree" -> acted on without review.
    def unit(tag, eff=True, need=None, numf=None, namef=None, birthf=None, state="参保缴费", emp=None, forb=None,
             person=None):
        def f(i):
            p = person(i) if person else w.adult([tag], vill=rand_village(w))
            fl = {"emp": emp or UNIT_EMPLOYERS[i % 4], "state": state}
            if numf:
                fl.update(numf(p, i))
            if namef:
                fl["name"] = namef(p, i)
            if birthf:
                fl.update(birthf(p, i))
            rc = w.rec(p, "shebao", eff=eff, **fl)
            if need:
                w.need(tag, need, [p["num"]], rc)
            if forb:
                w.forbid(tag, forb, [p["num"]])
        times(f)
    unit("unit_typo_certain", numf=lambda p, i: {"num": w.typo(p["num"])})
    # HOMOPHONE: "A homophone (同音字) or a one-character difference is not agreement: such a record is a fuzzy
    # candidate, never a certain repair."
    unit("unit_typo_homophone", eff=False, need=["MATCH_REVIEW"], numf=lambda p, i: {"num": w.typo(p["num"])},
         namef=lambda p, i: p["name"][0] + "".join(HOMO.get(c, c) for c in p["name"][1:]))
    # "Sex and birth that a record has only from its own mistyped number are no evidence."
    unit("unit_typo_no_birth_no_sex", eff=False, need=["MATCH_REVIEW"],
         numf=lambda p, i: {"num": w.typo(p["num"], pos=r.randrange(14, 16)), "nobirth": True, "nosex": True})
    unit("unit_paused", state="暂停缴费")
    unit("unit_terminated_other", state="终止参保", birthf=lambda p, i: {"reason": "其他", "end": E - dt.timedelta(9)})
    # xlsx: "Excel date cells"; a 15-digit legacy number arriving as a numeric cell is still a legacy number.
    unit("unit_legacy15_numeric_cell", numf=lambda p, i: {"numfmt": "15num", "part": "xlsx"})
    unit("unit_traditional_name_typo", numf=lambda p, i: {"num": w.typo(p["num"])},
         namef=lambda p, i: "".join(TRAD.get(c, c) for c in p["name"]),
         person=lambda i: w.adult(["unit_traditional_name_typo"], vill=rand_village(w),
                                  name=["陈", "刘", "张", "杨", "黄", "赵"][i % 6] + ["伟", "强", "军", "华", "丽", "红"][i % 6]))
    # "minority names with a middle dot in several forms ... folded"
    unit("unit_middle_dot_variant_typo", numf=lambda p, i: {"num": w.typo(p["num"])},
         namef=lambda p, i: p["name"].replace("·", ["•", ".", "・", "▪"][i % 4]),
         person=lambda i: (lambda s: w.adult(["unit_middle_dot_variant_typo"], vill=rand_village(w), sex=s,
                                             name=(MINORITY_M if s == "男" else MINORITY_F)[i % 4]))("男女"[i % 2]))
    # "rare characters replaced by * or ?" -> folded
    unit("unit_rare_char_typo", numf=lambda p, i: {"num": w.typo(p["num"])},
         namef=lambda p, i: RARE[i % 5][1],
         person=lambda i: w.adult(["unit_rare_char_typo"], vill=rand_village(w), name=RARE[i % 5][0]))
    # "full-width spaces", "surrounding or inner spaces" -> folded
    unit("unit_fullwidth_space_name_typo", numf=lambda p, i: {"num": w.typo(p["num"])},
         namef=lambda p, i: " " + p["name"][0] + "\u3000" + p["name"][1:] + " ")
    # "lowercase x; full-width digits" in shebao -> the number itself
    def x_person(tag):
        def mk(i):
            while True:
                p = w.adult([tag], vill=rand_village(w))
                if p["num"].endswith("X"):
                    return p
                w.persons.remove(p)
                w.numbers.discard(p["num"])
        return mk
    unit("unit_fullwidth_lower_x", numf=lambda p, i: {"numfmt": "fullwidth_lower"},
         person=x_person("unit_fullwidth_lower_x"))
    # Ambiguous: a swap that moves the check character X into the digits is not "two adjacent digits swapped".
    unit("unit_swap_into_check_X", eff="either",
         numf=lambda p, i: {"num": p["num"][:16] + "X" + p["num"][16]}, person=x_person("unit_swap_into_check_X"))
    # UNIT first: "first rule that gives a district wins"
    def over_res(i):
        p = w.adult(["unit_over_resettled"], vill=COUNTY + "100201")
        w.cases += 1
        w.rec(p, "chaiqian", case="LW-%03d" % w.cases, rel="户主", mode="产权调换", newvill=COUNTY + "100003",
              hand=E - dt.timedelta(100), demol=D(2024, 5, 1), project="柳湾村棚改")
        w.rec(p, "shebao", emp=UNIT_EMPLOYERS[i % 4], state="参保缴费")
    times(over_res)
    def two_recs(i):
        p = w.adult(["unit_two_records_one_active"], vill=rand_village(w))
        w.rec(p, "shebao", emp=OTHER_EMPLOYERS[2], state="终止参保", reason="其他", end=D(2024, 3, 1))
        w.rec(p, "shebao", emp=UNIT_EMPLOYERS[(i + 1) % 4], state="参保缴费", part="csv")
    times(two_recs)
    # twins: same birth, same household; typo one digit from both, the name agrees with one twin only. The spec's
    # "exactly one known person" may count all persons one digit away or only the agreeing ones: either.
    def twins(i):
        v = rand_village(w)
        hh, addr = w.new_hh(v)
        bd = D(r.randrange(1975, 2005), r.randrange(1, 13), r.randrange(1, 29))
        sur = r.choice(SURNAMES)
        head = w.person(sex="男", birth=D(bd.year - 27, 4, 4), vill=v, hh=hh, addr=addr)
        a = w.person(sex="男", birth=bd, name=sur + "浩宇", vill=v, hh=hh, addr=addr, rel="子", tags=["unit_typo_twins"])
        for _ in range(100):
            c = r.choice([d for d in "13579" if d != a["num"][16]])
            s17 = a["num"][:16] + c
            bn = s17 + check_char(s17)
            if bn not in w.numbers and bn[17] != a["num"][17]:
                break
        b = w.person(sex="男", birth=bd, name=sur + "浩然", vill=v, hh=hh, addr=addr, rel="子", seq=bn[14:17],
                     tags=["unit_typo_twins"])
        b["role"] = "twin"
        t = a["num"][:17] + bn[17]
        assert w.neighbours(t) == {a["num"], b["num"]}
        w.rec(a, "shebao", eff="either", num=t, emp=UNIT_EMPLOYERS[i % 4], state="参保缴费")
    times(twins)
    # the two-namesake typo of deprived_typo_two_candidates, now at a unit: "exactly one known person" fails.
    def two_unit(i):
        v = rand_village(w)
        bd = D(r.randrange(1965, 1995), r.randrange(1, 13), r.randrange(1, 29))
        a = w.person(sex="女", birth=bd, name="李秀英", vill=v, tags=["unit_typo_two_namesakes"])
        for _ in range(100):
            c = r.choice([d for d in "02468" if d != a["num"][16]])
            s17 = a["num"][:16] + c
            bn = s17 + check_char(s17)
            if bn not in w.numbers and bn[17] != a["num"][17]:
                break
        b = w.person(sex="女", birth=bd, name="李秀英", vill=rand_village(w), seq=bn[14:17],
                     tags=["unit_typo_two_namesakes"])
        t = a["num"][:17] + bn[17]
        f = w.rec(a, "shebao", eff=False, num=t, emp=UNIT_EMPLOYERS[i % 4], state="参保缴费")
        w.need("unit_typo_two_namesakes", ["MATCH_REVIEW"], [a["num"], b["num"]], f)
        w.allow(LOOSE, [b["num"]], f)
    times(two_unit)
    # Ambiguous: exact number, homophone name (non-police sources have homophones): either.
    unit("unit_homophone_exact_number", eff="either",
         namef=lambda p, i: p["name"][0] + "".join(HOMO.get(c, c) for c in p["name"][1:]))

    # --- resettlement -------------------------------------------------------------------------------------------
    # RULES RESETTLED: "a chaiqian record with 安置方式 产权调换, 交房日期 ≤ E, 安置区划代码 covered by a district".
    def cq(tag, mode="产权调换", hand=E - dt.timedelta(60), newvill=COUNTY + "100003", liudong=None, fam=False,
           member=None):
        def f(i):
            ov = COUNTY + ["100201", "102201", "101202"][i % 3]
            w.cases += 1
            case = "CQ-%04d" % w.cases
            if fam:
                hh, addr = w.new_hh(ov)
                hb = D(r.randrange(1950, 1975), r.randrange(1, 13), r.randrange(1, 29))
                ppl = [w.person(sex="男", birth=hb, vill=ov, hh=hh, addr=addr)]
                cs = r.choice("男女")
                ppl.append(w.person(sex=cs, birth=D(r.randrange(hb.year + 22, 2004), r.randrange(1, 13),
                                                    r.randrange(1, 29)), vill=ov, hh=hh, addr=addr,
                                    rel="子" if cs == "男" else "女"))
            else:
                ppl = [w.adult([], vill=ov)]
            for p in ppl:
                p["tags"].append(tag)
            for j, p in enumerate(ppl):
                f2 = {"case": case, "rel": p["rel"], "mode": mode, "newvill": newvill if mode == "产权调换" else None,
                      "hand": hand if mode == "产权调换" else None, "demol": D(2024, 9, 1),
                      "project": ["柳湾村棚改", "沙坝村水库移民", "下坪村易地扶贫搬迁"][i % 3], "oldaddr": p["addr"]}
                rc = w.rec(p, "chaiqian", **f2)
                if member and j == len(ppl) - 1 and len(ppl) > 1:
                    member(p, rc, i)
                if liudong and j == 0:
                    liudong(p, i)
        times(f)
    cq("resettle_handover_on_E", hand=E)
    cq("resettle_handover_day_after_E", hand=E + dt.timedelta(1))
    cq("resettle_money_only", mode="货币补偿")
    cq("resettle_no_handover_date", hand=None)
    cq("resettle_destination_uncovered", newvill=UNCOVERED)
    # "When RESETTLED and RESIDENCE both apply and give different districts, RESETTLED wins and RESIDENCE_CONFLICT"
    def res_other(p, i):
        w.rec(p, "liudong", hukou=p["vill"], vill=COUNTY + "201201", reg=E - dt.timedelta(300), why="务工")
        w.need("resettle_vs_residence_conflict", ["RESIDENCE_CONFLICT"], [p["num"]])
    cq("resettle_vs_residence_conflict", liudong=res_other)
    def res_same(p, i):
        w.rec(p, "liudong", hukou=p["vill"], vill=COUNTY + "100003", reg=E - dt.timedelta(300), why="投亲")
        w.forbid("resettle_same_as_residence", ["RESIDENCE_CONFLICT"], [p["num"]])
    cq("resettle_same_as_residence", liudong=res_same)
    # certain: "a record without a number that its household is enough to single out: same chaiqian case as
    # linked members, relation to the head consistent, identical name"
    def m_certain(p, rc, i):
        rc["num"] = ""
    cq("resettle_member_no_number_certain", fam=True, member=m_certain)
    # homophone on the number-less member: not identical -> not certain -> MATCH_REVIEW, stays at 户籍地
    def m_homo(p, rc, i):
        rc["num"] = ""
        rc["name"] = p["name"][0] + "".join(HOMO.get(c, c) for c in p["name"][1:])
        rc["eff"] = False
        w.need("resettle_member_no_number_homophone", ["MATCH_REVIEW"], [p["num"]], rc)
    cq("resettle_member_no_number_homophone", fam=True, member=m_homo)
    # relation inconsistent with the register -> not certain
    def m_rel(p, rc, i):
        rc["num"] = ""
        rc["rel"] = {"配偶": "母", "子": "父", "女": "配偶", "父": "子", "母": "女", "户主": "子"}.get(p["rel"], "父")
        rc["eff"] = False
        w.need("resettle_member_no_number_relation_wrong", ["MATCH_REVIEW"], [p["num"]], rc)
    cq("resettle_member_no_number_relation_wrong", fam=True, member=m_rel)

    # --- identity -----------------------------------------------------------------------------------------------
    # SOURCES huji: "one person registered in two households (一人多户), usually with a second number that is ...
    # legacy 15-digit"; RULES: "resolve them to one person and list them once".
    def multi15(tag, other_district):
        def f(i):
            p = w.adult([tag], vill=rand_village(w), birth=D(r.randrange(1950, 1990), r.randrange(1, 13), 11))
            if other_district:
                v2 = rand_village(w, exclude_township=p["vill"][6:9])
                p["alt_district"] = V2D[v2]
            else:
                v2 = p["vill"]
            hh, addr = w.new_hh(v2)
            w.rec(p, "huji", numfmt="15", hh=hh, addr=addr, vill=v2, rel="户主", part=2)
        times(f)
    multi15("multi_household_legacy15_same_district", False)
    multi15("multi_household_legacy15_two_districts", True)
    def multi_typo(i):
        p = w.adult(["multi_household_typo_certain"], vill=rand_village(w))
        hh, addr = w.new_hh(p["vill"])
        w.rec(p, "huji", num=w.typo(p["num"]), hh=hh, addr=addr, vill=p["vill"], rel="户主", part=2)
        w.allow(LOOSE, [p["num"]])
    times(multi_typo)
    # PERSON_MULTI_RECORD: "'seems' needs a tie beyond name, sex and birth date (same dwelling or household, ...,
    # a former name)" -> two valid numbers, same household, one's 曾用名 is the other's name.
    def multi_former(i):
        p = w.adult(["multi_record_former_name"], vill=rand_village(w))
        other = w.new_number(p["birth"], p["sex"])
        f = w.rec(p, "huji", num=other, name=p["name"][0] + "志" + p["name"][-1], former=p["name"], hh=p["hh"],
                  addr=p["addr"], vill=p["vill"], rel="户主", part=2)
        p["extra_numbers"].append(other)
        w.need("multi_record_former_name", ["PERSON_MULTI_RECORD"], [p["num"], other], f)
        w.allow(LOOSE, [p["num"], other])
    times(multi_former)
    # the same tie, "same dwelling or household", with the same name, sex and birth under two valid numbers
    def multi_same_hh(i):
        p = w.adult(["multi_record_same_household"], vill=rand_village(w))
        other = w.new_number(p["birth"], p["sex"])
        f = w.rec(p, "huji", num=other, hh=p["hh"], addr=p["addr"], vill=p["vill"], rel="户主", part=2)
        p["extra_numbers"].append(other)
        w.need("multi_record_same_household", ["PERSON_MULTI_RECORD"], [p["num"], other], f)
        w.allow(LOOSE, [p["num"], other])
    times(multi_same_hh)
    # "two records under different valid numbers at different addresses with nothing else in common are two people
    # and raise nothing"
    def apart(i):
        a = w.adult(["namesakes_apart"], vill=rand_village(w))
        b = w.adult(["namesakes_apart"], vill=rand_village(w, exclude_township=a["vill"][6:9]), name=a["name"],
                    sex=a["sex"], birth=a["birth"])
        w.forbid("namesakes_apart", ["PERSON_MULTI_RECORD"], [a["num"], b["num"]])
    times(apart)
    # 重号: "Two different people under one number are two people: list both if both qualify, and raise ID_SHARED."
    def shared(i):
        a = w.adult(["id_shared"], vill=rand_village(w), sex="男", birth=D(1970 + i, 6, 6))
        b = w.adult(["id_shared"], vill=rand_village(w), sex="女", birth=D(1985 + i, 2, 2))
        w.numbers.discard(b["num"])
        b["num"] = a["num"]
        b["recs"][0]["num"] = a["num"]
        a["shared"] = b["shared"] = True
        b["prev"] = "NONE"
        w.need("id_shared", ["ID_SHARED"], [a["num"]])
    times(shared)
    # ID_INVALID: "a number fails validation and the record could not be linked to a person". Whether the huji row
    # itself is listed under an invalid number the spec does not say: either.
    def only_invalid(i):
        p = w.adult(["huji_only_record_invalid_number"], vill=rand_village(w))
        w.numbers.discard(p["num"])
        bad = p["num"][:17] + ("0" if p["num"][17] != "0" else "1")
        p["num"] = bad
        p["recs"][0]["num"] = bad
        p["invalid"] = True
        w.need("huji_only_record_invalid_number", ["ID_INVALID"], [bad], p["recs"][0])
        p["prev"] = "NONE"
    times(only_invalid)
    def only15(i):
        p = w.adult(["huji_only_record_legacy15"], vill=rand_village(w), birth=D(r.randrange(1940, 1980), 7, 7))
        p["recs"][0]["numfmt"] = "15"
    times(only15)
    def huji_x(i):
        p = x_person("huji_number_lower_x_spaces")(i)
        p["recs"][0]["numfmt"] = "lower_spaces"
    times(huji_x)
    # SOURCES: GB18030 (4-byte characters) or UTF-8, detected; the name on the roll is the police spelling.
    def rare(i):
        p = w.adult(["gb18030_four_byte_name"], vill=rand_village(w), name=RARE[(i + 2) % 5][0])
        p["recs"][0]["part"] = 1
        w.rec(p, "shebao", name=RARE[(i + 2) % 5][1], emp=OTHER_EMPLOYERS[3], state="参保缴费")
    times(rare)

    # --- previous roll --------------------------------------------------------------------------------------------
    # RULES: the previous roll is "a baseline given as a directory of roll files"; a renamed person is the same
    # number: 保留, nothing added or removed.
    def renamed(i):
        p = w.adult(["prev_roll_renamed"], vill=rand_village(w))
        old = p["name"]
        p["name"] = p["name"][0] + "思" + p["name"][-1]
        p["recs"][0]["name"] = p["name"]
        p["recs"][0]["former"] = old
        p["prev_name"] = old
    times(renamed)
    # Removed: "其他 (military, emigrated, cancelled, no district, a duplicate line)". A line whose number is in
    # no source: the spec names no reason -> 其他 or 迁出.
    def vanished(i):
        sex = r.choice("男女")
        bd = D(r.randrange(1950, 1995), r.randrange(1, 13), r.randrange(1, 29))
        n = w.new_number(bd, sex)
        d = V2D[rand_village(w)]
        w.prev_extra.append({"district": d, "name": w.pick_name(sex), "sex": sex, "birth": bd, "num": n,
                             "tag": "prev_roll_vanished"})
    times(vanished)
    def dup(i):
        p = w.adult(["prev_roll_duplicate_line"], vill=rand_village(w))
        p["prev_dup"] = True
    times(dup)
    # register moved to another village in another district: 迁入 there, 迁出 here
    def moved(i):
        p = w.adult(["prev_roll_other_district"], vill=rand_village(w))
        other = [d for d in V2D.values() if d != V2D[p["vill"]]]
        p["prev"] = ("L", r.choice(other))
    times(moved)
    # "Where several reasons apply, the first in these lists is written": dead and deprived -> 死亡
    def dead_dep(i):
        p = w.adult(["prev_roll_dead_and_deprived"], vill=rand_village(w))
        p["status"], p["sdate"] = "死亡", E - dt.timedelta(200)
        w.rec(p, "minzheng", death=E - dt.timedelta(201))
        w.rec(p, "xuanwei", type="剥夺政治权利", start=D(2023, 1, 1), end=None, body="青枫县人民法院")
    times(dead_dep)
    def mil(i):
        p = w.adult(["prev_roll_military"], vill=rand_village(w), sex="男", birth=D(2001, 1 + i, 3))
        p["status"], p["sdate"] = "服兵役", D(2022, 9, 1)
    times(mil)
    # CANCELLED: huji 注销; register in the county, so not an in-migrant either.
    def cancelled(i):
        p = w.adult(["cancelled_with_residence"], vill=rand_village(w))
        p["status"], p["sdate"] = "注销", D(2024, 4, 4)
        w.rec(p, "liudong", hukou=p["vill"], vill=rand_village(w), reg=D(2024, 1, 1), why="其他")
    times(cancelled)
    more_scenarios(w, times, unit, cq, inm, renhu, x_person)


def more_scenarios(w, times, unit, cq, inm, renhu, x_person):
    r, k = w.r, w.k
    # RULES ID_SHARED: "one number carried by records that are clearly different people"; a death notice under a
    # living person's number with another name and sex is not that person's death for certain: the spec has both
    # "linked by the identity number" (DECEASED) and "disagrees with the rest of the record" -> either listing,
    # but an item must name the holder of the number.
    def other_death(i):
        p = w.adult(["death_notice_number_of_other_person"], vill=rand_village(w))
        osex = "女" if p["sex"] == "男" else "男"
        f = w.rec(p, "minzheng", eff="either", name=w.pick_name(osex)[0] + ["德福", "桂芝", "守义", "淑珍", "有才",
                                                                        "翠兰"][i % 6], sex=osex,
                  death=E - dt.timedelta(days=33))
        w.need("death_notice_number_of_other_person", ["ID_SHARED", "DEATH_REVIEW", "MATCH_REVIEW"], [p["num"]], f)
        w.allow(["DEATH_CONFLICT", "ID_SHARED"], [p["num"]], f)
    times(other_death)
    # certain links are only "one wrong digit or one swap of adjacent digits"; a missing or an extra digit, or two
    # wrong digits, is a fuzzy candidate -> MATCH_REVIEW ("names its likeliest people ... same name and birth").
    unit("unit_number_digit_missing_or_extra", eff=False, need=["MATCH_REVIEW"],
         numf=lambda p, i: {"num": p["num"][:10] + p["num"][11:] if i % 2 else p["num"][:10] + "5" + p["num"][10:]})

    def two_wrong(p, i):
        for _ in range(200):
            a, b = r.randrange(6, 10), r.randrange(14, 17)
            t = list(p["num"])
            t[a] = r.choice([c for c in "0123456789" if c != t[a]])
            t[b] = r.choice([c for c in "0123456789" if c != t[b]])
            t = "".join(t)
            if not valid18(t) and not w.neighbours(t):
                return {"num": t}
        raise RuntimeError
    unit("unit_two_digits_wrong", eff=False, need=["MATCH_REVIEW"], numf=two_wrong)
    unit("unit_typo_in_area_code", numf=lambda p, i: {"num": w.typo(p["num"], pos=i % 6)})
    # "Same name, sex and birth date alone never prove one person" -> a number-less insurance row at a unit
    unit("unit_empty_number_unique_name", eff=False, need=["MATCH_REVIEW"], numf=lambda p, i: {"num": ""},
         person=lambda i: w.adult(["unit_empty_number_unique_name"], vill=rand_village(w),
                                  name="上官" + ["婉清", "云飞", "雪莹", "少杰", "若兰", "文轩", "诗雨", "承泽"][i % 8]))
    # UNIT is a rule of its own; a register village outside every district does not matter then
    unit("unit_hukou_uncovered", forb=["NO_DISTRICT"],
         person=lambda i: w.adult(["unit_hukou_uncovered"], vill=UNCOVERED))

    # chaiqian has no sex or birth: the digit rule needs "name ..., sex and birth agree", the household rule "a
    # record without a number" -> a member with a mistyped number is not certain.
    def m_typo(p, rc, i):
        rc["num"] = w.typo(p["num"])
        rc["eff"] = False
        w.need("resettle_member_typo_number", ["MATCH_REVIEW"], [p["num"]], rc)
    cq("resettle_member_typo_number", fam=True, member=m_typo)

    # "same chaiqian case as linked members": with no member linked, no number-less row is certain
    def all_nonum(i):
        ov = COUNTY + ["100201", "102201", "101202"][i % 3]
        w.cases += 1
        case = "CQ-%04d" % w.cases
        hh, addr = w.new_hh(ov)
        ppl = [w.person(sex="男", birth=D(r.randrange(1950, 1975), 3, 3), vill=ov, hh=hh, addr=addr,
                        tags=["resettle_household_all_without_numbers"],
                        name="司马" + ["光远", "德明", "守仁", "继先", "永年", "承志"][i % 6])]
        ppl.append(w.person(sex="女", birth=D(r.randrange(1950, 1975), 4, 4), vill=ov, hh=hh, addr=addr, rel="配偶",
                            tags=["resettle_household_all_without_numbers"]))
        for p in ppl:
            rc = w.rec(p, "chaiqian", eff=False, num="", case=case, rel=p["rel"], mode="产权调换",
                       newvill=COUNTY + "100003", hand=E - dt.timedelta(90), demol=D(2024, 9, 1), project="柳湾村棚改",
                       oldaddr=addr)
            w.need("resettle_household_all_without_numbers", ["MATCH_REVIEW"], [p["num"]], rc)
    times(all_nonum)

    # RULES MOVED_OUT: "huji 迁出 (household register moved out of the county)"; a 迁出 to a village of this county
    # with the same number 正常 there is a move inside the county (迁入/迁出 between districts).
    def within(i):
        old = rand_village(w)
        new = rand_village(w, exclude_township=old[6:9])
        p = w.adult(["huji_moved_within_county_two_records"], vill=new)
        ohh, oaddr = w.new_hh(old)
        w.rec(p, "huji", hh=ohh, addr=oaddr, vill=old, rel="户主", status="迁出", sdate=D(2024, 5, 6), dest=new,
              part=2)
        p["prev"] = ("L", V2D[old])
    times(within)

    # DEPRIVED "unless a 恢复政治权利 for the same person starts later": the same person under two number forms
    def restore_forms(i):
        p = w.adult(["restore_number_forms_differ"], vill=rand_village(w), birth=D(r.randrange(1950, 1990), 8, 8))
        w.rec(p, "xuanwei", numfmt="15", type="剥夺政治权利", start=D(2019, 1, 1), end=None, body="青枫县人民法院")
        w.rec(p, "xuanwei", type="恢复政治权利", start=D(2025, 1, 1), end=None, body="青枫县人民法院")
        p["prev"] = "DEP"
    times(restore_forms)
    # a restoration under a mistyped number is an uncertain link that would change a listing -> MATCH_REVIEW
    def restore_typo(i):
        p = w.adult(["restore_typo_number"], vill=rand_village(w))
        w.rec(p, "xuanwei", type="剥夺政治权利", start=D(2019, 1, 1), end=None, body="青枫县人民法院")
        f = w.rec(p, "xuanwei", eff=False, num=w.typo(p["num"]), type="恢复政治权利", start=D(2025, 1, 1), end=None)
        w.need("restore_typo_number", ["MATCH_REVIEW"], [p["num"]], f)
        p["prev"] = "DEP"
    times(restore_typo)

    # the proof itself linked only through a mistyped number (waidi has no sex or birth) -> not listed, MATCH_REVIEW
    def proof_typo(p, i):
        for x in p["recs"]:
            if x["src"] == "waidi":
                x["num"], x["eff"] = w.typo(p["num"]), False
                w.need("inmigrant_proof_typo_number", ["MATCH_REVIEW"], [p["num"]], x)
    inm("inmigrant_proof_typo_number", E - dt.timedelta(500), extra=proof_typo)
    def liu15(p, i):
        p["recs"][0]["numfmt"] = "15"
    inm("inmigrant_liudong_legacy15", E - dt.timedelta(500), birth=D(1972, 10, 10), extra=liu15)
    # two residence registrations, one ended: the active one decides
    def two_liu(p, i):
        p["recs"][0]["vill"] = COUNTY + "201201"
        w.rec(p, "liudong", hukou=p["outside"], vill=COUNTY + "100003", reg=D(2020, 1, 1), end=D(2024, 12, 31),
              why="务工")
    inm("inmigrant_two_liudong_one_ended", D(2025, 1, 2), extra=two_liu)
    # in-migrants are considered persons: a rights decision applies to them too (and they stay in the book)
    def inm_dep(p, i):
        w.rec(p, "xuanwei", type="剥夺政治权利", start=D(2025, 5, 5), end=None, body=OUTSIDE_NAMES[p["outside"]] + "人民法院")
    inm("inmigrant_proof_deprived", E - dt.timedelta(600), extra=inm_dep)

    def renhu2(i):
        p = w.adult(["renhu_two_liudong_one_ended"], vill=COUNTY + "100201")
        w.rec(p, "liudong", hukou=p["vill"], vill=COUNTY + "102001", reg=D(2019, 1, 1), end=D(2023, 1, 1), why="务工")
        w.rec(p, "liudong", hukou=p["vill"], vill=COUNTY + "201202", reg=D(2023, 1, 2), why="务工")
    times(renhu2)
    # 保留: same district, another basis (register village and residence village in one district)
    def same_d(i):
        d = [x for x in RES_DISTRICTS if len(x[2]) > 1][i % 7]
        p = w.adult(["prev_same_district_new_basis"], vill=COUNTY + d[2][0])
        w.rec(p, "liudong", hukou=p["vill"], vill=COUNTY + d[2][1], reg=D(2024, 2, 2), why="投亲")
        p["prev"] = ("L", d[0])
    times(same_d)
    # a person on two districts' previous rolls: removed from the other one (迁出, or 其他 as a duplicate line)
    def two_prev(i):
        p = w.adult(["prev_roll_two_districts"], vill=rand_village(w))
        p["prev_other"] = r.choice([d for d in V2D.values() if d != V2D[p["vill"]]])
    times(two_prev)
    # away book via a 15-digit number in the survey
    def away15(i):
        p = w.adult(["away_legacy15_number"], vill=rand_village(w), birth=D(r.randrange(1960, 1990), 1, 20))
        w.tongji_seq += 1
        w.rec(p, "tongji", tid="TJ%06d" % w.tongji_seq, vill=p["vill"], addr=p["addr"], state="外出", dest="境外",
              withnum=True, origin="本村(居)", numfmt="15")
    times(away15)
    # a household register row delivered in both parts: one person, one line
    def both_parts(i):
        p = w.adult(["huji_same_row_in_both_parts"], vill=rand_village(w))
        p["recs"][0]["part"] = 1
        w.rec(p, "huji", hh=p["hh"], addr=p["addr"], vill=p["vill"], rel="户主", part=2)
    times(both_parts)
    # 重号 with one holder under 18: "list both if both qualify"
    def shared_minor(i):
        a = w.adult(["id_shared_one_minor"], vill=rand_village(w), sex="女", birth=D(1975 + i, 9, 9))
        b = w.adult(["id_shared_one_minor"], vill=rand_village(w), sex="男", birth=D(2010, 1 + i, 1))
        w.numbers.discard(b["num"])
        b["num"] = a["num"]
        b["recs"][0]["num"] = a["num"]
        a["shared"] = b["shared"] = True
        w.need("id_shared_one_minor", ["ID_SHARED"], [a["num"]])
    times(shared_minor)

    # SOURCES: ".xlsx: first sheet, first row is the header"; "Excel date cells in .xlsx". Formula cells carry their
    # value; cell references are optional; a workbook saved in the 1904 date system has its own day zero.
    unit("xlsx_formula_string_cells", numf=lambda p, i: {"part": "xlsx", "xlsx_style": "formula"})
    unit("xlsx_row_without_cell_refs", numf=lambda p, i: {"part": "xlsx", "xlsx_style": "noref"})
    def mac(tag, hand):
        def f(i):
            p = w.adult([tag], vill=COUNTY + "102201")
            w.cases += 1
            w.rec(p, "chaiqian", case="MAC-%03d" % w.cases, rel="户主", mode="产权调换", newvill=COUNTY + "100003",
                  hand=hand, demol=D(2024, 5, 1), project="沙坝村水库移民", part="mac")
        times(f)
    mac("xlsx_date1904_handover_day_after_E", E + dt.timedelta(1))
    mac("xlsx_date1904_handover_before_E", E - dt.timedelta(10))
    # RULES in-migrant book: "completed calendar months"; a registration on the 31st or on 29 Feb has no day of
    # its own in February 2026: 12 or 13 / 23 or 24, eligible either way.
    def mend(p, i):
        p["months_alt"] = [13]
    inm("inmigrant_registered_jan31", D(2025, 1, 31), proof=False, extra=mend)
    def mfeb(p, i):
        p["months_alt"] = [24]
    inm("inmigrant_registered_feb29", D(2024, 2, 29), proof=False, extra=mfeb)
    # Added: "恢复政治权利 (not listed before because of DEPRIVED/SUSPENDED/UNABLE)"
    def was(tag, t, s, e):
        def f(i):
            p = w.adult([tag], vill=rand_village(w), birth=D(r.randrange(1950, 1995), 2, 2))
            w.rec(p, "xuanwei", type=t, start=s, end=e, body="青枫县人民法院")
            p["prev"] = "DEP"
        times(f)
    was("unable_ended_now_listed", "不能行使选举权利", D(2020, 1, 1), D(2025, 1, 1))
    was("suspended_released_now_listed", "停止行使选举权利", D(2020, 6, 1), D(2021, 6, 1))
    # Removed: "Where several reasons apply, the first in these lists is written"
    def both(tag, setup):
        def f(i):
            p = w.adult([tag], vill=rand_village(w), sex="男", birth=D(r.randrange(1960, 2001), 6, 6))
            setup(p, i)
        times(f)
    def mo_re(p, i):
        p["status"], p["sdate"], p["dest"] = "迁出", D(2023, 3, 3), OUTSIDE[i % 7]
        w.rec(p, "waidi", type="已在外地登记", other=OUTSIDE[i % 7], date=D(2023, 9, 9))
    both("removed_moved_out_and_registered_elsewhere", mo_re)
    def mil_dep(p, i):
        p["status"], p["sdate"] = "服兵役", D(2022, 9, 1)
        w.rec(p, "xuanwei", type="剥夺政治权利", start=D(2024, 1, 1), end=None, body="青枫县人民法院")
    both("removed_military_and_deprived", mil_dep)
    def un_re(p, i):
        w.rec(p, "xuanwei", type="不能行使选举权利", start=D(2024, 1, 1), end=None, body="青枫县选举委员会")
        w.rec(p, "waidi", type="已在外地登记", other=OUTSIDE[i % 7], date=D(2025, 9, 9))
    both("removed_unable_and_registered_elsewhere", un_re)
    # Who is considered 1: "Everyone with a huji record whose 户籍地区划代码 lies in the county" - not a row elsewhere
    def outside_row(i):
        p = w.adult(["huji_row_outside_county"], vill=rand_village(w))
        code = OUTSIDE[i % 7] + "001001"
        p["vill"] = p["recs"][0]["vill"] = code
        p["addr"] = p["recs"][0]["addr"] = OUTSIDE_NAMES[OUTSIDE[i % 7]] + "人民路%d号" % (i + 1)
        p["native"], p["outside"], p["prev"] = False, OUTSIDE[i % 7], "NONE"
    times(outside_row)
    # a residence registration in the register village itself: RESIDENCE is the rule that applies (居住地), though
    # liudong is meant for "another village"; same district either way.
    def same_v(i):
        p = w.adult(["liudong_same_village_as_hukou"], vill=rand_village(w))
        w.rec(p, "liudong", hukou=p["vill"], vill=p["vill"], reg=D(2022, 2, 2), why="其他")
        p["alt_basis"] = "户籍地"
    times(same_v)
    # an in-migrant with proof who died here: DECEASED; whether the dead are "living in the county" for the book
    # the spec does not say.
    def inm_died(p, i):
        w.rec(p, "minzheng", death=E - dt.timedelta(days=44))
        p["book_optional"] = True
    inm("inmigrant_proof_died", E - dt.timedelta(800), extra=inm_died)
    # one person in two households, the legacy-form record says 死亡: DECEASED ("huji 人员状态 死亡")
    def one_dead(i):
        p = w.adult(["multi_household_one_dead"], vill=rand_village(w), birth=D(r.randrange(1935, 1960), 4, 4))
        hh, addr = w.new_hh(p["vill"])
        w.rec(p, "huji", numfmt="15", hh=hh, addr=addr, vill=p["vill"], rel="户主", status="死亡",
              sdate=D(2025, 7, 7), part=2)
    times(one_dead)

    # "A record that could change someone's listing ... and is linked to nobody for certain still names its likeliest
    # people ... in its MATCH_REVIEW; it is never dropped without an item" - removal evidence under a number with a
    # digit missing or one too many: the person stays listed and an item names them or cites the row.
    def short(tag, src, fields, types):
        def f(i):
            p = w.adult([tag], vill=rand_village(w))
            n = p["num"][:9] + p["num"][10:] if i % 2 == 0 else p["num"][:12] + "0" + p["num"][12:]
            rc = w.rec(p, src, eff=False, num=n, **fields)
            w.need(tag, types, [p["num"]], rc)
        times(f)
    short("xuanwei_number_digit_missing_or_extra", "xuanwei",
          {"type": "剥夺政治权利", "start": D(2025, 4, 4), "end": None, "body": "青枫县人民法院"},
          ["MATCH_REVIEW", "ID_INVALID"])
    short("death_number_digit_missing_or_extra", "minzheng", {"death": E - dt.timedelta(days=25)},
          ["DEATH_REVIEW", "MATCH_REVIEW", "ID_INVALID"])
    short("registered_elsewhere_number_digit_missing_or_extra", "waidi",
          {"type": "已在外地登记", "other": "510104", "date": E - dt.timedelta(days=25)}, ["MATCH_REVIEW", "ID_INVALID"])
    # a death notice under the exact number whose date is unreadable: acted on (DECEASED + DEATH_CONFLICT) or held
    # back with an item; never silently dropped.
    def undated(i):
        p = w.adult(["death_date_unreadable"], vill=rand_village(w))
        rc = w.rec(p, "minzheng", eff="either", death=E - dt.timedelta(days=8), death_raw=["不详", "2026-02-30",
                                                                                          "2026年13月2日"][i % 3])
        w.need("death_date_unreadable", ["DEATH_CONFLICT", "DEATH_REVIEW", "MATCH_REVIEW", "ID_INVALID"], [p["num"]],
               rc)
    times(undated)
    # more of "Where several reasons apply, the first in these lists is written"
    def can_re(p, i):
        p["status"], p["sdate"] = "注销", D(2024, 8, 8)
        w.rec(p, "waidi", type="已在外地登记", other=OUTSIDE[i % 7], date=D(2025, 1, 9))
    both("removed_cancelled_and_registered_elsewhere", can_re)
    def emi_sus(p, i):
        p["status"], p["sdate"] = "出国定居", D(2024, 8, 8)
        w.rec(p, "xuanwei", type="停止行使选举权利", start=D(2025, 10, 1), end=D(2026, 6, 30), body="青枫县人民检察院")
    both("removed_emigrated_and_suspended", emi_sus)

    # liudong as .xlsx ("Sources shebao and chaiqian often come as .xlsx; any source may"): date cells on the edges
    def lx(tag, reg, end):
        def f(i):
            hv = rand_village(w)
            p = w.adult([tag], vill=hv)
            w.rec(p, "liudong", hukou=hv, vill=rand_village(w, exclude_township=hv[6:9]), reg=reg, end=end,
                  why="务工", part="xlsx")
        times(f)
    lx("liudong_xlsx_registered_on_E", E, None)
    lx("liudong_xlsx_ended_on_E", D(2023, 3, 3), E)
    lx("liudong_xlsx_ends_day_after_E", D(2023, 3, 3), E + dt.timedelta(1))
    def lx15(p, i):
        p["recs"][0].update(part="xlsx", numfmt="15num")
    inm("inmigrant_liudong_xlsx_legacy15_numeric", E - dt.timedelta(450), birth=D(1969, 11, 11), extra=lx15)

    # RULES: "When no rule gives a district, the person is not listed and NO_DISTRICT is raised" - in-migrants too
    inm("inmigrant_proof_uncovered_village", E - dt.timedelta(700), vill=UNCOVERED)
    # the 29 Feb rule for an in-migrant whose birth comes from the residence registration
    inm("inmigrant_feb29_18_on_E", E - dt.timedelta(500), birth=D(2008, 2, 29))
    # away book: "listed voters whom tongji reports 外出" - in the district they are listed in (here a unit)
    def away_unit(i):
        p = w.adult(["away_unit_voter"], vill=rand_village(w))
        w.rec(p, "shebao", emp=UNIT_EMPLOYERS[i % 4], state="参保缴费")
        w.tongji_seq += 1
        w.rec(p, "tongji", tid="TJ%06d" % w.tongji_seq, vill=p["vill"], addr=p["addr"], state="外出", dest="外县",
              withnum=True, origin="本村(居)")
    times(away_unit)
    # a death notice one digit from two namesakes (same name, sex, birth): removes nobody, names both
    def death_two(i):
        v = rand_village(w)
        bd = D(r.randrange(1940, 1970), r.randrange(1, 13), r.randrange(1, 29))
        a = w.person(sex="男", birth=bd, name="张建国", vill=v, tags=["death_typo_two_namesakes"])
        for _ in range(100):
            c = r.choice([d for d in "13579" if d != a["num"][16]])
            s17 = a["num"][:16] + c
            bn = s17 + check_char(s17)
            if bn not in w.numbers and bn[17] != a["num"][17]:
                break
        b = w.person(sex="男", birth=bd, name="张建国", vill=rand_village(w), seq=bn[14:17],
                     tags=["death_typo_two_namesakes"])
        t = a["num"][:17] + bn[17]
        f = w.rec(a, "minzheng", eff=False, num=t, death=E - dt.timedelta(days=12))
        for q in (a, b):
            w.need("death_typo_two_namesakes", ["DEATH_REVIEW", "MATCH_REVIEW"], [q["num"]], f)
            w.allow(LOOSE, [q["num"]], f)
    times(death_two)
    # xlsx: sex as a numeric cell 1/2 and birth as a date cell must still agree for the certain digit repair
    unit("xlsx_numeric_sex_date_birth_typo", numf=lambda p, i: {"num": w.typo(p["num"]), "part": "xlsx",
                                                                "sexnum": True})


# =================================================================================================================
# truth
# =================================================================================================================
STATUS = {"死亡": "DECEASED", "迁出": "MOVED_OUT", "服兵役": "MILITARY", "出国定居": "EMIGRATED", "注销": "CANCELLED"}
REMOVE_ORDER = [("DECEASED", "死亡"), ("DEPRIVED", "剥夺政治权利"), ("SUSPENDED", "停止行使选举权利"),
                ("UNABLE", "不能行使选举权利"), ("MOVED_OUT", "迁出"), ("REGISTERED_ELSEWHERE", "外地登记")]


def rights(recs, day):
    out = []
    deps = [x for x in recs if x["type"] == "剥夺政治权利"]
    rest = [x for x in recs if x["type"] == "恢复政治权利"]
    for x in deps:
        if x["start"] <= day and (x["end"] is None or x["end"] >= day):
            if not any(y["start"] > x["start"] and y["start"] <= day for y in rest):
                out.append("DEPRIVED")
    for t, c in (("停止行使选举权利", "SUSPENDED"), ("不能行使选举权利", "UNABLE")):
        if any(x["type"] == t and x["start"] <= day and (x["end"] is None or x["end"] >= day) for x in recs):
            out.append(c)
    return out


def active(l, day):
    return l["reg"] <= day and (l.get("end") is None or l["end"] > day)


def outcome(p, use):
    """('L', district, basis, conflict) or ('N', reasons). use(rec) says whether a record counts."""
    R = [x for x in p["recs"] if use(x)]
    reasons = []
    lv = [x for x in R if x["src"] == "liudong" and active(x, E)]
    proof = [x for x in R if x["src"] == "waidi" and x["type"] == "原选区资格证明"]
    if not p["native"]:
        if not (lv and proof):
            return ("N", ["NOT_CONSIDERED"])
    else:
        for x in R:
            st = x.get("status", p["status"]) if x["src"] == "huji" else "正常"
            if st == "迁出" and x.get("dest", p["dest"])[:6] == COUNTY:
                continue
            if st != "正常" and STATUS[st] not in reasons:
                reasons.append(STATUS[st])
    if any(x["src"] == "minzheng" for x in R) or any(x["src"] == "shebao" and x.get("reason") == "死亡" for x in R):
        if "DECEASED" not in reasons:
            reasons.append("DECEASED")
    if under18(p["birth"], E):
        reasons.append("UNDER_18")
    reasons += rights([x for x in R if x["src"] == "xuanwei"], E)
    if any(x["src"] == "waidi" and x["type"] == "已在外地登记" and x["date"] <= E for x in R):
        reasons.append("REGISTERED_ELSEWHERE")
    if reasons:
        return ("N", reasons)
    for x in R:
        if x["src"] == "shebao" and x["state"] == "参保缴费" and x["emp"][1] in C2U:
            return ("L", C2U[x["emp"][1]], "工作单位", False)
    rd = None
    for x in R:
        if x["src"] == "chaiqian" and x["mode"] == "产权调换" and x["hand"] and x["hand"] <= E and x["newvill"] in V2D:
            rd = V2D[x["newvill"]]
    ld = None
    for x in lv:
        if x["vill"] in V2D:
            ld = V2D[x["vill"]]
    if rd:
        return ("L", rd, "安置地", bool(ld and ld != rd))
    if ld:
        return ("L", ld, "资格证明" if not p["native"] else "居住地", False)
    if p["native"] and p["vill"] in V2D:
        return ("L", V2D[p["vill"]], "户籍地", False)
    return ("N", ["NO_DISTRICT"])


def prev_state(p, now):
    """the previous roll: who was listed where on PREV_E (background: derived; scenarios may set it)"""
    if p["prev"] != "auto":
        return p["prev"]
    if not p["native"]:
        return "NEW"
    if under18(p["birth"], PREV_E):
        return "U18"
    if p["status"] != "正常" and p["sdate"] and p["sdate"] < PREV_E:
        return "NONE"
    rs = rights([x for x in p["recs"] if x["src"] == "xuanwei" and x["eff"] is True], PREV_E)
    if rs:
        return "DEP"
    if now[0] == "L":
        return ("L", now[1])
    if p["vill"] in V2D:
        return ("L", V2D[p["vill"]])
    return "NONE"


def build_truth(w):
    persons, books_added, books_removed, away, inbook = [], [], [], [], []
    for p in w.persons:
        eithers = [x for x in p["recs"] if x["eff"] == "either"]
        outs = []
        for mask in range(1 << len(eithers)):
            on = {id(x) for j, x in enumerate(eithers) if mask >> j & 1}
            outs.append(outcome(p, lambda x: x["eff"] is True or id(x) in on))
        # one person in two households with the 15-digit form in another district: either register address
        if p.get("alt_district") and outs[0][0] == "L" and outs[0][2] == "户籍地":
            outs.append(("L", p["alt_district"], "户籍地", False))
        if p.get("alt_basis") and outs[0][0] == "L":
            outs.append(("L", outs[0][1], p["alt_basis"], False))
        uniq = []
        for o in outs:
            key = o[:3] if o[0] == "L" else ("N",)
            if key not in [u[:3] if u[0] == "L" else ("N",) for u in uniq]:
                uniq.append(o)
        now = outs[0]
        ps = prev_state(p, now)
        p["prev_resolved"] = ps
        if p.get("invalid"):
            uniq = [("N", ["ID_INVALID"])] + [o for o in uniq if o[0] == "L"]
        definite = len(uniq) == 1 and not p.get("shared")
        persons.append({"pid": p["pid"], "num": p["num"], "name": p["name"], "tags": p["tags"],
                        "role": p.get("role", ""), "shared": bool(p.get("shared")),
                        "outcomes": [list(o[:3]) if o[0] == "L" else ["N", o[1]] for o in uniq],
                        "prev": ps if isinstance(ps, str) else "L:" + ps[1], "definite": definite,
                        "extra_numbers": p["extra_numbers"], "invalid": bool(p.get("invalid")),
                        "town": p["vill"][:9] if p["native"] else ""})
        # required items that follow from the outcome
        for o in uniq:
            if o[0] == "L" and o[3]:
                if not any(q["tag"] == "resettle_vs_residence_conflict" and p["num"] in q["numbers"] for q in w.required):
                    w.allow(["RESIDENCE_CONFLICT"], [p["num"]])
        if now[0] == "N" and "NO_DISTRICT" in now[1]:
            if not any("NO_DISTRICT" in q["types"] and p["num"] in q["numbers"] for q in w.required):
                w.need("(background)", ["NO_DISTRICT"], [p["num"]])
        deaths = [x for x in p["recs"] if x["eff"] is True and (x["src"] == "minzheng" or
                                                              (x["src"] == "shebao" and x.get("reason") == "死亡"))]
        if deaths and p["native"] and p["status"] == "正常":
            w.need(p["tags"][0] if p["tags"] else "(background)", ["DEATH_CONFLICT"], [p["num"]])
        if deaths and p["native"] and p["status"] == "死亡":
            w.allow(["DEATH_CONFLICT"], [p["num"]])
        if any(x["eff"] is not True for x in p["recs"]) or p.get("role") == "twin":
            w.allow(LOOSE, [p["num"]])
        # in-migrant book
        lv = [x for x in p["recs"] if x["src"] == "liudong" and x["eff"] is True and active(x, E)]
        if not p["native"] and lv:
            listed_somehow = any(o[0] == "L" for o in uniq)
            if not listed_somehow:
                m = months_between(lv[0]["reg"], E)
                proof = any(x["src"] == "waidi" and x["type"] == "原选区资格证明" and x["eff"] is True
                            for x in p["recs"])
                if not proof and any(x["src"] == "waidi" and x["type"] == "原选区资格证明" for x in p["recs"]):
                    proof = True      # an uncertain proof: whether the person is "without proof" is for a township
                inbook.append({"num": p["num"], "months": [m] + p.get("months_alt", []), "proof": proof,
                               "tags": p["tags"], "optional": bool(p.get("book_optional"))})
                if m >= MONTHS and not proof:
                    w.need(p["tags"][0] if p["tags"] else "(background)", ["INMIGRANT_ELIGIBLE"], [p["num"]])
                elif not proof:
                    w.forbid(p["tags"][0] if p["tags"] else "(background)", ["INMIGRANT_ELIGIBLE"], [p["num"]])
                else:
                    w.allow(["INMIGRANT_ELIGIBLE"], [p["num"]])
            elif not definite:
                w.allow(["INMIGRANT_ELIGIBLE"], [p["num"]])
        if not definite:
            continue
        # books (only for people with one possible outcome)
        pd = ps[1] if isinstance(ps, tuple) else None
        if now[0] == "L":
            if pd != now[1]:
                if ps == "U18" or (under18(p["birth"], PREV_E)):
                    why = "新满十八周岁"
                elif ps == "DEP":
                    why = "恢复政治权利"
                elif pd or ps == "NEW":
                    why = "迁入"
                else:
                    why = "补登"
                books_added.append({"district": now[1], "num": p["num"], "reason": [why], "tags": p["tags"]})
            if p.get("prev_dup") and pd == now[1]:
                books_removed.append({"district": pd, "num": p["num"], "reason": ["其他"], "tags": p["tags"]})
            if p.get("prev_other"):
                books_removed.append({"district": p["prev_other"], "num": p["num"], "reason": ["迁出", "其他"],
                                      "tags": p["tags"]})
            tj = [x for x in p["recs"] if x["src"] == "tongji" and x["state"] == "外出" and x["dest"] in ("外县", "境外")]
            if tj:
                away.append({"district": now[1], "num": p["num"], "dest": tj[0]["dest"], "tags": p["tags"],
                             "sure": tj[0]["eff"] is True})
        if pd and (now[0] != "L" or now[1] != pd):
            if now[0] == "L":
                why = "迁出"
            else:
                why = next((c for code, c in REMOVE_ORDER if code in now[1]), "其他")
            books_removed.append({"district": pd, "num": p["num"], "reason": [why], "tags": p["tags"]})
    for x in w.prev_extra:
        books_removed.append({"district": x["district"], "num": x["num"], "reason": ["其他", "迁出"], "tags": [x["tag"]]})
        persons.append({"pid": "V" + x["num"][-6:], "num": x["num"], "name": x["name"], "tags": [x["tag"]], "role": "",
                        "shared": False, "outcomes": [["N", ["VANISHED"]]], "prev": "L:" + x["district"],
                        "definite": True, "extra_numbers": [], "invalid": False})
    return {"county": COUNTY, "election_day": E.isoformat(), "persons": persons, "added": books_added,
            "removed": books_removed, "away": away, "inmigrants": inbook, "required": w.required,
            "forbidden": w.forbidden, "allowed": w.allowed}


# =================================================================================================================
# writing the files
# =================================================================================================================
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def fmt_num(rec, w):
    n = rec.get("num", "")
    f = rec.get("numfmt")
    if not n:
        return ""
    if f == "15" or f == "15num":
        return to15(n)
    if f == "fullwidth_lower":
        return n.translate(FW).replace("X", "x")
    if f == "lower_spaces":
        return " " + n[:6] + " " + n[6:14] + " " + n[14:].lower() + " "
    if f == "dashed":
        return n[:6] + "-" + n[6:14] + "-" + n[14:]
    x = w.r.random()
    if x < 0.02:
        return " " + n + " "
    if x < 0.03 and n.endswith("X"):
        return n[:-1] + "x"
    return n


def fmt_date(d, w, style=None):
    if d is None:
        return ""
    s = w.r.randrange(5) if style is None else style
    return [d.strftime("%Y%m%d"), d.isoformat(), f"{d.year}/{d.month}/{d.day}", f"{d.year}.{d.month}.{d.day}",
            f"{d.year}年{d.month}月{d.day}日"][s]


def fmt_month(d, w):
    s = w.r.randrange(3)
    return [d.strftime("%Y%m"), d.strftime("%Y-%m"), f"{d.year}年{d.month}月"][s]


def fmt_sex(s, w):
    return s if w.r.random() < 0.85 else ("1" if s == "男" else "2")


def person_of(w):
    return {p["pid"]: p for p in w.persons}


def rows_for(w):
    P = person_of(w)
    out = {s: [] for s in ("huji", "liudong", "shebao", "tongji", "chaiqian", "minzheng", "xuanwei", "waidi")}
    for p in w.persons:
        for x in p["recs"]:
            out[x["src"]].append((p, x))
    w.r.shuffle(out["shebao"])
    return out


def huji_row(p, x, w):
    main = x is p["recs"][0]
    return {"公民身份号码": fmt_num(x, w), "姓名": x["name"], "曾用名": x.get("former", "") or (p["former"] if main else ""),
            "性别": fmt_sex(p["sex"], w), "民族": p["nation"], "出生日期": fmt_date(p["birth"], w, x.get("birthfmt")),
            "户号": x["hh"], "与户主关系": x["rel"], "户籍地址": x["addr"], "户籍地区划代码": x["vill"],
            "人员状态": x.get("status", p["status"]),
            "状态变动日期": fmt_date(x.get("sdate", p["sdate"]), w) if x.get("status", p["status"]) != "正常" else "",
            "迁往地区划代码": x.get("dest", p["dest"]) if x.get("status", p["status"]) == "迁出" else ""}


def vname(v):
    return TOWNSHIPS[v[6:9]] + VILLAGES[v[6:]][0]


def liudong_row(p, x, w, xlsx=False):
    addr = vname(x["vill"]) + "%d号" % w.r.randrange(1, 300)
    if x.get("multiline"):
        addr = vname(x["vill"]) + ",幸福小区\n3栋2单元,501室"
    elif w.r.random() < 0.05:
        addr = vname(x["vill"]) + "，\"老街\"%d号" % w.r.randrange(1, 99)
    return {"公民身份号码": fmt_num(x, w), "姓名": x["name"], "性别": fmt_sex(p["sex"], w),
            "出生日期": p["birth"] if xlsx else fmt_date(p["birth"], w), "户籍地区划代码": x["hukou"], "居住地址": addr,
            "居住地区划代码": x["vill"], "登记日期": x["reg"] if xlsx else fmt_date(x["reg"], w),
            "注销日期": (x.get("end") or "") if xlsx else fmt_date(x.get("end"), w),
            "居住事由": x["why"]}


def shebao_row(p, x, w, xlsx):
    nm = x["name"]
    if w.r.random() < 0.03 and x["eff"] is True and x["num"] == p["num"] and x["emp"][1] not in C2U and \
            x.get("reason") != "死亡":
        nm = nm[0] + "".join(HOMO.get(c, c) for c in nm[1:])    # homophone mess, number exact
    return {"社会保障号码": ("NUM15" if x.get("numfmt") == "15num" else fmt_num(x, w)), "姓名": nm,
            "性别": "" if x.get("nosex") else ("NUMSEX" + ("1" if p["sex"] == "男" else "2")) if x.get("sexnum") and xlsx
            else fmt_sex(p["sex"], w),
            "出生日期": "" if x.get("nobirth") else (p["birth"] if xlsx else fmt_date(p["birth"], w)),
            "参保单位名称": x["emp"][0], "统一社会信用代码": x["emp"][1], "参保状态": x["state"],
            "终止原因": x.get("reason", ""), "终止日期": (x.get("end") if xlsx else fmt_date(x.get("end"), w))
            if x.get("end") else "", "缴费基数": str(w.r.randrange(2000, 9000))}


def tongji_row(p, x, w):
    return {"住户编码": x["tid"], "调查地址": x["addr"], "调查地区划代码": x["vill"], "姓名": x["name"],
            "性别": fmt_sex(p["sex"], w), "出生年月": fmt_month(p["birth"], w),
            "公民身份号码": fmt_num(x, w) if x["withnum"] else "", "户口登记地": x["origin"],
            "居住状态": x["state"], "外出去向": x["dest"]}


def chaiqian_row(p, x, w):
    return {"项目名称": x["project"], "被征收户编号": x["case"], "姓名": x["name"], "公民身份号码": fmt_num(x, w),
            "与户主关系": x["rel"], "原房屋地址": x.get("oldaddr") or p["addr"], "原区划代码": p["vill"],
            "安置方式": x["mode"], "安置地址": (vname(x["newvill"]) + "安置小区%d栋" % w.r.randrange(1, 20))
            if x["newvill"] else "", "安置区划代码": x["newvill"] or "", "交房日期": x["hand"] or "",
            "拆除日期": x["demol"]}


HEAD = {
    "huji": ["公民身份号码", "姓名", "曾用名", "性别", "民族", "出生日期", "户号", "与户主关系", "户籍地址", "户籍地区划代码",
             "人员状态", "状态变动日期", "迁往地区划代码"],
    "liudong": ["公民身份号码", "姓名", "性别", "出生日期", "户籍地区划代码", "居住地址", "居住地区划代码", "登记日期", "注销日期",
                "居住事由"],
    "shebao": ["社会保障号码", "姓名", "性别", "出生日期", "参保单位名称", "统一社会信用代码", "参保状态", "终止原因", "终止日期"],
    "tongji": ["住户编码", "调查地址", "调查地区划代码", "姓名", "性别", "出生年月", "公民身份号码", "户口登记地", "居住状态", "外出去向"],
    "chaiqian": ["项目名称", "被征收户编号", "姓名", "公民身份号码", "与户主关系", "原房屋地址", "原区划代码", "安置方式", "安置地址",
                 "安置区划代码", "交房日期", "拆除日期"],
    "minzheng": ["公民身份号码", "姓名", "性别", "死亡日期", "火化日期"],
    "xuanwei": ["公民身份号码", "姓名", "类型", "起始日期", "终止日期", "决定机关", "文号"],
    "waidi": ["公民身份号码", "姓名", "类型", "对方区划代码", "对方选举委员会", "日期"],
}


def write_csv(path, header, rows, recs, enc="utf-8", bom=False, crlf=False, quote_all=False, head_pad=False,
              blank_every=0, w=None):
    """rows: list of dicts; recs: the record each row came from (line numbers are written back into it)"""
    buf = io.StringIO()
    term = "\r\n" if crlf else "\n"
    cw = csv.writer(buf, lineterminator=term, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    cw.writerow([(" " + h + "  " if head_pad and i % 2 == 0 else h) for i, h in enumerate(header)])
    line, rec_no = 2, 2
    for row, rc in zip(rows, recs):
        if blank_every and w.r.random() < blank_every:
            buf.write(term)
            line += 1
            rec_no += 1
        start = buf.tell()
        cw.writerow([row.get(h.strip(), "") for h in header])
        text = buf.getvalue()[start:]
        if rc is not None:
            rc["file"], rc["line"], rc["line_alt"] = os.path.basename(path), line, rec_no
        line += text.count("\n")
        rec_no += 1
    data = buf.getvalue().encode(enc)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)


def xcol(i):
    s = ""
    i += 1
    while i:
        i, m = divmod(i - 1, 26)
        s = chr(65 + m) + s
    return s


def serial(d, date1904=False):
    return (d - (D(1904, 1, 1) if date1904 else D(1899, 12, 30))).days


def write_xlsx(path, header, rows, recs, w, date1904=False):
    """first sheet, first row header; shared strings and inline strings mixed; dates as Excel date cells"""
    ss, ssi = [], {}

    def sidx(s):
        if s not in ssi:
            ssi[s] = len(ss)
            ss.append(s)
        return ssi[s]
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.'
           'org/spreadsheetml/2006/main"><sheetData>']
    allrows = [dict((h, h) for h in header)] + rows
    rn = 0
    for k, row in enumerate(allrows):
        rn += 1
        if k > 0 and w.r.random() < 0.02:
            rn += 1           # an empty row
        if k > 0 and recs[k - 1] is not None:
            recs[k - 1]["file"], recs[k - 1]["line"], recs[k - 1]["line_alt"] = os.path.basename(path), rn, rn
        cells = []
        style = recs[k - 1].get("xlsx_style") if k > 0 and recs[k - 1] is not None else None
        if style == "noref":      # cell references are optional in OOXML; every cell written, in order
            for h in header:
                v = row.get(h, "")
                if isinstance(v, D):
                    cells.append(f'<c s="1"><v>{serial(v, date1904)}</v></c>')
                else:
                    cells.append(f'<c t="inlineStr"><is><t>{escape(v)}</t></is></c>')
            out.append("<row>" + "".join(cells) + "</row>")
            continue
        for j, h in enumerate(header):
            v = row.get(h, "")
            ref = f"{xcol(j)}{rn}"
            if isinstance(v, D):
                cells.append(f'<c r="{ref}" s="1"><v>{serial(v, date1904)}</v></c>')
            elif style == "formula" and v:
                cells.append(f'<c r="{ref}" t="str"><f>TRIM("{escape(v)}")</f><v>{escape(v)}</v></c>')
            elif isinstance(v, str) and v.startswith("NUMSEX"):
                cells.append(f'<c r="{ref}" t="n"><v>{v[6:]}</v></c>')
            elif k > 0 and (v == "NUM15" or (recs[k - 1].get("numfmt") == "15num" and v == to15(recs[k - 1]["num"]))):
                cells.append(f'<c r="{ref}"><v>{to15(recs[k - 1]["num"])}</v></c>')
            elif v == "":
                continue
            elif w.r.random() < 0.3:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>')
            else:
                cells.append(f'<c r="{ref}" t="s"><v>{sidx(v)}</v></c>')
        out.append(f'<row r="{rn}">' + "".join(cells) + "</row>")
    out.append("</sheetData></worksheet>")
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
           f'spreadsheetml/2006/main" count="{len(ss)}" uniqueCount="{len(ss)}">']
    sst += [f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in ss]
    sst.append("</sst>")
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
          'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
          'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
          'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.'
          'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>')
    if date1904:
        wb = wb.replace("<sheets>", '<workbookPr date1904="1"/><sheets>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
              'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
              'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.'
              'openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.'
              'openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts>'
              '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/>'
              '</borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>'
              '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", wbrels)
        z.writestr("xl/worksheets/sheet1.xml", "".join(out))
        z.writestr("xl/sharedStrings.xml", "".join(sst))
        z.writestr("xl/styles.xml", styles)


def write_all(w, outdir):
    r = w.r
    for d in ("county", "inbox", "previous/rolls", "truth"):
        os.makedirs(os.path.join(outdir, d), exist_ok=True)
    with open(os.path.join(outdir, "county", "election.yml"), "w", encoding="utf-8") as f:
        f.write(f'county-code: "{COUNTY}"\ncounty-name: {COUNTY_NAME}\nelection-day: {E.isoformat()}\n'
                f'in-migrant-months: {MONTHS}\nprevious-election-day: {PREV_E.isoformat()}\n')
    xq = [["选区编码", "选区名称", "乡镇代码", "类型", "覆盖区划代码", "单位统一社会信用代码"]]
    for c, n, vs in RES_DISTRICTS:
        xq.append([c, n, COUNTY + c[6:9], "居住", ";".join(COUNTY + v for v in vs), ""])
    for c, n, t, cr in UNIT_DISTRICTS:
        xq.append([c, n, COUNTY + t, "单位", "", ";".join(cr)])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(xq)
    with open(os.path.join(outdir, "county", "xuanqu.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))

    inbox = os.path.join(outdir, "inbox")
    rows = rows_for(w)
    # huji: part1 GB18030 standard order (holds the 4-byte names); part2 UTF-8+BOM, CRLF, shuffled, padded
    # headers, an extra column. Second records of 一人多户 are in part 2.
    h1, h2 = [], []
    for p, x in rows["huji"]:
        part = x.get("part") or (1 if r.random() < 0.6 else 2)
        if x is not p["recs"][0] and not x.get("part"):
            part = 2
        if any(ord(c) > 0xFFFF or 0x3400 <= ord(c) <= 0x4DBF for c in x["name"]):
            part = 1
        (h1 if part == 1 else h2).append((p, x))
    write_csv(os.path.join(inbox, f"huji_{FILE_DAY}_part1.csv"), HEAD["huji"],
              [huji_row(p, x, w) for p, x in h1], [x for _, x in h1], enc="gb18030", w=w, blank_every=0.002)
    hd = HEAD["huji"][:]
    r.shuffle(hd)
    hd.insert(3, "联系电话")
    write_csv(os.path.join(inbox, f"huji_{FILE_DAY}_part2.csv"), hd,
              [dict(huji_row(p, x, w), 联系电话="139%08d" % r.randrange(10 ** 8)) for p, x in h2],
              [x for _, x in h2], enc="utf-8", bom=True, crlf=True, head_pad=True, w=w)
    # liudong GB18030 CRLF, quoted commas and line breaks in addresses
    lh = HEAD["liudong"][:]
    lh[0], lh[1] = lh[1], lh[0]
    lc = [(p, x) for p, x in rows["liudong"] if x.get("part") != "xlsx"]
    lx = [(p, x) for p, x in rows["liudong"] if x.get("part") == "xlsx"]
    write_csv(os.path.join(inbox, f"liudong_{FILE_DAY}.csv"), lh, [liudong_row(p, x, w) for p, x in lc],
              [x for _, x in lc], enc="gb18030", crlf=True, w=w)
    # "any source may" come as .xlsx: a second liudong part with Excel date cells
    write_xlsx(os.path.join(inbox, f"liudong_{FILE_DAY}_b.xlsx"), HEAD["liudong"],
               [liudong_row(p, x, w, True) for p, x in lx], [x for _, x in lx], w)
    # shebao: an .xlsx part and a UTF-8 CSV part (columns shuffled, extra column)
    sx, sc = [], []
    for p, x in rows["shebao"]:
        part = x.get("part") or ("xlsx" if r.random() < 0.6 else "csv")
        (sx if part == "xlsx" else sc).append((p, x))
    sh = HEAD["shebao"][:] + ["缴费基数"]
    write_xlsx(os.path.join(inbox, f"shebao_{FILE_DAY}_a.xlsx"), sh, [shebao_row(p, x, w, True) for p, x in sx],
               [x for _, x in sx], w)
    sh2 = HEAD["shebao"][:] + ["缴费基数"]
    r.shuffle(sh2)
    write_csv(os.path.join(inbox, f"shebao_{FILE_DAY}_b.csv"), sh2, [shebao_row(p, x, w, False) for p, x in sc],
              [x for _, x in sc], enc="utf-8", w=w)
    # tongji UTF-8, empty lines
    write_csv(os.path.join(inbox, f"tongji_{FILE_DAY}.csv"), HEAD["tongji"],
              [tongji_row(p, x, w) for p, x in rows["tongji"]], [x for _, x in rows["tongji"]], w=w, blank_every=0.01)
    # chaiqian xlsx with date cells
    cm = [(p, x) for p, x in rows["chaiqian"] if x.get("part") == "mac"]
    cw_ = [(p, x) for p, x in rows["chaiqian"] if x.get("part") != "mac"]
    write_xlsx(os.path.join(inbox, f"chaiqian_{FILE_DAY}.xlsx"), HEAD["chaiqian"],
               [chaiqian_row(p, x, w) for p, x in cw_], [x for _, x in cw_], w)
    # a second part saved by a Mac Excel: the workbook uses the 1904 date system
    write_xlsx(os.path.join(inbox, f"chaiqian_{FILE_DAY}_mac.xlsx"), HEAD["chaiqian"],
               [chaiqian_row(p, x, w) for p, x in cm], [x for _, x in cm], w, date1904=True)
    # minzheng GB18030 CRLF
    write_csv(os.path.join(inbox, f"minzheng_{FILE_DAY}.csv"), HEAD["minzheng"],
              [{"公民身份号码": fmt_num(x, w), "姓名": x["name"], "性别": fmt_sex(x.get("sex", p["sex"]), w),
                "死亡日期": x.get("death_raw") or fmt_date(x["death"], w), "火化日期": fmt_date(x.get("crem"), w)} for p, x in rows["minzheng"]],
              [x for _, x in rows["minzheng"]], enc="gb18030", crlf=True, w=w)
    mz = os.path.join(inbox, f"minzheng_{FILE_DAY}.csv")
    data = open(mz, "rb").read()
    open(mz, "wb").write(data[:-2] if data.endswith(b"\r\n") else data)    # no line break after the last row
    # xuanwei UTF-8 BOM, every field quoted, dates in 年月日
    write_csv(os.path.join(inbox, f"xuanwei_{FILE_DAY}.csv"), HEAD["xuanwei"],
              [{"公民身份号码": fmt_num(x, w), "姓名": x["name"], "类型": x["type"], "起始日期": fmt_date(x["start"], w, 4),
                "终止日期": fmt_date(x["end"], w, 4), "决定机关": x.get("body", ""), "文号": x.get("doc", "")}
               for p, x in rows["xuanwei"]], [x for _, x in rows["xuanwei"]], bom=True, quote_all=True, w=w)
    # waidi UTF-8, padded headers, dotted dates
    write_csv(os.path.join(inbox, f"waidi_{FILE_DAY}.csv"), HEAD["waidi"],
              [{"公民身份号码": fmt_num(x, w), "姓名": x["name"], "类型": x["type"], "对方区划代码": x["other"],
                "对方选举委员会": OUTSIDE_NAMES[x["other"]] + "选举委员会", "日期": fmt_date(x["date"], w, 3)}
               for p, x in rows["waidi"]], [x for _, x in rows["waidi"]], head_pad=True, w=w)
    # an unknown source: "An unknown prefix is reported and ignored, never guessed."
    with open(os.path.join(inbox, f"hunyin_{FILE_DAY}.csv"), "w", encoding="utf-8") as f:
        f.write("公民身份号码,姓名,婚姻状况\n")
        for p in w.persons[:30]:
            f.write(f"{p['num']},{p['name']},已婚\n")

    # previous roll (GB18030, the format of OUTPUTS.md)
    prev = {}
    for p in w.persons:
        ps = p["prev_resolved"]
        if isinstance(ps, tuple):
            nm = p["prev_name"] or p["name"]
            line = [nm, p["sex"], p["birth"].isoformat(), p["num"], p["addr"] or "", "", "户籍地", "保留"]
            prev.setdefault(ps[1], []).append(line)
            if p.get("prev_dup"):
                prev[ps[1]].append(line)
            if p.get("prev_other"):
                prev.setdefault(p["prev_other"], []).append(line)
    for x in w.prev_extra:
        prev.setdefault(x["district"], []).append([x["name"], x["sex"], x["birth"].isoformat(), x["num"], "", "",
                                                   "户籍地", "保留"])
    for d in sorted(DNAME):
        lines = prev.get(d, [])
        r.shuffle(lines)
        buf = io.StringIO()
        cw = csv.writer(buf, lineterminator="\r\n")
        cw.writerow(["选区编码", "选区名称", "序号", "姓名", "性别", "出生日期", "公民身份号码", "户籍地址", "居住地址", "登记依据", "变动"])
        for i, l in enumerate(lines, 1):
            cw.writerow([d, DNAME[d], i] + l)
        with open(os.path.join(outdir, "previous", "rolls", d + ".csv"), "wb") as f:
            f.write(buf.getvalue().encode("gb18030"))


# =================================================================================================================
# verify: re-read every file written and check it says what the truth assumes
# =================================================================================================================
def read_csv_any(path):
    b = open(path, "rb").read()
    if b.startswith(b"\xef\xbb\xbf"):
        t = b[3:].decode("utf-8")
    else:
        try:
            t = b.decode("utf-8")
        except UnicodeDecodeError:
            t = b.decode("gb18030")
    return list(csv.reader(io.StringIO(t, newline="")))


def verify(w, outdir, truth):
    import re
    problems = []
    inbox = os.path.join(outdir, "inbox")
    files = {}
    for fn in os.listdir(inbox):
        if fn.endswith(".csv"):
            b = open(os.path.join(inbox, fn), "rb").read()
            t = b[3:].decode("utf-8") if b.startswith(b"\xef\xbb\xbf") else None
            if t is None:
                try:
                    t = b.decode("utf-8")
                except UnicodeDecodeError:
                    t = b.decode("gb18030")
            files[fn] = t.replace("\r\n", "\n").split("\n")
        elif fn.endswith(".xlsx"):
            z = zipfile.ZipFile(os.path.join(inbox, fn))
            sst = re.findall(r"<si><t[^>]*>(.*?)</t></si>", z.read("xl/sharedStrings.xml").decode(), re.S)
            rows = {}
            last = 0
            for m in re.finditer(r'<row(?: r="(\d+)")?>(.*?)</row>', z.read("xl/worksheets/sheet1.xml").decode(), re.S):
                vals = []
                for c in re.finditer(r'<c(?: r="[A-Z]+\d+")?( t="(\w+)")?( s="1")?>(.*?)</c>', m.group(2)):
                    inner = c.group(4)
                    if c.group(2) == "s":
                        vals.append(sst[int(re.search(r"<v>(\d+)</v>", inner).group(1))])
                    else:
                        vals.append(re.sub(r"<[^>]+>", "", inner))
                last = int(m.group(1)) if m.group(1) else last + 1
                rows[last] = ",".join(vals)
            files[fn] = rows
    n = 0
    for p in w.persons:
        for x in p["recs"]:
            n += 1
            if "file" not in x:
                problems.append(f"{p['pid']} {x['src']} never written")
                continue
            content = files[x["file"]]
            line = content[x["line"] - 1] if isinstance(content, list) else content.get(x["line"], "")
            nm = x["name"].strip().replace("\u3000", "")
            if nm[:1] not in line.replace("&amp;", "&"):
                problems.append(f"{p['pid']} {x['src']} {x['file']}:{x['line']} does not hold {x['src']} row")
    tags = {}
    for q in truth["persons"]:
        for t in q["tags"]:
            tags[t] = tags.get(t, 0) + 1
    for t, c in tags.items():
        if c < min(5, w.k):
            problems.append(f"tag {t}: only {c} instances")
    for q in truth["persons"]:
        for o in q["outcomes"]:
            if o[0] == "L" and o[1] not in DNAME:
                problems.append(f"{q['pid']}: district {o[1]} unknown")
    nums = {}
    for q in truth["persons"]:
        nums.setdefault(q["num"], []).append(q)
    for num, qs in nums.items():
        if len(qs) > 1 and not all(q["shared"] or q["tags"] == ["id_shared"] for q in qs):
            problems.append(f"number {num[:6]}****** held by {len(qs)} truth persons")
    prev_lines = sum(len(read_csv_any(os.path.join(outdir, "previous", "rolls", f))) - 1
                     for f in os.listdir(os.path.join(outdir, "previous", "rolls")))
    print(f"verify: {n} records re-read, {len(tags)} scenario tags, {prev_lines} previous-roll lines, "
          f"{len(problems)} problems", file=sys.stderr)
    for pr in problems[:20]:
        print("  " + pr, file=sys.stderr)
    return not problems


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    n, seed, outdir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    w = World(n, seed)
    w.orphans = []
    background(w, n)
    scenarios(w)
    truth = build_truth(w)
    write_all(w, outdir)
    # line numbers are known only after writing
    for q in truth["required"] + truth["allowed"]:
        rc = q.pop("rec", None)
        if rc is not None:
            q["file"], q["line"], q["line_alt"] = rc.get("file"), rc.get("line"), rc.get("line_alt")
    for p in truth["persons"]:
        pass
    with open(os.path.join(outdir, "truth", "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, default=str)
    with open(os.path.join(outdir, "truth", "persons.csv"), "w", encoding="utf-8", newline="") as f:
        cw = csv.writer(f)
        cw.writerow(["pid", "tags", "role", "公民身份号码", "姓名", "outcomes", "prev"])
        for q in truth["persons"]:
            cw.writerow([q["pid"], ";".join(q["tags"]), q["role"], q["num"], q["name"],
                         " | ".join(":".join(o[:1] + ([o[1]] if isinstance(o[1], str) else [",".join(o[1])]) + o[2:])
                                    for o in q["outcomes"]), q["prev"]])
    ok = verify(w, outdir, truth)
    if not ok:
        sys.exit("verify failed")


if __name__ == "__main__":
    main()
