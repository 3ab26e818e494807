//! How long the summary should be: a number of sentences (one is a TL;DR),
//! a share of the article, or a word budget the summary never exceeds.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::state::{DEFAULT_PERCENT, DEFAULT_SENTENCES};
use crate::engine::Length;

const MAX_SENTENCES: usize = 50;
const MIN_PERCENT: u8 = 5;
const MAX_PERCENT: u8 = 90;
const PERCENT_STEP: u8 = 5;
/// The word budget offered first, and its bounds.
const DEFAULT_WORDS: usize = 60;
const MIN_WORDS: usize = 10;
const MAX_WORDS: usize = 2_000;
const WORDS_STEP: usize = 10;

#[derive(Properties, PartialEq)]
pub struct LengthControlProps {
    pub length: Length,
    pub on_change: Callback<Length>,
}

#[component]
pub fn LengthControl(props: &LengthControlProps) -> Html {
    let length = props.length;
    let is_percent = matches!(length, Length::Percent(_));
    let is_words = matches!(length, Length::Words(_));

    let on_unit = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            on_change.emit(match select.value().as_str() {
                "percent" => Length::Percent(DEFAULT_PERCENT),
                "words" => Length::Words(DEFAULT_WORDS),
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
            let value = value.round();
            on_change.emit(match length {
                Length::Percent(_) => {
                    Length::Percent(value.clamp(MIN_PERCENT.into(), MAX_PERCENT.into()) as u8)
                }
                Length::Words(_) => {
                    Length::Words(value.clamp(MIN_WORDS as f64, MAX_WORDS as f64) as usize)
                }
                Length::Sentences(_) => {
                    Length::Sentences(value.clamp(1.0, MAX_SENTENCES as f64) as usize)
                }
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
        Length::Words(n) => (
            n.to_string(),
            MIN_WORDS.to_string(),
            MAX_WORDS.to_string(),
            WORDS_STEP.to_string(),
        ),
    };

    html! {
        <div class="length-control" role="group" aria-labelledby="length-control-label">
            <span id="length-control-label" class="length-control-label">{ "Length" }</span>
            <label class="visually-hidden" for="length-amount">
                { match length {
                    Length::Percent(_) => "Summary length in percent of the article",
                    Length::Words(_) => "Summary length in words at most",
                    Length::Sentences(_) => "Summary length in sentences",
                } }
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
                <option value="sentences" selected={!is_percent && !is_words}>{ "sentences" }</option>
                <option value="percent" selected={is_percent}>{ "% of the article" }</option>
                <option value="words" selected={is_words}>{ "words at most" }</option>
            </select>
        </div>
    }
}
