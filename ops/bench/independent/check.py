#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Hold a reconciliation run's output against an adversary county's truth.

python3 check.py --truth DIR/truth --run RUNDIR [--examples 15]
"""
import argparse
import csv
import glob
import os
import re
import sys
from collections import defaultdict, Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import norm_num, norm_name, read_csv_any  # noqa: E402

CATS = ['错-不应列入', '错-选区', '错-登记依据', '错-未知号码', '漏', '重-号码', '重-同一人',
        '例外缺失', '外出册漏', '外出册多', '外出册选区', '流入册漏', '流入册多', '流入册月数']
INFO = ['例外缺失(弱证据,不计)', 'review:未列入', 'review:列入两次', 'review:已列入', '额外阻断例外']


def load_expected(tdir):
    with open(os.path.join(tdir, 'expected.csv'), encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r['tagset'] = set(t for t in r['tags'].split(';') if t)
        r['keys'] = set([r['公民身份号码']] + [a for a in r['aliases'].split(';') if a])
    return rows


def load_table(path):
    header, rows, enc = read_csv_any(path)
    return [dict(zip(header, row)) for row in rows if any(c.strip() for c in row)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--truth', required=True)
    ap.add_argument('--run', required=True)
    ap.add_argument('--examples', type=int, default=15)
    a = ap.parse_args()
    exp = load_expected(a.truth)
    by_pid = {r['pid']: r for r in exp}
    by_num = defaultdict(list)
    for r in exp:
        for k in r['keys']:
            by_num[k].append(r)

    fails = defaultdict(list)       # cat -> [(pid or None, detail)]
    info = defaultdict(list)

    def fail(cat, r, detail):
        fails[cat].append((r, detail))

    def resolve(num, name, birth):
        cands = by_num.get(num, [])
        if len(cands) > 1:
            c2 = [c for c in cands if norm_name(c['姓名']) == norm_name(name)] or \
                 [c for c in cands if c['出生日期'] == birth] or cands
            return c2[0]
        return cands[0] if cands else None

    # ---------------------------------------------------------------- rolls
    lines_by_pid = defaultdict(list)
    lines_by_num = defaultdict(list)
    nlines = 0
    for path in sorted(glob.glob(os.path.join(a.run, 'rolls', '*.csv'))):
        for row in load_table(path):
            nlines += 1
            num = norm_num(row.get('公民身份号码', ''))
            d = row.get('选区编码', '').strip() or os.path.basename(path)[:-4]
            line = dict(district=d, basis=row.get('登记依据', '').strip(), name=row.get('姓名', '').strip(), num=num,
                        birth=row.get('出生日期', '').strip(), file=os.path.basename(path))
            lines_by_num[num].append(line)
            r = resolve(num, line['name'], line['birth'])
            if r is None:
                fail('错-未知号码', None, '%s %s %s %s' % (d, num, line['name'], line['basis']))
                continue
            lines_by_pid[r['pid']].append(line)

    for num, ls in lines_by_num.items():
        if len(ls) > 1:
            pids = set()
            for l in ls:
                r = resolve(num, l['name'], l['birth'])
                pids.add(r['pid'] if r else None)
            if len(pids) < len(ls):
                r = resolve(num, ls[0]['name'], ls[0]['birth'])
                if r is not None and r['review'] == 'yes':
                    continue
                fail('重-号码', r, '%s on %d lines: %s' % (num, len(ls), '; '.join(
                    '%s %s %s' % (l['district'], l['name'], l['basis']) for l in ls)))

    for r in exp:
        ls = lines_by_pid.get(r['pid'], [])
        review = r['review'] == 'yes'
        if review:
            if r['outcome'] == 'listed' and not ls:
                info['review:未列入'].append((r, 'not on any roll'))
            elif len(ls) > 1:
                info['review:列入两次'].append((r, '; '.join('%s %s %s' % (l['district'], l['num'], l['basis'])
                                                          for l in ls)))
            elif ls:
                info['review:已列入'].append((r, '%s %s' % (ls[0]['district'], ls[0]['basis'])))
            continue
        if len(set(l['num'] for l in ls)) > 1 or (len(ls) > 1 and len(lines_by_num[ls[0]['num']]) == len(ls)):
            if len(ls) > 1:
                fail('重-同一人', r, '; '.join('%s %s %s %s' % (l['district'], l['num'], l['name'], l['basis'])
                                           for l in ls))
        if r['outcome'] == 'listed':
            if not ls:
                fail('漏', r, 'expected %s %s, on no roll' % (r['选区编码'], r['登记依据']))
                continue
            l = ls[0]
            if all(x['district'] != r['选区编码'] for x in ls):
                fail('错-选区', r, 'expected %s %s, found %s %s' % (r['选区编码'], r['登记依据'], l['district'], l['basis']))
            elif all(x['basis'] != r['登记依据'] for x in ls):
                fail('错-登记依据', r, 'expected %s %s, found %s %s' % (r['选区编码'], r['登记依据'], l['district'],
                                                                  l['basis']))
        else:
            if ls:
                fail('错-不应列入', r, 'expected not listed (%s), found %s %s' % (
                    r['reason'], ls[0]['district'], ls[0]['basis']))

    # ---------------------------------------------------------------- exceptions
    exc_rows = []
    ep = os.path.join(a.run, 'exceptions.csv')
    if os.path.exists(ep):
        for row in load_table(ep):
            nums = set(norm_num(x) for x in re.split(r'[;；,，\s]+', row.get('公民身份号码', '')) if x.strip())
            exc_rows.append(dict(type=row.get('类型', '').strip(), nums=nums, ev=row.get('证据', '') + ' ' +
                                 row.get('说明', ''), names=row.get('姓名', '')))
    exc_by_type = defaultdict(list)
    for e in exc_rows:
        exc_by_type[e['type']].append(e)
    exc_for_num = defaultdict(set)
    for e in exc_rows:
        for n in e['nums']:
            exc_for_num[n].add(e['type'])

    def has_exc(r, types):
        keys = set(r['keys'])
        filelines = []
        for k in r['raw_keys'].split(';'):
            if not k:
                continue
            if ':' in k:
                f, ln = k.rsplit(':', 1)
                filelines.append((f, ln))
            else:
                keys.add(k)
        for t in types:
            for e in exc_by_type.get(t, []):
                if keys & e['nums']:
                    return True
                for f, ln in filelines:
                    if f in e['ev'] and re.search(r'(?<!\d)%s(?!\d)' % ln, e['ev'].split(f, 1)[1][:40]):
                        return True
        return False

    for r in exp:
        for grp in [g for g in r['exceptions'].split(';') if g]:
            soft = grp.startswith('?')
            types = grp.lstrip('?').split('|')
            if not has_exc(r, types):
                found = sorted(set().union(*[exc_for_num.get(k, set()) for k in r['keys']]))
                msg = 'expected %s; raised for this number: %s' % ('|'.join(types), ','.join(found) or 'none')
                if soft:
                    info['例外缺失(弱证据,不计)'].append((r, msg))
                else:
                    fail('例外缺失', r, msg)

    # blocking exceptions naming a person for whom no exception of that type was expected
    expected_types = defaultdict(set)
    for r in exp:
        for grp in [g for g in r['exceptions'].split(';') if g]:
            for t in grp.lstrip('?').split('|'):
                expected_types[r['pid']].add(t)
    extra_by_type = Counter()
    for e in exc_rows:
        lvl_blocking = e['type'] in ('ID_INVALID', 'ID_SHARED', 'PERSON_MULTI_RECORD', 'MATCH_REVIEW', 'DEATH_REVIEW',
                                     'NO_DISTRICT')
        if not lvl_blocking:
            continue
        named = [by_num[n][0] for n in e['nums'] if n in by_num]
        if named and all(e['type'] not in expected_types[x['pid']] for x in named):
            extra_by_type[e['type']] += 1
            info['额外阻断例外'].append((named[0], '%s naming %s' % (e['type'], ';'.join(
                '%s %s' % (x['公民身份号码'], x['姓名']) for x in named))))
    extra_tags = Counter()
    for r, d in info['额外阻断例外']:
        for t in r['tagset']:
            extra_tags[t] += 1

    # ---------------------------------------------------------------- away book
    away_found = defaultdict(list)
    for path in sorted(glob.glob(os.path.join(a.run, 'books', '*_外出.csv'))):
        for row in load_table(path):
            num = norm_num(row.get('公民身份号码', ''))
            r = resolve(num, row.get('姓名', ''), row.get('出生日期', ''))
            d = row.get('选区编码', '').strip() or os.path.basename(path).split('_')[0]
            if r is None:
                fail('外出册多', None, 'unknown number %s %s in %s' % (num, row.get('姓名', ''), d))
                continue
            away_found[r['pid']].append(d)
    for r in exp:
        got = away_found.get(r['pid'], [])
        if r['away'] == 'yes' and not got and r['review'] != 'yes':
            ls = lines_by_pid.get(r['pid'], [])
            if ls:     # only a listed person can be in the away book
                fail('外出册漏', r, 'tongji 外出 %s; listed in %s; not in away book' % (r['外出去向'], ls[0]['district']))
        elif r['away'] == 'no' and got:
            fail('外出册多', r, 'in away book of %s; expected not (outcome %s %s)' % (','.join(got), r['outcome'],
                                                                                 r['reason']))
        elif got and r['outcome'] == 'listed' and r['review'] != 'yes':
            ls = lines_by_pid.get(r['pid'], [])
            if ls and all(g != ls[0]['district'] for g in got):
                fail('外出册选区', r, 'away book %s, roll %s' % (','.join(got), ls[0]['district']))

    # ---------------------------------------------------------------- in-migrant book
    bp = os.path.join(a.run, 'books', '流入人员.csv')
    book = {}
    if os.path.exists(bp):
        for row in load_table(bp):
            num = norm_num(row.get('公民身份号码', ''))
            r = resolve(num, row.get('姓名', ''), row.get('出生日期', ''))
            if r is None:
                fail('流入册多', None, 'unknown number %s %s' % (num, row.get('姓名', '')))
                continue
            book[r['pid']] = row
    for r in exp:
        row = book.get(r['pid'])
        if r['inmigrant_book'] == 'yes':
            if row is None:
                fail('流入册漏', r, 'expected with %s months' % r['months'])
            elif str(row.get('居住月数', '')).strip() != r['months']:
                fail('流入册月数', r, 'expected %s months, found %s' % (r['months'], row.get('居住月数')))
        elif r['inmigrant_book'] == 'no' and row is not None:
            fail('流入册多', r, 'in book (%s months); expected not (%s %s %s)' % (
                row.get('居住月数'), r['outcome'], r['选区编码'], r['reason']))

    # ---------------------------------------------------------------- report
    exp_listed = sum(1 for r in exp if r['outcome'] == 'listed')
    print('run %s' % a.run)
    print('truth persons %d, expected listed %d (of which review=yes %d); roll lines %d; exceptions %d' % (
        len(exp), exp_listed, sum(1 for r in exp if r['review'] == 'yes' and r['outcome'] == 'listed'), nlines,
        len(exc_rows)))
    print()
    print('%-16s %7s' % ('category', 'count'))
    for c in CATS:
        print('%-16s %7d' % (c, len(fails[c])))
    for c in INFO:
        print('%-16s %7d   (info)' % (c, len(info[c])))
    print()
    # by tag
    tag_n = Counter()
    for r in exp:
        for t in r['tagset']:
            tag_n[t] += 1
    per = defaultdict(Counter)
    for c in CATS:
        for r, _ in fails[c]:
            if r is None:
                per['(unknown)'][c] += 1
                continue
            for t in r['tagset'] or {'(none)'}:
                per[t][c] += 1
    short = {c: c.replace('外出册', '外').replace('流入册', '流').replace('错-', '错').replace('重-', '重')
             for c in CATS}
    used = [c for c in CATS if fails[c]]
    print('failures by scenario tag (persons with the tag; a person counts under each of their tags)')
    print('%-34s %6s ' % ('tag', 'n') + ' '.join('%6s' % short[c] for c in used))
    for t in sorted(per, key=lambda t: (-sum(per[t].values()), t)):
        print('%-34s %6s ' % (t, tag_n.get(t, '')) + ' '.join('%6s' % (per[t][c] or '.') for c in used))
    print()
    for c in CATS + INFO:
        items = fails[c] if c in CATS else info[c]
        if not items:
            continue
        print('== %s (%d)' % (c, len(items)))
        for r, d in items[:a.examples]:
            if r is None:
                print('   - %s' % d)
                continue
            print('   %s %s %s %s | expected %s %s %s%s | %s' % (
                r['pid'], r['公民身份号码'], r['姓名'], r['出生日期'],
                r['outcome'], r['选区编码'] or r['reason'], r['登记依据'],
                (' exc=' + r['exceptions']) if r['exceptions'] else '', d))
            print('        tags: %s' % r['tags'])
        print()
    if info['额外阻断例外']:
        print('extra blocking exceptions by type: %s' % dict(extra_by_type))
        print('  ... by tag of the first person named: %s' % ', '.join('%s %d' % kv for kv in extra_tags.most_common(12)))
    total = sum(len(fails[c]) for c in CATS)
    print('TOTAL failures: %d' % total)
    return 0


if __name__ == '__main__':
    sys.exit(main())
