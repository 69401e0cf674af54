#!/usr/bin/env python3
"""check.py COUNTYDATA RUNDIR: holds a run's output (OUTPUTS.md) against truth/ written by gen.py. Exit 1 on 错/漏/重."""
import csv, glob, io, os, sys


def read(path):
    b = open(path, "rb").read()
    for enc in ("utf-8-sig", "gb18030"):
        try: return list(csv.DictReader(io.StringIO(b.decode(enc))))
        except UnicodeDecodeError: pass


data, run = sys.argv[1], sys.argv[2]
truth = read(os.path.join(data, "truth/persons.csv"))
req = read(os.path.join(data, "truth/exceptions.csv"))
tol = {r["号码"]: r["场景"] for r in read(os.path.join(data, "truth/tolerated.csv"))}
listed = {}
for f in glob.glob(os.path.join(run, "rolls/*.csv")):
    for r in read(f): listed.setdefault(r["公民身份号码"], []).append((r["选区编码"], r["登记依据"]))
exc = read(os.path.join(run, "exceptions.csv"))
books = {}
for f in glob.glob(os.path.join(run, "books/*_新增.csv")) + glob.glob(os.path.join(run, "books/*_除名.csv")):
    kind = "新增" if f.endswith("_新增.csv") else "除名"
    for r in read(f): books.setdefault((kind, r["公民身份号码"]), []).append((r["选区编码"], r["原因"]))
away = {r["公民身份号码"] for f in glob.glob(os.path.join(run, "books/*_外出.csv")) for r in read(f)}
inm = {r["公民身份号码"]: r["居住月数"] for r in (read(os.path.join(run, "books/流入人员.csv")) if os.path.exists(os.path.join(run, "books/流入人员.csv")) else [])}

fails = {}
def fail(kind, p, msg): fails.setdefault(kind, []).append((p["标签"] or "background", p["公民身份号码"], p["姓名"], msg))
known = set()
holders = {}
for p in truth: holders.setdefault(p["公民身份号码"], []).append(p)
for n, ps in holders.items():
    if len(ps) < 2: continue
    # 重号: one number, two people; the rolls are keyed by the number, so hold the multiset of their lines
    want = sorted(tuple(p["期望"].split(":")[1:]) for p in ps if p["期望"].startswith("L:"))
    got = sorted(listed.get(n, []))
    if got != want:
        kind = "漏" if len(got) < len(want) else "重" if len(got) > len(want) else "错"
        fail(kind, ps[0], f"shared number: expected {want}, listed {got}")
for p in truth:
    n, e = p["公民身份号码"], p["期望"]
    known.add(n)
    if len(holders[n]) > 1: continue      # held above; the books are keyed by number too and are not checked here
    got = listed.get(n, [])
    if e.startswith("L:"):
        _, d, basis = e.split(":")
        if not got: fail("漏", p, f"expected {d} {basis}, not listed")
        elif len(got) > 1: fail("重", p, f"listed {len(got)} times: {got}")
        elif got[0][0] != d: fail("错", p, f"expected {d} {basis}, listed {got[0]}")
        elif got[0][1] != basis: fail("依据错", p, f"expected {basis}, got {got[0][1]}")
        if p["新增原因"] and (d, p["新增原因"]) not in books.get(("新增", n), []): fail("新增册", p, f"expected {d} {p['新增原因']}, got {books.get(('新增', n))}")
        if p["外出"] == "yes" and n not in away: fail("外出册", p, "missing from the away book")
    else:
        if got: fail("错", p, f"expected not listed ({e}), listed {got}")
        if p["流入月数"] and inm.get(n) != p["流入月数"]: fail("流入册", p, f"expected {p['流入月数']} months, got {inm.get(n)}")
    if p["除名原因"] and (p["上届选区"], p["除名原因"]) not in books.get(("除名", n), []):
        fail("除名册", p, f"expected {p['上届选区']} {p['除名原因']}, got {books.get(('除名', n))}")
for n, g in listed.items():
    if n not in known: fails.setdefault("错", []).append(("unknown", n, "", f"listed but nobody's true number: {g}"))

def nums(item): return {x.strip() for x in item["公民身份号码"].split(";") if x.strip()}
needed = set()
missing = []
for rq in req:
    types, ns = set(rq["类型"].split("|")), set(rq["号码"].split(";"))
    needed |= ns
    if not any(i["类型"] in types and nums(i) & ns for i in exc): missing.append(rq)
doubt = {p["公民身份号码"] for p in truth if any(t in p["标签"] for t in ("death_typo_twins", "waidi_elsewhere_typo", "inmig_proof_typo"))}
blocking = [i for i in exc if i["级别"] == "blocking"]
noise = [i for i in blocking if not (nums(i) & (needed | doubt | set(tol)))]

print(f"persons {len(truth)}, listed lines {sum(len(v) for v in listed.values())}, exceptions {len(exc)} ({len(blocking)} blocking)")
for k in ("错", "漏", "重", "依据错", "新增册", "除名册", "外出册", "流入册"): print(f"{k}: {len(fails.get(k, []))}")
print(f"required exceptions: {len(req) - len(missing)} of {len(req)} raised")
print(f"noise: {len(noise)} blocking items answer nothing required = {100 * len(noise) / max(1, len(exc)):.1f} % of raised, "
      f"{100 * len(noise) / max(1, len(blocking)):.1f} % of blocking")
from collections import Counter
print("noise by type:", dict(Counter(i["类型"] for i in noise)))
print("missing by scenario:", dict(Counter(m["场景"] + ":" + m["类型"] for m in missing)))
for k, v in fails.items():
    print(f"\n== {k} ({len(v)}) by scenario: {dict(Counter(x[0] for x in v))}")
    for x in v[:40]: print("  ", *x)
print("\n== missing required items")
for m in missing[:60]: print("  ", m["场景"], m["类型"], m["号码"])
print("\n== noise (first 30)")
for i in noise[:30]: print("  ", i["类型"], i["乡镇代码"], i["姓名"], i["说明"][:80])
sys.exit(1 if any(fails.get(k) for k in ("错", "漏", "重")) else 0)
