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

/// `imapisession-openentry#return-value` lists MAPI_E_UNKNOWN_ENTRYID for an entry
/// id no provider recognises.
#[test]
fn open_entry_of_an_id_no_row_has_is_unknown_entryid() {
    let s = profile(&format!("{HEADER}table.SetColumns(PR_INSTANCE_KEY)\nk = HrQueryAllRows(table)\nx = session.OpenEntry(k[0].PR_INSTANCE_KEY)\n"));
    let (m, o) = run(&s);
    assert_eq!(hresults(&o, "OpenEntry").last(), Some(&HResult::UnknownEntryId));
    let open = m.events().iter().rev().find(|e| matches!(e.kind, EventKind::OpenEntry { .. })).unwrap();
    assert_eq!(open.kind.unlisted_hresult(), None, "the page lists it");
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
            EventKind::EndMessage { transport, .. } if &**transport == "LAN" => Some("end"),
            EventKind::StartMessage { transport, msg: Some(_), .. } if &**transport == "LAN" => Some("start"),
            EventKind::StartMessage { transport, msg: None, .. } if &**transport == "LAN" => Some("start, nothing"),
            EventKind::SaveChanges { transport, .. } if &**transport == "LAN" => Some("save"),
            _ => None,
        })
        .collect();
    // `ixplogon-startmessage#remarks`: SaveChanges per message; with nothing
    // left, StartMessage returns without it and the loop ends.
    assert_eq!(kinds, ["submit", "end", "submit", "end", "start", "save", "start, nothing"]);
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
    // The transport returns S_OK and says it is offline in its status row; the
    // spooler's FlushQueues returns S_OK too (`ixplogon-flushqueues#return-value`).
    assert_eq!(hresults(&o, "FlushQueues"), [HResult::Ok]);
    let modem = m.world().status(1);
    assert!(modem.contains(StatusCode::STATUS_OFFLINE) && !modem.contains(StatusCode::STATUS_AVAILABLE), "{modem}");
    assert!(!modem.intersects(StatusCode::STATUS_OUTBOUND_FLUSH | StatusCode::STATUS_INBOUND_FLUSH));
}

/// `imapistatus-flushqueues#parameters`: FLUSH_NO_UI keeps the spooler's progress
/// indicator away; without it the indicator is parented to `ulUIParam`. A LAN
/// transport shows no dialog of its own either way.
#[test]
fn the_spooler_shows_a_progress_indicator_unless_no_ui() {
    let progress = |m: &Machine| -> Vec<(bool, u32)> {
        m.events()
            .iter()
            .filter_map(|e| match e.kind {
                EventKind::Progress { shown, parent } => Some((shown, parent)),
                _ => None,
            })
            .collect()
    };
    let quiet =
        profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD, target: xps[0].PR_ENTRYID)\n"));
    let (m, o) = run(&quiet);
    assert!(o.ui_prompts.is_empty() && progress(&m).is_empty());
    let loud = profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_UPLOAD, target: xps[0].PR_ENTRYID, ui: 0x1234)\n"));
    let (m, o) = run(&loud);
    assert!(o.ui_prompts.is_empty(), "a LAN transport has no dialog: {:?}", o.ui_prompts);
    assert_eq!(progress(&m), [(true, 0x1234), (false, 0x1234)]);
    let own = profile(&format!("{HEADER}lan.FlushQueues(FLUSH_UPLOAD)\n"));
    assert!(progress(&run(&own).0).is_empty(), "a flush a transport runs for itself shows none (model choice)");
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
    assert!(!m.world().status(1).contains(StatusCode::STATUS_AVAILABLE));
    assert_eq!(hresults(&o, "FlushQueues"), [HResult::Ok], "S_OK: the status table tells what failed");
    assert_eq!(o.inbox, ["Undeliverable: a", "r1"], "the nondelivery report, then the mail received");
}

