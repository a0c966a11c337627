"""`kehoach diff OLD NEW --format html` in Chromium: the memo opens, is
self-contained, and names every change that `--format json` lists by the
label the plan gives the item (a criterion's, a subject's, a level's)."""

from common import dom, mojibake, squash
import re

from model import plan_texts
from report import self_contained

KINDS = {"level", "subject", "criterion", "field", "flag"}


def label_of(path, old, new):
    """The label of the deepest labelled item a change path names."""
    parts = path.split(".")
    found, subject = None, None
    for kind, name in zip(parts, parts[1:]):
        if kind == "subject":
            subject = name
        if kind in KINDS:
            key = (subject if kind in ("criterion", "field", "flag") else None, kind, name)
            found = new.get(key) or old.get(key) or found
    return found


def plan_labels(plan, root):
    """{(subject or None, kind, name): label}, parents' first, so a child
    plan's or subject's own label wins."""
    out = {}
    for text in reversed(plan_texts(plan, root)):
        subject = None
        for line in text.splitlines():
            m = re.match(r'(level|subject)\s+(\w+)\s+"([^"]*)"', line)
            if m:
                out[(None, m.group(1), m.group(2))] = m.group(3)
                subject = m.group(2) if m.group(1) == "subject" else None
                continue
            m = re.match(r'\s+(criterion|field|flag)\s+(\w+)\s+"([^"]*)"', line)
            if m and subject:
                out[(subject, m.group(1), m.group(2))] = m.group(3)
            if line.startswith("}"):
                subject = None
    return out


def check(ck, tools, name, old, new, year, extra=()):
    page = tools.work / f"{name}.html"
    tools.run("diff", old, new, "--year", year, "--format", "html", "--out", page, *extra)
    import json
    changes = json.loads(tools.run("diff", old, new, "--year", year, "--format", "json", *extra)[1])["changes"]
    ck.scope = f"{name}: memo source"
    self_contained(ck, page.read_text(encoding="utf-8"))
    ck.scope = f"{name}: memo in Chromium"
    root = dom(tools.browser(page, "--dump-dom"))
    body = squash(root.text())
    ck.that("So sánh kế hoạch" in body, "the memo's title")
    ck.that(not mojibake(body), "no broken Vietnamese text")
    rows, heading = [], ""
    for n in root.nodes():
        if n.tag == "h3":
            heading = squash(n.text())
        elif n.tag == "tr" and n.parent is not None and n.parent.parent is not None \
                and "changes" in (n.parent.parent.attrs.get("class") or ""):
            rows.append(heading + " | " + squash(n.text()))
    ck.equal(len([r for r in rows if r and "</>" not in r and r.split(" | ")[1:] != [""] and "Nội dung" not in r.split(" | ")[1][:10]]) >= len(changes), True,
             f"a row per change ({len(changes)} changes)")
    lo, ln = plan_labels(old, tools.root), plan_labels(new, tools.root)
    # Rows name items in the plan's words: the label, and the code in
    # backticks (in the row or in its section's heading); never the path
    # programs read in the JSON.
    for c in changes:
        label = label_of(c["path"], lo, ln)
        parts = c["path"].split(".")
        if parts[0] == "subject" and len(parts) > 3:
            code = parts[3]
        elif parts[0] in ("scale", "level", "subject", "hook") and len(parts) > 1:
            code = parts[1]
        else:
            code = None
        if label:
            ck.that(any(label in r for r in rows), f"the change {c['path']} is named by its label {label!r}")
        if code:
            ck.that(any(f"`{code}`" in r for r in rows), f"the change {c['path']} names its code `{code}`")
        if "." in c["path"]:
            ck.that(not any(c["path"] in r for r in rows), f"the change {c['path']} is not shown by its path")
    return root
