# -*- coding: utf-8 -*-
"""Scenarios, source records, expected outcomes (own reading of RULES.md) and file writing."""
import csv
import io
import os
from collections import defaultdict, Counter

import names as NM
from common import (D, E, PREV_E, DELIVERY, valid18, make_num, to15, norm_num, neighbours, norm_name,
                    add_years, months_completed, ckd, name_agree, reading_key)
from gen import COUNTY, COUNTY_NAME, STAMP, MIGRANT_AREAS, UYGHUR_AREAS

DAY = D.resolution

# ====================================================================== people beyond the locals

def special_births(g):
    r = g.rng
    dates = [D(2008, 12, 14), D(2008, 12, 15), D(2008, 12, 16), D(2008, 2, 29), D(2008, 12, 31),
             D(2008, 12, 1), D(2008, 12, 15), D(2008, 12, 16)]
    pool = [p for p in g.persons if p['rel'] in ('子', '女', '孙子', '孙女') and 2007 <= p['birth'].year <= 2009
            and p['twin'] is None and p['near'] is None and p['pid'] not in g.busy]
    r.shuffle(pool)
    k = min(len(pool), g.K(0.001, len(dates)))
    for i in range(k):
        p = pool[i]
        p['birth'] = dates[i % len(dates)]
        p['tags'].add('age_boundary')
        g.scen['age_boundary'] += 1


def rare_names(g):
    r = g.rng
    pool = [p for p in g.persons if p['kind'] == 'local' and not p['uyghur'] and len(p['given']) >= 1
            and p['twin'] is None and p['pid'] not in g.busy]
    for p in r.sample(pool, min(len(pool), g.K(0.002, 5))):
        c = r.choice(NM.RARE_CHARS)
        i = len(p['given']) - 1 if len(p['given']) > 1 and r.random() < 0.7 else 0
        p['given'] = p['given'][:i] + c + p['given'][i + 1:]
        p['name'] = p['sur'] + p['given']
        p['rare'] = True
        p['rare_char'] = c
        p['tags'].add('rare_char')
        g.scen['rare_char'] += 1


def make_inmigrants(g):
    r = g.rng
    n = g.K(0.10, 30)
    g.inmigrants = []
    made = 0
    n_uyg = g.K(0.0005, 2)
    while made < n:
        couple = r.random() < 0.3
        uyg = made < n_uyg
        area = r.choice(UYGHUR_AREAS if uyg else MIGRANT_AREAS)
        hk = area + '%03d%03d' % (r.randint(100, 115), r.randint(200, 230))
        res = r.choices(g.vil_codes, g.vil_w)[0]
        addr = g.addr(res)
        by = r.randint(1962, 2006)
        members = []
        sexes = ['M', 'F'] if couple else [r.choice('MF')]
        for j, s in enumerate(sexes):
            y = by if j == 0 else min(2006, by + r.randint(-3, 4))
            if uyg:
                gv = r.choice(NM.UYGHUR_M if s == 'M' else NM.UYGHUR_F) + '·' + r.choice(NM.UYGHUR_M)
                p = g.new_person(kind='inmig', sex=s, birth=g.rand_date(y), sur='', given=gv, uyghur=True,
                                 eth='维吾尔族', area=area)
                p['tags'].add('uyghur')
            else:
                p = g.new_person(kind='inmig', sex=s, birth=g.rand_date(y), sur=g.surname(), given=g.given(s, y),
                                 area=area)
            p['hk_code'] = hk
            p['res_vil'] = res
            p['res_addr'] = addr
            members.append(p)
            made += 1
        g.inmigrants.extend(members)
    # a few born in this county (number 330521...) whose 户口 has long been elsewhere
    for p in r.sample([p for p in g.inmigrants if not p['uyghur']], min(len(g.inmigrants), g.K(0.0005, 2))):
        p['area'] = COUNTY
        p['tags'].add('inmigrant_localnumber')
        g.scen['inmigrant_localnumber'] += 1
    # in-migrant lookalikes of locals living in the same village
    la_pool = [p for p in g.persons if p['kind'] == 'local' and g.adult(p) and not p['uyghur']
               and p['birth'].year >= 1962 and p['pid'] not in g.busy]
    for _ in range(g.K(0.0005, 2)):
        a = r.choice(la_pool)
        area = r.choice(MIGRANT_AREAS)
        p = g.new_person(kind='inmig', sex=a['sex'], birth=a['birth'], sur=a['sur'], given=a['given'], area=area)
        p['hk_code'] = area + '%03d%03d' % (r.randint(100, 115), r.randint(200, 230))
        p['res_vil'] = a['vil']
        p['res_addr'] = g.addr(a['vil'])
        p['tags'].add('lookalike_inmigrant')
        a['tags'].add('lookalike_inmigrant')
        g.inmigrants.append(p)
        g.scen['lookalike_inmigrant'] += 1


def make_outsiders(g):
    r = g.rng
    g.outsiders = []
    for _ in range(g.K(0.015, 12)):
        y = r.randint(1966, 2005)
        s = r.choice('MF')
        p = g.new_person(kind='outsider', sex=s, birth=g.rand_date(y), sur=g.surname(), given=g.given(s, y),
                         area=r.choice(MIGRANT_AREAS))
        p['tags'].add('shebao_only')
        g.outsiders.append(p)
    for _ in range(g.K(0.001, 2)):
        y = r.randint(1935, 1975)
        s = r.choice('MF')
        p = g.new_person(kind='outsider', sex=s, birth=g.rand_date(y), sur=g.surname(), given=g.given(s, y),
                         area=r.choice(MIGRANT_AREAS))
        p['tags'].add('outsider_death')
        p['outsider_death'] = True
        g.outsiders.append(p)


# ====================================================================== scenario designation

def new_hh(g, vil):
    hid = '%s%05d' % (vil[6:9], len(g.households) + 1)
    hh = dict(id=hid, vil=vil, addr=g.addr(vil), members=[])
    g.households[hid] = hh
    return hh


def one_char_diff(g, p, homo_ok=True):
    r = g.rng
    gv = p['given']
    i = len(gv) - 1
    if homo_ok and gv[i] in NM.HOMO and r.random() < 0.5:
        c = r.choice(NM.HOMO[gv[i]])
    else:
        pool = NM.POOL[g.gen_of(p['birth'].year)][p['sex']]
        c = r.choice([x for x in pool if x != gv[i] and x not in NM.HOMO.get(gv[i], [])])
    return p['sur'] + gv[:i] + c


