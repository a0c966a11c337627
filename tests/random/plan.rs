//! A random plan: its scale, tiers and two to four subjects (one of which may
//! extend another) with random items, then conditions drawn by
//! [`super::expr`], written out as plan text.

use super::Rng;
use super::expr::Gen;

/// What an item of a subject is; the data generator fills its cells by it.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A graded criterion and its weight as written (`12.5`).
    Weight(String),
    /// A points criterion and its maximum as written.
    Points(String),
    Flag,
    Text,
    Number,
    Date,
    Choice(&'static [(&'static str, &'static str)]),
    /// A ref to the family of this subject (index).
    Ref(usize),
    Tier,
}

#[derive(Clone, Debug)]
pub struct Item {
    pub name: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub group: Option<&'static str>,
}

pub struct Subject {
    pub name: &'static str,
    pub label: &'static str,
    pub prefix: &'static str,
    pub extends: Option<usize>,
    /// Every item the subject has, inherited ones included.
    pub items: Vec<Item>,
    /// The item lines written in this subject's own block.
    pub own_items: Vec<Item>,
    /// Condition lines (`exempt`, `rule`, `otherwise`, `cap`, `quota`).
    pub lines: Vec<String>,
    /// The subjects its rules wait for, and those its other lines wait for.
    pub rule_deps: Vec<usize>,
    pub other_deps: Vec<usize>,
    /// Whether its own rules replace the inherited list.
    pub own_rules: bool,
}

pub struct Spec {
    pub grades: Vec<(&'static str, &'static str, String)>,
    pub tiers: Vec<(&'static str, &'static str)>,
    pub subjects: Vec<Subject>,
    /// The evaluation year.
    pub year: i32,
    /// `hook` blocks, written after the subjects.
    pub hooks: Vec<String>,
    /// A `test` block of records, sometimes.
    pub block: Option<String>,
    /// Whether conditions may make subjects wait for each other in a cycle
    /// (such a plan must not check).
    pub cycles: bool,
}

const GRADES: [(&str, &str); 4] = [("xs", "Xuất sắc"), ("tot", "Tốt"), ("tb", "Trung bình"), ("kem", "Kém")];
const GRADE_VALUES: [[&str; 4]; 4] =
    [["4", "3", "2", "1"], ["10", "7.5", "5", "0"], ["3", "2", "1", "0"], ["100", "80", "65", "50"]];
const TIERS: [(&str, &str); 4] = [
    ("htxs", "Hoàn thành xuất sắc nhiệm vụ"),
    ("htt", "Hoàn thành tốt nhiệm vụ"),
    ("ht", "Hoàn thành nhiệm vụ"),
    ("kht", "Không hoàn thành nhiệm vụ"),
];
const SUBJECTS: [(&str, &str, &str); 3] =
    [("dang_vien", "Đảng viên", "ĐV"), ("chi_bo", "Chi bộ", "CB"), ("bi_thu", "Bí thư chi bộ", "BTCB-Ư")];
const EXTENDER: (&str, &str, &str) = ("huu_tri", "Đảng viên hưu trí", "HT");

const CRITERIA: [(&str, &str); 7] = [
    ("tu_tuong", "Tư tưởng chính trị"),
    ("dao_duc", "Phẩm chất đạo đức"),
    ("ky_luat", "Ý thức kỷ luật"),
    ("nhiem_vu", "Kết quả nhiệm vụ"),
    ("hoc_tap", "Học tập"),
    ("diem", "Điểm"),
    ("xay_dung", "Xây dựng Đảng"),
];
const FLAGS: [(&str, &str); 4] = [
    ("bi_ky_luat", "Bị kỷ luật"),
    ("suy_thoai", "Suy thoái"),
    ("khen", "Được khen thưởng"),
    ("la_cb", "Là cán bộ"),
];
const TEXTS: [(&str, &str); 3] = [("co_so", "Tổ chức cơ sở"), ("nhom", "Nhóm"), ("dang_bo", "Đảng bộ")];
const NUMBERS: [(&str, &str); 3] = [("tuoi", "Tuổi Đảng"), ("diem", "Điểm"), ("so_lan", "Số lần")];
const DATES: [(&str, &str); 2] = [("ngay_vao", "Ngày vào Đảng"), ("ngay_ky", "Ngày ký")];
/// Options of a choice field: (name, label).
type Options = &'static [(&'static str, &'static str)];

