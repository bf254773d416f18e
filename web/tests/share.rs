//! Share links and TOML export: round trips, a frozen v1 link, and hostile input.

use flushq_core::scenario::{Fault, FaultKind, Scenario, TransportId, TransportKind, TransportSpec};
use flushq_core::trace::Answer::{self, Cancel, Connect};
use flushq_scenario::{load, preset, presets, FileMessage, Format};
use flushq_web::i18n::Lang;
use flushq_web::share::*;

/// A link made by `encode` when format v1 shipped: preset "spooler-upload", answers
/// [Cancel], step 7.
///
/// NEVER regenerate this literal. It stands for links already pasted into chats and
/// bug reports. If decoding it fails after a format change, the change broke old
/// links: keep reading v1 with a v1 decoder branch instead.
const V1_LINK: &str = "v=1&s=jZFNa-MwEIbv-hXCl9hQh-1pYSEH0yjbgDd2_LFQjDGKM47NypKrD7qB_fErOd1NS2npSZrRO-88mumYUf1jqHoqAd8ipWHCXxHl6gmkwr9RGIZID5oBXmEvlaKFo7HK6BvuXCWmjGFh9EkM_IQfDRhQWPdSmFNvT8BqEoKB9JACOFoP26KVw6TtdbFYIE0Ps7UCpQbBl99B55pqowr34AcXwTIHfSeYGbny06whuyJ72K5vsL1nJE_K7I40xUNKAiTFk7J293JvQJ4jxjKb8GeTt3K8WuEfUbpt8jRJYpIF6Jn2BVAyASdcy7PvrKsv9fIK8F-_3LhZ7Off-5u4zO-bXdKUW_wHX6IyjZPI6jNgQBX4z3XXxEwYoI0ESF2juVuA3IhQVWlpFzIJqesacTrOu0i6bmgBx9HOQ78G7mbrMco9NILuxdFNofLyIirKvPkZxdt1VJDGxcS7wf8eLnT7kpQk92rUCy6karhozGDrtTSAqDrz1gYdZQqQXfVBmLlb5VHndLB1EkahYc7JWxu_g7weKAvNdOUdxRHGzxC_QbvQfMDWvsKq0V8";

/// What `V1_LINK` holds, frozen with it so that edits to the shipped preset do not
/// look like a broken link.
const V1_SCENARIO: &str = r#"
title = "Procedure A: flush all outgoing queues through the spooler"
seed = 1
script = '''
table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)
Release(spooler)
Release(table)
FreeProws(rows)
'''

[[transport]]
name = "Office LAN"
kind = "lan"
methods = ["STATUS_VALIDATE_STATE", "STATUS_FLUSH_QUEUES"]
outbound = ["a", "b"]
remote = ["r1"]

[[transport]]
name = "Dial-up"
kind = "modem"
methods = ["STATUS_VALIDATE_STATE"]
honors_no_ui = false
outbound = ["c"]
"#;

fn sample(name: &str) -> Scenario {
    load(preset(name).unwrap().toml, Format::Toml).unwrap()
}

/// Every fault kind, empty and full queues, awkward strings everywhere, and a script
/// whose comment is awkward too (scripts must stay valid: `load` checks them).
fn awkward(comment: &str) -> Scenario {
    let mut s = sample("spooler-upload"); // two transports: #0 and #1
    s.title = "\"quoted\" \\back\\slash ''' tab\there\nnewline 漢字 😀 \u{7f}\u{1}".into();
    s.seed = i64::MAX as u64;
    s.script = format!("// {comment}\n{}", s.script);
    let mut odd = TransportSpec::new("Ĳssel \"RAS\" \\ '''", TransportKind::Ras);
    odd.methods = Default::default();
    odd.honors_no_ui = true;
    odd.asynchronous = true;
    odd.outbound = vec![String::new(), "'''".into(), "a\"b".into(), "\t\r\n".into()];
    odd.remote = vec!["远程 📬".into()];
    s.transports.push(odd);
    s.transports.push(TransportSpec::new("Modem", TransportKind::Modem));
    s.stores = vec![String::new(), "Personal Folders \\ \"PST\"".into(), "受信トレイ".into()];
    let f = |transport, kind| Fault { transport: TransportId(transport), kind };
    s.faults = vec![
        f(2, FaultKind::MessageFails(String::new())),
        f(2, FaultKind::MessageDeferred("a\"b".into())),
        f(2, FaultKind::DropsFlushBits(Some("远程 📬".into()))),
        f(0, FaultKind::DropsFlushBits(None)),
        f(3, FaultKind::LinkDown),
        f(0, FaultKind::UserCancels),
    ];
    s
}

