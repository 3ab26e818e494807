//! Where the article comes in: the text box (typing, plain and rich paste,
//! Ctrl/Cmd+Enter), dropping or opening a file, the example and clear
//! buttons, and the privacy note.

use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use js_sys::{Function, JsString, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ClipboardEvent, DataTransfer, File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::example::EXAMPLE_ARTICLE;
use super::rich_text::{html_to_rich_text, Marked, RichText};
use super::state::{describe_size, Storage, TEXT_BOX_MAX_BYTES};

/// Files the "Open file" button offers.
const ACCEPTED_FILES: &str = ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The text; the text box is only told it when `text_revision` changes,
    /// so typing never round-trips the whole text through the DOM.
    pub text: Rc<str>,
    pub text_revision: u64,
    pub storage: Storage,
    /// Put a text over `TEXT_BOX_MAX_BYTES` into the text box anyway.
    pub edit_large_text: bool,
    pub on_edit_large_text: Callback<()>,
    pub on_edit: Callback<Rc<str>>,
    /// A paste, drop, file or the example replaced the text: its text and,
    /// from rich text, its lines' hints.
    pub on_replace: Callback<Marked>,
    pub on_clear: Callback<()>,
    pub on_summarize_now: Callback<()>,
    /// A long paste is being read in: percent done.
    pub on_reading: Callback<u8>,
    pub on_status: Callback<Option<String>>,
}

