//! The article as pasted, marked up by the summary: chosen sentences
//! highlighted, boilerplate dimmed and struck through (with its reason on
//! request), the focused item outlined and scrolled into view. Everything is
//! cut from the text by the engine's spans; the gaps between sentences are
//! rendered as they are, so paragraph breaks show.

use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use super::state::{Focus, SharedOutcome};
use crate::engine::{Override, SentenceRole, Span};

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub outcome: SharedOutcome,
    pub focus: Option<Focus>,
    /// How many sentences to render (the rest behind "Show more").
    pub n_shown: usize,
    pub show_reasons: bool,
    pub on_show_more: Callback<()>,
    pub on_toggle_reasons: Callback<()>,
    /// Bring a set-aside line back, or set an article line aside.
    pub on_override: Callback<Override>,
}

/// The DOM id of a sentence in the source view.
pub fn sentence_id(idx: usize) -> String {
    format!("source-sentence-{idx}")
}

#[component]
pub fn SourceView(props: &SourceViewProps) -> Html {
    let text = &*props.outcome.text;
    let summary = &props.outcome.summary;
    let target = props.focus.and_then(|f| f.target(summary));

    // Scroll the focused sentence into view.
    use_effect_with((props.focus, props.outcome.clone()), move |_| {
        let element = target.and_then(|(idx, _)| {
            web_sys::window()?
                .document()?
                .get_element_by_id(&sentence_id(idx))
        });
        if let Some(element) = element {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Center);
            options.set_behavior(ScrollBehavior::Smooth);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });

    let mut is_chosen = vec![false; summary.sentences.len()];
    for &idx in &summary.chosen {
        if let Some(c) = is_chosen.get_mut(idx) {
            *c = true;
        }
    }
    let n_shown = props.n_shown.min(summary.sentences.len());
    let mut boilerplate = summary.boilerplate.iter().peekable();
    let mut nodes: Vec<Html> = Vec::with_capacity(2 * n_shown + 2);
    let mut cursor = 0;
    // The set-aside block the sentences are in, if any: its reason shows on
    // hover over each of its sentences, as well as behind "Show why".
    let mut set_aside: Option<&crate::engine::Boilerplate> = None;
    for (idx, sentence) in summary.sentences[..n_shown].iter().enumerate() {
        let span = sentence.span;
        if span.start > cursor {
            nodes.push(html! { { Span::new(cursor, span.start).slice(text) } });
        }
        while let Some(b) = boilerplate.next_if(|b| b.span.start <= span.start) {
            set_aside = Some(b);
            if props.show_reasons && b.span.end > span.start {
                let on_click = props.on_override.reform({
                    let at = b.span.start;
                    move |_: MouseEvent| Override { at, keep: true }
                });
                nodes.push(html! {
                    <span class="source-view-reason">
                        { "Set aside: " }{ b.kind.reason() }{ " (" }{ b.evidence.describe() }{ ") " }
                        <button type="button" class="source-view-override" onclick={on_click}>{ "Bring back" }</button>
                    </span>
                });
            }
        }
        // Each article line can be set aside where it starts.
        let starts_line = idx == 0
            || summary.sentences[idx - 1].paragraph_idx != sentence.paragraph_idx
            || text[..span.start].ends_with('\n');
        if props.show_reasons && starts_line && sentence.role != SentenceRole::Boilerplate {
            let on_click = props.on_override.reform({
                let at = span.start;
                move |_: MouseEvent| Override { at, keep: false }
            });
            nodes.push(html! {
                <button type="button" class="source-view-override" onclick={on_click}>{ "Set aside" }</button>
            });
        }
        let mark = match target {
            Some((target_idx, mark)) if target_idx == idx => {
                Some(mark.filter(|m| span.contains(*m)).unwrap_or(span))
            }
            _ => None,
        };
        let class = classes!(
            "source-view-sentence",
            is_chosen[idx].then_some("source-view-sentence--chosen"),
            match sentence.role {
                SentenceRole::Body => None,
                SentenceRole::Margin => Some("source-view-sentence--margin"),
                SentenceRole::Heading => Some("source-view-sentence--heading"),
                SentenceRole::Boilerplate => Some("source-view-sentence--boilerplate"),
            },
            mark.is_some().then_some("source-view-sentence--focused"),
        );
        let content = match mark {
            Some(m) if m != span => html! {
                <>
                    { Span::new(span.start, m.start).slice(text) }
                    <mark class="source-view-mark">{ m.slice(text) }</mark>
                    { Span::new(m.end, span.end).slice(text) }
                </>
            },
            _ => html! { { span.slice(text) } },
        };
        let title = set_aside
            .filter(|b| sentence.role == SentenceRole::Boilerplate && b.span.end > span.start)
            .map(|b| format!("Set aside: {} ({})", b.kind.reason(), b.evidence.describe()));
        nodes.push(html! {
            <span id={sentence_id(idx)} {class} {title}>{ content }</span>
        });
        cursor = cursor.max(span.end);
    }
    let n_hidden = summary.sentences.len() - n_shown;
    if n_hidden == 0 && cursor < text.len() {
        nodes.push(html! { { Span::new(cursor, text.len()).slice(text) } });
    }

    let on_toggle = props.on_toggle_reasons.reform(|_: Event| ());
    let on_more = props.on_show_more.reform(|_: MouseEvent| ());
    let has_boilerplate = !summary.boilerplate.is_empty();

    html! {
        <section class="source-view" aria-labelledby="source-heading">
            <div class="source-view-head">
                <h2 id="source-heading">{ "The article, marked up" }</h2>
                <p class="source-view-legend">
                    <span class="source-view-sentence source-view-sentence--chosen">{ "In the summary" }</span>
                    if has_boilerplate {
                        <span class="source-view-sentence source-view-sentence--boilerplate">{ "Set aside as page furniture" }</span>
                    }
                </p>
                if has_boilerplate {
                    <label class="source-view-toggle">
                        <input type="checkbox" checked={props.show_reasons} onchange={on_toggle} />
                        { format!(" Show why ({} set aside)", summary.boilerplate.len()) }
                    </label>
                }
            </div>
            <div class="source-view-text" tabindex="0" role="region" aria-label="Article text with the summary highlighted">
                { for nodes }
            </div>
            if n_hidden > 0 {
                <button type="button" class="button source-view-more" onclick={on_more}>
                    { format!("Show more of the article ({n_hidden} sentences not shown)") }
                </button>
            }
        </section>
    }
}
