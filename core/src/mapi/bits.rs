//! Bit-flag types: `FlushQueues` flags, `PR_RESOURCE_METHODS` and `PR_STATUS_CODE`.
//!
//! The types come from the `bitflags` crate (`bits()`, `from_bits_retain`, `empty()`,
//! `all()`, `contains`, `intersects`, `insert`, `remove`, `|`, `&`, `-`, `from_name`,
//! `iter_names`). A value may carry bits no constant names (a script passes any
//! `ulFlags`), so build one from a raw number with `from_bits_retain`, never
//! `from_bits_truncate`. On top, `mapi_flags_helpers!` adds what traces need.

use core::fmt;

/// Adds the MAPI helpers to `bitflags` types: `names()`, `unknown_bits()` and a
/// `Display` of `A | B`, `0` when empty, unknown bits last as hex (`FLUSH_UPLOAD | 0x40`);
/// with the `serde` feature, a `Serialize` as that text.
macro_rules! mapi_flags_helpers {
    ($($name:ident),* $(,)?) => {$(
        impl $name {
            /// Names of the set bits, ascending by value (`iter_names` without the
            /// values, and `Clone`).
            pub fn names(self) -> impl Iterator<Item = &'static str> + Clone {
                <Self as bitflags::Flags>::FLAGS.iter().filter(move |f| self.contains(*f.value())).map(|f| f.name())
            }

            /// Bits not covered by any named constant.
            pub const fn unknown_bits(self) -> u32 {
                self.bits() & !Self::all().bits()
            }
        }

        // Not `bitflags::parser::to_writer`: that writes nothing for an empty set, and
        // this one, built on `names()`, is smaller in the wasm bundle.
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut sep = "";
                for name in self.names() {
                    write!(f, "{sep}{name}")?;
                    sep = " | ";
                }
                match self.unknown_bits() {
                    0 if self.is_empty() => f.write_str("0"),
                    0 => Ok(()),
                    unknown => write!(f, "{sep}{unknown:#x}"),
                }
            }
        }

        // As its `Display` (`"FLUSH_UPLOAD | FLUSH_NO_UI"`, `"0"` when empty) in
        // human-readable formats, as the number otherwise. bitflags' own serde
        // support writes the same, but `""` for an empty set.
        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                if serializer.is_human_readable() {
                    serializer.collect_str(self)
                } else {
                    serializer.serialize_u32(self.bits())
                }
            }
        }
    )*};
}

bitflags::bitflags! {
    /// `ulFlags` of `IMAPIStatus::FlushQueues` / `IXPLogon::FlushQueues` (mapidefs.h).
    ///
    /// Per the reference pages, UPLOAD flushes the *outbound* queue and DOWNLOAD the
    /// *inbound* one; the seed page has them swapped (see the direction erratum).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct FlushFlags: u32 {
        /// Flush the outbound queue (send).
        const FLUSH_UPLOAD = 0x02;
        /// Flush the inbound queue (receive).
        const FLUSH_DOWNLOAD = 0x04;
        /// Flush even at a performance cost; required for asynchronous transports.
        const FLUSH_FORCE = 0x08;
        /// Do not display a user interface.
        const FLUSH_NO_UI = 0x10;
        /// Return before the flush ends (spooler only).
        const FLUSH_ASYNC_OK = 0x20;
    }

    /// `PR_RESOURCE_METHODS`: which `IMAPIStatus` methods a status object supports.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct ResourceMethods: u32 {
        /// `IMAPIStatus::ValidateState`.
        const STATUS_VALIDATE_STATE = 0x1;
        /// `IMAPIStatus::SettingsDialog`.
        const STATUS_SETTINGS_DIALOG = 0x2;
        /// `IMAPIStatus::ChangePassword`.
        const STATUS_CHANGE_PASSWORD = 0x4;
        /// `IMAPIStatus::FlushQueues`.
        const STATUS_FLUSH_QUEUES = 0x8;
    }

    /// `PR_STATUS_CODE` of a status row.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct StatusCode: u32 {
        /// The provider is available.
        const STATUS_AVAILABLE = 0x1;
        /// The provider is working offline.
        const STATUS_OFFLINE = 0x2;
        /// The provider has failed.
        const STATUS_FAILURE = 0x4;
        /// The transport can receive.
        const STATUS_INBOUND_ENABLED = 0x10000;
        /// The transport is receiving a message.
        const STATUS_INBOUND_ACTIVE = 0x20000;
        /// The transport is downloading its inbound queue.
        const STATUS_INBOUND_FLUSH = 0x40000;
        /// The transport can send.
        const STATUS_OUTBOUND_ENABLED = 0x100000;
        /// The transport is sending a message.
        const STATUS_OUTBOUND_ACTIVE = 0x200000;
        /// The transport is uploading its outbound queue.
        const STATUS_OUTBOUND_FLUSH = 0x400000;
        /// The transport reaches its server remotely (dial-up).
        const STATUS_REMOTE_ACCESS = 0x800000;
    }
}

