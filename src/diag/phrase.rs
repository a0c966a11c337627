//! The short English phrases that diagnostics are built from where they
//! are found (`what` nouns such as "criterion", types such as "a number",
//! what a parse expected), said in a language. English keeps them as
//! written; other languages look each up in the catalogs (`ph-…`), and a
//! phrase the catalogs lack stays as it is (a test lists those of the sources).

use crate::lang::Lang;
use crate::t;

/// `en` in `lang`.
pub fn phrase(lang: Lang, en: &str) -> String {
    if lang == Lang::En || en.starts_with('`') {
        return en.to_string();
    }
    if let Some(field) = en.strip_prefix("a choice of ") {
        return t!(lang, "ph-choice-of", field = field);
    }
    if let Some(size) = en.strip_prefix("is larger than ") {
        return t!(lang, "ph-larger-than", size = size);
    }
    if let Some((tier, line)) = en.strip_prefix("rule `").and_then(|r| r.split_once("` on line ")) {
        return t!(lang, "ph-rule-on-line", tier = tier, line = line);
    }
    lookup(lang, en).unwrap_or_else(|| en.to_string())
}

/// "a, b or c" in `lang`, each phrase said in it.
pub fn join_or(lang: Lang, phrases: &[String]) -> String {
    let said: Vec<String> = phrases.iter().map(|p| phrase(lang, p)).collect();
    match said.as_slice() {
        [] => phrase(lang, "something else"),
        [one] => one.clone(),
        [init @ .., last] => t!(lang, "ph-or", init = init.join(", "), last = last.as_str()),
    }
}

fn lookup(lang: Lang, en: &str) -> Option<String> {
    lookup_noun(lang, en).or_else(|| lookup_syntax(lang, en)).or_else(|| lookup_file(lang, en))
}

/// Why a hook's file cannot be used.
fn lookup_file(lang: Lang, en: &str) -> Option<String> {
    Some(match en {
        "is an absolute path" => t!(lang, "ph-absolute-path"),
        "is outside the plan's folder" => t!(lang, "ph-outside-folder"),
        "is not valid UTF-8" => t!(lang, "ph-not-utf8"),
        "does not exist" => t!(lang, "ph-does-not-exist"),
        "cannot be read (permission denied)" => t!(lang, "ph-permission-denied"),
        "is a directory" => t!(lang, "ph-is-directory"),
        _ => return None,
    })
}

/// Things a plan declares, as `what` names them.
fn lookup_noun(lang: Lang, en: &str) -> Option<String> {
    Some(match en {
        "criterion" => t!(lang, "ph-criterion"),
        "flag" => t!(lang, "ph-flag"),
        "field" => t!(lang, "ph-field"),
        "grade" => t!(lang, "ph-grade"),
        "tier" => t!(lang, "ph-tier"),
        "subject" => t!(lang, "ph-subject"),
        "level" => t!(lang, "ph-level"),
        "group" => t!(lang, "ph-group"),
        "hook" => t!(lang, "ph-hook"),
        "record" => t!(lang, "ph-record"),
        "block" => t!(lang, "ph-block"),
        "name" => t!(lang, "ph-name"),
        "cap" => t!(lang, "ph-cap"),
        "exemption" => t!(lang, "ph-exemption"),
        "display column" => t!(lang, "ph-display-column"),
        "criterion, flag or field" => t!(lang, "ph-item"),
        "rule list of" => t!(lang, "ph-rule-list-of"),
        "exemption list of" => t!(lang, "ph-exemption-list-of"),
        "ref or tier field" => t!(lang, "ph-ref-or-tier-field"),
        "`plan` header" => t!(lang, "ph-plan-header"),
        "`tiers` block" => t!(lang, "ph-tiers-block"),
        "a grade" => t!(lang, "ph-a-grade"),
        "a tier" => t!(lang, "ph-a-tier"),
        "a subject" => t!(lang, "ph-a-subject"),
        "a group" => t!(lang, "ph-a-group"),
        "a value" => t!(lang, "ph-a-value"),
        "a yes/no condition" => t!(lang, "ph-a-condition"),
        "a number" => t!(lang, "ph-a-number"),
        "a date" => t!(lang, "ph-a-date"),
        "a day and month" => t!(lang, "ph-a-day-month"),
        "a text" => t!(lang, "ph-a-text"),
        "arithmetic" => t!(lang, "ph-arithmetic"),
        "the rules before it" => t!(lang, "ph-rules-before"),
        _ => return None,
    })
}

