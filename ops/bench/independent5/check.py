#!/usr/bin/env python3
"""Compares a reconciliation run with the fifth independent county's truth.

    python3 check.py OUTDIR RUNDIR     (OUTDIR as written by gen.py; RUNDIR = <out>/<run id>/)

Per scenario tag: 错 (listed who should not be, or in the wrong district/basis), 漏 (missing who should be listed),
重 (listed twice), 项缺 (required review item missing), 项禁 (an item the truth forbids), 册 (book errors), 名 (name on
the roll is not the police spelling). Then noise: items raised that the truth neither requires nor allows.
Exit 1 on 错, 漏, 重 or 项缺. Identity numbers are printed masked.
"""
import collections, csv, io, json, os, re, sys, unicodedata


def mask(n):
    return n[:6] + "*" * max(0, len(n) - 10) + n[-4:] if len(n) > 10 else n


def read(path):
    b = open(path, "rb").read()
    if b.startswith(b"\xef\xbb\xbf"):
        t = b[3:].decode("utf-8")
    else:
        try:
            t = b.decode("utf-8")
        except UnicodeDecodeError:
            t = b.decode("gb18030")
    rows = list(csv.reader(io.StringIO(t, newline="")))
    if not rows:
        return []
    head = [h.strip() for h in rows[0]]
    return [dict(zip(head, r)) for r in rows[1:] if any(c.strip() for c in r)]


def norm(n):
    return (n or "").strip().upper()


