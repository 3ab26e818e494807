//! The summary: the chosen sentences in the article's order, numbered, as
//! bullets for "Key points", alone for a TL;DR. Each one is a button that shows it in the source, with a disclosure ("Why this
//! sentence?") that lists the merits the engine named for it.

use yew::prelude::*;

use super::state::{Focus, SharedOutcome, SummaryKind};

#[derive(Properties, PartialEq)]
pub struct SummaryViewProps {
    pub outcome: SharedOutcome,
    pub kind: SummaryKind,
    pub focus: Option<Focus>,
    pub on_focus: Callback<Option<Focus>>,
}

#[component]
pub fn SummaryView(props: &SummaryViewProps) -> Html {
    let outcome = &props.outcome;
    let summary = &outcome.summary;
    let sentences = summary.chosen.iter().enumerate().filter_map(|(k, &idx)| {
        let sentence = summary.sentences.get(idx)?;
        let is_focused = props.focus == Some(Focus::Sentence(idx));
        let onclick = props
            .on_focus
            .reform(move |_: MouseEvent| Some(Focus::Sentence(idx)));
        let why: Vec<&str> = summary
            .why
            .get(k)
            .map(|merits| merits.iter().map(|m| m.describe()).collect())
            .unwrap_or_default();
        Some(html! {
            <li class="summary-view-item" key={idx}>
                <button
                    type="button"
                    class={classes!("summary-view-sentence", is_focused.then_some("summary-view-sentence--focused"))}
                    aria-pressed={is_focused.to_string()}
                    title="Show this sentence in the article"
                    {onclick}
                >
                    { sentence.span.slice(&outcome.text) }
                </button>
                if !why.is_empty() {
                    <details class="summary-view-why">
                        <summary title={why.join("; ")}>{ "Why this sentence?" }</summary>
                        <ul class="summary-view-merits">
                            { for why.iter().map(|&m| html! { <li>{ m }</li> }) }
                        </ul>
                    </details>
                }
            </li>
        })
    });
    match props.kind {
        SummaryKind::Summary => html! {
            <ol class="summary-view" aria-label="Summary sentences">
                { for sentences }
            </ol>
        },
        SummaryKind::KeyPoints => html! {
            <ul class="summary-view summary-view--key-points" aria-label="Key points">
                { for sentences }
            </ul>
        },
        SummaryKind::Tldr => html! {
            <ul class="summary-view summary-view--tldr" aria-label="TL;DR">
                { for sentences }
            </ul>
        },
    }
}
