#!/usr/bin/env python3
"""The sixth independent county's checker (README.md).

    python3 check.py COUNTY_DATA RUN_DIR_NIGHT1 [RUN_DIR_NIGHT2 [RUN_DIR_NIGHT3]]

Counts per night: 错 (listed who should not be, or in the wrong district / basis), 漏 (eligible, on no roll), 重 (on the
rolls twice), 项缺 (a required item missing), 项禁 (an item the truth forbids), 送错 (an item sent to a township that
cannot handle it), 册漏 / 册错 / 册多 (book lines), 名 (roll name not the police spelling), 变动 (the roll's 变动 column),
and noise (blocking items that no expectation explains, as % of blocking raised). Night 3 is night 2's delivery again:
its roll must equal night 2's and its 新增 / 除名 books must be empty. Exit 1 on 错, 漏, 重 or 项缺.
"""
import sys, os, json, csv, io, re, glob, collections

data = sys.argv[1]
runs = sys.argv[2:]
truth = json.load(open(os.path.join(data, 'truth', 'truth.json'), encoding='utf-8'))
COUNTY = truth['county']
TOWNS = set(truth['townships'])
FW = str.maketrans('０１２３４５６７８９Ｘｘ', '0123456789XX')
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def chk(s17):
    return '10X98765432'[sum(int(a) * b for a, b in zip(s17, W)) % 11]


def norm(n):
    n = (n or '').translate(FW).replace(' ', '').replace('-', '').replace('\u3000', '').strip().upper()
    if len(n) == 15 and n.isdigit():
        s = n[:6] + ('18' if n[12:15] >= '996' else '19') + n[6:]
        return s + chk(s)
    return n


def mask(n):
    return n[:6] + '*' * 8 + n[-4:] if len(n) == 18 else n


def read(path):
    raw = open(path, 'rb').read()
    try:
        txt = raw.decode('utf-8-sig')
    except UnicodeDecodeError:
        txt = raw.decode('gb18030')
    rows = list(csv.reader(io.StringIO(txt)))
    if not rows:
        return []
    head = [h.strip() for h in rows[0]]
    return [dict(zip(head, r)) for r in rows[1:] if any(c.strip() for c in r)]


P = truth['persons']
BYNUM = {}
for p in P:
    for x in [p['num']] + p['alt']:
        BYNUM.setdefault(norm(x), p)
STRANGER = {s['num']: s for s in truth['strangers']}
QUEUE = ('', '-', COUNTY, '县', 'county')


def is_queue(t):
    return t.strip() in QUEUE or t.strip().startswith(COUNTY) and len(t.strip()) == 6


def load(run):
    r = dict(roll=collections.defaultdict(list), lines=[], add=[], rem=[], away=[], inmig={}, exc=[])
    for f in sorted(glob.glob(os.path.join(run, 'rolls', '*.csv'))):
        for row in read(f):
            num = norm(row.get('公民身份号码', ''))
            ent = (row.get('选区编码', ''), row.get('登记依据', ''), row.get('姓名', ''), row.get('变动', ''), os.path.basename(f))
            r['roll'][num].append(ent)
            r['lines'].append((num,) + ent)
    for f in sorted(glob.glob(os.path.join(run, 'books', '*.csv'))):
        b = os.path.basename(f)
        for row in read(f):
            num = norm(row.get('公民身份号码', ''))
            if b.endswith('_新增.csv'):
                r['add'].append((row.get('选区编码', ''), num, row.get('原因', ''), row.get('姓名', '')))
            elif b.endswith('_除名.csv'):
                r['rem'].append((row.get('选区编码', ''), num, row.get('原因', ''), row.get('姓名', '')))
            elif b.endswith('_外出.csv'):
                r['away'].append((row.get('选区编码', ''), num))
            elif b == '流入人员.csv':
                r['inmig'][num] = row
    ef = os.path.join(run, 'exceptions.csv')
    if os.path.exists(ef):
        for row in read(ef):
            nums = [norm(x) for x in re.split('[;；]', row.get('公民身份号码', '')) if x.strip()]
            r['exc'].append(dict(type=row.get('类型', ''), level=row.get('级别', ''), town=row.get('乡镇代码', ''),
                                 district=row.get('选区编码', ''), nums=nums, name=row.get('姓名', ''),
                                 desc=row.get('说明', ''), ev=row.get('证据', '')))
    sp = os.path.join(run, 'summary.json')
    r['summary'] = json.load(open(sp, encoding='utf-8')) if os.path.exists(sp) else {}
    return r


