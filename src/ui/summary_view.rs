//! The summary: the chosen sentences in the article's order. Each one is a
//! button that shows it in the source.

use yew::prelude::*;

use super::state::{Focus, SharedOutcome};

#[derive(Properties, PartialEq)]
pub struct SummaryViewProps {
    pub outcome: SharedOutcome,
    pub focus: Option<Focus>,
    pub on_focus: Callback<Option<Focus>>,
}

#[component]
pub fn SummaryView(props: &SummaryViewProps) -> Html {
    let outcome = &props.outcome;
    let sentences = outcome.summary.chosen.iter().filter_map(|&idx| {
        let sentence = outcome.summary.sentences.get(idx)?;
        let is_focused = props.focus == Some(Focus::Sentence(idx));
        let onclick = props
            .on_focus
            .reform(move |_: MouseEvent| Some(Focus::Sentence(idx)));
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
            </li>
        })
    });
    html! {
        <ol class="summary-view" aria-label="Summary sentences">
            { for sentences }
        </ol>
    }
}
