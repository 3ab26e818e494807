//! The numbers of a summary: words in and out, reduction, reading time
//! saved, detected language.

use yew::prelude::*;

use super::state::SharedOutcome;

/// Words per minute of an adult reading prose silently (Brysbaert 2019:
/// 238 for non-fiction); used for "reading time saved".
const READING_WORDS_PER_MINUTE: usize = 238;

/// "12 s", "4 min", "1 h 5 min" for `n_words` at reading speed.
pub fn reading_time(n_words: usize) -> String {
    let seconds = n_words * 60 / READING_WORDS_PER_MINUTE;
    match seconds {
        s if s < 60 => format!("{s} s"),
        s if s < 3600 => format!("{} min", (s + 30) / 60),
        s => format!("{} h {} min", s / 3600, (s % 3600) / 60),
    }
}

#[derive(Properties, PartialEq)]
pub struct StatsBarProps {
    pub outcome: SharedOutcome,
}

#[component]
pub fn StatsBar(props: &StatsBarProps) -> Html {
    let summary = &props.outcome.summary;
    let stats = &summary.stats;
    let saved = stats.n_words_in.saturating_sub(stats.n_words_out);
    let language = summary.language.map_or("Undetermined", |l| l.name());
    let item = |label: &'static str, value: String, class: &'static str| {
        html! {
            <div class={classes!("stats-bar-item", class)}>
                <dt>{ label }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };
    html! {
        <dl class="stats-bar">
            { item("Words in", stats.n_words_in.to_string(), "stats-bar-words-in") }
            { item("Words out", stats.n_words_out.to_string(), "stats-bar-words-out") }
            { item("Shorter by", format!("{}%", summary.reduction_percent()), "stats-bar-reduction") }
            { item("Reading time saved", reading_time(saved), "stats-bar-time") }
            { item("Language", language.to_owned(), "stats-bar-language") }
        </dl>
    }
}
