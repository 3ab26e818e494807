//! Nutshell: an article summarizer that runs entirely inside a web page.
//!
//! The [`engine`] is pure Rust (no IO, no clock, no web crates) and turns a
//! pasted article into a [`engine::Summary`]. The `ui` module (browser only)
//! renders that summary with Yew.

pub mod cli;
pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
