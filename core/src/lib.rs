//! # flushq-core
//!
//! A deterministic, sans-IO simulation of an Outlook MAPI session that sends or
//! receives mail on demand: the status table, the MAPI spooler, transport
//! providers with their queues, `IMAPIStatus::FlushQueues` and its flags, and the
//! fallback rules, driven by a small client-script language.
//!
//! Input: a [`Scenario`]. Output: a stream of [`trace::Event`]s and an
//! [`trace::Outcome`]. No I/O, no clocks; the only randomness is a generator
//! seeded by the scenario, so the same scenario always gives the same trace.
//!
//! Layers, bottom up: [`mapi`] (constants, HRESULTs, flags), [`session`] (status
//! table, queues, handles), [`spooler`] (the flush protocol), [`script`] (the
//! client language), [`machine`] (the driver), [`trace`] (events, outcome and the
//! view folded from them). What a person reads about a run (narration, the text
//! trace, goals, predict mode) is in the `flushq-explain` crate above this one.
//!
//! ## Features
//!
//! - `serde` (off by default): `serde::Serialize` for the trace ([`trace::Event`]
//!   and every type in it, [`trace::Outcome`]) and the [`Scenario`], for snapshot
//!   tests of runs. HRESULTs and property tags serialize as their MAPI names
//!   (`"MAPI_E_BUSY"`), flag sets as the trace writes them
//!   (`"FLUSH_UPLOAD | FLUSH_NO_UI"`, `"0"` when empty), entry ids as hex, enums
//!   externally tagged in snake_case (`{"xp_return": {...}}`, `"run_end"`). Still
//!   `no_std`.
#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod diag;
pub mod machine;
pub mod mapi;
pub mod rng;
pub mod scenario;
pub mod script;
pub mod session;
pub mod sort;
pub mod spooler;
pub mod trace;

pub use machine::{LoadError, Machine, NoPrompt, Step};
pub use scenario::{Fault, FaultKind, FaultName, Scenario, TransportId, TransportKind, TransportSpec};
