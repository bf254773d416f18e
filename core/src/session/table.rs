//! The status table: rows, columns, property restrictions and `HrQueryAllRows`.

use crate::mapi::{
    EntryId, HResult, PropTag, ResourceMethods, ResourceType, StatusCode, MAPI_STATUS, STATUS_NO_PRIMARY_IDENTITY,
};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// A property value as a status row holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PropValue {
    /// `PT_LONG`.
    Long(u32),
    /// `PT_STRING8`.
    Str(String),
    /// `PT_BINARY` (entry ids, instance keys).
    Binary(EntryId),
}

impl fmt::Display for PropValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PropValue::Long(v) => write!(f, "{v:#x}"),
            PropValue::Str(s) => write!(f, "\"{s}\""),
            PropValue::Binary(b) => write!(f, "{}", b.short()),
        }
    }
}

/// One row of the status table.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusRow {
    /// `PR_RESOURCE_TYPE`.
    pub resource: ResourceType,
    /// `PR_DISPLAY_NAME`.
    pub display_name: String,
    /// `PR_ENTRYID`: opens this row's status object.
    pub entry_id: EntryId,
    /// `PR_INSTANCE_KEY`.
    pub instance_key: EntryId,
    /// `PR_RESOURCE_METHODS`.
    pub methods: ResourceMethods,
    /// `PR_STATUS_CODE`, live.
    pub status: StatusCode,
    /// `PR_PROVIDER_DLL_NAME`.
    pub dll: &'static str,
    /// `PR_ROWID`.
    pub row_id: u32,
    /// Index into the session's transports when this is a transport row.
    pub transport: Option<usize>,
}

impl StatusRow {
    /// The row's value for `tag`, or `None` (PT_NULL) when the row lacks it.
    ///
    /// Model choice: MAPI's own rows (subsystem, spooler, address book) carry no
    /// PR_PROVIDER_DISPLAY, and only transport rows carry PR_STATUS_STRING.
    pub fn get(&self, tag: PropTag) -> Option<PropValue> {
        let provider = matches!(
            self.resource,
            ResourceType::TransportProvider | ResourceType::StoreProvider | ResourceType::AbProvider
        );
        Some(match tag {
            PropTag::EntryId => PropValue::Binary(self.entry_id.clone()),
            PropTag::InstanceKey => PropValue::Binary(self.instance_key.clone()),
            PropTag::DisplayName => PropValue::Str(self.display_name.clone()),
            PropTag::ProviderDisplay if provider => PropValue::Str(self.display_name.clone()),
            PropTag::ProviderDisplay => return None,
            PropTag::ProviderDllName => PropValue::Str(self.dll.into()),
            // `pidtagresourceflags-canonical-property#remarks`: a provider sets either
            // STATUS_PRIMARY_IDENTITY or STATUS_NO_PRIMARY_IDENTITY. Model choice: no
            // provider here furnishes the primary identity, and MAPI's own rows carry 0.
            PropTag::ResourceFlags if provider => PropValue::Long(STATUS_NO_PRIMARY_IDENTITY),
            PropTag::ResourceFlags => PropValue::Long(0),
            PropTag::ResourceMethods => PropValue::Long(self.methods.bits()),
            PropTag::ResourceType => PropValue::Long(self.resource.value()),
            PropTag::StatusCode => PropValue::Long(self.status.bits()),
            PropTag::StatusString if self.transport.is_some() => PropValue::Str(status_string(self.status).into()),
            PropTag::StatusString => return None,
            PropTag::ObjectType => PropValue::Long(MAPI_STATUS),
            PropTag::RowId => PropValue::Long(self.row_id),
        })
    }
}

/// `PR_STATUS_STRING` in words, derived from the bits so it can never disagree.
pub fn status_string(s: StatusCode) -> &'static str {
    if s.contains(StatusCode::STATUS_FAILURE) {
        "Cannot reach the server"
    } else if s.contains(StatusCode::STATUS_OUTBOUND_FLUSH) {
        "Flushing outbound queue"
    } else if s.contains(StatusCode::STATUS_INBOUND_FLUSH) {
        "Flushing inbound queue"
    } else if s.contains(StatusCode::STATUS_OFFLINE) {
        "Offline"
    } else {
        "Ready"
    }
}