def designate(g):
    r = g.rng
    K = g.K
    adult = lambda p: g.adult(p) and g.age(p) < 85  # noqa: E731
    working = lambda p: 20 <= g.age(p) <= 58  # noqa: E731
    born19 = lambda p: adult(p) and 1930 <= p['birth'].year <= 1999 and p['twin'] is None  # noqa: E731
    other_vil = lambda v: r.choice([x for x in g.vil_codes if x != v and g.villages[x]['kind'] != '安置'])  # noqa: E731

    # -- 重号: two different people share one number
    for a in g.pick(K(0.0003, 1), adult, 'shared_number'):
        vil = other_vil(a['vil'])
        hh = new_hh(g, vil)
        while True:
            gv = g.given(a['sex'], a['birth'].year)
            if gv != a['given']:
                break
        b = g.new_person(sex=a['sex'], birth=a['birth'], sur=g.surname(), given=gv, hh=hh['id'], rel='户主',
                         vil=vil, addr=hh['addr'], num=a['num'])
        hh['members'].append(b['pid'])
        b['tags'].add('shared_number')
        g.busy.add(b['pid'])
        a['no_other'] = b['no_other'] = True
        g.scen['shared_number'] += 1

    # -- 一人多户
    def second(p, kind, same_vil=True, name=None):
        vil = p['vil'] if same_vil else r.choice(g.tw_villages[g.villages[p['vil']]['tw']])
        hh = new_hh(g, vil)
        p['multi'] = dict(kind=kind, vil=vil, addr=hh['addr'], hh=hh['id'], name=name or p['name'])
        return p['multi']

    for p in g.pick(K(0.0015, 3), born19, 'multi_huji_15'):
        second(p, '15', name=one_char_diff(g, p) if r.random() < 0.3 else None)
    for p in g.pick(K(0.001, 2), adult, 'multi_huji_typo'):
        second(p, 'typo')
    for p in g.pick(K(0.0005, 2), adult, 'multi_huji_typo_name'):
        second(p, 'typo', name=one_char_diff(g, p, homo_ok=False))
    for p in g.pick(K(0.001, 3), adult, 'multi_huji_valid'):
        m = second(p, 'valid', same_vil=r.random() < 0.4, name=one_char_diff(g, p) if r.random() < 0.5 else None)
        m['num'] = g.fresh_number(p['area'], p['birth'], p['sex'])
        p['alias'].append(m['num'])

    # -- moved inside the county (old record 迁出 to an in-county code, new record 正常)
    for p in g.pick(K(0.0008, 2), adult, 'moved_within'):
        nv = other_vil(p['vil'])
        hh = new_hh(g, nv)
        p['moved_within'] = dict(old_vil=p['vil'], old_addr=p['addr'], old_hh=p['hh'],
                                 sdate=g.rand_date(2026, D(2020, 1, 1), D(2026, 10, 1)))
        p['vil'], p['addr'], p['hh'], p['rel'] = nv, hh['addr'], hh['id'], '户主'

    # -- huji rows with unusable numbers
    for p in g.pick(K(0.0005, 2), adult, 'huji_invalid'):
        n = p['num']
        k = r.randrange(3)
        if k == 0:
            raw = n[:9] + n[10:]                    # a digit dropped
        elif k == 1:
            raw = n[:11] + 'O' + n[12:]             # letter O for zero
        else:
            raw = n[:7] + str((int(n[7]) + 3) % 10) + n[8:12] + str((int(n[12]) + 5) % 10) + n[13:]
        p['huji_num'] = ('raw', raw)
        p['no_other'] = True
    for p in g.pick(K(0.0005, 2), lambda p: adult(p) and working(p), 'huji_typo_repairable'):
        p['huji_num'] = 'typo'
        p['force_shebao'] = True
    for p in g.pick(K(0.002, 3), born19, 'huji_15', busy=False):
        if 'huji_num' not in p:
            p['huji_num'] = '15'

    # -- deaths
    for i, p in enumerate(g.pick(K(0.002, 4), adult, 'death_conflict')):
        dd = g.rand_date(2026, D(2025, 6, 1), D(2026, 11, 20))
        if i % 3 == 2 and working(p):
            p['shebao_death'] = dict(edate=dd)
        else:
            p['minzheng'] = dict(ddate=dd)
    kinds = ['unique', 'homo', 'ambig', 'date', 'unique_trad']
    for i, p in enumerate(g.pick(K(0.0015, 5), adult, 'death_typo')):
        kd = kinds[i % len(kinds)]
        dd = g.rand_date(2026, D(2025, 6, 1), D(2026, 11, 20))
        if kd == 'unique':
            p['minzheng'] = dict(ddate=dd, num='typo_safe')
        elif kd == 'unique_trad':
            p['minzheng'] = dict(ddate=dd, num='typo_safe', name='trad')
        elif kd == 'homo':
            p['minzheng'] = dict(ddate=dd, num='typo_safe', name='homo')
        elif kd == 'date':
            p['minzheng'] = dict(ddate=dd, num='typo_date')
        else:
            p['minzheng'] = dict(ddate=dd, num='ambig_any')
        p['tags'].add('death_typo_' + kd)
    for p in g.pick(K(0.0005, 2), adult, 'death_nonumber'):
        p['minzheng'] = dict(ddate=g.rand_date(2026, D(2025, 6, 1), D(2026, 11, 20)), num='empty')
    # wrong valid number: the clerk copied another person's (valid) number
    owners = g.eligible(lambda q: adult(q) and q['rel'] == '户主')
    dead = [p for p in g.persons if p['kind'] == 'local' and p['status'] == '死亡' and p['pid'] not in g.busy]
    for p in r.sample(dead, min(len(dead), K(0.0005, 2))):
        q = r.choice([q for q in owners if q['sur'] != p['sur'] and q['pid'] not in g.busy])
        g.busy.update((p['pid'], q['pid']))
        p['minzheng'] = dict(ddate=p['sdate'] - DAY * r.randint(0, 3), num=('raw', q['num']))
        p['tags'].add('wrong_valid_number')
        p['tags'].add('wrong_valid_number_death')
        q['tags'].add('wrong_valid_number_owner')
        q['tags'].add('wrong_valid_owner_' + ('same_sex' if q['sex'] == p['sex'] else 'other_sex'))
        g.scen['wrong_valid_number_death'] += 1
    for p in g.pick(K(0.0005, 2), lambda p: adult(p) and working(p), 'wrong_valid_number_unit'):
        q = r.choice([q for q in owners if q['sur'] != p['sur'] and q['pid'] not in g.busy])
        g.busy.add(q['pid'])
        emp = r.choice([e for e in g.employers if e[2]])
        p['shebao'] = [dict(emp=emp, state='参保缴费', num=('raw', q['num']))]
        p['tags'].add('wrong_valid_number')
        q['tags'].add('wrong_valid_number_owner')
        q['tags'].add('wrong_valid_owner_' + ('same_sex' if q['sex'] == p['sex'] else 'other_sex'))
    # lookalikes: one of the pair dies, or works at a unit with a number-less insurance row
    for i, (a, b, scope) in enumerate(g.lookalike_pairs):
        A, B = g.persons[a], g.persons[b]
        if not (g.adult(A) and g.adult(B)) or A['status'] != '正常' or B['status'] != '正常':
            continue
        if i % 3 == 0:
            dd = g.rand_date(2026, D(2024, 1, 1), D(2026, 11, 20))
            if r.random() < 0.5:
                B['status'], B['sdate'] = '死亡', dd
                B['minzheng'] = dict(ddate=dd - DAY * r.randint(0, 3))
            else:
                B['minzheng'] = dict(ddate=dd)
            A['tags'].add('lookalike_death')
            B['tags'].add('lookalike_death')
            g.scen['lookalike_death'] += 1
        elif i % 3 == 1 and working(A):
            emp = r.choice([e for e in g.employers if e[2]])
            A['shebao'] = [dict(emp=emp, state='参保缴费', num='empty')]
            A['tags'].add('lookalike_unit')
            B['tags'].add('lookalike_unit')
            g.scen['lookalike_unit'] += 1
    # -- a typo'd number of an unknown outsider that lands one digit from exactly one known local
    for i, p in enumerate(g.pick(K(0.0007, 4), lambda p: adult(p) and working(p), 'typo_lands_on_other')):
        for _ in range(50):
            pos = r.choice([14, 15])
            t = p['num'][:pos] + r.choice([c for c in '0123456789' if c != p['num'][pos]]) + p['num'][pos + 1:]
            seq = int(t[14:17])
            qn = t[:17] + ckd(t[:17])
            if seq < 996 and qn != t and seq not in g.used_seq[(p['area'], p['birth'])]:
                break
        g.used_seq[(p['area'], p['birth'])].add(seq)
        while True:
            gv = g.given(p['sex'], p['birth'].year)
            sur = g.surname()
            if sur != p['sur']:
                break
        q = g.new_person(kind='outsider', sex=p['sex'], birth=p['birth'], sur=sur, given=gv, area=p['area'], num=qn)
        q['tags'].update(('typo_lands_on_other', 'shebao_only'))
        g.busy.add(q['pid'])
        if i % 2 == 0:
            q['shebao'] = [dict(emp=r.choice([e for e in g.employers if e[2]]), state='参保缴费', num=('raw', t))]
            p['tags'].add('typo_neighbour_of_unit_outsider')
        else:
            q['minzheng'] = dict(ddate=g.rand_date(2026, D(2025, 6, 1), D(2026, 11, 20)), num=('raw', t))
            q['outsider_death'] = True
            q['tags'].discard('shebao_only')
            p['tags'].add('typo_neighbour_of_dead_outsider')
        g.outsiders.append(q)

    # -- ambiguous typos on records that would change a listing
    pref = defaultdict(list)
    for q in g.persons:
        pref[q['num'][:14]].append(q['num'])
    has_partner = lambda p: any(m != p['num'] and sum(1 for x, y in zip(m[:17], p['num'][:17]) if x != y) == 1  # noqa
                                for m in pref[p['num'][:14]])
    amb = g.pick(K(0.001, 4), lambda p: adult(p) and working(p) and has_partner(p), 'typo_ambiguous')
    for i, p in enumerate(amb):
        k = i % 4
        if k == 0:
            emp = r.choice([e for e in g.employers if e[2]])
            p['shebao'] = [dict(emp=emp, state='参保缴费', num='ambig')]
            p['tags'].add('typo_ambiguous_unit')
        elif k == 1:
            p['waidi'] = [dict(type='已在外地登记', num='ambig')]
            p['tags'].add('typo_ambiguous_waidi')
        elif k == 2:
            p['xuanwei'] = [dict(type='剥夺政治权利', start=D(2025, 3, 1), end=D(2028, 2, 28), num='ambig')]
            p['tags'].add('typo_ambiguous_xuanwei')
        else:
            p['minzheng'] = dict(ddate=g.rand_date(2026, D(2025, 6, 1), D(2026, 11, 20)), num='ambig')
            p['tags'].add('typo_ambiguous_death')
    # also make the death_typo 'ambig' ones really ambiguous where possible
    for p in g.persons:
        mz = p.get('minzheng')
        if mz and mz.get('num') == 'ambig_any':
            mz['num'] = 'ambig' if has_partner(p) else 'typo_safe'
            if not has_partner(p):
                p['tags'].discard('death_typo_ambig')
                p['tags'].add('death_typo_unique')

    # -- rights decisions
    def xw(tag, k, items):
        for p in g.pick(k, adult, tag):
            p['xuanwei'] = [dict(x) for x in items]
    xw('deprived', K(0.001, 3), [dict(type='剥夺政治权利', start=D(2024, 5, 10), end=D(2029, 5, 9))])
    xw('deprived_open', 1, [dict(type='剥夺政治权利', start=D(2019, 3, 1), end=None)])
    xw('deprived_past', K(0.0005, 2), [dict(type='剥夺政治权利', start=D(2021, 6, 1), end=D(2025, 5, 31))])
    xw('deprived_future', 1, [dict(type='剥夺政治权利', start=D(2027, 1, 10), end=D(2030, 1, 9))])
    xw('restored', K(0.0005, 2), [dict(type='剥夺政治权利', start=D(2023, 4, 1), end=D(2028, 3, 31)),
                                  dict(type='恢复政治权利', start=D(2026, 6, 30), end=None)])
    xw('restored_late', 1, [dict(type='剥夺政治权利', start=D(2023, 4, 1), end=D(2028, 3, 31)),
                            dict(type='恢复政治权利', start=D(2026, 12, 20), end=None)])
    xw('restored_sameday', 1, [dict(type='剥夺政治权利', start=D(2024, 9, 1), end=D(2027, 8, 31)),
                               dict(type='恢复政治权利', start=D(2024, 9, 1), end=None)])
    xw('restored_before_deprival', 1, [dict(type='恢复政治权利', start=D(2022, 1, 5), end=None),
                                       dict(type='剥夺政治权利', start=D(2024, 9, 1), end=D(2027, 8, 31))])
    xw('rights_end_on_E', 1, [dict(type='剥夺政治权利', start=D(2022, 12, 16), end=E)])
    xw('rights_end_before_E', 1, [dict(type='剥夺政治权利', start=D(2022, 12, 15), end=E - DAY)])
    xw('rights_start_on_E', 1, [dict(type='剥夺政治权利', start=E, end=D(2029, 12, 14))])
    xw('rights_start_after_E', 1, [dict(type='剥夺政治权利', start=E + DAY, end=D(2029, 12, 15))])
    xw('suspended', K(0.0005, 2), [dict(type='停止行使选举权利', start=D(2026, 10, 8), end=D(2027, 4, 7))])
    xw('suspended_past', 1, [dict(type='停止行使选举权利', start=D(2026, 3, 1), end=D(2026, 9, 1))])
    xw('unable', K(0.0005, 2), [dict(type='不能行使选举权利', start=D(2025, 2, 1), end=None)])
    xw('unable_ended', 1, [dict(type='不能行使选举权利', start=D(2021, 2, 1), end=D(2024, 1, 31))])
    for p in g.pick(K(0.0003, 2), adult, 'rights_typo'):
        p['xuanwei'] = [dict(type='剥夺政治权利', start=D(2025, 1, 8), end=D(2028, 1, 7), num='typo_area')]

    # -- registered elsewhere
    for i, p in enumerate(g.pick(K(0.002, 3), adult, 'registered_elsewhere')):
        p['waidi'] = [dict(type='已在外地登记')]
    # -- shebao designations on the unit employers
    units = [e for e in g.employers if e[2]]
    for p in g.pick(K(0.001, 2), working, 'unit_typo_certain'):
        p['shebao'] = [dict(emp=r.choice(units), state='参保缴费', num='typo_safe', name=r.choice(['ok', 'trad']))]
    for p in g.pick(K(0.0007, 2), working, 'unit_typo_homophone'):
        p['shebao'] = [dict(emp=r.choice(units), state='参保缴费', num='typo_safe', name='homo')]
    for p in g.pick(K(0.0005, 2), working, 'unit_nonumber'):
        p['shebao'] = [dict(emp=r.choice(units), state='参保缴费', num='empty')]
    for p in g.pick(K(0.0005, 2), working, 'unit_15'):
        p['shebao'] = [dict(emp=r.choice(units), state='参保缴费', num='15')]
    for p in g.pick(K(0.001, 2), working, 'unit_left'):
        others = [e for e in g.employers if not e[2]]
        p['shebao'] = [dict(emp=r.choice(units), state='终止参保', reason='转出', edate=D(2026, 3, 31)),
                       dict(emp=r.choice(others), state='参保缴费')]
    for p in g.pick(K(0.001, 2), working, 'unit_paused'):
        p['shebao'] = [dict(emp=r.choice(units), state='暂停缴费')]
    for p in g.pick(K(0.0005, 2), working, 'unit_separated'):
        p['shebao'] = [dict(emp=r.choice(units), state='参保缴费')]
        p['force_separated'] = True
    # resettled people who also registered a residence in another district
    g.force_conflict = K(0.0005, 2)

    # -- wrong valid numbers on rights decisions and notices (the owner must not be touched)
    owner_pool = g.eligible(lambda q: adult(q) and q['rel'] == '户主')

    def owner_for(p):
        while True:
            q = r.choice(owner_pool)
            if q['sur'] != p['sur'] and q['pid'] not in g.busy:
                return q
    for p in g.pick(K(0.0004, 2), adult, 'wrong_valid_number_xuanwei'):
        q = owner_for(p)
        g.busy.add(q['pid'])
        p['xuanwei'] = [dict(type='剥夺政治权利', start=D(2025, 4, 1), end=D(2028, 3, 31), num=('raw', q['num']))]
        p['tags'].add('wrong_valid_number')
        q['tags'].add('wrong_valid_number_owner')
        q['tags'].add('wrong_valid_owner_' + ('same_sex' if q['sex'] == p['sex'] else 'other_sex'))
    for p in g.pick(K(0.0004, 2), adult, 'wrong_valid_number_waidi'):
        q = owner_for(p)
        g.busy.add(q['pid'])
        p['waidi'] = [dict(type='已在外地登记', num=('raw', q['num']))]
        p['tags'].add('wrong_valid_number')
        q['tags'].add('wrong_valid_number_owner')
        q['tags'].add('wrong_valid_owner_' + ('same_sex' if q['sex'] == p['sex'] else 'other_sex'))
    # -- adult twins whose records carry the other twin's number
    tw = [p for p in g.persons if p['twin'] is not None and p['pid'] < p['twin'] and p['status'] == '正常'
          and g.persons[p['twin']]['status'] == '正常' and working(p) and working(g.persons[p['twin']])
          and p['pid'] not in g.busy and p['twin'] not in g.busy]
    r.shuffle(tw)
    for i, a in enumerate(tw[:K(0.0006, 3)]):
        b = g.persons[a['twin']]
        g.busy.update((a['pid'], b['pid']))
        if i % 2 == 0:
            a['shebao'] = [dict(emp=r.choice(units), state='参保缴费', num=('raw', b['num']))]
            a['tags'].add('twins_swapped_number_unit')
        else:
            dd = g.rand_date(2026, D(2024, 6, 1), D(2026, 11, 20))
            a['status'], a['sdate'] = '死亡', dd
            a['minzheng'] = dict(ddate=dd - DAY, num=('raw', b['num']))
            a['tags'].add('twins_swapped_number_death')
        for x in (a, b):
            x['tags'].add('twins_swapped_number')
        b['tags'].add('twins_number_owner_' + ('same_sex' if a['sex'] == b['sex'] else 'other_sex'))
        g.scen['twins_swapped_number'] += 1
    # -- 重号 with a death of one of the two
    for a in g.pick(K(0.0003, 1), adult, 'shared_number_death'):
        vil = other_vil(a['vil'])
        hh = new_hh(g, vil)
        while True:
            gv = g.given(a['sex'], a['birth'].year)
            if gv != a['given']:
                break
        b = g.new_person(sex=a['sex'], birth=a['birth'], sur=g.surname(), given=gv, hh=hh['id'], rel='户主',
                         vil=vil, addr=hh['addr'], num=a['num'])
        hh['members'].append(b['pid'])
        b['tags'].update(('shared_number', 'shared_number_death'))
        a['tags'].add('shared_number')
        g.busy.add(b['pid'])
        a['no_other'] = b['no_other'] = True
        b['minzheng'] = dict(ddate=g.rand_date(2026, D(2025, 6, 1), D(2026, 11, 20)), num='ok')
    # -- codes not covered by any district
    for p in g.pick(K(0.0005, 2), lambda p: adult(p) and g.age(p) <= 65, 'residence_uncovered'):
        p['force_separated'] = g.uncovered[0]
    for p in g.pick(K(0.0005, 2), lambda p: adult(p) and g.age(p) <= 65, 'residence_code_9'):
        p['force_separated'] = 'code9'
    g.resettle_uncovered = K(0.0005, 2)
    # -- a police row delivered twice
    for p in g.pick(K(0.0005, 2), adult, 'huji_dup_row', busy=False):
        p['huji_dup'] = True


