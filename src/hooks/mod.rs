//! Hooks: the only place that builds a rhai [`Engine`]. Scripts are untrusted:
//! the engine has no file, network, clock, random or process access, no
//! `import` or `eval`, strict variables, and the limits of §7.

use crate::diag::{Diagnostic, Kind};
use crate::resolve::model::Hook;
use crate::source::{Loc, Source};
use rhai::{AST, Engine, LexError, ParseErrorType, Position, Scope};
use std::sync::Arc;

/// The sandbox limits of PLAN-LANGUAGE.md §7.
pub mod limits {
    pub const MAX_OPERATIONS: u64 = 100_000;
    pub const MAX_CALL_LEVELS: usize = 32;
    pub const MAX_EXPR_DEPTH: usize = 64;
    pub const MAX_FUNCTION_EXPR_DEPTH: usize = 32;
    pub const MAX_STRING_SIZE: usize = 10_000;
    pub const MAX_ARRAY_SIZE: usize = 10_000;
    pub const MAX_MAP_SIZE: usize = 1_000;
}

/// The sandboxed engine every hook runs in.
pub fn engine() -> Engine {
    use limits::*;
    let mut e = Engine::new();
    e.set_max_operations(MAX_OPERATIONS)
        .set_max_call_levels(MAX_CALL_LEVELS)
        .set_max_expr_depths(MAX_EXPR_DEPTH, MAX_FUNCTION_EXPR_DEPTH)
        .set_max_string_size(MAX_STRING_SIZE)
        .set_max_array_size(MAX_ARRAY_SIZE)
        .set_max_map_size(MAX_MAP_SIZE)
        .set_strict_variables(true)
        .set_fail_on_invalid_map_property(true);
    e.disable_symbol("import").disable_symbol("eval");
    e.on_print(|_| {}).on_debug(|_, _, _| {});
    e
}

/// The variables a script may read, declared so strict mode accepts them.
pub fn compile_scope(stage_tier: bool) -> Scope<'static> {
    let mut scope = Scope::new();
    scope.push("m", rhai::Map::new());
    scope.push("score", 0.0_f64);
    if stage_tier {
        scope.push("tier", String::new());
    }
    scope
}

/// Compiles one hook; a syntax error points into the plan (or `.rhai`) file.
pub fn compile(engine: &Engine, hook: &Hook) -> Result<AST, Diagnostic> {
    let tier = hook.decl.stage == crate::syntax::ast::Stage::Tier;
    let scope = compile_scope(tier);
    engine.compile_with_scope(&scope, &hook.script).map_err(|err| {
        let loc = script_loc(hook, err.1);
        let name = hook.decl.name.name.clone();
        let kind = match &*err.0 {
            ParseErrorType::Reserved(word) | ParseErrorType::BadInput(LexError::ImproperSymbol(word, _))
                if word == "import" || word == "eval" =>
            {
                Kind::HookForbidden { hook: name, feature: word.clone() }
            }
            other => Kind::HookCompile { hook: name, message: other.to_string() },
        };
        Diagnostic::new(kind, &loc)
    })
}

/// The place in the plan (or `.rhai`) file of a position inside a script.
pub fn script_loc(hook: &Hook, pos: Position) -> Loc {
    let src: &Arc<Source> = &hook.script_src;
    let line = hook.first_line + pos.line().unwrap_or(1).saturating_sub(1);
    let col = pos.position().unwrap_or(1);
    let offset = src.offset_of(line, col);
    Loc::new(src, offset, (offset + 1).min(src.text().len()))
}
pub mod memo;
pub mod record;
pub mod run;