/// The relation of a property restriction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RelOp {
    /// `RELOP_EQ` in an `SPropertyRestriction`.
    Eq,
    /// `RELOP_NE` in an `SPropertyRestriction`.
    Ne,
    /// `BMR_NEZ` in an `SBitMaskRestriction`: some bit of the mask is set.
    BitmaskNez,
}

/// A value a restriction compares with.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum RestrictValue {
    /// A number (`MAPI_SPOOLER`, `STATUS_FLUSH_QUEUES`).
    Long(u32),
    /// A string (`"Office LAN"`).
    Str(String),
}

/// `PR_X == v`, `PR_X != v` or `PR_X & mask`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Restriction {
    /// The property compared.
    pub prop: PropTag,
    /// How.
    pub op: RelOp,
    /// With what.
    pub value: RestrictValue,
}

impl Restriction {
    /// Whether `row` matches. A row without the property never matches (model
    /// choice: the reference leaves it undefined).
    pub fn matches(&self, row: &StatusRow) -> bool {
        // A row without the property: undefined in `spropertyrestriction#remarks`;
        // model choice, it does not match.
        let Some(v) = row.get(self.prop) else {
            return false;
        };
        match (&v, &self.value, self.op) {
            (PropValue::Long(a), RestrictValue::Long(b), RelOp::Eq) => a == b,
            (PropValue::Long(a), RestrictValue::Long(b), RelOp::Ne) => a != b,
            (PropValue::Long(a), RestrictValue::Long(b), RelOp::BitmaskNez) => a & b != 0,
            (PropValue::Str(a), RestrictValue::Str(b), RelOp::Eq) => a == b,
            (PropValue::Str(a), RestrictValue::Str(b), RelOp::Ne) => a != b,
            _ => false,
        }
    }
}

impl fmt::Display for Restriction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = match self.op {
            RelOp::Eq => "==",
            RelOp::Ne => "!=",
            RelOp::BitmaskNez => "&",
        };
        write!(f, "{} {op} ", self.prop)?;
        match (&self.value, self.prop) {
            (RestrictValue::Long(v), PropTag::ResourceType) => match ResourceType::from_value(*v) {
                Some(r) => write!(f, "{} ({v})", r.name()),
                None => write!(f, "{v}"),
            },
            (RestrictValue::Long(v), PropTag::ResourceMethods) => {
                write!(f, "{}", ResourceMethods::from_bits_retain(*v))
            }
            (RestrictValue::Long(v), PropTag::StatusCode) => write!(f, "{}", StatusCode::from_bits_retain(*v)),
            (RestrictValue::Long(v), _) => write!(f, "{v:#x}"),
            (RestrictValue::Str(s), _) => write!(f, "\"{s}\""),
        }
    }
}

/// A copy of some rows with a fixed column set: what `HrQueryAllRows` returns.
#[derive(Clone, Debug, PartialEq)]
pub struct RowSet {
    /// The columns, in `SetColumns` order.
    pub columns: Vec<PropTag>,
    /// One value per column per row; `None` is PT_NULL.
    pub rows: Vec<Vec<Option<PropValue>>>,
    /// The status-table row each row was copied from.
    pub source: Vec<usize>,
}

impl RowSet {
    /// The value of `tag` in row `i`: `None` when the column was not requested or is PT_NULL.
    pub fn get(&self, i: usize, tag: PropTag) -> Option<&PropValue> {
        let col = self.columns.iter().position(|c| *c == tag)?;
        self.rows.get(i)?.get(col)?.as_ref()
    }
}