const KL: &[(&str, &str)] = &[("kt", "Khiển trách"), ("cc", "Cảnh cáo"), ("cch", "Cách chức")];
const XL: &[(&str, &str)] = &[("x_mot", "Loại một"), ("x_hai", "Loại hai"), ("x_ba", "Loại ba")];
const CHOICES: [(&str, &str, Options); 2] = [("kl", "Hình thức kỷ luật", KL), ("xl", "Xếp loại khác", XL)];
const REFS: [(&str, &str); 3] =
    [("thuoc", "Thuộc đơn vị"), ("dung_dau", "Đơn vị đứng đầu"), ("cap_tren", "Cấp trên")];
const TIER_FIELDS: [(&str, &str); 1] = [("xl_cc", "Xếp loại công chức")];
const GROUPS: [&str; 2] = ["ket_qua", "pham_chat"];

impl Spec {
    /// The family of subject `s`: itself and the subjects extending it.
    pub fn family(&self, s: usize) -> Vec<usize> {
        (0..self.subjects.len()).filter(|&k| self.in_family(k, s)).collect()
    }

    pub fn in_family(&self, member: usize, root: usize) -> bool {
        let mut cur = Some(member);
        while let Some(c) = cur {
            if c == root {
                return true;
            }
            cur = self.subjects[c].extends;
        }
        false
    }

    /// Which subjects each subject waits for, with inherited lines.
    pub fn deps(&self, s: usize) -> Vec<usize> {
        let sub = &self.subjects[s];
        let mut out = sub.other_deps.clone();
        match sub.extends {
            Some(p) => {
                let parent = self.deps_split(p);
                out.extend(if sub.own_rules { sub.rule_deps.clone() } else { parent.0 });
                out.extend(parent.1);
            }
            None => out.extend(sub.rule_deps.iter().copied()),
        }
        out
    }

    fn deps_split(&self, s: usize) -> (Vec<usize>, Vec<usize>) {
        let sub = &self.subjects[s];
        match sub.extends {
            Some(p) => {
                let (r, mut o) = self.deps_split(p);
                o.extend(&sub.other_deps);
                (if sub.own_rules { sub.rule_deps.clone() } else { r }, o)
            }
            None => (sub.rule_deps.clone(), sub.other_deps.clone()),
        }
    }

    /// Whether `from` waits, directly or not, for `to`.
    pub fn reaches(&self, from: usize, to: usize) -> bool {
        let mut seen = vec![false; self.subjects.len()];
        let mut stack = self.deps(from);
        while let Some(s) = stack.pop() {
            if s == to {
                return true;
            }
            if !std::mem::replace(&mut seen[s], true) {
                stack.extend(self.deps(s));
            }
        }
        false
    }

    pub fn cyclic(&self) -> bool {
        (0..self.subjects.len()).any(|s| self.reaches(s, s))
    }

    /// The grade names, best first.
    pub fn grade_names(&self) -> Vec<&'static str> {
        self.grades.iter().map(|g| g.0).collect()
    }

    pub fn text(&self) -> String {
        let mut out = String::from("plan \"RANDOM\" {\n  issued 2020-11-06\n}\n\nscale muc_do {\n");
        let aliased = |n: &str| alias(n).map(|a| format!(" alias \"{a}\"")).unwrap_or_default();
        for (n, l, v) in &self.grades {
            out.push_str(&format!("  {n} \"{l}\" {v}{}\n", aliased(n)));
        }
        out.push_str("}\n\ntiers {\n");
        for (n, l) in &self.tiers {
            out.push_str(&format!("  {n} \"{l}\"{}\n", aliased(n)));
        }
        out.push_str("}\n\nlevel co_so \"Cấp cơ sở\" {\n  due before 15/12\n}\n");
        for s in &self.subjects {
            out.push_str(&subject_text(self, s));
        }
        for h in &self.hooks {
            out.push('\n');
            out.push_str(h);
        }
        out.push_str(self.block.as_deref().unwrap_or(""));
        out
    }
}

