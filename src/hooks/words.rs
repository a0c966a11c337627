//! Hook failures at run time in a plan author's terms: which limit tripped,
//! values and types as the plan names them (a number, a text, the record
//! `m`), never a Rust type. The words are `diag::HookFail`'s, in the catalogs.

use super::budget::Over;
use super::limits::*;
use super::record::RecordView;
use crate::diag::{HookFail, HookType, HookValue, HookWhy, Want};
use rhai::{Dynamic, EvalAltResult};

/// A rhai error in a plan author's terms; the sandbox limits say which limit.
pub fn in_words(e: &EvalAltResult) -> HookWhy {
    match e {
        EvalAltResult::ErrorTooManyOperations(_) => HookWhy::Operations(MAX_OPERATIONS),
        EvalAltResult::ErrorStackOverflow(_) => HookWhy::Stack(MAX_CALL_LEVELS),
        EvalAltResult::ErrorDataTooLarge(what, _) => HookWhy::TooLarge {
            what: what.to_lowercase(),
            limits: [MAX_STRING_SIZE, MAX_ARRAY_SIZE, MAX_MAP_SIZE],
        },
        EvalAltResult::ErrorPropertyNotFound(p, _) => HookWhy::Property(p.clone()),
        EvalAltResult::ErrorRuntime(v, _) => HookWhy::Threw(v.to_string()),
        EvalAltResult::ErrorFunctionNotFound(f, _) => HookWhy::NoFunction(signature(f)),
        EvalAltResult::ErrorMismatchDataType(want, got, _)
        | EvalAltResult::ErrorMismatchOutputType(want, got, _) => {
            HookWhy::Mismatch { got: type_word(got), want: type_word(want) }
        }
        EvalAltResult::ErrorIndexingType(ty, _) => HookWhy::Indexing(type_word(ty)),
        other => HookWhy::Other(other.to_string()),
    }
}

/// Past a budget of [`super::budget::Budget`].
pub fn over(o: Over) -> HookWhy {
    match o {
        Over::Time => HookWhy::Time(MAX_MILLIS),
        Over::Notes => HookWhy::Notes(MAX_NOTES, MAX_NOTE_BYTES),
    }
}

/// A hook not run because the hooks of the run used up their time.
pub fn not_run(hook: &str, limit: std::time::Duration) -> HookFail {
    let limit = match limit.subsec_millis() {
        0 if limit.as_secs() > 0 => format!("{} s", limit.as_secs()),
        _ => format!("{} ms", limit.as_millis()),
    };
    HookFail::NotRun { hook: hook.to_string(), limit }
}

/// A hook whose value is neither what its stage expects nor `()`.
pub fn wrong(hook: &str, want: Want, got: &Dynamic) -> HookFail {
    HookFail::Wrong { hook: hook.to_string(), want, got: value(got) }
}

/// A value as the plan author would name it.
pub fn value(v: &Dynamic) -> HookValue {
    if v.is::<RecordView>() {
        return HookValue::Record;
    }
    if let Ok(s) = v.as_immutable_string_ref() {
        return HookValue::Text(short(s.as_str()));
    }
    if let Ok(b) = v.as_bool() {
        return HookValue::Bool(b);
    }
    if v.is_int() || v.is_float() {
        return HookValue::Number(v.to_string());
    }
    HookValue::Of(type_word(v.type_name()))
}

/// `sleep (f64)` → `sleep(number)`: the signature as a plan author would
/// write it (a code, the same in every language).
fn signature(f: &str) -> String {
    let Some((name, args)) = f.split_once(" (") else { return f.to_string() };
    let args = args.trim_end_matches(')');
    let words: Vec<&str> =
        args.split(", ").filter(|x| !x.is_empty()).map(|a| arg_word(type_word(a))).collect();
    format!("{name}({})", words.join(", "))
}

/// A type inside a signature.
fn arg_word(ty: HookType) -> &'static str {
    match ty {
        HookType::Record => "the record `m`",
        HookType::TrueFalse => "true/false",
        HookType::Unit => "()",
        other => other.code(),
    }
}

/// A rhai or Rust type name as a plan author would say it.
fn type_word(ty: &str) -> HookType {
    // `&str | ImmutableString | String`: the first says it.
    let ty = ty.split(" | ").next().unwrap_or(ty);
    let ty = ty.trim_start_matches('&').trim_start_matches("mut ");
    match ty.rsplit("::").next().unwrap_or(ty) {
        "i64" | "i32" | "u64" | "f64" | "f32" | "int" | "float" | "INT" | "FLOAT" => HookType::Number,
        "string" | "String" | "ImmutableString" | "str" => HookType::Text,
        "bool" => HookType::TrueFalse,
        "char" => HookType::Character,
        "array" | "Array" | "Vec<Dynamic>" => HookType::Array,
        "map" | "Map" => HookType::Map,
        "Fn" | "FnPtr" => HookType::Function,
        "record" | "RecordView" => HookType::Record,
        "()" => HookType::Unit,
        t if t.starts_with("Range") || t.starts_with("range") => HookType::Range,
        _ => HookType::Value,
    }
}

/// A text shown in a message: at most 40 characters.
fn short(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn types_are_named_in_the_plan_authors_words() {
        assert_eq!(signature("sleep (f64)"), "sleep(number)");
        assert_eq!(signature("timestamp ()"), "timestamp()");
        assert_eq!(signature("open_file (&str | ImmutableString | String)"), "open_file(text)");
        assert_eq!(signature("+ (kehoach::hooks::record::RecordView, i64)"), "+(the record `m`, number)");
        let en = |v: Dynamic| value(&v).words(Lang::En);
        assert_eq!(en(Dynamic::from(1.5_f64)), "the number 1.5");
        assert_eq!(en(Dynamic::from(rhai::Array::new())), "an array");
        assert_eq!(en(Dynamic::from("x".repeat(50))), format!("the text `{}…`", "x".repeat(40)));
        assert_eq!(en(Dynamic::from(true)), "`true`");
        assert_eq!(value(&Dynamic::from(rhai::Array::new())).words(Lang::Vi), "một mảng");
        assert_eq!(value(&Dynamic::from(1.5_f64)).words(Lang::Vi), "số 1.5");
    }
}
