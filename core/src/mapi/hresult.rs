//! HRESULTs that the simulated APIs return.

mapi_enum! {
    /// An HRESULT with its real code (mapicode.h / winerror.h).
    pub enum HResult(code, from_code) {
        /// Success.
        Ok = 0 => "S_OK",
        /// The object does not support the method (its `PR_RESOURCE_METHODS` bit is clear).
        NoSupport = 0x8004_0102 => "MAPI_E_NO_SUPPORT",
        /// `ulFlags` has a bit the method does not define.
        UnknownFlags = 0x8004_0106 => "MAPI_E_UNKNOWN_FLAGS",
        /// The entry id does not name an object of this session.
        InvalidEntryId = 0x8004_0107 => "MAPI_E_INVALID_ENTRYID",
        /// Another operation is in progress.
        Busy = 0x8004_010B => "MAPI_E_BUSY",
        /// The requested object or row was not found.
        NotFound = 0x8004_010F => "MAPI_E_NOT_FOUND",
        /// The transport could not reach its server.
        NetworkError = 0x8004_0115 => "MAPI_E_NETWORK_ERROR",
        /// More rows match than `crowsMax` allows.
        TableTooBig = 0x8004_0403 => "MAPI_E_TABLE_TOO_BIG",
        /// The user cancelled a dialog.
        UserCancel = 0x8004_0501 => "MAPI_E_USER_CANCEL",
        /// A parameter is not valid for this object.
        InvalidParameter = 0x8007_0057 => "MAPI_E_INVALID_PARAMETER",
    }
}

impl HResult {
    /// `SUCCEEDED(hr)`.
    pub const fn succeeded(self) -> bool {
        (self as u32) & 0x8000_0000 == 0
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
