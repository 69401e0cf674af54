#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Independent adversarial test-county generator for the voter-roll reconciliation.

python3 gen.py --persons N --seed S --out DIR

Writes DIR/county, DIR/inbox, DIR/previous/rolls and DIR/truth (records.csv, expected.csv,
scenarios.csv).  Built from the contract only (docs/rules.md) (not from the project's own generator); see README.md next to this file.
"""
import argparse
import csv
import io
import os
import random
import sys
from collections import defaultdict, Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import names as NM  # noqa: E402
from common import (D, E, PREV_E, DELIVERY, ckd, valid18, make_num, to15, norm_num,  # noqa: E402
                    neighbours, norm_name, add_years, months_completed)

COUNTY = '330521'
COUNTY_NAME = '德清县'
STAMP = '20261201'
TOWNSHIPS = [('001', '武康街道'), ('002', '舞阳街道'), ('100', '乾元镇'), ('101', '新市镇'),
             ('102', '洛舍镇'), ('103', '钟管镇'), ('104', '禹越镇'), ('105', '雷甸镇')]
# counties near Deqing (people whose number was issued elsewhere but whose 户口 is here)
NEAR_AREAS = ['330502', '330503', '330522', '330523', '330501', '330104', '330110', '341222', '511321']
# counties in-migrants come from (6-digit GB/T 2260)
MIGRANT_AREAS = ['341221', '341222', '341225', '341226', '341281', '342221', '342222', '411523',
                 '411526', '412726', '412723', '511321', '511304', '513722', '522426', '522427',
                 '532128', '362427', '362321', '430524', '431021', '452122', '320721', '330302',
                 '330381', '330681', '330104', '610581', '620121']
UYGHUR_AREAS = ['653101', '652901', '653121', '650102']
EMP_NAMES = ['德清县洛舍钢琴有限公司', '浙江新市丝绸有限公司', '德清县乾元建材有限公司', '浙江武康机械有限公司',
             '德清县舞阳食品有限公司', '浙江钟管纺织有限公司', '德清县禹越竹木制品厂', '德清县莫干山旅游开发有限公司',
             '浙江德清物流有限公司', '德清县人民医院', '德清县第一中学', '德清县农业银行支行', '浙江雷甸生物科技有限公司',
             '德清县城建开发有限公司', '德清县顺达汽车修理厂', '浙江英溪电子有限公司', '德清县华联超市有限公司',
             '德清县供电公司', '浙江余英坊酒业有限公司', '德清县天元塑料制品厂', '德清县宏达五金厂',
             '德清县新华书店', '浙江千秋环保科技有限公司', '德清县恒达保洁服务有限公司', '德清县交通运输集团']
UNIT_EMPLOYERS = [('浙江莫干钢铁集团有限公司', 0), ('德清华能发电有限公司', 1), ('德清华能检修服务有限公司', 1)]
UNIT_DISTRICT_NAMES = ['莫干钢铁集团选区', '华能发电选区']

CN_NUM = '零一二三四五六七八九十'


def cn(k):
    if k <= 10:
        return CN_NUM[k]
    if k < 20:
        return '十' + CN_NUM[k - 10]
    return CN_NUM[k // 10] + '十' + (CN_NUM[k % 10] if k % 10 else '')


CREDIT_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
CREDIT_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(rng):
    body = '91' + COUNTY + 'MA' + ''.join(rng.choice(CREDIT_CH) for _ in range(7)) + rng.choice('0123456789X')
    body = body[:17]
    s = sum(CREDIT_CH.index(c) * w for c, w in zip(body, CREDIT_W))
    c = 31 - s % 31
    return body + CREDIT_CH[0 if c == 31 else c]


_TOFW = str.maketrans('0123456789X', '０１２３４５６７８９Ｘ')


class Gen:
    def __init__(self, n, seed):
        self.N = n
        self.rng = random.Random(seed)
        self.persons = []
        self.households = {}
        self.records = []
        self.used_seq = defaultdict(set)
        self.busy = set()
        self.scen = Counter()
        self.sur_list = [s for s, _ in NM.SURNAMES]
        self.sur_w = [w for _, w in NM.SURNAMES]

    def K(self, rate, mn):
        return max(mn, int(round(rate * self.N)))

    # ------------------------------------------------------------------ geography
    def build_geo(self):
        rng, N = self.rng, self.N
        T = 4 if N <= 6000 else (6 if N <= 30000 else 8)
        # at most 45 a township: beyond, the name lists run out and community codes (001..) reach the resettlement
        # (050..) and uncovered (060) ones; a million-person county has bigger villages instead (unchanged below 372k)
        V = min(45, max(3, int(round(N * 0.87 / (T * 900)))))
        self.townships = TOWNSHIPS[:T]
        self.villages = {}   # code -> dict(name, tw, kind, weight)
        vnames = list(NM.VILLAGE_NAMES) + [a + b for a in '东西南北上下前后' for b in NM.VILLAGE_NAMES[:40]]
        cnames = list(NM.COMMUNITY_NAMES) + [a + b for a in '东西南北' for b in NM.COMMUNITY_NAMES]
        vnames = list(dict.fromkeys(vnames))
        cnames = list(dict.fromkeys(cnames))
        rng.shuffle(vnames)
        rng.shuffle(cnames)
        self.tw_villages = defaultdict(list)
        self.resettle = []
        for ti, (tc, tname) in enumerate(self.townships):
            tw9 = COUNTY + tc
            street = tname.endswith('街道')
            ncomm = max(1, V // 2) if street else 1
            for k in range(V):
                if k < ncomm:
                    code = tw9 + '%03d' % (k + 1)
                    name = cnames.pop() + '社区'
                    kind = '社区'
                else:
                    code = tw9 + '%03d' % (200 + k - ncomm + 1)
                    name = vnames.pop() + '村'
                    kind = '村'
                self.villages[code] = dict(code=code, name=name, tw=tw9, twname=tname, kind=kind, w=1.0)
                self.tw_villages[tw9].append(code)
            if ti in (0, 2) or (ti == 1 and T <= 4):
                code = tw9 + '%03d' % (50 + ti)
                name = cnames.pop() + '安置小区'
                self.villages[code] = dict(code=code, name=name, tw=tw9, twname=tname, kind='安置', w=0.15)
                self.tw_villages[tw9].append(code)
                self.resettle.append(code)
        # a new community that no district covers yet (xuanqu.csv not updated)
        t0 = COUNTY + self.townships[0][0]
        code = t0 + '060'
        self.villages[code] = dict(code=code, name='%s新苑小区' % cnames.pop(), tw=t0, twname=self.townships[0][1],
                                   kind='新建', w=0.0)
        self.uncovered = [code]
        # districts
        self.districts = []   # dict(code,name,tw,type,cover,credits)
        self.vil_district = {}
        for tc, tname in self.townships:
            tw9 = COUNTY + tc
            vs = [v for v in self.tw_villages[tw9] if v not in self.uncovered]
            k = 0
            i = 0
            while i < len(vs):
                size = rng.choice([1, 1, 2, 2, 3])
                if self.villages[vs[i]]['kind'] == '安置':
                    size = 1
                chunk = []
                while i < len(vs) and len(chunk) < size:
                    if chunk and self.villages[vs[i]]['kind'] == '安置':
                        break
                    chunk.append(vs[i])
                    i += 1
                k += 1
                code = '%s-%02d' % (tw9, k)
                d = dict(code=code, name='%s第%s选区' % (tname, cn(k)), tw=tw9, type='居住', cover=chunk, credits=[])
                self.districts.append(d)
                for v in chunk:
                    self.vil_district[v] = code
        # unit districts and employers
        self.unit_credit = {}
        self.employers = []   # (name, credit, unit_district or None)
        tws = [COUNTY + self.townships[0][0], COUNTY + self.townships[min(2, len(self.townships) - 1)][0]]
        udist = []
        for j, dname in enumerate(UNIT_DISTRICT_NAMES):
            code = '%s-%02d' % (tws[j], 90 + j)
            d = dict(code=code, name=self.townships[[COUNTY + t for t, _ in self.townships].index(tws[j])][1] + dname,
                     tw=tws[j], type='单位', cover=[], credits=[])
            self.districts.append(d)
            udist.append(d)
        for ename, j in UNIT_EMPLOYERS:
            cc = credit_code(rng)
            udist[j]['credits'].append(cc)
            self.unit_credit[cc] = udist[j]['code']
            self.employers.append((ename, cc, udist[j]['code']))
        for ename in EMP_NAMES:
            self.employers.append((ename, credit_code(rng), None))
        self.dist_by_code = {d['code']: d for d in self.districts}
        self.vil_codes = [v for v in self.villages if v not in self.uncovered]
        self.vil_w = [self.villages[v]['w'] for v in self.vil_codes]

    def addr(self, vil):
        v = self.villages[vil]
        r = self.rng
        if v['kind'] == '村':
            return '%s%s%d组%d号' % (v['twname'], v['name'], r.randint(1, 12), r.randint(1, 80))
        return '%s%s%d幢%d单元%d室' % (v['twname'], v['name'], r.randint(1, 40), r.randint(1, 4),
                                   r.randint(1, 18) * 100 + r.randint(1, 4))

    # ------------------------------------------------------------------ names
    def surname(self):
        return self.rng.choices(self.sur_list, self.sur_w)[0]

    @staticmethod
    def gen_of(by):
        return 'old' if by < 1965 else ('mid' if by < 1990 else 'young')

    def given(self, sex, by, gen_char=None):
        r = self.rng
        g = self.gen_of(by)
        pool = NM.POOL[g][sex]
        if gen_char:
            while True:
                c = r.choice(pool)
                if c != gen_char:
                    return gen_char + c
        if r.random() < 0.15:
            return r.choice(NM.TOP_GIVEN[g][sex])
        single = {'old': 0.22, 'mid': 0.42, 'young': 0.15}[g]
        if r.random() < single:
            return r.choice(pool)
        a = r.choice(pool)
        b = r.choice(pool)
        if a == b and r.random() < 0.8:
            b = r.choice(pool)
        return a + b

    # ------------------------------------------------------------------ persons
    def new_person(self, **kw):
        p = dict(pid=len(self.persons), kind='local', eth='汉族', alias=[], tags=set(), status='正常',
                 sdate=None, moveto='', res_vil=None, res_addr='', area=COUNTY, num='', rare=False,
                 uyghur=False, hh=None, rel='', vil=None, addr='', twin=None, near=None, surveyed=False,
                 former='')
        p.update(kw)
        p['name'] = p['sur'] + p['given'] if not p.get('uyghur') else p['given']
        self.persons.append(p)
        return p

    def rand_date(self, year, lo=None, hi=None):
        r = self.rng
        a = D(year, 1, 1) if lo is None else lo
        b = D(year, 12, 31) if hi is None else hi
        if b > DELIVERY - D.resolution * 7:
            b = DELIVERY - D.resolution * 7
        if a > b:
            a = b
        return a + D.resolution * r.randint(0, (b - a).days)

    def head_year(self):
        r = self.rng
        spans = [(1932, 1944, 0.35), (1945, 1949, 0.6), (1950, 1957, 1.0), (1958, 1961, 0.7),
                 (1962, 1975, 1.5), (1976, 1984, 1.1), (1985, 1991, 1.2), (1992, 2000, 0.7)]
        a, b, _ = r.choices(spans, [w * (s[1] - s[0] + 1) for s, w in zip(spans, [x[2] for x in spans])])[0]
        return r.randint(a, b)

    def make_household(self, vil, forced_head=None):
        r = self.rng
        hid = '%s%05d' % (vil[6:9], len(self.households) + 1)
        hh = dict(id=hid, vil=vil, addr=self.addr(vil), members=[])
        self.households[hid] = hh
        eth = '汉族' if r.random() < 0.97 else r.choice(['回族', '满族', '畲族', '土家族', '苗族'])

        def add(rel, sex, birth, sur, given, **kw):
            p = self.new_person(rel=rel, sex=sex, birth=birth, sur=sur, given=given, hh=hid, vil=vil,
                                addr=hh['addr'], eth=kw.pop('eth', eth), **kw)
            hh['members'].append(p['pid'])
            return p

        if forced_head is not None:
            fh = forced_head
            head = add('户主', fh['sex'], fh['birth'], fh['sur'], fh['given'], uyghur=fh.get('uyghur', False),
                       eth=fh.get('eth', eth))
            if r.random() < 0.5 and not fh.get('uyghur'):
                ssex = 'F' if fh['sex'] == 'M' else 'M'
                sby = min(2004, fh['birth'].year + r.randint(-3, 4))
                add('配偶', ssex, self.rand_date(sby), self.surname(), self.given(ssex, sby))
            return hh
        hy = self.head_year()
        age = 2026 - hy
        if age >= 60:
            typ = r.choices(['single', 'couple', 'down', 'nuclear'], [0.2, 0.45, 0.3, 0.05])[0]
        elif age >= 40:
            typ = r.choices(['single', 'couple', 'nuclear', 'up', 'down'], [0.08, 0.1, 0.6, 0.12, 0.1])[0]
        else:
            typ = r.choices(['single', 'couple', 'nuclear', 'up'], [0.2, 0.15, 0.45, 0.2])[0]
        hsex = 'M' if r.random() < 0.82 else 'F'
        hsur = self.surname()
        head = add('户主', hsex, self.rand_date(hy), hsur, self.given(hsex, hy))
        spouse = None
        if typ != 'single' and not (typ == 'nuclear' and r.random() < 0.06):
            ssex = 'F' if hsex == 'M' else 'M'
            sy = hy + (r.randint(-3, 5) if hsex == 'M' else r.randint(-5, 3))
            spouse = add('配偶', ssex, self.rand_date(sy), self.surname(), self.given(ssex, sy))
        father_sur = hsur if hsex == 'M' else (spouse['sur'] if spouse else hsur)
        mother = head if hsex == 'F' else spouse
        mother_by = mother['birth'].year if mother else hy

        def children(k, mby, fsur, relfn, max_total=6):
            kids = []
            if k <= 0:
                return kids
            gen_char = None
            years = []
            for i in range(k):
                years.append(mby + r.randint(21, 36))
            years.sort()
            twins_at = None
            if k >= 1 and r.random() < 0.03:
                twins_at = r.randrange(k)
            sexes = [r.choice('MF') for _ in range(k)]
            if len(years) >= 2 and r.random() < 0.35:
                gen_char = 'SHARE'
            out = []
            for i, y in enumerate(years):
                if y > 2026 or len(hh['members']) >= max_total:
                    break
                b = self.rand_date(y)
                if b.year != y:
                    break
                sur = fsur if r.random() < 0.93 else (mother['sur'] if mother else fsur)
                out.append([sexes[i], b, sur])
                if twins_at == i and len(hh['members']) + len(out) < max_total:
                    s2 = sexes[i] if r.random() < 0.75 else ('F' if sexes[i] == 'M' else 'M')
                    out.append([s2, b, sur, 'TWIN'])
            # names
            shared = None
            if gen_char == 'SHARE' and len(out) >= 2:
                g = self.gen_of(out[0][1].year)
                shared = r.choice(NM.POOL[g][out[0][0]] + NM.POOL[g]['M'])
            prev = None
            for o in out:
                sex, b, sur = o[0], o[1], o[2]
                is_twin = len(o) > 3
                if is_twin and prev is not None:
                    tw_homo = r.random() < 0.2
                    pg = prev['given']
                    if tw_homo and len(pg) == 1 and pg in NM.HOMO:
                        gname = r.choice(NM.HOMO[pg])
                        tag = 'twins_homophone'
                    elif tw_homo:
                        # re-name the first twin with a homophone-able single character
                        cands = [c for c in NM.POOL[self.gen_of(b.year)][prev['sex']] if c in NM.HOMO]
                        c = r.choice(cands)
                        prev['given'] = c
                        prev['name'] = prev['sur'] + c
                        gname = r.choice(NM.HOMO[c])
                        tag = 'twins_homophone'
                    else:
                        base = pg[0] if len(pg) == 2 else self.given(prev['sex'], b.year)[0]
                        if len(pg) != 2:
                            prev['given'] = base + r.choice(NM.POOL[self.gen_of(b.year)][prev['sex']])
                            prev['name'] = prev['sur'] + prev['given']
                        while True:
                            gname = self.given(sex, b.year, gen_char=base)
                            if gname != prev['given']:
                                break
                        tag = 'twins'
                    p = add(relfn(sex), sex, b, sur, gname, twin=prev['pid'])
                    prev['twin'] = p['pid']
                    prev['tags'].add(tag)
                    p['tags'].add(tag)
                else:
                    gname = self.given(sex, b.year, gen_char=shared) if shared else self.given(sex, b.year)
                    p = add(relfn(sex), sex, b, sur, gname)
                kids.append(p)
                prev = p
            return kids

        if typ == 'nuclear':
            k = r.choices([1, 2, 3], [0.55, 0.35, 0.1] if hy > 1975 else [0.35, 0.45, 0.2])[0]
            children(k, mother_by, father_sur, lambda s: '子' if s == 'M' else '女')
        elif typ == 'down':
            sy = mother_by + r.randint(22, 32)
            if sy <= 2002:
                son = add('子', 'M', self.rand_date(sy), father_sur, self.given('M', sy))
                wy = sy + r.randint(-2, 4)
                wife = add('儿媳', 'F', self.rand_date(min(wy, 2004)), self.surname(), self.given('F', wy))
                k = r.choices([1, 2], [0.6, 0.4])[0]
                mother = wife
                children(k, wife['birth'].year, son['sur'], lambda s: '孙子' if s == 'M' else '孙女')
        elif typ == 'up':
            k = r.choices([0, 1, 2], [0.3, 0.45, 0.25])[0]
            children(k, mother_by, father_sur, lambda s: '子' if s == 'M' else '女')
            py = hy - r.randint(24, 34)
            if r.random() < 0.7:
                add('父', 'M', self.rand_date(py), hsur, self.given('M', py))
            if r.random() < 0.8:
                my = py + r.randint(-2, 4)
                add('母', 'F', self.rand_date(my), self.surname(), self.given('F', my))
        return hh

    def make_uyghur_household(self, vil):
        r = self.rng
        hid = '%s%05d' % (vil[6:9], len(self.households) + 1)
        hh = dict(id=hid, vil=vil, addr=self.addr(vil), members=[])
        self.households[hid] = hh
        hy = r.randint(1965, 1995)
        fa = r.choice(NM.UYGHUR_M)
        own = r.choice(NM.UYGHUR_M)
        head = self.new_person(rel='户主', sex='M', birth=self.rand_date(hy), sur='', given=own + '·' + fa,
                               uyghur=True, eth='维吾尔族', hh=hid, vil=vil, addr=hh['addr'])
        hh['members'].append(head['pid'])
        wy = hy + r.randint(-2, 5)
        wife = self.new_person(rel='配偶', sex='F', birth=self.rand_date(wy), sur='',
                               given=r.choice(NM.UYGHUR_F) + '·' + r.choice(NM.UYGHUR_M),
                               uyghur=True, eth='维吾尔族', hh=hid, vil=vil, addr=hh['addr'])
        hh['members'].append(wife['pid'])
        for _ in range(r.randint(1, 3)):
            cy = wy + r.randint(20, 34)
            if cy > 2025:
                break
            s = r.choice('MF')
            g = r.choice(NM.UYGHUR_M if s == 'M' else NM.UYGHUR_F)
            c = self.new_person(rel='子' if s == 'M' else '女', sex=s, birth=self.rand_date(cy), sur='',
                                given=g + '·' + own, uyghur=True, eth='维吾尔族', hh=hid, vil=vil, addr=hh['addr'])
            hh['members'].append(c['pid'])
        for pid in hh['members']:
            self.persons[pid]['tags'].add('uyghur')
        return hh

    def rand_vil(self, near=None, scope=None):
        r = self.rng
        if scope == 'village':
            return near
        if scope == 'township':
            vs = [v for v in self.tw_villages[self.villages[near]['tw']] if self.villages[v]['kind'] != '安置']
            return r.choice(vs)
        return r.choices(self.vil_codes, self.vil_w)[0]

    def make_locals(self):
        r = self.rng
        target = int(self.N * 0.87)
        n_look = self.K(0.004, 8)
        n_near = self.K(0.001, 4)
        n_uyg = self.K(0.0008, 2)
        look_at = set(r.sample(range(40, max(41, target // 3)), min(n_look + n_near, max(1, target // 3 - 40))))
        self.lookalike_pairs = []
        self.near_pairs = []
        i = 0
        uyg_done = 0
        while len(self.persons) < target:
            i += 1
            if i in look_at and len(self.persons) > 60:
                # a lookalike (same name, sex, birth date) or a near-number partner of an earlier adult
                for _ in range(20):
                    a = r.choice(self.persons)
                    if 1950 <= a['birth'].year <= 2000 and a['pid'] not in self.busy and not a['uyghur']:
                        break
                is_near = len(self.near_pairs) < n_near and (len(self.lookalike_pairs) >= n_look or r.random() < 0.3)
                scope = r.choices(['village', 'township', 'county'], [0.3, 0.3, 0.4])[0]
                vil = self.rand_vil(a['vil'], scope)
                if is_near:
                    sex = a['sex'] if r.random() < 0.7 else ('F' if a['sex'] == 'M' else 'M')
                    fh = dict(sex=sex, birth=a['birth'], sur=self.surname(), given=self.given(sex, a['birth'].year))
                else:
                    fh = dict(sex=a['sex'], birth=a['birth'], sur=a['sur'], given=a['given'])
                hh = self.make_household(vil, forced_head=fh)
                b = self.persons[hh['members'][0]]
                b['near'] = a['pid']
                if is_near:
                    self.near_pairs.append((a['pid'], b['pid']))
                    a['tags'].add('near_number')
                    b['tags'].add('near_number')
                else:
                    self.lookalike_pairs.append((a['pid'], b['pid'], scope))
                    a['tags'].add('lookalike_made')
                    b['tags'].add('lookalike_made')
                self.busy.update((a['pid'], b['pid']))
                continue
            vil = r.choices(self.vil_codes, self.vil_w)[0]
            if uyg_done < n_uyg and r.random() < 0.01:
                self.make_uyghur_household(vil)
                uyg_done += 1
            else:
                self.make_household(vil)
        while uyg_done < n_uyg:
            self.make_uyghur_household(r.choice(self.vil_codes))
            uyg_done += 1

    # ------------------------------------------------------------------ numbers
    def alloc_seq(self, area, birth, sex, near_seq=None, lastdigit_max=9):
        r = self.rng
        used = self.used_seq[(area, birth)]
        odd = sex == 'M'
        if near_seq is not None:
            base = near_seq - near_seq % 10
            cands = [s for s in range(max(1, base), base + 10) if s != near_seq and (s % 2 == 1) == odd
                     and s not in used and s < 996]
            if cands:
                s = r.choice(cands)
                used.add(s)
                return s
        for _ in range(10000):
            s = r.randint(1, 995)
            if (s % 2 == 1) == odd and s not in used and s % 10 <= lastdigit_max:
                used.add(s)
                return s
        raise RuntimeError('sequence space exhausted')

    def assign_numbers(self):
        r = self.rng
        for p in self.persons:
            if p['num']:
                continue
            if p['kind'] == 'local' and not p['uyghur'] and r.random() < 0.08:
                p['area'] = r.choice(NEAR_AREAS)
            if p['twin'] is not None and self.persons[p['twin']]['num']:
                t = self.persons[p['twin']]
                p['area'] = t['area']
                s = self.alloc_seq(p['area'], p['birth'], p['sex'], near_seq=int(t['num'][14:17]))
            elif p['near'] is not None and self.persons[p['near']]['num'] and r.random() < 0.85:
                a = self.persons[p['near']]
                p['area'] = a['area']
                s = self.alloc_seq(p['area'], p['birth'], p['sex'], near_seq=int(a['num'][14:17]))
            else:
                s = self.alloc_seq(p['area'], p['birth'], p['sex'], lastdigit_max=7)
            p['num'] = make_num(p['area'], p['birth'], s)

    def fresh_number(self, area, birth, sex):
        s = self.alloc_seq(area, birth, sex)
        return make_num(area, birth, s)

    # ------------------------------------------------------------------ statuses
    def age(self, p, at=E):
        b = p['birth']
        if at is E:
            c = p.get('_age')
            if c is not None and c[0] == b:
                return c[1]
        a = at.year - b.year - ((at.month, at.day) < (b.month, b.day))
        if at is E:
            p['_age'] = (b, a)
        return a

    def adult(self, p):
        c = p.get('_adult')
        if c is not None and c[0] == p['birth']:
            return c[1]
        v = add_years(p['birth'], 18) <= E
        p['_adult'] = (p['birth'], v)
        return v

    def assign_statuses(self):
        r = self.rng
        for p in self.persons:
            if p['kind'] != 'local':
                continue
            a = self.age(p)
            x = r.random()
            pd = 0.003 if a < 50 else (0.015 if a < 70 else (0.05 if a < 80 else 0.12))
            if x < pd:
                p['status'] = '死亡'
                p['sdate'] = self.rand_date(2026, D(2018, 1, 1), D(2026, 11, 25))
                continue
            u = r.random()
            if 18 <= a <= 45 and u < 0.03:
                p['status'] = '迁出'
                p['sdate'] = self.rand_date(2026, D(2019, 1, 1), D(2026, 11, 20))
                y = r.random()
                dest = r.choice(MIGRANT_AREAS + ['330106', '310115', '320583', '440305'])
                p['moveto'] = dest if y < 0.55 else (dest + '%03d%03d' % (r.randint(1, 20), r.randint(1, 230)) if y < 0.8 else '')
                continue
            u = r.random()
            if p['sex'] == 'M' and 18 <= a <= 24 and u < 0.04:
                p['status'] = '服兵役'
                p['sdate'] = self.rand_date(2026, D(2021, 9, 1), D(2026, 9, 30))
                continue
            u = r.random()
            if a >= 18 and u < 0.003:
                p['status'] = '出国定居'
                p['sdate'] = self.rand_date(2026, D(2019, 1, 1), D(2026, 11, 1))
                continue
            if r.random() < 0.002:
                p['status'] = '注销'
                p['sdate'] = self.rand_date(2026, D(2019, 1, 1), D(2026, 11, 1))

    def eligible(self, cond=None, kind='local'):
        return [p for p in self.persons if p['kind'] == kind and p['pid'] not in self.busy and p['status'] == '正常'
                and not p['uyghur'] and (cond is None or cond(p))]

    def pick(self, k, cond=None, tag=None, kind='local', busy=True):
        pool = self.eligible(cond, kind)
        k = min(k, len(pool))
        out = self.rng.sample(pool, k)
        for p in out:
            if busy:
                self.busy.add(p['pid'])
            if tag:
                p['tags'].add(tag)
        if tag:
            self.scen[tag] += len(out)
        return out

    # ------------------------------------------------------------------ records
    def rec(self, src, p, row, sem=None, num=None, name=None, has_sex=True, has_birth=True, pid=None):
        """num / name: forced mode strings or explicit raw values via ('raw', value)."""
        rr = dict(src=src, pid=(p['pid'] if p is not None else pid), row=row, sem=sem or {},
                  has_sex=has_sex, has_birth=has_birth, num_mode=num, name_mode=name)
        self.records.append(rr)
        return rr

    # number rendering -----------------------------------------------------
    def fmt_mess(self, n):
        r = self.rng
        k = r.randrange(6)
        if n.endswith('X') and r.random() < 0.6:
            return n[:-1] + 'x'
        if k == 0:
            return n.translate(_TOFW)
        if k == 1:
            return n[:6] + ' ' + n[6:14] + ' ' + n[14:]
        if k == 2:
            return n[:6] + '-' + n[6:14] + '-' + n[14:]
        if k == 3:
            return ' ' + n + ' '
        if k == 4:
            return n[:10] + ' ' + n[10:]
        return n + ' '

    def typo(self, n, kind, safe):
        """one wrong digit ('typo') or adjacent swap ('swap'), neighbourhood = {n} among all numbers."""
        r = self.rng
        positions = [0, 1, 2, 3, 4, 5, 14, 15, 17] if safe else list(range(18))
        best = None
        for _ in range(30):
            if kind == 'swap':
                ps = [i for i in range(17) if n[i] != n[i + 1] and i in positions and (i + 1) in positions]
                if not ps:
                    kind = 'typo'
                    continue
                i = r.choice(ps)
                t = n[:i] + n[i + 1] + n[i] + n[i + 2:]
            else:
                i = r.choice(positions)
                alphabet = '0123456789X' if i == 17 else '0123456789'
                d = r.choice([c for c in alphabet if c != n[i]])
                t = n[:i] + d + n[i + 1:]
            c = {v for v in neighbours(t) if v in self.allnums}
            if c == {n}:
                return t
            best = t
        return best

    def ambiguous_typo(self, n):
        """A[:17] + B[17] where B differs from A in one body position: neighbours include both."""
        for m in self.prefix14.get(n[:14], ()):
            if m != n and sum(1 for a, b in zip(m[:17], n[:17]) if a != b) == 1:
                return n[:17] + m[17]
        return None

    def render_num(self, p, mode, safe=False):
        n = p['num']
        if mode is None or mode == 'ok':
            return n
        if isinstance(mode, tuple):
            return mode[1]
        if mode == 'fmt':
            return self.fmt_mess(n)
        if mode == '15':
            if 1900 <= p['birth'].year <= 1999:
                return to15(n)
            return n
        if mode in ('typo', 'swap'):
            t = self.typo(n, mode, safe)
            if self.rng.random() < 0.15:
                t = t.lower() if t.endswith('X') else t[:6] + ' ' + t[6:]
            return t
        if mode == 'ambig':
            t = self.ambiguous_typo(n)
            return t if t else self.typo(n, 'typo', safe)
        if mode == 'empty':
            return ''
        raise ValueError(mode)

    # name rendering --------------------------------------------------------
    def render_name(self, p, mode, src):
        r = self.rng
        name = p['name']
        if p['uyghur'] and src != 'huji':
            name = name.replace('·', r.choice(NM.DOTS if r.random() < 0.6 else ['·']))
        if p['rare'] and src != 'huji':
            rc = p['rare_char']
            if r.random() < 0.8:
                name = name.replace(rc, r.choice('*?'))
        if mode is None or mode == 'ok' or p['uyghur'] and mode == 'homo':
            return name
        if isinstance(mode, tuple):
            return mode[1]
        if mode == 'trad':
            t = ''.join(NM.TRAD.get(c, c) for c in name)
            if t == name:
                return self.render_name(p, 'space', src)
            return t
        if mode == 'space':
            if r.random() < 0.5 and len(name) >= 2:
                i = r.randint(1, len(name) - 1)
                return name[:i] + r.choice([' ', '\u3000', '  ']) + name[i:]
            return r.choice([' ', '', '\u3000']) + name + r.choice([' ', '  ', '\u3000'])
        if mode == 'homo':
            return self.homophone(p, name)
        raise ValueError(mode)

    def homophone(self, p, name):
        r = self.rng
        sl = len(p['sur'])
        idx = [i for i in range(sl, len(name)) if name[i] in NM.HOMO]
        if idx and (r.random() < 0.85 or p['sur'] not in NM.SURNAME_HOMO):
            i = r.choice(idx)
            return name[:i] + r.choice(NM.HOMO[name[i]]) + name[i + 1:]
        if p['sur'] in NM.SURNAME_HOMO:
            return r.choice(NM.SURNAME_HOMO[p['sur']]) + name[sl:]
        return name

    # field rendering ------------------------------------------------------
    def fdate(self, d, iso_share=0.2):
        r = self.rng
        if d is None:
            return ''
        if r.random() < iso_share:
            return d.isoformat()
        k = r.randrange(5)
        if k == 0:
            return d.strftime('%Y%m%d')
        if k == 1:
            return d.isoformat()
        if k == 2:
            return '%d/%d/%d' % (d.year, d.month, d.day)
        if k == 3:
            return '%d.%d.%d' % (d.year, d.month, d.day)
        return '%d年%d月%d日' % (d.year, d.month, d.day)

    def fmonth(self, d):
        k = self.rng.randrange(3)
        if k == 0:
            return d.strftime('%Y%m')
        if k == 1:
            return d.strftime('%Y-%m')
        return '%d年%d月' % (d.year, d.month)

    def fsex(self, s, share12):
        if self.rng.random() < share12:
            return '1' if s == 'M' else '2'
        return '男' if s == 'M' else '女'

    def farea(self, code, p12=0.7, p9=0.15):
        x = self.rng.random()
        if x < p12 or len(code) < 12:
            return code
        if x < p12 + p9:
            return code[:9]
        return code[:6]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--persons', type=int, required=True)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    import build
    build.run(Gen(a.persons, a.seed), a.out)


if __name__ == '__main__':
    main()
