//! Every event cites the reference or says "model choice": the pages it names are
//! real sections, each is covered in `docs/reference-coverage.md`, the JSON trace
//! carries the citation, and an HRESULT a page does not list is labelled.

use flushq_core::trace::{Basis, EventKind, Page, Section};
use flushq_core::Machine;

/// The headings of each cited page, as the pages have them (read from
/// MicrosoftDocs/office-developer-client-docs `docs/outlook/mapi/`, commit
/// 263bd7c8a9bb4d3521aa06e4ea76f6f687d5b74b), as anchors.
fn anchors(page: Page) -> &'static [&'static str] {
    const METHOD: &[&str] = &["parameters", "return-value", "remarks", "see-also"];
    const PROPERTY: &[&str] = &["remarks", "related-resources", "see-also"];
    match page {
        Page::FreeProws => &["parameters", "return-value", "notes-to-callers", "mfcmapi-reference", "see-also"],
        Page::ResourceMethods | Page::StatusCode => PROPERTY,
        Page::PropertyRestriction => &["members", "remarks", "see-also"],
        Page::StatusFlushQueues => {
            &["parameters", "return-value", "remarks", "notes-to-implementers", "notes-to-callers", "see-also"]
        }
        Page::Implementing => &[],
        Page::ValidateState => {
            &["parameters", "return-value", "remarks", "notes-to-implementers", "notes-to-callers", "see-also"]
        }
        _ => METHOD,
    }
}

fn run(name: &str) -> Machine {
    let toml = flushq_scenario::preset(name).expect("preset").toml;
    let scenario = flushq_scenario::load(toml, flushq_scenario::Format::Toml).expect("loads");
    let mut m = Machine::new(&scenario).expect("starts");
    m.run();
    m
}

#[test]
fn every_cited_section_is_a_heading_of_its_page() {
    for p in flushq_scenario::presets() {
        for e in run(p.name).events() {
            match e.kind.basis() {
                Basis::Reference(page, Section::Anchor(a)) => {
                    assert!(anchors(page).contains(&a), "{}: {:?} cites {}#{a}", p.name, e.kind, page.slug())
                }
                Basis::Reference(page, Section::Step(n)) => {
                    assert_eq!(page, Page::Implementing);
                    assert!((1..=14).contains(&n), "{n}");
                }
                Basis::Reference(page, Section::AfterSteps) => assert_eq!(page, Page::Implementing),
                Basis::ModelChoice => {}
            }
        }
    }
}

#[test]
fn every_cited_page_is_in_the_coverage_document() {
    let doc = include_str!("../../docs/reference-coverage.md");
    for page in Page::ALL {
        let heading = format!(
            "## [{}](https://learn.microsoft.com/en-us/office/client-developer/outlook/mapi/{})",
            page.slug(),
            page.slug()
        );
        assert!(doc.contains(&heading), "docs/reference-coverage.md has no section for {}", page.slug());
    }
}

#[test]
fn the_protocol_rests_on_the_reference_and_the_rest_is_labelled() {
    let m = run("spooler-upload");
    let cited: Vec<String> = m.events().iter().map(|e| e.kind.basis().to_string()).collect();
    assert!(cited.contains(&"implementing-the-flushqueues-method step 1".to_string()), "{cited:?}");
    assert!(cited.contains(&"implementing-the-flushqueues-method step 9".to_string()), "{cited:?}");
    assert!(!cited.contains(&"imapistatus-flushqueues#parameters".to_string()), "no progress indicator: NO_UI");
    assert!(cited.contains(&"model choice".to_string()), "the skipped inbound phase");
    let url = m.events().iter().find_map(|e| e.kind.basis().url()).expect("a link");
    assert!(url.starts_with("https://learn.microsoft.com/en-us/office/client-developer/outlook/mapi/"), "{url}");
}

#[test]
fn the_json_trace_gives_every_event_its_ref() {
    for p in flushq_scenario::presets() {
        let m = run(p.name);
        let json: serde_json::Value =
            serde_json::from_str(&flushq_explain::export::trace_json(m.events(), &m.outcome())).expect("valid JSON");
        let events = json["events"].as_array().expect("events");
        assert_eq!(events.len(), m.events().len());
        for (j, e) in events.iter().zip(m.events()) {
            assert_eq!(j["ref"], e.kind.basis().to_string(), "{}", p.name);
        }
    }
}

#[test]
fn an_hresult_the_page_does_not_list_is_labelled_model_choice() {
    let script = "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
sp = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(sp[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_UPLOAD | 0x40)
spooler.FlushQueues(FLUSH_UPLOAD | FLUSH_NO_UI)
";
    let mut s =
        flushq_scenario::load(flushq_scenario::preset("spooler-upload").unwrap().toml, flushq_scenario::Format::Toml)
            .unwrap();
    s.script = script.into();
    let mut m = Machine::new(&s).unwrap();
    m.run();
    let returns: Vec<_> = m.events().iter().filter(|e| matches!(e.kind, EventKind::FlushReturn { .. })).collect();
    assert_eq!(returns[0].kind.unlisted_hresult(), Some(flushq_core::mapi::HResult::UnknownFlags));
    assert_eq!(returns[1].kind.unlisted_hresult(), None, "S_OK is listed");
    let text = flushq_explain::describe(&returns[0].kind);
    assert!(text.contains("model choice: the method's reference page does not list this HRESULT"), "{text}");
    let zh = flushq_explain::describe_in(&returns[0].kind, flushq_explain::Lang::ZH);
    assert!(zh.contains("模型选择"), "{zh}");
}
