//! The schema data converts against: every subject's items as slots, by
//! name or label (NFC, case-insensitive), and the conversion kind of each.
//! `eval::schema` builds it from a checked plan.

use super::convert::{SlotKind, norm};
use hashbrown::HashMap;

/// One subject's items as data slots (the order of `Subject::decls`).
pub struct SubjectColumns {
    pub names: Vec<String>,
    /// Each item's label, if it has one.
    pub labels: Vec<Option<String>>,
    pub kinds: Vec<SlotKind>,
    /// Normalized item name or label → slot.
    pub by_title: HashMap<String, usize>,
}

/// All subjects' slots, and the special columns.
pub struct Columns {
    pub subjects: Vec<SubjectColumns>,
    /// Normalized subject name or label → subject index.
    pub subject_titles: HashMap<String, usize>,
    /// Each subject's name.
    pub subject_names: Vec<String>,
    /// The titles of `subject_titles` that are their own normal form (the
    /// usual `dang_vien`): a cell spelled so names its subject without
    /// being normalized.
    pub subject_spellings: Vec<(Box<[u8]>, usize)>,
}

impl Columns {
    /// The subject a cell's bytes name when, trimmed of ASCII spaces, they
    /// are a title in its normal form (`norm` of them is themselves: the
    /// same answer as looking their normal form up in `subject_titles`).
    #[inline]
    pub fn subject_spelled(&self, bytes: &[u8]) -> Option<usize> {
        let t = bytes.trim_ascii();
        self.subject_spellings.iter().find(|(s, _)| **s == *t).map(|(_, i)| *i)
    }

    /// Whether any subject has an item titled `header`.
    pub fn known(&self, header: &str) -> bool {
        let n = norm(header);
        matches!(n.as_str(), "id" | "subject" | "name")
            || self.subjects.iter().any(|s| s.by_title.contains_key(&n))
    }
}
