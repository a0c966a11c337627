"""The HTML report of `kehoach report`, rendered by headless Chromium: the
DOM after loading (`--dump-dom`) is held to counts computed here from the
JSON output, and the page prints to PDF."""

import re

from common import dom, mojibake, nfc, pdf_pages, squash
from model import NO_SUBJECT, Expected, abbreviation, labels, tier_order

OTHERS = "Đối tượng không chia theo đơn vị"
HEADINGS = ["I. Tổng hợp chung", "II. Kết quả theo đơn vị", "III. Vấn đề dữ liệu"]


def number(s):
    """A number as the report shows it (decimal comma in Vietnamese)."""
    try:
        return float(squash(s).replace(".", "").replace(",", "."))
    except ValueError:
        return None


def check(ck, tools, name, plan, data, year, units, extra=()):
    page = tools.work / f"{name}.html"
    tools.run("report", plan, "--year", year, "--data", *data, "--out", page, *extra)
    records = tools.json_eval(plan, data, year, extra=extra)["records"]
    keep = sorted({c for c in units.values() if c})
    kept = tools.json_eval(plan, data, year, keep=keep, extra=extra)["records"] if keep else records
    exp = Expected(records, kept, units)
    ck.scope = f"{name}: report source"
    source = page.read_text(encoding="utf-8")
    self_contained(ck, source)
    ck.scope = f"{name}: report in Chromium"
    text = tools.browser(page, "--dump-dom")
    ck.that("</html>" in text, "Chromium gave the page's DOM")
    root = dom(text)
    body = squash(root.text())
    ck.that(not mojibake(body), "no broken Vietnamese text")
    ck.that(body == nfc(body), "the text is composed (NFC)")
    for h in HEADINGS:
        ck.that(h in [squash(x.text()) for x in root.all("h2")], f"the heading {h!r}")
    ck.that("NGƯỜI LẬP" in body and "Nơi nhận" in body, "the signature block")
    ck.that(root.all("html") and root.all("html")[0].attrs.get("lang") == "vi", "lang=vi")
    tiers = [labels(plan, tools.root, "tier")[t] for t in tier_order(plan, tools.root)]
    subjects = labels(plan, tools.root, "subject")
    sections(ck, root, exp, subjects, tiers)
    if any(r["status"] == "classified" for r in records):
        ck.equal(len(root.all("svg")), 1, "the chart (one SVG)")
    pdf = tools.work / f"{name}.pdf"
    if pdf.exists():
        pdf.unlink()
    tools.browser(page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data_ = pdf.read_bytes() if pdf.exists() else b""
    ck.that(data_.startswith(b"%PDF"), "the report prints to PDF")
    ck.that(pdf_pages(data_) >= 1 + len(exp.unit_names()),
            f"the PDF has a page per unit at least ({pdf_pages(data_)} pages)")
    return exp, root


def self_contained(ck, source):
    """No request leaves the file: no script, no link, no remote URL in a
    src, href or CSS url()."""
    root = dom(source)
    for n in root.nodes():
        for a in ("src", "href", "srcset", "action", "data", "poster"):
            v = n.attrs.get(a)
            if v is not None:
                ck.that(not re.match(r"\s*(https?:)?//", v), f"<{n.tag} {a}={v!r}> is not remote")
        ck.that(n.tag not in ("script", "link", "iframe", "img", "object", "embed"), f"no <{n.tag}>")
    css = " ".join(s.text() for s in root.all("style"))
    ck.that(not re.search(r"url\(|@import", css), "the style loads nothing")


def table_rows(table, tiers):
    """{row head: [numbers]} of a counts table."""
    out = {}
    for tr in table.all("tr"):
        th = [x for x in tr.children if not isinstance(x, str) and x.tag == "th" and x.attrs.get("scope") == "row"]
        if th:
            out[squash(th[0].text())] = [number(td.text()) for td in tr.all("td")]
    return out


def counts_match(ck, where, got, c, tiers):
    if got is None:
        ck.that(False, f"{where}: the line is missing")
        return
    want = [c["total"], c["classified"]]
    for t in tiers:
        n = c["tier:" + t]
        want += [n, round(100 * n / c["classified"], 1) if c["classified"] else None]
    want += [c["exempt"], c["error"]]
    ck.equal(len(got), len(want), f"{where}: cells")
    for i, (g, w) in enumerate(zip(got, want)):
        if w is None:
            continue
        ok = g is not None and abs(g - w) <= 0.051
        ck.that(ok, f"{where}: cell {i + 1} is {g}, want {w}")
    shares = [got[3 + 2 * t] for t in range(len(tiers))] if len(got) == len(want) else []
    if c["classified"] and all(s is not None for s in shares):
        ck.that(abs(sum(shares) - 100) <= 0.05 * len(tiers) + 1e-9,
                f"{where}: the shares add up to 100 ({sum(shares)})")


def sections(ck, root, exp, subjects, tiers):
    secs = root.all("section", "unit")
    names = [re.sub(r"^\d+\.\s*", "", squash(s.all("h3")[0].text())) for s in secs if s.all("h3")]
    units = exp.unit_names()
    has_others = any(exp.unit[i] is None for i in range(len(exp.records)))
    ck.equal(names, units + ([OTHERS] if has_others else []), "one section per unit, in order")
    for s in secs:
        name = re.sub(r"^\d+\.\s*", "", squash(s.all("h3")[0].text())) if s.all("h3") else ""
        unit = None if name == OTHERS else name
        tables = s.all("table", "counts")
        ck.that(len(tables) == 1, f"{name}: one counts table")
        if not tables:
            continue
        rows = table_rows(tables[0], tiers)
        present = [sub for sub in dict.fromkeys(r["subject"] for r in exp.records)
                   if any(exp.unit[i] == unit and r["subject"] == sub for i, r in enumerate(exp.records))]
        for sub in present:
            label = subjects.get(sub, sub or NO_SUBJECT)
            c = exp.counts(lambda i, r: r["subject"] == sub and exp.unit[i] == unit)
            counts_match(ck, f"{name} / {label}", rows.get(label), c, tiers)
        people(ck, s, exp, unit, name)
    summ = [t for t in root.all("table", "counts") if not any(t in x.all("table") for x in secs)]
    ck.that(len(summ) == 1, "one summary table")
    if summ:
        rows = table_rows(summ[0], tiers)
        for sub in dict.fromkeys(r["subject"] for r in exp.records):
            c = exp.counts(lambda i, r: r["subject"] == sub)
            counts_match(ck, f"summary / {subjects.get(sub, sub or NO_SUBJECT)}", rows.get(subjects.get(sub, sub or NO_SUBJECT)), c, tiers)
        counts_match(ck, "summary / Tổng cộng", rows.get("Tổng cộng"), exp.counts(lambda i, r: True), tiers)


def people(ck, section, exp, unit, name):
    """The exempt and error lists of a section name exactly its records."""
    ids = []
    for t in section.all("table", "list"):
        heads = [squash(h.text()) for h in t.all("th")]
        if heads and heads[-1] in ("Lý do miễn xếp loại", "Vấn đề"):
            kind = "exempt" if heads[-1] == "Lý do miễn xếp loại" else "error"
            got = [squash(tr.all("td")[0].text()) for tr in t.all("tr") if tr.all("td")]
            want = [r["id"] for i, r in enumerate(exp.records) if r["status"] == kind and exp.unit[i] == unit]
            ck.equal(got, want, f"{name}: the {kind} list")
            names = [squash(tr.all("td")[1].text()) for tr in t.all("tr") if tr.all("td")]
            want_names = [r.get("columns", {}).get("name") or r.get("columns", {}).get("Họ và tên") or ""
                          for i, r in enumerate(exp.records) if r["status"] == kind and exp.unit[i] == unit]
            ck.equal(names, [squash(x) for x in want_names], f"{name}: the names on the {kind} list")
            ids.append(kind)
    for kind in ("exempt", "error"):
        if kind not in ids:
            want = [r["id"] for i, r in enumerate(exp.records) if r["status"] == kind and exp.unit[i] == unit]
            ck.equal(want, [], f"{name}: no {kind} list, so no {kind} record")
