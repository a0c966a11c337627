//! `--help` and usage mistakes in the reader's language. clap has one
//! language; the help of every command and argument comes from the catalogs
//! (`help-…` ids, checked complete by a test), the values an argument takes
//! are said in its help, and clap's few fixed words are put in the language.

use crate::lang::Lang;
use crate::words::known;
use clap::{Arg, Command};
use std::ffi::OsString;

/// The language asked for on the command line (`--lang vi`, `--lang=en`),
/// before the command line is parsed, so that its help is in it.
pub fn lang_in(args: &[OsString]) -> Option<Lang> {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => continue,
        };
        match value.as_deref() {
            Some("en") => return Some(Lang::En),
            Some("vi") => return Some(Lang::Vi),
            _ => {}
        }
    }
    None
}

/// The command line with its help in `lang`.
pub fn command(cmd: Command, lang: Lang) -> Command {
    let cmd = localize(cmd.disable_help_subcommand(true), lang, "");
    cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help(word(lang, "help-arg-version"))
            .help_heading(word(lang, "help-options")),
    )
}

fn template(lang: Lang) -> String {
    let usage = word(lang, "help-usage");
    format!("{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}")
}

fn word(lang: Lang, id: &str) -> String {
    known(lang, id).unwrap_or_else(|| id.to_string())
}

/// `cmd` (at `path`: `""` for `kehoach`, `"-eval"` for `kehoach eval`) and
/// its subcommands with the catalogs' help.
fn localize(cmd: Command, lang: Lang, path: &str) -> Command {
    let mut cmd = cmd
        .about(word(lang, &format!("help-cmd{path}")))
        .help_template(template(lang))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(word(lang, "help-arg-help"))
                .help_heading(word(lang, "help-options")),
        )
        .subcommand_help_heading(word(lang, "help-commands"));
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        let help = arg_help(lang, path, &id);
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() { "help-arguments" } else { "help-options" };
            let values = a.get_action().takes_values();
            a.help(help).hide_possible_values(values).help_heading(word(lang, heading))
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for s in subs {
        cmd = cmd.mut_subcommand(&s, |sc| localize(sc, lang, &format!("{path}-{s}")));
    }
    cmd
}

/// The help of argument `id` of the command at `path`: its own
/// (`help-eval-format`) or the one all commands share (`help-arg-year`).
fn arg_help(lang: Lang, path: &str, id: &str) -> String {
    known(lang, &format!("help{path}-{id}")).unwrap_or_else(|| word(lang, &format!("help-arg-{id}")))
}

/// clap's own words in a usage mistake or a help page, in `lang`.
pub fn clap_words(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    const WORDS: [(&str, &str); 19] = [
        ("error: ", "lỗi: "),
        ("Usage: ", "Cách dùng: "),
        ("[OPTIONS]", "[TÙY CHỌN]"),
        ("<COMMAND>", "<LỆNH>"),
        ("[default: ", "[mặc định: "),
        ("For more information, try ", "Xem hướng dẫn: "),
        ("unexpected argument ", "tham số không hợp lệ "),
        ("the following required arguments were not provided:", "thiếu các tham số bắt buộc:"),
        ("invalid value ", "giá trị không hợp lệ "),
        (" for ", " cho "),
        ("possible values: ", "các giá trị: "),
        ("tip: ", "gợi ý: "),
        ("unrecognized subcommand ", "không có lệnh "),
        ("a similar subcommand exists: ", "có lệnh gần giống: "),
        ("a similar argument exists: ", "có tùy chọn gần giống: "),
        ("a value is required", "cần một giá trị"),
        ("' found", "'"),
        ("to pass '", "để dùng '"),
        ("' as a value, use '", "' làm giá trị, viết '"),
    ];
    WORDS.iter().fold(text.to_string(), |t, (en, vi)| t.replace(en, vi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and argument has its help in both catalogs.
    #[test]
    fn every_command_and_argument_has_its_help_in_the_catalogs() {
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            for lang in [Lang::Vi, Lang::En] {
                if known(lang, &format!("help-cmd{path}")).is_none() {
                    missing.push(format!("{lang:?} help-cmd{path}"));
                }
                for a in cmd.get_arguments().filter(|a| a.get_id() != "help" && a.get_id() != "version") {
                    let id = a.get_id().as_str();
                    let own = known(lang, &format!("help{path}-{id}"));
                    if own.or_else(|| known(lang, &format!("help-arg-{id}"))).is_none() {
                        missing.push(format!("{lang:?} help{path}-{id}"));
                    }
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, &format!("{path}-{}", s.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&super::super::Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |xs: &[&str]| xs.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_in(&args(&["kehoach", "eval", "--lang", "en", "--help"])), Some(Lang::En));
        assert_eq!(lang_in(&args(&["kehoach", "--lang=vi"])), Some(Lang::Vi));
        assert_eq!(lang_in(&args(&["kehoach", "--help"])), None);
    }
}
