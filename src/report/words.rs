//! Every word of the workbook and of the HTML reports, from the catalogs
//! (`w-…` ids of `locales/*/kehoach.ftl`). The templates hold structure only
//! and read these as `w`.

use crate::lang::Lang;

macro_rules! words {
    ($($name:ident)*) => {
        /// The words of one language.
        #[derive(Debug, serde::Serialize)]
        pub struct Words { $(pub $name: &'static str,)* }
        impl Words {
            /// The words of `lang`, made once per run (hence `'static`).
            fn load(lang: Lang) -> Words {
                let word = |name: &str| {
                    crate::words::t(lang, &format!("w-{}", name.replace('_', "-")), &[]).leak() as &'static str
                };
                Words { $($name: word(stringify!($name)),)* }
            }
        }
    };
}

words! {
    sheet_results sheet_summary sheet_exempt sheet_errors id subject unit score tier abbr status
    reasons why_exempt total classified count share exempt errors file place column problem status_classified
    status_exempt status_error subtotal grand_total no_unit no_subject line row record whole_file
    exact party reporter doc_number name count_short dated report_kind report_title carrying_out
    of_date of_issuer about plan_head number issued issuer basis supersedes year records_read part_summary
    part_chart chart_note part_units part_problems not_by_unit quota_use allowed quota_of moved
    moved_from moved_to rank exempt_list error_list file_problems warnings none recipients archive
    author sign made_by diff_title diff_with old_plan new_plan changes change_count same item change
    old new direction added removed changed impact moved_count matrix who_moves previous_tier
}

impl Words {
    pub fn of(lang: Lang) -> &'static Words {
        static VI: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
        static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
        match lang {
            Lang::Vi => VI.get_or_init(|| Words::load(Lang::Vi)),
            Lang::En => EN.get_or_init(|| Words::load(Lang::En)),
        }
    }

    /// A status in words.
    pub fn status(&self, s: crate::eval::outcome::Status) -> &'static str {
        use crate::eval::outcome::Status;
        match s {
            Status::Classified => self.status_classified,
            Status::Exempt => self.status_exempt,
            Status::Error | Status::Pending => self.status_error,
        }
    }

    /// Where a record is in its file: `dòng 12`, `hàng 5`, `bản ghi [3]`.
    pub fn at(&self, at: crate::data::At) -> String {
        use crate::data::At;
        match at {
            At::Line(n) => format!("{} {n}", self.line),
            At::Row(n) => format!("{} {n}", self.row),
            At::Index(n) => format!("{} [{n}]", self.record),
        }
    }
}

pub use crate::text::abbreviation;

/// `x` with `places` decimals at most, in the language's style: a comma
/// before the decimals in Vietnamese (`87,5`), a point in English.
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    let text = format!("{x:.places$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    lang.number(text)
}

/// An exact number rounded half away from zero to `places` decimals (never
/// through `f64`, so `89.995` shows as `90` and not `89.99`), in the
/// language's style.
pub fn exact(lang: Lang, x: crate::exact::Exact, places: u32) -> String {
    in_style(lang, x.show(places))
}

/// A number already written with a decimal point, in the language's style.
pub fn in_style(lang: Lang, text: String) -> String {
    lang.number(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_tiers_have_their_abbreviations_and_others_their_labels() {
        assert_eq!(abbreviation("Hoàn thành xuất sắc nhiệm vụ"), "HTXSNV");
        assert_eq!(abbreviation("Hoa\u{300}n tha\u{300}nh nhie\u{323}\u{302}m vu\u{323}"), "HTNV");
        assert_eq!(abbreviation("KHÔNG HOÀN THÀNH NHIỆM VỤ"), "KHTNV");
        assert_eq!(abbreviation("Trong sạch, vững mạnh"), "Trong sạch, vững mạnh");
    }

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(decimal(Lang::Vi, 87.5, 2), "87,5");
        let x = crate::exact::Exact::ratio(89_995, 1000).unwrap();
        assert_eq!(exact(Lang::Vi, x, 2), "90");
        assert_eq!(exact(Lang::En, crate::exact::Exact::ratio(17, 8).unwrap(), 2), "2.13");
        assert_eq!(decimal(Lang::En, 87.5, 2), "87.5");
        assert_eq!(decimal(Lang::Vi, 12.0, 1), "12");
        assert_eq!(decimal(Lang::Vi, 2.0 / 3.0 * 100.0, 1), "66,7");
    }
}

#[cfg(test)]
mod catalog_tests {
    use super::*;

    #[test]
    fn every_word_of_the_reports_is_in_both_catalogs() {
        for lang in [Lang::Vi, Lang::En] {
            let words = serde_json::to_value(Words::of(lang)).unwrap();
            let missing: Vec<_> = words
                .as_object()
                .unwrap()
                .values()
                .filter(|v| v.as_str().is_some_and(|s| s.starts_with("w-")))
                .collect();
            assert!(missing.is_empty(), "{lang:?}: {missing:?}");
        }
    }
}
