//! Why a value of a `test` block does not fit its item (or its year),
//! kept typed so that each language says it.

use crate::lang::Lang;
use crate::t;

#[derive(Clone, Debug, PartialEq)]
pub enum TestProblem {
    /// `year` that is not a year (its text).
    NotYear(String),
    /// A record's value for `item` that does not fit.
    Item { item: String, why: TestWhy },
}

#[derive(Clone, Debug, PartialEq)]
pub enum TestWhy {
    /// A name that is no grade's.
    NotGrade(String),
    /// A quoted value that is no grade's name, label or alias.
    NotGradeSpelling(String),
    /// Points past the criterion's most (the plan's literal).
    OutOfRange(String),
    GradeNotNumber,
    GradeOrPoints,
    TrueFalse,
    Number,
    Date,
    QuotedText,
    /// The quoted id of a record of this subject.
    Ref(String),
    TierName,
    /// One of the choice's options.
    OneOf(Vec<String>),
}

impl TestWhy {
    fn words(&self, lang: Lang) -> String {
        match self {
            TestWhy::NotGrade(v) => t!(lang, "tvw-not-grade", value = v.as_str()),
            TestWhy::NotGradeSpelling(v) => t!(lang, "tvw-not-grade-spelling", value = v.as_str()),
            TestWhy::OutOfRange(max) => t!(lang, "tvw-out-of-range", max = max.as_str()),
            TestWhy::GradeNotNumber => t!(lang, "tvw-grade-not-number"),
            TestWhy::GradeOrPoints => t!(lang, "tvw-grade-or-points"),
            TestWhy::TrueFalse => t!(lang, "tvw-true-false"),
            TestWhy::Number => t!(lang, "tvw-number"),
            TestWhy::Date => t!(lang, "tvw-date"),
            TestWhy::QuotedText => t!(lang, "tvw-text"),
            TestWhy::Ref(subject) => t!(lang, "tvw-ref", subject = subject.as_str()),
            TestWhy::TierName => t!(lang, "tvw-tier"),
            TestWhy::OneOf(options) => {
                let options: Vec<String> = match lang {
                    Lang::En => options.clone(),
                    _ => options.iter().map(|o| format!("`{o}`")).collect(),
                };
                t!(lang, "tvw-one-of", options = options.join(", "))
            }
        }
    }
}

impl TestProblem {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            TestProblem::NotYear(text) => t!(lang, "tv-not-year", text = text.as_str()),
            TestProblem::Item { item, why } => {
                t!(lang, "tv-item", item = item.as_str(), why = why.words(lang))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_test_value_in_both_languages() {
        let p = TestProblem::Item { item: "nhiem_vu".into(), why: TestWhy::NotGrade("tott".into()) };
        assert_eq!(p.words(Lang::En), "`nhiem_vu` needs a grade; `tott` is not one");
        assert_eq!(p.words(Lang::Vi), "`nhiem_vu` cần một mức đánh giá; `tott` không phải mức đánh giá");
    }
}
