//! Property tags and resource types of status-table rows.

use core::fmt;

/// `PR_OBJECT_TYPE` of a status object.
pub const MAPI_STATUS: u32 = 0x0000_000A;

/// A property tag (`PROP_TAG(type, id)`) of a status-table column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum PropTag {
    /// Binary entry id of the row's status object.
    EntryId = 0x0FFF_0102,
    /// Display name of the row.
    DisplayName = 0x3001_001E,
    /// Provider's display name.
    ProviderDisplay = 0x3006_001E,
    /// Provider DLL name.
    ProviderDllName = 0x300A_001E,
    /// Resource flags of the provider.
    ResourceFlags = 0x3009_0003,
    /// Supported `IMAPIStatus` methods.
    ResourceMethods = 0x3E02_0003,
    /// Kind of resource (`MAPI_SPOOLER`, ...).
    ResourceType = 0x3E03_0003,
    /// Status bits.
    StatusCode = 0x3E04_0003,
    /// Status in words.
    StatusString = 0x3E08_001E,
    /// Object type (`MAPI_STATUS`).
    ObjectType = 0x0FFE_0003,
    /// Row id.
    RowId = 0x3000_0003,
    /// Instance key.
    InstanceKey = 0x0FF6_0102,
}

impl PropTag {
    /// Every modelled tag.
    pub const ALL: [PropTag; 12] = [
        PropTag::EntryId,
        PropTag::DisplayName,
        PropTag::ProviderDisplay,
        PropTag::ProviderDllName,
        PropTag::ResourceFlags,
        PropTag::ResourceMethods,
        PropTag::ResourceType,
        PropTag::StatusCode,
        PropTag::StatusString,
        PropTag::ObjectType,
        PropTag::RowId,
        PropTag::InstanceKey,
    ];

    /// The 32-bit tag.
    pub const fn tag(self) -> u32 {
        self as u32
    }

    /// The header name.
    pub const fn name(self) -> &'static str {
        match self {
            PropTag::EntryId => "PR_ENTRYID",
            PropTag::DisplayName => "PR_DISPLAY_NAME",
            PropTag::ProviderDisplay => "PR_PROVIDER_DISPLAY",
            PropTag::ProviderDllName => "PR_PROVIDER_DLL_NAME",
            PropTag::ResourceFlags => "PR_RESOURCE_FLAGS",
            PropTag::ResourceMethods => "PR_RESOURCE_METHODS",
            PropTag::ResourceType => "PR_RESOURCE_TYPE",
            PropTag::StatusCode => "PR_STATUS_CODE",
            PropTag::StatusString => "PR_STATUS_STRING",
            PropTag::ObjectType => "PR_OBJECT_TYPE",
            PropTag::RowId => "PR_ROWID",
            PropTag::InstanceKey => "PR_INSTANCE_KEY",
        }
    }

    /// The tag with this exact name.
    pub fn from_name(name: &str) -> Option<PropTag> {
        PropTag::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The tag with this 32-bit value.
    pub fn from_tag(tag: u32) -> Option<PropTag> {
        PropTag::ALL.into_iter().find(|p| p.tag() == tag)
    }
}

impl fmt::Display for PropTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `PR_RESOURCE_TYPE` values (mapidefs.h).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum ResourceType {
    /// A message store provider.
    StoreProvider = 33,
    /// The integrated address book.
    AddressBook = 34,
    /// An address book provider.
    AbProvider = 35,
    /// A transport provider.
    TransportProvider = 36,
    /// The MAPI spooler.
    Spooler = 37,
    /// The profile provider.
    ProfileProvider = 38,
    /// The MAPI subsystem.
    Subsystem = 39,
    /// A spooler hook.
    HookProvider = 40,
}

impl ResourceType {
    /// Every resource type.
    pub const ALL: [ResourceType; 8] = [
        ResourceType::StoreProvider,
        ResourceType::AddressBook,
        ResourceType::AbProvider,
        ResourceType::TransportProvider,
        ResourceType::Spooler,
        ResourceType::ProfileProvider,
        ResourceType::Subsystem,
        ResourceType::HookProvider,
    ];

    /// The numeric value.
    pub const fn value(self) -> u32 {
        self as u32
    }

    /// The header name.
    pub const fn name(self) -> &'static str {
        match self {
            ResourceType::StoreProvider => "MAPI_STORE_PROVIDER",
            ResourceType::AddressBook => "MAPI_AB",
            ResourceType::AbProvider => "MAPI_AB_PROVIDER",
            ResourceType::TransportProvider => "MAPI_TRANSPORT_PROVIDER",
            ResourceType::Spooler => "MAPI_SPOOLER",
            ResourceType::ProfileProvider => "MAPI_PROFILE_PROVIDER",
            ResourceType::Subsystem => "MAPI_SUBSYSTEM",
            ResourceType::HookProvider => "MAPI_HOOK_PROVIDER",
        }
    }

    /// The resource type with this value.
    pub fn from_value(v: u32) -> Option<ResourceType> {
        ResourceType::ALL.into_iter().find(|r| r.value() == v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_types_match_headers() {
        assert_eq!(PropTag::EntryId.tag(), 0x0FFF0102);
        assert_eq!(PropTag::DisplayName.tag(), 0x3001001E);
        assert_eq!(PropTag::ProviderDisplay.tag(), 0x3006001E);
        assert_eq!(PropTag::ResourceFlags.tag(), 0x30090003);
        assert_eq!(PropTag::ResourceMethods.tag(), 0x3E020003);
        assert_eq!(PropTag::ResourceType.tag(), 0x3E030003);
        assert_eq!(PropTag::StatusCode.tag(), 0x3E040003);
        assert_eq!(PropTag::StatusString.tag(), 0x3E08001E);
        assert_eq!(PropTag::ObjectType.tag(), 0x0FFE0003);
        assert_eq!(PropTag::RowId.tag(), 0x30000003);
        assert_eq!(PropTag::InstanceKey.tag(), 0x0FF60102);
        assert_eq!(MAPI_STATUS, 0x0A);
        let expect = [33, 34, 35, 36, 37, 38, 39, 40];
        for (r, v) in ResourceType::ALL.iter().zip(expect) {
            assert_eq!(r.value(), v);
            assert_eq!(ResourceType::from_value(v), Some(*r));
        }
        for p in PropTag::ALL {
            assert_eq!(PropTag::from_name(p.name()), Some(p));
        }
    }
}