fn awkward_all() -> Vec<Scenario> {
    let comments = ["plain", "it's \"q\" \\ 漢字 😀\tand a tab", "has ''' inside", "bell \u{7}"];
    let mut all: Vec<Scenario> = comments.iter().map(|c| awkward(c)).collect();
    let mut crlf = awkward("crlf");
    crlf.script = crlf.script.replace('\n', "\r\n");
    all.push(crlf);
    let mut quote_at_end = awkward("last line is a comment");
    quote_at_end.script.push_str("// it ends with a quote '");
    all.push(quote_at_end);
    all
}

#[test]
fn toml_round_trips_every_preset() {
    for p in presets() {
        let s = sample(p.name);
        let text = to_toml(&s);
        assert_eq!(load(&text, Format::Toml), Ok(s), "{}:\n{text}", p.name);
    }
}

#[test]
fn toml_round_trips_awkward_strings() {
    for s in awkward_all() {
        let text = to_toml(&s);
        assert_eq!(load(&text, Format::Toml).as_ref(), Ok(&s), "\n{text}");
    }
}

#[test]
fn toml_is_readable() {
    let text = to_toml(&sample("ras-user-cancels"));
    assert!(text.starts_with("title = \"The user cancels the RAS dialog\"\nseed = 7\nscript = '''\n"), "{text}");
    assert!(text.contains("\n[[transport]]\nname = \"Travel RAS\"\nkind = \"ras\"\n"), "{text}");
    assert!(text.contains("outbound = [\"expenses\", \"timesheet\"]\n"), "{text}");
    assert!(text.ends_with("\n[[fault]]\ntransport = \"Travel RAS\"\nkind = \"user_cancels\"\n"), "{text}");
    // Scripts that cannot be a literal string fall back to an escaped basic string.
    assert!(to_toml(&awkward("has ''' inside")).contains("\nscript = \"// has ''' inside\\n"));
}

