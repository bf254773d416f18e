//! One test per rule of the model: HRESULTs, restrictions, handles, prompts.

use flushq_core::machine::{Disposal, RuntimeError};
use flushq_core::mapi::{HResult, StatusCode};
use flushq_core::scenario::{Fault, FaultKind, Scenario, TransportKind, TransportSpec};
use flushq_core::session::{ObjectKind, Place};
use flushq_core::trace::{Answer, EventKind, Outcome};
use flushq_core::{Machine, NoPrompt, Step, TransportId};
use flushq_tests::{place_of, run_checked};

const HEADER: &str = "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
sp = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(sp[0].PR_ENTRYID)
xps = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_TRANSPORT_PROVIDER)
lan = session.OpenEntry(xps[0].PR_ENTRYID)
";

fn profile(script: &str) -> Scenario {
    let mut lan = TransportSpec::new("LAN", TransportKind::Lan);
    lan.outbound = vec!["a".into(), "b".into()];
    lan.remote = vec!["r1".into()];
    let mut modem = TransportSpec::new("Modem", TransportKind::Modem);
    modem.methods = flushq_core::mapi::ResourceMethods::STATUS_VALIDATE_STATE;
    modem.outbound = vec!["c".into()];
    modem.remote = vec!["r2".into()];
    Scenario {
        title: String::new(),
        seed: 42,
        script: script.into(),
        transports: vec![lan, modem],
        stores: vec!["Personal Folders".into()],
        faults: vec![],
    }
}

fn run(s: &Scenario) -> (Machine, Outcome) {
    let m = run_checked(s, 100_000).unwrap_or_else(|v| panic!("{v:?}"));
    let o = m.outcome();
    (m, o)
}

/// HRESULTs of the calls to `api`, in order.
fn hresults(o: &Outcome, api: &str) -> Vec<HResult> {
    o.calls.iter().filter(|c| c.api == api).map(|c| c.hresult).collect()
}

#[test]
fn status_table_has_mapi_rows_transports_and_stores() {
    let (m, _) = run(&profile("t = session.GetStatusTable()\nRelease(t)"));
    let names: Vec<&str> = m.world().rows.iter().map(|r| r.display_name.as_str()).collect();
    assert_eq!(names, ["MAPI Subsystem", "MAPI Spooler", "MAPI Address Book", "LAN", "Modem", "Personal Folders"]);
}

#[test]
fn open_entry_with_a_non_entry_id_is_invalid_entryid() {
    let s = profile(&format!("{HEADER}table.SetColumns(PR_INSTANCE_KEY)\nk = HrQueryAllRows(table)\nx = session.OpenEntry(k[0].PR_INSTANCE_KEY)\n"));
    let (_, o) = run(&s);
    assert_eq!(hresults(&o, "OpenEntry").last(), Some(&HResult::InvalidEntryId));
}

#[test]
fn a_column_not_requested_is_pt_null() {
    let s = profile("table = session.GetStatusTable()\ntable.SetColumns(PR_RESOURCE_TYPE)\nrows = HrQueryAllRows(table)\nx = session.OpenEntry(rows[0].PR_ENTRYID)\nRelease(table)\nFreeProws(rows)");
    let (_, o) = run(&s);
    assert_eq!(hresults(&o, "OpenEntry"), [HResult::InvalidParameter]);
    assert!(o.errors.is_empty() && o.leaks.is_empty());
}

#[test]
fn crows_max_below_the_match_count_is_table_too_big() {
    let s = profile("table = session.GetStatusTable()\nrows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_TRANSPORT_PROVIDER, crowsMax: 1)\nok = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_TRANSPORT_PROVIDER, crowsMax: 2)\nRelease(table)\nFreeProws(ok)");
    let (_, o) = run(&s);
    assert_eq!(hresults(&o, "HrQueryAllRows"), [HResult::TableTooBig, HResult::Ok]);
}

