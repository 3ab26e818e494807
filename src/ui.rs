//! The Yew front end (browser only).
//!
//! [`App`] spawns the summarizer worker and renders the [`Workspace`]: one
//! reducer ([`state`]) holds the page's state; the text box, length control
//! and buttons dispatch actions; effects debounce the text, send it to the
//! worker, keep it in `localStorage` and apply the theme; the views render
//! the engine's [`Summary`](crate::engine::Summary) by slicing the text with
//! its spans and never split or search text themselves. Pasted text is only
//! ever rendered as text nodes.

pub mod agent;
pub mod app;
pub mod example;
pub mod export_bar;
pub mod facts_view;
pub mod input_panel;
pub mod length_control;
pub mod rich_text;
pub mod source_view;
pub mod state;
pub mod stats_bar;
pub mod storage;
pub mod summary_view;
pub mod theme_toggle;
pub mod workspace;

pub use app::{App, Summarizer};
pub use state::{Action, State};
pub use workspace::Workspace;
