"""The workbook of `eval --format xlsx`, opened with openpyxl and with
LibreOffice, held to the JSON output of the same run."""

import json
import math

import openpyxl

from common import mojibake, nfc, sheet_xml_has_formula
from model import NO_SUBJECT, NO_UNIT, STATUS, Expected, abbreviation, labels, tier_order

SHEETS = ["Kết quả", "Tổng hợp", "Miễn xếp loại", "Lỗi dữ liệu"]
RESULT_HEADS = ["Mã", "Đối tượng", "Điểm", "Xếp loại", "Viết tắt", "Trạng thái"]


def num(v):
    """A cell as a number (LibreOffice's CSV writes `5.17%`), or None."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    if isinstance(v, str) and v.strip():
        s = v.strip()
        try:
            return float(s[:-1]) / 100 if s.endswith("%") else float(s)
        except ValueError:
            return None
    return None


def text(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def close(a, b):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def openpyxl_view(path):
    """{sheet: rows of values} and {sheet: rows of openpyxl data types}."""
    wb = openpyxl.load_workbook(path)
    values, types = {}, {}
    for ws in wb.worksheets:
        values[ws.title] = [[c.value for c in row] for row in ws.iter_rows()]
        types[ws.title] = [[c.data_type if c.value is not None else None for c in row]
                           for row in ws.iter_rows()]
    return values, types, wb


def check(ck, tools, name, plan, data, year, units, extra=()):
    """Writes the workbook of `plan` on `data` and checks it both ways.
    Returns the expectation, for the caller's own checks."""
    book = tools.work / f"{name}.xlsx"
    tools.run("eval", plan, "--year", year, "--data", *data, "--format", "xlsx", "--out", book, *extra)
    records = tools.json_eval(plan, data, year, extra=extra)["records"]
    keep = sorted({c for c in units.values() if c})
    kept = tools.json_eval(plan, data, year, keep=keep, extra=extra)["records"] if keep else records
    exp = Expected(records, kept, units)
    ck.scope = f"{name}: workbook (formulas)"
    ck.that(not sheet_xml_has_formula(book), "the workbook holds no formula")
    values, types, wb = openpyxl_view(book)
    ck.scope = f"{name}: openpyxl"
    check_views(ck, values, exp, plan, tools)
    check_openpyxl_types(ck, types, values, wb)
    lo_values, lo_types = tools.office(book, name)
    ck.scope = f"{name}: LibreOffice"
    check_views(ck, lo_values, exp, plan, tools)
    check_office_types(ck, lo_types, values)
    return exp, values, lo_values


def check_views(ck, sheets, exp, plan, tools):
    ck.equal(sorted(sheets), sorted(SHEETS), "sheet names")
    if not all(s in sheets for s in SHEETS):
        return
    subjects = labels(plan, tools.root, "subject")
    tiers = [labels(plan, tools.root, "tier")[t] for t in tier_order(plan, tools.root)]
    results(ck, sheets["Kết quả"], exp, subjects)
    summary(ck, sheets["Tổng hợp"], exp, subjects, tiers)
    exempt(ck, sheets["Miễn xếp loại"], exp, subjects)
    errors(ck, sheets["Lỗi dữ liệu"], exp)
    for sheet, rows in sheets.items():
        for row in rows:
            for v in row:
                if isinstance(v, str):
                    ck.that(not mojibake(v), f"{sheet}: text intact: {v[:60]!r}")
                    ck.that(v == nfc(v), f"{sheet}: text is composed: {v[:60]!r}")


def results(ck, rows, exp, subjects):
    head = [text(h) for h in rows[0]] if rows else []
    for h in RESULT_HEADS:
        ck.that(h in head, f"Kết quả has the head {h!r} (heads {head})")
    if not all(h in head for h in RESULT_HEADS):
        return
    col = {h: head.index(h) for h in RESULT_HEADS}
    carried = head[1:col["Đối tượng"]]
    body = [r for r in rows[1:] if any(text(v) for v in r)]
    ck.equal(len(body), len(exp.records), "Kết quả: one row per record")
    ck.equal([text(r[0]) for r in body], [r["id"] for r in exp.records], "Kết quả: the ids in input order")
    for row, r in zip(body, exp.records):
        rid = r["id"]
        ck.equal(text(row[col["Đối tượng"]]), subjects.get(r["subject"], r["subject"] or NO_SUBJECT), f"{rid}: subject")
        ck.equal(text(row[col["Trạng thái"]]), STATUS[r["status"]], f"{rid}: status")
        for i, c in enumerate(carried):
            ck.equal(text(row[1 + i]), r.get("columns", {}).get(c) or "", f"{rid}: column {c}")
        if r["status"] == "classified":
            ck.equal(text(row[col["Xếp loại"]]), r["tier_label"], f"{rid}: tier")
            ck.equal(text(row[col["Viết tắt"]]), abbreviation(r["tier_label"]), f"{rid}: abbreviation")
            ck.that(close(num(row[col["Điểm"]]), round(r["score"], 2)),
                    f"{rid}: score {row[col['Điểm']]!r} is {r['score']}")
        else:
            for h in ("Xếp loại", "Viết tắt", "Điểm"):
                ck.equal(text(row[col[h]]), "", f"{rid}: no {h} when {r['status']}")


