//! The optimizations of evaluation, each a pass that can be switched off
//! (as rhai's `OptimizationLevel`). With every pass off, the general
//! evaluator decides everything: that is the reference the fast paths are
//! tested against, record by record.

/// Which optimizations a run uses. None changes an outcome: tests run the
/// same plans and data with [`Passes::ALL`] and [`Passes::NONE`] and compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passes {
    /// Conditions compiled to read the record's slots directly ([`super::fast`]),
    /// and `all/any/none` read straight off the slots.
    pub compiled: bool,
    /// Scores summed over integers and looked up in a table of reduced ratios.
    pub int_scores: bool,
    /// Hook results remembered by what each call read ([`crate::hooks::memo`]).
    pub hook_memo: bool,
    /// Output rows after the id copied from an earlier outcome with the same tail.
    pub output_tails: bool,
    /// Only the slots later steps read are kept after a record is classified.
    pub dropped_slots: bool,
    /// Grade, tier, choice and flag cells converted once per spelling
    /// ([`crate::data::Memo`]).
    pub cell_memo: bool,
}

impl Passes {
    /// Every optimization: what `kehoach` runs by default.
    pub const ALL: Passes = Passes {
        compiled: true,
        int_scores: true,
        hook_memo: true,
        output_tails: true,
        dropped_slots: true,
        cell_memo: true,
    };

    /// No optimization: the reference evaluator.
    pub const NONE: Passes = Passes {
        compiled: false,
        int_scores: false,
        hook_memo: false,
        output_tails: false,
        dropped_slots: false,
        cell_memo: false,
    };
}

impl Passes {
    /// The passes named by `KEHOACH_PASSES`: `none` (the reference
    /// evaluator), `all` (the default), or a comma-separated list of the
    /// passes to keep (`compiled,int_scores`). CI runs the whole test suite
    /// both with and without them. `None` for a value it does not know.
    pub fn from_env() -> Option<Passes> {
        match std::env::var("KEHOACH_PASSES") {
            Ok(v) => Passes::parse(&v),
            Err(_) => Some(Passes::ALL),
        }
    }

    /// `none`, `all`, or the names of the passes to keep, comma-separated.
    pub fn parse(text: &str) -> Option<Passes> {
        match text.trim() {
            "all" | "" => return Some(Passes::ALL),
            "none" => return Some(Passes::NONE),
            _ => {}
        }
        let mut p = Passes::NONE;
        for name in text.split(',').map(str::trim) {
            let on = match name {
                "compiled" => &mut p.compiled,
                "int_scores" => &mut p.int_scores,
                "hook_memo" => &mut p.hook_memo,
                "output_tails" => &mut p.output_tails,
                "dropped_slots" => &mut p.dropped_slots,
                "cell_memo" => &mut p.cell_memo,
                _ => return None,
            };
            *on = true;
        }
        Some(p)
    }
}

impl Default for Passes {
    /// [`Passes::from_env`], or every pass when it names none it knows.
    fn default() -> Passes {
        Passes::from_env().unwrap_or(Passes::ALL)
    }
}

#[cfg(test)]
mod tests {
    use super::Passes;

    #[test]
    fn reads_the_names_of_the_passes_to_keep() {
        assert_eq!(Passes::parse("none"), Some(Passes::NONE));
        assert_eq!(Passes::parse(" all "), Some(Passes::ALL));
        let two = Passes::parse("compiled, hook_memo").unwrap();
        assert_eq!(two, Passes { compiled: true, hook_memo: true, ..Passes::NONE });
        assert_eq!(Passes::parse("compiled,fast"), None);
    }
}
