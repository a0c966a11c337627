//! Every word kehoach writes for people, from the Fluent catalogs
//! `locales/vi/kehoach.ftl` and `locales/en/kehoach.ftl` (embedded in the
//! binary): [`t`] and the [`t!`](crate::t) macro give a message in a language.

use crate::lang::Lang;
pub use fluent_bundle::FluentValue;
use fluent_bundle::{FluentArgs, FluentResource, concurrent::FluentBundle};
use std::sync::OnceLock;

/// The Vietnamese catalog, as written.
pub const VI: &str = include_str!("../locales/vi/kehoach.ftl");
/// The English catalog, as written.
pub const EN: &str = include_str!("../locales/en/kehoach.ftl");

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static VI_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::Vi => VI_BUNDLE.get_or_init(|| build("vi", VI)),
        Lang::En => EN_BUNDLE.get_or_init(|| build("en", EN)),
    }
}

/// A bundle of one catalog; the catalogs' test keeps them free of errors.
fn build(code: &str, text: &str) -> Bundle {
    let id: unic_langid::LanguageIdentifier = code.parse().unwrap_or_default();
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
    let mut b = Bundle::new_concurrent(vec![id]);
    b.set_use_isolating(false);
    // Only a duplicate id fails here, and the catalogs' test forbids those.
    let _ = b.add_resource(resource);
    b
}

/// Message `id` in `lang` with its variables; the id itself when the
/// catalog lacks it (a test keeps every id used in the sources in both).
pub fn t(lang: Lang, id: &str, vars: &[(&str, FluentValue<'_>)]) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else { return id.to_string() };
    let mut args = FluentArgs::with_capacity(vars.len());
    for (name, value) in vars {
        args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&args), &mut errors).into_owned()
}

/// Message `id` in `lang` without variables, when the catalog has it: for
/// ids made at run time (the help of each command and argument).
pub fn known(lang: Lang, id: &str) -> Option<String> {
    let b = bundle(lang);
    let pattern = b.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(b.format_pattern(pattern, None, &mut errors).into_owned())
}

/// `t!(lang, "some-id")` or `t!(lang, "some-id", name = value, …)`: message `some-id` of
/// the catalogs in `lang`, each value given as a Fluent variable.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal) => { $crate::words::t($lang, $id, &[]) };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::words::t($lang, $id, &[$((stringify!($name), $crate::words::FluentValue::from($value))),+])
    };
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
