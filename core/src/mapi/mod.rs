//! MAPI vocabulary: constants, property tags, HRESULTs, flag sets and entry ids.
//!
//! Values come from the public headers (mapidefs.h, mapitags.h, mapicode.h) and are
//! pinned by tests so a typo cannot drift into traces.

#[macro_use]
mod mapi_enum;

mod bits;
mod entry_id;
mod hresult;
mod names;
mod props;

pub use bits::{FlushFlags, ResourceMethods, StatusCode, StatusMethod, ValidateFlags};
pub use entry_id::EntryId;
pub use hresult::HResult;
pub use names::{constant, constant_names, Constant};
pub use props::{PropTag, ResourceType, MAPI_STATUS, STATUS_NO_PRIMARY_IDENTITY};