def summary(ck, rows, exp, subjects, tiers):
    heads = [text(h) for h in rows[0]] if rows else []
    want_heads = ["Đối tượng", "Đơn vị", "Tổng số", "Được xếp loại"]
    for t in tiers:
        want_heads += [abbreviation(t), ""]
    want_heads += ["Miễn xếp loại", "Lỗi"]
    ck.equal(heads, want_heads, "Tổng hợp: heads")
    if len(rows) > 1:
        ck.equal([text(h) for h in rows[1][4:4 + 2 * len(tiers)]], ["Số lượng", "Tỷ lệ"] * len(tiers),
                 "Tổng hợp: second head row")
    lines = {}
    for row in rows[2:]:
        key = (text(row[0]), text(row[1]))
        ck.that(key not in lines, f"Tổng hợp: the line {key} comes once")
        lines[key] = row
    want = {}
    for s, u in exp.groups():
        label = subjects.get(s, s or NO_SUBJECT)
        want[(label, u if u is not None else NO_UNIT)] = exp.counts(
            lambda i, r, s=s, u=u: r["subject"] == s and exp.unit[i] == u)
        units = {x for (t, x) in exp.groups() if t == s}
        if len(units) > 1:
            want[(label, "Cộng")] = exp.counts(lambda i, r, s=s: r["subject"] == s)
    want[("Tổng cộng", "")] = exp.counts(lambda i, r: True)
    ck.equal(sorted(lines), sorted(want), "Tổng hợp: the lines (subject, unit)")
    for key, c in want.items():
        row = lines.get(key)
        if row is not None:
            summary_line(ck, key, row, c, tiers)


def summary_line(ck, key, row, c, tiers):
    n = [num(v) for v in row]
    ck.equal(n[2], float(c["total"]), f"Tổng hợp {key}: total")
    ck.equal(n[3], float(c["classified"]), f"Tổng hợp {key}: classified")
    shares = 0.0
    for t, label in enumerate(tiers):
        count, share = n[4 + 2 * t], n[5 + 2 * t]
        ck.equal(count, float(c["tier:" + label]), f"Tổng hợp {key}: {abbreviation(label)}")
        if c["classified"]:
            ck.that(close(share, c["tier:" + label] / c["classified"]),
                    f"Tổng hợp {key}: share of {abbreviation(label)} {share!r}")
            shares += share or 0.0
    if c["classified"]:
        ck.that(abs(shares - 1.0) < 1e-9, f"Tổng hợp {key}: the shares add up to 100% ({shares})")
    after = 4 + 2 * len(tiers)
    ck.equal(n[after], float(c["exempt"]), f"Tổng hợp {key}: exempt")
    ck.equal(n[after + 1], float(c["error"]), f"Tổng hợp {key}: errors")
    ck.equal(n[2], n[3] + n[after] + n[after + 1], f"Tổng hợp {key}: total = classified + exempt + errors")


def exempt(ck, rows, exp, subjects):
    head = [text(h) for h in rows[0]] if rows else []
    ck.that(head[:1] == ["Mã"] and head[-2:] == ["Đơn vị", "Lý do miễn xếp loại"], f"Miễn xếp loại: heads {head}")
    body = [r for r in rows[1:] if any(text(v) for v in r)]
    want = [(i, r) for i, r in enumerate(exp.records) if r["status"] == "exempt"]
    ck.equal([text(r[0]) for r in body], [r["id"] for _, r in want], "Miễn xếp loại: exactly the exempt records")
    for row, (i, r) in zip(body, want):
        ck.equal(text(row[-2]), exp.unit[i] or "", f"Miễn xếp loại {r['id']}: unit")
        why = [x[len("exempt: "):] for x in r["reasons"] if x.startswith("exempt: ")]
        if why:
            # The JSON's reason is for programs (both languages after a
            # review exemption); the sheet says it in Vietnamese only.
            because = why[0].split(" (must still write a review")[0]
            want_why = because + " (vẫn phải kiểm điểm)" if r.get("review") else because
            ck.equal(text(row[-1]), want_why, f"Miễn xếp loại {r['id']}: reason")
        ck.equal(text(row[-3]), subjects.get(r["subject"], r["subject"]), f"Miễn xếp loại {r['id']}: subject")


