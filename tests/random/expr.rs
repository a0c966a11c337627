//! Random conditions of one subject, typed by construction: flags, grades
//! and quantifiers, numbers and arithmetic over `score`, points and number
//! fields and `months_since`, choices, tiers, dates, text and refs, and the
//! aggregates `count`/`share` with `where` filters over the counted subject.
//! The lines of a subject (`exempt`, `rule`, `otherwise`, `cap`, `quota`)
//! are drawn here too, with the subjects each line waits for.

use super::Rng;
use super::plan::{Kind, Spec};

/// Text values of text fields, in NFC; the data writes some of them in NFD.
pub const TEXTS: [&str; 4] = ["Phường Điện Biên", "Xã Đông Anh", "Phường 1", "P2"];

/// The names in scope: the subject whose items are read, and whether this
/// is a `where` (where `tier` is the counted record's tier).
#[derive(Clone, Copy)]
struct Scope {
    subject: usize,
    in_where: bool,
}

pub struct Lines {
    pub lines: Vec<String>,
    pub rule_deps: Vec<usize>,
    pub other_deps: Vec<usize>,
    pub own_rules: bool,
}

pub struct Gen<'a> {
    rng: &'a mut Rng,
    spec: &'a Spec,
    s: usize,
    /// The subjects the condition being drawn waits for.
    deps: Vec<usize>,
}

const OPS: [&str; 6] = ["==", "!=", "<", "<=", ">", ">="];

