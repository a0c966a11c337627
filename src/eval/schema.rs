//! What `data` and `hooks` need of a checked plan, so that neither reads the
//! model: each subject's items as data slots with the conversion kind of each
//! (grades and tiers by name or label), and the records as scripts see them.

use super::prepare::PSubject;
use crate::check::Model;
use crate::check::model::{CMeasure, CSubject};
use crate::data::{Columns, Labels, SlotKind, SubjectColumns, norm};
use crate::hooks::record as hooks;
use crate::resolve::model::Subject;
use crate::syntax::ast::{FieldType, ItemKind};
use crate::vocab::value::tier_rank;
use hashbrown::HashMap;

/// The schema of a checked plan's subjects.
pub(crate) fn columns(model: &Model) -> Columns {
    let grades = grade_kind(model);
    let tiers = tier_kind(model);
    let subjects = (model.plan.subjects.iter().zip(&model.subjects))
        .map(|(s, c)| subject_columns(s, c, &grades, &tiers))
        .collect();
    let mut subject_titles = HashMap::new();
    for (i, s) in model.plan.subjects.iter().enumerate() {
        subject_titles.insert(norm(&s.name.name), i);
        if let Some(l) = &s.label {
            subject_titles.entry(norm(&l.value)).or_insert(i);
        }
    }
    let subject_names = model.plan.subjects.iter().map(|s| s.name.name.clone()).collect();
    let subject_spellings = (subject_titles.iter())
        // An empty title (a subject labelled "") names no cell: an empty
        // cell has no subject, or the default one.
        .filter(|(t, _)| !t.is_empty() && norm(t) == **t)
        .map(|(t, &i)| (t.as_bytes().into(), i))
        .collect();
    Columns { subjects, subject_titles, subject_names, subject_spellings }
}

fn grade_kind(model: &Model) -> SlotKind {
    let mut labels = Labels::new();
    for g in &model.names.scale {
        labels.add(&g.name, g.value);
        labels.names.push(g.name.clone());
    }
    for g in &model.names.scale {
        labels.add(&g.label, g.value);
        labels.shown.push(g.label.clone());
        g.aliases.iter().for_each(|a| labels.add(a, g.value));
    }
    SlotKind::Grade(labels.with_table().into())
}

fn tier_kind(model: &Model) -> SlotKind {
    let mut labels = Labels::new();
    if let Some(tiers) = &model.plan.tiers {
        let n = tiers.tiers.len();
        for (i, t) in tiers.tiers.iter().enumerate() {
            labels.add(&t.name.name, tier_rank(i, n));
            labels.names.push(t.name.name.clone());
        }
        for (i, t) in tiers.tiers.iter().enumerate() {
            labels.add(&t.label.value, tier_rank(i, n));
            labels.shown.push(t.label.value.clone());
            t.aliases.iter().for_each(|a| labels.add(&a.value, tier_rank(i, n)));
        }
    }
    SlotKind::Tier(labels.with_table())
}

fn subject_columns(s: &Subject, cs: &CSubject, grades: &SlotKind, tiers: &SlotKind) -> SubjectColumns {
    let mut out =
        SubjectColumns { names: Vec::new(), labels: Vec::new(), kinds: Vec::new(), by_title: HashMap::new() };
    for (slot, d) in s.decls.iter().enumerate() {
        let (name, label, kind) = match &d.kind {
            ItemKind::Criterion(c) => {
                // A checked model holds the exact numbers of every criterion.
                let Some((_, m)) = cs.measures.iter().find(|(at, _)| *at == slot) else { continue };
                let kind = match m {
                    CMeasure::Weight { .. } => grades.clone(),
                    CMeasure::Points(max) => SlotKind::Points(*max),
                };
                (&c.name.name, &c.label, kind)
            }
            ItemKind::Flag(f) => (&f.name.name, &f.label, SlotKind::Flag),
            ItemKind::Field(f) => (&f.name.name, &f.label, field_kind(&f.ty, tiers)),
            _ => continue,
        };
        out.by_title.insert(norm(name), slot);
        if let Some(l) = label {
            out.by_title.entry(norm(&l.value)).or_insert(slot);
        }
        out.names.push(name.clone());
        out.labels.push(label.as_ref().map(|l| l.value.clone()));
        out.kinds.push(kind);
    }
    out
}

