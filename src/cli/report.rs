//! `kehoach report PLAN --data …`: the HTML report of a classification, for
//! printing on A4 or handing up. Exit 1 when a record is in error (the report
//! is complete all the same and lists them), 2 when it cannot be made.

use super::dest::Dest;
use super::out::Out;
use super::{DataArgs, eval};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ReportArgs {
    plan: PathBuf,
    #[command(flatten)]
    data: DataArgs,
    /// Write the report to this file (e.g. `bao-cao.html`) instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// More data columns to show beside each id (the plan's `display` line comes first).
    #[arg(long, num_args = 1.., value_name = "COLUMN")]
    keep: Vec<String>,
}

pub fn run(mut r: ReportArgs, ctx: super::Ctx, out: &mut Out) -> i32 {
    if let Err(status) = r.data.with_sheet() {
        return status;
    }
    let (lang, color) = (ctx.lang, ctx.color);
    let args = r.data.args(&r.plan);
    let file = r.out.as_deref();
    eval::with_evaluation(&args, &r.keep, file, color, |ev, e| {
        let html = crate::report::html::report(ev, e, lang).map_err(|err| {
            super::out::error(crate::t!(lang, "cli-cannot-make-report", error = err.to_string()));
            2
        })?;
        Dest::new(file, out).text(&html)
    })
}
