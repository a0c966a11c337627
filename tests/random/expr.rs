//! Random conditions of one subject, typed by construction: flags, grades
//! and quantifiers, numbers and arithmetic over `score`, points and number
//! fields and `months_since`, choices, tiers, dates, text and refs, and the
//! aggregates `count`/`share` with `where` filters over the counted subject.

use super::Rng;
use super::plan::{Kind, Spec};

/// Text values of text fields, in NFC; the data writes some of them in NFD.
pub const TEXTS: [&str; 4] = ["Phường Điện Biên", "Xã Đông Anh", "Phường 1", "P2"];

/// The names in scope: the subject whose items are read, and whether this
/// is a `where` (where `tier` is the counted record's tier).
#[derive(Clone, Copy)]
pub(super) struct Scope {
    pub(super) subject: usize,
    pub(super) in_where: bool,
}

pub struct Gen<'a> {
    pub(super) rng: &'a mut Rng,
    pub(super) spec: &'a Spec,
    pub(super) s: usize,
    /// The subjects the condition being drawn waits for.
    pub(super) deps: Vec<usize>,
}

const OPS: [&str; 6] = ["==", "!=", "<", "<=", ">", ">="];

impl<'a> Gen<'a> {
    pub fn new(rng: &'a mut Rng, spec: &'a Spec, s: usize) -> Gen<'a> {
        Gen { rng, spec, s, deps: Vec::new() }
    }

    pub(super) fn here(&self) -> Scope {
        Scope { subject: self.s, in_where: false }
    }

    /// The names of the items of `sc`'s subject whose kind passes `keep`.
    pub(super) fn items(&self, sc: Scope, keep: impl Fn(&Kind) -> bool) -> Vec<&'static str> {
        self.spec.subjects[sc.subject].items.iter().filter(|i| keep(&i.kind)).map(|i| i.name).collect()
    }

    /// Records that the condition waits for `t`'s family; `None` when that
    /// would close a cycle, unless the plan is one meant to have cycles.
    pub(super) fn wait_for(&mut self, t: usize) -> Option<()> {
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

    pub(super) fn cond(&mut self, sc: Scope, depth: u32) -> String {
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

    pub(super) fn part_of(&self, c: String) -> String {
        if c.contains(" and ") || c.contains(" or ") || c.starts_with("not ") { format!("({c})") } else { c }
    }

    pub(super) fn atom(&mut self, sc: Scope) -> String {
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
    pub(super) fn threshold(&mut self, sc: Scope) -> String {
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
            4 => self.pick_item(sc, |k| *k == Kind::Date).map(|d| match self.rng.below(3) {
                0 => format!("months_between({d}, 2020-12-10)"),
                1 => format!("months_between(1/6/2019, {d})"),
                _ => format!("months_since({d})"),
            }),
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
                if let Kind::Ref(t) = it.kind
                    && spec.in_family(self.s, t)
                {
                    options.push((j, it.name));
                }
            }
        }
        if options.is_empty() {
            return None;
        }
        let (j, by) = *self.rng.pick(&options);
        let filter = match self.rng.chance(75) {
            true => format!(" where {}", self.cond(Scope { subject: j, in_where: true }, 2)),
            false => String::new(),
        };
        // Only a `where` that reads the counted records' outcome orders
        // subjects (issue 19); one that reads only data counts by data.
        let words = filter.split(|c: char| !(c.is_alphanumeric() || c == '_'));
        if words.into_iter().any(|w| w == "tier" || w == "score") {
            self.wait_for(j)?;
        }
        let kind = if self.rng.chance(50) { "count" } else { "share" };
        Some(format!("{kind}({} by {by}{filter})", spec.subjects[j].name))
    }

    pub(super) fn agg_cmp(&mut self) -> Option<String> {
        let a = self.aggregate()?;
        let rhs = if a.starts_with("share") {
            self.rng.pick(&["80%", "100%", "20", "50%", "0"])
        } else {
            self.rng.pick(&["0", "1", "2"])
        };
        Some(format!("{a} {} {rhs}", self.rng.pick(&OPS)))
    }
}
