//! The run of `scenario.toml`, snapshotted twice: as data (YAML, with the core's
//! `serde` feature) and as the English text trace. Review changes with
//! `cargo insta review`.

use snapshot_your_scenario::{run, SCENARIO};

#[test]
fn the_scenario_decodes_as_written() {
    let (scenario, _) = run(SCENARIO);
    insta::assert_yaml_snapshot!("scenario", scenario);
}

#[test]
fn the_run_as_data() {
    let (_, machine) = run(SCENARIO);
    insta::assert_yaml_snapshot!("events", machine.events());
    insta::assert_yaml_snapshot!("outcome", machine.outcome());
}

#[test]
fn the_run_as_text() {
    let (scenario, machine) = run(SCENARIO);
    let trace = flushq_explain::render_text(&scenario.title, machine.events(), &machine.outcome());
    insta::assert_snapshot!("trace", trace);
}
