"""Open .xlsx files the way a strict consumer would and print what was found as JSON.

openpyxl must load every file without a single warning, and the package must satisfy the rules
Excel enforces before offering to "repair": well-formed parts, worksheet children in schema order,
every hyperlink pointing at an existing relationship, and no sheet over Excel's hyperlink limit.
Usage: python inspect_xlsx.py FILE.xlsx [FILE.xlsx ...]
"""
import json
import posixpath
import sys
import warnings
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# CT_Worksheet child order (ECMA-376 Part 1, 18.3.1.99).
WORKSHEET_ORDER = [
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
    "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
    "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
    "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
    "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
    "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
    "extLst",
]
MAX_HYPERLINKS = 65530


def structure_problems(path):
    problems = []
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        for name in sorted(names):
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    ET.fromstring(z.read(name))
                except ET.ParseError as e:
                    problems.append(f"{name}: not well-formed XML ({e})")
        content_types = z.read("[Content_Types].xml").decode("utf-8")
        for name in sorted(n for n in names if n.startswith("xl/worksheets/sheet") and n.endswith(".xml")):
            if f'PartName="/{name}"' not in content_types:
                problems.append(f"{name}: missing from [Content_Types].xml")
            root = ET.fromstring(z.read(name))
            children = [c.tag.replace(MAIN, "") for c in root]
            positions = []
            for tag in children:
                if tag not in WORKSHEET_ORDER:
                    problems.append(f"{name}: unexpected element <{tag}>")
                    continue
                positions.append(WORKSHEET_ORDER.index(tag))
            if positions != sorted(positions):
                problems.append(f"{name}: elements out of schema order: {children}")
            links = root.findall(f"{MAIN}hyperlinks/{MAIN}hyperlink")
            if len(links) > MAX_HYPERLINKS:
                problems.append(f"{name}: {len(links)} hyperlinks, Excel allows {MAX_HYPERLINKS}")
            rels_name = posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels")
            rel_ids = {}
            if rels_name in names:
                for rel in ET.fromstring(z.read(rels_name)).findall(f"{PKG_REL}Relationship"):
                    rel_ids[rel.get("Id")] = rel.get("Target")
            refs = set()
            for link in links:
                rid = link.get(f"{REL}id")
                if rid is not None and rid not in rel_ids:
                    problems.append(f"{name}: hyperlink {link.get('ref')} points at missing {rid}")
                if link.get("ref") in refs:
                    problems.append(f"{name}: two hyperlinks on {link.get('ref')}")
                refs.add(link.get("ref"))
            for rid, target in rel_ids.items():
                if target is None or any(ch.isspace() for ch in target):
                    problems.append(f"{rels_name}: {rid} has an invalid target {target!r}")
    return problems


def plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def inspect(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        import openpyxl

        wb = openpyxl.load_workbook(path)
        sheets = {}
        for ws in wb.worksheets:
            rows = [[plain(v) for v in row] for row in ws.iter_rows(values_only=True)]
            links = {
                c.coordinate: c.hyperlink.target
                for row in ws.iter_rows()
                for c in row
                if c.hyperlink is not None
            }
            header = ws[1] if ws.max_row >= 1 else []
            sheets[ws.title] = {
                "maxRow": ws.max_row,
                "maxColumn": ws.max_column,
                "freezePanes": ws.freeze_panes,
                "autoFilter": ws.auto_filter.ref,
                "headerBold": bool(header and header[0].font and header[0].font.b),
                "headerFill": header[0].fill.fgColor.rgb if header and header[0].fill is not None else None,
                "rows": rows,
                "links": links,
                "numberFormats": {c.coordinate: c.number_format for c in (ws[2] if ws.max_row >= 2 else [])},
            }
        order = wb.sheetnames
    return {
        "sheetNames": order,
        "sheets": sheets,
        "warnings": [f"{w.category.__name__}: {w.message}" for w in caught],
        "problems": structure_problems(path),
    }


if __name__ == "__main__":
    print(json.dumps({p: inspect(p) for p in sys.argv[1:]}, ensure_ascii=False))
