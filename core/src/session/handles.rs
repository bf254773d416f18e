//! Every object and row set the client holds, with the line that created it.

use alloc::string::String;
use alloc::vec::Vec;

/// Index of a handle in the session's handle table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct HandleId(pub u32);

/// What a handle refers to.
#[derive(Clone, Debug, PartialEq)]
pub enum Referent {
    /// The status table (`IMAPITable`) with its current column set.
    Table { columns: Vec<crate::mapi::PropTag> },
    /// A status object (`IMAPIStatus`) for a status-table row.
    Status { row: usize },
    /// A row set (`SRowSet`) from `HrQueryAllRows`.
    Rows(crate::session::RowSet),
}

/// The kind of object a handle holds, for releases and leak reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ObjectKind {
    /// `IMAPITable`.
    StatusTable,
    /// `IMAPIStatus`.
    StatusObject,
    /// `SRowSet`.
    RowSet,
}

impl Referent {
    /// What kind of object it is.
    pub fn kind(&self) -> ObjectKind {
        match self {
            Referent::Table { .. } => ObjectKind::StatusTable,
            Referent::Status { .. } => ObjectKind::StatusObject,
            Referent::Rows(_) => ObjectKind::RowSet,
        }
    }
}

/// One handle.
#[derive(Clone, Debug, PartialEq)]
pub struct Handle {
    /// The object.
    pub referent: Referent,
    /// Script line that created it.
    pub line: u32,
    /// Script line that released it, once released.
    pub released: Option<u32>,
    /// The variable it was first stored in, for messages.
    pub name: String,
}

/// The handle table. Handles are never reused, so a stale one stays recognisable.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Handles {
    all: Vec<Handle>,
}

impl Handles {
    /// Registers a new live handle.
    pub fn open(&mut self, referent: Referent, line: u32, name: String) -> HandleId {
        self.all.push(Handle { referent, line, released: None, name });
        HandleId((self.all.len() - 1) as u32)
    }

    /// The handle, live or released.
    pub fn get(&self, id: HandleId) -> &Handle {
        &self.all[id.0 as usize]
    }

    /// The handle, mutably (a table's column set changes).
    pub fn get_mut(&mut self, id: HandleId) -> &mut Handle {
        &mut self.all[id.0 as usize]
    }

    /// Marks it released; returns the earlier release line if it already was.
    pub fn release(&mut self, id: HandleId, line: u32) -> Result<(), u32> {
        let h = &mut self.all[id.0 as usize];
        match h.released {
            Some(at) => Err(at),
            None => {
                h.released = Some(line);
                Ok(())
            }
        }
    }

    /// Handles still open, in creation order.
    pub fn live(&self) -> impl Iterator<Item = (HandleId, &Handle)> {
        self.all.iter().enumerate().filter(|(_, h)| h.released.is_none()).map(|(i, h)| (HandleId(i as u32), h))
    }

    /// All handles ever opened.
    pub fn len(&self) -> usize {
        self.all.len()
    }

    /// True when nothing was ever opened.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }
}
