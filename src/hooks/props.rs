//! What a hook reads of `m`, found in its compiled script: every `m.NAME`
//! and `m["NAME"]` (with a constant name), so that `check` can report a name
//! the hook's subject does not have.

use crate::diag::{Diagnostic, Kind};
use crate::resolve::model::{Hook, Subject, decl_name};
use rhai::{AST, ASTNode, Expr, Position, Stmt};

/// What `m` always has, whatever the subject.
const ALWAYS: [&str; 3] = ["id", "subject", "score"];

/// `check`: each name the hook reads of `m` that `subject` does not have,
/// at its place in the plan (or `.rhai` file), with the nearest name.
pub fn unknown(hook: &Hook, ast: &AST, subject: &Subject) -> Vec<Diagnostic> {
    let names: Vec<&str> = ALWAYS.into_iter().chain(subject.decls.iter().filter_map(decl_name)).collect();
    reads_of_m(ast)
        .into_iter()
        .filter(|r| !names.contains(&r.name.as_str()))
        .map(|r| {
            let suggestion = crate::suggest::closest(&r.name, names.iter().copied());
            let kind = Kind::HookProperty {
                hook: hook.decl.name.name.clone(),
                subject: subject.name.name.clone(),
                read: r.written(&r.name),
                suggestion: suggestion.map(|s| r.written(&s)),
            };
            Diagnostic::new(kind, &super::script_loc(hook, r.pos))
        })
        .collect()
}

/// A property of `m` a script reads, and where.
#[derive(Debug, PartialEq)]
pub struct PropRead {
    pub name: String,
    pub pos: Position,
    /// Written `m["NAME"]` rather than `m.NAME`.
    pub indexed: bool,
}

impl PropRead {
    /// The read as the script writes it, for `name`.
    fn written(&self, name: &str) -> String {
        if self.indexed { format!("m[\"{name}\"]") } else { format!("m.{name}") }
    }
}

/// Every property of `m` the script reads by a name written in it, in the
/// script's order; nothing when the script binds a variable `m` of its own
/// (`let m`, `const m`, `for m in`, `catch (m)`), whose properties are not
/// the record's. A function parameter named `m` is taken to be the record.
pub fn reads_of_m(ast: &AST) -> Vec<PropRead> {
    let mut reads = Vec::new();
    let mut rebound = false;
    ast.walk(&mut |path: &[ASTNode]| {
        match path.last() {
            Some(ASTNode::Expr(Expr::Dot(b, ..))) if is_m(&b.lhs) => reads.extend(first_property(&b.rhs)),
            Some(ASTNode::Expr(Expr::Index(b, ..))) if is_m(&b.lhs) => reads.extend(first_key(&b.rhs)),
            Some(ASTNode::Stmt(s)) => rebound |= binds_m(s),
            _ => {}
        }
        true
    });
    if rebound {
        reads.clear();
    }
    reads.sort_by_key(|r| (r.pos.line(), r.pos.position()));
    reads
}

fn is_m(e: &Expr) -> bool {
    matches!(e, Expr::Variable(x, ..) if x.1 == "m" && x.2.is_empty())
}

/// `m.NAME…`: the chain after the dot begins with the property read of `m`.
fn first_property(rhs: &Expr) -> Option<PropRead> {
    match rhs {
        Expr::Property(p, pos) => Some(PropRead { name: p.2.to_string(), pos: *pos, indexed: false }),
        Expr::Dot(b, ..) | Expr::Index(b, ..) => first_property(&b.lhs),
        _ => None,
    }
}

/// `m[KEY]…`: the chain inside the brackets begins with the key.
fn first_key(rhs: &Expr) -> Option<PropRead> {
    match rhs {
        Expr::StringConstant(s, pos) => Some(PropRead { name: s.to_string(), pos: *pos, indexed: true }),
        Expr::Dot(b, ..) | Expr::Index(b, ..) => first_key(&b.lhs),
        _ => None,
    }
}

fn binds_m(s: &Stmt) -> bool {
    match s {
        Stmt::Var(x, ..) => x.0.name == "m",
        Stmt::For(x, ..) => x.0.name == "m" || x.1.as_ref().is_some_and(|i| i.name == "m"),
        Stmt::TryCatch(x, ..) => is_m(&x.expr),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(script: &str) -> Vec<(String, usize, usize)> {
        let engine = crate::hooks::engine();
        let ast = engine.compile_with_scope(&crate::hooks::compile_scope(false), script).unwrap();
        reads_of_m(&ast)
            .into_iter()
            .map(|r| (r.name, r.pos.line().unwrap_or(0), r.pos.position().unwrap_or(0)))
            .collect()
    }

    #[test]
    fn dots_and_constant_keys_are_found_anywhere() {
        let script =
            "let x = m.a.b + m[\"c\"][0];\nfn f(m) { m?.d }\nif true { m[\"e\"].len() } else { m.g(1) }";
        let want = [("a", 1, 11), ("c", 1, 19), ("d", 2, 14), ("e", 3, 13)];
        assert_eq!(names(script), want.map(|(n, l, c)| (n.to_string(), l, c)));
    }

    #[test]
    fn computed_keys_and_a_local_m_are_left_to_run_time() {
        assert!(names("let k = \"a\"; m[k] + m[k + \"b\"]").is_empty());
        assert!(names("m.a; let m = #{ b: 1 }; m.b").is_empty());
        assert!(names("let x = 0; for m in [1] { x += m.a; }; m.b").is_empty());
        assert!(names("try { 1 } catch (m) { m.a }").is_empty());
    }
}
