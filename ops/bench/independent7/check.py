#!/usr/bin/env python3
"""The seventh independent county's checker:  python3 check.py OUTDIR RUNDIR [RUNDIR2]

Compares a run's rolls, books and exceptions.csv (OUTPUTS.md: GB18030 by default, UTF-8 a setting) with
OUTDIR/truth/truth.json.  Prints 错 / 漏 / 重 / 项缺 / 项禁 / 送错 / 册错 (册漏, 册多) / 外出 / 流入 / noise, per scenario tag,
with examples (masked numbers).  Exit 1 on 错, 漏, 重 or 项缺.  With RUNDIR2, also compares the two runs' rolls.
"""
import csv
import glob
import io
import json
import os
import re
import sys
from collections import defaultdict, Counter

OUTDIR, RUNS = sys.argv[1], sys.argv[2:]
T = json.load(open(os.path.join(OUTDIR, 'truth/truth.json'), encoding='utf-8'))
PERS = T['persons']
REVIEW = {'MATCH_REVIEW', 'ID_INVALID', 'DEATH_REVIEW', 'ID_SHARED', 'PERSON_MULTI_RECORD'}


def read(path):
    b = open(path, 'rb').read()
    try:
        s = b.decode('utf-8-sig')
    except UnicodeDecodeError:
        s = b.decode('gb18030')
    return list(csv.DictReader(io.StringIO(s, newline='')))


def mask(n):
    return n[:6] + '********' + n[-4:] if len(n) >= 10 else n


SCI = [p for p in PERS if 'huji_sci_number' in p['tags']]
IDX = defaultdict(list)
for p in PERS:
    for n in p['nums']:
        IDX[n].append(p)