#[test]
fn restrictions_eq_ne_and_bitmask() {
    let s = profile("table = session.GetStatusTable()\na = HrQueryAllRows(table, PR_RESOURCE_TYPE != MAPI_TRANSPORT_PROVIDER)\nb = HrQueryAllRows(table, PR_RESOURCE_METHODS & STATUS_FLUSH_QUEUES)\nc = HrQueryAllRows(table, PR_DISPLAY_NAME == \"Modem\")\n");
    let (m, _) = run(&s);
    let matched: Vec<Vec<String>> = m
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::QueryAllRows { matched, .. } => Some(matched.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(matched[0], ["MAPI Subsystem", "MAPI Spooler", "MAPI Address Book", "Personal Folders"]);
    assert_eq!(matched[1], ["MAPI Spooler", "LAN"]);
    assert_eq!(matched[2], ["Modem"]);
}

#[test]
fn methods_whose_bit_is_clear_are_no_support() {
    let s = profile(&format!(
        "{HEADER}sub = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SUBSYSTEM)\nss = session.OpenEntry(sub[0].PR_ENTRYID)\nss.FlushQueues(FLUSH_UPLOAD)\nss.ValidateState()\nss.ChangePassword()\nmodem = session.OpenEntry(xps[1].PR_ENTRYID)\nmodem.FlushQueues(FLUSH_UPLOAD)\n"
    ));
    let (_, o) = run(&s);
    assert_eq!(hresults(&o, "FlushQueues"), [HResult::NoSupport, HResult::NoSupport]);
    assert_eq!(hresults(&o, "ValidateState"), [HResult::Ok]);
    assert_eq!(hresults(&o, "ChangePassword"), [HResult::NoSupport]);
}

#[test]
fn flag_and_target_checks() {
    let s = profile(&format!(
        "{HEADER}a = lan.FlushQueues(FLUSH_UPLOAD, target: xps[0].PR_ENTRYID)\nb = spooler.FlushQueues(FLUSH_NO_UI)\nc = spooler.FlushQueues(FLUSH_UPLOAD | 0x40)\nd = spooler.FlushQueues(FLUSH_UPLOAD, target: sp[0].PR_ENTRYID)\n"
    ));
    let (_, o) = run(&s);
    assert_eq!(
        hresults(&o, "FlushQueues"),
        [HResult::InvalidParameter, HResult::InvalidParameter, HResult::UnknownFlags, HResult::InvalidEntryId]
    );
    // Nothing moved: every refused call left the queues alone.
    assert_eq!(o.transport("LAN").unwrap().outbound, ["a", "b"]);
}

#[test]
fn a_transports_own_flush_only_sets_bits_and_the_spooler_runs_it_later() {
    let s = profile(&format!("{HEADER}lan.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD)\n"));
    let mut m = Machine::new(&s).unwrap();
    while !m.events().iter().any(|e| matches!(e.kind, EventKind::FlushReturn { .. })) {
        assert!(matches!(m.step(), Step::Events(_)), "no dialog here, and the run goes on");
    }
    let lan = m.world().status(0);
    assert!(lan.contains(StatusCode::STATUS_INBOUND_FLUSH));
    assert_eq!(place_of(&m, "r1"), Some(Place::Remote(0)), "the call returns before anything moves");
    m.run();
    assert_eq!(place_of(&m, "r1"), Some(Place::Inbox), "the spooler ran the flush after the call");
    assert!(!m.world().status(0).contains(StatusCode::STATUS_INBOUND_FLUSH));
}

#[test]
fn targeted_spooler_flush_touches_only_the_target() {
    let s = profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD, target: xps[1].PR_ENTRYID)\n"));
    let (_, o) = run(&s);
    assert_eq!(o.transport("Modem").unwrap().delivered, ["c"]);
    assert_eq!(o.transport("LAN").unwrap().outbound, ["a", "b"]);
    assert_eq!(o.calls.iter().find(|c| c.api == "FlushQueues").unwrap().target.as_deref(), Some("Modem"));
}

#[test]
fn both_directions_run_outbound_first() {
    let s = profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_DOWNLOAD)\n"));
    let (m, o) = run(&s);
    let kinds: Vec<&str> = m
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Submit { transport, .. } if &**transport == "LAN" => Some("submit"),
            EventKind::StartMessage { transport, .. } if &**transport == "LAN" => Some("start"),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, ["submit", "submit", "start"]);
    assert_eq!(o.inbox, ["r1", "r2"]);
}

#[test]
fn no_ui_is_ignored_by_the_modem_and_the_host_can_cancel_the_dialog() {
    let s = profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)\n"));
    let mut m = Machine::new(&s).unwrap();
    assert_eq!(m.answer_prompt(Answer::Cancel), Err(NoPrompt), "no dialog waits yet: the host is told");
    let modem = TransportId(1);
    loop {
        match m.step() {
            Step::Events(_) => {}
            Step::Prompt { transport, default } => {
                assert_eq!((transport, default), (modem, Answer::Connect));
                break;
            }
            Step::Finished => panic!("the modem should show its dialog"),
        }
    }
    // Until the host answers, the machine waits: stepping again changes nothing.
    let events = m.events().len();
    assert_eq!(m.step(), Step::Prompt { transport: modem, default: Answer::Connect });
    assert_eq!((m.events().len(), m.pending_prompt()), (events, Some(modem)));
    assert_eq!(m.answer_prompt(Answer::Cancel), Ok(()));
    m.run();
    let o = m.outcome();
    assert_eq!(o.ui_prompts, ["Modem"]);
    assert_eq!(o.transport("Modem").unwrap().outbound, ["c"], "cancelled: nothing sent, nothing lost");
    assert_eq!(hresults(&o, "FlushQueues"), [HResult::UserCancel]);
}