#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let textarea = use_node_ref();

    {
        let textarea = textarea.clone();
        let text = props.text.clone();
        use_effect_with(props.text_revision, move |_| {
            if let Some(textarea) = textarea.cast::<HtmlTextAreaElement>() {
                if textarea.value() != *text {
                    textarea.set_value(&text);
                }
            }
        });
    }

    // Typing waits for a pause; a paste or a drop into the box is a whole new
    // text, summarised at once.
    let oninput = {
        let on_edit = props.on_edit.clone();
        let on_replace = props.on_replace.clone();
        let textarea = textarea.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(textarea) = textarea.cast::<HtmlTextAreaElement>() {
                let text: Rc<str> = Rc::from(textarea.value());
                // Read loosely: a synthetic `Event` has no `inputType`.
                let input_type = js_sys::Reflect::get(&e, &"inputType".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                let whole_new_text = input_type.starts_with("insertFrom");
                if whole_new_text && text.len() <= TEXT_BOX_MAX_BYTES {
                    on_replace.emit(unmarked(text));
                } else {
                    on_edit.emit(text);
                }
            }
        })
    };

    let onkeydown = {
        let on_summarize_now = props.on_summarize_now.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                on_summarize_now.emit(());
            }
        })
    };

    // Rich text: keep the words and paragraph breaks of `text/html`, never
    // its markup. Plain text is left to the browser.
    let onpaste = {
        let on_replace = props.on_replace.clone();
        let on_reading = props.on_reading.clone();
        let textarea = textarea.clone();
        Callback::from(move |e: Event| {
            let Some(data) = e
                .dyn_ref::<ClipboardEvent>()
                .and_then(|e| e.clipboard_data())
            else {
                return;
            };
            let html = data.get_data("text/html").unwrap_or_default();
            if html.trim().is_empty() {
                // A very long plain text bypasses the text box (see
                // TEXT_BOX_MAX_BYTES) and is copied in over several tasks.
                let Some(plain) = clipboard_text(&data) else {
                    return;
                };
                if plain.length() as usize > TEXT_BOX_MAX_BYTES {
                    if let Some(textarea) = textarea.cast::<HtmlTextAreaElement>() {
                        e.prevent_default();
                        let (before, after) = split_at_selection(&textarea);
                        let (on_replace, on_reading) = (on_replace.clone(), on_reading.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            let pasted = js_string_in_steps(plain, on_reading).await;
                            on_replace.emit(unmarked(Rc::from([before.as_str(), &pasted, &after].concat())));
                        });
                    }
                }
                return;
            }
            let Some(rich) = html_to_rich_text(&html).filter(|r| !r.text.is_empty()) else {
                return;
            };
            let Some(textarea) = textarea.cast::<HtmlTextAreaElement>() else {
                return;
            };
            e.prevent_default();
            // (The hints name bytes of the pasted text: they hold only when
            // it is the whole text.)
            if rich.text.len() > TEXT_BOX_MAX_BYTES {
                let (before, after) = split_at_selection(&textarea);
                if before.is_empty() && after.is_empty() {
                    on_replace.emit(rich.into_marked());
                } else {
                    let text = [before.as_str(), &rich.text, &after].concat();
                    on_replace.emit(unmarked(Rc::from(text)));
                }
                return;
            }
            let start = textarea.selection_start().ok().flatten().unwrap_or(0);
            let end = textarea.selection_end().ok().flatten().unwrap_or(start);
            if textarea
                .set_range_text_with_start_and_end_and_mode(&rich.text, start, end, "end")
                .is_err()
            {
                textarea.set_value(&rich.text);
            }
            // A paste is a paste, whatever its flavour: no typing pause.
            let value = textarea.value();
            if value == rich.text {
                on_replace.emit(rich.into_marked());
            } else {
                on_replace.emit(unmarked(Rc::from(value)));
            }
        })
    };

    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let on_replace = props.on_replace.clone();
        let on_status = props.on_status.clone();
        Callback::from(move |e: DragEvent| {
            let Some(data) = e.data_transfer() else {
                return;
            };
            e.prevent_default();
            if let Some(file) = data.files().and_then(|files| files.get(0)) {
                read_file(file, on_replace.clone(), on_status.clone());
                return;
            }
            let html = data.get_data("text/html").unwrap_or_default();
            let rich = html_to_rich_text(&html)
                .filter(|r| !r.text.is_empty())
                .unwrap_or_else(|| RichText::plain(data.get_data("text/plain").unwrap_or_default()));
            on_replace.emit(rich.into_marked());
        })
    };

    let onchange = {
        let on_replace = props.on_replace.clone();
        let on_status = props.on_status.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read_file(file, on_replace.clone(), on_status.clone());
            }
            // Opening the same file again must fire `change` again.
            input.set_value("");
        })
    };

    let on_example = {
        let on_replace = props.on_replace.clone();
        Callback::from(move |_: MouseEvent| on_replace.emit(unmarked(Rc::from(EXAMPLE_ARTICLE))))
    };
    let on_clear = {
        let on_clear = props.on_clear.clone();
        let textarea = textarea.clone();
        Callback::from(move |_: MouseEvent| {
            on_clear.emit(());
            if let Some(textarea) = textarea.cast::<HtmlTextAreaElement>() {
                let _ = textarea.focus();
            }
        })
    };

    let privacy = match props.storage {
        Storage::Unavailable => html! {
            <p class="input-panel-privacy input-panel-privacy--warning">
                { "This browser would not let the page save your text (it is too long, or storage is full or turned off), so it will be gone after a reload. Summarising still works, and the text still never leaves this device." }
            </p>
        },
        Storage::Unknown | Storage::Saved => html! {
            <p class="input-panel-privacy">
                { "Your text never leaves this device: it is summarised inside this page and kept only in this browser's local storage." }
            </p>
        },
    };

    html! {
        <div class="input-panel" {ondragover} {ondrop}>
            <label class="input-panel-label" for="article-text">
                { "Paste an article, or drop a .txt, .md or .html file" }
            </label>
            if props.text.len() > TEXT_BOX_MAX_BYTES && !props.edit_large_text {
                <div id="article-text" class="input-panel-large" role="group" aria-label="Article text (too long to show here)">
                    <p>
                        <strong>{ format!("{} of text", describe_size(props.text.len())) }</strong>
                        { " is summarised in full below. It is not shown in this box: a text this long makes the browser slow to type in." }
                    </p>
                    <button type="button" class="button" onclick={props.on_edit_large_text.reform(|_: MouseEvent| ())}>
                        { "Show it here anyway" }
                    </button>
                </div>
            } else {
                <textarea
                    id="article-text"
                    class="input-panel-text"
                    ref={textarea}
                    placeholder="Paste the text of an article here…"
                    spellcheck="false"
                    aria-describedby="article-text-hint"
                    {oninput}
                    {onkeydown}
                    {onpaste}
                />
            }
            <p id="article-text-hint" class="input-panel-hint">
                { "The summary updates as you type. Press Ctrl+Enter (⌘+Enter on a Mac) to summarise at once." }
            </p>
            <div class="input-panel-actions">
                <button type="button" class="button button--primary" onclick={on_example}>{ "Try an example" }</button>
                <span class="input-panel-file">
                    <input
                        type="file"
                        id="article-file"
                        class="visually-hidden"
                        accept={ACCEPTED_FILES}
                        {onchange}
                    />
                    <label for="article-file" class="button">{ "Open a file…" }</label>
                </span>
                <button type="button" class="button" onclick={on_clear}>{ "Clear" }</button>
            </div>
            { privacy }
        </div>
    }
}