mapi_flags_helpers!(FlushFlags, ResourceMethods, StatusCode);

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec::Vec;

    #[test]
    fn header_values_are_pinned() {
        assert_eq!(FlushFlags::FLUSH_UPLOAD.bits(), 0x02);
        assert_eq!(FlushFlags::FLUSH_DOWNLOAD.bits(), 0x04);
        assert_eq!(FlushFlags::FLUSH_FORCE.bits(), 0x08);
        assert_eq!(FlushFlags::FLUSH_NO_UI.bits(), 0x10);
        assert_eq!(FlushFlags::FLUSH_ASYNC_OK.bits(), 0x20);
        assert_eq!(ResourceMethods::STATUS_VALIDATE_STATE.bits(), 0x1);
        assert_eq!(ResourceMethods::STATUS_SETTINGS_DIALOG.bits(), 0x2);
        assert_eq!(ResourceMethods::STATUS_CHANGE_PASSWORD.bits(), 0x4);
        assert_eq!(ResourceMethods::STATUS_FLUSH_QUEUES.bits(), 0x8);
        assert_eq!(StatusCode::STATUS_AVAILABLE.bits(), 0x1);
        assert_eq!(StatusCode::STATUS_OFFLINE.bits(), 0x2);
        assert_eq!(StatusCode::STATUS_FAILURE.bits(), 0x4);
        assert_eq!(StatusCode::STATUS_INBOUND_ENABLED.bits(), 0x10000);
        assert_eq!(StatusCode::STATUS_INBOUND_ACTIVE.bits(), 0x20000);
        assert_eq!(StatusCode::STATUS_INBOUND_FLUSH.bits(), 0x40000);
        assert_eq!(StatusCode::STATUS_OUTBOUND_ENABLED.bits(), 0x100000);
        assert_eq!(StatusCode::STATUS_OUTBOUND_ACTIVE.bits(), 0x200000);
        assert_eq!(StatusCode::STATUS_OUTBOUND_FLUSH.bits(), 0x400000);
        assert_eq!(StatusCode::STATUS_REMOTE_ACCESS.bits(), 0x800000);
    }

    #[test]
    fn names_round_trip() {
        let f = FlushFlags::FLUSH_NO_UI | FlushFlags::FLUSH_UPLOAD;
        assert_eq!(f.to_string(), "FLUSH_UPLOAD | FLUSH_NO_UI");
        assert_eq!(FlushFlags::from_bits_retain(0x42).to_string(), "FLUSH_UPLOAD | 0x40");
        assert_eq!(FlushFlags::from_bits_retain(0x40).to_string(), "0x40");
        assert_eq!(FlushFlags::empty().to_string(), "0");
        assert_eq!(StatusCode::from_bits_retain(0x1_0001).to_string(), "STATUS_AVAILABLE | STATUS_INBOUND_ENABLED");
        assert_eq!(FlushFlags::from_name("FLUSH_FORCE"), Some(FlushFlags::FLUSH_FORCE));
        assert_eq!(FlushFlags::from_name("flush_force"), None);
        assert!(f.contains(FlushFlags::FLUSH_UPLOAD));
        assert!(!f.contains(FlushFlags::FLUSH_UPLOAD | FlushFlags::FLUSH_DOWNLOAD));
        assert_eq!(f.names().collect::<Vec<_>>(), ["FLUSH_UPLOAD", "FLUSH_NO_UI"]);
    }

    #[test]
    fn unknown_bits_are_kept() {
        let f = FlushFlags::from_bits_retain(0x43);
        assert_eq!(f.unknown_bits(), 0x41);
        assert_eq!(f.bits(), 0x43, "from_bits_retain keeps every bit");
        assert_eq!((f & FlushFlags::all()).unknown_bits(), 0);
        assert_eq!(FlushFlags::all().unknown_bits(), 0);
        assert_eq!(ResourceMethods::from_bits_retain(0x18).unknown_bits(), 0x10);
    }
}

/// The status-object methods a PR_RESOURCE_METHODS bit stands for, besides
/// FlushQueues: the one name table of them (`imapistatus-validatestate`,
/// `imapistatus-settingsdialog`, `imapistatus-changepassword`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusMethod {
    /// `IMAPIStatus::ValidateState`.
    ValidateState,
    /// `IMAPIStatus::SettingsDialog`.
    SettingsDialog,
    /// `IMAPIStatus::ChangePassword`.
    ChangePassword,
}

impl StatusMethod {
    /// Every one, in the order of their bits.
    pub const ALL: [StatusMethod; 3] =
        [StatusMethod::ValidateState, StatusMethod::SettingsDialog, StatusMethod::ChangePassword];

    /// The method's MAPI name.
    pub const fn name(self) -> &'static str {
        match self {
            StatusMethod::ValidateState => "ValidateState",
            StatusMethod::SettingsDialog => "SettingsDialog",
            StatusMethod::ChangePassword => "ChangePassword",
        }
    }

    /// The method named `name`, exactly.
    pub fn from_name(name: &str) -> Option<StatusMethod> {
        StatusMethod::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Its bit in PR_RESOURCE_METHODS.
    pub const fn bit(self) -> ResourceMethods {
        match self {
            StatusMethod::ValidateState => ResourceMethods::STATUS_VALIDATE_STATE,
            StatusMethod::SettingsDialog => ResourceMethods::STATUS_SETTINGS_DIALOG,
            StatusMethod::ChangePassword => ResourceMethods::STATUS_CHANGE_PASSWORD,
        }
    }
}