#[test]
fn links_round_trip() {
    let cases: [(&[Answer], u32); 3] = [(&[], 0), (&[Connect], 3), (&[Cancel, Connect, Cancel], u32::MAX)];
    let scenarios = presets().iter().map(|p| sample(p.name)).chain(awkward_all());
    for scenario in scenarios {
        for (answers, step) in cases {
            let shared = Shared { scenario: scenario.clone(), answers: answers.to_vec(), step };
            let link = encode(&shared);
            assert!(link.starts_with("v=1&s="), "{link}");
            assert!(link[6..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{link}");
            assert_eq!(decode(&link), Ok(shared.clone()));
            assert_eq!(decode(&format!("#{link}")), Ok(shared));
        }
    }
}

#[test]
fn seeds_beyond_toml_integers_survive_links() {
    let mut scenario = sample("link-down");
    scenario.seed = u64::MAX;
    let shared = Shared { scenario, answers: vec![], step: 1 };
    assert_eq!(decode(&encode(&shared)), Ok(shared));
}

#[test]
fn frozen_v1_link_still_decodes() {
    let scenario = load(V1_SCENARIO, Format::Toml).unwrap();
    let expected = Shared { scenario, answers: vec![Cancel], step: 7 };
    assert_eq!(decode(V1_LINK), Ok(expected));
}

/// A link to the `message_fails` scenario made before the model followed
/// `ixplogon-submitmessage` (commit 755b3d4: "SubmitMessage fails and the spooler
/// reports it undeliverable"), step 11. NEVER regenerate it: it stands for links
/// already shared.
const MESSAGE_FAILS_LINK: &str = "v=1&s=dVJNa-MwEL3rVwhfYkMTNnvPwbTKNuCNXX8sFGOEko43ZmXJq5Eogf3xKzlpWii9zWjevPf0mF46PP1d4kkYoGuCFia6XhOh8BUMkuVySexgJdANjVI6AqL4DbQXg8SIIMCLH6y_EzyaYbK-XiwWxIrDvIAePWi1-gG2ssI6rMMgTi6AVQX2Xks3KoyLkrN9XT7vHu6or0tW5U15z3j9XLCEGP2Knu7RPDkw51TK0j_EM8lnON1s6M-02PGqyPOMlQnBSWsJ5oOhfALFlDXnOFC337rVu4EbfrUN0XhJBxhvs6Z65PucNzv6j166psjy1ONLkCAQ4uve-8PsMCFbA1AEoVktISEi0rbW-JAnbWzXESXGOeG874cj0CzdR-TPoEK4kRQqIiPYk34JKbRRVad1U_FfabZ7SGvGQ8-iO_o2uLh7aljDqqgjJ620Qa40d4Pft8YBEXhWR9_0QiIQ7exBu1mtjURgmvSAWoXq4BkMjNoGf20XjPfCyWD69oGvnF-vhV-v5e14Njd-8h8";

#[test]
fn an_old_message_fails_link_opens_with_the_nondelivery_report() {
    let shared = decode(MESSAGE_FAILS_LINK).expect("the old link still opens");
    assert_eq!((shared.scenario.title.as_str(), shared.step), ("A message fails", 11));
    assert_eq!(shared.scenario.faults[0].kind, FaultKind::MessageFails("poison".into()));
    let mut m = flushq_core::Machine::new(&shared.scenario).expect("it runs");
    m.run();
    let o = m.outcome();
    let lan = o.transport("Office LAN").unwrap();
    assert_eq!(
        (lan.delivered.as_slice(), lan.failed.as_slice()),
        (&["a".to_string(), "b".into()][..], &["poison".to_string()][..])
    );
    assert_eq!(o.inbox, ["Undeliverable: poison"], "the nondelivery report, as the reference describes");
    let reported = m.events().iter().any(
        |e| matches!(&e.kind, flushq_core::trace::EventKind::StatusRecips { subject, .. } if &**subject == "poison"),
    );
    assert!(reported, "the transport calls StatusRecips");
    assert!(
        o.calls.iter().all(|c| c.hresult == flushq_core::mapi::HResult::Ok),
        "no SubmitMessage error, no failing call"
    );
}

#[test]
fn parameters_in_any_order_and_unknown_ones_are_ignored() {
    let shared = Shared { scenario: sample("message-fails"), answers: vec![Connect], step: 2 };
    let data = encode(&shared).split_once("&s=").unwrap().1.to_string();
    for fragment in [format!("#theme=dark&s={data}&v=1&x"), format!("s={data}&future=&v=1")] {
        assert_eq!(decode(&fragment), Ok(shared.clone()));
    }
}

/// Base64url of raw DEFLATE: what `encode` does, written again (bit by bit, for
/// brevity over speed) so the tests can pack documents `encode` would never produce.
fn pack(doc: &[u8]) -> String {
    format!("v=1&s={}", base64_of(&miniz_oxide::deflate::compress_to_vec(doc, 9)))
}

fn base64_of(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bits: Vec<bool> = bytes.iter().flat_map(|b| (0..8).rev().map(move |i| b >> i & 1 == 1)).collect();
    bits.chunks(6)
        .map(|c| char::from(ALPHABET[c.iter().fold(0, |n, &b| n << 1 | usize::from(b)) << (6 - c.len())]))
        .collect()
}

fn doc_with(toml: &str) -> String {
    format!("flushq-share 1\nstep 0\nanswers\n---\n{toml}")
}

/// `encode` packs with its own DEFLATE encoder: what it writes is `pack`'s document,
/// and hardly longer than miniz_oxide's level 9 (the encoder before, 2026-12-01).
#[test]
fn encode_packs_the_document_like_pack() {
    let (mut ours, mut miniz) = (0, 0);
    for p in presets() {
        let shared = Shared { scenario: sample(p.name), answers: vec![Connect, Cancel], step: 4 };
        let doc = format!("flushq-share 1\nstep 4\nanswers c x\n---\n{}", to_toml(&shared.scenario));
        let link = encode(&shared);
        assert_eq!(decode(&link), decode(&pack(doc.as_bytes())));
        let inflated = miniz_oxide::inflate::decompress_to_vec(&unbase64(&link[6..])).unwrap();
        assert_eq!(inflated, doc.as_bytes());
        let theirs = pack(doc.as_bytes()).len();
        assert!(link.len() <= theirs + theirs / 20, "{}: {} against {theirs}", p.name, link.len());
        (ours, miniz) = (ours + link.len(), miniz + theirs);
    }
    assert!(ours <= miniz + miniz / 50, "all presets: {ours} against {miniz}");
}

fn unbase64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bits: Vec<bool> = text
        .bytes()
        .flat_map(|c| {
            let v = ALPHABET.iter().position(|&a| a == c).unwrap();
            (0..6).rev().map(move |i| v >> i & 1 == 1)
        })
        .collect();
    bits.chunks_exact(8).map(|c| c.iter().fold(0, |n, &b| n << 1 | u8::from(b))).collect()
}

#[test]
fn hostile_inputs_give_the_expected_error() {
    let good = encode(&Shared { scenario: sample("spooler-upload"), answers: vec![], step: 0 });
    let toml = to_toml(&sample("spooler-upload"));
    let cases: Vec<(String, ShareError)> = vec![
        (String::new(), ShareError::Empty),
        ("#".into(), ShareError::Empty),
        ("s=AAAA".into(), ShareError::MissingVersion),
        ("v&s=AAAA".into(), ShareError::MissingVersion),
        (good.replace("v=1", "v=2"), ShareError::NewerVersion(2)),
        ("v=abc&s=AAAA".into(), ShareError::BadVersion("abc".into())),
        ("v=0&s=AAAA".into(), ShareError::BadVersion("0".into())),
        ("v=+1&s=AAAA".into(), ShareError::BadVersion("+1".into())),
        ("v=99999999999".into(), ShareError::BadVersion("99999999999".into())),
        ("v=1".into(), ShareError::MissingData),
        ("v=1&s=".into(), ShareError::MissingData),
        ("v=1&s=AB*D".into(), ShareError::BadChar { position: 3, found: '*' }),
        ("v=1&s=Zg==".into(), ShareError::BadChar { position: 3, found: '=' }),
        ("v=1&s=ab+/".into(), ShareError::BadChar { position: 3, found: '+' }),
        ("v=1&s=aé".into(), ShareError::BadChar { position: 2, found: 'é' }),
        ("v=1&s=A".into(), ShareError::Truncated),
        (format!("v=1&s={}", base64_of(b"\xffnot deflate at all")), ShareError::Corrupt),
        (pack(b"flushq-share 1\nstep 0\nanswers\n---\n\xff\xfe"), ShareError::NotText),
        (pack(toml.as_bytes()), ShareError::MissingHeader),
        (pack(format!("flushq-share 2\nstep 0\nanswers\n---\n{toml}").as_bytes()), ShareError::MissingHeader),
        (
            pack(format!("flushq-share 1\nanswers\n---\n{toml}").as_bytes()),
            ShareError::BadHeader("no `step` line".into()),
        ),
        (
            pack(format!("flushq-share 1\nstep 1\n---\n{toml}").as_bytes()),
            ShareError::BadHeader("no `answers` line".into()),
        ),
        (
            pack(format!("flushq-share 1\nstep 1\nanswers\nextra\n---\n{toml}").as_bytes()),
            ShareError::BadHeader("unexpected line `extra`".into()),
        ),
        (pack(format!("flushq-share 1\nstep -1\nanswers\n---\n{toml}").as_bytes()), ShareError::BadStep("-1".into())),
        (
            pack(format!("flushq-share 1\nstep 4294967296\nanswers\n---\n{toml}").as_bytes()),
            ShareError::BadStep("4294967296".into()),
        ),
        (
            pack(format!("flushq-share 1\nstep 1\nanswers c y\n---\n{toml}").as_bytes()),
            ShareError::BadAnswer("y".into()),
        ),
        (
            pack(doc_with("title = \"t\"\nscript = \"preset:spooler\"\ncolour = 3\n").as_bytes()),
            ShareError::InvalidScenario {
                line: 3,
                col: 1,
                message: FileMessage::UnknownField {
                    field: "colour".into(),
                    expected: ["title", "seed", "script", "transport", "store", "fault"].map(String::from).to_vec(),
                },
            },
        ),
        ("v=1&s=".to_string() + &"A".repeat(1_000_000), ShareError::Corrupt),
        ("v=1&s=".to_string() + &"A".repeat(2_000_000), ShareError::TooLarge),
    ];
    for (fragment, expected) in cases {
        let got = decode(&fragment).unwrap_err();
        let shown = &fragment[..fragment.len().min(80)];
        assert_eq!(got, expected, "{shown}");
        if let ShareError::InvalidScenario { .. } = got {
            let said = got.to_string();
            assert_eq!(said, "the scenario inside the link is invalid: 3:1: unknown field `colour`, expected one of `title`, `seed`, `script`, `transport`, `store`, `fault`");
        }
    }
}

#[test]
fn every_truncation_is_reported_as_such() {
    let link = encode(&Shared { scenario: sample("leaky-script"), answers: vec![Connect], step: 9 });
    for end in "v=1&s=".len() + 1..link.len() {
        assert_eq!(decode(&link[..end]), Err(ShareError::Truncated), "cut at {end} of {}", link.len());
    }
}

#[test]
fn deflate_bomb_is_refused_quickly() {
    let bomb = pack(&vec![0; 50 << 20]);
    assert!(bomb.len() < 200_000, "{}", bomb.len());
    let started = std::time::Instant::now();
    assert_eq!(decode(&bomb), Err(ShareError::TooLarge));
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    assert_eq!(ShareError::TooLarge.to_string(), "the link's data is larger than 1 MiB");
}

#[test]
fn errors_read_as_one_sentence() {
    assert_eq!(ShareError::NewerVersion(3).to_string(), "this link was made by a newer flushq (format v=3)");
    let all = [
        ShareError::Empty,
        ShareError::MissingVersion,
        ShareError::BadVersion("x".into()),
        ShareError::MissingData,
        ShareError::BadChar { position: 1, found: '*' },
        ShareError::Truncated,
        ShareError::Corrupt,
        ShareError::NotText,
        ShareError::MissingHeader,
        ShareError::BadHeader("why".into()),
        ShareError::BadStep("-1".into()),
        ShareError::BadAnswer("y".into()),
        ShareError::InvalidScenario { line: 1, col: 2, message: FileMessage::MissingField { field: "oops".into() } },
    ];
    for e in all {
        let s = e.to_string();
        assert!(s.starts_with("th") && !s.contains('\n') && !s.ends_with('.'), "{s}");
        assert_eq!(s, e.text(Lang::EN));
        // In Chinese too; only what the link itself held (here `why`, `oops`) stays as found.
        let zh = e.text(Lang::ZH);
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) && !zh.ends_with('。'), "{zh}");
        let english: Vec<&str> = zh
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase()))
            .filter(|w| !["why", "oops", "flushq", "share"].contains(w))
            .collect();
        assert!(english.is_empty(), "{zh}: {english:?}");
    }
}

