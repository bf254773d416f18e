//! Invariants over random scenarios: nothing lost or duplicated at any step,
//! completed uploads leave nothing queued, determinism, and no panics on any input.

use flushq_core::mapi::ResourceMethods;
use flushq_core::scenario::{Fault, FaultKind, Scenario, TransportId, TransportKind, TransportSpec};
use flushq_core::script::{PRESET_PER_TRANSPORT, PRESET_SPOOLER};
use flushq_core::Machine;
use flushq_tests::run_checked;
use proptest::prelude::*;

fn kind() -> impl Strategy<Value = TransportKind> {
    prop_oneof![Just(TransportKind::Lan), Just(TransportKind::Modem), Just(TransportKind::Ras)]
}

fn transport(i: usize) -> impl Strategy<Value = TransportSpec> {
    (kind(), any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), 0usize..5, 0usize..5).prop_map(
        move |(kind, flush_method, honors, asynchronous, offline, out, remote)| {
            let mut t = TransportSpec::new(format!("T{i}"), kind);
            if !flush_method {
                t.methods = ResourceMethods::STATUS_VALIDATE_STATE;
            }
            t.honors_no_ui = honors;
            t.asynchronous = asynchronous;
            t.offline = offline;
            t.outbound = (0..out).map(|m| format!("o{i}.{m}")).collect();
            t.remote = (0..remote).map(|m| format!("r{i}.{m}")).collect();
            t
        },
    )
}

fn flags() -> impl Strategy<Value = String> {
    let direction = prop_oneof![Just("FLUSH_UPLOAD"), Just("FLUSH_DOWNLOAD"), Just("FLUSH_UPLOAD | FLUSH_DOWNLOAD")];
    (direction, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(d, no_ui, force, async_ok)| {
        let mut f = String::from(d);
        for (on, name) in [(no_ui, "FLUSH_NO_UI"), (force, "FLUSH_FORCE"), (async_ok, "FLUSH_ASYNC_OK")] {
            if on {
                f.push_str(" | ");
                f.push_str(name);
            }
        }
        f
    })
}

/// ValidateState on every row with `flags`: transports go offline or come back
/// (and are flushed), the spooler logs them on again.
fn validate_all(flags: &str) -> String {
    format!(
        "vt = session.GetStatusTable()\nvt.SetColumns(PR_ENTRYID)\nvr = HrQueryAllRows(vt)\nfor v in vr {{\n    vo = session.OpenEntry(v.PR_ENTRYID)\n    vo.ValidateState({flags})\n    Release(vo)\n}}\nRelease(vt)\nFreeProws(vr)\n"
    )
}

/// The two procedures with random flags, flushed once or twice, and ValidateState
/// on every row between the two.
fn script() -> impl Strategy<Value = String> {
    let validate = prop_oneof![
        Just(""),
        Just("FORCE_XP_CONNECT"),
        Just("FORCE_XP_DISCONNECT | SUPPRESS_UI"),
        Just("CONFIG_CHANGED")
    ];
    (any::<bool>(), flags(), any::<bool>(), validate).prop_map(|(per_transport, flags, twice, validate)| {
        let base = if per_transport { PRESET_PER_TRANSPORT } else { PRESET_SPOOLER };
        let mut s = base.replace("FLUSH_NO_UI | FLUSH_UPLOAD", &flags).replace("FLUSH_NO_UI | FLUSH_DOWNLOAD", &flags);
        if twice {
            // Run the whole procedure again: the second flush meets deferred messages,
            // pending transport requests, or an asynchronous flush still running.
            let between = if validate.is_empty() { String::new() } else { validate_all(validate) };
            s = format!("{s}\n{between}{s}");
        }
        s
    })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (1usize..5)
        .prop_flat_map(|n| {
            let transports: Vec<_> = (0..n).map(transport).collect();
            (transports, proptest::collection::vec((0..n, 0u8..6, 0usize..5), 0..4), script(), any::<u64>())
        })
        .prop_map(|(transports, raw_faults, script, seed)| {
            let faults = raw_faults
                .into_iter()
                .filter_map(|(t, k, m)| {
                    let spec: &TransportSpec = &transports[t];
                    let msg = spec.outbound.get(m % spec.outbound.len().max(1)).cloned();
                    let kind = match (k, msg) {
                        (0, _) => FaultKind::LinkDown,
                        (1, _) => FaultKind::UserCancels,
                        (2, Some(m)) => FaultKind::MessageFails(m),
                        (3, Some(m)) => FaultKind::MessageDeferred(m),
                        (4, m) => FaultKind::DropsFlushBits(m),
                        (5, _) => FaultKind::SpoolerShutdown { after: m as u32 },
                        _ => return None,
                    };
                    Some(Fault { transport: TransportId::at(t), kind })
                })
                .collect();
            Scenario { title: String::new(), seed, script, transports, stores: vec![], faults }
        })
}