def nfc(s):
    return unicodedata.normalize("NFC", (s or "").strip())


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data, run = sys.argv[1], sys.argv[2]
    T = json.load(open(os.path.join(data, "truth", "truth.json"), encoding="utf-8"))
    persons = T["persons"]
    bynum = collections.defaultdict(list)
    extra = set()
    for p in persons:
        bynum[p["num"]].append(p)
        extra.update(p["extra_numbers"])
    tagof = lambda p: p["tags"] or ["(background)"]

    # ---- rolls ----------------------------------------------------------------------------------------------
    lines = collections.defaultdict(list)
    nlines = 0
    for fn in sorted(os.listdir(os.path.join(run, "rolls"))):
        for i, row in enumerate(read(os.path.join(run, "rolls", fn)), 2):
            n = norm(row.get("公民身份号码"))
            lines[n].append({"d": row.get("选区编码", "").strip(), "basis": row.get("登记依据", "").strip(),
                             "name": row.get("姓名", ""), "chg": row.get("变动", "").strip(), "where": f"{fn}:{i}"})
            nlines += 1
    stats = collections.defaultdict(lambda: collections.Counter())
    examples = collections.defaultdict(list)
    chosen = collections.defaultdict(collections.Counter)

    def bad(tags, kind, msg):
        for t in tags:
            stats[t][kind] += 1
            if len(examples[t]) < 4:
                examples[t].append(f"{kind}: {msg}")

    assigned = {}
    for num, ps in bynum.items():
        ls = list(lines.get(num, []))
        pairs = []
        if len(ps) > 1:    # 重号: match lines to people by name, then the rest in order
            rest = []
            for p in ps:
                m = next((l for l in ls if nfc(l["name"]) == nfc(p["name"])), None)
                if m:
                    ls.remove(m)
                    pairs.append((p, [m]))
                else:
                    rest.append(p)
            for p in rest:
                pairs.append((p, [ls.pop(0)] if ls else []))
            if ls and pairs:
                pairs[0][1].extend(ls)
        else:
            pairs = [(ps[0], ls)]
        for p, pl in pairs:
            assigned[p["pid"]] = pl
    for p in persons:
        tags = tagof(p)
        for t in tags:
            stats[t]["n"] += 1
        pl = assigned.get(p["pid"], [])
        Ls = [(o[1], o[2]) for o in p["outcomes"] if o[0] == "L"]
        Nok = any(o[0] == "N" for o in p["outcomes"])
        who = f"{p['pid']} {mask(p['num'])} {p['name']}"
        if len(p["outcomes"]) > 1:
            took = "NOT" if not pl else f"{pl[0]['d']}/{pl[0]['basis']}"
            opts = [("NOT" if o[0] == "N" else f"{o[1]}/{o[2]}") for o in p["outcomes"]]
            for t in tags:
                chosen[t]["option %d (%s)" % (opts.index(took) + 1, took.split("/")[-1]) if took in opts else took] += 1
        if not pl:
            if not Nok:
                bad(tags, "漏", f"{who} expected {Ls}")
            continue
        if len(pl) > 1:
            bad(tags, "重", f"{who} listed {len(pl)}x: {[l['where'] for l in pl]}")
        l = pl[0]
        if (l["d"], l["basis"]) not in Ls:
            if not Ls:
                bad(tags, "错", f"{who} listed {l['d']} {l['basis']} ({l['where']}), truth "
                                f"{[o[1] for o in p['outcomes']]}")
            else:
                bad(tags, "错", f"{who} listed {l['d']} {l['basis']} ({l['where']}), truth {Ls}")
        if nfc(l["name"]) != nfc(p["name"]) and not p["shared"]:
            bad(tags, "名", f"{who} roll name {l['name']!r} ({l['where']})")
    for num, ls in lines.items():
        if num not in bynum and num not in extra:
            bad(["(unknown number)"], "错", f"{mask(num)} {ls[0]['name']} {ls[0]['where']} is nobody of the truth")

    # ---- exceptions -----------------------------------------------------------------------------------------
    items = []
    for i, row in enumerate(read(os.path.join(run, "exceptions.csv")), 2):
        nums = {norm(x) for x in re.split(r"[;；]", row.get("公民身份号码", "")) if x.strip()}
        items.append({"type": row.get("类型", "").strip(), "nums": nums, "ev": row.get("证据", ""),
                      "town": row.get("乡镇代码", "").strip(), "line": i, "name": row.get("姓名", "")})

    def hits(q, it):
        if it["type"] not in q["types"]:
            return False
        if it["nums"] & set(q["numbers"]):
            return True
        f = q.get("file")
        if f:
            for ln in {q.get("line"), q.get("line_alt")}:
                if ln and re.search(re.escape(f) + r"[:#第 ]*" + str(ln) + r"(?!\d)", it["ev"]):
                    return True
        return False
    by_type = collections.defaultdict(list)
    for it in items:
        by_type[it["type"]].append(it)
    for q in T["required"]:
        if not any(hits(q, it) for it in by_type_any(by_type, q["types"])):
            bad([q["tag"]], "项缺", f"{'/'.join(q['types'])} for {[mask(n) for n in q['numbers']]}"
                               + (f" ({q['file']}:{q['line']})" if q.get("file") else ""))
    for q in T["forbidden"]:
        for it in by_type_any(by_type, q["types"]):
            if it["nums"] & set(q["numbers"]):
                bad([q["tag"]], "项禁", f"{it['type']} raised for {[mask(n) for n in it['nums']]} "
                                      f"(exceptions.csv:{it['line']})")
    explained = 0
    noise = collections.Counter()
    noise_ex = collections.defaultdict(list)
    qs = T["required"] + T["allowed"]
    qidx = collections.defaultdict(list)
    for q in qs:
        for t in q["types"]:
            qidx[t].append(q)
    for it in items:
        if any(hits(q, it) for q in qidx.get(it["type"], [])):
            explained += 1
        else:
            noise[it["type"]] += 1
            if len(noise_ex[it["type"]]) < 3:
                who = [p["pid"] + ":" + ",".join(p["tags"] or ["bg"]) for n in it["nums"] for p in bynum.get(n, [])]
                noise_ex[it["type"]].append(f"exceptions.csv:{it['line']} {[mask(n) for n in it['nums']]} {who}"
                                            f" {it['ev'][:80]}")
    # township on NO_DISTRICT items: "Every exception names the township (乡镇代码) that must handle it"
    town_err = 0
    pnum = {p["num"]: p for p in persons}
    for it in by_type.get("NO_DISTRICT", []):
        for n in it["nums"]:
            p = pnum.get(n)
            if p and p.get("town") and it["town"] != p["town"]:
                town_err += 1

    # ---- books ----------------------------------------------------------------------------------------------
    definite = {p["num"] for p in persons if p["definite"] and not p["shared"]}
    tags_by_num = {p["num"]: tagof(p) for p in persons}
    book_err = collections.Counter()

    def book(kind, truth_entries, got, key_reason):
        exp = {(e["district"], e["num"]): e for e in truth_entries}
        for (d, n), e in exp.items():
            g = got.get((d, n))
            if g is None:
                bad(e["tags"], "册", f"{kind} missing {d} {mask(n)}")
                book_err[kind + " missing"] += 1
            elif key_reason and g not in e[key_reason]:
                bad(e["tags"], "册", f"{kind} {d} {mask(n)} reason {g}, truth {e[key_reason]}")
                book_err[kind + " reason"] += 1
        for (d, n), g in got.items():
            if (d, n) not in exp and n in definite:
                bad(tags_by_num.get(n, ["(unknown number)"]), "册", f"{kind} extra {d} {mask(n)} {g}")
                book_err[kind + " extra"] += 1

    def readbook(suffix, col):
        got = {}
        bdir = os.path.join(run, "books")
        for fn in sorted(os.listdir(bdir)):
            if fn.endswith(suffix):
                for row in read(os.path.join(bdir, fn)):
                    got[(row.get("选区编码", "").strip(), norm(row.get("公民身份号码")))] = (row.get(col) or "").strip()
        return got
    added = readbook("_新增.csv", "原因")
    book("新增", [e for e in T["added"] if e["num"] in definite], added, "reason")
    book("除名", [e for e in T["removed"] if e["num"] in definite or e["tags"] == ["prev_roll_vanished"]],
         readbook("_除名.csv", "原因"), "reason")
    away_got = readbook("_外出.csv", "外出去向")
    away_truth = [e for e in T["away"] if e["sure"] and e["num"] in definite]
    unsure = {(e["district"], e["num"]) for e in T["away"] if not e["sure"]}
    book("外出", away_truth, {k: v for k, v in away_got.items() if k not in unsure}, None)
    inm = {}
    path = os.path.join(run, "books", "流入人员.csv")
    if os.path.exists(path):
        for row in read(path):
            inm[norm(row.get("公民身份号码"))] = (row.get("居住月数") or "").strip()
    inm_truth = {e["num"]: e for e in T["inmigrants"]}
    for n, e in inm_truth.items():
        if n not in inm:
            if not e.get("optional"):
                bad(e["tags"] or ["(background)"], "册", f"流入 missing {mask(n)} {e['months']} months")
                book_err["流入 missing"] += 1
        elif inm[n] not in [str(m) for m in e["months"]]:
            bad(e["tags"] or ["(background)"], "册", f"流入 {mask(n)} months {inm[n]}, truth {e['months']}")
            book_err["流入 months"] += 1
    for n in inm:
        if n not in inm_truth and n in definite:
            bad(tags_by_num.get(n, ["(unknown number)"]), "册", f"流入 extra {mask(n)}")
            book_err["流入 extra"] += 1
    # 变动 新增 exactly for the added
    exp_added = {(e["district"], e["num"]) for e in T["added"]}
    for n, ls in lines.items():
        if n in definite:
            for l in ls[:1]:
                want = "新增" if (l["d"], n) in exp_added else "保留"
                if l["chg"] != want and (l["d"], n) in {(o[1], n) for p in bynum[n] for o in p["outcomes"]
                                                        if o[0] == "L"}:
                    bad(tags_by_num[n], "册", f"变动 {l['chg']} for {mask(n)} ({l['where']}), truth {want}")
                    book_err["变动"] += 1

    # ---- report ---------------------------------------------------------------------------------------------
    kinds = ["错", "漏", "重", "项缺", "项禁", "册", "名"]
    print(f"roll lines {nlines}, truth persons {len(persons)}, items raised {len(items)}")
    print("%-44s %6s " % ("scenario", "n") + " ".join("%5s" % k for k in kinds))
    tot = collections.Counter()
    for t in sorted(stats, key=lambda t: (t.startswith("("), t)):
        s = stats[t]
        for k in kinds:
            tot[k] += s[k]
        flag = " <-" if any(s[k] for k in kinds[:4]) else ""
        print("%-44s %6d " % (t, s["n"]) + " ".join("%5d" % s[k] for k in kinds) + flag)
    print("%-44s %6s " % ("TOTAL", "") + " ".join("%5d" % tot[k] for k in kinds))
    raised = len(items)
    nz = sum(noise.values())
    print(f"\nnoise: {nz} of {raised} items raised are not called for by the truth "
          f"({100.0 * nz / raised if raised else 0:.1f} %): " + ", ".join(f"{k} {v}" for k, v in noise.most_common()))
    for k, exs in noise_ex.items():
        for e in exs[:2]:
            print(f"  noise {k}: {e}")
    print("book errors: " + (", ".join(f"{k} {v}" for k, v in sorted(book_err.items())) or "none"))
    print(f"NO_DISTRICT items naming another township: {town_err}")
    print("items by type: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(by_type.items(), key=lambda x: -len(x[1]))))
    if chosen:
        print("\nwhere the truth allows several outcomes, what the run did:")
        for t in sorted(chosen):
            print(f"  {t}: " + ", ".join(f"{k} {v}" for k, v in sorted(chosen[t].items())))
    print("\nexamples:")
    for t in sorted(examples):
        if any(stats[t][k] for k in kinds):
            for e in examples[t]:
                print(f"  [{t}] {e}")
    sys.exit(1 if any(tot[k] for k in kinds[:4]) else 0)


def by_type_any(by_type, types):
    out = []
    for t in types:
        out.extend(by_type.get(t, []))
    return out


if __name__ == "__main__":
    main()