#[test]
fn a_lan_transport_honours_no_ui_but_shows_progress_without_it() {
    let quiet =
        profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD, target: xps[0].PR_ENTRYID)\n"));
    assert!(run(&quiet).1.ui_prompts.is_empty());
    let loud = profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_UPLOAD, target: xps[0].PR_ENTRYID)\n"));
    assert_eq!(run(&loud).1.ui_prompts, ["LAN"]);
}

#[test]
fn use_after_release_is_a_runtime_error_with_line_and_column() {
    let s = profile("table = session.GetStatusTable()\nRelease(table)\nrows = HrQueryAllRows(table)\n");
    let (_, o) = run(&s);
    assert_eq!(o.errors.len(), 1);
    let e = &o.errors[0];
    assert_eq!((e.line, e.column), (3, 23));
    assert_eq!(e.error, RuntimeError::UsedAfterRelease { var: "table".into(), how: Disposal::Released, line: 2 });
}

#[test]
fn release_and_free_prows_are_not_interchangeable() {
    let (_, o) = run(&profile("t = session.GetStatusTable()\nrows = HrQueryAllRows(t)\nRelease(rows)\n"));
    assert_eq!(o.errors[0].error, RuntimeError::ReleaseRows { var: "rows".into() });
    let (_, o) = run(&profile("t = session.GetStatusTable()\nFreeProws(t)\n"));
    assert_eq!(o.errors[0].error, RuntimeError::FreeObject { var: "t".into() });
}

#[test]
fn leaks_name_the_line_that_created_them() {
    let (_, o) = run(&profile("table = session.GetStatusTable()\n\nrows = HrQueryAllRows(table)\nFreeProws(rows)\n"));
    assert_eq!(o.leaks.len(), 1);
    assert_eq!(o.leaks[0].line, 1);
    assert_eq!((o.leaks[0].object, o.leaks[0].var.as_str()), (ObjectKind::StatusTable, "table"));
}

#[test]
fn faults_keep_every_message() {
    let mut s = profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_DOWNLOAD)\n"));
    s.faults = vec![
        Fault { transport: TransportId(0), kind: FaultKind::MessageFails("a".into()) },
        Fault { transport: TransportId(1), kind: FaultKind::LinkDown },
    ];
    let (m, o) = run(&s);
    assert_eq!(o.transport("LAN").unwrap().failed, ["a"]);
    assert_eq!(o.transport("LAN").unwrap().delivered, ["b"]);
    assert_eq!(o.transport("Modem").unwrap().outbound, ["c"]);
    assert_eq!(o.transport("Modem").unwrap().remote, ["r2"]);
    assert!(m.world().status(1).contains(StatusCode::STATUS_FAILURE));
    assert_eq!(hresults(&o, "FlushQueues"), [HResult::NetworkError]);
}

#[test]
fn same_seed_same_trace_other_seed_other_entry_ids() {
    let s = flushq_tests::preset("per-transport-download");
    let a = run(&s).0.events().to_vec();
    let b = run(&s).0.events().to_vec();
    assert_eq!(a, b);
    let mut t = s.clone();
    t.seed += 1;
    let c = run(&t).0;
    assert_ne!(run(&s).0.world().rows[1].entry_id, c.world().rows[1].entry_id);
}

#[test]
fn script_diagnostics_suggest_the_closest_constant() {
    let d = flushq_core::script::diagnose("x = FLUSH_UPLAOD\n");
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].span.line, d[0].span.col), (1, 5));
    assert_eq!(
        d[0].message,
        flushq_core::script::ScriptMessage::UnknownConstant {
            name: "FLUSH_UPLAOD".into(),
            suggestion: Some("FLUSH_UPLOAD".into())
        }
    );
}

#[test]
fn a_target_that_is_not_an_entry_id_is_shown_as_the_script_writes_it() {
    let s = profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_UPLOAD, target: xps[0].PR_RESOURCE_TYPE)\n"));
    let (m, o) = run(&s);
    let target = m.events().iter().find_map(|e| match &e.kind {
        EventKind::FlushCall { target, .. } => target.clone(),
        _ => None,
    });
    assert_eq!(target.as_deref(), Some("xps[0].PR_RESOURCE_TYPE"), "code, in no language");
    assert_eq!(hresults(&o, "FlushQueues"), [HResult::InvalidEntryId]);
}