// Random scenarios: 6,000 checked step by step plus 4,000 run twice for
// determinism, 10,000 per run in all (timed in BENCHMARKS.md, "Tests").
proptest! {
    #![proptest_config(ProptestConfig { cases: 6000, ..ProptestConfig::default() })]

    /// Checked after every step by the harness: each message in exactly one place,
    /// the modem line only with the transport being flushed, and a completed
    /// upload leaving nothing queued.
    #[test]
    fn invariants_hold_at_every_step(s in scenario()) {
        let m = run_checked(&s, 200_000).map_err(|v| TestCaseError::fail(format!("{v:?}")))?;
        prop_assert!(m.is_finished());
        prop_assert!(m.world().transports.iter().all(|t| t.in_transit.is_none() && t.receiving.is_none()));
        prop_assert_eq!(m.world().modem_line, None);
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn same_scenario_and_seed_give_the_same_trace(s in scenario()) {
        let mut a = Machine::new(&s).unwrap();
        let mut b = Machine::new(&s).unwrap();
        prop_assert_eq!(a.run(), b.run());
        prop_assert_eq!(a.outcome(), b.outcome());
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Arbitrary text as a script never panics: it is rejected with diagnostics
    /// that carry a position inside the text, or it runs to the end.
    #[test]
    fn any_script_text_is_diagnosed_or_runs(src in "\\PC{0,200}") {
        let mut s = flushq_tests::preset("spooler-upload");
        s.script = src.clone();
        match Machine::new(&s) {
            Ok(mut m) => { m.run(); prop_assert!(m.is_finished()); }
            Err(flushq_core::LoadError::Script(diags)) => {
                prop_assert!(!diags.is_empty());
                let lines = src.split('\n').count() as u32;
                for d in diags {
                    prop_assert!(d.span.line >= 1 && d.span.line <= lines, "{d:?}");
                    prop_assert!(!flushq_explain::script_message_in(&d.message, flushq_explain::Lang::EN).is_empty());
                }
            }
            Err(e) => prop_assert!(false, "unexpected {e:?}"),
        }
    }

    /// Scripts assembled from real statements in random order (use before
    /// assignment, double release, wrong types) never panic either.
    #[test]
    fn shuffled_statements_never_panic(lines in proptest::collection::vec(0usize..16, 0..30)) {
        const POOL: [&str; 16] = [
            "table = session.GetStatusTable()",
            "table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)",
            "table.SetColumns(PR_RESOURCE_TYPE)",
            "rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_TRANSPORT_PROVIDER)",
            "sp = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER, crowsMax: 1)",
            "spooler = session.OpenEntry(sp[0].PR_ENTRYID)",
            "xp = session.OpenEntry(rows[0].PR_ENTRYID)",
            "spooler.FlushQueues(FLUSH_UPLOAD | FLUSH_ASYNC_OK)",
            "hr = spooler.FlushQueues(FLUSH_DOWNLOAD, target: rows[0].PR_ENTRYID)",
            "xp.FlushQueues(FLUSH_UPLOAD | FLUSH_DOWNLOAD | FLUSH_FORCE)",
            "Release(xp)",
            "Release(spooler)",
            "Release(table)",
            "FreeProws(rows)",
            "for r in rows { x = session.OpenEntry(r.PR_ENTRYID)\n Release(x) }",
            "if rows.cRows == 0 { Release(table) } else { FreeProws(sp) }",
        ];
        let src: Vec<&str> = lines.iter().map(|&i| POOL[i]).collect();
        let mut s = flushq_tests::preset("spooler-upload");
        s.script = src.join("\n");
        if let Ok(mut m) = Machine::new(&s) {
            m.run();
            prop_assert!(m.is_finished());
        }
    }
}
