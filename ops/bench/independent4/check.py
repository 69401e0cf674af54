#!/usr/bin/env python3
"""check.py OUTDIR RUNDIR: compares a run (rolls/, books/, exceptions.csv per OUTPUTS.md) with gen.py's truth/.

Per scenario: 错 (listed though not expected, or in the wrong district / basis, or under another name), 漏 (expected
on a roll and on none), 重 (on the rolls twice), 项缺 (required exceptions missing, and '+ITEM' options taken without
an item), 误项 (items the truth forbids), 册错/册漏/册多 (book lines).  Then noise: blocking items that answer no
expectation and name nobody whose case is in doubt.  Exit 1 on 错, 漏, 重, 册错 or 册漏."""
import csv, glob, io, os, re, sys
from collections import defaultdict, Counter

OUT, RUN = sys.argv[1], sys.argv[2]
def read(path):
    b = open(path, 'rb').read()
    for enc in ('utf-8-sig', 'gb18030'):
        try: t = b.decode(enc); break
        except UnicodeDecodeError: pass
    return list(csv.DictReader(io.StringIO(t)))
def mask(n): return n[:6] + '*' * max(0, len(n) - 10) + n[-4:] if len(n) > 10 else n
truth = read(f'{OUT}/truth/persons.csv')
texc = read(f'{OUT}/truth/exceptions.csv')
tbooks = read(f'{OUT}/truth/books.csv')
bynum = defaultdict(list); altnum = {}
for p in truth:
    p['opts'] = p['期望'].split('|'); p['sc'] = p['场景']
    p['doubt'] = p['存疑'] == 'yes' or len(p['opts']) > 1
    bynum[p['公民身份号码']].append(p)
    for a in filter(None, p['其他号码'].split(';')): altnum[a] = p
# ---- rolls
roll = defaultdict(list); nroll = 0
for f in sorted(glob.glob(f'{RUN}/rolls/*.csv')):
    for r in read(f):
        nroll += 1; roll[r['公民身份号码'].strip()].append(r)
# ---- exceptions
items = read(f'{RUN}/exceptions.csv') if os.path.exists(f'{RUN}/exceptions.csv') else []
for it in items:
    it['nums'] = set(x.strip() for x in (it.get('公民身份号码') or '').split(';') if x.strip())
    it['text'] = ' '.join(str(v) for v in it.values() if isinstance(v, str))
def names(it, nums): return bool(it['nums'] & set(nums)) or any(n and n in it['text'] for n in nums)
def names_rec(it, recs):
    ev = it.get('证据') or ''
    for rc in recs:
        f, _, ln = rc.rpartition(':')
        if f in ev and re.search(r'(?<![0-9])' + ln + r'(?![0-9])', ev.split(f, 1)[1][:40]): return True
    return False
bytype = defaultdict(list)
for it in items: bytype[it['类型']].append(it)
answered = set()
REVIEW = ('MATCH_REVIEW', 'ID_INVALID', 'DEATH_REVIEW')

stat = defaultdict(Counter); ex = defaultdict(list)
def bad(sc, kind, msg):
    stat[sc][kind] += 1
    if len([e for e in ex[sc] if e[0] == kind]) < 3: ex[sc].append((kind, msg))
