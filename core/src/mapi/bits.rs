//! Bit-flag types: `FlushQueues` flags, `PR_RESOURCE_METHODS` and `PR_STATUS_CODE`.

use alloc::string::String;
use core::fmt;

/// Declares a bitflags-style newtype with named constants and a `|`-joined `Display`.
macro_rules! mapi_bits {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$cmeta:meta])* $konst:ident = $value:expr, )* }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            $( $(#[$cmeta])* pub const $konst: $name = $name($value); )*
            /// No bits.
            pub const EMPTY: $name = $name(0);
            /// Every named bit with its MAPI name, in ascending order.
            pub const NAMED: &'static [(&'static str, $name)] = &[ $( (stringify!($konst), $name($value)), )* ];

            /// The raw value.
            pub const fn bits(self) -> u32 { self.0 }
            /// True when every bit of `other` is set.
            pub const fn contains(self, other: $name) -> bool { self.0 & other.0 == other.0 }
            /// True when any bit of `other` is set.
            pub const fn intersects(self, other: $name) -> bool { self.0 & other.0 != 0 }
            /// True when no bit is set.
            pub const fn is_empty(self) -> bool { self.0 == 0 }
            /// Sets the bits of `other`.
            pub fn insert(&mut self, other: $name) { self.0 |= other.0; }
            /// Clears the bits of `other`.
            pub fn remove(&mut self, other: $name) { self.0 &= !other.0; }
            /// Bits not covered by any named constant.
            pub const fn unknown_bits(self) -> u32 {
                let mut known = 0u32;
                let mut i = 0;
                while i < Self::NAMED.len() { known |= Self::NAMED[i].1 .0; i += 1; }
                self.0 & !known
            }
            /// Names of the set bits, ascending by value.
            pub fn names(self) -> impl Iterator<Item = &'static str> {
                Self::NAMED.iter().filter(move |(_, b)| self.contains(*b) && b.0 != 0).map(|(n, _)| *n)
            }
            /// The bit named `name` (exact MAPI spelling).
            pub fn from_name(name: &str) -> Option<$name> {
                Self::NAMED.iter().find(|(n, _)| *n == name).map(|(_, b)| *b)
            }
            /// `A | B` form, or `0` when empty; unknown bits appear as hex.
            pub fn to_names(self) -> String {
                let mut s = String::new();
                for n in self.names() {
                    if !s.is_empty() { s.push_str(" | "); }
                    s.push_str(n);
                }
                let unknown = self.unknown_bits();
                if unknown != 0 {
                    if !s.is_empty() { s.push_str(" | "); }
                    s.push_str(&alloc::format!("{:#x}", unknown));
                }
                if s.is_empty() { s.push('0'); }
                s
            }
        }

        impl core::ops::BitOr for $name {
            type Output = $name;
            fn bitor(self, rhs: $name) -> $name { $name(self.0 | rhs.0) }
        }
        impl core::ops::BitOrAssign for $name {
            fn bitor_assign(&mut self, rhs: $name) { self.0 |= rhs.0; }
        }
        impl core::ops::BitAnd for $name {
            type Output = $name;
            fn bitand(self, rhs: $name) -> $name { $name(self.0 & rhs.0) }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(&self.to_names()) }
        }
    };
}

mapi_bits! {
    /// `ulFlags` of `IMAPIStatus::FlushQueues` / `IXPLogon::FlushQueues` (mapidefs.h).
    ///
    /// Per the reference pages, UPLOAD flushes the *outbound* queue and DOWNLOAD the
    /// *inbound* one; the seed page has them swapped (see the direction erratum).
    FlushFlags {
        /// Flush the outbound queue (send).
        FLUSH_UPLOAD = 0x02,
        /// Flush the inbound queue (receive).
        FLUSH_DOWNLOAD = 0x04,
        /// Flush even at a performance cost; required for asynchronous transports.
        FLUSH_FORCE = 0x08,
        /// Do not display a user interface.
        FLUSH_NO_UI = 0x10,
        /// Return before the flush ends (spooler only).
        FLUSH_ASYNC_OK = 0x20,
    }
}

mapi_bits! {
    /// `PR_RESOURCE_METHODS`: which `IMAPIStatus` methods a status object supports.
    ResourceMethods {
        /// `IMAPIStatus::ValidateState`.
        STATUS_VALIDATE_STATE = 0x1,
        /// `IMAPIStatus::SettingsDialog`.
        STATUS_SETTINGS_DIALOG = 0x2,
        /// `IMAPIStatus::ChangePassword`.
        STATUS_CHANGE_PASSWORD = 0x4,
        /// `IMAPIStatus::FlushQueues`.
        STATUS_FLUSH_QUEUES = 0x8,
    }
}

mapi_bits! {
    /// `PR_STATUS_CODE` of a status row.
    StatusCode {
        /// The provider is available.
        STATUS_AVAILABLE = 0x1,
        /// The provider is working offline.
        STATUS_OFFLINE = 0x2,
        /// The provider has failed.
        STATUS_FAILURE = 0x4,
        /// The transport can receive.
        STATUS_INBOUND_ENABLED = 0x10000,
        /// The transport is receiving a message.
        STATUS_INBOUND_ACTIVE = 0x20000,
        /// The transport is downloading its inbound queue.
        STATUS_INBOUND_FLUSH = 0x40000,
        /// The transport can send.
        STATUS_OUTBOUND_ENABLED = 0x100000,
        /// The transport is sending a message.
        STATUS_OUTBOUND_ACTIVE = 0x200000,
        /// The transport is uploading its outbound queue.
        STATUS_OUTBOUND_FLUSH = 0x400000,
        /// The transport reaches its server remotely (dial-up).
        STATUS_REMOTE_ACCESS = 0x800000,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(f.to_names(), "FLUSH_UPLOAD | FLUSH_NO_UI");
        assert_eq!(FlushFlags(0x42).to_names(), "FLUSH_UPLOAD | 0x40");
        assert_eq!(FlushFlags::EMPTY.to_names(), "0");
        assert_eq!(FlushFlags::from_name("FLUSH_FORCE"), Some(FlushFlags::FLUSH_FORCE));
        assert!(f.contains(FlushFlags::FLUSH_UPLOAD));
        assert!(!f.contains(FlushFlags::FLUSH_UPLOAD | FlushFlags::FLUSH_DOWNLOAD));
    }
}
