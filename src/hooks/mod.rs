//! Hooks: the only place that builds a rhai [`Engine`]. Scripts are untrusted:
//! the engine has no file, network, clock, random or process access, no
//! `import` or `eval`, strict variables, and the limits of §7.

use crate::diag::{Diagnostic, Kind};
use crate::resolve::model::Hook;
use crate::source::{Loc, Source};
use rhai::{AST, Engine, LexError, ParseErrorType, Position, Scope};
use std::sync::Arc;

/// The sandboxed engine every hook runs in. It starts from a raw engine
/// (no function at all) and adds only the packages listed in
/// docs/DECISIONS.md ("What hooks may call"): arithmetic, logic, strings,
/// arrays, maps, ranges, maths and function pointers. Left out: the language
/// core package (`sleep`, `exit`, `parse_json`, `get_fn_metadata_list`,
/// `take`, `tag`), time (`timestamp`), blobs and bit fields; the raw engine
/// has no module resolver, and `import` and `eval` are refused when parsing.
pub fn engine() -> Engine {
    use limits::*;
    use rhai::packages::{
        ArithmeticPackage, BasicArrayPackage, BasicFnPackage, BasicIteratorPackage, BasicMapPackage,
        BasicMathPackage, BasicStringPackage, LogicPackage, MoreStringPackage, Package,
    };
    let mut e = Engine::new_raw();
    for module in [
        ArithmeticPackage::new().as_shared_module(),
        LogicPackage::new().as_shared_module(),
        BasicStringPackage::new().as_shared_module(),
        MoreStringPackage::new().as_shared_module(),
        BasicArrayPackage::new().as_shared_module(),
        BasicMapPackage::new().as_shared_module(),
        BasicIteratorPackage::new().as_shared_module(),
        BasicMathPackage::new().as_shared_module(),
        BasicFnPackage::new().as_shared_module(),
    ] {
        e.register_global_module(module);
    }
    e.set_max_strings_interned(256)
        .set_max_operations(MAX_OPERATIONS)
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
pub(crate) mod budget;
pub mod limits;
pub(crate) mod memo;
pub(crate) mod pool;
pub(crate) mod props;
pub(crate) mod record;
pub(crate) mod run;
pub(crate) mod words;
