//! The lines of a random subject after its items — `exempt`, `rule`,
//! `otherwise`, `cap`, `quota` — with the subjects each line waits for.

use super::expr::Gen;
use super::plan::Kind;

pub struct Lines {
    pub lines: Vec<String>,
    pub rule_deps: Vec<usize>,
    pub other_deps: Vec<usize>,
    pub own_rules: bool,
}

impl Gen<'_> {
    /// Every line of the subject after its items.
    pub fn lines(mut self) -> Lines {
        let base = self.spec.subjects[self.s].extends.is_none();
        let mut out =
            Lines { lines: Vec::new(), rule_deps: Vec::new(), other_deps: Vec::new(), own_rules: base };
        for _ in 0..[0, 0, 0, 1, 1, 2][self.rng.below(6)] {
            let cond = self.exemption();
            let review = if self.rng.chance(30) { " review" } else { "" };
            out.lines.push(format!("exempt when {cond}{}{review}", self.because()));
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
            let d = self.rng.pick(&dates);
            let months = if self.rng.chance(30) {
                format!("months_between({d}, 2020-12-10)")
            } else {
                format!("months_since({d})")
            };
            return format!("{months} < {}", self.rng.pick(&["6", "12", "3"]));
        }
        if self.rng.chance(25)
            && let Some(agg) = self.agg_cmp()
        {
            return agg;
        }
        // Mostly a condition that rarely holds, so that records get classified.
        let c = self.cond(self.here(), 2);
        if self.rng.chance(60) { format!("{} and {}", self.part_of(c), self.atom(self.here())) } else { c }
    }

    pub(super) fn tier(&mut self) -> &'static str {
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
}
