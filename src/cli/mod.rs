//! The command line: argument parsing and dispatch. Each command is a thin
//! layer over the library; exit status 0 success, 1 problems found, 2 trouble.

mod check;
mod fmt;
mod show;

use crate::diag::{self, Color, Diagnostic};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "kehoach", version, about = "Check, run and compare evaluation plans (kế hoạch)")]
pub struct Cli {
    /// When to use colour: auto (a terminal, and NO_COLOR unset), always or never.
    #[arg(long, value_enum, default_value = "auto", global = true)]
    color: ColorChoice,
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
    /// Parse, resolve, type-check and lint plans: all findings at once.
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
    /// Print a plan in canonical syntax with `# from FILE:LINE` provenance.
    Show {
        plan: PathBuf,
        /// Print the effective plan: the `extends` chain merged in.
        #[arg(long)]
        effective: bool,
    },
}

/// Runs the command line and returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let color = color(cli.color);
    match cli.command {
        Command::Check { plans, format, deny_warnings } => check::run(&plans, format, deny_warnings, color),
        Command::Fmt { plans, check } => fmt::run(&plans, check, color),
        Command::Show { plan, effective } => show::run(&plan, effective, color),
    }
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

/// Prints diagnostics for people, to standard error.
pub fn print_diagnostics(diags: &[Diagnostic], color: Color) {
    for d in diags {
        eprint!("{}", diag::render_human(d, color));
    }
}
