//! panel-draft: compose the 40-member Independent International Scientific
//! Panel on AI (UN General Assembly resolution 79/325) live, in the room.
//!
//! The core (`domain`, `reference`, `import`, `pool`, `rules`, `draft`,
//! `store`, `search`, `session`, `export`) knows nothing of terminals; `cli`
//! and `tui` are thin layers over [`session::Session`].

pub mod annotations;
pub mod audit;
pub mod cli;
pub mod diag;
pub mod domain;
pub mod draft;
pub mod export;
pub mod feasibility;
pub mod generate;
pub mod import;
pub mod pool;
pub mod reference;
pub mod rules;
pub mod search;
pub mod session;
pub mod store;
pub mod text;
pub mod tui;