/// The abbreviation forms use for a grade or tier (`alias` in the plan).
pub fn alias(name: &str) -> Option<&'static str> {
    let pairs = [
        ("xs", "XS"),
        ("tot", "T"),
        ("kem", "K"),
        ("htxs", "HTXSNV"),
        ("htt", "HTTNV"),
        ("ht", "HTNV"),
        ("kht", "KHTNV"),
    ];
    pairs.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
}

fn subject_text(spec: &Spec, s: &Subject) -> String {
    let ext = s.extends.map(|p| format!(" extends {}", spec.subjects[p].name)).unwrap_or_default();
    let mut out = format!("\nsubject {} \"{}\"{ext} {{\n", s.name, s.label);
    if s.extends.is_none() {
        out.push_str("  level co_so\n");
    }
    for it in &s.own_items {
        out.push_str(&format!("  {}\n", item_text(spec, it)));
    }
    for l in &s.lines {
        out.push_str(&format!("  {l}\n"));
    }
    out.push_str("}\n");
    out
}

fn item_text(spec: &Spec, it: &Item) -> String {
    let (n, l) = (it.name, it.label);
    let group = it.group.map(|g| format!(" group {g}")).unwrap_or_default();
    match &it.kind {
        Kind::Weight(w) => format!("criterion {n} \"{l}\" weight {w}{group}"),
        Kind::Points(p) => format!("criterion {n} \"{l}\" points {p}{group}"),
        Kind::Flag => format!("flag {n} \"{l}\""),
        Kind::Text => format!("field {n} \"{l}\" text"),
        Kind::Number => format!("field {n} \"{l}\" number"),
        Kind::Date => format!("field {n} \"{l}\" date"),
        Kind::Tier => format!("field {n} \"{l}\" tier"),
        Kind::Ref(t) => format!("field {n} \"{l}\" ref {}", spec.subjects[*t].name),
        Kind::Choice(opts) => {
            let opts: Vec<String> = opts.iter().map(|(o, ol)| format!("{o} \"{ol}\"")).collect();
            format!("field {n} \"{l}\" choice {}", opts.join(" "))
        }
    }
}

/// A whole random plan from `rng`.
pub fn generate(rng: &mut Rng) -> Spec {
    let ngrades = rng.range(2, 4);
    let values = rng.pick(&GRADE_VALUES);
    let grades = (0..ngrades).map(|k| (GRADES[k].0, GRADES[k].1, values[k].to_string())).collect();
    let tiers = TIERS[..rng.range(2, 4)].to_vec();
    let bases = rng.range(1, 3);
    let mut subjects: Vec<Subject> =
        SUBJECTS[..bases].iter().map(|&(n, l, p)| blank(n, l, p, None)).collect();
    if rng.chance(35) {
        let (n, l, p) = EXTENDER;
        subjects.push(blank(n, l, p, Some(rng.below(bases))));
    }
    let year = if rng.chance(80) { 2024 } else { 2020 };
    let cycles = rng.chance(5);
    let mut spec = Spec { grades, tiers, subjects, year, cycles, hooks: Vec::new(), block: None };
    let count = spec.subjects.len();
    for s in 0..count {
        let inherited = spec.subjects[s].extends.map(|p| spec.subjects[p].items.clone()).unwrap_or_default();
        let own = match spec.subjects[s].extends {
            None => base_items(rng, count),
            Some(_) => extra_items(rng, &inherited, count),
        };
        let mut items: Vec<Item> =
            inherited.into_iter().filter(|i| !own.iter().any(|o| o.name == i.name)).collect();
        items.extend(own.iter().cloned());
        spec.subjects[s].items = items;
        spec.subjects[s].own_items = own;
    }
    for s in 0..count {
        let out = Gen::new(rng, &spec, s).lines();
        let sub = &mut spec.subjects[s];
        (sub.lines, sub.rule_deps, sub.other_deps, sub.own_rules) =
            (out.lines, out.rule_deps, out.other_deps, out.own_rules);
    }
    spec.hooks = super::hooks::generate(rng, &spec);
    spec.block = super::block::generate(rng, &spec);
    spec
}