for p in truth: stat[p['sc']]['人'] += 1
# ---- persons
for p in truth:
    n = p['公民身份号码']; sc = p['sc']
    lines = roll.get(n, [])
    if len(bynum[n]) > 1: lines = [r for r in lines if r['姓名'] == p['姓名']]
    alts = [r for a in p['其他号码'].split(';') if a for r in roll.get(a, [])]
    got = [f"{r['选区编码']}/{r['登记依据']}" for r in lines]
    opts = [o.replace('+ITEM', '') for o in p['opts']]
    if len(lines) + len(alts) > 1:
        pend = any(names(it, [n] + p['其他号码'].split(';')) for it in bytype['PERSON_MULTI_RECORD'])
        if alts and pend and len(lines) <= 1: stat[sc]['重(待审)'] += 1
        else: bad(sc, '重', f"{p['姓名']} {n}: {got + [a['公民身份号码'] for a in alts]}")
    if not lines and not alts:
        if 'NOT' not in opts: bad(sc, '漏', f"{p['姓名']} {n} expected {p['期望']}")
        elif 'NOT+ITEM' in p['opts']:
            hit = [it for t in REVIEW for it in bytype[t] if names(it, [n]) or names_rec(it, p['记录'].split(';'))]
            for it in hit: answered.add(id(it))
            if not hit: bad(sc, '项缺', f"{p['姓名']} {n} on no roll and no item naming them or their record {p['记录']}")
        continue
    g = got[0] if got else f"{alts[0]['选区编码']}/{alts[0]['登记依据']}"
    if g not in opts:
        bad(sc, '错', f"{p['姓名']} {n} listed {g}, expected {p['期望']}")
        continue
    o = p['opts'][opts.index(g)]
    if lines and lines[0]['姓名'] != p['姓名']:
        bad(sc, '错', f"{p['姓名']} {n} listed under the name {lines[0]['姓名']!r}")
    if o.endswith('+ITEM'):
        hit = [it for t in REVIEW for it in bytype[t] if names(it, [n]) or names_rec(it, p['记录'].split(';'))]
        for it in hit: answered.add(id(it))
        if not hit: bad(sc, '项缺', f"{p['姓名']} {n} {g} without an item naming them or their record {p['记录']}")
for p in truth:      # +ITEM persons not listed at all also answer their items
    if any(o.endswith('+ITEM') for o in p['opts']):
        for t in REVIEW:
            for it in bytype[t]:
                if names(it, [p['公民身份号码']]) or names_rec(it, p['记录'].split(';')): answered.add(id(it))
known = set(bynum) | set(altnum)
for n, ls in roll.items():
    if n not in known:
        for r in ls: bad('unknown', '错', f"{r['姓名']} {n} on {r['选区编码']}: no such person in the truth")
# ---- exceptions
for t in texc:
    nums = t['公民身份号码'].split(';'); sc = t['场景']
    hit = [it for it in bytype[t['类型']] if names(it, nums)]
    if t['必需'] == 'no':
        if hit: bad(sc, '误项', f"{t['类型']} naming {nums}: {hit[0].get('说明', '')[:80]}")
        continue
    for it in hit: answered.add(id(it))
    if t['必需'] == 'yes' and not hit: bad(sc, '项缺', f"{t['类型']} for {nums}")
doubtnums = {p['公民身份号码'] for p in truth if p['doubt']}
scof = {}
for p in truth: scof.setdefault(p['公民身份号码'], p['sc'])
noise = Counter(); noise_sc = Counter(); noise_ex = defaultdict(list)
for it in items:
    if it.get('级别') != 'blocking' or id(it) in answered: continue
    if it['nums'] & doubtnums: continue
    noise[it['类型']] += 1
    scs = sorted({scof.get(x, altnum[x]['sc'] if x in altnum else '?') for x in it['nums']}) or ['-']
    noise_sc[','.join(scs)] += 1
    if len(noise_ex[it['类型']]) < 3: noise_ex[it['类型']].append(f"{it.get('公民身份号码')} {it.get('姓名')} [{','.join(scs)}] {it.get('说明', '')[:100]} | {it.get('证据', '')[:100]}")
# ---- books
got = {}
for f in glob.glob(f'{RUN}/books/*.csv'):
    b = os.path.basename(f)[:-4]
    kind = '流入' if b == '流入人员' else b.rsplit('_', 1)[1]
    for r in read(f):
        key = (kind, r.get('选区编码', '') if kind != '流入' else '', r['公民身份号码'].strip(), r.get('姓名', ''))
        got.setdefault(key[:3], []).append(r)
used = set()
sharednums = {n for n, ps in bynum.items() if len(ps) > 1}
for t in tbooks:
    kind = t['册'].rstrip('?'); key = (kind, t['选区编码'], t['公民身份号码']); sc = t['场景']
    rs = got.get(key)
    used.add(key)
    if t['册'].endswith('?'): continue
    if not rs: bad(sc, '册漏', f"{t['册']} {t['选区编码']} {t['姓名']} {t['公民身份号码']} {t['原因']}"); continue
    col = {'新增': '原因', '除名': '原因', '外出': '外出去向', '流入': '居住月数'}[kind]
    val = rs[0].get(col, '').strip()
    if t['原因'] != '*' and val not in t['原因'].split('|'):
        bad(sc, '册错', f"{kind} {t['选区编码']} {t['姓名']} {t['公民身份号码']}: {col} {val}, expected {t['原因']}")