# ====================================================================== record builders

def num_for(g, p, mode, safe=False):
    if mode == 'typo_safe':
        return g.render_num(p, g.rng.choice(['typo', 'swap']), safe=True)
    if mode == 'typo_date':
        n = p['num']
        for _ in range(40):
            i = g.rng.randint(8, 13)
            t = n[:i] + g.rng.choice([c for c in '0123456789' if c != n[i]]) + n[i + 1:]
            if {v for v in neighbours(t) if v in g.allnums} == {n}:
                return t
        return t
    if mode == 'typo_area':
        n = p['num']
        for _ in range(40):
            i = g.rng.randint(2, 5)
            t = n[:i] + g.rng.choice([c for c in '0123456789' if c != n[i]]) + n[i + 1:]
            if {v for v in neighbours(t) if v in g.allnums} == {n}:
                return t
        return t
    return g.render_num(p, mode, safe=safe)


def pick_mode(g, profile):
    x = g.rng.random()
    for m, w in profile:
        if x < w:
            return m
        x -= w
    return profile[0][0]


NUM_PROFILE = {
    'huji': [('ok', 0.99), ('fmt', 0.01)],
    'liudong': [('ok', 0.952), ('fmt', 0.03), ('15', 0.01), ('typo', 0.005), ('swap', 0.003)],
    'shebao': [('ok', 0.865), ('fmt', 0.05), ('15', 0.02), ('typo', 0.04), ('swap', 0.02), ('empty', 0.005)],
    'tongji': [('empty', 0.70), ('ok', 0.23), ('fmt', 0.04), ('typo', 0.02), ('swap', 0.01)],
    'chaiqian': [('ok', 0.92), ('fmt', 0.05), ('typo', 0.02), ('swap', 0.01)],
    'minzheng': [('ok', 0.95), ('fmt', 0.03), ('15', 0.02)],
    'xuanwei': [('ok', 0.96), ('fmt', 0.03), ('15', 0.01)],
    'waidi': [('ok', 0.95), ('fmt', 0.04), ('typo', 0.01)],
}
NAME_PROFILE = {
    'liudong': [('ok', 0.95), ('trad', 0.02), ('space', 0.02), ('homo', 0.01)],
    'shebao': [('ok', 0.89), ('trad', 0.04), ('homo', 0.04), ('space', 0.03)],
    'tongji': [('ok', 0.84), ('trad', 0.05), ('homo', 0.08), ('space', 0.03)],
    'chaiqian': [('ok', 0.92), ('trad', 0.03), ('homo', 0.03), ('space', 0.02)],
    'minzheng': [('ok', 0.93), ('trad', 0.03), ('homo', 0.02), ('space', 0.02)],
    'xuanwei': [('ok', 0.97), ('trad', 0.02), ('space', 0.01)],
    'waidi': [('ok', 0.94), ('trad', 0.03), ('homo', 0.01), ('space', 0.02)],
}
NO_BIRTH = {'minzheng', 'xuanwei', 'waidi', 'chaiqian'}
NO_SEX = {'xuanwei', 'waidi', 'chaiqian'}


def mk(g, src, p, row, sem, numcol, num_mode=None, name_mode=None, has_birth=None, has_sex=None):
    nm = num_mode if num_mode is not None else pick_mode(g, NUM_PROFILE[src])
    safe = src in NO_BIRTH or src in NO_SEX or (has_birth is False)
    raw_num = num_for(g, p, nm, safe=safe)
    if src == 'huji':
        raw_name = row.get('姓名') or p['name']
        nmode = 'ok'
    else:
        nmode = name_mode if name_mode is not None else pick_mode(g, NAME_PROFILE[src])
        raw_name = g.render_name(p, nmode, src)
    row[numcol] = raw_num
    row['姓名'] = raw_name
    if has_birth is None and row.get('出生日期') == '':
        # a row whose birth cell was left empty has no birth of its own (RULES.md: "Sex and birth that a record has
        # only from its own mistyped number are no evidence"); decided after `safe` so that the delivery is unchanged
        has_birth = False
    rec = g.rec(src, p, row, sem, has_sex=(src not in NO_SEX) if has_sex is None else has_sex,
                has_birth=(src not in NO_BIRTH) if has_birth is None else has_birth)
    rec['raw_num'] = raw_num
    rec['raw_name'] = raw_name
    rec['num_mode'] = nm if not isinstance(nm, tuple) else 'raw'
    rec['name_mode'] = nmode if not isinstance(nmode, tuple) else 'raw'
    return rec


