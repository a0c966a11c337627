//! Resolution: reads a plan and its `extends` chain, merges them (§6) and
//! flattens `subject … extends …`, keeping provenance on every item.

mod decls;
pub mod locks;
mod merge;
pub mod model;
mod script;
mod subjects;

use crate::diag::{Diagnostic, Kind};
use crate::source::{Loc, Source};
use crate::syntax::{self, ast};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use model::Plan;

/// The longest `extends` chain accepted.
pub const MAX_CHAIN: usize = 16;

/// The result of loading: the effective plan when every file parsed, and all
/// findings so far.
pub struct Loaded {
    pub plan: Option<Plan>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The named file could not be read at all (exit status 2).
#[derive(Debug)]
pub struct Unreadable(pub Diagnostic);

/// Reads a file as a [`Source`]. Invalid UTF-8 is a diagnostic at the first
/// bad byte; a file that cannot be read is a diagnostic about that file.
pub fn read_source(path: &Path) -> Result<(Arc<Source>, Option<Diagnostic>), Diagnostic> {
    let bytes = crate::files::read_regular(path).map_err(|e| {
        let why = crate::diag::IoWhy::of(&e);
        let kind = Kind::ReadFile { path: path.display().to_string(), error: e.to_string(), why };
        Diagnostic::about(kind, path)
    })?;
    Ok(source_of(path, bytes))
}

fn source_of(path: &Path, bytes: Vec<u8>) -> (Arc<Source>, Option<Diagnostic>) {
    match String::from_utf8(bytes) {
        Ok(text) => (Source::new(path, text), None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let src = Source::new(path, String::from_utf8_lossy(e.as_bytes()).into_owned());
            let d = Diagnostic::new(
                Kind::InvalidUtf8 { path: path.display().to_string() },
                &Loc::new(&src, at, at + 1),
            );
            (src, Some(d))
        }
    }
}

/// Loads the plan at `path` with its chain of parents.
pub fn load(path: &Path) -> Result<Loaded, Unreadable> {
    let (src, bad) = read_source(path).map_err(Unreadable)?;
    Ok(load_source(src, bad))
}

/// Loads only the named file, as written: no parents, no `extends` flattening.
pub fn load_single(path: &Path) -> Result<Loaded, Unreadable> {
    let (src, bad) = read_source(path).map_err(Unreadable)?;
    let mut diagnostics: Vec<Diagnostic> = bad.into_iter().collect();
    if !diagnostics.is_empty() {
        return Ok(Loaded { plan: None, diagnostics });
    }
    let plan = match syntax::parse(&src) {
        Ok(file) => Some(merge::build(std::slice::from_ref(&file), false, &mut diagnostics)),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    };
    Ok(Loaded { plan, diagnostics })
}

/// Loads an already-read plan with its chain of parents.
pub fn load_source(src: Arc<Source>, bad: Option<Diagnostic>) -> Loaded {
    let mut diagnostics: Vec<Diagnostic> = bad.into_iter().collect();
    if !diagnostics.is_empty() {
        return Loaded { plan: None, diagnostics };
    }
    let Some(chain) = load_chain(src, &mut diagnostics) else {
        return Loaded { plan: None, diagnostics };
    };
    let plan = merge::build(&chain, true, &mut diagnostics);
    Loaded { plan: Some(plan), diagnostics }
}

/// The parsed files from the named one up to the root; `None` after a parse error.
fn load_chain(src: Arc<Source>, diags: &mut Vec<Diagnostic>) -> Option<Vec<ast::PlanFile>> {
    let mut chain: Vec<ast::PlanFile> = Vec::new();
    let mut seen: Vec<PathBuf> = vec![canonical(src.path())];
    let mut next = Some(src);
    while let Some(src) = next.take() {
        let file = match syntax::parse(&src) {
            Ok(f) => f,
            Err(d) => {
                diags.push(d);
                return None;
            }
        };
        if let Some(ext) = &file.header.extends {
            // A parent that cannot be used stops here: checking the child
            // alone would only report names the parent declares.
            next = Some(parent(&src, ext, &mut seen, chain.len(), diags)?);
        }
        chain.push(file);
    }
    Some(chain)
}

pub fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// `a/b/../c` as `a/c`, lexically, so that diagnostics name files the way a
/// person would (`plans/hanoi/01-KH-TU.kh`, not `plans/ba-dinh/../hanoi/…`).
pub fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.components().next_back(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

/// Reads the parent named by `extends`, or reports why it cannot be used.
fn parent(
    child: &Arc<Source>,
    ext: &ast::Str,
    seen: &mut Vec<PathBuf>,
    depth: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<Arc<Source>> {
    let dir = child.path().parent().unwrap_or(Path::new(""));
    let path = tidy(&dir.join(&ext.value));
    if depth + 1 >= MAX_CHAIN {
        diags.push(Diagnostic::new(Kind::ExtendsTooDeep { limit: MAX_CHAIN }, &ext.loc));
        return None;
    }
    let canon = canonical(&path);
    if let Some(i) = seen.iter().position(|p| *p == canon) {
        let mut names: Vec<String> = seen[i..].iter().map(|p| short(p)).collect();
        names.push(short(&canon));
        diags.push(Diagnostic::new(Kind::ExtendsCycle { chain: names.join(" → ") }, &ext.loc));
        return None;
    }
    let name = path.display().to_string();
    let bytes = match crate::files::read_regular(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            diags.push(Diagnostic::new(Kind::ExtendsMissing { path: name }, &ext.loc));
            return None;
        }
        Err(e) => {
            let why = crate::diag::IoWhy::of(&e);
            diags.push(Diagnostic::new(Kind::ReadFile { path: name, error: e.to_string(), why }, &ext.loc));
            return None;
        }
    };
    match source_of(&path, bytes) {
        (src, None) => {
            seen.push(canon);
            Some(src)
        }
        (_, Some(d)) => {
            diags.push(d);
            None
        }
    }
}

fn short(p: &Path) -> String {
    p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
}
