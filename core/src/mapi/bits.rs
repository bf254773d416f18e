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

    /// `ulFlags` of `IMAPIStatus::ValidateState` (mapidefs.h).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct ValidateFlags: u32 {
        /// Show no user interface.
        const SUPPRESS_UI = 0x1;
        /// A remote transport downloads a new list of message headers.
        const REFRESH_XP_HEADER_CACHE = 0x1_0000;
        /// A remote transport acts on the marks in its header cache.
        const PROCESS_XP_HEADER_CACHE = 0x2_0000;
        /// Connect.
        const FORCE_XP_CONNECT = 0x4_0000;
        /// Disconnect.
        const FORCE_XP_DISCONNECT = 0x8_0000;
        /// Configuration properties changed.
        const CONFIG_CHANGED = 0x10_0000;
        /// The user cancelled a header operation.
        const ABORT_XP_HEADER_OPERATION = 0x20_0000;
        /// Show the transport's session interface.
        const SHOW_XP_SESSION_UI = 0x40_0000;
    }
}

mapi_flags_helpers!(FlushFlags, ResourceMethods, StatusCode, ValidateFlags);

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec::Vec;

    /// Every flag, pinned against mingw-w64's `mingw-w64-headers/include/mapidefs.h`
    /// (line and definition as written there), read at mingw-w64 commit
    /// `d7f3c52012c4af4fb526330117d9c86b266018dc` (the file itself last changed in
    /// `23784e3af40ac27904622966a6d504a06deec478`).
    const FLUSH_PINNED: [(FlushFlags, u32, &str); 5] = [
        (FlushFlags::FLUSH_UPLOAD, 0x02, "mapidefs.h:876 #define FLUSH_UPLOAD ((ULONG) 0x00000002)"),
        (FlushFlags::FLUSH_DOWNLOAD, 0x04, "mapidefs.h:877 #define FLUSH_DOWNLOAD ((ULONG) 0x00000004)"),
        (FlushFlags::FLUSH_FORCE, 0x08, "mapidefs.h:878 #define FLUSH_FORCE ((ULONG) 0x00000008)"),
        (FlushFlags::FLUSH_NO_UI, 0x10, "mapidefs.h:879 #define FLUSH_NO_UI ((ULONG) 0x00000010)"),
        (FlushFlags::FLUSH_ASYNC_OK, 0x20, "mapidefs.h:880 #define FLUSH_ASYNC_OK ((ULONG) 0x00000020)"),
    ];

    /// `PR_RESOURCE_METHODS` bits, from the same `mapidefs.h`.
    const METHODS_PINNED: [(ResourceMethods, u32, &str); 4] = [
        (
            ResourceMethods::STATUS_VALIDATE_STATE,
            0x1,
            "mapidefs.h:834 #define STATUS_VALIDATE_STATE ((ULONG) 0x00000001)",
        ),
        (
            ResourceMethods::STATUS_SETTINGS_DIALOG,
            0x2,
            "mapidefs.h:835 #define STATUS_SETTINGS_DIALOG ((ULONG) 0x00000002)",
        ),
        (
            ResourceMethods::STATUS_CHANGE_PASSWORD,
            0x4,
            "mapidefs.h:836 #define STATUS_CHANGE_PASSWORD ((ULONG) 0x00000004)",
        ),
        (ResourceMethods::STATUS_FLUSH_QUEUES, 0x8, "mapidefs.h:837 #define STATUS_FLUSH_QUEUES ((ULONG) 0x00000008)"),
    ];

    /// `PR_STATUS_CODE` bits, from the same `mapidefs.h`.
    const STATUS_PINNED: [(StatusCode, u32, &str); 10] = [
        (StatusCode::STATUS_AVAILABLE, 0x1, "mapidefs.h:853 #define STATUS_AVAILABLE ((ULONG) 0x00000001)"),
        (StatusCode::STATUS_OFFLINE, 0x2, "mapidefs.h:854 #define STATUS_OFFLINE ((ULONG) 0x00000002)"),
        (StatusCode::STATUS_FAILURE, 0x4, "mapidefs.h:855 #define STATUS_FAILURE ((ULONG) 0x00000004)"),
        (
            StatusCode::STATUS_INBOUND_ENABLED,
            0x1_0000,
            "mapidefs.h:857 #define STATUS_INBOUND_ENABLED ((ULONG) 0x00010000)",
        ),
        (
            StatusCode::STATUS_INBOUND_ACTIVE,
            0x2_0000,
            "mapidefs.h:858 #define STATUS_INBOUND_ACTIVE ((ULONG) 0x00020000)",
        ),
        (
            StatusCode::STATUS_INBOUND_FLUSH,
            0x4_0000,
            "mapidefs.h:859 #define STATUS_INBOUND_FLUSH ((ULONG) 0x00040000)",
        ),
        (
            StatusCode::STATUS_OUTBOUND_ENABLED,
            0x10_0000,
            "mapidefs.h:860 #define STATUS_OUTBOUND_ENABLED ((ULONG) 0x00100000)",
        ),
        (
            StatusCode::STATUS_OUTBOUND_ACTIVE,
            0x20_0000,
            "mapidefs.h:861 #define STATUS_OUTBOUND_ACTIVE ((ULONG) 0x00200000)",
        ),
        (
            StatusCode::STATUS_OUTBOUND_FLUSH,
            0x40_0000,
            "mapidefs.h:862 #define STATUS_OUTBOUND_FLUSH ((ULONG) 0x00400000)",
        ),
        (
            StatusCode::STATUS_REMOTE_ACCESS,
            0x80_0000,
            "mapidefs.h:863 #define STATUS_REMOTE_ACCESS ((ULONG) 0x00800000)",
        ),
    ];

    /// `ValidateState` flags, from the same `mapidefs.h`.
    const VALIDATE_PINNED: [(ValidateFlags, u32, &str); 8] = [
        (ValidateFlags::SUPPRESS_UI, 0x1, "mapidefs.h:865 #define SUPPRESS_UI ((ULONG) 0x00000001)"),
        (
            ValidateFlags::REFRESH_XP_HEADER_CACHE,
            0x1_0000,
            "mapidefs.h:866 #define REFRESH_XP_HEADER_CACHE ((ULONG) 0x00010000)",
        ),
        (
            ValidateFlags::PROCESS_XP_HEADER_CACHE,
            0x2_0000,
            "mapidefs.h:867 #define PROCESS_XP_HEADER_CACHE ((ULONG) 0x00020000)",
        ),
        (ValidateFlags::FORCE_XP_CONNECT, 0x4_0000, "mapidefs.h:868 #define FORCE_XP_CONNECT ((ULONG) 0x00040000)"),
        (
            ValidateFlags::FORCE_XP_DISCONNECT,
            0x8_0000,
            "mapidefs.h:869 #define FORCE_XP_DISCONNECT ((ULONG) 0x00080000)",
        ),
        (ValidateFlags::CONFIG_CHANGED, 0x10_0000, "mapidefs.h:870 #define CONFIG_CHANGED ((ULONG) 0x00100000)"),
        (
            ValidateFlags::ABORT_XP_HEADER_OPERATION,
            0x20_0000,
            "mapidefs.h:871 #define ABORT_XP_HEADER_OPERATION ((ULONG) 0x00200000)",
        ),
        (
            ValidateFlags::SHOW_XP_SESSION_UI,
            0x40_0000,
            "mapidefs.h:872 #define SHOW_XP_SESSION_UI ((ULONG) 0x00400000)",
        ),
    ];

    /// The name a `#define NAME ...` line defines.
    fn define_name(header: &str) -> &str {
        header.split("#define ").nth(1).and_then(|d| d.split(' ').next()).expect(header)
    }

    /// The `((ULONG) 0x...)` value of a `#define` line.
    fn ulong_in(header: &str) -> u32 {
        let hex = header.split("((ULONG) 0x").nth(1).and_then(|v| v.strip_suffix(')'));
        u32::from_str_radix(hex.expect(header), 16).expect(header)
    }

    /// Checks one table: each flag's value, that the flag is the one named on that
    /// header line and spelled as there (what traces print), and that the table
    /// covers the type.
    fn check_pinned<F: bitflags::Flags<Bits = u32> + Copy>(pinned: &[(F, u32, &str)]) {
        for &(flag, bits, header) in pinned {
            let name = define_name(header);
            assert_eq!(flag.bits(), bits, "{name} should be {bits:#010x}: {header}");
            assert_eq!(ulong_in(header), bits, "the table's value is the one on the header line: {header}");
            let ours = F::FLAGS.iter().find(|f| f.value().bits() == flag.bits()).map(|f| f.name());
            assert_eq!(ours, Some(name), "our constant is spelled as in {header}");
        }
        assert_eq!(pinned.len(), F::FLAGS.len(), "every flag is pinned");
    }

    #[test]
    fn flags_match_mapidefs_h() {
        check_pinned(&FLUSH_PINNED);
        check_pinned(&METHODS_PINNED);
        check_pinned(&STATUS_PINNED);
        check_pinned(&VALIDATE_PINNED);
    }

    /// The method names `StatusMethod` prints, as `MAPI_IMAPISTATUS_METHODS` at
    /// `mapidefs.h:882` declares them (`MAPIMETHOD(ValidateState)`, ...), each with
    /// its `STATUS_*` bit.
    #[test]
    fn status_method_names_match_mapidefs_h() {
        let pinned = [
            (StatusMethod::ValidateState, "MAPIMETHOD(ValidateState)", ResourceMethods::STATUS_VALIDATE_STATE),
            (StatusMethod::SettingsDialog, "MAPIMETHOD(SettingsDialog)", ResourceMethods::STATUS_SETTINGS_DIALOG),
            (StatusMethod::ChangePassword, "MAPIMETHOD(ChangePassword)", ResourceMethods::STATUS_CHANGE_PASSWORD),
        ];
        for (m, header, bit) in pinned {
            assert_eq!(alloc::format!("MAPIMETHOD({})", m.name()), header, "mapidefs.h:882 {header}");
            assert_eq!(m.bit(), bit, "{} is {bit}", m.name());
            assert_eq!(StatusMethod::from_name(m.name()), Some(m));
        }
        assert_eq!(pinned.len(), StatusMethod::ALL.len(), "every method is pinned");
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
