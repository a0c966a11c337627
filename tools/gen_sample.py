#!/usr/bin/env python3
"""Writes the bundled sample data of plans/hanoi/data (deterministic).

ILLUSTRATIVE: the names, units and grades are invented; the structure follows
Hà Nội's grassroots organizations (phường) with their cells (chi bộ).
Run from the repository root: python3 tools/gen_sample.py
"""
import csv
import random

random.seed(2020)
HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
DEM = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh", "Hữu", "Kim"]
TEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Trang", "Tú"]
CO_SO = ["Đảng bộ phường Hàng Trống", "Đảng bộ phường Kim Mã", "Đảng bộ phường Láng Hạ"]
GRADES = ["Xuất sắc", "Tốt", "Trung bình", "Kém"]
CBCCVC = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"]


def name():
    return f"{random.choice(HO)} {random.choice(DEM)} {random.choice(TEN)}"


def grade(bias):
    return random.choices(GRADES, weights=bias)[0]


cells = []
for i, co_so in enumerate(CO_SO):
    for k in range(1, 5):
        cells.append((f"CB{i + 1}{k:02d}", co_so))

members = []
n = 0
for cell, co_so in cells:
    for _ in range(random.randint(14, 22)):
        n += 1
        strong = random.random() < 0.25
        bias = [6, 3, 1, 0.1] if strong else [1, 6, 2, 0.3]
        retired = random.random() < 0.18
        joined = f"{random.randint(1, 28)}/{random.randint(1, 12)}/{random.randint(1970, 2019)}"
        if random.random() < 0.03:
            joined = f"{random.randint(1, 28)}/{random.randint(7, 10)}/2020"
        row = {
            "id": f"DV{n:04d}",
            "subject": "dang_vien_huu_tri" if retired else "dang_vien",
            "name": name(),
            "tu_tuong": grade(bias),
            "dao_duc": grade(bias),
            "ky_luat": grade(bias),
            "nhiem_vu": grade(bias),
            "bi_ky_luat": "x" if random.random() < 0.02 else "",
            "suy_thoai": "",
            "co_so_dang": co_so,
            "thuoc_chi_bo": cell,
            "ngay_vao_dang": joined,
            "tuoi_dang": str(max(0, 2020 - int(joined.split("/")[-1]))),
            "la_cbccvc": "" if retired else random.choice(["có", "không"]),
            "xep_loai_cbccvc": "",
        }
        if row["la_cbccvc"] == "có":
            row["xep_loai_cbccvc"] = random.choices(CBCCVC, weights=[2, 6, 1])[0]
        members.append(row)

with open("plans/hanoi/data/dang-vien.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(members[0].keys()), delimiter=";")
    w.writeheader()
    w.writerows(members)

with open("plans/hanoi/data/chi-bo.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(["id", "subject", "name", "Công tác xây dựng Đảng", "Lãnh đạo thực hiện nhiệm vụ chính trị", "Đảng bộ"])
    for cell, co_so in cells:
        w.writerow([cell, "chi_bo", f"Chi bộ {cell[2:]}", grade([3, 5, 1, 0.1]), grade([3, 5, 1, 0.1]), co_so])

with open("plans/hanoi/data/bi-thu.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(["id", "subject", "name", "lanh_dao_cn", "neu_guong", "dung_dau"])
    for k, (cell, _) in enumerate(cells):
        w.writerow([f"BT{k + 1:02d}", "bi_thu", name(), grade([3, 5, 1, 0.1]), grade([3, 5, 1, 0.1]), cell])
