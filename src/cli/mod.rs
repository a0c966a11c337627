//! The command line: argument parsing and dispatch. Each command is a thin
//! layer over the library; exit status 0 success, 1 problems found, 2 trouble.

mod args;
mod check;
mod dest;
mod diff;
mod eval;
mod fmt;
mod help;
pub mod out;
mod plans_dir;
mod report;
mod schedule;
mod show;

use crate::diag::{self, Color, Diagnostic};
use crate::lang::Lang;
use clap::{Parser, Subcommand, ValueEnum};
use dest::Dest;
use out::Out;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "kehoach", version, about = "Check, run and compare evaluation plans (kế hoạch)")]
pub struct Cli {
    /// When to use colour: auto (a terminal, and NO_COLOR unset), always or never.
    #[arg(long, value_enum, default_value = "auto", global = true)]
    color: ColorChoice,
    /// The language of everything written for people: vi or en (default:
    /// `KEHOACH_LANG`, else `LC_ALL`/`LC_MESSAGES`/`LANG`; Vietnamese).
    #[arg(long, value_enum, global = true)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Parse, resolve, type-check and lint plans: all findings at once. A
    /// folder stands for every `.kh` file under it (parents first).
    Check {
        #[arg(required = true)]
        plans: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Rewrite plans in canonical layout (comments kept).
    Fmt {
        #[arg(required = true)]
        plans: Vec<PathBuf>,
        /// Write nothing; exit 1 if a file would change.
        #[arg(long)]
        check: bool,
    },
    /// Classify records of member data.
    Eval {
        plan: PathBuf,
        #[command(flatten)]
        data: DataArgs,
        #[arg(long, value_enum, default_value = "table")]
        format: eval::EvalFormat,
        /// Write the output to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Data columns to copy to the output after `id` (a name, a unit), as
        /// titled in the data; added to those of the plan's `display` line.
        #[arg(long, num_args = 1.., value_name = "COLUMN")]
        keep: Vec<String>,
    },
    /// Every step of one record's outcome.
    Explain {
        plan: PathBuf,
        #[command(flatten)]
        data: DataArgs,
        /// The record to explain.
        #[arg(long)]
        id: String,
        #[arg(long, value_enum, default_value = "text")]
        format: eval::ExplainFormat,
        /// Write the output to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// A printable HTML report of a classification: summary, chart, units.
    Report(report::ReportArgs),
    /// Run the plans' `test` blocks.
    Test {
        #[arg(required = true)]
        plans: Vec<PathBuf>,
    },
    /// What changed between two plans; with `--data`, who would change tier.
    Diff {
        /// The plan it replaces (or the parent plan it refines).
        old: PathBuf,
        /// The new plan.
        new: PathBuf,
        #[arg(long, value_enum, default_value = "human")]
        format: diff::DiffFormat,
        /// Member data to evaluate under both plans.
        #[arg(long, num_args = 1..)]
        data: Vec<PathBuf>,
        #[command(flatten)]
        run: RunArgs,
        /// Write the output to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The deadlines a plan sets for a year; with `--done`, who is late.
    Schedule {
        plan: PathBuf,
        /// The evaluation year (default: this year from July, last year before).
        #[arg(long, value_parser = parse_year)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value = "table")]
        format: schedule::ScheduleFormat,
        /// CSV of units with their level and completion date (`unit`, `level`, `done`).
        #[arg(long)]
        done: Option<PathBuf>,
        /// The day to judge unfinished units against (default: today).
        #[arg(long, value_parser = parse_date)]
        as_of: Option<chrono::NaiveDate>,
        /// Write the output to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print a plan in canonical syntax with `# from FILE:LINE` provenance.
    Show {
        plan: PathBuf,
        /// Print the effective plan: the `extends` chain merged in.
        #[arg(long)]
        effective: bool,
    },
}

#[derive(clap::Args)]
struct DataArgs {
    /// Member data: `.csv`, `.json` (an array of objects), `.jsonl`, or a
    /// workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`; `FILE#SHEET` reads
    /// that sheet).
    #[arg(long, required = true, num_args = 1..)]
    data: Vec<PathBuf>,
    /// Last year's results (its `eval --format json`): each record's tier
    /// there is `previous_tier` in the plan's conditions.
    #[arg(long, value_name = "LAST.json")]
    previous: Option<PathBuf>,
    #[command(flatten)]
    run: RunArgs,
}

/// How records are evaluated: the year, the day `months_since` counts to,
/// and the subject of records that name none.
#[derive(clap::Args)]
struct RunArgs {
    /// The evaluation year (default: this year from July, last year before).
    #[arg(long, value_parser = parse_year)]
    year: Option<i32>,
    /// The date `months_since` counts to (default: 31/12 of the year).
    #[arg(long, value_parser = parse_date)]
    as_of: Option<chrono::NaiveDate>,
    /// The subject of records that do not name one.
    #[arg(long)]
    subject: Option<String>,
    /// The CSV delimiter: `,`, `;` or `tab` (default: the one the header uses most).
    #[arg(long, value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// The sheet to read in workbooks given without `#SHEET` (default: the
    /// first sheet).
    #[arg(long)]
    sheet: Option<String>,
    /// Threads that read and classify a CSV file (default: `KEHOACH_JOBS`,
    /// else one per core); the results are the same for any number.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

impl RunArgs {
    /// How data files are read.
    fn read(&self) -> crate::data::ReadOptions {
        crate::data::ReadOptions {
            delimiter: self.delimiter,
            jobs: self.jobs.map_or(0, usize::from),
            compose_memo: false,
        }
    }
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        "," | ";" | "|" => Ok(s.as_bytes()[0]),
        _ => Err(crate::t!(out::lang(), "cli-not-delimiter", text = s)),
    }
}

/// The years a run can be about: plans are for the committees of today,
/// and a year far outside them is a typing mistake, not a wish.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

fn parse_year(s: &str) -> Result<i32, String> {
    let year: i32 = s.trim().parse().map_err(|_| crate::t!(out::lang(), "cli-not-year", text = s))?;
    if YEARS.contains(&year) { Ok(year) } else { Err(outside_years(s)) }
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    use chrono::Datelike;
    let date =
        crate::syntax::parse_date(s).ok_or_else(|| crate::t!(out::lang(), "cli-not-date", text = s))?;
    if YEARS.contains(&date.year()) { Ok(date) } else { Err(outside_years(s)) }
}

fn outside_years(s: &str) -> String {
    crate::t!(out::lang(), "cli-outside-years", text = s, first = *YEARS.start(), last = *YEARS.end())
}

impl DataArgs {
    fn args<'a>(&'a self, plan: &'a std::path::Path) -> eval::EvalArgs<'a> {
        eval::EvalArgs {
            plan,
            data: &self.data,
            year: self.run.year.unwrap_or_else(evaluation_year),
            as_of: self.run.as_of,
            subject: self.run.subject.clone(),
            read: self.run.read(),
            previous: self.previous.as_deref(),
        }
    }
}

/// Loads and checks a plan for commands that run it; diagnostics go to
/// standard error. `Err` is the exit status.
fn load_model(plan: &std::path::Path, color: Color) -> Result<crate::check::Model, i32> {
    let checked = crate::check::check_path(plan).map_err(|e| {
        print_diagnostics(&[e.0], color);
        2
    })?;
    let errors: Vec<Diagnostic> = checked.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
    match checked.model {
        Some(m) if errors.is_empty() => Ok(m),
        _ => {
            print_diagnostics(&errors, color);
            Err(1)
        }
    }
}

/// Runs the command line and returns the exit status.
pub fn run() -> i32 {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = Lang::detect(help::lang_in(&args));
    out::set_lang(lang);
    let parsed = help::command(Cli::command(), lang).try_get_matches_from(&args);
    let cli = match parsed.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(c) => c,
        Err(e) => return usage(&e, lang),
    };
    let color = color(cli.color);
    let mut out = Out::new();
    let status = dispatch(cli.command, Ctx { color, lang }, &mut out);
    out.finish(status)
}

/// Help and version go to standard output (status 0), mistakes to standard
/// error (status 2).
fn usage(e: &clap::Error, lang: Lang) -> i32 {
    if let Some(message) = args::swallowed_plan(e) {
        out::error(message);
        return 2;
    }
    let styled = e.render();
    let terminal =
        if e.use_stderr() { std::io::stderr().is_terminal() } else { std::io::stdout().is_terminal() };
    let coloured = terminal && std::env::var_os("NO_COLOR").is_none();
    let text = if coloured { styled.ansi().to_string() } else { styled.to_string() };
    let text = help::clap_words(&text, lang);
    if e.use_stderr() {
        out::stderr(&text);
        return 2;
    }
    let mut o = Out::new();
    o.text(&text);
    o.finish(0)
}

/// What every command is given besides its arguments.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub color: Color,
    pub lang: Lang,
}

fn dispatch(command: Command, ctx: Ctx, out: &mut Out) -> i32 {
    let Ctx { color, lang } = ctx;
    match command {
        Command::Check { plans, format, deny_warnings } => {
            check::run(&plans, format, deny_warnings, ctx, out)
        }
        Command::Fmt { plans, check } => fmt::run(&plans, check, ctx, out),
        Command::Show { plan, effective } => show::run(&plan, effective, color, out),
        Command::Eval { plan, mut data, format, out: file, keep } => {
            if let Err(status) = data.with_sheet() {
                return status;
            }
            let dest = Dest::new(file.as_deref(), out);
            eval::run_eval(&data.args(&plan), &keep, format, dest, ctx)
        }
        Command::Explain { plan, mut data, id, format, out: file } => match data.with_sheet() {
            Ok(()) => eval::run_explain(&data.args(&plan), &id, format, Dest::new(file.as_deref(), out), ctx),
            Err(status) => status,
        },
        Command::Report(args) => report::run(args, ctx, out),
        Command::Test { plans } => eval::run_test(&plans, ctx, out),
        Command::Diff { old, new, format, data, run, out: file } => {
            let data = match with_sheet(data, run.sheet.as_deref()) {
                Ok(d) => d,
                Err(status) => return status,
            };
            let args = diff::DiffArgs {
                old: &old,
                new: &new,
                format,
                data: &data,
                lang,
                opts: crate::eval::run::Options {
                    year: run.year.unwrap_or_else(evaluation_year),
                    as_of: run.as_of,
                    read: run.read(),
                    subject: run.subject,
                    capture: None,
                },
            };
            diff::run(&args, color, Dest::new(file.as_deref(), out))
        }
        Command::Schedule { plan, year, format, done, as_of, out: file } => {
            let args = schedule::ScheduleArgs {
                plan: &plan,
                year: year.unwrap_or_else(evaluation_year),
                format,
                done: done.as_deref(),
                as_of,
            };
            schedule::run(&args, ctx, Dest::new(file.as_deref(), out))
        }
    }
}

impl DataArgs {
    /// Gives `--sheet` to the workbooks of `--data` (see [`with_sheet`]).
    fn with_sheet(&mut self) -> Result<(), i32> {
        self.data = with_sheet(std::mem::take(&mut self.data), self.run.sheet.as_deref())?;
        Ok(())
    }
}

/// The `--data` paths with `--sheet` given to the workbooks that name no
/// sheet; `Err` (the exit status) when `--sheet` is given and no path names
/// a workbook.
fn with_sheet(data: Vec<PathBuf>, sheet: Option<&str>) -> Result<Vec<PathBuf>, i32> {
    let Some(sheet) = sheet else { return Ok(data) };
    crate::data::sheet::with_sheet(&data, sheet).ok_or_else(|| {
        out::error(crate::t!(out::lang(), "cli-sheet-no-workbook", sheet = sheet));
        2
    })
}

/// The year under evaluation when `--year` is absent: reviews run from
/// November to February, so from July on this year, before July the last.
fn evaluation_year() -> i32 {
    crate::days::year_under_review(chrono::Local::now().date_naive())
}

fn color(choice: ColorChoice) -> Color {
    match choice {
        ColorChoice::Always => Color::Always,
        ColorChoice::Never => Color::Never,
        ColorChoice::Auto if std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal() => {
            Color::Always
        }
        ColorChoice::Auto => Color::Never,
    }
}

/// Prints diagnostics for people, to standard error, in the run's language.
pub fn print_diagnostics(diags: &[Diagnostic], color: Color) {
    for d in diags {
        out::stderr(&diag::render_human(d, color, out::lang()));
    }
}
