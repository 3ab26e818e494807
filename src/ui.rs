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

/// The browser-only modules, each behind the same `cfg`.
macro_rules! browser_modules {
    ($($module:ident),* $(,)?) => {
        $(
            #[cfg(target_arch = "wasm32")]
            pub mod $module;
        )*
    };
}

browser_modules!(
    agent,
    app,
    bookmarklet,
    export_bar,
    facts_view,
    input_panel,
    kind_control,
    length_control,
    rich_text,
    source_view,
    stats_bar,
    storage,
    summary_view,
    theme_toggle,
    workspace,
);

#[cfg(target_arch = "wasm32")]
pub use app::{App, Summarizer};
#[cfg(target_arch = "wasm32")]
pub use workspace::Workspace;
