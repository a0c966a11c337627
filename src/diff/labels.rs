//! The plan's own words for what a diff path names: the label of a
//! criterion, flag, field, group, grade, level or subject (from the new plan,
//! else the old one), and a path said for people in their language
//! ("Tiêu chí «Kết quả thực hiện nhiệm vụ» (`nhiem_vu`)", "trọng số").

use crate::lang::Lang;
use crate::resolve::Plan;
use crate::syntax::ast::ItemKind;
use crate::t;

/// Both plans of a diff, to name what a path points at.
#[derive(Clone, Copy)]
pub struct Namer<'a> {
    pub old: &'a Plan,
    pub new: &'a Plan,
}

/// A path cut into the item it names and the attribute changed (if any).
pub struct Said {
    /// The item in words, e.g. `Tiêu chí «…» (`nhiem_vu`)`; empty when the
    /// item is the section itself (a subject's own attribute).
    pub item: String,
    /// The attribute in words (`trọng số`), if the path names one.
    pub attr: Option<String>,
}

impl Namer<'_> {
    /// The label of the deepest labelled item `path` names; empty when none.
    pub fn label(&self, path: &str) -> String {
        [self.new, self.old].into_iter().find_map(|p| label_in(path, p)).unwrap_or_default()
    }

    /// A tier's label from its name, in the new plan or else the old one.
    pub fn tier(&self, name: &str) -> String {
        let found = [self.new, self.old].into_iter().find_map(|p| {
            p.tiers.as_ref()?.tiers.iter().find(|t| t.name.name == name).map(|t| t.label.value.clone())
        });
        found.unwrap_or_else(|| name.to_string())
    }

    /// A section's title: `Đối tượng «Đảng viên» (`dang_vien`)`.
    pub fn section(&self, section: &str, lang: Lang) -> String {
        let (head, name) = section.split_once(' ').unwrap_or((section, ""));
        if name.is_empty() {
            return t!(lang, "diff-section", section = head);
        }
        let label = self.label(&format!("{head}.{name}"));
        self.named(head, name, &label, lang)
    }

    fn named(&self, kind: &str, name: &str, label: &str, lang: Lang) -> String {
        if label.is_empty() {
            t!(lang, "diff-item-unlabelled", kind = kind, name = name)
        } else {
            t!(lang, "diff-item", kind = kind, label = label, name = name)
        }
    }

    /// What `path` names inside its section, for people.
    pub fn said(&self, path: &str, lang: Lang) -> Said {
        let parts: Vec<&str> = path.split('.').collect();
        let attr = |a: &str| Some(t!(lang, "diff-attr", attr = a));
        match parts.as_slice() {
            ["plan", key] => Said { item: t!(lang, "diff-header", key = *key), attr: None },
            ["scale", grade, rest @ ..] => {
                let label = self.label(&format!("scale.{grade}"));
                Said {
                    item: self.named("grade", grade, &label, lang),
                    attr: rest.first().and_then(|a| attr(a)),
                }
            }
            ["subject", _, kind @ ("criterion" | "flag" | "field" | "group"), name, rest @ ..] => {
                let label = self.label(path);
                Said { item: self.named(kind, name, &label, lang), attr: rest.first().and_then(|a| attr(a)) }
            }
            ["subject", _, key] | ["level", _, key] | ["hook", _, key] => {
                Said { item: String::new(), attr: attr(key) }
            }
            ["levels"] => Said { item: String::new(), attr: attr("order") },
            ["scale"] => Said { item: String::new(), attr: attr("name") },
            ["hooks", stage] => Said { item: t!(lang, "diff-hook-order", stage = *stage), attr: None },
            _ => Said { item: String::new(), attr: None },
        }
    }
}

fn label_in(path: &str, plan: &Plan) -> Option<String> {
    let parts: Vec<&str> = path.split('.').collect();
    let label = match parts.as_slice() {
        ["level", name, ..] => plan.levels.iter().find(|l| l.name.name == *name)?.label.as_ref(),
        ["scale", grade, ..] => {
            Some(&plan.scale.as_ref()?.grades.iter().find(|g| g.name.name == *grade)?.label)
        }
        ["subject", s, "group", name, ..] => plan.subject(s)?.groups.iter().find_map(|g| match &g.kind {
            ItemKind::Group(g) if g.name.name == *name => g.label.as_ref(),
            _ => None,
        }),
        ["subject", s, "criterion" | "field" | "flag", name, ..] => {
            match &plan.subject(s)?.decl(name)?.kind {
                ItemKind::Criterion(c) => c.label.as_ref(),
                ItemKind::Field(f) => f.label.as_ref(),
                ItemKind::Flag(f) => f.label.as_ref(),
                _ => None,
            }
        }
        ["subject", s, ..] => plan.subject(s)?.label.as_ref(),
        _ => None,
    };
    label.map(|l| l.value.clone())
}
