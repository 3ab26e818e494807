//! Key facts, entities grouped by kind, and quotes, as the engine found
//! them. Each item shows where it occurs in the source; an entity shows its
//! next mention on each click. Groups the engine left empty are not shown,
//! and nothing at all when it found nothing. Long lists are cut to their
//! first (or most salient) items: a 5 MB paste can bring thousands.

use yew::prelude::*;

use super::state::{Focus, SharedOutcome};
use crate::engine::{sort, Entity, EntityKind};

/// The groups, in the order shown.
const GROUPS: &[(&str, &[EntityKind])] = &[
    ("People", &[EntityKind::Person]),
    ("Organisations", &[EntityKind::Organization]),
    ("Places", &[EntityKind::Place]),
    (
        "Dates",
        &[EntityKind::Date, EntityKind::Time, EntityKind::Duration],
    ),
    (
        "Numbers",
        &[
            EntityKind::Money,
            EntityKind::Percent,
            EntityKind::Quantity,
            EntityKind::Number,
        ],
    ),
    ("Other names", &[EntityKind::Misc]),
];

/// At most this many entities per group (the most salient), quotes and
/// facts are shown; a count says how many more there are.
const MAX_ENTITIES_PER_GROUP: usize = 12;
const MAX_QUOTES: usize = 8;
const MAX_FACTS: usize = 12;

/// "and 12 more", or nothing.
fn more(n_shown: usize, n_total: usize) -> Html {
    if n_total > n_shown {
        html! { <p class="facts-view-more">{ format!("and {} more", n_total - n_shown) }</p> }
    } else {
        html! {}
    }
}

#[derive(Properties, PartialEq)]
pub struct FactsViewProps {
    pub outcome: SharedOutcome,
    pub focus: Option<Focus>,
    pub on_focus: Callback<Option<Focus>>,
    /// Show the next mention of the entity with this index.
    pub on_focus_entity: Callback<usize>,
}

#[component]
pub fn FactsView(props: &FactsViewProps) -> Html {
    let text = &*props.outcome.text;
    let summary = &props.outcome.summary;
    if summary.facts.is_empty() && summary.entities.is_empty() && summary.quotes.is_empty() {
        return html! {};
    }
    let pressed = |focus: Focus| (props.focus == Some(focus)).to_string();

    let facts = summary.facts.iter().enumerate().take(MAX_FACTS).map(|(idx, fact)| {
        let onclick = props
            .on_focus
            .reform(move |_: MouseEvent| Some(Focus::Fact(idx)));
        html! {
            <li key={idx}>
                <button type="button" class="facts-view-fact" aria-pressed={pressed(Focus::Fact(idx))} {onclick}>
                    { fact.span.slice(text) }
                </button>
            </li>
        }
    });

    let groups = GROUPS.iter().filter_map(|&(title, kinds)| {
        let mut members: Vec<(usize, &Entity)> = summary
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| kinds.contains(&e.kind))
            .collect();
        let n_members = members.len();
        // Most salient first; the engine's order breaks ties.
        sort::sort_by(&mut members, |a, b| b.1.salience.total_cmp(&a.1.salience));
        members.truncate(MAX_ENTITIES_PER_GROUP);
        let shown_members: Vec<Html> = members
            .into_iter()
            .map(|(idx, entity)| {
                let onclick = props.on_focus_entity.reform(move |_: MouseEvent| idx);
                let shown = match props.focus {
                    Some(Focus::Entity {
                        entity_idx,
                        mention_idx,
                    }) if entity_idx == idx => Some(mention_idx),
                    _ => None,
                };
                let n_mentions = entity.mentions.len();
                let label = match shown {
                    Some(m) => format!("mention {} of {n_mentions}", m + 1),
                    None if n_mentions == 1 => "1 mention".to_owned(),
                    None => format!("{n_mentions} mentions"),
                };
                html! {
                    <li key={idx}>
                        <button
                            type="button"
                            class={classes!("facts-view-entity", shown.is_some().then_some("facts-view-entity--focused"))}
                            aria-pressed={shown.is_some().to_string()}
                            title="Show in the article (again for the next mention)"
                            {onclick}
                        >
                            <span class="facts-view-entity-name">{ entity.name.slice(text) }</span>
                            if let Some(role) = entity.role {
                                <span class="facts-view-entity-role">{ role.slice(text) }</span>
                            }
                            <span class="facts-view-entity-count">{ label }</span>
                        </button>
                    </li>
                }
            })
            .collect();
        (n_members > 0).then(|| {
            html! {
                <div class="facts-view-group" key={title}>
                    <h4>{ title }</h4>
                    <ul class="facts-view-entities">{ for shown_members }</ul>
                    { more(MAX_ENTITIES_PER_GROUP, n_members) }
                </div>
            }
        })
    });

    let quotes = summary.quotes.iter().enumerate().take(MAX_QUOTES).map(|(idx, quote)| {
        let onclick = props
            .on_focus
            .reform(move |_: MouseEvent| Some(Focus::Quote(idx)));
        html! {
            <li key={idx}>
                <button type="button" class="facts-view-quote" aria-pressed={pressed(Focus::Quote(idx))} {onclick}>
                    <q>{ quote.span.slice(text) }</q>
                    if let Some(speaker) = quote.speaker {
                        <span class="facts-view-speaker">{ "— " }{ speaker.slice(text) }</span>
                    }
                </button>
            </li>
        }
    });

    html! {
        <section class="facts-view" aria-labelledby="facts-heading">
            <h3 id="facts-heading">{ "Key facts" }</h3>
            if !summary.facts.is_empty() {
                <ul class="facts-view-facts">{ for facts }</ul>
                { more(MAX_FACTS, summary.facts.len()) }
            }
            if !summary.entities.is_empty() {
                <div class="facts-view-groups">{ for groups }</div>
            }
            if !summary.quotes.is_empty() {
                <div class="facts-view-group">
                    <h4>{ "Quotes" }</h4>
                    <ul class="facts-view-quotes">{ for quotes }</ul>
                    { more(MAX_QUOTES, summary.quotes.len()) }
                </div>
            }
        </section>
    }
}
