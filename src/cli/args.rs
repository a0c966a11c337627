//! The command line read before clap has parsed it: the plan that `--data`
//! swallowed (the language is read in `help`).

use crate::t;

/// The message for `eval --data x.csv plan.kh`: `--data` takes every path
/// after it, so the plan went with the data and the command has none.
pub fn swallowed_plan(e: &clap::Error) -> Option<String> {
    if e.kind() != clap::error::ErrorKind::MissingRequiredArgument {
        return None;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    swallowed(&args).map(|plan| t!(super::out::lang(), "cli-plan-in-data", plan = plan))
}

/// The `.kh` path given after `--data` among `args`, if any.
fn swallowed(args: &[String]) -> Option<String> {
    let from = args.iter().position(|a| a == "--data")?;
    args[from + 1..]
        .iter()
        .take_while(|a| !a.starts_with("--"))
        .find(|a| a.to_ascii_lowercase().ends_with(".kh"))
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::swallowed;

    #[test]
    fn a_plan_after_data_is_found() {
        let args = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(swallowed(&args("eval --data a.csv b.csv plan.kh")), Some("plan.kh".into()));
        assert_eq!(swallowed(&args("eval --data a.csv --year 2020 plan.kh")), None);
        assert_eq!(swallowed(&args("eval plan.kh --data a.csv")), None);
    }
}
