#!/usr/bin/env python3
"""Exception noise on a county of the project's own generator (issue 18): which raised items no truth line asks for.

    python3 ops/bench/noise.py TRUTH_DIR RUN_DIR

check-truth counts required items that are missing; this counts the other way round. An item answers the truth when
one of the numbers it names has that type in persons.csv's 应有例外 (a `|`-separated list), or, for an
item whose number names nobody, a person of its name has. Noise = blocking items
that answer nothing, as a share of all raised items and of blocking ones (the measure of docs/benchmarks.md).
"""
import csv, sys, collections

truth_dir, run_dir = sys.argv[1], sys.argv[2]
want = collections.defaultdict(set)
by_name = collections.defaultdict(set)  # ID_INVALID names the number as written, not the person's: match it by name
with open(f"{truth_dir}/persons.csv", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        for t in filter(None, (row.get("应有例外") or "").split("|")):
            want[row["公民身份号码"]].add(t)
            by_name[row["姓名"]].add(t)
raised = blocking = 0
noise = collections.Counter()
examples = []
with open(f"{run_dir}/exceptions.csv", encoding="gb18030") as f:
    for row in csv.DictReader(f):
        raised += 1
        if row["级别"] != "blocking":
            continue
        blocking += 1
        numbers = [n for n in row["公民身份号码"].replace(";", "|").split("|") if n]
        if not any(row["类型"] in want.get(n, ()) for n in numbers) and row["类型"] not in by_name.get(row["姓名"], ()):
            noise[row["类型"]] += 1
            if len(examples) < 10:
                examples.append(f"{row['类型']} {row['姓名']} {row['说明'][:60]}")
n = sum(noise.values())
print(f"raised {raised}, blocking {blocking}; noise {n} = {100*n/max(raised,1):.1f} % of raised, "
      f"{100*n/max(blocking,1):.1f} % of blocking: {dict(noise)}")
for e in examples:
    print("  " + e)