/// `imapisupport-statusrecips#remarks`: a message the transport cannot deliver is
/// accepted (SubmitMessage S_OK) and reported with a nondelivery report; no
/// SubmitMessage error makes it undeliverable.
#[test]
fn an_undeliverable_message_gets_a_nondelivery_report() {
    let mut s =
        profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD, target: xps[0].PR_ENTRYID)\n"));
    s.faults = vec![Fault { transport: TransportId(0), kind: FaultKind::MessageFails("a".into()) }];
    let (m, o) = run(&s);
    let steps: Vec<&str> = m
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Submit { subject, .. } if &**subject == "a" => Some("submit"),
            EventKind::StatusRecips { subject, report_subject, .. } if &**subject == "a" => {
                assert_eq!(&**report_subject, "Undeliverable: a");
                Some("status recips")
            }
            EventKind::EndMessage { subject, result, .. } if &**subject == "a" => {
                assert_eq!(*result, flushq_core::trace::SubmitResult::Undeliverable);
                Some("end")
            }
            _ => None,
        })
        .collect();
    assert_eq!(steps, ["submit", "status recips", "end"]);
    assert_eq!(
        (o.transport("LAN").unwrap().failed.as_slice(), o.inbox.as_slice()),
        (&["a".to_string()][..], &["Undeliverable: a".to_string()][..])
    );
}

/// `ixplogon-flushqueues#return-value` lists S_OK alone: a transport whose server
/// is down says so in its status row (STATUS_FAILURE), sets no FLUSH bit, and
/// returns S_OK.
#[test]
fn a_link_down_is_reported_in_the_status_row_not_the_hresult() {
    let mut s = profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)\n"));
    s.transports[1].honors_no_ui = true;
    s.faults = vec![Fault { transport: TransportId(1), kind: FaultKind::LinkDown }];
    let (m, o) = run(&s);
    for e in m.events() {
        match &e.kind {
            EventKind::XpReturn { hr, .. } => assert_eq!(*hr, HResult::Ok),
            EventKind::Status { transport, set, .. } if &**transport == "Modem" => {
                panic!("the modem never starts flushing: {set}")
            }
            _ => {}
        }
    }
    assert_eq!(o.transport("Modem").unwrap().outbound, ["c"]);
    assert_eq!(m.world().modem_line, None, "the line is given back");
}

/// Step 9 frees the line sending used ("so other transports can use it"); the
/// modem takes it again to receive (model choice), and step 13 releases it.
#[test]
fn step_nine_frees_the_modem_line_before_the_inbound_phase() {
    let mut s = profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_DOWNLOAD)\n"));
    s.transports[1].honors_no_ui = true;
    let (m, _) = run(&s);
    use flushq_core::trace::LineReason as L;
    let line: Vec<(bool, L)> = m
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::ModemLine { acquired, why, .. } => Some((*acquired, *why)),
            _ => None,
        })
        .collect();
    assert_eq!(line, [(true, L::Connect), (false, L::SendingDone), (true, L::Receive), (false, L::FlushDone)]);
    let freed = m.events().iter().position(|e| matches!(e.kind, EventKind::ModemLine { why: L::SendingDone, .. }));
    let inbound = m.events().iter().position(|e| {
        matches!(&e.kind, EventKind::Status { transport, set, .. } if &**transport == "Modem" && set.contains(StatusCode::STATUS_INBOUND_FLUSH))
    });
    assert!(freed < inbound, "freed first, then STATUS_INBOUND_FLUSH");
}

/// `pidtagstatuscode-canonical-property#remarks`: STATUS_OUTBOUND_ACTIVE while a
/// message is submitted, STATUS_INBOUND_ACTIVE while one is received.
#[test]
fn the_active_bits_are_set_while_a_message_is_handled() {
    let s = profile(&format!(
        "{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_DOWNLOAD, target: xps[0].PR_ENTRYID)\n"
    ));
    let (m, _) = run(&s);
    let out = StatusCode::STATUS_OUTBOUND_ACTIVE;
    let inn = StatusCode::STATUS_INBOUND_ACTIVE;
    for e in m.events() {
        match &e.kind {
            EventKind::Submit { now, .. } => assert!(now.contains(out), "{now}"),
            EventKind::EndMessage { now, .. } => assert!(!now.contains(out), "{now}"),
            EventKind::StartMessage { now, msg, .. } => assert_eq!(now.contains(inn), msg.is_some(), "{now}"),
            EventKind::SaveChanges { now, .. } => assert!(!now.contains(inn), "{now}"),
            _ => {}
        }
    }
    assert!(!m.world().status(0).intersects(out | inn));
}