/// `HrQueryAllRows(table, columns, restriction, NULL, crowsMax)`.
///
/// `crows_max == 0` means no limit; fewer than the matches gives MAPI_E_TABLE_TOO_BIG.
pub fn query_all_rows(
    rows: &[StatusRow],
    columns: &[PropTag],
    restriction: Option<&Restriction>,
    crows_max: u32,
) -> Result<RowSet, HResult> {
    let source: Vec<usize> = (0..rows.len()).filter(|&i| restriction.is_none_or(|r| r.matches(&rows[i]))).collect();
    if crows_max != 0 && source.len() > crows_max as usize {
        return Err(HResult::TableTooBig);
    }
    let data = source.iter().map(|&i| columns.iter().map(|&c| rows[i].get(c)).collect()).collect();
    Ok(RowSet { columns: columns.to_vec(), rows: data, source })
}

/// The status table's default column set, before any `SetColumns`.
pub const DEFAULT_COLUMNS: [PropTag; 8] = [
    PropTag::RowId,
    PropTag::EntryId,
    PropTag::DisplayName,
    PropTag::ProviderDisplay,
    PropTag::ResourceType,
    PropTag::ResourceMethods,
    PropTag::StatusCode,
    PropTag::StatusString,
];

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn row(resource: ResourceType, name: &str, transport: Option<usize>, id: u8) -> StatusRow {
        StatusRow {
            resource,
            display_name: name.into(),
            entry_id: EntryId(vec![0, 0, 0, 0, id]),
            instance_key: EntryId(vec![id]),
            methods: ResourceMethods::STATUS_VALIDATE_STATE,
            status: StatusCode::STATUS_AVAILABLE,
            dll: "x.dll",
            row_id: u32::from(id),
            transport,
        }
    }

    fn table() -> Vec<StatusRow> {
        vec![
            row(ResourceType::Subsystem, "MAPI Subsystem", None, 1),
            row(ResourceType::Spooler, "MAPI Spooler", None, 2),
            row(ResourceType::TransportProvider, "LAN", Some(0), 3),
            row(ResourceType::TransportProvider, "Modem", Some(1), 4),
        ]
    }

    #[test]
    fn restriction_eq_ne_and_bitmask() {
        let rows = table();
        let eq = Restriction { prop: PropTag::ResourceType, op: RelOp::Eq, value: RestrictValue::Long(37) };
        let set = query_all_rows(&rows, &[PropTag::EntryId], Some(&eq), 0).unwrap();
        assert_eq!(set.source, vec![1]);
        let ne = Restriction { op: RelOp::Ne, ..eq.clone() };
        assert_eq!(query_all_rows(&rows, &[], Some(&ne), 0).unwrap().source, vec![0, 2, 3]);
        let mask =
            Restriction { prop: PropTag::ResourceMethods, op: RelOp::BitmaskNez, value: RestrictValue::Long(0x8) };
        assert!(query_all_rows(&rows, &[], Some(&mask), 0).unwrap().source.is_empty());
        assert_eq!(alloc::format!("{eq}"), "PR_RESOURCE_TYPE == MAPI_SPOOLER (37)");
    }

    #[test]
    fn crows_max_smaller_than_matches_is_table_too_big() {
        let rows = table();
        let t = Restriction { prop: PropTag::ResourceType, op: RelOp::Eq, value: RestrictValue::Long(36) };
        assert_eq!(query_all_rows(&rows, &[], Some(&t), 1), Err(HResult::TableTooBig));
        assert_eq!(query_all_rows(&rows, &[], Some(&t), 2).unwrap().rows.len(), 2);
    }

    #[test]
    fn missing_columns_are_pt_null() {
        let rows = table();
        let set = query_all_rows(&rows, &[PropTag::StatusString, PropTag::ProviderDisplay], None, 0).unwrap();
        assert_eq!(set.get(0, PropTag::StatusString), None);
        assert_eq!(set.get(0, PropTag::ProviderDisplay), None);
        assert_eq!(set.get(2, PropTag::StatusString), Some(&PropValue::Str("Ready".into())));
        assert_eq!(set.get(2, PropTag::EntryId), None, "column not requested");
    }
}
