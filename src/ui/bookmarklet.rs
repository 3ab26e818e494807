//! "Summarize this page": a bookmarklet that hands an article page's text to
//! this copy of Nutshell, tab to tab, never through a server or a URL.
//!
//! The protocol: on the article page the bookmarklet opens Nutshell (the
//! address it was taken from) in a new tab and waits for that tab's
//! [`READY`] message; it then posts `{nutshell: token, text, html}` to
//! Nutshell's origin only. Nutshell, opened by another window, says
//! [`READY`] to it and accepts one message: from that window
//! (`event.source === window.opener`), within [`ACCEPT_MS`], at most
//! [`MAX_MESSAGE_UNITS`], with the secret token kept in this browser's
//! storage and built into the link when it was taken. Any page can open
//! Nutshell; none without the token can push text into it.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::MessageEvent;
use yew::prelude::*;

use super::export_bar::copy;
use super::rich_text::{html_to_rich_text, Marked, RichText};
use super::storage;

/// What Nutshell says to the window that opened it once it listens.
pub const READY: &str = "nutshell-ready";
/// How long after [`READY`] Nutshell accepts the message: the bookmarklet
/// answers at once, so a few seconds are plenty.
pub const ACCEPT_MS: f64 = 5_000.0;
/// The most text and HTML a message may carry, in UTF-16 units (10 MB of
/// ASCII); the bookmarklet leaves the HTML out when both are longer.
pub const MAX_MESSAGE_UNITS: u32 = 10_000_000;

/// The bookmarklet's code; `$URL`, `$ORIGIN` and `$TOKEN` are filled in
/// as JavaScript strings. It sends the selection (or the whole body) as text
/// and HTML, and says in plain words when the site stops it: at once when
/// no tab opens (a sandbox without pop-ups), after 15 s without Nutshell's
/// [`READY`] (an opener policy that cuts the two tabs apart); and when the
/// text alone is over [`MAX_MESSAGE_UNITS`], before opening anything.
const SCRIPT: &str = concat!(
    r#"(function(){var U=$URL,O=$ORIGIN,T=$TOKEN,d=document,s=getSelection(),c=d.body,t,h,w,k,i;"#,
    r#"if(s&&String(s).trim()){c=d.createElement("div");for(i=0;i<s.rangeCount;i++)c.appendChild(s.getRangeAt(i).cloneContents());t=String(s)}else t=c.innerText;"#,
    r#"if(t.length>1e7)return alert("This page has more than 10 MB of text, more than Nutshell takes at once. Select the article and click the bookmark again.");"#,
    r#"h=c.innerHTML;if(t.length+h.length>1e7)h="";"#,
    r#"w=window.open(U,"_blank");"#,
    r#"if(!w||w.closed)return alert("Nutshell cannot get this page's text: this site's security settings (or a pop-up blocker) stop the bookmarklet here. Copy the article's text and paste it into Nutshell instead.");"#,
    r#"function f(e){if(e.source===w&&e.origin===O&&e.data==="nutshell-ready"){clearTimeout(k);removeEventListener("message",f);w.postMessage({nutshell:T,text:t,html:h},O)}}"#,
    r#"k=setTimeout(function(){removeEventListener("message",f);alert("Nutshell did not answer: this site's security settings keep the two tabs apart, or Nutshell could not load. Copy the article's text and paste it into Nutshell instead.")},15e3);"#,
    r#"addEventListener("message",f)})()"#,
);

/// The `javascript:` link for Nutshell at `url` (its origin `origin`)
/// with `token`.
pub fn bookmarklet_href(url: &str, origin: &str, token: &str) -> String {
    // (A JavaScript string literal of `s`.)
    let quote = |s: &str| {
        js_sys::JSON::stringify(&JsValue::from_str(s)).map_or_else(|_| String::new(), String::from)
    };
    let script = SCRIPT
        .replace("$URL", &quote(url))
        .replace("$ORIGIN", &quote(origin))
        .replace("$TOKEN", &quote(token));
    format!(
        "javascript:{}",
        String::from(js_sys::encode_uri_component(&script))
    )
}