/// Step 2: deferred messages are reported before the transport connects; the
/// spooler resubmits each with BEGIN_DEFERRED (`ixplogon-submitmessage#parameters`).
#[test]
fn deferred_messages_are_reported_before_connecting_and_resubmitted_with_begin_deferred() {
    let flush = "spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD, target: xps[1].PR_ENTRYID)\n";
    let mut s = profile(&format!("{HEADER}{flush}{flush}"));
    s.transports[1].honors_no_ui = true;
    s.faults = vec![Fault { transport: TransportId(1), kind: FaultKind::MessageDeferred("c".into()) }];
    let (m, o) = run(&s);
    let order: Vec<String> = m
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SentDeferred { .. } => Some("sent deferred".into()),
            EventKind::ModemLine { acquired: true, .. } => Some("line".into()),
            EventKind::Submit { deferred, .. } => Some(format!("submit deferred={deferred}")),
            _ => None,
        })
        .collect();
    assert_eq!(order, ["line", "submit deferred=false", "sent deferred", "line", "submit deferred=true"]);
    assert_eq!(o.transport("Modem").unwrap().delivered, ["c"]);
}

/// A transport's own FlushQueues marks the phase that runs first: with both
/// directions, STATUS_OUTBOUND_FLUSH only; STATUS_INBOUND_FLUSH comes at step 9.
#[test]
fn a_transports_own_flush_sets_the_outbound_bit_first() {
    let s = profile(&format!("{HEADER}lan.FlushQueues(FLUSH_UPLOAD | FLUSH_DOWNLOAD)\n"));
    let (m, o) = run(&s);
    let own = m.events().iter().find_map(|e| match &e.kind {
        EventKind::Status { set, why: flushq_core::trace::StatusReason::OwnFlushQueues, .. } => Some(*set),
        _ => None,
    });
    assert_eq!(own, Some(StatusCode::STATUS_OUTBOUND_FLUSH));
    assert_eq!(o.inbox, ["r1"], "the inbound phase still runs");
}

