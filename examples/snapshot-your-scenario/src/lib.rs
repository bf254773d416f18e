//! What a crate using flushq does to snapshot-test a scenario of its own: load
//! the file with `flushq_scenario::load`, run it with `flushq_core::Machine`, and
//! snapshot the run (see `tests/snapshots.rs`).

use flushq_core::{Machine, Scenario};
use flushq_explain::file_diagnostic_in;
use flushq_explain::Lang;
use flushq_scenario::{load, Format};

/// The scenario this crate ships (`scenario.toml`).
pub const SCENARIO: &str = include_str!("../scenario.toml");

/// Loads the TOML scenario `src` and runs it to its end, answering every dialog
/// as the scenario says. Panics with `line:col: message` on an invalid file.
pub fn run(src: &str) -> (Scenario, Machine) {
    let scenario = load(src, Format::Toml).unwrap_or_else(|diagnostics| {
        let lines: Vec<String> = diagnostics.iter().map(|d| file_diagnostic_in(d, Lang::EN)).collect();
        panic!("invalid scenario:\n{}", lines.join("\n"))
    });
    let mut machine = Machine::new(&scenario).expect("a scenario that loads also starts");
    machine.run();
    (scenario, machine)
}
