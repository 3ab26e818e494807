//! The Yew front end (browser only, but for the reducer).
//!
//! `App` spawns the summarizer worker and renders the `Workspace`: one
//! reducer ([`state`]) holds the page's state; the text box, length control
//! and buttons dispatch actions; effects debounce the text, send it to the
//! worker, keep it in `localStorage` and apply the theme; the views render
//! the engine's [`Summary`](crate::engine::Summary) by slicing the text with
//! its spans and never split or search text themselves. Pasted text is only
//! ever rendered as text nodes.

// The reducer is pure: it is compiled on every target, so that native
// `cargo test` runs its tests (tests/state.rs), with the example article they
// use. Everything else here needs the browser.
pub mod example;
pub mod state;
pub use state::{Action, State};

#[cfg(target_arch = "wasm32")]
pub mod agent;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod export_bar;
#[cfg(target_arch = "wasm32")]
pub mod facts_view;
#[cfg(target_arch = "wasm32")]
pub mod input_panel;
#[cfg(target_arch = "wasm32")]
pub mod length_control;
#[cfg(target_arch = "wasm32")]
pub mod rich_text;
#[cfg(target_arch = "wasm32")]
pub mod source_view;
#[cfg(target_arch = "wasm32")]
pub mod stats_bar;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod summary_view;
#[cfg(target_arch = "wasm32")]
pub mod theme_toggle;
#[cfg(target_arch = "wasm32")]
pub mod workspace;

#[cfg(target_arch = "wasm32")]
pub use app::{App, Summarizer};
#[cfg(target_arch = "wasm32")]
pub use workspace::Workspace;