/// Every status object supports ValidateState (`imapistatus-validatestate#remarks`),
/// whatever a scenario lists; providers carry STATUS_NO_PRIMARY_IDENTITY
/// (`pidtagresourceflags-canonical-property#remarks`).
#[test]
fn every_row_supports_validate_state_and_providers_say_they_have_no_identity() {
    let mut s = profile("t = session.GetStatusTable()\nRelease(t)");
    s.transports[1].methods = flushq_core::mapi::ResourceMethods::empty();
    let (m, _) = run(&s);
    use flushq_core::mapi::{PropTag, ResourceMethods, STATUS_NO_PRIMARY_IDENTITY};
    use flushq_core::session::PropValue;
    for row in &m.world().rows {
        assert!(row.methods.contains(ResourceMethods::STATUS_VALIDATE_STATE), "{}", row.display_name);
        let flags = row.get(PropTag::ResourceFlags);
        let provider = row.transport.is_some() || row.display_name == "Personal Folders";
        let want = if provider { STATUS_NO_PRIMARY_IDENTITY } else { 0 };
        assert_eq!(flags, Some(PropValue::Long(want)), "{}", row.display_name);
    }
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

/// `imapistatus-validatestate#notes-to-implementers`: FORCE_XP_DISCONNECT takes a
/// transport offline; a flush then moves nothing through it (model choice);
/// FORCE_XP_CONNECT brings it back and marks its row, and the spooler flushes it.
#[test]
fn validate_state_takes_a_transport_offline_and_brings_it_back() {
    let s = profile(&format!(
        "{HEADER}lan.ValidateState(FORCE_XP_DISCONNECT)\nspooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD, target: xps[0].PR_ENTRYID)\nlan.ValidateState(FORCE_XP_CONNECT | SUPPRESS_UI)\n"
    ));
    let (m, o) = run(&s);
    let offline = m.events().iter().position(|e| matches!(e.kind, EventKind::StaysOffline { .. }));
    let connect = m.events().iter().position(|e| {
        matches!(e.kind, EventKind::Status { why: flushq_core::trace::StatusReason::ConnectRequested, .. })
    });
    assert!(offline.is_some() && offline < connect, "offline during the first flush, connected after");
    assert_eq!(o.transport("LAN").unwrap().delivered, ["a", "b"], "the spooler flushed it once it was back");
    assert_eq!(o.inbox, ["r1"], "both ways");
    let lan = o.transport("LAN").unwrap();
    assert!(!lan.offline && lan.status_code.contains(&"STATUS_AVAILABLE".to_string()), "{:?}", lan.status_code);
    let calls: Vec<_> = o.calls.iter().filter(|c| c.api == "ValidateState").map(|c| (c.validate, c.hresult)).collect();
    use flushq_core::mapi::ValidateFlags as V;
    assert_eq!(
        calls,
        [(Some(V::FORCE_XP_DISCONNECT), HResult::Ok), (Some(V::FORCE_XP_CONNECT | V::SUPPRESS_UI), HResult::Ok)]
    );
    assert!(
        !m.events().iter().any(|e| matches!(e.kind, EventKind::Progress { .. })),
        "SUPPRESS_UI: no progress indicator"
    );
}

/// A scenario's `offline = true` transport starts with STATUS_OFFLINE, not STATUS_AVAILABLE.
#[test]
fn an_offline_transport_starts_offline_and_keeps_its_mail() {
    let mut s = profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_DOWNLOAD)\n"));
    s.transports[0].offline = true;
    let (m, o) = run(&s);
    let lan = o.transport("LAN").unwrap();
    assert_eq!(
        (lan.outbound.as_slice(), lan.remote.as_slice()),
        (&["a".to_string(), "b".into()][..], &["r1".to_string()][..])
    );
    assert!(lan.offline && lan.status_code.contains(&"STATUS_OFFLINE".to_string()));
    assert!(!m.world().status(0).contains(StatusCode::STATUS_AVAILABLE));
    assert_eq!(hresults(&o, "FlushQueues"), [HResult::Ok], "S_OK: the status row tells");
}

/// The reference's table: the spooler logs every transport on again, the subsystem
/// and the address book validate; an undefined flag is MAPI_E_UNKNOWN_FLAGS
/// (model choice, labelled), and MAPI_E_BUSY while the spooler flushes.
#[test]
fn validate_state_per_object_and_its_refusals() {
    let s = profile(&format!(
        "{HEADER}spooler.ValidateState()\nlan.ValidateState(0x8)\nspooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_ASYNC_OK)\nhr = spooler.ValidateState()\n"
    ));
    let (m, o) = run(&s);
    let logons: Vec<&str> = m
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::XpLogon { transport } => Some(&**transport),
            _ => None,
        })
        .collect();
    assert_eq!(logons, ["LAN", "Modem"], "every transport, in transport order");
    assert_eq!(hresults(&o, "ValidateState"), [HResult::Ok, HResult::UnknownFlags, HResult::Busy]);
    let unknown =
        m.events().iter().find(|e| matches!(e.kind, EventKind::ValidateReturn { hr: HResult::UnknownFlags, .. }));
    let unknown = &unknown.unwrap().kind;
    assert_eq!(unknown.unlisted_hresult(), None, "the notes to implementers name MAPI_E_UNKNOWN_FLAGS");
    assert_eq!(unknown.basis().to_string(), "imapistatus-validatestate#notes-to-implementers");
    let sub = profile("t = session.GetStatusTable()\nt.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)\nr = HrQueryAllRows(t, PR_RESOURCE_TYPE == MAPI_SUBSYSTEM)\nx = session.OpenEntry(r[0].PR_ENTRYID)\nx.ValidateState(SUPPRESS_UI)\nRelease(x)\nRelease(t)\nFreeProws(r)");
    let (m, _) = run(&sub);
    assert!(m
        .events()
        .iter()
        .any(|e| matches!(e.kind, EventKind::Validated { what: flushq_core::trace::Validation::Subsystem, .. })));
}