fn blank(name: &'static str, label: &'static str, prefix: &'static str, extends: Option<usize>) -> Subject {
    Subject {
        name,
        label,
        prefix,
        extends,
        items: Vec::new(),
        own_items: Vec::new(),
        lines: Vec::new(),
        rule_deps: Vec::new(),
        other_deps: Vec::new(),
        own_rules: extends.is_none(),
    }
}

fn weight(rng: &mut Rng) -> String {
    rng.pick(&["10", "20", "25", "40", "12.5", "7.25", "33.3", "50", "0.5"]).to_string()
}

fn points(rng: &mut Rng) -> String {
    rng.pick(&["10", "20", "100", "12.5", "5"]).to_string()
}

fn free<'a>(
    rng: &mut Rng,
    pool: &'a [(&'static str, &'static str)],
    taken: &[Item],
) -> Option<&'a (&'static str, &'static str)> {
    let left: Vec<_> = pool.iter().filter(|(n, _)| !taken.iter().any(|i| i.name == *n)).collect();
    (!left.is_empty()).then(|| *rng.pick(&left))
}

fn push(
    items: &mut Vec<Item>,
    found: Option<&(&'static str, &'static str)>,
    kind: Kind,
    group: Option<&'static str>,
) {
    if let Some(&(name, label)) = found {
        items.push(Item { name, label, kind, group });
    }
}

fn base_items(rng: &mut Rng, subjects: usize) -> Vec<Item> {
    let mut items = Vec::new();
    for _ in 0..rng.range(0, 4) {
        let g = rng.chance(40).then(|| *rng.pick(&GROUPS));
        let found = free(rng, &CRITERIA, &items);
        let w = weight(rng);
        push(&mut items, found, Kind::Weight(w), g);
    }
    for _ in 0..rng.range(0, 2) {
        let found = free(rng, &CRITERIA, &items);
        let p = points(rng);
        push(&mut items, found, Kind::Points(p), None);
    }
    for _ in 0..rng.range(0, 2) {
        let found = free(rng, &FLAGS, &items);
        push(&mut items, found, Kind::Flag, None);
    }
    for _ in 0..rng.range(0, 4) {
        field(rng, &mut items, subjects);
    }
    for _ in 0..rng.range(0, 2) {
        let found = free(rng, &REFS, &items);
        let t = rng.below(subjects);
        push(&mut items, found, Kind::Ref(t), None);
    }
    items
}

fn field(rng: &mut Rng, items: &mut Vec<Item>, subjects: usize) {
    match rng.below(6) {
        0 => push(items, free(rng, &TEXTS, items), Kind::Text, None),
        1 => push(items, free(rng, &NUMBERS, items), Kind::Number, None),
        2 => push(items, free(rng, &DATES, items), Kind::Date, None),
        3 => push(items, free(rng, &TIER_FIELDS, items), Kind::Tier, None),
        4 => {
            let left: Vec<_> = CHOICES.iter().filter(|c| !items.iter().any(|i| i.name == c.0)).collect();
            if !left.is_empty() {
                let &&(name, label, opts) = rng.pick(&left);
                items.push(Item { name, label, kind: Kind::Choice(opts), group: None });
            }
        }
        _ => {
            let t = rng.below(subjects);
            push(items, free(rng, &REFS, items), Kind::Ref(t), None);
        }
    }
}

/// The lines an extending subject writes: a replaced criterion or new items.
fn extra_items(rng: &mut Rng, inherited: &[Item], subjects: usize) -> Vec<Item> {
    let mut own = Vec::new();
    let graded: Vec<&Item> = inherited.iter().filter(|i| matches!(i.kind, Kind::Weight(_))).collect();
    if !graded.is_empty() && rng.chance(60) {
        let mut it = (*rng.pick(&graded)).clone();
        it.label = "Nghĩa vụ nơi cư trú";
        it.kind = Kind::Weight(weight(rng));
        own.push(it);
    }
    let mut all: Vec<Item> = inherited.to_vec();
    for _ in 0..rng.range(0, 2) {
        let before = all.len();
        if rng.chance(50) {
            let found = free(rng, &FLAGS, &all);
            push(&mut all, found, Kind::Flag, None);
        } else {
            field(rng, &mut all, subjects);
        }
        own.extend(all[before..].iter().cloned());
    }
    own
}