def cites(ev, lines):
    for l in lines:
        f, n = l.rsplit(':', 1)
        if re.search(re.escape(f) + r'\D{0,12}' + n + r'(?!\d)', ev):
            return True
    return False


def show(p):
    return '%s %s %s' % (p['name'], mask(p['num']), ','.join(p['tags'][:3]) or 'background')


fail_all = 0
results = []
prev_roll = None
for ni, run in enumerate(runs, start=1):
    t = str(min(ni, 2))
    R = load(run)
    F = collections.defaultdict(list)     # kind -> examples
    tagfail = collections.Counter()
    items_by_num = collections.defaultdict(list)
    for i, x in enumerate(R['exc']):
        for n in x['nums']:
            items_by_num[n].append(i)
    explained = set()
    took = collections.defaultdict(collections.Counter)
    # ---- rolls
    seen = set()
    for p in P:
        e = p['e' + t]
        nums = {norm(p['num'])} | {norm(a) for a in p['alt']}
        got = []
        for n in nums:
            got += R['roll'].get(n, [])
            seen.add(n)
        lst = [o for o in e if '/' in o]
        nl = [o for o in e if not '/' in o]
        mine = set(j for n in nums for j in items_by_num.get(n, []))
        mine |= set(j for j, x in enumerate(R['exc']) if p['lines'][t] and cites(x['ev'], p['lines'][t])) if any(
            o.endswith('+') for o in e) else set()
        has_item = any(R['exc'][j]['level'] == 'blocking' for j in mine)
        if len(got) > 1:
            F['重'].append('%s: on %s' % (show(p), ', '.join('%s/%s' % (g[0], g[1]) for g in got)))
            tagfail.update(p['tags'] or ['background'])
        if len(e) > 1:
            took[tuple(p['tags'][:1])][('%s/%s' % (got[0][0], got[0][1]) if got else 'not listed') +
                                       (' +item' if has_item else '')] += 1
        if got:
            d, b = got[0][0], got[0][1]
            ok = [o for o in lst if o.rstrip('+') == '%s/%s' % (d, b)]
            if not ok:
                F['错'].append('%s: expected %s, got %s/%s' % (show(p), '|'.join(e), d, b))
                tagfail.update(p['tags'] or ['background'])
            elif ok[0].endswith('+') and not has_item:
                F['项缺'].append('%s: took %s, which needs a blocking item naming the person; none' % (show(p), ok[0]))
                tagfail.update(p['tags'])
            if got[0][2].replace(' ', '') != (p.get('name1', p['name']) if t == '1' else p['name']).replace(' ', ''):
                F['名'].append('%s: roll name %s' % (show(p), got[0][2]))
        else:
            if not nl:
                F['漏'].append('%s: expected %s, on no roll' % (show(p), '|'.join(e)))
                tagfail.update(p['tags'] or ['background'])
            elif all(o.endswith('+') for o in nl) and not has_item:
                F['项缺'].append('%s: not listed (%s) needs a blocking item naming the person; none' % (show(p), '|'.join(e)))
                tagfail.update(p['tags'])
    for num, ents in R['roll'].items():
        if num not in seen:
            F['错'].append('%s %s: listed in %s, not a person of the truth' % (ents[0][2], mask(num), ents[0][0]))
    # ---- required / forbidden items
    for p in P:
        nums = {norm(p['num'])} | {norm(a) for a in p['alt']}
        if p.get('pair') is not None:
            nums |= {norm(P[p['pair']]['num'])}
        if p['allow'][t]:
            explained |= nums
        for req in p['items'][t]:
            found = [x for x in R['exc'] if x['type'] in req['types'] and (set(x['nums']) & nums or cites(x['ev'], p['lines'][t]))]
            if not found:
                F['项缺'].append('%s: %s missing (%s)' % (show(p), '|'.join(req['types']), req['why']))
                tagfail.update(p['tags'] or ['background'])
                continue
            if req.get('route'):
                okr = [x for x in found if x['town'] in req['route'] or ('' in req['route'] and is_queue(x['town']))]
                if not okr:
                    F['送错'].append('%s: %s sent to township "%s", expected %s' % (
                        show(p), found[0]['type'], found[0]['town'], ' or '.join(r or 'the county office' for r in req['route'])))
        for j in set(j for n in nums for j in items_by_num.get(n, [])):
            x = R['exc'][j]
            if x['type'] in p['forbid'][t] and not p['allow'][t]:
                F['项禁'].append('%s: %s raised (%s)' % (show(p), x['type'], x['desc'][:80]))
                tagfail.update(p['tags'])
    explained |= set(STRANGER)
    allowed_lines = [l for p in P if p['allow'][t] for l in p['lines'][t]]
    noise = []
    blocking = [x for x in R['exc'] if x['level'] == 'blocking']
    for x in blocking:
        if set(x['nums']) & explained:
            continue
        if x['ev'] and cites(x['ev'], allowed_lines):
            continue
        noise.append(x)
    for x in R['exc']:
        if set(x['nums']) and set(x['nums']) <= set(STRANGER) and not is_queue(x['town']):
            F['送错'].append('stranger %s: %s sent to township "%s", no township can be found for it' % (
                mask(x['nums'][0]), x['type'], x['town']))
        if x['town'] and not is_queue(x['town']) and x['town'] not in TOWNS:
            F['送错(未配置乡镇)'].append('%s %s: township "%s" is not a township of xuanqu.csv' % (
                x['type'], x['name'][:20], x['town']))
    # ---- books
    addmap = collections.defaultdict(list)
    remmap = collections.defaultdict(list)
    for d, n, why, nm in R['add']:
        addmap[n].append((d, why))
    for d, n, why, nm in R['rem']:
        remmap[n].append((d, why))
    if ni <= 2:
        for p in P:
            b = p['books'][t]
            if not b['checked']:
                continue
            n = norm(p['num'])
            for kind, exp, got in (('新增', b['add'], addmap.get(n, [])), ('除名', b['rem'], remmap.get(n, []))):
                if exp:
                    hit = [g for g in got if g[0] == exp[0] and g[1] in exp[1].split('|')]
                    if not hit:
                        k = '册错' if got else '册漏'
                        F[k].append('%s: %s expected %s %s, got %s' % (show(p), kind, exp[0], exp[1], got or 'nothing'))
                        tagfail.update(p['tags'] or ['background'])
                elif got:
                    F['册多'].append('%s: %s %s, none expected (night %s: %s)' % (show(p), kind, got, t, '|'.join(p['e' + t])))
                    tagfail.update(p['tags'] or ['background'])
            # 变动 on the roll
            g = R['roll'].get(n)
            if g and len(p['e' + t]) == 1 and '/' in p['e' + t][0]:
                want = '新增' if b['add'] else '保留'
                if g[0][3] != want:
                    F['变动'].append('%s: 变动 %s, expected %s' % (show(p), g[0][3], want))
    else:
        for d, n, why, nm in R['add']:
            F['册多'].append('night 3 (identical delivery): 新增 %s %s %s %s' % (d, nm, mask(n), why))
        for d, n, why, nm in R['rem']:
            F['册多'].append('night 3 (identical delivery): 除名 %s %s %s %s' % (d, nm, mask(n), why))
        for num, ents in R['roll'].items():
            if ents[0][3] != '保留':
                F['变动'].append('night 3: %s %s 变动 %s' % (ents[0][2], mask(num), ents[0][3]))
        now = {(l[0], l[1], l[2]) for l in R['lines']}
        if prev_roll is not None:
            for x in sorted(prev_roll ^ now)[:50]:
                F['夜3≠夜2'].append('%s %s/%s only on night %s' % (mask(x[0]), x[1], x[2], 2 if x in prev_roll else 3))
    # away book: listed, surveyed 外出 to 外县/境外 by a row with a number
    awayset = {n for d, n in R['away']}
    for p in P:
        e = p['e' + t]
        n = norm(p['num'])
        listed = len(e) == 1 and '/' in e[0] and not e[0].endswith('+')
        if listed and p['away'] and p['away_num'] and n not in awayset and R['roll'].get(n):
            F['册漏'].append('%s: not in the away book (surveyed 外出, number given)' % show(p))
        if n in awayset and not p['away']:
            F['册多'].append('%s: in the away book, not surveyed away' % show(p))
    # in-migrant book
    for p in P:
        n = norm(p['num'])
        if not p['inmig']:
            continue
        e = p['e' + t]
        # Truth fix: an in-migrant whose residence row is gone (n2_inmigrant_left) lives here no longer: no book line.
        if e == ['X'] and not (t == '2' and 'n2_inmigrant_left' in p['tags']):
            row = R['inmig'].get(n)
            if row is None:
                F['册漏'].append('%s: not in 流入人员.csv' % show(p))
            else:
                m = row.get('居住月数', '').strip()
                if m != str(p['months']) and any(x.startswith('inmig_') for x in p['tags']):
                    F['册错'].append('%s: 居住月数 %s, expected %d' % (show(p), m, p['months']))
        elif '/' in e[0] and n in R['inmig'] and len(e) == 1:
            F['册多'].append('%s: listed and in 流入人员.csv' % show(p))
    nb = len(blocking)
    print('\n======== night %d: %s' % (ni, run))
    print('roll lines %d, items %d (blocking %d), noise %d (%.1f %% of blocking)' % (
        len(R['lines']), len(R['exc']), nb, len(noise), 100.0 * len(noise) / nb if nb else 0))
    by = collections.Counter((x['type'], x['level']) for x in R['exc'])
    print('items by type: ' + ', '.join('%s/%s %d' % (k[0], k[1], v) for k, v in sorted(by.items())))
    towns = collections.Counter((x['type'], x['town'] or '(empty)') for x in R['exc'] if x['type'] == 'NO_DISTRICT')
    print('NO_DISTRICT by 乡镇代码: ' + ', '.join('%s %d' % (k[1], v) for k, v in sorted(towns.items())))
    kinds = ['错', '漏', '重', '项缺', '项禁', '送错', '送错(未配置乡镇)', '册漏', '册错', '册多', '变动', '名', '夜3≠夜2']
    print(' '.join('%s %d' % (k, len(F[k])) for k in kinds))
    for k in kinds:
        if F[k]:
            print('-- %s (%d), examples:' % (k, len(F[k])))
            for x in F[k][:8]:
                print('   ' + x)
    if noise:
        print('-- noise (%d), examples:' % len(noise))
        c = collections.Counter(x['type'] for x in noise)
        print('   by type: ' + ', '.join('%s %d' % kv for kv in c.most_common()))
        for x in noise[:8]:
            print('   %s %s %s [%s] %s | %s' % (x['type'], x['town'], ';'.join(mask(n) for n in x['nums']), x['name'][:30],
                                           x['desc'][:100], x['ev'][:100]))
    if took:
        print('-- where the truth accepts several outcomes, the run took:')
        for k, v in sorted(took.items()):
            print('   %s: %s' % (','.join(k) or 'background', ', '.join('%s %d' % kv for kv in v.most_common())))
    if tagfail:
        print('-- failures by scenario tag: ' + ', '.join('%s %d' % kv for kv in tagfail.most_common(40)))
    if ni == 2:
        s = json.dumps(R['summary'], ensure_ascii=False)
        for src in ('xuanwei', 'shebao'):
            i = s.find('"%s"' % src)
            print('summary.json on %s: %s' % (src, s[i:i + 300] if i >= 0 else '(not named)'))
    fail_all += len(F['错']) + len(F['漏']) + len(F['重']) + len(F['项缺'])
    prev_roll = {(l[0], l[1], l[2]) for l in R['lines']}
sys.exit(1 if fail_all else 0)