for key, rs in got.items():
    if key in used: continue
    n = key[2]; ps = bynum.get(n) or ([altnum[n]] if n in altnum else [])
    if n in sharednums or any(p['doubt'] for p in ps): continue
    sc = ps[0]['sc'] if ps else 'unknown'
    bad(sc, '册多', f"{key[0]} {key[1]} {rs[0].get('姓名')} {n} {rs[0].get('原因', rs[0].get('外出去向', rs[0].get('居住月数', '')))}")
# ---- report
K = ['人', '错', '漏', '重', '重(待审)', '项缺', '误项', '册错', '册漏', '册多']
print(f"roll lines {nroll}, truth persons {len(truth)}, items {len(items)} "
      f"({sum(1 for i in items if i.get('级别') == 'blocking')} blocking)")
print('%-36s' % 'scenario' + ''.join('%7s' % k for k in K))
tot = Counter()
for sc in sorted(stat):
    c = stat[sc]; tot.update(c)
    if sc == 'background' or any(c[k] for k in K[1:]) or True:
        print('%-36s' % sc + ''.join('%7d' % c[k] for k in K))
print('%-36s' % 'TOTAL' + ''.join('%7d' % tot[k] for k in K))
nb = sum(1 for i in items if i.get('级别') == 'blocking')
print(f"\nnoise: {sum(noise.values())} blocking items answer nothing ({100 * sum(noise.values()) / max(1, len(items)):.1f} % of all items, "
      f"{100 * sum(noise.values()) / max(1, nb):.1f} % of blocking): " + ', '.join(f'{k} {v}' for k, v in noise.most_common()))
print('  by scenario of the people named: ' + ', '.join(f'{k} {v}' for k, v in noise_sc.most_common(12)))
for k, es in noise_ex.items():
    for e in es: print(f'  {k}: {e}')
towns = {r['乡镇代码'] for r in read(f'{OUT}/county/xuanqu.csv')}
odd = Counter(); oddex = {}
for it in items:
    t = (it.get('乡镇代码') or '').strip()
    if t in towns: continue
    scs = sorted({scof.get(x, '?') for x in it['nums']}) or ['-']
    k = (it['类型'], t or '(empty)', ','.join(scs)); odd[k] += 1; oddex.setdefault(k, it)
print('\nitems not addressed to a township of xuanqu.csv (the county office\'s queue, or a township the county does not have):')
for k, v in sorted(odd.items()): print(f'  {k[0]} 乡镇代码={k[1]} [{k[2]}]: {v}   e.g. {oddex[k].get("公民身份号码")} {oddex[k].get("证据", "")[:60]}')
print('\nwhere the truth allows several outcomes, what the run did:')
for sc in sorted({p['sc'] for p in truth if len(p['opts']) > 1}):
    took = Counter()
    for p in truth:
        if p['sc'] != sc or len(p['opts']) == 1: continue
        ls = roll.get(p['公民身份号码'], [])
        if len(bynum[p['公民身份号码']]) > 1: ls = [r for r in ls if r['姓名'] == p['姓名']]
        g = f"{ls[0]['选区编码']}/{ls[0]['登记依据']}" if ls else 'NOT'
        o = [x.replace('+ITEM', '') for x in p['opts']]
        took['option %d (%s)' % (o.index(g) + 1, p['opts'][o.index(g)].split('/')[-1]) if g in o else 'other'] += 1
    print(f'  {sc}: ' + ', '.join(f'{k} {v}' for k, v in sorted(took.items())))
print('\nexamples:')
for sc in sorted(ex):
    for kind, msg in ex[sc]: print(f'  [{sc}] {kind}: {msg}')
print('\nitems by type: ' + ', '.join(f'{k} {v}' for k, v in Counter(i['类型'] for i in items).most_common()))
sys.exit(1 if any(tot[k] for k in ('错', '漏', '重', '册错', '册漏')) else 0)
