//! Random rhai hooks on `score` and `tier`: they read the record's
//! properties, its id, subject and score, and sometimes make notes — what
//! the remembered hook results (the `hook_memo` pass) must not get wrong.

use super::Rng;
use super::plan::Spec;

/// Zero to three hooks over the plan's subjects.
pub fn generate(rng: &mut Rng, spec: &Spec) -> Vec<String> {
    let n = [0, 0, 0, 1, 1, 2, 3][rng.below(7)];
    (0..n).map(|k| hook(rng, spec, k)).collect()
}

fn hook(rng: &mut Rng, spec: &Spec, k: usize) -> String {
    let s = rng.below(spec.subjects.len());
    let sub = &spec.subjects[s];
    let prop = match sub.items.is_empty() {
        true => "id",
        false => rng.pick(&sub.items).name,
    };
    let tiers: Vec<&str> = spec.tiers.iter().map(|t| t.0).collect();
    let tier = rng.word(&tiers);
    let on_score = rng.chance(60);
    let body = if on_score {
        match rng.below(6) {
            0 => format!("if m.{prop} == () {{ score }} else {{ score + 1 }}"),
            1 => format!("if m.{prop} == () {{ () }} else {{ note(\"Cộng điểm\"); score + 2.5 }}"),
            2 => "score * 1.05".to_string(),
            3 => format!("if m.id == \"{}1\" {{ 99 }} else {{ () }}", sub.prefix),
            4 => "if m.subject == \"huu_tri\" { score - 1 } else { score }".to_string(),
            _ => format!("let x = m.{prop}; if score > 50.0 {{ score }} else {{ score + 0.00004 }}"),
        }
    } else {
        match rng.below(4) {
            0 => format!("if m.{prop} == () {{ () }} else {{ \"{tier}\" }}"),
            1 => format!("if score < 50.0 {{ \"{tier}\" }} else {{ () }}"),
            2 => format!("if tier == \"{}\" {{ \"{tier}\" }} else {{ () }}", tiers[0]),
            _ => "print(tier); ()".to_string(),
        }
    };
    let stage = if on_score { "score" } else { "tier" };
    format!("hook h{k} for {} on {stage} ```\n  {body}\n```\n", sub.name)
}