/// xorshift64: reproducible noise without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn fuzz_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let good = encode(&Shared { scenario: awkward("fuzz"), answers: vec![Cancel], step: 5 });
    let toml = to_toml(&sample("async-ok-busy"));
    let pieces = ["v=", "1", "2", "&", "s=", "#", "=", "A", "z", "-", "_", "é", "😀", "\0", "%", " ", "\n"];
    for round in 0..3000 {
        let fragment = match round % 4 {
            // Noise built from the link's own vocabulary.
            0 => (0..rng.below(40)).map(|_| pieces[rng.below(pieces.len())]).collect(),
            // A good link with a few characters replaced, deleted or duplicated.
            1 => {
                let mut chars: Vec<char> = good.chars().collect();
                for _ in 0..1 + rng.below(4) {
                    let i = rng.below(chars.len());
                    match rng.below(3) {
                        0 => chars[i] = char::from(b"AZaz09-_=&"[rng.below(10)]),
                        1 => drop(chars.remove(i)),
                        _ => chars.insert(i, chars[i]),
                    }
                }
                chars.into_iter().collect()
            }
            // Well-packed documents with a mangled header or scenario.
            2 => {
                let mut doc =
                    format!("flushq-share 1\nstep {}\nanswers c x\n---\n{toml}", rng.next() % 1000).into_bytes();
                for _ in 0..1 + rng.below(3) {
                    let i = rng.below(doc.len());
                    doc[i] = rng.next() as u8;
                }
                pack(&doc)
            }
            // Random bytes, base64url-encoded.
            _ => {
                let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
                format!("v=1&s={}", base64_of(&bytes))
            }
        };
        if let Err(e) = decode(&fragment) {
            assert!(!e.to_string().is_empty());
        }
    }
}

/// Generated messages travel as counts: a scenario of 64 transports with 7,812
/// messages each way (a million events) fits in a short link and comes back whole.
#[test]
fn generated_messages_make_short_links() {
    let mut toml = String::from("script = \"preset:spooler\"\n");
    for i in 0..64 {
        toml.push_str(&format!(
            "\n[[transport]]\nname = \"T{i}\"\nkind = \"lan\"\noutbound_count = 7812\nremote_count = 7812\n"
        ));
    }
    let scenario = flushq_scenario::load(&toml, flushq_scenario::Format::Toml).unwrap();
    let link = encode(&Shared { scenario: scenario.clone(), answers: vec![], step: 0 });
    assert!(link.len() < 2_000, "{} characters", link.len());
    assert_eq!(decode(&link).unwrap().scenario, scenario);
}
