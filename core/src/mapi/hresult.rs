//! HRESULTs that the simulated APIs return.

use core::fmt;

/// An HRESULT with its real code (mapicode.h / winerror.h).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum HResult {
    /// Success.
    Ok = 0,
    /// The object does not support the method (its `PR_RESOURCE_METHODS` bit is clear).
    NoSupport = 0x8004_0102,
    /// `ulFlags` has a bit the method does not define.
    UnknownFlags = 0x8004_0106,
    /// The entry id does not name an object of this session.
    InvalidEntryId = 0x8004_0107,
    /// Another operation is in progress.
    Busy = 0x8004_010B,
    /// The requested object or row was not found.
    NotFound = 0x8004_010F,
    /// The transport could not reach its server.
    NetworkError = 0x8004_0115,
    /// More rows match than `crowsMax` allows.
    TableTooBig = 0x8004_0403,
    /// The user cancelled a dialog.
    UserCancel = 0x8004_0501,
    /// A parameter is not valid for this object.
    InvalidParameter = 0x8007_0057,
}

impl HResult {
    /// Every HRESULT, for name lookups.
    pub const ALL: [HResult; 10] = [
        HResult::Ok,
        HResult::NoSupport,
        HResult::UnknownFlags,
        HResult::InvalidEntryId,
        HResult::Busy,
        HResult::NotFound,
        HResult::NetworkError,
        HResult::TableTooBig,
        HResult::UserCancel,
        HResult::InvalidParameter,
    ];

    /// The 32-bit code.
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// `SUCCEEDED(hr)`.
    pub const fn succeeded(self) -> bool {
        (self as u32) & 0x8000_0000 == 0
    }

    /// The header name.
    pub const fn name(self) -> &'static str {
        match self {
            HResult::Ok => "S_OK",
            HResult::NoSupport => "MAPI_E_NO_SUPPORT",
            HResult::UnknownFlags => "MAPI_E_UNKNOWN_FLAGS",
            HResult::InvalidEntryId => "MAPI_E_INVALID_ENTRYID",
            HResult::Busy => "MAPI_E_BUSY",
            HResult::NotFound => "MAPI_E_NOT_FOUND",
            HResult::NetworkError => "MAPI_E_NETWORK_ERROR",
            HResult::TableTooBig => "MAPI_E_TABLE_TOO_BIG",
            HResult::UserCancel => "MAPI_E_USER_CANCEL",
            HResult::InvalidParameter => "MAPI_E_INVALID_PARAMETER",
        }
    }

    /// The HRESULT with this 32-bit code, if it is one we model.
    pub fn from_code(code: u32) -> Option<HResult> {
        HResult::ALL.into_iter().find(|h| h.code() == code)
    }

    /// The HRESULT with this header name (exact spelling: `MAPI_E_BUSY`), if it is
    /// one we model.
    pub fn from_name(name: &str) -> Option<HResult> {
        HResult::ALL.into_iter().find(|h| h.name() == name)
    }
}

impl fmt::Display for HResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::HResult::*;
    use super::*;
    const S_OK: HResult = Ok;

    #[test]
    fn codes_match_mapicode_h() {
        assert_eq!(S_OK.code(), 0);
        assert_eq!(NoSupport.code(), 0x80040102);
        assert_eq!(Busy.code(), 0x8004010B);
        assert_eq!(InvalidParameter.code(), 0x80070057);
        assert_eq!(InvalidEntryId.code(), 0x80040107);
        assert_eq!(NetworkError.code(), 0x80040115);
        assert_eq!(UserCancel.code(), 0x80040501);
        assert_eq!(TableTooBig.code(), 0x80040403);
        assert_eq!(NotFound.code(), 0x8004010F);
        assert_eq!(UnknownFlags.code(), 0x80040106);
        assert!(S_OK.succeeded() && !Busy.succeeded());
        for h in HResult::ALL {
            assert_eq!(HResult::from_code(h.code()), Some(h));
            assert_eq!(HResult::from_name(h.name()), Some(h));
        }
        assert_eq!(HResult::from_name("mapi_e_busy"), None);
    }
}
