# -*- coding: utf-8 -*-
"""Shared helpers: identity numbers, name normalisation, dates, CSV reading with encoding detection."""
import csv
import datetime as dt
import io

import names as NM

D = dt.date
E = D(2026, 12, 15)
PREV_E = D(2021, 11, 15)
DELIVERY = D(2026, 12, 1)

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CK = '10X98765432'


def ckd(body17):
    return CK[sum(int(c) * w for c, w in zip(body17, W)) % 11]


def valid18(s):
    return (len(s) == 18 and s[:17].isdigit() and (s[17].isdigit() or s[17] == 'X')
            and ckd(s[:17]) == s[17])


def make_num(area, birth, seq):
    b = '%s%s%03d' % (area, birth.strftime('%Y%m%d'), seq)
    return b + ckd(b)


def to15(n18):
    return n18[:6] + n18[8:17]


def from15(s):
    seq = s[12:15]
    cent = '18' if seq in ('996', '997', '998', '999') else '19'
    b = s[:6] + cent + s[6:]
    return b + ckd(b)


_FW = str.maketrans('０１２３４５６７８９ｘＸ', '0123456789xX')


def norm_num(raw):
    s = (raw or '').translate(_FW)
    for ch in (' ', '\u3000', '-', '\t', '\u00a0'):
        s = s.replace(ch, '')
    s = s.upper()
    if len(s) == 15 and s.isdigit():
        return from15(s)
    return s


def neighbours(s):
    """All strings one substitution or one adjacent swap away from the 18-char s."""
    out = set()
    for i in range(18):
        alphabet = '0123456789X' if i == 17 else '0123456789'
        for d in alphabet:
            if d != s[i]:
                out.add(s[:i] + d + s[i + 1:])
    for i in range(17):
        if s[i] != s[i + 1]:
            out.add(s[:i] + s[i + 1] + s[i] + s[i + 2:])
    return out


def norm_name(s):
    out = []
    for ch in (s or ''):
        if ch in ' \u3000\t\u00a0' or ch in NM.DOT_CHARS:
            continue
        out.append(NM.SIMP.get(ch, ch))
    return ''.join(out)


def add_years(d, y):
    try:
        return d.replace(year=d.year + y)
    except ValueError:
        return d.replace(year=d.year + y, day=28)


def months_completed(a, b):
    m = (b.year - a.year) * 12 + (b.month - a.month)
    if b.day < a.day:
        m -= 1
    return m


def read_csv_any(path):
    """Returns (header, rows as lists, encoding) detecting UTF-8 (BOM or not) / GB18030."""
    data = open(path, 'rb').read()
    enc = None
    if data.startswith(b'\xef\xbb\xbf'):
        enc = 'utf-8-sig'
    else:
        try:
            data.decode('utf-8')
            enc = 'utf-8'
        except UnicodeDecodeError:
            enc = 'gb18030'
    text = data.decode(enc)
    rows = list(csv.reader(io.StringIO(text, newline='')))
    if not rows:
        return [], [], enc
    return [h.strip() for h in rows[0]], rows[1:], enc


def parse_date(s):
    s = (s or '').strip()
    if not s:
        return None
    import re
    m = re.match(r'^(\d{4})(\d{2})(\d{2})$', s)
    if not m:
        m = re.match(r'^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$', s)
    if not m:
        return None
    try:
        return D(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _reading_classes():
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    for line in NM.HOMOPHONE_GROUPS.split():
        for c in line[1:]:
            union(line[0], c)
    for s, alts in NM.SURNAME_HOMO.items():
        for c in alts:
            union(s, c)
    return {c: find(c) for c in list(parent)}


READING = _reading_classes()


def reading_key(s):
    """Name reduced to same-reading classes (after traditional->simplified, spaces and dots removed)."""
    return ''.join(READING.get(c, c) for c in norm_name(s))


def name_agree(raw, true):
    """'yes' equal after normalisation; 'homo' same reading; 'wild' equal with * / ? as wildcards; 'no'."""
    a, b = norm_name(raw), norm_name(true)
    if a == b:
        return 'yes'
    if reading_key(a) == reading_key(b):
        return 'homo'
    if len(a) == len(b) and all(x == y or x in '*?' for x, y in zip(a, b)):
        return 'wild'
    return 'no'
