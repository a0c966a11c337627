"""Derives the district sample (ILLUSTRATIVE) from the city sample: the same
members with the two columns the district plan adds — the residence cell's
comment and district-level commendations. Deterministic: same output each run.

    python3 tools/gen_ba_dinh.py
"""
import csv, random

rng = random.Random(12)
src = "plans/hanoi/data/dang-vien.csv"
dst = "plans/ba-dinh/data/dang-vien.csv"
with open(src, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
header = rows[0] + ["nhan_xet_cu_tru", "khen_thuong"]
out = [header]
for r in rows[1:]:
    comment = rng.choices(["Rất tốt", "Đạt", "Chưa tốt"], [30, 65, 5])[0]
    award = "có" if rng.random() < 0.12 else ""
    out.append(r + [comment, award])
with open(dst, "w", encoding="utf-8", newline="") as f:
    csv.writer(f, delimiter=";", lineterminator="\n").writerows(out)