def errors(ck, rows, exp):
    head = [text(h) for h in rows[0]] if rows else []
    ck.equal(head, ["Mã", "Tệp", "Vị trí", "Cột", "Vấn đề"], "Lỗi dữ liệu: heads")
    body = [r for r in rows[1:] if any(text(v) for v in r)]
    with_id = [text(r[0]) for r in body if text(r[0])]
    want = [r["id"] for r in exp.records if r["status"] == "error"]
    ck.equal(with_id, want, "Lỗi dữ liệu: exactly the records in error")
    for row in body:
        ck.that(len(row) > 4 and text(row[4]) != "", f"Lỗi dữ liệu: a problem is named on {row}")


def check_openpyxl_types(ck, types, values, wb):
    """Scores, counts and shares are number cells; text is text."""
    res, head = values.get("Kết quả", [[]]), [text(h) for h in values.get("Kết quả", [[]])[0]]
    if "Điểm" in head:
        c = head.index("Điểm")
        for r, row in enumerate(res[1:], start=1):
            if row[c] is not None:
                ck.equal(types["Kết quả"][r][c], "n", f"Kết quả row {r + 1}: the score is a number cell")
        for r, row in enumerate(res[1:], start=1):
            for j, v in enumerate(row):
                if j != c and v is not None:
                    ck.equal(types["Kết quả"][r][j], "s", f"Kết quả row {r + 1} col {j + 1}: text cell")
    for r, row in enumerate(values.get("Tổng hợp", [])[2:], start=2):
        for j, v in enumerate(row[2:], start=2):
            if v is not None:
                ck.equal(types["Tổng hợp"][r][j], "n", f"Tổng hợp row {r + 1} col {j + 1}: a number cell")
    ws = wb["Kết quả"] if "Kết quả" in wb.sheetnames else None
    if ws is not None:
        ck.equal(ws.freeze_panes, "A2", "Kết quả: the header row is frozen")
        ck.that(bool(ws.auto_filter.ref), "Kết quả: has an autofilter")


def check_office_types(ck, lo_types, values):
    """LibreOffice reads the same cells as numbers (float or percentage)."""
    for sheet in ("Kết quả", "Tổng hợp"):
        got = lo_types.get(sheet)
        ck.that(got is not None, f"LibreOffice has the sheet {sheet}")
        if got is None:
            continue
        for r, row in enumerate(values.get(sheet, [])):
            for j, v in enumerate(row):
                t = got[r][j] if r < len(got) and j < len(got[r]) else None
                if isinstance(v, (int, float)):
                    ck.that(t in ("float", "percentage"), f"{sheet} row {r + 1} col {j + 1}: number in LibreOffice ({t})")
                elif isinstance(v, str):
                    ck.equal(t, "string", f"{sheet} row {r + 1} col {j + 1}: text in LibreOffice")


def check_previous(ck, tools, name, plan, data, year):
    """`eval --previous LAST.json`: *Kết quả* has *Mức năm trước* right after
    *Viết tắt*, each record's tier in LAST.json as an office abbreviates it,
    empty for a record without one. LAST.json is this run's own JSON with the
    first record's tier taken away and the second record left out."""
    last = tools.json_eval(plan, data, year)
    last["records"][0]["tier"] = None
    del last["records"][1]
    path = tools.work / f"{name}-last.json"
    path.write_text(json.dumps(last, ensure_ascii=False), encoding="utf-8")
    book = tools.work / f"{name}.xlsx"
    tools.run("eval", plan, "--year", year, "--data", *data, "--format", "xlsx", "--out", book,
              "--previous", path)
    ck.scope = f"{name}: workbook with --previous"
    rows = openpyxl_view(book)[0].get("Kết quả", [[]])
    head = [text(h) for h in rows[0]]
    ck.that("Viết tắt" in head and head[head.index("Viết tắt") + 1:][:1] == ["Mức năm trước"],
            f"Mức năm trước follows Viết tắt (heads {head})")
    if "Mức năm trước" not in head:
        return
    col = head.index("Mức năm trước")
    names = labels(plan, tools.root, "tier")
    was = {r["id"]: r["tier"] for r in last["records"]}
    body = [r for r in rows[1:] if any(text(v) for v in r)]
    for row in body:
        rid, tier = text(row[0]), was.get(text(row[0]))
        want = abbreviation(names[tier]) if tier else ""
        ck.equal(text(row[col]), want, f"{rid}: last year's tier")
    ck.that(any(text(r[col]) for r in body), "some record has last year's tier")
