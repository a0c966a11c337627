//! The words of hook failures at run time, in a plan author's terms: which
//! limit tripped and its value, and values and types as the plan names them
//! (a number, a text, the record `m`), never a Rust type.

use super::budget::Over;
use super::limits::*;
use super::record::RecordView;
use rhai::{Dynamic, EvalAltResult};

/// A rhai error in a plan author's words; the sandbox limits say which limit.
pub fn in_words(e: &EvalAltResult) -> String {
    match e {
        EvalAltResult::ErrorTooManyOperations(_) => {
            format!("it ran more than {MAX_OPERATIONS} operations, the limit for one call of a hook")
        }
        EvalAltResult::ErrorStackOverflow(_) => {
            format!("it nested function calls more than {MAX_CALL_LEVELS} levels deep")
        }
        EvalAltResult::ErrorDataTooLarge(what, _) => format!(
            "{} grew past its limit (strings {MAX_STRING_SIZE} bytes, arrays {MAX_ARRAY_SIZE} items, maps {MAX_MAP_SIZE} entries)",
            what.to_lowercase()
        ),
        EvalAltResult::ErrorPropertyNotFound(p, _) => {
            format!("the record has no property `{p}` (a misspelt name, or one the subject does not declare)")
        }
        EvalAltResult::ErrorRuntime(v, _) => format!("it threw `{v}`"),
        EvalAltResult::ErrorFunctionNotFound(f, _) => {
            format!("it calls `{}`, which hooks do not have", signature(f))
        }
        EvalAltResult::ErrorMismatchDataType(want, got, _)
        | EvalAltResult::ErrorMismatchOutputType(want, got, _) => {
            format!("it gives {} where {} is expected", a(type_word(got)), a(type_word(want)))
        }
        EvalAltResult::ErrorIndexingType(ty, _) => {
            format!("it indexes {}, which cannot be indexed", a(type_word(ty)))
        }
        other => other.to_string(),
    }
}

/// Past a budget of [`super::budget::Budget`].
pub fn over(o: Over) -> String {
    match o {
        Over::Time => format!(
            "it ran longer than {MAX_MILLIS} ms, the time limit for one call of a hook (this limit depends on the machine)"
        ),
        Over::Notes => format!(
            "it made more than {MAX_NOTES} notes or {MAX_NOTE_BYTES} bytes of notes, the limit for one call of a hook"
        ),
    }
}

/// A hook not run because the hooks of the run used up their time.
pub fn not_run(hook: &str, limit: std::time::Duration) -> String {
    let limit = match limit.subsec_millis() {
        0 if limit.as_secs() > 0 => format!("{} s", limit.as_secs()),
        _ => format!("{} ms", limit.as_millis()),
    };
    format!(
        "hook `{hook}` was not run: the hooks of this run have used more than {limit} together, the time limit for one run (this limit depends on the machine)"
    )
}

/// A hook whose value is neither what its stage expects nor `()`.
pub fn wrong(hook: &str, want: &str, got: &Dynamic) -> String {
    format!("hook `{hook}` must give {want} or `()`, not {}", value(got))
}

/// A value as the plan author would name it.
pub fn value(v: &Dynamic) -> String {
    if v.is::<RecordView>() {
        return "the record `m`".into();
    }
    if let Ok(s) = v.as_immutable_string_ref() {
        return format!("the text `{}`", short(s.as_str()));
    }
    if let Ok(b) = v.as_bool() {
        return format!("`{b}`");
    }
    if v.is_int() || v.is_float() {
        return format!("the number {v}");
    }
    a(type_word(v.type_name()))
}

/// `sleep (f64)` → `sleep(number)`.
fn signature(f: &str) -> String {
    let Some((name, args)) = f.split_once(" (") else { return f.to_string() };
    let args = args.trim_end_matches(')');
    let words: Vec<&str> = args.split(", ").filter(|x| !x.is_empty()).map(type_word).collect();
    format!("{name}({})", words.join(", "))
}

/// A rhai or Rust type name as a plan author would say it.
fn type_word(ty: &str) -> &str {
    // `&str | ImmutableString | String`: the first says it.
    let ty = ty.split(" | ").next().unwrap_or(ty);
    let ty = ty.trim_start_matches('&').trim_start_matches("mut ");
    match ty.rsplit("::").next().unwrap_or(ty) {
        "i64" | "i32" | "u64" | "f64" | "f32" | "int" | "float" | "INT" | "FLOAT" => "number",
        "string" | "String" | "ImmutableString" | "str" => "text",
        "bool" => "true/false",
        "char" => "character",
        "array" | "Array" | "Vec<Dynamic>" => "array",
        "map" | "Map" => "map",
        "Fn" | "FnPtr" => "function",
        "record" | "RecordView" => "the record `m`",
        "()" => "()",
        t if t.starts_with("Range") || t.starts_with("range") => "range",
        _ => "value",
    }
}

/// With its article: `a number`, `an array`; names that carry their own stay.
fn a(word: &str) -> String {
    match word {
        "()" | "true/false" => format!("`{word}`"),
        w if w.starts_with("the ") => w.to_string(),
        w if w.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {w}"),
        w => format!("a {w}"),
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

    #[test]
    fn types_are_named_in_the_plan_authors_words() {
        assert_eq!(signature("sleep (f64)"), "sleep(number)");
        assert_eq!(signature("timestamp ()"), "timestamp()");
        assert_eq!(signature("open_file (&str | ImmutableString | String)"), "open_file(text)");
        assert_eq!(signature("+ (kehoach::hooks::record::RecordView, i64)"), "+(the record `m`, number)");
        assert_eq!(value(&Dynamic::from(1.5_f64)), "the number 1.5");
        assert_eq!(value(&Dynamic::from(rhai::Array::new())), "an array");
        assert_eq!(value(&Dynamic::from("x".repeat(50))), format!("the text `{}…`", "x".repeat(40)));
        assert_eq!(value(&Dynamic::from(true)), "`true`");
    }
}