impl<'a> Gen<'a> {
    pub fn new(rng: &'a mut Rng, spec: &'a Spec, s: usize) -> Gen<'a> {
        Gen { rng, spec, s, deps: Vec::new() }
    }

    fn here(&self) -> Scope {
        Scope { subject: self.s, in_where: false }
    }

    /// Every line of the subject after its items.
    pub fn lines(mut self) -> Lines {
        let base = self.spec.subjects[self.s].extends.is_none();
        let mut out =
            Lines { lines: Vec::new(), rule_deps: Vec::new(), other_deps: Vec::new(), own_rules: base };
        for _ in 0..[0, 0, 0, 1, 1, 2][self.rng.below(6)] {
            let cond = self.exemption();
            out.lines.push(format!("exempt when {cond}{}", self.because()));
        }
        let exempt_deps = std::mem::take(&mut self.deps);
        if base || self.rng.chance(40) {
            out.own_rules = true;
            self.rules(&mut out.lines);
        }
        out.rule_deps = std::mem::take(&mut self.deps);
        for _ in 0..self.rng.range(0, 3) {
            let cap = self.cap();
            out.lines.extend(cap);
        }
        for _ in 0..[0, 0, 0, 1, 1, 2][self.rng.below(6)] {
            let q = self.quota();
            out.lines.extend(q);
        }
        if self.rng.chance(5) {
            out.lines.push("lock rules".into());
        }
        out.other_deps = std::mem::take(&mut self.deps);
        out.other_deps.extend(exempt_deps);
        out
    }

    fn because(&mut self) -> String {
        let texts = [" because \"Lý do\"", " because \"Kết nạp chưa đủ 6 tháng\"", ""];
        self.rng.pick(&texts).to_string()
    }

    fn exemption(&mut self) -> String {
        let dates = self.items(self.here(), |k| *k == Kind::Date);
        if !dates.is_empty() && self.rng.chance(50) {
            return format!("months_since({}) < {}", self.rng.pick(&dates), self.rng.pick(&["6", "12", "3"]));
        }
        // Mostly a condition that rarely holds, so that records get classified.
        let c = self.cond(self.here(), 2);
        if self.rng.chance(60) { format!("{} and {}", self.part_of(c), self.atom(self.here())) } else { c }
    }

    fn tier(&mut self) -> &'static str {
        self.rng.pick(&self.spec.tiers).0
    }

    fn rules(&mut self, lines: &mut Vec<String>) {
        let n = self.rng.range(0, 4);
        let tiers = self.spec.tiers.len();
        let mut picks: Vec<usize> = (0..n).map(|_| self.rng.below(tiers)).collect();
        if self.rng.chance(80) {
            picks.sort_unstable();
        }
        for t in picks {
            let cond = if self.rng.chance(50) {
                let sc = self.here();
                format!("score >= {} and {}", self.threshold(sc), self.cond(sc, 2))
            } else {
                self.cond(self.here(), 3)
            };
            lines.push(format!("rule {} when {cond}", self.spec.tiers[t].0));
        }
        let last = self.spec.tiers[tiers - 1].0;
        if n == 0 || self.rng.chance(75) {
            lines.push(format!("otherwise {}", if self.rng.chance(80) { last } else { self.tier() }));
        } else if self.rng.chance(60) {
            let all = ["true", "score >= 0", "not false"];
            lines.push(format!("rule {last} when {}", self.rng.pick(&all)));
        }
    }

    fn cap(&mut self) -> Option<String> {
        let refs = self.items(self.here(), |k| matches!(k, Kind::Ref(_)));
        if !refs.is_empty() && self.rng.chance(25) {
            let f = *self.rng.pick(&refs);
            let target =
                self.spec.subjects[self.s].items.iter().find(|i| i.name == f).map(|i| i.kind.clone());
            let Some(Kind::Ref(t)) = target else { return None };
            self.wait_for(t)?;
            return Some(format!("cap at tier of {f}"));
        }
        let cond = if self.rng.chance(50) { self.agg_cmp() } else { None };
        let cond = cond.unwrap_or_else(|| self.cond(self.here(), 2));
        Some(format!("cap {} when {cond}{}", self.tier(), self.because()))
    }

    fn quota(&mut self) -> Option<String> {
        let tiers = &self.spec.tiers;
        let last = usize::from(self.rng.chance(3));
        let t = self.rng.below(tiers.len() - 1 + last);
        let bound = match self.rng.below(4) {
            0 => self.rng.pick(&["0", "1", "2", "3"]).to_string(),
            1 => format!("{} of all", self.percent()),
            _ => {
                let t2 = match self.rng.below(tiers.len()) {
                    same if same == t && self.rng.chance(95) => (t + 1) % tiers.len(),
                    other => other,
                };
                let better = if self.rng.chance(50) { " or better" } else { "" };
                format!("{} of {}{better}", self.percent(), tiers[t2].0)
            }
        };
        let fields =
            self.items(self.here(), |k| !matches!(k, Kind::Weight(_) | Kind::Points(_) | Kind::Flag));
        let per = if fields.is_empty() || self.rng.chance(25) { "plan" } else { self.rng.pick(&fields) };
        let round = ["", "", " round down", " round up", " round nearest"];
        Some(format!("quota {} at most {bound} per {per}{}", tiers[t].0, self.rng.pick(&round)))
    }

    fn percent(&mut self) -> &'static str {
        self.rng.word(&["20%", "50%", "33.5%", "0%", "100%", "75%", "150%"])
    }

    /// The names of the items of `sc`'s subject whose kind passes `keep`.
    fn items(&self, sc: Scope, keep: impl Fn(&Kind) -> bool) -> Vec<&'static str> {
        self.spec.subjects[sc.subject].items.iter().filter(|i| keep(&i.kind)).map(|i| i.name).collect()
    }

    /// Records that the condition waits for `t`'s family; `None` when that
    /// would close a cycle, unless the plan is one meant to have cycles.
    fn wait_for(&mut self, t: usize) -> Option<()> {
        let family = self.spec.family(t);
        // Subjects extending this one inherit its lines: they wait too.
        let waiting = self.spec.family(self.s);
        let cycle = family.iter().any(|&f| waiting.iter().any(|&w| f == w || self.spec.reaches(f, w)));
        if cycle && !self.spec.cycles {
            return None;
        }
        self.deps.extend(family);
        Some(())
    }

    fn cond(&mut self, sc: Scope, depth: u32) -> String {
        if depth == 0 || self.rng.chance(40) {
            return self.atom(sc);
        }
        match self.rng.below(5) {
            0 | 1 => {
                let n = self.rng.range(2, 3);
                let parts: Vec<String> = (0..n).map(|_| self.part(sc, depth - 1)).collect();
                parts.join(if self.rng.chance(50) { " and " } else { " or " })
            }
            2 => format!("not {}", self.part(sc, depth - 1)),
            3 => format!("{} and {} or {}", self.atom(sc), self.atom(sc), self.atom(sc)),
            _ => format!("({})", self.cond(sc, depth - 1)),
        }
    }

    /// A condition that can stand in a chain: an atom or in parentheses.
    fn part(&mut self, sc: Scope, depth: u32) -> String {
        let c = self.cond(sc, depth);
        self.part_of(c)
    }

    fn part_of(&self, c: String) -> String {
        if c.contains(" and ") || c.contains(" or ") || c.starts_with("not ") { format!("({c})") } else { c }
    }

    fn atom(&mut self, sc: Scope) -> String {
        for _ in 0..8 {
            let found = match self.rng.below(12) {
                0 => self.pick_item(sc, |k| *k == Kind::Flag),
                1 => self.grade_cmp(sc),
                2 => self.quant(sc),
                3 | 4 => Some(self.num_cmp(sc)),
                5 => self.choice_cmp(sc),
                6 => self.tier_cmp(sc),
                7 => self.date_cmp(sc),
                8 => self.text_cmp(sc),
                9 if !sc.in_where => self.agg_cmp(),
                10 if sc.in_where => Some(format!("tier {} {}", self.rng.pick(&OPS), self.tier())),
                11 => Some(self.rng.pick(&["true", "false"]).to_string()),
                _ => None,
            };
            if let Some(a) = found {
                return a;
            }
        }
        self.num_cmp(sc)
    }

    fn pick_item(&mut self, sc: Scope, keep: impl Fn(&Kind) -> bool) -> Option<String> {
        let names = self.items(sc, keep);
        (!names.is_empty()).then(|| self.rng.pick(&names).to_string())
    }

    fn grade(&mut self) -> &'static str {
        self.rng.pick(&self.spec.grades).0
    }

    fn grade_cmp(&mut self, sc: Scope) -> Option<String> {
        let c = self.pick_item(sc, |k| matches!(k, Kind::Weight(_)))?;
        let op = self.rng.pick(&OPS);
        Some(match self.rng.below(4) {
            0 => format!("{} {op} {c}", self.grade()),
            1 => format!("{c} {op} {}", self.pick_item(sc, |k| matches!(k, Kind::Weight(_)))?),
            _ => format!("{c} {op} {}", self.grade()),
        })
    }

    fn quant(&mut self, sc: Scope) -> Option<String> {
        let q = self.rng.pick(&["all", "any", "none"]);
        let groups: Vec<&str> = self.spec.subjects[sc.subject]
            .items
            .iter()
            .filter(|i| matches!(i.kind, Kind::Weight(_)))
            .filter_map(|i| i.group)
            .collect();
        let within = match groups.is_empty() || self.rng.chance(50) {
            true => String::new(),
            false => format!(" in {}", self.rng.pick(&groups)),
        };
        Some(format!("{q}{within} {} {}", self.rng.pick(&OPS), self.grade()))
    }

    fn choice_cmp(&mut self, sc: Scope) -> Option<String> {
        let items = &self.spec.subjects[sc.subject].items;
        let choices: Vec<_> = items
            .iter()
            .filter_map(|i| match i.kind {
                Kind::Choice(opts) => Some((i.name, opts)),
                _ => None,
            })
            .collect();
        if choices.is_empty() {
            return None;
        }
        let (name, opts) = *self.rng.pick(&choices);
        Some(format!("{name} {} {}", self.rng.pick(&OPS), self.rng.pick(opts).0))
    }

    fn tier_cmp(&mut self, sc: Scope) -> Option<String> {
        let f = self.pick_item(sc, |k| *k == Kind::Tier)?;
        Some(format!("{f} {} {}", self.rng.pick(&OPS), self.tier()))
    }

    fn date_cmp(&mut self, sc: Scope) -> Option<String> {
        let f = self.pick_item(sc, |k| *k == Kind::Date)?;
        let when = self.rng.pick(&[
            "2020-06-15",
            "2024-07-01",
            "1/7",
            "15/12",
            "6/11/2020",
            "2023-12-31",
            "29/2/2024",
        ]);
        Some(format!("{f} {} {when}", self.rng.pick(&OPS)))
    }

    fn text_cmp(&mut self, sc: Scope) -> Option<String> {
        let op = self.rng.pick(&["==", "!="]);
        if let Some(f) = self.pick_item(sc, |k| *k == Kind::Text) {
            return Some(format!("{f} {op} \"{}\"", self.rng.pick(&TEXTS)));
        }
        let items = &self.spec.subjects[sc.subject].items;
        let refs: Vec<_> = items
            .iter()
            .filter_map(|i| match i.kind {
                Kind::Ref(t) => Some((i.name, t)),
                _ => None,
            })
            .collect();
        if refs.is_empty() {
            return None;
        }
        let (f, t) = *self.rng.pick(&refs);
        Some(format!("{f} {op} \"{}{}\"", self.spec.subjects[t].prefix, self.rng.range(1, 3)))
    }

    fn num_cmp(&mut self, sc: Scope) -> String {
        let op = self.rng.pick(&OPS);
        match self.rng.below(3) {
            0 => format!("score {op} {}", self.threshold(sc)),
            1 => format!("{} {op} {}", self.num(sc, 2), self.threshold(sc)),
            _ => format!("{} {op} {}", self.num(sc, 1), self.num(sc, 1)),
        }
    }

    /// A number near the scores the subject can reach.
    fn threshold(&mut self, sc: Scope) -> String {
        let max: f64 = self.spec.subjects[sc.subject]
            .items
            .iter()
            .map(|i| match &i.kind {
                Kind::Weight(w) | Kind::Points(w) => w.parse().unwrap_or(0.0),
                _ => 0.0,
            })
            .sum();
        let x = max * self.rng.below(101) as f64 / 100.0;
        match self.rng.below(4) {
            0 => format!("{:.1}", x),
            1 => format!("{}%", x.round()),
            _ => format!("{}", x.round()),
        }
    }

    fn num(&mut self, sc: Scope, depth: u32) -> String {
        let leaf = depth == 0 || self.rng.chance(45);
        let pick = if leaf { self.rng.below(6) } else { 6 + self.rng.below(5) };
        let found = match pick {
            0 => Some(self.rng.pick(&["0", "1", "2", "12.5", "50", "0.1", "20%"]).to_string()),
            1 | 2 => Some("score".to_string()),
            3 => self.pick_item(sc, |k| matches!(k, Kind::Points(_) | Kind::Number)),
            4 => self.pick_item(sc, |k| *k == Kind::Date).map(|d| format!("months_since({d})")),
            5 if !sc.in_where => self.aggregate(),
            6 | 7 => Some(format!("{} + {}", self.term(sc, depth - 1), self.term(sc, depth - 1))),
            8 => Some(format!(
                "{} - {} * {}",
                self.term(sc, depth - 1),
                self.term(sc, depth - 1),
                self.term(sc, depth - 1)
            )),
            9 => {
                let d = if self.rng.chance(80) {
                    self.rng.pick(&["2", "3", "0.5", "7"]).to_string()
                } else {
                    self.term(sc, depth - 1)
                };
                Some(format!("{} / {d}", self.term(sc, depth - 1)))
            }
            10 => Some(format!("-{}", self.term(sc, depth - 1))),
            _ => None,
        };
        found.unwrap_or_else(|| "score".into())
    }

    /// A number that can stand in arithmetic: a leaf or in parentheses.
    fn term(&mut self, sc: Scope, depth: u32) -> String {
        let n = self.num(sc, depth);
        if n.contains(' ') && !n.starts_with("count(") && !n.starts_with("share(") {
            format!("({n})")
        } else {
            n
        }
    }

    /// `count(S by F [where …])` or `share(…)` over a subject whose ref
    /// field points at this one's family.
    fn aggregate(&mut self) -> Option<String> {
        let spec = self.spec;
        let mut options = Vec::new();
        for (j, sub) in spec.subjects.iter().enumerate() {
            for it in &sub.items {
                if let Kind::Ref(t) = it.kind {
                    if spec.in_family(self.s, t) {
                        options.push((j, it.name));
                    }
                }
            }
        }
        if options.is_empty() {
            return None;
        }
        let (j, by) = *self.rng.pick(&options);
        self.wait_for(j)?;
        let filter = match self.rng.chance(75) {
            true => format!(" where {}", self.cond(Scope { subject: j, in_where: true }, 2)),
            false => String::new(),
        };
        let kind = if self.rng.chance(50) { "count" } else { "share" };
        Some(format!("{kind}({} by {by}{filter})", spec.subjects[j].name))
    }

    fn agg_cmp(&mut self) -> Option<String> {
        let a = self.aggregate()?;
        let rhs = if a.starts_with("share") {
            self.rng.pick(&["80%", "100%", "20", "50%", "0"])
        } else {
            self.rng.pick(&["0", "1", "2"])
        };
        Some(format!("{a} {} {rhs}", self.rng.pick(&OPS)))
    }
}
