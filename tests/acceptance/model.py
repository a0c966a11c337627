"""What the outputs should say, computed here from the JSON output of
`kehoach eval` and from the plan's text, independently of the report code."""

import re
from collections import Counter, OrderedDict
from pathlib import Path

STANDARD = {
    "Hoàn thành xuất sắc nhiệm vụ": "HTXSNV",
    "Hoàn thành tốt nhiệm vụ": "HTTNV",
    "Hoàn thành nhiệm vụ": "HTNV",
    "Không hoàn thành nhiệm vụ": "KHTNV",
}
STATUS = {"classified": "Đã xếp loại", "exempt": "Miễn xếp loại", "error": "Lỗi"}
NO_UNIT = "(không chia theo đơn vị)"
NO_SUBJECT = "(không rõ đối tượng)"


def abbreviation(label):
    return STANDARD.get(label, label)


def plan_texts(plan, root):
    """The text of a plan and of the plans it extends, child first."""
    out, path = [], Path(root) / plan
    while path is not None and path.is_file():
        text = path.read_text(encoding="utf-8")
        out.append(text)
        m = re.search(r'^plan\s+"[^"]*"\s+extends\s+"([^"]+)"', text, re.M)
        path = (path.parent / m.group(1)).resolve() if m else None
    return out


def labels(plan, root, kind):
    """{name: label} of the plan's `kind` items (subject, tier, level, ...);
    a child's label wins."""
    out = {}
    for text in reversed(plan_texts(plan, root)):
        if kind == "tier":
            m = re.search(r"^tiers\s*\{(.*?)\}", text, re.M | re.S)
            if m:
                # One tier per line: its name and label (not its aliases).
                out.update(re.findall(r'^\s*(\w+)\s+"([^"]*)"', m.group(1), re.M))
            continue
        for name, label in re.findall(rf'^\s*{kind}\s+(\w+)\s+"([^"]*)"', text, re.M):
            out[name] = label
    return out


def tier_order(plan, root):
    return list(labels(plan, root, "tier").keys())


class Expected:
    """The records of one run and their grouping by unit.

    `records` is the JSON output's list; `units` maps a subject to the
    carried column (with `--keep`) that holds its unit, or to None for a
    subject that is not divided by unit; `kept` the JSON output run with
    those columns kept."""

    def __init__(self, records, kept, units):
        self.records = records
        self.unit = []
        for r, k in zip(records, kept):
            col = units.get(r["subject"])
            # A record without a unit value belongs to no unit.
            self.unit.append((k.get("columns", {}).get(col) or None) if col else None)

    def counts(self, pick):
        """Counts of the records `pick(i, record)` selects."""
        c = Counter()
        for i, r in enumerate(self.records):
            if not pick(i, r):
                continue
            c["total"] += 1
            if r["status"] == "classified":
                c["classified"] += 1
                c["tier:" + r["tier_label"]] += 1
            else:
                c[r["status"]] += 1
        return c

    def groups(self):
        """(subject, unit) in the order of their first record, subject first."""
        by_subject = OrderedDict()
        for i, r in enumerate(self.records):
            by_subject.setdefault(r["subject"], OrderedDict())[self.unit[i]] = True
        return [(s, u) for s, units in by_subject.items() for u in units]

    def unit_names(self):
        seen = OrderedDict()
        for u in self.unit:
            if u is not None:
                seen[u] = True
        return list(seen)
