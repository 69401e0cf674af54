#!/usr/bin/env python3
"""Self-check of a generated county: re-read every inbox CSV with the csv module, compute the
physical line each record starts on, and compare with truth/records.csv (each row exactly once)."""
import argparse
import csv
import io
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import norm_num, valid18, norm_name  # noqa: E402


def scan(path):
    data = open(path, 'rb').read()
    if data.startswith(b'\xef\xbb\xbf'):
        enc, text = 'utf-8-sig', data[3:].decode('utf-8')
    else:
        try:
            enc, text = 'utf-8', data.decode('utf-8')
        except UnicodeDecodeError:
            enc, text = 'gb18030', data.decode('gb18030')
    crlf = '\r\n' in text
    rd = csv.reader(io.StringIO(text, newline=''))
    prev = 0
    header = None
    recs = []
    blanks = 0
    for row in rd:
        start = prev + 1
        prev = rd.line_num
        if not row or all(c.strip() == '' for c in row) and len(row) <= 1:
            blanks += 1
            continue
        if header is None:
            header = [h.strip() for h in row]
            continue
        recs.append((start, dict(zip(header, row))))
    return enc, crlf, header, recs, blanks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dir')
    a = ap.parse_args()
    truth = {}
    with open(os.path.join(a.dir, 'truth', 'records.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            k = (r['文件'], int(r['行号']))
            if k in truth:
                print('DUPLICATE truth row', k)
            truth[k] = r
    seen = set()
    bad = 0
    numcheck = Counter()
    for fn in sorted(os.listdir(os.path.join(a.dir, 'inbox'))):
        enc, crlf, header, recs, blanks = scan(os.path.join(a.dir, 'inbox', fn))
        print('%-32s %-9s %-4s rows %6d blank %d  header: %s' % (fn, enc, 'CRLF' if crlf else 'LF', len(recs), blanks,
                                                               ','.join(header)))
        for line, row in recs:
            k = (fn, line)
            if k not in truth:
                print('  row not in truth:', k, row)
                bad += 1
                continue
            seen.add(k)
            t = truth[k]
            col = '社会保障号码' if '社会保障号码' in row else '公民身份号码'
            raw = row.get(col, '')
            n = norm_num(raw)
            if t['公民身份号码']:
                if n == t['公民身份号码']:
                    numcheck['same'] += 1
                elif n == '':
                    numcheck['empty'] += 1
                elif valid18(n):
                    numcheck['other valid'] += 1
                else:
                    numcheck['invalid'] += 1
                if norm_name(row.get('姓名', '')) != norm_name(t['姓名']):
                    numcheck['name differs'] += 1
            else:
                numcheck['junk'] += 1
    missing = set(truth) - seen
    print('truth rows %d, matched %d, missing in files %d, file rows not in truth %d' % (
        len(truth), len(seen), len(missing), bad))
    for k in sorted(missing)[:10]:
        print('  truth row without a file row:', k)
    print('numbers vs truth:', dict(numcheck))
    return 1 if (missing or bad) else 0


if __name__ == '__main__':
    sys.exit(main())
