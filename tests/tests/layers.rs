//! The layers are true: within each crate, the top-level modules import one
//! another without cycles, the core's modules only import down its declared
//! order, and the crates depend on each other only downwards. Read from the
//! sources (`use crate::...` and `crate::...` paths outside comments and
//! outside `#[cfg(test)] mod tests`), so a new upward import fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The core's modules, bottom up: each may import only those before it.
const CORE_ORDER: &[&str] =
    &["sort", "rng", "mapi", "diag", "script", "scenario", "session", "trace", "spooler", "machine"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a source file without comments and without its unit tests.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Top-level module -> the top-level modules of the same crate it names.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(src).unwrap();
        let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        let module = first.trim_end_matches(".rs").to_string();
        if matches!(module.as_str(), "lib" | "main" | "bin") {
            continue;
        }
        let text = code(&std::fs::read_to_string(&f).unwrap());
        let uses = graph.entry(module.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            // `$crate::` in macros names the crate, like `crate::`.
            let name: String =
                text[i + "crate::".len()..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            if !name.is_empty() && name != module {
                uses.insert(name);
            }
        }
    }
    // Only edges to modules of this crate (not to items re-exported at its root).
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for uses in graph.values_mut() {
        uses.retain(|u| modules.contains(u));
    }
    graph
}

/// A cycle in `graph`, if there is one, as the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            return Some(path[i..].iter().cloned().chain([n.to_string()]).collect());
        }
        if !done.insert(n.to_string()) {
            return None;
        }
        path.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_crate_has_an_import_cycle() {
    for krate in ["core", "scenario", "explain", "cli", "web"] {
        let graph = module_graph(&root().join(krate).join("src"));
        assert!(graph.len() > 1 || krate == "cli", "{krate}: no modules found");
        assert_eq!(cycle(&graph), None, "{krate}: modules import each other in a cycle");
    }
}

#[test]
fn the_core_imports_only_down() {
    let graph = module_graph(&root().join("core/src"));
    let known: BTreeSet<&str> = CORE_ORDER.iter().copied().collect();
    for module in graph.keys() {
        assert!(known.contains(module.as_str()), "core module `{module}` is not in CORE_ORDER");
    }
    for (i, module) in CORE_ORDER.iter().enumerate() {
        for used in &graph[*module] {
            let j = CORE_ORDER.iter().position(|m| m == used).unwrap();
            assert!(j < i, "core: `{module}` imports `{used}`, which is above it");
        }
    }
}

/// The `flushq-*` crates a manifest depends on (normal, build and dev dependencies:
/// a test that needs a crate above its own lives in `tests/`).
fn flushq_deps(manifest: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join(manifest)).unwrap();
    let mut deps = BTreeSet::new();
    let mut section = String::new();
    for line in text.lines() {
        if line.starts_with('[') {
            section = line.to_string();
        } else if matches!(section.as_str(), "[dependencies]" | "[build-dependencies]" | "[dev-dependencies]") {
            if let Some(name) = line.split(['=', '.', ' ']).next().filter(|n| n.starts_with("flushq-")) {
                deps.insert(name.to_string());
            }
        }
    }
    deps
}

#[test]
fn crates_depend_only_downwards() {
    let below = |deps: &[&str]| deps.iter().map(|d| d.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(flushq_deps("core/Cargo.toml"), below(&[]), "the simulation depends on nothing of ours");
    assert_eq!(flushq_deps("scenario/Cargo.toml"), below(&["flushq-core"]));
    assert_eq!(flushq_deps("explain/Cargo.toml"), below(&["flushq-core", "flushq-scenario"]));
    for host in ["cli/Cargo.toml", "web/Cargo.toml"] {
        assert!(flushq_deps(host).is_subset(&below(&["flushq-core", "flushq-scenario", "flushq-explain"])), "{host}");
    }
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph: BTreeMap<String, BTreeSet<String>> = [("a", &["b"][..]), ("b", &["c"]), ("c", &["a"]), ("d", &[])]
        .into_iter()
        .map(|(n, e)| (n.to_string(), e.iter().map(|s| s.to_string()).collect()))
        .collect();
    assert_eq!(cycle(&graph), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    assert!(code("use crate::a;\n// crate::b\n#[cfg(test)]\nmod tests { use crate::c; }").contains("crate::a"));
    assert!(!code("// crate::b\n#[cfg(test)]\nmod tests { use crate::c; }").contains("crate::"));
}
