//! Taking the result away: copy the summary as plain text or Markdown,
//! download it as `.md` or the whole result as `.json`. The content comes
//! from `engine::export`, shared with the CLI.

use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use yew::prelude::*;

use super::state::SharedOutcome;
use crate::engine::export::{to_json_pretty, to_markdown, to_plain};

#[derive(Clone, Copy, PartialEq)]
enum Export {
    CopyPlain,
    CopyMarkdown,
    DownloadMarkdown,
    DownloadJson,
}

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    pub outcome: SharedOutcome,
    /// Reports what happened ("Summary copied.") to the page's live region.
    pub on_status: Callback<Option<String>>,
}

#[component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let button = |export: Export, label: &'static str| {
        let outcome = props.outcome.clone();
        let on_status = props.on_status.clone();
        let onclick = Callback::from(move |_: MouseEvent| run(export, &outcome, &on_status));
        html! { <button type="button" class="button" {onclick}>{ label }</button> }
    };
    html! {
        <div class="export-bar" role="group" aria-label="Copy or download">
            { button(Export::CopyPlain, "Copy summary") }
            { button(Export::CopyMarkdown, "Copy as Markdown") }
            { button(Export::DownloadMarkdown, "Download .md") }
            { button(Export::DownloadJson, "Download .json") }
        </div>
    }
}

fn run(export: Export, outcome: &SharedOutcome, on_status: &Callback<Option<String>>) {
    let (text, summary) = (&*outcome.text, &outcome.summary);
    let result = match export {
        Export::CopyPlain => {
            copy(
                to_plain(text, summary),
                "Summary copied.",
                COPY_REFUSED,
                on_status.clone(),
            );
            return;
        }
        Export::CopyMarkdown => {
            copy(
                to_markdown(text, summary),
                "Summary copied as Markdown.",
                COPY_REFUSED,
                on_status.clone(),
            );
            return;
        }
        Export::DownloadMarkdown => download(
            &to_markdown(text, summary),
            "summary.md",
            "text/markdown;charset=utf-8",
        )
        .map(|()| "Downloaded summary.md."),
        Export::DownloadJson => {
            let json = to_json_pretty(text, summary);
            download(&json, "summary.json", "application/json").map(|()| "Downloaded summary.json.")
        }
    };
    on_status.emit(Some(
        result
            .unwrap_or("The download did not start: this browser refused it.")
            .to_owned(),
    ));
}

const COPY_REFUSED: &str = "Copying was not allowed here: select the summary and copy it by hand.";

/// Puts `content` on the clipboard and reports `done` or `refused`.
pub fn copy(
    content: String,
    done: &'static str,
    refused: &'static str,
    on_status: Callback<Option<String>>,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(&content);
    wasm_bindgen_futures::spawn_local(async move {
        let message = match JsFuture::from(promise).await {
            Ok(_) => done,
            Err(_) => refused,
        };
        on_status.emit(Some(message.to_owned()));
    });
}

fn download(content: &str, file_name: &str, mime: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke once the browser has started the download.
    Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
