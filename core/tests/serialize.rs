//! The `serde` feature: a run of the `link-down` preset (built here by hand, as
//! the core cannot read scenario files), serialized with serde_json, reads as a
//! test author would write it: MAPI names for HRESULTs, flags and property tags,
//! snake_case variants, names as strings.

use flushq_core::script::PRESET_SPOOLER;
use flushq_core::{Fault, FaultKind, Machine, Scenario, TransportId, TransportKind, TransportSpec};
use serde_json::{json, Value};

/// `scenarios/link-down.toml`.
fn link_down() -> Scenario {
    let mut modem = TransportSpec::new("Dial-up", TransportKind::Modem);
    modem.honors_no_ui = true;
    modem.outbound = vec!["c".into()];
    let mut lan = TransportSpec::new("Office LAN", TransportKind::Lan);
    lan.outbound = vec!["a".into()];
    Scenario {
        title: "Link down on one transport".into(),
        seed: 11,
        script: PRESET_SPOOLER.into(),
        transports: vec![modem, lan],
        stores: vec![],
        faults: vec![Fault { transport: TransportId(0), kind: FaultKind::LinkDown }],
    }
}

fn run() -> (Scenario, Value, Value) {
    let scenario = link_down();
    let mut machine = Machine::new(&scenario).expect("the preset loads");
    machine.run();
    let events = serde_json::to_value(machine.events()).unwrap();
    let outcome = serde_json::to_value(machine.outcome()).unwrap();
    (scenario, events, outcome)
}

/// The first event whose kind is `kind`.
fn first<'a>(events: &'a Value, kind: &str) -> &'a Value {
    events.as_array().unwrap().iter().find(|e| e["kind"].get(kind).is_some()).unwrap_or_else(|| panic!("no {kind}"))
}

#[test]
fn events_read_as_mapi() {
    let (_, events, _) = run();
    let e = first(&events, "get_status_table");
    assert_eq!(e["step"], 1);
    assert_eq!(e["line"], 1);
    assert_eq!(e["actor"], "client");
    assert_eq!(e["target"], "session");
    assert_eq!(e["kind"]["get_status_table"]["hr"], "S_OK");
    assert_eq!(e["kind"]["get_status_table"]["handle"], 0, "a HandleId is its number");

    let q = &first(&events, "query_all_rows")["kind"]["query_all_rows"];
    assert_eq!(q["restriction"], json!({ "prop": "PR_RESOURCE_TYPE", "op": "eq", "value": 37 }));
    assert_eq!(q["matched"], json!(["MAPI Spooler"]));

    let open = &first(&events, "open_entry")["kind"]["open_entry"];
    let eid = open["entry"].as_str().expect("an entry id is a string");
    assert!(eid.len() == 48 && eid.bytes().all(|b| b.is_ascii_hexdigit()), "all 24 bytes in hex: {eid}");

    let call = &first(&events, "flush_call")["kind"]["flush_call"];
    assert_eq!(call["flags"], "FLUSH_UPLOAD | FLUSH_NO_UI");
    assert_eq!(call["mode"], "synchronous");
    assert_eq!(call["note"], Value::Null);

    let xp = first(&events, "xp_return");
    assert_eq!(xp["actor"], json!({ "transport": "Dial-up" }));
    assert_eq!(
        xp["kind"]["xp_return"],
        json!({ "transport": "Dial-up", "hr": "S_OK" }),
        "IXPLogon::FlushQueues returns S_OK even when the link is down"
    );

    let down = &first(&events, "link_down")["kind"]["link_down"];
    assert!(down["now"].as_str().unwrap().contains("STATUS_FAILURE"), "{down}");
    let done = &first(&events, "transport_done")["kind"]["transport_done"];
    assert_eq!(done["outcome"], "link_down");

    let cleared_nothing = events
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["kind"].get("status"))
        .find(|s| s["cleared"] == "0")
        .expect("a status change that clears nothing");
    assert_ne!(cleared_nothing["set"], "0");

    assert_eq!(events.as_array().unwrap().last().unwrap()["kind"], "run_end", "a unit variant is its name");
}

#[test]
fn outcome_and_scenario_read_as_mapi() {
    let (scenario, _, outcome) = run();
    let flush = outcome["calls"].as_array().unwrap().iter().find(|c| c["api"] == "FlushQueues").unwrap();
    assert_eq!(flush["object"], "spooler", "the spooler, as CallRecord names it");
    assert_eq!(flush["flags"], "FLUSH_UPLOAD | FLUSH_NO_UI");
    assert_eq!(flush["hresult"], "S_OK", "the spooler returns S_OK; the status row tells the failure");
    assert_eq!(outcome["transports"][0]["name"], "Dial-up");
    assert_eq!(outcome["transports"][0]["outbound"], json!(["c"]));
    assert_eq!(outcome["transports"][1]["delivered"], json!(["a"]));
    assert_eq!(outcome["leaks"], json!([]));
    assert_eq!(outcome["errors"], json!([]));

    let s = serde_json::to_value(&scenario).unwrap();
    assert_eq!(s["transports"][0]["kind"], "modem");
    assert_eq!(s["transports"][0]["methods"], "STATUS_VALIDATE_STATE | STATUS_FLUSH_QUEUES");
    assert_eq!(s["faults"], json!([{ "transport": 0, "kind": "link_down" }]));
    let deferred = FaultKind::MessageDeferred("later".into());
    assert_eq!(serde_json::to_value(deferred).unwrap(), json!({ "message_deferred": "later" }));
}