/// What a parse expected or found.
fn lookup_syntax(lang: Lang, en: &str) -> Option<String> {
    Some(match en {
        "end of file" => t!(lang, "ph-end-of-file"),
        "end of line" => t!(lang, "ph-end-of-line"),
        "a backtick" => t!(lang, "ph-backtick"),
        "something else" => t!(lang, "ph-something-else"),
        "a plan" => t!(lang, "ph-a-plan"),
        "more" => t!(lang, "ph-more"),
        "less" => t!(lang, "ph-less"),
        "nothing" | "none" => t!(lang, "ph-nothing"),
        "a name" => t!(lang, "ph-a-name"),
        "a quoted string" => t!(lang, "ph-quoted-string"),
        "a percentage such as `20%`" => t!(lang, "ph-percentage"),
        "a date such as `2020-11-06`" => t!(lang, "ph-date-such-as"),
        "a day and month such as `15/12`" => t!(lang, "ph-day-month-such-as"),
        "a comparison (`==`, `>=`, …)" => t!(lang, "ph-comparison"),
        "an operator" => t!(lang, "ph-operator"),
        "the plan header `plan \"ID\" { … }`" => t!(lang, "ph-header"),
        "a condition" => t!(lang, "ph-condition"),
        "a value or expression" => t!(lang, "ph-value-or-expression"),
        "a script block opened by ``` at the end of the line" => t!(lang, "ph-script"),
        "a plan item" => t!(lang, "ph-plan-item"),
        "a subject item (`criterion`, `flag`, `field`, `rule`, …)" => t!(lang, "ph-subject-item"),
        "a declaration (`scale`, `tiers`, `level`, `subject`, `hook`, `test`)" => t!(lang, "ph-declaration"),
        "a header entry (`title`, `issuer`, `issued`, …)" => t!(lang, "ph-header-entry"),
        "a test item (`year`, `data`, `record`, `expect`)" => t!(lang, "ph-test-item"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_stays_and_vietnamese_is_looked_up() {
        assert_eq!(phrase(Lang::En, "criterion"), "criterion");
        assert_eq!(phrase(Lang::Vi, "criterion"), "tiêu chí");
        assert_eq!(phrase(Lang::Vi, "a choice of `x`"), "một lựa chọn của `x`");
        assert_eq!(phrase(Lang::Vi, "`}`"), "`}`");
        let list = ["a name".to_string(), "`{`".to_string(), "end of file".to_string()];
        assert_eq!(join_or(Lang::En, &list), "a name, `{` or end of file");
        assert_eq!(join_or(Lang::Vi, &list), "một tên, `{` hoặc hết tệp");
    }

    /// Every `what: "…"` noun the sources give a diagnostic is said in Vietnamese.
    #[test]
    fn every_noun_of_the_sources_has_vietnamese() {
        let mut missing = Vec::new();
        nouns(std::path::Path::new("src"), &mut missing);
        assert!(missing.is_empty(), "{missing:?}");
    }

    fn nouns(dir: &std::path::Path, missing: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                nouns(&p, missing);
            } else if p.extension().is_some_and(|x| x == "rs")
                && !p.starts_with("src/diff")
                && !p.ends_with("phrase.rs")
            {
                let text = std::fs::read_to_string(&p).unwrap();
                for (at, _) in text.match_indices("what: \"") {
                    let what = text[at + 7..].split('"').next().unwrap_or_default();
                    if phrase(Lang::Vi, what) == what && !what.starts_with('`') {
                        missing.push(format!("{}: {what}", p.display()));
                    }
                }
            }
        }
    }
}