/// One state at a time: disconnecting a transport whose link is down leaves
/// STATUS_OFFLINE alone; an abort disables the inbound side until the transport is
/// connected again; an offline transport keeps no FLUSH bit its own FlushQueues set.
#[test]
fn validate_state_keeps_the_status_row_consistent() {
    let mut s = profile(&format!(
        "{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD, target: xps[0].PR_ENTRYID)\nlan.ValidateState(FORCE_XP_DISCONNECT)\nlan.FlushQueues(FLUSH_UPLOAD)\n"
    ));
    s.faults = vec![Fault { transport: TransportId(0), kind: FaultKind::LinkDown }];
    let (m, _) = run(&s);
    let lan = m.world().status(0);
    assert!(
        lan.contains(StatusCode::STATUS_OFFLINE)
            && !lan.intersects(StatusCode::STATUS_FAILURE | StatusCode::STATUS_AVAILABLE),
        "{lan}"
    );
    assert!(!lan.intersects(StatusCode::STATUS_OUTBOUND_FLUSH | StatusCode::STATUS_INBOUND_FLUSH), "{lan}");
    let s = profile(&format!("{HEADER}lan.ValidateState(ABORT_XP_HEADER_OPERATION)\n"));
    let (m, _) = run(&s);
    assert!(!m.world().status(0).contains(StatusCode::STATUS_INBOUND_ENABLED));
    let s = profile(&format!(
        "{HEADER}lan.ValidateState(ABORT_XP_HEADER_OPERATION)\nlan.ValidateState(FORCE_XP_CONNECT)\n"
    ));
    let (m, o) = run(&s);
    assert!(m.world().status(0).contains(StatusCode::STATUS_INBOUND_ENABLED | StatusCode::STATUS_AVAILABLE));
    assert_eq!(o.inbox, ["r1"]);
}

/// `implementing-the-flushqueues-method`, after the steps: a spooler shutting down
/// ends the flush with both END notifications in one TransportNotify; the transport
/// lets go of everything; nothing is lost (model choice: the job ends there).
#[test]
fn a_spooler_shutdown_ends_the_flush_and_loses_nothing() {
    let mut s = profile(&format!("{HEADER}spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_DOWNLOAD)\n"));
    s.transports[1].honors_no_ui = true;
    s.faults = vec![Fault { transport: TransportId(1), kind: FaultKind::SpoolerShutdown { after: 0 } }];
    let (m, o) = run(&s);
    let shut = m.events().iter().position(|e| matches!(e.kind, EventKind::SpoolerShutdown { .. })).expect("shuts down");
    assert!(
        !m.events()[shut..].iter().any(|e| matches!(e.kind, EventKind::Submit { .. })),
        "nothing submitted after it"
    );
    assert_eq!(m.world().modem_line, None, "the line is released");
    assert!(!m.world().status(1).intersects(StatusCode::STATUS_OUTBOUND_FLUSH | StatusCode::STATUS_INBOUND_FLUSH));
    assert_eq!(o.transport("LAN").unwrap().delivered, ["a", "b"], "the transport before it was flushed");
    assert_eq!(
        (o.transport("Modem").unwrap().outbound.as_slice(), o.transport("Modem").unwrap().remote.as_slice()),
        (&["c".to_string()][..], &["r2".to_string()][..])
    );
    assert_eq!(hresults(&o, "FlushQueues"), [HResult::Ok]);
}
