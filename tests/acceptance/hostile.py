"""Awkward inputs: markup, quotes and formulas in names, a very long unit
name, a unit spelled in decomposed (NFD) and composed form, no records at
all, every record in error. The workbook and the report must still open and
say the right thing."""

import unicodedata

import report
import workbook
from common import sheet_xml_has_formula

PLAN = '''plan "TH-1" {
  title "Đánh giá thử với dữ liệu khó"
  issued 2024-11-01
}

display "Họ và tên" don_vi

scale muc_do {
  tot "Tốt" 3
  kha "Khá" 2
  kem "Kém" 1
}

tiers {
  htxs "Hoàn thành xuất sắc nhiệm vụ"
  htt "Hoàn thành tốt nhiệm vụ"
  ht "Hoàn thành nhiệm vụ"
  kht "Không hoàn thành nhiệm vụ"
}

level co_so "Cấp cơ sở" {
  due before 15/12
  report to "Ban Tổ chức Đảng ủy"
}

subject dang_vien "Đảng viên" {
  level co_so
  criterion nhiem_vu "Nhiệm vụ" weight 100
  flag moi "Mới kết nạp"
  field don_vi "Đơn vị" text
  exempt when moi because "Mới kết nạp <dưới 6 tháng> & \\"chưa\\" đủ"
  rule htxs when score >= 100
  rule htt when score >= 60
  rule ht when score >= 30
  otherwise kht
  quota htxs at most 50% of htt per don_vi
}
'''

LONG = "Đảng bộ " + "Phường Rất Dài Tên " * 30
NFC = "Đảng bộ phường Hàng Trống"
NFD = unicodedata.normalize("NFD", NFC)
FORMULAS = ["=1+1", "+SUM(A1:A2)", "-2+3", "@HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://example.com\",\"x\")"]
NAMES = ['<script>alert("x")</script>', 'Nguyễn "Ba" O\'Neil & <b>Co</b>', *FORMULAS,
         "Trần Thị\tTab", "  Khoảng trắng  "]

HEAD = "id,subject,Họ và tên,don_vi,nhiem_vu,moi\n"


def q(s):
    return '"' + s.replace('"', '""') + '"'


def awkward_rows():
    rows, units = [], [NFC, NFD, LONG, "Chi bộ <i>1</i> & \"2\""]
    for i, name in enumerate(NAMES):
        grade = ["tot", "kha", "kem"][i % 3]
        rows.append(f"H{i + 1},dang_vien,{q(name)},{q(units[i % len(units)])},{grade},")
    rows.append(f"H90,dang_vien,{q('=1+1 mới')},{q(NFD)},tot,có")
    rows.append(f"H91,dang_vien,{q('Lỗi <x>')},{q(LONG)},gioi,")
    rows.append(f"H92,dang_vien,{q('Không đơn vị')},,tot,")
    rows.append(f"H93,dang_vien,{q(NAMES[0])},{q(NFC)},tot,có")
    return rows


def write(dir_, name, rows):
    path = dir_ / f"{name}.csv"
    path.write_text(HEAD + "".join(r + "\n" for r in rows), encoding="utf-8")
    return str(path)


def check(ck, tools):
    d = tools.work / "hostile"
    d.mkdir(exist_ok=True)
    plan = d / "th.kh"
    plan.write_text(PLAN, encoding="utf-8")
    cases = {
        "awkward": awkward_rows(),
        "empty": [],
        "all-errors": [f"E{i},dang_vien,Người {i},Đơn vị {i % 2},xuatsac,khong" for i in range(5)],
    }
    units = {"dang_vien": "don_vi"}
    for name, rows in cases.items():
        data = [write(d, name, rows)]
        exp, values, lo = workbook.check(ck, tools, f"hostile-{name}", str(plan), data, 2024, units)
        rexp, root = report.check(ck, tools, f"hostile-{name}", str(plan), data, 2024, units)
        ck.scope = f"hostile-{name}"
        ck.equal(len(exp.records), len(rows), "every input row is a record")
        if name == "awkward":
            awkward(ck, exp, values, lo, root, tools.work / "hostile-awkward.xlsx")
        if name == "all-errors":
            ck.equal({r["status"] for r in exp.records}, {"error"}, "every record is in error")


def awkward(ck, exp, values, lo, root, book):
    ck.that(not sheet_xml_has_formula(book), "no name became a formula")
    res = values["Kết quả"]
    names = {r[1] for r in res[1:]}
    for f in FORMULAS:
        ck.that(f in names, f"openpyxl reads {f!r} as the text it is")
    lo_names = {r[1] for r in lo["Kết quả"][1:]}
    for f in FORMULAS:
        ck.that(f in lo_names, f"LibreOffice reads {f!r} as the text it is (not computed)")
    ck.that(NAMES[0] in lo_names and NAMES[1] in lo_names, "markup and quotes kept in LibreOffice")
    units = exp.unit_names()
    ck.that(NFD not in units, "a decomposed unit name is read composed")
    ck.equal(len([u for u in units if u == NFC]), 1, "the NFD and NFC spellings make one unit")
    text = root.text()
    ck.that(NAMES[0] in text, "the report shows a <script> name as text")
    ck.equal(len(root.all("script")), 0, "the report runs no script from the data")
    ck.equal(len(root.all("b")) + len(root.all("i")), 0, "markup in the data is not markup in the report")
    ck.that(LONG.strip() in " ".join(text.split()), "the long unit name is whole in the report")