def check(run):
    F = Counter()
    ex = defaultdict(list)          # failure kind -> examples
    bytag = defaultdict(Counter)
    taken = defaultdict(Counter)

    def fail(kind, p, msg, tag=None):
        F[kind] += 1
        tags = [t for t in (p['tags'] if p else []) if t not in ('background', 'family_of_scenario')] or ['background']
        t = tag or tags[0]
        bytag[t][kind] += 1
        ex[(kind, t)].append(msg)

    # ---- rolls
    L = defaultdict(list)
    nroll = 0
    for f in sorted(glob.glob(os.path.join(run, 'rolls', '*.csv'))):
        for r in read(f):
            nroll += 1
            n = (r.get('公民身份号码') or '').strip()
            cands = IDX.get(n, [])
            if len(cands) > 1:
                c2 = [p for p in cands if p['name'] == r['姓名']] or cands
                cands = c2
            if not cands:
                cands = [p for p in SCI if p['name'] == r.get('姓名') and p['birth'] == r.get('出生日期')]
            if not cands:
                F['错'] += 1
                bytag['unknown_line'] ['错'] += 1
                ex[('错', 'unknown_line')].append('%s %s %s on %s' % (r.get('姓名'), mask(n), r.get('登记依据'), r.get('选区编码')))
                continue
            L[cands[0]['pid']].append((r['选区编码'], r['登记依据'], r['姓名']))
    # ---- exceptions
    items = read(os.path.join(run, 'exceptions.csv'))
    for it in items:
        it['_nums'] = set(x.strip() for x in (it.get('公民身份号码') or '').split(';') if x.strip())
        it['_used'] = False
    by_num = defaultdict(list)
    for it in items:
        for n in it['_nums']:
            by_num[n].append(it)
    by_file = defaultdict(list)
    for it in items:
        for m in re.finditer(r'([a-z]+_[0-9A-Za-z_]+\.(?:csv|xlsx))', it.get('证据') or ''):
            by_file[m.group(1)].append(it)

    def cites(it, rec):
        f, line = rec.rsplit(':', 1)
        return re.search(re.escape(f) + r'[^0-9,;\]\[]{0,3}' + line + r'(?![0-9])', it.get('证据') or '') is not None

    def find(types, nums, recs):
        got = []
        for n in nums:
            got += [it for it in by_num.get(n, []) if it['类型'] in types]
        for rc in recs:
            got += [it for it in by_file.get(rc.rsplit(':', 1)[0], []) if it['类型'] in types and cites(it, rc)]
        return got

    # ---- books
    def book(kind):
        out = defaultdict(list)
        for f in glob.glob(os.path.join(run, 'books', '*_%s.csv' % kind)):
            for r in read(f):
                out[(r.get('公民身份号码') or '').strip()].append(r)
        return out
    ADD, RM, AWAY = book('新增'), book('除名'), book('外出')
    INM = {}
    fp = os.path.join(run, 'books', '流入人员.csv')
    if os.path.exists(fp):
        for r in read(fp):
            INM[(r.get('公民身份号码') or '').strip()] = r

    for p in PERS:
        got = L.get(p['pid'], [])
        alts = p['alts']
        ok_alt = None
        if len(got) > 1:
            fail('重', p, '%s %s on %s' % (p['name'], mask(p['num']), ', '.join('%s/%s' % g[:2] for g in got)))
        if not got:
            ns = [a for a in alts if a.get('n')]
            if ns:
                ok_alt = ns[0]
            else:
                fail('漏', p, '%s %s expected %s' % (p['name'], mask(p['num']), ' | '.join('%s/%s' % (a['d'], a['b']) for a in alts)))
        elif len(got) >= 1:
            d, b, nm = got[0]
            m = [a for a in alts if a.get('d') == d and a.get('b') == b]
            if m:
                ok_alt = m[0]
            else:
                md = [a for a in alts if a.get('d') == d]
                if md:
                    ok_alt = md[0]
                    fail('据错', p, '%s %s on %s as %s, expected %s' % (p['name'], mask(p['num']), d, b, md[0]['b']))
                else:
                    fail('错', p, '%s %s listed %s/%s, expected %s' % (p['name'], mask(p['num']), d, b,
                                                                      ' | '.join(('%s/%s' % (a['d'], a['b'])) if 'd' in a else 'not listed' for a in alts)))
            if p['huji'] and nm != p['name']:
                fail('名', p, '%s %s printed as %s' % (p['name'], mask(p['num']), nm))
        for t in p['tags']:
            if t not in ('background', 'family_of_scenario'):
                taken[t][('not listed' if ok_alt and ok_alt.get('n') else (ok_alt['b'] if ok_alt else 'WRONG')) +
                         ('+item' if ok_alt and ok_alt.get('item') else '')] += 1
        # ---- required items
        reqs = list(p['items'])
        if ok_alt and ok_alt.get('item'):
            reqs.append({'types': ['MATCH_REVIEW', 'ID_INVALID', 'DEATH_REVIEW', 'ID_SHARED'], 'nums': p['nums'], 'recs': p['recs']})
        for rq in reqs:
            hits = find(set(rq['types']), rq['nums'], rq.get('recs', p['recs']))
            if not hits:
                fail('项缺', p, '%s %s: no %s' % (p['name'], mask(p['num']), '/'.join(rq['types'])))
            else:
                for it in hits:
                    it['_used'] = True
                towns = set(p['towns'])
                if not any((it.get('乡镇代码') or '').strip() in towns for it in hits):
                    fail('送错', p, '%s %s: %s sent to %r, expected one of %s' % (p['name'], mask(p['num']), hits[0]['类型'],
                                                                             hits[0].get('乡镇代码'), sorted(towns)))
        # ---- forbidden items
        for ty in p['forbid']:
            hits = find({ty}, p['nums'], [])
            if hits:
                fail('项禁', p, '%s %s: %s raised (%s)' % (p['name'], mask(p['num']), ty, (hits[0].get('说明') or '')[:80]))
                for it in hits:
                    it['_used'] = True
        # ---- allowed items (not noise)
        allow = set(p['allow'])
        if any(a.get('item') for a in alts):
            allow |= {'MATCH_REVIEW', 'ID_INVALID', 'DEATH_REVIEW', 'ID_SHARED'}
        for n in p['nums']:
            for it in by_num.get(n, []):
                if it['类型'] in allow:
                    it['_used'] = True
        for rc in p['recs']:
            for it in by_file.get(rc.rsplit(':', 1)[0], []):
                if cites(it, rc):
                    it['_used'] = True
        # ---- books (only where the listing is right and the truth has one outcome)
        bk = p['book']
        if bk is not None and ok_alt is not None and len(alts) == 1:
            for kind, exp, B in (('新增', bk['add'], ADD), ('除名', bk['rm'], RM)):
                lines = [r for n in p['nums'] for r in B.get(n, [])]
                if exp:
                    here = [r for r in lines if r.get('选区编码') == exp[0]]
                    if not here:
                        fail('册漏', p, '%s %s: no %s line in %s (%s)' % (p['name'], mask(p['num']), kind, exp[0], exp[1]))
                    elif here[0].get('原因') != exp[1]:
                        fail('册错', p, '%s %s: %s %s, expected %s' % (p['name'], mask(p['num']), kind, here[0].get('原因'), exp[1]))
                    if len(lines) > 1 + (0 if kind == '新增' else 0):
                        fail('册多', p, '%s %s: %d %s lines' % (p['name'], mask(p['num']), len(lines), kind))
                elif lines:
                    fail('册多', p, '%s %s: %s %s in %s' % (p['name'], mask(p['num']), kind, lines[0].get('原因'), lines[0].get('选区编码')))
        # ---- away book
        if p['away'] is not None and ok_alt is not None:
            inb = any(n in AWAY for n in p['nums'])
            listed = not ok_alt.get('n')
            if p['away'] is True and listed and not inb:
                fail('外出', p, '%s %s: not in the away book' % (p['name'], mask(p['num'])))
            elif p['away'] == 'soft' and listed:
                taken[[t for t in p['tags'] if t != 'background'][0]]['away book: %s' % ('yes' if inb else 'no')] += 1
            elif (p['away'] is False or not listed) and inb:
                fail('外出', p, '%s %s: in the away book' % (p['name'], mask(p['num'])))
        # ---- in-migrant book
        if p['inmig'] is not None:
            r = INM.get(p['num'])
            if p['inmig']['in']:
                if not r:
                    fail('流入', p, '%s %s: not in the in-migrant book' % (p['name'], mask(p['num'])))
                elif str(p['inmig']['months']) != (r.get('居住月数') or '').strip():
                    fail('流入', p, '%s %s: %s months, expected %d' % (p['name'], mask(p['num']), r.get('居住月数'), p['inmig']['months']))
            elif r:
                fail('流入', p, '%s %s: in the in-migrant book' % (p['name'], mask(p['num'])))

    # ---- PERSON_MULTI_RECORD / ID_SHARED between strangers (RULES.md: "two records under different valid numbers at
    # different addresses with nothing else in common are two people and raise nothing")
    for it in items:
        if it['类型'] in ('PERSON_MULTI_RECORD',) and not it['_used']:
            ps = {q['pid']: q for n in it['_nums'] for q in IDX.get(n, [])}
            if len(ps) >= 2 and len({q['hh'] for q in ps.values()}) == len(ps):
                F['项禁'] += 1
                bytag['strangers']['项禁'] += 1
                ex[('项禁', 'strangers')].append('%s: %s' % (it['类型'], '; '.join('%s %s' % (q['name'], mask(q['num'])) for q in ps.values())))
                it['_used'] = True
    # ---- noise
    blocking = [it for it in items if it.get('级别') == 'blocking']
    noise = [it for it in blocking if not it['_used'] and '合计' not in (it.get('姓名') or '') + (it.get('证据') or '') + (it.get('说明') or '')]
    ntypes = Counter(it['类型'] for it in noise)

    nb = Counter()
    for p in PERS:
        if p['book'] and len(p['alts']) == 1:
            nb['新增'] += bool(p['book']['add'])
            nb['除名'] += bool(p['book']['rm'])
        nb['外出'] += p['away'] is True
        nb['流入'] += bool(p['inmig'] and p['inmig']['in'])
    print('run', run)
    print('book lines expected: %s; book lines in the run: 新增 %d, 除名 %d, 外出 %d, 流入 %d' % (dict(nb), sum(map(len, ADD.values())),
          sum(map(len, RM.values())), sum(map(len, AWAY.values())), len(INM)))
    print('roll lines %d, truth persons %d, items %d (blocking %d)' % (nroll, len(PERS), len(items), len(blocking)))
    print('items by type:', dict(Counter((it['类型'], it.get('级别')) for it in items)))
    cols = ['错', '漏', '重', '项缺', '项禁', '送错', '册错', '册漏', '册多', '外出', '流入', '据错', '名']
    print('| ' + ' | '.join(cols) + ' | noise |')
    print('| ' + ' | '.join(str(F[c]) for c in cols) + ' | %d of %d blocking (%.1f %%) |' % (len(noise), len(blocking), 100.0 * len(noise) / max(1, len(blocking))))
    if ntypes:
        print('noise by type:', dict(ntypes))
        for it in noise[:8]:
            print('   noise: %s %s %s %s | %s | %s' % (it['类型'], it.get('乡镇代码'), ';'.join(mask(n) for n in it['_nums']), it.get('姓名'),
                                                  (it.get('说明') or '')[:90], (it.get('证据') or '')[:90]))
    # SOURCES.md "For every file: rows read = rows accepted + rows rejected"; every rejected row in rejects/
    try:
        S = json.load(open(os.path.join(run, 'summary.json'), encoding='utf-8'))
        rej = Counter()
        for f in glob.glob(os.path.join(run, 'rejects', '*.csv')):
            for r in read(f):
                rej[r.get('文件')] += 1
        bad = []
        for src in S.get('sources', []):
            for fl in src.get('files', []):
                if fl.get('read') != fl.get('accepted', 0) + fl.get('rejected', 0) or rej[fl.get('file')] != fl.get('rejected', 0):
                    bad.append('%s read %s accepted %s rejected %s, reject lines %d' % (fl.get('file'), fl.get('read'), fl.get('accepted'),
                                                                                     fl.get('rejected'), rej[fl.get('file')]))
        print('files: read = accepted + rejected and rejects/ complete:', 'yes' if not bad else 'NO ' + '; '.join(bad))
    except (OSError, ValueError, AttributeError) as e:
        print('summary.json not checked:', e)
    print('\nper tag (failures):')
    tags = defaultdict(int)
    for p in PERS:
        for t in p['tags']:
            tags[t] += 1
    for t in sorted(set(list(tags) + list(bytag))):
        if t in ('family_of_scenario',):
            continue
        fs = bytag.get(t, {})
        opts = taken.get(t, {})
        line = '  %-38s n=%-5d %s' % (t, tags.get(t, 0), ' '.join('%s %d' % kv for kv in sorted(fs.items())) or 'ok')
        if opts and t != 'background':
            line += '   taken: ' + ', '.join('%s %d' % kv for kv in sorted(opts.items()))
        print(line)
    print('\nexamples:')
    for (kind, t), msgs in sorted(ex.items()):
        print('  [%s] %s (%d): %s' % (kind, t, len(msgs), ' ; '.join(msgs[:4])))
    return F


bad = False
res = []
for r in RUNS:
    F = check(r)
    res.append(F)
    bad = bad or any(F[k] for k in ('错', '漏', '重', '项缺'))
if len(RUNS) == 2:
    a = sorted(glob.glob(os.path.join(RUNS[0], 'rolls', '*.csv')))
    b = sorted(glob.glob(os.path.join(RUNS[1], 'rolls', '*.csv')))
    same = [os.path.basename(x) for x in a] == [os.path.basename(x) for x in b] and \
        all(open(x, 'rb').read() == open(y, 'rb').read() for x, y in zip(a, b))
    print('\nrolls of the two runs byte-identical:', 'yes' if same else 'NO')
    bad = bad or not same
sys.exit(1 if bad else 0)
