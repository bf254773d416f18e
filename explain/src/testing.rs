//! Fixtures shared by the core's unit tests.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use flushq_core::mapi::ResourceMethods;
use flushq_core::scenario::{Fault, Scenario, TransportKind, TransportSpec};

/// A LAN with `a` to send (and `lan_remote` waiting for it) and a modem without
/// STATUS_FLUSH_QUEUES with `c` to send: the smallest profile with the fallback.
pub(crate) fn lan_and_modem(script: &str, lan_remote: &[&str], faults: Vec<Fault>) -> Scenario {
    let mut lan = TransportSpec::new("LAN", TransportKind::Lan);
    lan.outbound = vec!["a".into()];
    lan.remote = lan_remote.iter().map(|s| String::from(*s)).collect();
    let mut modem = TransportSpec::new("Modem", TransportKind::Modem);
    modem.methods = ResourceMethods::STATUS_VALIDATE_STATE;
    modem.outbound = vec!["c".into()];
    Scenario {
        title: String::new(),
        seed: 1,
        script: script.into(),
        transports: vec![lan, modem],
        stores: vec![],
        faults,
    }
}