/// The text box's value before and after its selection (the selection
/// is in UTF-16 code units), read without putting anything into the box.
fn split_at_selection(textarea: &HtmlTextAreaElement) -> (String, String) {
    let value = textarea.value();
    let at = |units: Option<u32>| {
        let units = units.unwrap_or(0) as usize;
        let mut n_units = 0;
        value
            .char_indices()
            .find(|&(_, c)| {
                let before = n_units;
                n_units += c.len_utf16();
                before >= units
            })
            .map_or(value.len(), |(i, _)| i)
    };
    let start = at(textarea.selection_start().ok().flatten());
    let end = at(textarea.selection_end().ok().flatten()).max(start);
    (value[..start].to_owned(), value[end..].to_owned())
}

/// The clipboard's plain text as a JS string, not yet copied into wasm.
fn clipboard_text(data: &DataTransfer) -> Option<JsString> {
    let get_data: Function = Reflect::get(data, &"getData".into())
        .ok()?
        .dyn_into()
        .ok()?;
    get_data
        .call1(data, &"text/plain".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// How many UTF-16 units of a long paste are copied into wasm per task:
/// about 10 ms each on a busy 2-core machine.
const PASTE_STEP_UNITS: u32 = 256 * 1024;

/// Plain text: no hints.
fn unmarked(text: Rc<str>) -> Marked {
    (text, Rc::from([]))
}

/// Copies a long JS string into a Rust `String` in steps, yielding to the
/// browser between them so the page keeps answering input, and saying how
/// far it has got.
async fn js_string_in_steps(text: JsString, on_reading: Callback<u8>) -> String {
    let n_units = text.length();
    let mut out = String::with_capacity(n_units as usize);
    let mut start = 0;
    while start < n_units {
        on_reading.emit((u64::from(start) * 100 / u64::from(n_units)) as u8);
        let mut end = (start + PASTE_STEP_UNITS).min(n_units);
        // Keep a surrogate pair together.
        if end < n_units && (0xD800..0xDC00).contains(&(text.char_code_at(end - 1) as u32)) {
            end += 1;
        }
        out.push_str(&String::from(text.slice(start, end)));
        start = end;
        TimeoutFuture::new(0).await;
    }
    out
}

/// Reads a dropped or opened file: HTML becomes plain text, anything else is
/// taken as text.
fn read_file(
    file: File,
    on_replace: Callback<Marked>,
    on_status: Callback<Option<String>>,
) {
    let name = file.name();
    let lower = name.to_ascii_lowercase();
    let is_html =
        lower.ends_with(".html") || lower.ends_with(".htm") || file.type_() == "text/html";
    wasm_bindgen_futures::spawn_local(async move {
        let Some(raw) = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string())
        else {
            on_status.emit(Some(format!("Could not read {name}.")));
            return;
        };
        let rich = if is_html {
            html_to_rich_text(&raw).unwrap_or_default()
        } else {
            RichText::plain(raw)
        };
        on_replace.emit(rich.into_marked());
        on_status.emit(Some(format!("Opened {name}.")));
    });
}
