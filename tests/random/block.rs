//! A random `test` block of a random plan: records written in the plan
//! (values typed as `check` wants them, some left out, refs that resolve and
//! that do not), which `kehoach test` evaluates from memory, not from a file.

use super::Rng;
use super::expr::TEXTS;
use super::plan::{Kind, Spec};
use unicode_normalization::UnicodeNormalization;

/// A `test` block with a few records of each subject, or none.
pub fn generate(rng: &mut Rng, spec: &Spec) -> Option<String> {
    if !rng.chance(30) {
        return None;
    }
    let mut ids: Vec<(usize, String)> = Vec::new();
    for (s, sub) in spec.subjects.iter().enumerate() {
        for k in 1..=rng.range(0, 3) {
            ids.push((s, format!("{}{k}", sub.prefix)));
        }
    }
    let mut out = format!("\ntest \"ngẫu nhiên\" {{\n  year {}\n", spec.year);
    for (s, id) in &ids {
        let sub = &spec.subjects[*s];
        let mut values = Vec::new();
        for it in &sub.items {
            if rng.chance(85) {
                values.push(format!("{} = {}", it.name, value(rng, spec, &it.kind, &ids)));
            }
        }
        out.push_str(&format!("  record {} \"{id}\" {{\n    {}\n  }}\n", sub.name, values.join("  ")));
    }
    out.push_str("}\n");
    Some(out)
}

fn value(rng: &mut Rng, spec: &Spec, kind: &Kind, ids: &[(usize, String)]) -> String {
    match kind {
        Kind::Weight(_) => rng.pick(&spec.grades).0.to_string(),
        Kind::Points(p) => {
            let max: f64 = p.parse().unwrap_or(5.0);
            format!("{}", (max * rng.below(101) as f64 / 50.0).floor() / 2.0)
        }
        Kind::Flag => rng.word(&["true", "false"]).to_string(),
        Kind::Text => {
            let t = rng.pick(&TEXTS);
            format!("\"{}\"", if rng.chance(30) { t.nfd().collect() } else { t.to_string() })
        }
        Kind::Number => rng.word(&["0", "-3", "12.5", "40", "7"]).to_string(),
        Kind::Date => {
            format!("{}-{:02}-{:02}", spec.year - rng.below(3) as i32, rng.range(1, 12), rng.range(1, 28))
        }
        Kind::Choice(opts) => rng.pick(opts).0.to_string(),
        Kind::Tier => rng.pick(&spec.tiers).0.to_string(),
        Kind::Ref(t) => {
            let family: Vec<&String> =
                ids.iter().filter(|(s, _)| spec.in_family(*s, *t)).map(|(_, i)| i).collect();
            match family.is_empty() || rng.chance(10) {
                true => "\"ZZ9\"".to_string(),
                false => format!("\"{}\"", rng.pick(&family)),
            }
        }
    }
}
