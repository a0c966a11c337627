"""The acceptance suite of issue 21: the workbook opened with openpyxl and
LibreOffice, the report and the diff memo rendered by headless Chromium,
and awkward inputs. Run by tests/acceptance.rs; by hand:

    python3 tests/acceptance/run.py --kehoach target/debug/kehoach --work /tmp/acc
    python3 tests/acceptance/run.py --kehoach target/debug/kehoach --work /tmp/acc --only lang

Prints each failed check, each expected failure (`KNOWN:`, an area still
known to be English, see lang.py) and a last line `N checks, N failed, N known`; exits 1 when
a check failed."""

import argparse
import sys
import tempfile
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import diff  # noqa: E402
import hostile  # noqa: E402
import lang  # noqa: E402
import report  # noqa: E402
import workbook  # noqa: E402
from common import Checks, Tools  # noqa: E402

HANOI = ["plans/hanoi/data/dang-vien.csv", "plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv"]
BA_DINH = ["plans/ba-dinh/data/dang-vien.csv", "plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv"]
# The field each subject's quota groups by (the unit), as the data names
# its column; the secretaries have no quota per unit.
UNITS = {"dang_vien": "co_so_dang", "dang_vien_huu_tri": "co_so_dang", "chi_bo": "Đảng bộ", "bi_thu": None}

BUNDLED = [
    ("hanoi-01", "plans/hanoi/01-KH-TU.kh", HANOI, 2020),
    ("hanoi-165", "plans/hanoi/165-KH-TU.kh", HANOI, 2020),
    ("ba-dinh-12", "plans/ba-dinh/12-KH-QU.kh", BA_DINH, 2020),
]


def suite(ck, tools):
    for name, plan, data, year in BUNDLED:
        yield f"workbook {name}", lambda: workbook.check(ck, tools, name, plan, data, year, UNITS)
        yield f"report {name}", lambda: report.check(ck, tools, name, plan, data, year, UNITS)
    yield "workbook with --previous", lambda: workbook.check_previous(
        ck, tools, "hanoi-01-previous", "plans/hanoi/01-KH-TU.kh", HANOI, 2020)
    yield "diff 165 -> 01", lambda: diff.check(
        ck, tools, "diff-165-01", "plans/hanoi/165-KH-TU.kh", "plans/hanoi/01-KH-TU.kh", 2020)
    yield "hostile inputs", lambda: hostile.check(ck, tools)
    yield "lang: every command in Vietnamese and English", lambda: lang.check(ck, tools)


def main():
    root = Path(__file__).resolve().parents[2]
    ap = argparse.ArgumentParser()
    ap.add_argument("--kehoach", default=str(root / "target/debug/kehoach"))
    ap.add_argument("--work", default=None)
    ap.add_argument("--only", default=None, help="run only the steps whose title starts with this")
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="kehoach-acceptance-")
    tools, ck = Tools(Path(args.kehoach).resolve(), root, work), Checks()
    ck.known = []
    for title, step in suite(ck, tools):
        if args.only and not title.startswith(args.only):
            continue
        before = len(ck.failures)
        try:
            step()
        except Exception:  # a crash is a failure of that step, the others go on
            ck.failures.append(f"[{title}] crashed:\n{traceback.format_exc()}")
        print(f"{'ok  ' if len(ck.failures) == before else 'FAIL'} {title}", flush=True)
    for k in ck.known:
        print(f"expected failure ({k})")
    for f in ck.failures:
        print(f)
    print(f"{ck.count} checks, {len(ck.failures)} failed, {len(ck.known)} known (outputs in {work})")
    return 1 if ck.failures else 0


if __name__ == "__main__":
    sys.exit(main())
