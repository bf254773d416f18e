//! Property tags and resource types of status-table rows.

/// `PR_OBJECT_TYPE` of a status object.
pub const MAPI_STATUS: u32 = 0x0000_000A;

/// `STATUS_NO_PRIMARY_IDENTITY` in `PR_RESOURCE_FLAGS` (mapidefs.h): the provider
/// furnishes no identity in its status row.
pub const STATUS_NO_PRIMARY_IDENTITY: u32 = 0x0000_0020;

mapi_enum! {
    /// A property tag (`PROP_TAG(type, id)`) of a status-table column.
    pub enum PropTag(tag, from_tag) {
        /// Binary entry id of the row's status object.
        EntryId = 0x0FFF_0102 => "PR_ENTRYID",
        /// Display name of the row.
        DisplayName = 0x3001_001E => "PR_DISPLAY_NAME",
        /// Provider's display name.
        ProviderDisplay = 0x3006_001E => "PR_PROVIDER_DISPLAY",
        /// Provider DLL name.
        ProviderDllName = 0x300A_001E => "PR_PROVIDER_DLL_NAME",
        /// Resource flags of the provider.
        ResourceFlags = 0x3009_0003 => "PR_RESOURCE_FLAGS",
        /// Supported `IMAPIStatus` methods.
        ResourceMethods = 0x3E02_0003 => "PR_RESOURCE_METHODS",
        /// Kind of resource (`MAPI_SPOOLER`, ...).
        ResourceType = 0x3E03_0003 => "PR_RESOURCE_TYPE",
        /// Status bits.
        StatusCode = 0x3E04_0003 => "PR_STATUS_CODE",
        /// Status in words.
        StatusString = 0x3E08_001E => "PR_STATUS_STRING",
        /// Object type (`MAPI_STATUS`).
        ObjectType = 0x0FFE_0003 => "PR_OBJECT_TYPE",
        /// Row id.
        RowId = 0x3000_0003 => "PR_ROWID",
        /// Instance key.
        InstanceKey = 0x0FF6_0102 => "PR_INSTANCE_KEY",
    }
}

mapi_enum! {
    /// `PR_RESOURCE_TYPE` values (mapidefs.h).
    pub enum ResourceType(value, from_value) {
        /// A message store provider.
        StoreProvider = 33 => "MAPI_STORE_PROVIDER",
        /// The integrated address book.
        AddressBook = 34 => "MAPI_AB",
        /// An address book provider.
        AbProvider = 35 => "MAPI_AB_PROVIDER",
        /// A transport provider.
        TransportProvider = 36 => "MAPI_TRANSPORT_PROVIDER",
        /// The MAPI spooler.
        Spooler = 37 => "MAPI_SPOOLER",
        /// The profile provider.
        ProfileProvider = 38 => "MAPI_PROFILE_PROVIDER",
        /// The MAPI subsystem.
        Subsystem = 39 => "MAPI_SUBSYSTEM",
        /// A spooler hook.
        HookProvider = 40 => "MAPI_HOOK_PROVIDER",
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
        assert_eq!(
            STATUS_NO_PRIMARY_IDENTITY, 0x20,
            "mapidefs.h: #define STATUS_NO_PRIMARY_IDENTITY ((ULONG) 0x00000020)"
        );
        let expect = [33, 34, 35, 36, 37, 38, 39, 40];
        for (r, v) in ResourceType::ALL.iter().zip(expect) {
            assert_eq!(r.value(), v);
            assert_eq!(ResourceType::from_value(v), Some(*r));
            assert_eq!(ResourceType::from_name(r.name()), Some(*r));
        }
        assert_eq!(alloc::format!("{}", ResourceType::Spooler), "MAPI_SPOOLER");
        assert_eq!(alloc::format!("{}", PropTag::StatusCode), "PR_STATUS_CODE");
        for p in PropTag::ALL {
            assert_eq!(PropTag::from_name(p.name()), Some(p));
            assert_eq!(PropTag::from_tag(p.tag()), Some(p));
        }
    }
}
