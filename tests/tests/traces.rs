//! The text trace of every shipped scenario, snapshotted. A new file in
//! `scenarios/` is a new snapshot automatically.

use flushq_explain::render_text;
use flushq_scenario::{load, Format};
use flushq_tests::run_checked;

#[test]
fn every_shipped_scenario_tells_its_story() {
    insta::glob!("../../scenarios", "*.toml", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let scenario = load(&text, Format::Toml).unwrap_or_else(|d| panic!("{}: {d:?}", path.display()));
        let machine = run_checked(&scenario, 100_000).unwrap_or_else(|v| panic!("{}: {v:?}", path.display()));
        let trace = render_text(&scenario.title, machine.events(), &machine.outcome());
        insta::assert_snapshot!(trace);
    });
}

#[test]
fn every_shipped_scenario_is_a_preset() {
    let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../scenarios")).unwrap().count();
    assert_eq!(flushq_scenario::presets().len(), files, "list each file of scenarios/ in presets.rs");
}
