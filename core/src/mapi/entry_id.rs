//! Entry identifiers of status objects.

use alloc::vec::Vec;
use core::fmt;

/// An opaque MAPI entry identifier (`ENTRYID`): 4 flag bytes, a 16-byte provider
/// UID and the provider's own bytes.
///
/// Model choice: the provider UID is drawn from the scenario's seeded generator, so
/// scripts must read `PR_ENTRYID` from the status table instead of guessing ids.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(pub Vec<u8>);

impl EntryId {
    /// `cb`: the size in bytes, as passed in `cbTargetTransport`.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True for a zero-length id (never valid).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A short form for traces: four bytes of the provider UID and the low byte of the row id,
    /// e.g. `<eid 7f3a91c2..05>`, enough to tell rows apart without pretending to
    /// be readable.
    pub fn short(&self) -> alloc::string::String {
        use core::fmt::Write;
        let mut s = alloc::string::String::from("<eid ");
        for b in self.0.iter().skip(4).take(4) {
            let _ = write!(s, "{b:02x}");
        }
        let tail = self.0.get(self.0.len().saturating_sub(4)).copied().unwrap_or(0);
        let _ = write!(s, "..{tail:02x}>");
        s
    }
}

impl fmt::Debug for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short())
    }
}

/// Serialized as its bytes in lowercase hex, all of them (the trace's short form
/// drops most), so a snapshot changes when any byte does.
#[cfg(feature = "serde")]
impl serde::Serialize for EntryId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Hex<'a>(&'a [u8]);
        impl fmt::Display for Hex<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
            }
        }
        serializer.collect_str(&Hex(&self.0))
    }
}
