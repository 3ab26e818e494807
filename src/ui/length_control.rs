//! How long the summary should be: a number of sentences or a share of the
//! article.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::state::{DEFAULT_PERCENT, DEFAULT_SENTENCES};
use crate::engine::Length;

const MAX_SENTENCES: usize = 50;
const MIN_PERCENT: u8 = 5;
const MAX_PERCENT: u8 = 90;
const PERCENT_STEP: u8 = 5;

#[derive(Properties, PartialEq)]
pub struct LengthControlProps {
    pub length: Length,
    pub on_change: Callback<Length>,
}

#[component]
pub fn LengthControl(props: &LengthControlProps) -> Html {
    let is_percent = matches!(props.length, Length::Percent(_));

    let on_unit = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            on_change.emit(match select.value().as_str() {
                "percent" => Length::Percent(DEFAULT_PERCENT),
                _ => Length::Sentences(DEFAULT_SENTENCES),
            });
        })
    };

    let on_amount = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let value = input.value_as_number();
            if !value.is_finite() {
                return;
            }
            on_change.emit(if is_percent {
                Length::Percent(value.round().clamp(MIN_PERCENT.into(), MAX_PERCENT.into()) as u8)
            } else {
                Length::Sentences(value.round().clamp(1.0, MAX_SENTENCES as f64) as usize)
            });
        })
    };

    let (amount, min, max, step) = match props.length {
        Length::Percent(p) => (
            p.to_string(),
            MIN_PERCENT.to_string(),
            MAX_PERCENT.to_string(),
            PERCENT_STEP.to_string(),
        ),
        Length::Sentences(n) => (
            n.to_string(),
            "1".into(),
            MAX_SENTENCES.to_string(),
            "1".into(),
        ),
        // The page never sets a word budget; show it as what it is.
        Length::Words(n) => (n.to_string(), "1".into(), "10000".into(), "1".into()),
    };

    html! {
        <div class="length-control" role="group" aria-labelledby="length-control-label">
            <span id="length-control-label" class="length-control-label">{ "Length" }</span>
            <label class="visually-hidden" for="length-amount">
                { if is_percent { "Summary length in percent of the article" } else { "Summary length in sentences" } }
            </label>
            <input
                id="length-amount"
                class="length-control-amount"
                type="number"
                inputmode="numeric"
                value={amount}
                {min}
                {max}
                {step}
                onchange={on_amount.clone()}
                oninput={on_amount.reform(|e: InputEvent| Event::from(e))}
            />
            <label class="visually-hidden" for="length-unit">{ "Unit" }</label>
            <select id="length-unit" class="length-control-unit" onchange={on_unit}>
                <option value="sentences" selected={!is_percent}>{ "sentences" }</option>
                <option value="percent" selected={is_percent}>{ "% of the article" }</option>
            </select>
        </div>
    }
}
