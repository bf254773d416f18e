//! Name lookup of every constant a script may write.

use super::{FlushFlags, HResult, PropTag, ResourceMethods, ResourceType, StatusCode, ValidateFlags};
use alloc::vec::Vec;

/// A named MAPI constant as a script sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Constant {
    /// A property tag (`PR_ENTRYID`), usable as a column or a restriction's property.
    Prop(PropTag),
    /// A `PR_RESOURCE_TYPE` value.
    Resource(ResourceType),
    /// A `FlushQueues` flag.
    Flush(FlushFlags),
    /// A `PR_RESOURCE_METHODS` bit.
    Method(ResourceMethods),
    /// A `PR_STATUS_CODE` bit.
    Status(StatusCode),
    /// A `ValidateState` flag.
    Validate(ValidateFlags),
    /// An HRESULT.
    HResult(HResult),
}

impl Constant {
    /// The number a script computes with.
    pub fn value(self) -> u64 {
        u64::from(match self {
            Constant::Prop(p) => p.tag(),
            Constant::Resource(r) => r.value(),
            Constant::Flush(f) => f.bits(),
            Constant::Method(m) => m.bits(),
            Constant::Status(s) => s.bits(),
            Constant::Validate(v) => v.bits(),
            Constant::HResult(h) => h.code(),
        })
    }
}

/// Looks up a constant by its exact MAPI name.
pub fn constant(name: &str) -> Option<Constant> {
    if let Some(p) = PropTag::from_name(name) {
        return Some(Constant::Prop(p));
    }
    if let Some(r) = ResourceType::from_name(name) {
        return Some(Constant::Resource(r));
    }
    if let Some(f) = FlushFlags::from_name(name) {
        return Some(Constant::Flush(f));
    }
    if let Some(m) = ResourceMethods::from_name(name) {
        return Some(Constant::Method(m));
    }
    if let Some(s) = StatusCode::from_name(name) {
        return Some(Constant::Status(s));
    }
    if let Some(v) = ValidateFlags::from_name(name) {
        return Some(Constant::Validate(v));
    }
    HResult::from_name(name).map(Constant::HResult)
}

/// Every constant name, for "did you mean" suggestions.
pub fn constant_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = PropTag::ALL.iter().map(|p| p.name()).collect();
    v.extend(ResourceType::ALL.iter().map(|r| r.name()));
    v.extend(FlushFlags::all().names());
    v.extend(ResourceMethods::all().names());
    v.extend(StatusCode::all().names());
    v.extend(ValidateFlags::all().names());
    v.extend(HResult::ALL.iter().map(|h| h.name()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_resolves_to_itself() {
        let names = constant_names();
        assert!(names.len() > 40);
        for n in names {
            assert!(constant(n).is_some(), "{n}");
        }
        assert_eq!(constant("MAPI_SPOOLER").map(Constant::value), Some(37));
        assert_eq!(constant("FLUSH_NO_UI").map(Constant::value), Some(0x10));
        assert_eq!(constant("flush_no_ui"), None);
    }
}
