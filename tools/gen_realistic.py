#!/usr/bin/env python3
# Usage: python3 tools/gen_realistic.py N members.csv cells.csv
# Realistic member data as offices export it (illustrative): Vietnamese labels in
# mixed case, some NFD, long unit names, dd/mm/yyyy dates, flags x/có/empty, a name column.
import random, unicodedata, sys
random.seed(7)
n = int(sys.argv[1])
grades = ["Xuất sắc", "Tốt", "Trung bình", "Kém"]
w = [0.3, 0.5, 0.15, 0.05]
def spell(g):
    r = random.random()
    if r < 0.55: s = g
    elif r < 0.7: s = g.lower()
    elif r < 0.8: s = g.upper()
    elif r < 0.9: s = {"Xuất sắc":"xuat_sac","Tốt":"tot","Trung bình":"trung_binh","Kém":"kem"}[g]
    else: s = unicodedata.normalize("NFD", g)
    return s
wards = ["Hàng Trống","Phúc Tân","Điện Biên","Quán Thánh","Nguyễn Trung Trực","Trúc Bạch","Cửa Nam","Văn Miếu"]
units = [f"Đảng bộ phường {wards[i%8]} số {i} quận Hoàn Kiếm thành phố Hà Nội" for i in range(2000)]
names = ["Nguyễn Văn An","Trần Thị Bình","Lê Hoàng Cường","Phạm Thu Dung","Đỗ Minh Chi","Bùi Văn Trang"]
out = open(sys.argv[2], "w", encoding="utf-8")
out.write("id;subject;name;tu_tuong;dao_duc;ky_luat;nhiem_vu;bi_ky_luat;suy_thoai;co_so_dang;thuoc_chi_bo;ngay_vao_dang;tuoi_dang;la_cbccvc;xep_loai_cbccvc\n")
cb = open(sys.argv[3], "w", encoding="utf-8")
cb.write("id;subject;name;Công tác xây dựng Đảng;Lãnh đạo thực hiện nhiệm vụ chính trị;Đảng bộ\n")
for c in range(2000):
    g1, g2 = (spell(random.choices(grades, w)[0]) for _ in range(2))
    cb.write(f"CB{c:05d};chi_bo;Chi bộ {c};{g1};{g2};{units[c]}\n")
for i in range(n):
    gs = [spell(random.choices(grades, w)[0]) for _ in range(4)]
    flag = random.choice(["", "", "", "", "", "", "x", "có"]) if random.random() < 0.05 else ""
    u = units[i % 2000]
    if random.random() < 0.05: u = unicodedata.normalize("NFD", u)
    d = f"{random.randint(1,28)}/{random.randint(1,12)}/{random.randint(1975,2019)}"
    out.write(f"DV{i:07d};dang_vien;{random.choice(names)};{';'.join(gs)};{flag};;{u};CB{i%2000:05d};{d};{random.randint(1,45)};không;\n")
