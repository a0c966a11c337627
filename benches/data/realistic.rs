//! Member data as offices export it (issue 22), for the bench and the tests:
//! `;`-separated, grades as labels in mixed case and as names (`Xuất sắc`,
//! `xuất sắc`, `XUẤT SẮC`, `xuat_sac`), some of them decomposed (NFD),
//! comma and point decimals, both date forms, flags `x`/`có`/empty,
//! Vietnamese unit names of 20–60 bytes, a `ho_ten` column and about 0.1%
//! bad cells. The plan it goes with is `benches/plan-realistic.kh`
//! (decimal weights). Deterministic: the same `n` gives the same bytes.

#![allow(dead_code)]

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// The header of the members' file.
pub const MEMBERS_HEADER: &str = "id;subject;ho_ten;tu_tuong;dao_duc;ky_luat;nhiem_vu;bi_ky_luat;suy_thoai;\
co_so_dang;thuoc_chi_bo;ngay_vao_dang;tuoi_dang;la_cbccvc;xep_loai_cbccvc";

/// The header of the cells' (chi bộ) file: titles instead of names.
pub const CELLS_HEADER: &str =
    "id;subject;ho_ten;Công tác xây dựng Đảng;Lãnh đạo thực hiện nhiệm vụ chính trị;Đảng bộ";

/// How many chi bộ (and units) the members are spread over.
pub const CELLS: usize = 2000;

/// Each grade: its name, its label, decomposed label (NFD), upper case.
const GRADES: [[&str; 4]; 4] = [
    ["xuat_sac", "Xuất sắc", "Xua\u{302}\u{301}t sa\u{306}\u{301}c", "XUẤT SẮC"],
    ["tot", "Tốt", "To\u{302}\u{301}t", "TỐT"],
    ["trung_binh", "Trung bình", "Trung bi\u{300}nh", "TRUNG BÌNH"],
    ["kem", "Kém", "Ke\u{301}m", "KÉM"],
];

/// Spellings of a grade that are no grade (the bad cells).
const BAD_GRADES: [&str; 3] = ["Tôt", "xuat sac lam", "?"];

const WARDS: [&str; 8] = [
    "Hàng Trống",
    "Phúc Tân",
    "Điện Biên",
    "Quán Thánh",
    "Nguyễn Trung Trực",
    "Trúc Bạch",
    "Cửa Nam",
    "Văn Miếu",
];
const FAMILY: [&str; 6] = ["Nguyễn", "Trần", "Lê", "Phạm", "Đỗ", "Bùi"];
const MIDDLE: [&str; 4] = ["Văn", "Thị", "Hoàng", "Minh"];
const GIVEN: [&str; 6] = ["An", "Bình", "Cường", "Dung", "Chi", "Trang"];
const TIERS: [&str; 4] = ["Hoàn thành tốt nhiệm vụ", "htt", "Hoàn thành nhiệm vụ", "KHT"];

/// A xorshift generator: fast, deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    pub fn step(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.step() % n
    }

    /// True once in `n`.
    pub fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }
}

/// The name of unit `i`, 20 to 60 bytes (decomposed when `nfd`).
pub fn unit(i: usize, nfd: bool) -> String {
    let ward = WARDS[i % WARDS.len()];
    let name = match i % 3 {
        0 => format!("Chi bộ {ward} số {i}"),
        1 => format!("Đảng bộ phường {ward} số {i}"),
        _ => format!("Đảng bộ {ward} số {i} quận Ba Đình"),
    };
    debug_assert!((20..=60).contains(&name.len()), "{name}: {} bytes", name.len());
    if nfd { decompose(&name) } else { name }
}

/// The decomposed (NFD) spelling of `s`.
fn decompose(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().collect()
}

/// A grade cell: the grade drawn (0 best), spelled as offices spell it.
fn grade(r: &mut Rng) -> &'static str {
    if r.one_in(1000) {
        return BAD_GRADES[r.below(3) as usize];
    }
    let g = match r.below(20) {
        0..6 => 0,
        6..16 => 1,
        16..19 => 2,
        _ => 3,
    };
    let [name, label, nfd, upper] = GRADES[g];
    match r.below(20) {
        0..11 => label,
        11..14 => lower(g),
        14..16 => upper,
        16..18 => name,
        _ => nfd,
    }
}

/// The lower-case label of grade `g`.
fn lower(g: usize) -> &'static str {
    ["xuất sắc", "tốt", "trung bình", "kém"][g]
}

fn flag(r: &mut Rng) -> &'static str {
    match r.below(40) {
        0 => "x",
        1 => "có",
        2 if r.one_in(100) => "hmm",
        _ => "",
    }
}

/// A date of admission, `d/m/yyyy` or `yyyy-mm-dd` (rarely not a date).
fn date(r: &mut Rng, out: &mut String) {
    use std::fmt::Write as _;
    let (y, m, d) = (1975 + r.below(46), 1 + r.below(12), 1 + r.below(28));
    let _ = match r.below(1000) {
        0 => write!(out, "31/2/{y}"),
        1..300 => write!(out, "{y}-{m:02}-{d:02}"),
        _ => write!(out, "{d}/{m}/{y}"),
    };
}

/// Years in the party: an integer, or a decimal with a comma or a point.
fn years(r: &mut Rng, out: &mut String) {
    use std::fmt::Write as _;
    let y = 1 + r.below(45);
    let _ = match r.below(10) {
        0 => write!(out, "{y},5"),
        1 => write!(out, "{y}.5"),
        _ => write!(out, "{y}"),
    };
}

/// Writes `n` members to `members` and the chi bộ they belong to to `cells`.
pub fn generate(members: &Path, cells: &Path, n: usize) -> io::Result<()> {
    let mut r = Rng::new(0x2545_F491_4F6C_DD1D);
    let mut w = BufWriter::new(std::fs::File::create(cells)?);
    writeln!(w, "{CELLS_HEADER}")?;
    for c in 0..CELLS {
        let (a, b) = (grade(&mut r), grade(&mut r));
        writeln!(w, "CB{c:05};chi_bo;Chi bộ {c};{a};{b};{}", unit(c / 10, false))?;
    }
    w.flush()?;
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(members)?);
    writeln!(w, "{MEMBERS_HEADER}")?;
    let mut line = String::with_capacity(256);
    for i in 0..n {
        line.clear();
        member(&mut r, i, &mut line);
        w.write_all(line.as_bytes())?;
    }
    w.flush()
}

/// One member's line.
fn member(r: &mut Rng, i: usize, line: &mut String) {
    use std::fmt::Write as _;
    let c = i % CELLS;
    let (f, m, g) = (r.below(6) as usize, r.below(4) as usize, r.below(6) as usize);
    let _ = write!(line, "DV{i:07};dang_vien;{} {} {}", FAMILY[f], MIDDLE[m], GIVEN[g]);
    for _ in 0..4 {
        line.push(';');
        line.push_str(grade(r));
    }
    let _ = write!(line, ";{};{};{};CB{c:05};", flag(r), flag(r), unit(c / 10, r.one_in(20)));
    date(r, line);
    line.push(';');
    years(r, line);
    let civil = r.one_in(4);
    line.push_str(if civil { ";x;" } else { ";không;" });
    if civil {
        line.push_str(TIERS[r.below(4) as usize]);
    }
    line.push('\n');
}
