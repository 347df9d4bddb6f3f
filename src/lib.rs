//! facetctl: move container images through environments with a
//! digest-pinned record of every move. Layers, each using only those below
//! it: two front ends, `cli` and `server`, over `app` -> `control` +
//! `registry` -> `model`.

pub mod app;
pub mod cli;
pub mod control;
pub mod error;
pub mod model;
pub mod registry;
pub mod secrets;
pub mod server;

pub use error::{Error, ErrorKind, Result};
