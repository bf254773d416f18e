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

    /// Every tag, pinned against mingw-w64's `mingw-w64-headers/include/mapitags.h`
    /// (line and definition as written there), read at mingw-w64 commit
    /// `d7f3c52012c4af4fb526330117d9c86b266018dc` (the file itself last changed in
    /// `23784e3af40ac27904622966a6d504a06deec478`). `PROP_TAG(type, id)` is
    /// `id << 16 | type` (mapidefs.h:189), with `PT_LONG` 3 (mapidefs.h:151) and
    /// `PT_BINARY` 258 = 0x102 (mapidefs.h:164). The string tags are written with
    /// `PT_TSTRING`, which is `PT_STRING8` when `UNICODE` is not defined
    /// (mapidefs.h:179), and `PT_STRING8` is 30 = 0x1E (mapidefs.h:160): our values
    /// are those of the 8-bit build (the same as the `_A` tags, e.g. mapitags.h:327
    /// `PR_DISPLAY_NAME_A`), matching the `PT_STRING8` values the rows hold.
    const PINNED: [(PropTag, u32, &str); 12] = [
        (PropTag::EntryId, 0x0FFF_0102, "mapitags.h:311 #define PR_ENTRYID PROP_TAG(PT_BINARY,0x0FFF)"),
        (PropTag::DisplayName, 0x3001_001E, "mapitags.h:325 #define PR_DISPLAY_NAME PROP_TAG(PT_TSTRING,0x3001)"),
        (
            PropTag::ProviderDisplay,
            0x3006_001E,
            "mapitags.h:338 #define PR_PROVIDER_DISPLAY PROP_TAG(PT_TSTRING,0x3006)",
        ),
        (
            PropTag::ProviderDllName,
            0x300A_001E,
            "mapitags.h:344 #define PR_PROVIDER_DLL_NAME PROP_TAG(PT_TSTRING,0x300A)",
        ),
        (PropTag::ResourceFlags, 0x3009_0003, "mapitags.h:343 #define PR_RESOURCE_FLAGS PROP_TAG(PT_LONG,0x3009)"),
        (PropTag::ResourceMethods, 0x3E02_0003, "mapitags.h:792 #define PR_RESOURCE_METHODS PROP_TAG(PT_LONG,0x3E02)"),
        (PropTag::ResourceType, 0x3E03_0003, "mapitags.h:793 #define PR_RESOURCE_TYPE PROP_TAG(PT_LONG,0x3E03)"),
        (PropTag::StatusCode, 0x3E04_0003, "mapitags.h:794 #define PR_STATUS_CODE PROP_TAG(PT_LONG,0x3E04)"),
        (PropTag::StatusString, 0x3E08_001E, "mapitags.h:800 #define PR_STATUS_STRING PROP_TAG(PT_TSTRING,0x3E08)"),
        (PropTag::ObjectType, 0x0FFE_0003, "mapitags.h:312 #define PR_OBJECT_TYPE PROP_TAG(PT_LONG,0x0FFE)"),
        (PropTag::RowId, 0x3000_0003, "mapitags.h:324 #define PR_ROWID PROP_TAG(PT_LONG,0x3000)"),
        (PropTag::InstanceKey, 0x0FF6_0102, "mapitags.h:320 #define PR_INSTANCE_KEY PROP_TAG(PT_BINARY,0x0FF6)"),
    ];

    /// `PR_RESOURCE_TYPE` values, pinned against the same commit's
    /// `mingw-w64-headers/include/mapidefs.h` (last changed in
    /// `23784e3af40ac27904622966a6d504a06deec478`).
    const RESOURCE_PINNED: [(ResourceType, u32, &str); 8] = [
        (ResourceType::StoreProvider, 33, "mapidefs.h:825 #define MAPI_STORE_PROVIDER ((ULONG) 33)"),
        (ResourceType::AddressBook, 34, "mapidefs.h:826 #define MAPI_AB ((ULONG) 34)"),
        (ResourceType::AbProvider, 35, "mapidefs.h:827 #define MAPI_AB_PROVIDER ((ULONG) 35)"),
        (ResourceType::TransportProvider, 36, "mapidefs.h:828 #define MAPI_TRANSPORT_PROVIDER ((ULONG) 36)"),
        (ResourceType::Spooler, 37, "mapidefs.h:829 #define MAPI_SPOOLER ((ULONG) 37)"),
        (ResourceType::ProfileProvider, 38, "mapidefs.h:830 #define MAPI_PROFILE_PROVIDER ((ULONG) 38)"),
        (ResourceType::Subsystem, 39, "mapidefs.h:831 #define MAPI_SUBSYSTEM ((ULONG) 39)"),
        (ResourceType::HookProvider, 40, "mapidefs.h:832 #define MAPI_HOOK_PROVIDER ((ULONG) 40)"),
    ];

    /// `MAPI_STATUS`, the `PR_OBJECT_TYPE` of a status object, from the same `mapidefs.h`.
    const MAPI_STATUS_PINNED: (u32, &str) = (0x0000_000A, "mapidefs.h:137 #define MAPI_STATUS ((ULONG) 0x0000000A)");

    /// `STATUS_NO_PRIMARY_IDENTITY`, a `PR_RESOURCE_FLAGS` bit, from the same `mapidefs.h`.
    const NO_PRIMARY_IDENTITY_PINNED: (u32, &str) =
        (0x0000_0020, "mapidefs.h:844 #define STATUS_NO_PRIMARY_IDENTITY ((ULONG) 0x00000020)");

    /// `PROP_TAG(PT_X,0xID)` of a mapitags.h line, computed as mapidefs.h:189 does.
    fn prop_tag_in(header: &str) -> u32 {
        let args = header.split("PROP_TAG(").nth(1).and_then(|a| a.strip_suffix(')')).expect(header);
        let (ty, id) = args.split_once(',').expect(header);
        let ty = match ty {
            "PT_LONG" => 3,
            "PT_BINARY" => 258,
            "PT_TSTRING" => 30,
            _ => panic!("{header}: type {ty} is not one we model"),
        };
        let id = u32::from_str_radix(id.strip_prefix("0x").expect(header), 16).expect(header);
        id << 16 | ty
    }

    /// The `((ULONG) n)` value of a mapidefs.h line, decimal or `0x` hex.
    fn ulong_in(header: &str) -> u32 {
        let v = header.split("((ULONG) ").nth(1).and_then(|v| v.strip_suffix(')')).expect(header);
        match v.strip_prefix("0x") {
            Some(hex) => u32::from_str_radix(hex, 16).expect(header),
            None => v.parse().expect(header),
        }
    }

    #[test]
    fn tags_match_mapitags_h() {
        for (p, tag, header) in PINNED {
            assert_eq!(p.tag(), tag, "{} should be {tag:#010x}: {header}", p.name());
            assert_eq!(prop_tag_in(header), tag, "the table's value is the one on the header line: {header}");
            assert!(header.contains(&alloc::format!(" #define {} ", p.name())), "{header} names {}", p.name());
        }
        assert_eq!(PINNED.len(), PropTag::ALL.len(), "every property tag is pinned");
        for p in PropTag::ALL {
            assert_eq!(PropTag::from_name(p.name()), Some(p));
            assert_eq!(PropTag::from_tag(p.tag()), Some(p));
        }
        assert_eq!(alloc::format!("{}", PropTag::StatusCode), "PR_STATUS_CODE");
    }

    #[test]
    fn resource_types_and_object_type_match_mapidefs_h() {
        for (r, v, header) in RESOURCE_PINNED {
            assert_eq!(r.value(), v, "{} should be {v}: {header}", r.name());
            assert_eq!(ulong_in(header), v, "the table's value is the one on the header line: {header}");
            assert!(header.contains(&alloc::format!(" #define {} ", r.name())), "{header} names {}", r.name());
        }
        assert_eq!(RESOURCE_PINNED.len(), ResourceType::ALL.len(), "every resource type is pinned");
        for r in ResourceType::ALL {
            assert_eq!(ResourceType::from_value(r.value()), Some(r));
            assert_eq!(ResourceType::from_name(r.name()), Some(r));
        }
        assert_eq!(alloc::format!("{}", ResourceType::Spooler), "MAPI_SPOOLER");
        let (v, header) = MAPI_STATUS_PINNED;
        assert_eq!(MAPI_STATUS, v, "MAPI_STATUS should be {v:#010x}: {header}");
        assert_eq!(ulong_in(header), v, "the table's value is the one on the header line: {header}");
        let (v, header) = NO_PRIMARY_IDENTITY_PINNED;
        assert_eq!(STATUS_NO_PRIMARY_IDENTITY, v, "STATUS_NO_PRIMARY_IDENTITY should be {v:#010x}: {header}");
        assert_eq!(ulong_in(header), v, "the table's value is the one on the header line: {header}");
    }
}
