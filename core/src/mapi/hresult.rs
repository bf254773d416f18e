//! HRESULTs that the simulated APIs return.

mapi_enum! {
    /// An HRESULT with its real code (mapicode.h / winerror.h).
    pub enum HResult(code, from_code) {
        /// Success.
        Ok = 0 => "S_OK",
        /// Success with a warning: some properties came back as errors
        /// (`imapiprop-getprops#return-value`).
        ErrorsReturned = 0x0004_0380 => "MAPI_W_ERRORS_RETURNED",
        /// The object does not support the method (its `PR_RESOURCE_METHODS` bit is clear).
        NoSupport = 0x8004_0102 => "MAPI_E_NO_SUPPORT",
        /// `ulFlags` has a bit the method does not define.
        UnknownFlags = 0x8004_0106 => "MAPI_E_UNKNOWN_FLAGS",
        /// The entry id is not a valid entry id for this call.
        InvalidEntryId = 0x8004_0107 => "MAPI_E_INVALID_ENTRYID",
        /// No provider recognises the entry id (`imapisession-openentry#return-value`).
        UnknownEntryId = 0x8004_0201 => "MAPI_E_UNKNOWN_ENTRYID",
        /// Another operation is in progress.
        Busy = 0x8004_010B => "MAPI_E_BUSY",
        /// The requested object or row was not found.
        NotFound = 0x8004_010F => "MAPI_E_NOT_FOUND",
        /// The transport could not reach its server.
        NetworkError = 0x8004_0115 => "MAPI_E_NETWORK_ERROR",
        /// More rows match than `crowsMax` allows.
        TableTooBig = 0x8004_0403 => "MAPI_E_TABLE_TOO_BIG",
        /// The user cancelled a dialog (`MAKE_MAPI_E(0x113)`).
        UserCancel = 0x8004_0113 => "MAPI_E_USER_CANCEL",
        /// The transport cannot send now; the spooler retains the message and
        /// resubmits it later (`ixplogon-submitmessage#return-value`).
        Wait = 0x8004_0500 => "MAPI_E_WAIT",
        /// The operation was cancelled, and is not retried (`MAKE_MAPI_E(0x501)`;
        /// not MAPI_E_USER_CANCEL, a different code).
        Cancel = 0x8004_0501 => "MAPI_E_CANCEL",
        /// The transport does not handle this message; the spooler offers it to
        /// another transport (`ixplogon-submitmessage#return-value`).
        NotMe = 0x8004_0502 => "MAPI_E_NOT_ME",
        /// An unspecified failure (`E_FAIL`).
        CallFailed = 0x8000_4005 => "MAPI_E_CALL_FAILED",
        /// The caller may not access the object (`E_ACCESSDENIED`).
        NoAccess = 0x8007_0005 => "MAPI_E_NO_ACCESS",
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

    /// Every code, pinned against mingw-w64's `mingw-w64-headers/include/mapicode.h`
    /// (line and definition as written there; `FACILITY_ITF` is 4, so
    /// `MAKE_MAPI_E(x)` is `0x80040000 | x`) and `winerror.h` for the codes it
    /// takes from there. Lines re-checked at mingw-w64 commit
    /// `d7f3c52012c4af4fb526330117d9c86b266018dc`.
    const PINNED: [(HResult, u32, &str); 17] = [
        (S_OK, 0x0000_0000, "winerror.h: S_OK 0"),
        (ErrorsReturned, 0x0004_0380, "mapicode.h:71 #define MAPI_W_ERRORS_RETURNED MAKE_MAPI_S(0x380)"),
        (CallFailed, 0x8000_4005, "mapicode.h:21 #define MAPI_E_CALL_FAILED E_FAIL (winerror.h: E_FAIL 0x80004005)"),
        (
            InvalidParameter,
            0x8007_0057,
            "mapicode.h:23 #define MAPI_E_INVALID_PARAMETER E_INVALIDARG (winerror.h: E_INVALIDARG 0x80070057)",
        ),
        (
            NoAccess,
            0x8007_0005,
            "mapicode.h:25 #define MAPI_E_NO_ACCESS E_ACCESSDENIED (winerror.h: E_ACCESSDENIED 0x80070005)",
        ),
        (NoSupport, 0x8004_0102, "mapicode.h:27 #define MAPI_E_NO_SUPPORT MAKE_MAPI_E(0x102)"),
        (UnknownFlags, 0x8004_0106, "mapicode.h:30 #define MAPI_E_UNKNOWN_FLAGS MAKE_MAPI_E(0x106)"),
        (InvalidEntryId, 0x8004_0107, "mapicode.h:31 #define MAPI_E_INVALID_ENTRYID MAKE_MAPI_E(0x107)"),
        (Busy, 0x8004_010B, "mapicode.h:35 #define MAPI_E_BUSY MAKE_MAPI_E(0x10B)"),
        (NotFound, 0x8004_010F, "mapicode.h:38 #define MAPI_E_NOT_FOUND MAKE_MAPI_E(0x10F)"),
        (UserCancel, 0x8004_0113, "mapicode.h:42 #define MAPI_E_USER_CANCEL MAKE_MAPI_E(0x113)"),
        (NetworkError, 0x8004_0115, "mapicode.h:44 #define MAPI_E_NETWORK_ERROR MAKE_MAPI_E(0x115)"),
        (UnknownEntryId, 0x8004_0201, "mapicode.h:61 #define MAPI_E_UNKNOWN_ENTRYID MAKE_MAPI_E(0x201)"),
        (TableTooBig, 0x8004_0403, "mapicode.h:75 #define MAPI_E_TABLE_TOO_BIG MAKE_MAPI_E(0x403)"),
        (Wait, 0x8004_0500, "mapicode.h:79 #define MAPI_E_WAIT MAKE_MAPI_E(0x500)"),
        (Cancel, 0x8004_0501, "mapicode.h:80 #define MAPI_E_CANCEL MAKE_MAPI_E(0x501)"),
        (NotMe, 0x8004_0502, "mapicode.h:81 #define MAPI_E_NOT_ME MAKE_MAPI_E(0x502)"),
    ];

    #[test]
    fn codes_match_mapicode_h() {
        for (h, code, header) in PINNED {
            assert_eq!(h.code(), code, "{} should be {code:#010x}: {header}", h.name());
            assert!(header.contains(h.name()) || h == S_OK, "{header} names {}", h.name());
        }
        assert_eq!(PINNED.len(), HResult::ALL.len(), "every HRESULT is pinned");
        assert_ne!(UserCancel.code(), Cancel.code(), "MAPI_E_USER_CANCEL and MAPI_E_CANCEL are different codes");
        assert!(S_OK.succeeded() && !Busy.succeeded() && !CallFailed.succeeded());
        for h in HResult::ALL {
            assert_eq!(HResult::from_code(h.code()), Some(h));
            assert_eq!(HResult::from_name(h.name()), Some(h));
        }
        assert_eq!(HResult::from_name("mapi_e_busy"), None);
    }
}