fn field_kind(ty: &FieldType, tiers: &SlotKind) -> SlotKind {
    match ty {
        FieldType::Number => SlotKind::Number,
        FieldType::Text => SlotKind::Text,
        FieldType::Date => SlotKind::Date,
        FieldType::Tier => tiers.clone(),
        FieldType::Ref(_) => SlotKind::Ref,
        FieldType::Choice(opts) => {
            let mut labels = Labels::new();
            for (i, o) in opts.iter().enumerate() {
                labels.add(&o.name.name, i);
                labels.names.push(o.name.name.clone());
            }
            for (i, o) in opts.iter().enumerate() {
                if let Some(l) = &o.label {
                    labels.add(&l.value, i);
                    labels.shown.push(l.value.clone());
                }
            }
            SlotKind::Choice(labels.with_table())
        }
    }
}

/// What hook scripts see of each subject's records: item names by slot and
/// how each shows (flags as booleans, choices by option name).
pub(crate) fn hooks(model: &Model, prepared: &[PSubject]) -> hooks::Schema {
    let plan = &model.plan;
    let subjects = (plan.subjects.iter().zip(prepared))
        .map(|(s, p)| hooks::SubjectSchema {
            name: s.name.name.clone(),
            items: (p.names.iter().enumerate())
                .map(|(slot, n)| (n.clone(), show(s.decls.get(slot).map(|d| &d.kind))))
                .collect(),
        })
        .collect();
    hooks::Schema {
        subjects,
        grades: model.names.scale.iter().map(|g| (g.value, g.name.clone())).collect(),
        tiers: model.names.tiers.clone(),
    }
}

fn show(kind: Option<&ItemKind>) -> hooks::Show {
    match kind {
        Some(ItemKind::Flag(_)) => hooks::Show::Flag,
        Some(ItemKind::Field(f)) => match &f.ty {
            FieldType::Choice(opts) => {
                hooks::Show::Choice(opts.iter().map(|o| o.name.name.as_str().into()).collect())
            }
            _ => hooks::Show::Plain,
        },
        _ => hooks::Show::Plain,
    }
}

#[cfg(test)]
mod tests {
    use crate::data::norm;

    fn columns() -> crate::data::Columns {
        let model =
            crate::check::check_path(std::path::Path::new("plans/hanoi/01-KH-TU.kh")).unwrap().model.unwrap();
        super::columns(&model)
    }

    /// The city plan with the leaders' subject labelled "".
    fn unlabelled() -> crate::data::Columns {
        let dir = tempfile::tempdir().unwrap();
        let text = std::fs::read_to_string("plans/hanoi/01-KH-TU.kh").unwrap();
        let text = text.replace("subject bi_thu \"Bí thư chi bộ (cá nhân lãnh đạo)\"", "subject bi_thu \"\"");
        let plan = dir.path().join("p.kh");
        std::fs::write(&plan, text).unwrap();
        // The data file of its test block.
        std::fs::create_dir(dir.path().join("data")).unwrap();
        std::fs::copy("plans/hanoi/data/han-muc.csv", dir.path().join("data/han-muc.csv")).unwrap();
        super::columns(&crate::check::check_path(&plan).unwrap().model.unwrap())
    }

    /// A subject found by its spelling is the one its normal form names;
    /// an empty cell names none (every cell of a few spellings with spaces
    /// around them).
    #[test]
    fn a_subject_spelled_is_the_subject_its_normal_form_names() {
        let words =
            ["dang_vien", "Dang_Vien", "chi_bo", "chi bộ", "Chi bộ", "chi\u{301}_bo", "bi_thu", "x", ""];
        for cols in [columns(), unlabelled()] {
            for before in ["", " ", "\t", " \t"] {
                for after in ["", " ", "\u{a0}", " \u{a0}"] {
                    for word in words {
                        let cell = format!("{before}{word}{after}");
                        let by_norm = cols.subject_titles.get(&norm(&cell)).copied();
                        if let Some(s) = cols.subject_spelled(cell.as_bytes()) {
                            assert!(!cell.trim().is_empty(), "an empty cell names no subject: {cell:?}");
                            assert_eq!(Some(s), by_norm, "{cell:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_usual_spellings_are_found_without_normalizing() {
        let cols = columns();
        assert!(cols.subject_spelled(b" dang_vien ").is_some());
        assert_eq!(cols.subject_spelled(b"Dang_Vien"), None);
        let cols = unlabelled();
        assert!(cols.subject_titles.contains_key(""), "the plan labels a subject \"\"");
        assert!(cols.subject_spelled(b"bi_thu").is_some());
        assert_eq!((cols.subject_spelled(b""), cols.subject_spelled(b"  ")), (None, None));
    }
}
