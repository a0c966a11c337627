//! The language of the words kehoach writes for people (issue 20 will carry
//! it to every output): `--lang`, else `KEHOACH_LANG`, else the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`); Vietnamese unless English is asked for.

use clap::ValueEnum;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// `flag` when given, else the environment's choice (see [`Lang::from_vars`]).
    pub fn detect(flag: Option<Lang>) -> Lang {
        flag.unwrap_or_else(|| Lang::from_vars(|name| std::env::var(name).ok()))
    }

    /// The first of `KEHOACH_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG` that is
    /// set and not empty decides: `vi…` Vietnamese, `en…` English, anything
    /// else (`C`, `POSIX`, another language) Vietnamese, the tool's own.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        let value = ["KEHOACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|v| !v.trim().is_empty())
            .unwrap_or_default();
        if value.trim().to_ascii_lowercase().starts_with("en") { Lang::En } else { Lang::Vi }
    }

    /// A number written with a decimal point, in the language's style: a
    /// comma before the decimals in Vietnamese (`87,5`).
    pub fn number(self, text: &str) -> String {
        match self {
            Lang::Vi => text.replace('.', ","),
            Lang::En => text.to_string(),
        }
    }

    /// The language's code, as HTML's `lang` attribute wants it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> Lang {
        Lang::from_vars(|name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_string()))
    }

    #[test]
    fn the_first_variable_set_decides_and_vietnamese_is_the_default() {
        assert_eq!(with(&[]), Lang::Vi);
        assert_eq!(with(&[("LANG", "en_US.UTF-8")]), Lang::En);
        assert_eq!(with(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "vi_VN.UTF-8")]), Lang::Vi);
        assert_eq!(with(&[("LC_ALL", "vi_VN"), ("KEHOACH_LANG", "en")]), Lang::En);
        assert_eq!(with(&[("KEHOACH_LANG", " "), ("LC_MESSAGES", "EN_GB")]), Lang::En);
        assert_eq!(with(&[("LANG", "C.UTF-8")]), Lang::Vi);
        assert_eq!(with(&[("LANG", "fr_FR")]), Lang::Vi);
        assert_eq!(Lang::detect(Some(Lang::En)), Lang::En);
    }
}
