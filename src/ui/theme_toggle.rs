//! Light or dark: follows the system until the person picks one.

use yew::prelude::*;

use super::state::Theme;

#[derive(Properties, PartialEq)]
pub struct ThemeToggleProps {
    pub theme: Theme,
    pub on_change: Callback<Theme>,
}

/// Whether the system asks for a dark theme.
fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

#[component]
pub fn ThemeToggle(props: &ThemeToggleProps) -> Html {
    let is_dark = match props.theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::System => system_prefers_dark(),
    };
    let onclick = props.on_change.reform(
        move |_: MouseEvent| {
            if is_dark {
                Theme::Light
            } else {
                Theme::Dark
            }
        },
    );
    html! {
        <button
            type="button"
            class="theme-toggle button"
            aria-pressed={is_dark.to_string()}
            {onclick}
        >
            <span aria-hidden="true" class="theme-toggle-icon">{ if is_dark { "☾" } else { "☀" } }</span>
            { " Dark theme" }
        </button>
    }
}
