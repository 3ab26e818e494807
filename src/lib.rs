//! Nutshell: an article summarizer that runs entirely inside a web page.
//!
//! The [`engine`] is pure Rust (no IO, no clock, no web crates) and turns a
//! pasted article into a [`engine::Summary`]. The `ui` module renders that
//! summary with Yew in the browser; only its pure reducer (`ui::state`) is
//! also compiled natively, where `cargo test` tests it.

pub mod cli;
pub mod engine;
pub mod ui;