def build_huji(g):
    r = g.rng
    for p in g.persons:
        if p['kind'] != 'local':
            continue

        def row(vil, addr, hh, rel, status, sdate, moveto, name=None):
            return {'公民身份号码': '', '姓名': name or p['name'], '曾用名': p['former'],
                    '性别': g.fsex(p['sex'], 0.1), '民族': p['eth'], '出生日期': g.fdate(p['birth'], 0.5),
                    '户号': hh, '与户主关系': rel, '户籍地址': addr, '户籍地区划代码': vil, '人员状态': status,
                    '状态变动日期': g.fdate(sdate, 0.6) if sdate else '', '迁往地区划代码': moveto}
        mw = p.get('moved_within')
        if mw:
            mk(g, 'huji', p, row(mw['old_vil'], mw['old_addr'], mw['old_hh'], '户主', '迁出', mw['sdate'],
                                  p['vil'] if r.random() < 0.6 else p['vil'][:6]),
               dict(status='迁出', vil=mw['old_vil'], role='old'), '公民身份号码', num_mode='ok')
            old_rec = g.records[-1]
        prim = mk(g, 'huji', p, row(p['vil'], p['addr'], p['hh'], p['rel'], p['status'], p['sdate'], p['moveto']),
                  dict(status=p['status'], vil=p['vil'], role='primary'), '公民身份号码',
                  num_mode=p.get('huji_num'))
        if mw and r.random() < 0.6:
            old_rec['before'] = prim
        if p.get('huji_dup'):
            c = dict(prim)
            c['row'] = dict(prim['row'])
            g.records.append(c)
        m = p.get('multi')
        if m:
            mode = {'15': '15', 'typo': 'typo', 'valid': ('raw', m.get('num'))}[m['kind']]
            sec = mk(g, 'huji', p, row(m['vil'], m['addr'], m['hh'], '户主', '正常', None, '', name=m['name']),
                     dict(status='正常', vil=m['vil'], role='second'), '公民身份号码', num_mode=mode)
            if r.random() < 0.5:
                sec['before'] = prim


def liudong_row(g, p, res_vil, addr, reg, end, hk_code, reason):
    return {'公民身份号码': '', '姓名': '', '性别': g.fsex(p['sex'], 0.2),
            '出生日期': g.fdate(p['birth']) if g.rng.random() < 0.97 else '',
            '户籍地区划代码': hk_code, '居住地址': addr, '居住地区划代码': res_vil, '登记日期': g.fdate(reg),
            '注销日期': g.fdate(end) if end else '', '居住事由': reason}


def build_liudong(g):
    r = g.rng
    reasons = ['务工', '务工', '务工', '经商', '就学', '投亲', '其他']
    locals_ = [p for p in g.persons if p['kind'] == 'local' and p['status'] == '正常' and g.adult(p)
               and g.age(p) <= 65 and not p.get('no_other') and not p.get('multi') and not p.get('moved_within')]
    sep = set(q['pid'] for q in r.sample(locals_, int(len(locals_) * 0.07)))
    sep |= set(q['pid'] for q in locals_ if q.get('force_separated'))
    for p in locals_:
        if p['pid'] in sep:
            d0 = g.vil_district[p['vil']]
            same = [v for v in g.vil_codes if v != p['vil'] and g.vil_district[v] == d0]
            fs = p.get('force_separated')
            if isinstance(fs, str) and fs != 'code9':
                rv = fs
            elif fs == 'code9':
                tws = [t for t in g.tw_villages if len(set(g.vil_district[v] for v in g.tw_villages[t])) > 1
                       and t != g.villages[p['vil']]['tw']]
                rv = r.choice(g.tw_villages[r.choice(tws)])
            elif same and r.random() < 0.3:
                rv = r.choice(same)
                p['tags'].add('separated_same_district')
            else:
                rv = r.choice([v for v in g.vil_codes if g.vil_district[v] != d0])
            p['res_vil'] = rv
            p['res_addr'] = g.addr(rv)
            p['tags'].add('separated')
            if fs == 'code9':
                rv = rv[:9]
                p['res_vil'] = None
            reg = g.rand_date(2026, D(2016, 1, 1), D(2026, 11, 20))
            hk = g.farea(p['vil'])
            if r.random() < 0.3:
                ov = r.choice([v for v in g.vil_codes if v not in (p['vil'], rv)])
                oreg = g.rand_date(2026, D(2012, 1, 1), reg - DAY * 60)
                mk(g, 'liudong', p, liudong_row(g, p, ov, g.addr(ov), oreg, reg - DAY * r.randint(1, 30), hk,
                                                r.choice(reasons)),
                   dict(active=False, res_vil=ov, reg=oreg), '公民身份号码')
            nm = None
            if r.random() < 0.01:
                nm = 'typo'
                p['tags'].add('separated_typo')
            mk(g, 'liudong', p, liudong_row(g, p, rv, p['res_addr'], reg, None, hk, r.choice(reasons)),
               dict(active=True, res_vil=rv, reg=reg), '公民身份号码', num_mode=nm)
        elif r.random() < 0.012:
            ov = r.choice([v for v in g.vil_codes if v != p['vil']])
            reg = g.rand_date(2026, D(2015, 1, 1), D(2024, 1, 1))
            mk(g, 'liudong', p, liudong_row(g, p, ov, g.addr(ov), reg, reg + DAY * r.randint(90, 900),
                                            g.farea(p['vil']), r.choice(reasons)),
               dict(active=False, res_vil=ov, reg=reg), '公民身份号码')
            p['tags'].add('separated_ended')
    # in-migrants
    g.inmig_active = {}
    bounds = [D(2025, 12, 15), D(2025, 12, 16), D(2025, 11, 30), D(2025, 12, 31), D(2025, 12, 14), D(2025, 11, 15),
              D(2025, 11, 16)]
    ib = 0
    for p in g.inmigrants:
        hk = p['hk_code'] if r.random() < 0.5 else p['hk_code'][:6]
        active = r.random() < 0.87 or 'lookalike_inmigrant' in p['tags']
        if r.random() < 0.6:
            reg = g.rand_date(2026, D(2023, 6, 1), D(2026, 11, 25))
        else:
            reg = g.rand_date(2026, D(2012, 1, 1), D(2023, 6, 1))
        end = None
        if not active:
            end = reg + DAY * r.randint(60, 1500)
            if end > DELIVERY - DAY * 5:
                end = DELIVERY - DAY * 5
        if r.random() < 0.15:
            ov = r.choice([v for v in g.vil_codes if v != p['res_vil']])
            oreg = reg - DAY * r.randint(200, 2000)
            mk(g, 'liudong', p, liudong_row(g, p, ov, g.addr(ov), oreg, reg - DAY * r.randint(1, 40), hk,
                                            r.choice(reasons)),
               dict(active=False, res_vil=ov, reg=oreg), '公民身份号码', num_mode='ok')
        p['li_active'] = active
        p['li_reg'] = reg
        mk(g, 'liudong', p, liudong_row(g, p, p['res_vil'], p['res_addr'], reg, end, hk, r.choice(reasons)),
           dict(active=active, res_vil=p['res_vil'], reg=reg, inmig=True), '公民身份号码',
           num_mode=r.choice(['ok', 'ok', 'ok', 'fmt']))
    # boundary registration dates: adjust the active record of some in-migrants without proof later
    g.inmig_bounds = bounds


def shebao_row(g, p, emp, state, reason='', edate=None):
    name, cc, _ = emp if emp else ('', '', None)
    return {'社会保障号码': '', '姓名': '', '性别': g.fsex(p['sex'], 0.4),
            '出生日期': g.fdate(p['birth']) if g.rng.random() < 0.95 else '',
            '参保单位名称': name, '统一社会信用代码': cc, '参保状态': state, '终止原因': reason,
            '终止日期': g.fdate(edate) if edate else ''}


def add_shebao(g, p, emp, state, reason='', edate=None, num=None, name=None):
    row = shebao_row(g, p, emp, state, reason, edate)
    credit = emp[1] if emp else ''
    return mk(g, 'shebao', p, row, dict(state=state, credit=credit, death=(reason == '死亡')), '社会保障号码',
              num_mode=num, name_mode=name, has_birth=bool(row['出生日期']))


