//! The words of a related place shown under a diagnostic (a note), kept as
//! a kind until rendered in a language.

use crate::lang::Lang;
use crate::t;

#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// `lock WORD` (`caps`, `exempt`, `rules`).
    LockedBy(&'static str),
    /// The parent plan's `cap` or `exemption` (English word) that reads it.
    ReadBy(&'static str),
    ParentCap,
    ParentRules,
    ParentQuota,
    ParentDeadline,
    LowerDeadline,
    GroupTotal(String),
    ParentSubject(String),
    FirstHere,
    FirstDeclared,
    FirstNamed,
    Declared,
    DeclaredByParent,
    LockedHere,
    SpelledSo,
    /// Where an unclosed block opens.
    OpensHere,
    /// The subject that inherits the line a finding is on.
    Inherits(String),
    /// The parent plan's use of a field a child retyped.
    ParentUse(String),
}

impl Note {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Note::LockedBy(what) => t!(lang, "note-locked-by", what = *what),
            Note::ReadBy(what) => t!(lang, "note-read-by", what = super::phrase::phrase(lang, what)),
            Note::ParentCap => t!(lang, "note-parent-cap"),
            Note::ParentRules => t!(lang, "note-parent-rules"),
            Note::ParentQuota => t!(lang, "note-parent-quota"),
            Note::ParentDeadline => t!(lang, "note-parent-deadline"),
            Note::LowerDeadline => t!(lang, "note-lower-deadline"),
            Note::GroupTotal(g) => t!(lang, "note-group-total", group = g.as_str()),
            Note::ParentSubject(s) => t!(lang, "note-parent-subject", subject = s.as_str()),
            Note::FirstHere => t!(lang, "note-first-here"),
            Note::FirstDeclared => t!(lang, "note-first-declared"),
            Note::FirstNamed => t!(lang, "note-first-named"),
            Note::Declared => t!(lang, "note-declared"),
            Note::DeclaredByParent => t!(lang, "note-declared-by-parent"),
            Note::LockedHere => t!(lang, "note-locked-here"),
            Note::SpelledSo => t!(lang, "note-spelled-so"),
            Note::OpensHere => t!(lang, "note-opens-here"),
            Note::Inherits(s) => t!(lang, "note-inherits", subject = s.as_str()),
            Note::ParentUse(n) => t!(lang, "note-parent-use", name = n.as_str()),
        }
    }
}
