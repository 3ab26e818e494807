//! The whole page: owns the state and the effects, lays out the children.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::agent::SummarizeRequest;
use super::app::Summarizer;
use super::bookmarklet;
use super::export_bar::ExportBar;
use super::facts_view::FactsView;
use super::input_panel::InputPanel;
use super::kind_control::KindControl;
use super::length_control::LengthControl;
use super::source_view::SourceView;
use super::state::{Action, State, Storage, SummaryKind, Theme};
use super::stats_bar::StatsBar;
use super::storage;
use super::summary_view::SummaryView;
use super::theme_toggle::ThemeToggle;
use crate::engine::Summary;

/// The pause after the last keystroke before summarising, in milliseconds.
const TYPING_PAUSE_MS: u32 = 300;
/// The same for texts over [`LONG_PAUSE_TEXT_BYTES`], which take longer to
/// send and summarise: fewer, later requests.
const LONG_TYPING_PAUSE_MS: u32 = 800;
const LONG_PAUSE_TEXT_BYTES: usize = 200_000;
/// The pause before saving the text to `localStorage`.
const SAVE_PAUSE_MS: u32 = 500;

#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    pub summarizer: Summarizer,
}

#[component]
pub fn Workspace(props: &WorkspaceProps) -> Html {
    let state = use_reducer(|| State {
        text: Rc::from(storage::load_text().unwrap_or_default()),
        overrides: storage::load_overrides(),
        hints: Rc::from(storage::load_hints()),
        theme: storage::load_theme().map_or(Theme::System, |c| Theme::from_code(&c)),
        ..State::default()
    });
    let dispatcher = state.dispatcher();
    let bookmarklet_href = use_state(bookmarklet::this_href);

    // Summarise after a pause in typing (at once for urgent changes).
    {
        let dispatcher = dispatcher.clone();
        let summarizer = props.summarizer.clone();
        let (text, length, urgent) = (state.text.clone(), state.requested_length(), state.urgent);
        let overrides = state.overrides.clone();
        let hints = state.hints.to_vec();
        use_effect_with(state.generation, move |&generation| {
            let pause = match (urgent, text.len()) {
                (true, _) => 0,
                (false, n) if n > LONG_PAUSE_TEXT_BYTES => LONG_TYPING_PAUSE_MS,
                (false, _) => TYPING_PAUSE_MS,
            };
            let timeout = Timeout::new(pause, move || {
                dispatcher.dispatch(Action::Started(generation));
                let request = SummarizeRequest {
                    text: text.to_string(),
                    length,
                    overrides,
                    hints,
                };
                let on_start = {
                    let dispatcher = dispatcher.clone();
                    Callback::from(move |()| dispatcher.dispatch(Action::Summarising(generation)))
                };
                let reply = Callback::from(move |summary: Summary| {
                    dispatcher.dispatch(Action::Summarized {
                        generation,
                        text: text.clone(),
                        summary,
                    })
                });
                summarizer.emit((request, on_start, reply));
            });
            move || drop(timeout)
        });
    }

    // Keep the text and its hints on this device (nothing to save before the first change).
    {
        let dispatcher = dispatcher.clone();
        let changed = state.generation > 0;
        // (The hints name the text's bytes: they change only with it.)
        let hints = state.hints.clone();
        use_effect_with(state.text.clone(), move |text| {
            let text = text.clone();
            let timeout = changed.then(|| {
                Timeout::new(SAVE_PAUSE_MS, move || {
                    // (Hints that outlived their text would mislead: the
                    // old ones go first, the new ones only with their text.)
                    let saved = storage::save_hints(&[]) && storage::save_text(&text);
                    if saved {
                        storage::save_hints(&hints);
                    }
                    dispatcher.dispatch(Action::Storage(if saved {
                        Storage::Saved
                    } else {
                        Storage::Unavailable
                    }));
                })
            });
            move || drop(timeout)
        });
    }

    // Keep the reader's corrections with the text (none to save before the first change).
    {
        let changed = state.generation > 0;
        use_effect_with(state.overrides.clone(), move |overrides| {
            if changed {
                storage::save_overrides(overrides);
            }
        });
    }

    // Take the text an article page hands over by the bookmarklet (when
    // another window opened this one).
    {
        let on_receive = Callback::from({
            let dispatcher = dispatcher.clone();
            move |(text, hints)| dispatcher.dispatch(Action::Receive(text, hints))
        });
        use_effect_with((), move |_| {
            let stop = bookmarklet::receive(on_receive);
            move || stop.map_or((), |stop| stop())
        });
    }

    // Apply and remember the theme.
    use_effect_with(state.theme, |&theme| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-theme", theme.code());
        }
        storage::save_theme(theme.code());
    });

    let dispatch: Callback<Action> = dispatcher.clone().into();
    let on_edit = dispatch.reform(Action::Edit);
    let on_replace = dispatch.reform(|(text, hints)| Action::Replace(text, hints));
    // (One callback type for the actions that carry nothing: one copy of its code.)
    let on_unit = |action: fn(()) -> Action| dispatch.reform(action);
    let on_clear = on_unit(|()| Action::Clear);
    let on_summarize_now = on_unit(|()| Action::SummarizeNow);
    let on_reading = dispatch.reform(Action::Reading);
    let on_length = dispatch.reform(Action::SetLength);
    let on_kind = dispatch.reform(Action::SetKind);
    let on_status = dispatch.reform(Action::Status);
    let on_theme = dispatch.reform(Action::SetTheme);
    let on_focus = dispatch.reform(Action::Focus);
    let on_focus_entity = dispatch.reform(Action::FocusEntity);
    let on_show_more = on_unit(|()| Action::ShowMoreSource);
    let on_toggle_reasons = on_unit(|()| Action::ToggleReasons);
    let on_override = dispatch.reform(Action::Override);
    let on_edit_large_text = on_unit(|()| Action::EditLargeText);
    let on_undo = dispatch.reform(|_: MouseEvent| Action::Undo);

    let outcome = state.outcome.clone();
    let busy = state.is_busy();
    // While work is in hand the last answer's message is stale: not shown.
    let notice = outcome
        .as_ref()
        .and_then(|o| o.summary.notice)
        .filter(|_| !busy);
    let has_summary = outcome
        .as_ref()
        .is_some_and(|o| !o.summary.chosen.is_empty());
    let announcement = match (&outcome, notice) {
        _ if busy => String::new(),
        (_, Some(notice)) => notice.message().to_owned(),
        (Some(o), None) => format!(
            "Summary ready: {} sentences, {}% shorter.",
            o.summary.chosen.len(),
            o.summary.reduction_percent()
        ),
        (None, None) => String::new(),
    };

    html! {
        <div class="workspace">
            <header class="workspace-header">
                <div class="workspace-title">
                    <h1>{ "Nutshell" }</h1>
                    <p class="workspace-tagline">{ "Paste an article, get its gist. Everything happens in this browser tab." }</p>
                </div>
                <ThemeToggle theme={state.theme} on_change={on_theme} />
            </header>
            <main class="workspace-main">
                <section class="workspace-input" aria-labelledby="input-heading">
                    <h2 id="input-heading">{ "Article" }</h2>
                    if state.undo.is_some() {
                        <p class="workspace-undo" role="status">
                            { "The text from the page you were reading replaced what was here. " }
                            <button type="button" class="button" onclick={on_undo}>{ "Undo" }</button>
                        </p>
                    }
                    <InputPanel
                        text={state.text.clone()}
                        text_revision={state.text_revision}
                        storage={state.storage}
                        edit_large_text={state.edit_large_text}
                        {on_edit_large_text}
                        {on_edit}
                        {on_replace}
                        {on_clear}
                        {on_summarize_now}
                        {on_reading}
                        on_status={on_status.clone()}
                    />
                </section>
                <section class="workspace-results" aria-labelledby="results-heading" aria-busy={busy.to_string()}>
                    <div class="workspace-results-head">
                        <h2 id="results-heading">{ "Summary" }</h2>
                        <KindControl kind={state.kind} on_change={on_kind} />
                        if state.kind != SummaryKind::Tldr {
                            <LengthControl length={state.length} on_change={on_length} />
                        }
                    </div>
                    <p class={classes!("workspace-status", notice.is_some().then_some("workspace-status--notice"))} role="status" aria-live="polite">
                        if busy {
                            <span class="workspace-spinner" aria-hidden="true"></span>
                            <span class="workspace-busy">{ "Summarising…" }</span>
                            if let Some(progress) = state.progress {
                                { " " }<span class="workspace-progress">{ progress.describe(state.text.len()) }</span>
                            }
                        }
                        <span class="workspace-announcement">{ announcement }</span>
                        if let Some(status) = &state.status {
                            <span class="workspace-export-status">{ " " }{ status }</span>
                        }
                    </p>
                    if let Some(outcome) = outcome.clone() {
                        if has_summary {
                            <StatsBar outcome={outcome.clone()} />
                            <SummaryView outcome={outcome.clone()} kind={state.kind} focus={state.focus} on_focus={on_focus.clone()} />
                            <ExportBar outcome={outcome.clone()} on_status={on_status.clone()} />
                            <FactsView outcome={outcome.clone()} focus={state.focus} {on_focus} {on_focus_entity} />
                        }
                    }
                </section>
                if let Some(outcome) = outcome {
                    if !outcome.summary.sentences.is_empty() {
                        <SourceView
                            {outcome}
                            focus={state.focus}
                            n_shown={state.n_source_shown}
                            show_reasons={state.show_reasons}
                            {on_show_more}
                            {on_toggle_reasons}
                            {on_override}
                        />
                    }
                }
            </main>
            { bookmarklet::view(bookmarklet_href.as_deref(), &on_status) }
            <footer class="workspace-footer">
                <p>{ "Nutshell works offline once loaded. Your text is summarised by code running in this page and is never uploaded." }</p>
                <p class="workspace-footer-credits">
                    { "Place names from GeoNames (geonames.org), licensed CC BY 4.0; given names and surnames from the US Census (public domain)." }
                </p>
            </footer>
        </div>
    }
}