def build_shebao(g):
    r = g.rng
    units = [e for e in g.employers if e[2]]
    others = [e for e in g.employers if not e[2]]
    for p in g.persons:
        if p.get('no_other'):
            continue
        if p.get('shebao'):
            for s in p['shebao']:
                add_shebao(g, p, s['emp'], s['state'], s.get('reason', ''), s.get('edate'), num=s.get('num'),
                           name=s.get('name'))
            continue
        if p.get('shebao_death'):
            add_shebao(g, p, r.choice(others), '终止参保', '死亡', p['shebao_death']['edate'])
            continue
        a = g.age(p)
        if p['kind'] == 'outsider':
            if p.get('outsider_death'):
                continue
            emp = r.choice(units) if r.random() < 0.25 else r.choice(others)
            if emp[2]:
                p['tags'].add('unit_outsider')
            add_shebao(g, p, emp, '参保缴费')
            continue
        if p['kind'] == 'inmig':
            if r.random() < 0.55 and a <= 60:
                emp = r.choice(units) if r.random() < 0.08 else r.choice(others)
                add_shebao(g, p, emp, '参保缴费')
                if emp[2]:
                    p['tags'].add('inmigrant_unit_employee')
            continue
        if p['status'] == '死亡':
            if a >= 45 and r.random() < 0.5:
                add_shebao(g, p, None if a > 62 else r.choice(others), '终止参保', '死亡',
                           p['sdate'] + DAY * r.randint(0, 20) if p['sdate'] < D(2026, 11, 1) else p['sdate'])
            continue
        if p['status'] == '迁出' and a <= 60:
            if r.random() < 0.4:
                add_shebao(g, p, r.choice(others), '终止参保', '转出', p['sdate'] + DAY * r.randint(0, 60))
            continue
        if p['status'] != '正常' or not g.adult(p):
            continue
        if p.get('force_shebao'):
            add_shebao(g, p, r.choice(others), '参保缴费', num='ok')
            continue
        if 20 <= a <= 58:
            x = r.random()
            if x < 0.04:
                add_shebao(g, p, r.choice(units), '参保缴费')
                p['tags'].add('unit')
            elif x < 0.40:
                st = r.choices(['参保缴费', '暂停缴费', '终止参保'], [0.87, 0.08, 0.05])[0]
                add_shebao(g, p, r.choice(others), st, '转出' if st == '终止参保' else '',
                           g.rand_date(2026, D(2022, 1, 1), D(2026, 11, 1)) if st == '终止参保' else None)
        elif a > 60 and r.random() < 0.3:
            add_shebao(g, p, None, '参保缴费')
    # duplicate rows delivered twice (same person) and a totals line
    dups = [rec for rec in g.records if rec['src'] == 'shebao']
    for rec in r.sample(dups, min(len(dups), max(2, len(dups) // 200))):
        c = dict(rec)
        c['row'] = dict(rec['row'])
        g.records.append(c)
        g.persons[rec['pid']]['tags'].add('dup_row')


def build_chaiqian(g):
    r = g.rng
    cand_vils = [v for v in g.vil_codes if g.villages[v]['kind'] == '村'
                 and any(g.villages[x]['tw'] == g.villages[v]['tw'] for x in g.resettle)]
    if len(cand_vils) < 2:
        cand_vils = [v for v in g.vil_codes if g.villages[v]['kind'] != '安置']
    vils = r.sample(cand_vils, min(2, len(cand_vils)))
    projects = ['%s旧村改造' % g.villages[v]['name'] for v in vils]
    hhs = [h for h in g.households.values() if h['vil'] in vils]
    r.shuffle(hhs)
    ncase = max(6, int(len(hhs) * 0.5))
    g.chaiqian_cases = []
    handovers = ([None] * 3 + ['past'] * 11 + ['2027'] * 3 + ['b1', 'b2', 'b3', 'b4'])
    case_no = 0
    forced = 0
    homo_left = g.K(0.0005, 2)
    for hh in hhs[:ncase]:
        members = [g.persons[m] for m in hh['members']]
        members = [p for p in members if p['status'] == '正常' and p['vil'] == hh['vil'] and not p.get('no_other')]
        if not members:
            continue
        case_no += 1
        v = hh['vil']
        pj = projects[vils.index(v)]
        cno = 'ZS%s-%03d' % (v[6:9], case_no)
        mode = '产权调换' if r.random() < 0.7 else '货币补偿'
        nv = r.choice([x for x in g.resettle if g.villages[x]['tw'] == g.villages[v]['tw']] or g.resettle)
        uncovered_case = False
        if mode == '产权调换' and g.resettle_uncovered > 0 and case_no % 4 == 0:
            nv = g.uncovered[0]
            g.resettle_uncovered -= 1
            uncovered_case = True
        naddr = g.addr(nv)
        hand = None
        hkind = r.choice(handovers) if mode == '产权调换' else None
        if hkind == 'past':
            hand = g.rand_date(2026, D(2024, 1, 1), D(2026, 11, 25))
        elif hkind == '2027':
            hand = g.rand_date(2027, D(2027, 1, 1), D(2027, 12, 31))
        elif hkind and hkind.startswith('b'):
            hand = {'b1': D(2026, 12, 10), 'b2': E, 'b3': E + DAY, 'b4': D(2026, 12, 31)}[hkind]
        if uncovered_case:
            hand = g.rand_date(2026, D(2025, 1, 1), D(2026, 10, 1))
            hkind = 'past'
        demol = g.rand_date(2025, D(2023, 3, 1), D(2025, 12, 31))
        oaddr = hh['addr']
        if r.random() < 0.1:
            oaddr = oaddr.replace('号', '号\n(东侧)', 1)
        elif r.random() < 0.15:
            oaddr = oaddr + ',西厢房'
        # head row always numbered; others may lack a number
        members.sort(key=lambda p: 0 if p['rel'] == '户主' else 1)
        case_recs = []
        for j, p in enumerate(members):
            row = {'项目名称': pj, '被征收户编号': cno, '姓名': '', '公民身份号码': '', '与户主关系': p['rel'],
                   '原房屋地址': oaddr, '原区划代码': v, '安置方式': mode,
                   '安置地址': naddr if mode == '产权调换' else '',
                   '安置区划代码': nv if mode == '产权调换' else '',
                   '交房日期': g.fdate(hand) if hand else '', '拆除日期': g.fdate(demol)}
            sem = dict(case=cno, mode=mode, hand=hand, new_vil=nv if mode == '产权调换' else None, rel=p['rel'])
            if j > 0 and r.random() < 0.25:
                nmode = ('raw', p['name'])
                if homo_left > 0 and mode == '产权调换' and hand and hand <= E and not p['uyghur']:
                    nmode = 'homo'
                    homo_left -= 1
                    p['tags'].add('chaiqian_nonumber_homophone')
                rec = mk(g, 'chaiqian', p, row, sem, '公民身份号码', num_mode='empty', name_mode=nmode)
                p['tags'].add('chaiqian_nonumber')
            else:
                rec = mk(g, 'chaiqian', p, row, sem, '公民身份号码')
            case_recs.append(rec)
            p['tags'].add('chaiqian')
            if mode == '产权调换' and hand and hand <= E:
                p['tags'].add('resettled')
            if hkind and hkind.startswith('b'):
                p['tags'].add('handover_boundary')
            if mode == '货币补偿':
                p['tags'].add('chaiqian_money')
            if uncovered_case:
                p['tags'].add('resettled_uncovered')
            if (mode == '产权调换' and hand and hand <= E and forced < g.force_conflict and g.adult(p)
                    and 'separated' not in p['tags'] and g.age(p) <= 65):
                forced += 1
                rv = r.choice([x for x in g.vil_codes if g.vil_district[x] != g.vil_district.get(nv)
                               and x != p['vil']])
                reg = g.rand_date(2026, D(2024, 1, 1), D(2026, 10, 1))
                mk(g, 'liudong', p, liudong_row(g, p, rv, g.addr(rv), reg, None, g.farea(p['vil']), '务工'),
                   dict(active=True, res_vil=rv, reg=reg), '公民身份号码', num_mode='ok')
                p['tags'].add('resettled_conflict')
                p['res_vil'] = rv
        g.chaiqian_cases.append(case_recs)
    g.scen['chaiqian_cases'] = len(g.chaiqian_cases)


def build_minzheng(g):
    r = g.rng
    for p in g.persons:
        mz = p.get('minzheng')
        if mz is None and p['kind'] == 'local' and p['status'] == '死亡' and r.random() < 0.8 \
                and not p.get('no_other'):
            mz = dict(ddate=p['sdate'] - DAY * r.randint(0, 3))
        if mz is None and p.get('outsider_death'):
            mz = dict(ddate=g.rand_date(2026, D(2023, 1, 1), D(2026, 11, 20)))
        if mz is None:
            continue
        dd = mz['ddate']
        row = {'公民身份号码': '', '姓名': '', '性别': g.fsex(p['sex'], 0.2), '死亡日期': g.fdate(dd),
               '火化日期': g.fdate(min(dd + DAY * r.randint(1, 4), DELIVERY - DAY)) if r.random() < 0.9 else ''}
        mk(g, 'minzheng', p, row, dict(death=True, ddate=dd), '公民身份号码', num_mode=mz.get('num'),
           name_mode=mz.get('name'))


def build_xuanwei(g):
    r = g.rng
    bodies = ['德清县人民法院', '湖州市中级人民法院', '湖州市吴兴区人民法院', '德清县选举委员会']
    for p in g.persons:
        for x in p.get('xuanwei') or []:
            body = '德清县选举委员会' if x['type'] in ('不能行使选举权利', '停止行使选举权利') else r.choice(bodies[:3])
            row = {'公民身份号码': '', '姓名': '', '类型': x['type'], '起始日期': g.fdate(x['start']),
                   '终止日期': g.fdate(x['end']) if x['end'] else '', '决定机关': body,
                   '文号': '(%d)浙05%02d刑初%d号' % (x['start'].year, r.randint(1, 23), r.randint(10, 999))}
            mk(g, 'xuanwei', p, row, dict(xtype=x['type'], start=x['start'], end=x['end']), '公民身份号码',
               num_mode=x.get('num'))


def build_waidi(g):
    r = g.rng
    other = ['320102', '330106', '310115', '440305', '320583', '330782', '340104', '330602']
    # in-migrant scenarios
    act = [p for p in g.inmigrants if p['li_active'] and 'lookalike_inmigrant' not in p['tags']]
    inact = [p for p in g.inmigrants if not p['li_active']]
    r.shuffle(act)
    nproof = int(len(act) * 0.25)
    proof = act[:nproof]
    noproof = act[nproof:]
    for p in proof:
        p['proof'] = dict(num=r.choice(['ok', 'ok', 'ok', 'fmt']))
        p['tags'].add('inmigrant_proof')
    for p in proof[-g.K(0.0004, 2):]:
        p['res_vil'] = g.uncovered[0]
        p['tags'].add('inmigrant_uncovered')
        for rec in g.records:
            if rec['src'] == 'liudong' and rec['pid'] == p['pid'] and rec['sem'].get('active'):
                rec['sem']['res_vil'] = p['res_vil']
                rec['row']['居住地区划代码'] = p['res_vil']
                rec['row']['居住地址'] = g.addr(p['res_vil'])
    for p in proof[:g.K(0.0003, 1)]:
        p['proof'] = dict(num='typo_safe', name='homo')
        p['tags'].add('inmigrant_proof_typo_homophone')
    for p in [q for q in proof[g.K(0.0003, 1):] if 'inmigrant_unit_employee' not in q['tags']][:g.K(0.0005, 2)]:
        p['shebao_unit_force'] = True
        p['tags'].add('inmigrant_unit')
    k0 = g.K(0.0003, 1) + g.K(0.0005, 2)
    for p in proof[k0:k0 + g.K(0.0003, 1)]:
        p['tags'].add('inmigrant_dead')
        mk(g, 'minzheng', p, {'公民身份号码': '', '姓名': '', '性别': g.fsex(p['sex'], 0.2),
                              '死亡日期': g.fdate(D(2026, 9, 3)), '火化日期': ''},
           dict(death=True, ddate=D(2026, 9, 3)), '公民身份号码', num_mode='ok')
    k0 += g.K(0.0003, 1)
    for p in proof[k0:k0 + g.K(0.0005, 2)]:
        p['proof'] = dict(num='typo_safe')
        p['tags'].add('inmigrant_proof_typo')
    for p in inact[:g.K(0.0005, 2)]:
        p['proof'] = dict(num='ok')
        p['tags'].add('inmigrant_proof_inactive')
    # boundary months for in-migrants without proof: rewrite their active registration date
    for i, p in enumerate(noproof[:len(g.inmig_bounds)]):
        p['li_reg'] = g.inmig_bounds[i]
        p['tags'].add('inmigrant_boundary')
        for rec in g.records:
            if rec['src'] == 'liudong' and rec['pid'] == p['pid'] and rec['sem'].get('active'):
                rec['sem']['reg'] = p['li_reg']
                rec['row']['登记日期'] = g.fdate(p['li_reg'])
    for p in g.inmigrants:
        if p.get('proof'):
            row = {'公民身份号码': '', '姓名': '', '类型': '原选区资格证明', '对方区划代码': p['area'] if p['area'] != COUNTY
                   else p['hk_code'][:6], '对方选举委员会': '', '日期': g.fdate(g.rand_date(2026, D(2026, 3, 1),
                                                                                     D(2026, 11, 28)))}
            row['对方区划代码'] = p['hk_code'][:6]
            mk(g, 'waidi', p, row, dict(wtype='原选区资格证明'), '公民身份号码', num_mode=p['proof'].get('num'),
               name_mode=p['proof'].get('name'))
        if p.get('shebao_unit_force'):
            add_shebao(g, p, r.choice([e for e in g.employers if e[2]]), '参保缴费', num='ok')
    for p in g.persons:
        for w in p.get('waidi') or []:
            oc = r.choice(other)
            row = {'公民身份号码': '', '姓名': '', '类型': w['type'], '对方区划代码': oc, '对方选举委员会': '',
                   '日期': g.fdate(g.rand_date(2026, D(2026, 8, 1), D(2026, 11, 28)))}
            mk(g, 'waidi', p, row, dict(wtype=w['type']), '公民身份号码', num_mode=w.get('num'), name_mode=w.get('name'))


def build_tongji(g):
    r = g.rng

    def tmk(g, src, p, row, sem, col):
        return mk(g, src, p, row, sem, col, num_mode='empty' if p.get('no_other') else None)
    vils = [v for v in g.vil_codes]
    r.shuffle(vils)
    surveyed = set(vils[:max(2, len(vils) // 2)])
    g.surveyed = surveyed
    dwell = [0]

    def hid():
        dwell[0] += 1
        return 'T%s%05d' % (COUNTY[2:], dwell[0])

    def trow(p, code, addr, vil, where, state, dest):
        return {'住户编码': code, '调查地址': addr, '调查地区划代码': vil, '姓名': '', '性别': g.fsex(p['sex'], 0.3),
                '出生年月': g.fmonth(p['birth']), '公民身份号码': '', '户口登记地': where, '居住状态': state,
                '外出去向': dest, '备注': ''}
    residents_at = defaultdict(list)   # village -> separated persons living there
    for p in g.persons:
        if p['kind'] == 'local' and 'separated' in p['tags'] and p['status'] == '正常' and p.get('res_vil'):
            residents_at[p['res_vil']].append(p)
    for hh in g.households.values():
        if hh['vil'] not in surveyed:
            continue
        code = hid()
        addr = hh['addr']
        if r.random() < 0.1:
            addr = addr + ',院内'
        for m in hh['members']:
            p = g.persons[m]
            if p['vil'] != hh['vil'] or p['hh'] != hh['id']:
                continue
            if p['status'] in ('死亡', '迁出', '注销'):
                continue
            if p['status'] == '服兵役':
                if r.random() < 0.3:
                    tmk(g, 'tongji', p, trow(p, code, addr, hh['vil'], '本村(居)', '外出', '外县'),
                       dict(state='外出', dest='外县'), '公民身份号码')
                    p['tags'].add('away_not_listed')
                continue
            if p['status'] == '出国定居':
                if r.random() < 0.4:
                    tmk(g, 'tongji', p, trow(p, code, addr, hh['vil'], '本村(居)', '外出', '境外'),
                       dict(state='外出', dest='境外'), '公民身份号码')
                    p['tags'].add('away_not_listed')
                continue
            if 'separated' in p['tags'] or 'resettled_conflict' in p['tags']:
                tmk(g, 'tongji', p, trow(p, code, addr, hh['vil'], '本村(居)', '外出', '本县'),
                   dict(state='外出', dest='本县'), '公民身份号码')
                continue
            a = g.age(p)
            if 18 <= a <= 55 and r.random() < 0.065 and not p.get('shebao') and 'unit' not in p['tags']:
                dest = '外县' if r.random() < 0.83 else '境外'
                tmk(g, 'tongji', p, trow(p, code, addr, hh['vil'], '本村(居)', '外出', dest),
                   dict(state='外出', dest=dest), '公民身份号码')
                p['tags'].add('away')
                g.scen['away'] += 1
                continue
            tmk(g, 'tongji', p, trow(p, code, addr, hh['vil'], '本村(居)' if r.random() < 0.97 else '待定', '常住', ''),
               dict(state='常住'), '公民身份号码')
    for v in sorted(surveyed):
        for p in residents_at.get(v, []):
            where = '本乡镇其他村(居)' if g.villages[p['vil']]['tw'] == g.villages[v]['tw'] else '本县其他乡镇'
            tmk(g, 'tongji', p, trow(p, hid(), p['res_addr'], v, where, '常住', ''), dict(state='常住'), '公民身份号码')
    bydw = defaultdict(list)
    for p in g.inmigrants:
        if p['li_active'] and p['res_vil'] in surveyed:
            bydw[(p['res_vil'], p['res_addr'])].append(p)
    for (v, addr), ps in bydw.items():
        code = hid()
        for p in ps:
            tmk(g, 'tongji', p, trow(p, code, addr, v, '外县' if r.random() < 0.92 else '待定', '常住', ''),
               dict(state='常住'), '公民身份号码')


# ====================================================================== classification

def classify_all(g):
    owner = defaultdict(set)
    for p in g.persons:
        owner[p['num']].add(p['pid'])
        for a in p['alias']:
            owner[a].add(p['pid'])
    known = {}
    for rec in g.records:
        n = norm_num(rec['raw_num'])
        rec['norm'] = n
        if valid18(n) and n in owner:
            known[n] = owner[n]
    g.owner, g.known = owner, known
    for rec in g.records:
        rec['cls'], rec['why'] = classify(g, rec)
    # chaiqian number-less rows: the household case singles them out
    for case in g.chaiqian_cases:
        linked = [x for x in case if x['cls'] == 'certain']
        for rec in case:
            if rec['norm'] != '':
                continue
            p = g.persons[rec['pid']]
            if linked and rec['raw_name'] == p['name'] and rec['sem']['rel'] == p['rel']:
                rec['cls'], rec['why'] = 'certain', 'household'
            else:
                rec['cls'], rec['why'] = 'uncertain', 'household_name'


def removal_evidence(rec):
    """RULES.md "Removal needs the number itself": DECEASED, DEPRIVED, SUSPENDED, UNABLE, REGISTERED_ELSEWHERE."""
    src, sem = rec['src'], rec['sem']
    return (src == 'minzheng' or (src == 'shebao' and bool(sem.get('death')))
            or (src == 'xuanwei' and sem.get('xtype') in ('剥夺政治权利', '停止行使选举权利', '不能行使选举权利'))
            or (src == 'waidi' and sem.get('wtype') == '已在外地登记'))


def classify(g, rec):
    p = g.persons[rec['pid']]
    n = rec['norm']
    src = rec['src']
    if n == '':
        return 'uncertain', 'empty'
    if valid18(n):
        if n == p['num']:
            if src != 'huji' and len(g.owner.get(n, ())) > 1:
                others = [g.persons[o] for o in g.owner[n] if o != p['pid']]
                if name_agree(rec['raw_name'], p['name']) != 'no' and \
                        all(name_agree(rec['raw_name'], o['name']) == 'no' for o in others):
                    return 'lenient', 'shared_name_decides'
                return 'uncertain', 'shared'
            return 'certain', 'number'
        if n in p['alias']:
            return ('alias', 'alias') if src == 'huji' else ('uncertain', 'alias')
        return 'uncertain', 'wrong_valid'
    # issue 18: "a swap of the trailing X with the digit before it (…39X7 for …397X) was rejected instead of repaired":
    # such a number is one adjacent swap from a valid one, a repair like any other
    x_swapped = len(n) == 18 and n[:16].isdigit() and n[16] == 'X' and n[17].isdigit()
    if not x_swapped and (len(n) != 18 or not n[:17].isdigit() or not (n[17].isdigit() or n[17] == 'X')):
        return 'uncertain', 'garbage'
    numbers = [v for v in neighbours(n) if v in g.known]
    if numbers == [p['num']] and len(g.known[p['num']]) == 1:
        agree = name_agree(rec['raw_name'], p['name'])
        if agree == 'no':
            return 'uncertain', 'typo_name_differs'
        # This truth predates the amended RULES.md; its three sentences on repairs, applied here:
        # "A homophone (同音字) or a one-character difference is **not** agreement: such a record is a fuzzy candidate,
        # never a certain repair."
        if agree == 'homo':
            return 'uncertain', 'typo_name_differs'
        # "Sex and birth that a record has only from its own mistyped number are no evidence." (a certain repair needs
        # "name (after normalisation), sex and birth agree")
        if not rec['has_birth']:
            return 'uncertain', 'typo_no_own_birth'
        # "Removal needs the number itself. ... Linked through a repaired number or a fuzzy match it removes nobody"
        if removal_evidence(rec):
            return 'uncertain', 'typo_removal'
        diffs = [i for i in range(18) if n[i] != p['num'][i]]
        lenient = False
        if not rec['has_birth'] and any(6 <= i <= 13 for i in diffs):
            lenient = True
        if not rec['has_sex'] and 16 in diffs:
            lenient = True
        if src == 'tongji' and any(i in (12, 13) for i in diffs):
            lenient = True
        return ('lenient', 'typo_repair_debatable') if lenient else ('certain', 'typo_repair')
    if p['num'] in numbers:
        return 'uncertain', 'typo_ambiguous'
    return 'uncertain', 'typo_unknown'


# ====================================================================== expected outcomes (RULES.md)

def decide(g, p, recs):
    out = dict(listed=False, district='', basis='', reason='', exc=set())
    hj = [x for x in recs if x['src'] == 'huji']
    lds = [x for x in recs if x['src'] == 'liudong' and x['sem'].get('active') and x['sem']['reg'] <= E]
    proof = [x for x in recs if x['src'] == 'waidi' and x['sem']['wtype'] == '原选区资格证明']
    inmig = False
    if hj:
        pass
    elif p['kind'] == 'inmig' and lds and proof:
        inmig = True
    else:
        out['reason'] = 'NOT_CONSIDERED'
        return out
    status, hvil = '正常', None
    if hj:
        normal = [x for x in hj if x['sem']['status'] == '正常']
        if normal:
            prim = [x for x in normal if x['sem']['role'] == 'primary'] or normal
            hvil = prim[0]['sem']['vil']
        else:
            status = hj[0]['sem']['status']
            hvil = hj[0]['sem']['vil']
    other_death = [x for x in recs if x['src'] == 'minzheng' or (x['src'] == 'shebao' and x['sem'].get('death'))]
    if other_death and hj and status == '正常':
        out['exc'].add('DEATH_CONFLICT')
    reason = ''
    if status == '死亡' or other_death:
        reason = 'DECEASED'
    elif status != '正常':
        reason = {'迁出': 'MOVED_OUT', '服兵役': 'MILITARY', '出国定居': 'EMIGRATED', '注销': 'CANCELLED'}[status]
    elif add_years(p['birth'], 18) > E:
        reason = 'UNDER_18'
    else:
        xs = [x['sem'] for x in recs if x['src'] == 'xuanwei']
        covers = lambda s: s['start'] <= E and (s['end'] is None or s['end'] >= E)  # noqa: E731
        for s in xs:
            if s['xtype'] == '剥夺政治权利' and covers(s):
                restored = any(t['xtype'] == '恢复政治权利' and s['start'] < t['start'] <= E for t in xs)
                if not restored:
                    reason = 'DEPRIVED'
                    break
        if not reason:
            if any(s['xtype'] == '停止行使选举权利' and covers(s) for s in xs):
                reason = 'SUSPENDED'
            elif any(s['xtype'] == '不能行使选举权利' and covers(s) for s in xs):
                reason = 'UNABLE'
            elif any(x['src'] == 'waidi' and x['sem']['wtype'] == '已在外地登记' for x in recs):
                reason = 'REGISTERED_ELSEWHERE'
    if reason:
        out['reason'] = reason
        return out
    unit = [x for x in recs if x['src'] == 'shebao' and x['sem']['state'] == '参保缴费'
            and x['sem']['credit'] in g.unit_credit]
    reset = [x for x in recs if x['src'] == 'chaiqian' and x['sem']['mode'] == '产权调换' and x['sem']['hand']
             and x['sem']['hand'] <= E and x['sem']['new_vil'] in g.vil_district]
    resid = [x for x in lds if x['sem']['res_vil'] in g.vil_district]
    if unit:
        d, basis = g.unit_credit[unit[0]['sem']['credit']], '工作单位'
    elif reset:
        d, basis = g.vil_district[reset[0]['sem']['new_vil']], '安置地'
        if resid and g.vil_district[resid[0]['sem']['res_vil']] != d:
            out['exc'].add('RESIDENCE_CONFLICT')
    elif resid:
        d, basis = g.vil_district[resid[0]['sem']['res_vil']], ('资格证明' if inmig else '居住地')
    elif hvil and hvil in g.vil_district:
        d, basis = g.vil_district[hvil], '户籍地'
    else:
        out['reason'] = 'NO_DISTRICT'
        out['exc'].add('NO_DISTRICT')
        return out
    out.update(listed=True, district=d, basis=basis)
    return out


def strong_empty(g, rec, p):
    """Is a number-less record's evidence enough for a person to find the candidate?"""
    if name_agree(rec['raw_name'], p['name']) == 'no':
        return False
    key = (reading_key(p['name']), p['sex'] if rec['has_sex'] else None, p['birth'] if rec['has_birth'] else None)
    return g.keycount[key] == 1


def expectations(g):
    recs_by = defaultdict(list)
    for rec in g.records:
        if rec['pid'] is not None:
            recs_by[rec['pid']].append(rec)
    g.keycount = Counter()
    for q in g.persons:
        nn = reading_key(q['name'])
        for ks in (True, False):
            for kb in (True, False):
                g.keycount[(nn, q['sex'] if ks else None, q['birth'] if kb else None)] += 1
    ym = Counter((norm_name(q['name']), q['sex'], q['birth'].year, q['birth'].month) for q in g.persons)
    g.expected = []
    for p in g.persons:
        recs = recs_by[p['pid']]
        certain = [x for x in recs if x['cls'] == 'certain']
        base = decide(g, p, certain)
        exc = set(base['exc'])
        review = False
        notes = []
        for x in recs:
            if x['src'] in ('huji', 'tongji') or x['cls'] not in ('uncertain', 'lenient'):
                continue
            alt = decide(g, p, certain + [x])
            if (alt['listed'], alt['district']) == (base['listed'], base['district']):
                continue
            death = x['src'] == 'minzheng' or (x['src'] == 'shebao' and x['sem'].get('death'))
            notes.append('%s:%s(%s)' % (x['src'], x['why'], x['cls']))
            p['tags'].add('link_' + x['why'])
            if x['cls'] == 'lenient':
                review = True
                exc.add('DEATH_CONFLICT|DEATH_REVIEW|MATCH_REVIEW' if death else '?MATCH_REVIEW')
                continue
            # the engine names the persons one typo away whatever they score (RULES.md: "still names its likeliest
            # people (one wrong digit or swap away ...)"), so these items are required, not optional
            strong = x['why'] in ('typo_ambiguous', 'typo_name_differs', 'household_name', 'typo_no_own_birth',
                                  'typo_removal') or \
                (x['why'] == 'empty' and strong_empty(g, x, p))
            if death:
                review = True
                exc.add(('' if strong else '?') + 'DEATH_REVIEW|MATCH_REVIEW')
            else:
                exc.add(('' if strong else '?') + 'MATCH_REVIEW')
        for x in recs:
            if x['cls'] == 'certain' and x['why'] in ('typo_repair', 'household') and x['src'] not in ('huji', 'tongji'):
                alt = decide(g, p, [y for y in certain if y is not x])
                if (alt['listed'], alt['district'], alt['basis']) != (base['listed'], base['district'], base['basis']):
                    p['tags'].add('certain_%s_matters' % x['why'])
                    notes.append('%s:%s(certain, decides)' % (x['src'], x['why']))
        # police-register defects
        hj = [x for x in recs if x['src'] == 'huji']
        raw_keys = []
        if 'shared_number' in p['tags']:
            exc.add('ID_SHARED')
        for x in hj:
            if x['cls'] == 'alias':
                # multi_huji_valid: a fresh valid number in a new household (another address), the name perhaps one
                # character off. RULES.md, PERSON_MULTI_RECORD: '"seems" needs a tie beyond name, sex and birth date
                # (...): two records under different valid numbers at different addresses with nothing else in
                # common are two people and raise nothing'. Listed twice by the letter; kept as review (info only).
                review = True
            elif x['sem']['role'] == 'second' and x['cls'] != 'certain':
                exc.add('PERSON_MULTI_RECORD|ID_INVALID|MATCH_REVIEW')
                raw_keys.append('%s:%d' % (x['file'], x['line']))
            elif x['sem']['role'] == 'primary' and x['cls'] != 'certain':
                exc.add('ID_INVALID')
                review = True
                raw_keys.append('%s:%d' % (x['file'], x['line']))
                raw_keys.append(norm_num(x['raw_num']))
        if p['kind'] == 'local' and not any(x['cls'] == 'certain' for x in hj) and hj:
            # the only police record is unusable: the person exists, the rules cannot place them
            base = dict(base, listed=True, district=g.vil_district[p['vil']], basis='户籍地', reason='')
        # away book
        away = 'no'
        away_dest = ''
        if base['listed']:
            for x in recs:
                if x['src'] != 'tongji' or x['sem'].get('state') != '外出' or x['sem'].get('dest') not in ('外县', '境外'):
                    continue
                away_dest = x['sem']['dest']
                if x['cls'] == 'certain':
                    away = 'yes'
                elif x['norm'] == '' and norm_name(x['raw_name']) == norm_name(p['name']) and \
                        ym[(norm_name(p['name']), p['sex'], p['birth'].year, p['birth'].month)] == 1:
                    away = 'yes' if away != 'yes' else away
                elif away != 'yes':
                    away = 'maybe'
        # in-migrant book
        inbook, months = 'no', ''
        if p['kind'] == 'inmig' and not base['listed']:
            act = [x for x in certain if x['src'] == 'liudong' and x['sem'].get('active') and x['sem']['reg'] <= E]
            if act:
                inbook = 'yes'
                months = months_completed(act[0]['sem']['reg'], E)
                if base['reason'] == 'DECEASED' or review:
                    inbook = 'maybe'
                elif months >= 12 and not any(x['src'] == 'waidi' and x['sem']['wtype'] == '原选区资格证明'
                                              for x in certain):
                    exc.add('INMIGRANT_ELIGIBLE')
        g.expected.append(dict(pid=p['pid'], num=p['num'], name=p['name'], sex='男' if p['sex'] == 'M' else '女',
                               birth=p['birth'].isoformat(), kind=p['kind'], base=base, exc=sorted(exc),
                               review=review, away=away, away_dest=away_dest, inbook=inbook, months=months,
                               aliases=p['alias'], raw_keys=raw_keys, notes=notes))


def auto_tags(g):
    grp = defaultdict(list)
    for p in g.persons:
        grp[(p['name'], p['sex'], p['birth'])].append(p)
    for ps in grp.values():
        if len(ps) > 1:
            vils = Counter(q['vil'] or q.get('res_vil') for q in ps)
            tws = Counter((q['vil'] or q.get('res_vil') or '')[:9] for q in ps)
            for q in ps:
                q['tags'].add('lookalike')
                v = q['vil'] or q.get('res_vil')
                if vils[v] > 1:
                    q['tags'].add('lookalike_same_village')
                elif tws[(v or '')[:9]] > 1:
                    q['tags'].add('lookalike_same_township')
    for hh in g.households.values():
        kids = [g.persons[m] for m in hh['members'] if g.persons[m]['rel'] in ('子', '女', '孙子', '孙女')]
        for i in range(len(kids)):
            for j in range(i + 1, len(kids)):
                a, b = kids[i]['given'], kids[j]['given']
                if len(a) == len(b) == 2 and sum(x != y for x, y in zip(a, b)) == 1:
                    kids[i]['tags'].add('sibling_onechar')
                    kids[j]['tags'].add('sibling_onechar')
    for p in g.persons:
        if p['kind'] == 'inmig':
            p['tags'].add('inmigrant')
        if p['status'] != '正常' and p['kind'] == 'local':
            p['tags'].add('huji_' + {'死亡': 'dead', '迁出': 'moved_out', '服兵役': 'military', '出国定居': 'emigrated',
                                     '注销': 'cancelled'}[p['status']])
        if p['kind'] == 'local' and not g.adult(p):
            p['tags'].add('minor')
    hj = defaultdict(dict)
    for rec in g.records:
        if rec['src'] == 'huji' and rec['pid'] is not None:
            hj[rec['pid']].setdefault(rec['sem']['role'], rec['line'])
    for pid, roles in hj.items():
        p = g.persons[pid]
        if 'old' in roles:
            p['tags'].add('moved_within_old_first' if roles['old'] < roles['primary'] else 'moved_within_new_first')
        if 'second' in roles:
            p['tags'].add('multi_huji_second_first' if roles['second'] < roles['primary'] else 'multi_huji_primary_first')
    for rec in g.records:
        if rec['pid'] is None:
            continue
        p = g.persons[rec['pid']]
        if rec['name_mode'] in ('homo', 'trad') and rec['src'] != 'tongji':
            p['tags'].add('name_' + rec['name_mode'])
        if rec['num_mode'] == '15':
            p['tags'].add('num15')
        if rec['num_mode'] in ('typo', 'swap', 'typo_safe', 'typo_date', 'typo_area', 'ambig') and rec['src'] != 'tongji':
            p['tags'].add('num_typo')


# ====================================================================== writing

HEADERS = {
    'huji': ['公民身份号码', '姓名', '曾用名', '性别', '民族', '出生日期', '户号', '与户主关系', '户籍地址', '户籍地区划代码',
             '人员状态', '状态变动日期', '迁往地区划代码'],
    'liudong': ['公民身份号码', '姓名', '性别', '出生日期', '户籍地区划代码', '居住地址', '居住地区划代码', '登记日期', '注销日期',
                '居住事由'],
    'shebao': ['社会保障号码', '姓名', '性别', '出生日期', '参保单位名称', '统一社会信用代码', '参保状态', '终止原因', '终止日期'],
    'tongji': ['住户编码', '调查地址', '调查地区划代码', '姓名', '性别', '出生年月', '公民身份号码', '户口登记地', '居住状态', '外出去向'],
    'chaiqian': ['项目名称', '被征收户编号', '姓名', '公民身份号码', '与户主关系', '原房屋地址', '原区划代码', '安置方式', '安置地址',
                 '安置区划代码', '交房日期', '拆除日期'],
    'minzheng': ['公民身份号码', '姓名', '性别', '死亡日期', '火化日期'],
    'xuanwei': ['公民身份号码', '姓名', '类型', '起始日期', '终止日期', '决定机关', '文号'],
    'waidi': ['公民身份号码', '姓名', '类型', '对方区划代码', '对方选举委员会', '日期'],
}


def write_csv(path, header, items, enc, crlf=False, header_cells=None, blank_every=0, rng=None):
    """items: list of (values list, pid or None). Returns [(line, pid)]."""
    term = '\r\n' if crlf else '\n'
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=term)
    w.writerow(header_cells or header)
    line = 2
    out = []
    one = io.StringIO()
    ow = csv.writer(one, lineterminator=term)
    for i, (vals, pid) in enumerate(items):
        if blank_every and rng.random() < 1.0 / blank_every:
            buf.write(term)
            line += 1
        one.seek(0)
        one.truncate()
        ow.writerow(vals)
        s = one.getvalue()
        buf.write(s)
        out.append((line, pid))
        line += s.count('\n')
    data = buf.getvalue()
    if enc == 'utf-8-sig':
        b = b'\xef\xbb\xbf' + data.encode('utf-8')
    else:
        b = data.encode(enc)
    with open(path, 'wb') as f:
        f.write(b)
    return out


def write_inbox(g, out):
    r = g.rng
    inbox = os.path.join(out, 'inbox')
    os.makedirs(inbox, exist_ok=True)
    by = defaultdict(list)
    for rec in g.records:
        by[rec['src']].append(rec)
    truth_rows = []
    plan = {
        'huji': [('huji_%s.csv' % STAMP, 'gb18030', True, None, None, 300)],
        'liudong': [('liudong_%s.csv' % STAMP, 'utf-8-sig', False, None, None, 0)],
        'shebao': [('shebao_%s_part1.csv' % STAMP, 'utf-8', False, 'shuffle', None, 0),
                   ('shebao_%s_part2.csv' % STAMP, 'gb18030', False, 'extra', ['缴费基数'], 400)],
        'tongji': [('tongji_%s.csv' % STAMP, 'gb18030', False, 'pad', ['备注'], 0)],
        'chaiqian': [('chaiqian_%s.csv' % STAMP, 'utf-8-sig', False, None, None, 0)],
        'minzheng': [('minzheng_%s.csv' % STAMP, 'utf-8', True, None, None, 0)],
        'xuanwei': [('xuanwei_%s.csv' % STAMP, 'gb18030', False, None, None, 0)],
        'waidi': [('waidi_%s.csv' % STAMP, 'utf-8-sig', False, None, None, 0)],
    }
    for src, files in plan.items():
        recs = by[src]
        r.shuffle(recs)
        pos = {id(x): i for i, x in enumerate(recs)}
        for x in list(recs):
            y = x.get('before')
            if y is not None and pos[id(x)] > pos[id(y)]:
                i, j = pos[id(x)], pos[id(y)]
                recs[i], recs[j] = recs[j], recs[i]
                pos[id(x)], pos[id(y)] = j, i
        parts = [recs] if len(files) == 1 else [recs[:len(recs) // 2], recs[len(recs) // 2:]]
        for (fname, enc, crlf, style, extra, blank), prt in zip(files, parts):
            header = list(HEADERS[src])
            if style == 'shuffle':
                r.shuffle(header)
            if extra:
                header = header + extra
            cells = header
            if style == 'pad':
                cells = [(' ' + h + ' ') if i % 3 == 0 else h for i, h in enumerate(header)]
            items = []
            for rec in prt:
                row = rec['row']
                if '缴费基数' in header:
                    row.setdefault('缴费基数', str(r.randint(30, 120) * 100) if row.get('参保状态') == '参保缴费' else '')
                items.append(([row.get(h, '') for h in header], rec))
            if src == 'shebao' and style == 'extra':
                junk = {h: '' for h in header}
                junk['姓名'] = '合计'
                junk['参保单位名称'] = '共%d人' % len(prt)
                items.append(([junk.get(h, '') for h in header], None))
            if src == 'tongji':
                junk = {h: '' for h in header}
                junk['住户编码'] = '（以下空白）'
                items.insert(len(items) // 2, ([junk.get(h, '') for h in header], None))
            lines = write_csv(os.path.join(inbox, fname), header, items, enc, crlf, cells, blank, r)
            for (ln, rec) in lines:
                if rec is None:
                    truth_rows.append((fname, ln, '', ''))
                else:
                    rec['file'], rec['line'] = fname, ln
                    p = g.persons[rec['pid']]
                    truth_rows.append((fname, ln, p['num'], p['name']))
    return truth_rows


def write_county(g, out):
    cdir = os.path.join(out, 'county')
    os.makedirs(cdir, exist_ok=True)
    with open(os.path.join(cdir, 'election.yml'), 'w', encoding='utf-8') as f:
        f.write('county-code: "%s"\ncounty-name: %s\nelection-day: 2026-12-15\nin-migrant-months: 12\n'
                'previous-election-day: 2021-11-15\n' % (COUNTY, COUNTY_NAME))
    with open(os.path.join(cdir, 'xuanqu.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['选区编码', '选区名称', '乡镇代码', '类型', '覆盖区划代码', '单位统一社会信用代码'])
        for d in g.districts:
            w.writerow([d['code'], d['name'], d['tw'], d['type'], ';'.join(d['cover']), ';'.join(d['credits'])])
    with open(os.path.join(cdir, 'villages.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['区划代码', '名称', '乡镇代码', '乡镇', '类型', '选区编码'])
        for v in g.villages.values():
            w.writerow([v['code'], v['name'], v['tw'], v['twname'], v['kind'], g.vil_district.get(v['code'], '')])


def write_previous(g, out):
    pdir = os.path.join(out, 'previous', 'rolls')
    os.makedirs(pdir, exist_ok=True)
    per = defaultdict(list)
    for p in g.persons:
        if p['kind'] != 'local' or add_years(p['birth'], 18) > PREV_E:
            continue
        if p['status'] != '正常' and p['sdate'] and p['sdate'] <= PREV_E:
            continue
        vil = p['vil']
        addr = p['addr']
        mw = p.get('moved_within')
        if mw and mw['sdate'] > PREV_E:
            vil, addr = mw['old_vil'], mw['old_addr']
        per[g.vil_district[vil]].append((p, addr))
    for d in g.districts:
        with open(os.path.join(pdir, d['code'] + '.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['选区编码', '选区名称', '序号', '姓名', '性别', '出生日期', '公民身份号码', '户籍地址', '居住地址',
                        '登记依据', '变动'])
            for i, (p, addr) in enumerate(sorted(per.get(d['code'], []), key=lambda x: x[0]['num']), 1):
                w.writerow([d['code'], d['name'], i, p['name'], '男' if p['sex'] == 'M' else '女',
                            p['birth'].isoformat(), p['num'], addr, '', '户籍地', '保留'])


def write_truth(g, out, truth_rows):
    tdir = os.path.join(out, 'truth')
    os.makedirs(tdir, exist_ok=True)
    with open(os.path.join(tdir, 'records.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['文件', '行号', '公民身份号码', '姓名'])
        for row in sorted(truth_rows, key=lambda x: (x[0], x[1])):
            w.writerow(row)
    with open(os.path.join(tdir, 'expected.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['pid', '公民身份号码', '姓名', '性别', '出生日期', 'kind', 'tags', 'outcome', '选区编码', '登记依据',
                    'reason', 'away', '外出去向', 'exceptions', 'review', 'inmigrant_book', 'months', 'aliases',
                    'raw_keys', 'notes'])
        for x in g.expected:
            p = g.persons[x['pid']]
            b = x['base']
            w.writerow([x['pid'], x['num'], x['name'], x['sex'], x['birth'], x['kind'], ';'.join(sorted(p['tags'])),
                        'listed' if b['listed'] else 'not_listed', b['district'], b['basis'],
                        b['reason'], x['away'], x['away_dest'], ';'.join(x['exc']), 'yes' if x['review'] else 'no',
                        x['inbook'], x['months'], ';'.join(x['aliases']), ';'.join(x['raw_keys']),
                        ' '.join(x['notes'])])
    tags = Counter()
    for p in g.persons:
        for t in p['tags']:
            tags[t] += 1
    with open(os.path.join(tdir, 'scenarios.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['tag', 'persons'])
        for t, c in sorted(tags.items()):
            w.writerow([t, c])
    return tags


def run(g, out):
    import time
    t0 = time.time()
    g.build_geo()
    g.make_locals()
    special_births(g)
    rare_names(g)
    make_inmigrants(g)
    make_outsiders(g)
    g.assign_numbers()
    g.assign_statuses()
    designate(g)
    g.allnums = set()
    g.prefix14 = defaultdict(list)
    for p in g.persons:
        for n in [p['num']] + p['alias']:
            g.allnums.add(n)
            g.prefix14[n[:14]].append(n)
    build_huji(g)
    build_liudong(g)
    build_shebao(g)
    build_chaiqian(g)
    build_minzheng(g)
    build_xuanwei(g)
    build_waidi(g)
    build_tongji(g)
    write_county(g, out)
    truth_rows = write_inbox(g, out)      # assigns file/line to records
    classify_all(g)
    expectations(g)
    auto_tags(g)
    write_previous(g, out)
    tags = write_truth(g, out, truth_rows)
    n_listed = sum(1 for x in g.expected if x['base']['listed'])
    print('persons %d (locals %d, in-migrants %d, others %d); records %d; expected listed %d; %.1fs' % (
        len(g.persons), sum(1 for p in g.persons if p['kind'] == 'local'), len(g.inmigrants), len(g.outsiders),
        len(g.records), n_listed, time.time() - t0))
