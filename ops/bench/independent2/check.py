#!/usr/bin/env python3
"""Hold a run's output against this county's truth (README.md next to this file).

    check.py OUTDIR RUNDIR        OUTDIR as given to gen.py; RUNDIR = <out>/<run id>

错: listed who must not be, or in another district / with another 登记依据; 漏: left out who must be listed;
重: one person listed more than once (a 一人多户 second number counts, unless a PERSON_MULTI_RECORD names it).
Exit 1 on 错, 漏 or 重.
"""
import csv, glob, io, os, sys
from collections import Counter, defaultdict


def read(path):
    raw = open(path, "rb").read()
    for enc in ("utf-8-sig", "gb18030"):
        try: return list(csv.DictReader(io.StringIO(raw.decode(enc))))
        except UnicodeDecodeError: pass
    raise SystemExit(f"cannot decode {path}")


def main():
    out, run = sys.argv[1], sys.argv[2]
    truth = {r["公民身份号码"]: r for r in read(os.path.join(out, "truth", "persons.csv"))}
    phantom = {r["其他号码"]: r["公民身份号码"] for r in truth.values() if r["其他号码"]}
    tags = {n: r["场景"].split(";") for n, r in truth.items()}
    listed = defaultdict(list)
    for f in glob.glob(os.path.join(run, "rolls", "*.csv")):
        for r in read(f): listed[r["公民身份号码"]].append(r)
    exc = read(os.path.join(run, "exceptions.csv"))
    named = defaultdict(list)
    for i, x in enumerate(exc):
        for n in x["公民身份号码"].split(";"):
            if n: named[n.strip()].append(i)
    by = defaultdict(Counter)   # tag -> counter
    examples = defaultdict(list)
    def fail(kind, n, msg):
        for t in tags.get(n, ["unknown"]):
            by[t][kind] += 1
            if len(examples[(t, kind)]) < 2: examples[(t, kind)].append(msg)
    pmr_named = {n for i, x in enumerate(exc) if x["类型"] == "PERSON_MULTI_RECORD" for n in x["公民身份号码"].split(";")}
    for n, t in truth.items():
        for tg in tags[n]: by[tg]["persons"] += 1
        lines = listed.get(n, [])
        want = (t["选区编码"], t["登记依据"]) if t["选区编码"] else None
        if len(lines) > 1: fail("重", n, f"{t['姓名']} {n[:6]}…{n[-4:]} listed {len(lines)} times")
        if want and not lines: fail("漏", n, f"{t['姓名']} {n[:6]}…{n[-4:]}: want {want[0]} {want[1]}, not listed")
        if lines and not want: fail("错", n, f"{t['姓名']} {n[:6]}…{n[-4:]}: want not listed ({t['原因']}), listed {lines[0]['选区编码']} {lines[0]['登记依据']}")
        if lines and want and (lines[0]["选区编码"], lines[0]["登记依据"]) != want:
            fail("错", n, f"{t['姓名']} {n[:6]}…{n[-4:]}: want {want[0]} {want[1]}, listed {lines[0]['选区编码']} {lines[0]['登记依据']}")
    for n, lines in listed.items():
        if n in truth: continue
        if n in phantom:
            if n in pmr_named or phantom[n] in pmr_named: by[tags[phantom[n]][0]]["重 pending review"] += 1
            else: fail("重", phantom[n], f"second 户 number {n[:6]}…{n[-4:]} of {truth[phantom[n]]['姓名']} listed too, no PERSON_MULTI_RECORD")
        else:
            by["unknown"]["错"] += 1
            if len(examples[("unknown", "错")]) < 3: examples[("unknown", "错")].append(f"{lines[0]['姓名']} {n[:6]}…{n[-4:]} listed, no such person")
    # exceptions
    used = set()
    miss = Counter()
    for x in read(os.path.join(out, "truth", "exceptions.csv")):
        nums = [n for n in x["公民身份号码"].split(";") if n]
        hit = [i for n in nums for i in named.get(n, []) if exc[i]["类型"] == x["类型"]]
        used.update(hit)
        if x["必需"] != "yes": continue
        by[x["场景"]]["exc required"] += 1
        if not hit:
            by[x["场景"]]["exc missing"] += 1
            miss[x["类型"]] += 1
            n = nums[0]
            if len(examples[(x["场景"], "exc missing")]) < 2:
                got = sorted({exc[i]["类型"] for i in named.get(n, [])})
                examples[(x["场景"], "exc missing")].append(f"{truth[n]['姓名']} {n[:6]}…{n[-4:]}: want {x['类型']}, items naming them: {got or 'none'}")
    # an item naming a scenario person whose case is in doubt is not noise; every other blocking item is
    doubt = {"death_typo_living", "xuanwei_repaired", "waidi_twin_typo", "waidi_twin_typo_other", "unit_homophone_typo",
             "chaiqian_no_anchor_case", "chaiqian_typo_homophone_row", "chaiqian_unanchored_namesake", "namesake_of_unanchored",
             "multi_typo_number", "multi_same_dwelling", "multi_former_name"}
    noise = []
    for i, x in enumerate(exc):
        if i in used or x["级别"] != "blocking": continue
        nums = [n for n in x["公民身份号码"].split(";") if n]
        if any(set(tags.get(n, [])) & doubt or (n in phantom) for n in nums): continue
        noise.append(x)
    noise_by = Counter(x["类型"] for x in noise)
    for x in noise:
        for n in x["公民身份号码"].split(";")[:1]:
            t = tags.get(n, ["unknown"])[0]
            by[t]["noise"] += 1
            if len(examples[(t, "noise")]) < 2: examples[(t, "noise")].append(f"{x['类型']} {x['姓名']}: {x['说明'][:60]}")
    # books
    want_b = defaultdict(set)
    for r in read(os.path.join(out, "truth", "books.csv")): want_b[r["册"]].add((r["选区编码"], r["公民身份号码"], r["值"]))
    got_b = defaultdict(set)
    for f in glob.glob(os.path.join(run, "books", "*_新增.csv")):
        for r in read(f): got_b["新增"].add((r["选区编码"], r["公民身份号码"], r["原因"]))
    for f in glob.glob(os.path.join(run, "books", "*_除名.csv")):
        for r in read(f): got_b["除名"].add((r["选区编码"], r["公民身份号码"], r["原因"]))
    for f in glob.glob(os.path.join(run, "books", "*_外出.csv")):
        for r in read(f): got_b["外出"].add((r["选区编码"], r["公民身份号码"], r["外出去向"]))
    for r in read(os.path.join(run, "books", "流入人员.csv")):
        got_b["流入"].add(("", r["公民身份号码"], f"{r['居住月数']}|{r['已有资格证明']}"))
    book_err = Counter()
    for b in ("新增", "除名", "外出", "流入"):
        for k in want_b[b] - got_b[b]:
            book_err[b + " missing"] += 1
            fail("book", k[1], f"{b}: want {k}, got {[g for g in got_b[b] if g[1] == k[1]]}") if k[1] in truth else None
        for k in got_b[b] - want_b[b]:
            book_err[b + " extra"] += 1
            if k[1] in truth and not any(w[1] == k[1] for w in want_b[b]): fail("book", k[1], f"{b}: unexpected {k}")
    # report
    kinds = ["persons", "错", "漏", "重", "重 pending review", "exc required", "exc missing", "noise", "book"]
    short = {"重 pending review": "重 pending", "exc required": "exc req", "exc missing": "exc miss"}
    print(f"{'scenario':34}" + "".join(f"{short.get(k, k):>10}" for k in kinds))
    for t in sorted(by, key=lambda t: (t == "background", t)):
        print(f"{t:34}" + "".join(f"{by[t][k]:>10}" for k in kinds))
    tot = Counter()
    for t in by: tot.update(by[t])
    raised, blocking = len(exc), sum(1 for x in exc if x["级别"] == "blocking")
    print(f"\n错 {tot['错']}  漏 {tot['漏']}  重 {tot['重']}  (重 pending PERSON_MULTI_RECORD {tot['重 pending review']})")
    print(f"required exceptions {tot['exc required']}, missing {tot['exc missing']}: {dict(miss)}")
    print(f"exceptions raised {raised} (blocking {blocking}); noise {len(noise)} blocking = {100 * len(noise) / max(raised, 1):.1f} % of raised, "
          f"{100 * len(noise) / max(blocking, 1):.1f} % of blocking: {dict(noise_by)}")
    print(f"book lines: {dict(book_err)}")
    print("\nexamples:")
    for (t, k), ms in sorted(examples.items()):
        for m in ms: print(f"  [{t}] {k}: {m}")
    sys.exit(1 if tot["错"] or tot["漏"] or tot["重"] else 0)


if __name__ == "__main__":
    main()