/// When another window opened this page: listens for the bookmarklet's
/// one message and tells the opener it is ready. `on_text` gets the text
/// (the HTML's text and its lines' hints when it has any, as a rich paste
/// gives). Returns what
/// stops listening; `None` when there is no opener or no token.
pub fn receive(on_text: Callback<Marked>) -> Option<impl FnOnce()> {
    let window = web_sys::window()?;
    let opener = window.opener().ok().filter(JsValue::is_object)?;
    let token = storage::load_bookmarklet_token()?;
    let deadline = js_sys::Date::now() + ACCEPT_MS;
    let done = Cell::new(false);
    let source = opener.clone();
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let from_opener = e.source().is_some_and(|s| js_sys::Object::is(&s, &source));
        if done.get() || !from_opener || js_sys::Date::now() > deadline {
            return;
        }
        let data = e.data();
        let field = |key: &str| {
            js_sys::Reflect::get(&data, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
        };
        let (Some(sent_token), Some(text)) = (field("nutshell"), field("text")) else {
            return;
        };
        let html = field("html");
        let units = text.length().saturating_add(html.as_ref().map_or(0, |h| h.length()));
        if sent_token != token.as_str() || units > MAX_MESSAGE_UNITS {
            return;
        }
        done.set(true);
        let rich = html
            .and_then(|h| html_to_rich_text(&String::from(h)))
            .filter(|r| !r.text.trim().is_empty())
            .unwrap_or_else(|| RichText::plain(text.into()));
        on_text.emit(rich.into_marked());
    });
    window
        .add_event_listener_with_callback("message", handler.as_ref().unchecked_ref())
        .ok()?;
    let _ = opener
        .unchecked_ref::<web_sys::Window>()
        .post_message(&JsValue::from_str(READY), "*");
    Some(move || {
        let _ = window
            .remove_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
    })
}

/// The bookmarklet's link for this page's address, with this device's
/// token (made and kept the first time: read once, where the page reads
/// its other storage, as its state starts); `None` without storage.
pub fn this_href() -> Option<String> {
    let location = web_sys::window()?.location();
    let (origin, path) = (location.origin().ok()?, location.pathname().ok()?);
    let token = storage::bookmarklet_token()?;
    Some(bookmarklet_href(&format!("{origin}{path}"), &origin, &token))
}

/// The link to drag to the bookmarks bar (`href`), how to use it, and a
/// button that copies it.
pub fn view(href: Option<&str>, on_status: &Callback<Option<String>>) -> Html {
    let Some(href) = href else {
        return html! {
            <section class="bookmarklet" aria-labelledby="bookmarklet-heading">
                <h2 id="bookmarklet-heading">{ "Summarize any page in one click" }</h2>
                <p>{ "The bookmarklet needs this browser's storage for its secret, and storage is off here." }</p>
            </section>
        };
    };
    let on_click_here = on_status.reform(|e: MouseEvent| {
        e.prevent_default();
        Some("Drag the link to your bookmarks bar, then click it on an article.".to_owned())
    });
    let on_copy = {
        let (href, on_status) = (href.to_owned(), on_status.clone());
        Callback::from(move |_: MouseEvent| {
            copy(
                href.clone(),
                "Bookmarklet copied: add a bookmark and paste it as the address.",
                "Copying was not allowed here: drag the link instead.",
                on_status.clone(),
            )
        })
    };
    html! {
        <section class="bookmarklet" aria-labelledby="bookmarklet-heading">
            <h2 id="bookmarklet-heading">{ "Summarize any page in one click" }</h2>
            <p>
                { "Drag this link to your bookmarks bar: " }
                <a class="bookmarklet-link button" href={href.to_owned()} onclick={on_click_here}>{ "Summarize this page" }</a>
            </p>
            <p>
                { "On an article, click the bookmark: Nutshell opens in a new tab with the article's text, or only what you selected. \
                   The text goes from tab to tab inside your browser, never through a server, and only to this Nutshell." }
            </p>
            <p>
                <button type="button" class="button" onclick={on_copy}>{ "Copy the bookmarklet" }</button>
                { " No bookmarks bar? Copy it, add a new bookmark, and paste it as the address." }
            </p>
        </section>
    }
}
