//! The shipped scenarios and script presets.

use flushq_core::script::{PRESET_PER_TRANSPORT, PRESET_SPOOLER};

/// Script presets: the seed's two procedures.
pub const SCRIPT_PRESETS: [(&str, &str); 2] = [("spooler", PRESET_SPOOLER), ("per_transport", PRESET_PER_TRANSPORT)];

/// The text of script preset `name`.
pub fn script_preset(name: &str) -> Option<&'static str> {
    SCRIPT_PRESETS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// A shipped scenario file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Its name (the file stem).
    pub name: &'static str,
    /// Its TOML text.
    pub toml: &'static str,
}

macro_rules! presets {
    ($($name:literal),* $(,)?) => {
        /// Every shipped scenario, in teaching order.
        pub fn presets() -> &'static [Preset] {
            &[$(Preset { name: $name, toml: include_str!(concat!("../../scenarios/", $name, ".toml")) }),*]
        }
    };
}

presets!(
    "spooler-upload",
    "spooler-download",
    "per-transport-download",
    "per-transport-upload",
    "fallback-no-flush-method",
    "modem-ignores-no-ui",
    "ras-user-cancels",
    "async-transport-no-force",
    "async-transport-force",
    "async-ok-busy",
    "link-down",
    "message-fails",
    "message-deferred",
    "drops-flush-bits",
    "leaky-script",
);

/// The shipped scenario named `name`.
pub fn preset(name: &str) -> Option<&'static Preset> {
    presets().iter().find(|p| p.name == name)
}
