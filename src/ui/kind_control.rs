//! The kind of summary, in the words browsers' summarizers use: a
//! "Summary" at the length asked for, the same as "Key points" (bullets),
//! or a one-sentence "TL;DR". Radio buttons: Tab reaches the group, the
//! arrow keys choose.

use yew::prelude::*;

use super::state::SummaryKind;

#[derive(Properties, PartialEq)]
pub struct KindControlProps {
    pub kind: SummaryKind,
    pub on_change: Callback<SummaryKind>,
}

const KINDS: [(SummaryKind, &str); 3] = [
    (SummaryKind::Summary, "Summary"),
    (SummaryKind::KeyPoints, "Key points"),
    (SummaryKind::Tldr, "TL;DR"),
];

#[component]
pub fn KindControl(props: &KindControlProps) -> Html {
    let options = KINDS.iter().map(|&(kind, label)| {
        let onchange = props.on_change.reform(move |_: Event| kind);
        html! {
            <label class="kind-control-option">
                <input type="radio" name="summary-kind" checked={props.kind == kind} {onchange} />
                { label }
            </label>
        }
    });
    html! {
        <fieldset class="kind-control">
            <legend class="visually-hidden">{ "Kind of summary" }</legend>
            { for options }
        </fieldset>
    }
}
