//! The playground's components, one per file.

pub mod controls;
pub mod diagram;
pub mod editor;
pub mod flags;
pub mod header;
pub mod help;
pub mod lessons;
pub mod predict;
pub mod prompt;
pub mod scenario_editor;
pub mod status_table;
pub mod trace_list;
