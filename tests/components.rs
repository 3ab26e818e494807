//! Browser tests of the Yew front end (wasm-bindgen-test in headless
//! Chromium): `cargo test --target wasm32-unknown-unknown --test components`.
//!
//! The page is mounted as [`Workspace`] with a summarizer that runs the
//! engine directly (the worker needs trunk's build), so these tests cover the
//! effects (debounce, storage) and every view, against the engine's real
//! answer for the example article. The reducer alone is tested natively, in
//! tests/state.rs.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use nutshell::engine::Mark;
use nutshell::engine::{summarize, Config, Notice, SentenceRole, Summary};
use nutshell::ui::agent::SummarizeRequest;
use nutshell::ui::example::EXAMPLE_ARTICLE;
use nutshell::ui::facts_view::FactsView;
use nutshell::ui::rich_text::html_to_rich_text;
use nutshell::ui::state::{Focus, Outcome, SharedOutcome, SummaryKind, TEXT_BOX_MAX_BYTES};
use nutshell::ui::summary_view::SummaryView;
use nutshell::ui::{Summarizer, Workspace};

#[path = "ui/support.rs"]
mod support;
use support::{summary_with_entity, TEXT};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------- helpers

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element to mount into.
fn root() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets timers (the page's debounce) fire and Yew render, a few rounds.
async fn settle(ms: u32) {
    for _ in 0..4 {
        TimeoutFuture::new(ms / 4 + 1).await;
        yew::scheduler::flush().await;
    }
}

/// [`settle`] until `done` holds, for at most `max_ms`: a busy machine
/// takes longer over a large text, and the assertions after it are the same.
async fn settle_until(max_ms: u32, done: impl Fn() -> bool) {
    let mut waited = 0;
    while !done() && waited < max_ms {
        settle(20).await;
        waited += 20;
    }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text_of(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn click(element: &Element) {
    element.dyn_ref::<HtmlElement>().unwrap().click();
}

/// Types `value` into the text box the way a browser reports it.
fn type_into(textarea: &Element, value: &str) {
    let textarea = textarea.dyn_ref::<HtmlTextAreaElement>().unwrap();
    textarea.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    textarea.dispatch_event(&event).unwrap();
}

/// Sets the box's value and sends the `input` event a browser sends after a
/// paste (`inputType` "insertFromPaste"), built through the constructor so
/// no extra web-sys feature is needed.
fn paste_input_into(textarea: &Element, value: &str) {
    textarea
        .dyn_ref::<HtmlTextAreaElement>()
        .unwrap()
        .set_value(value);
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&init, &"inputType".into(), &"insertFromPaste".into()).unwrap();
    let ctor = js_sys::Reflect::get(&js_sys::global(), &"InputEvent".into()).unwrap();
    let args = js_sys::Array::of2(&"input".into(), &init);
    let event =
        js_sys::Reflect::construct(ctor.unchecked_ref::<js_sys::Function>(), &args).unwrap();
    textarea
        .dispatch_event(event.unchecked_ref::<web_sys::Event>())
        .unwrap();
}

/// Pastes `text` as plain text the way a browser reports it.
fn paste_into(textarea: &Element, text: &str) {
    paste_flavours_into(textarea, &[("text/plain", text)]);
}

/// Pastes a clipboard holding `flavours` (type, data) the way a browser reports it.
fn paste_flavours_into(textarea: &Element, flavours: &[(&str, &str)]) {
    let data = web_sys::DataTransfer::new().unwrap();
    for &(kind, value) in flavours {
        data.set_data(kind, value).unwrap();
    }
    let init = web_sys::ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_clipboard_data(Some(&data));
    let event = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
    textarea.dispatch_event(&event).unwrap();
}

/// The whole page with a summarizer that records every text it is sent
/// (and answers with an empty summary), mounted on empty storage.
async fn mount_recording_workspace(
) -> (Element, yew::AppHandle<Workspace>, Rc<RefCell<Vec<String>>>) {
    let sent: Rc<RefCell<Vec<String>>> = Rc::default();
    let summarizer = {
        let sent = sent.clone();
        Callback::from(
            move |(request, _, reply): (SummarizeRequest, Callback<()>, Callback<Summary>)| {
                sent.borrow_mut().push(request.text);
                reply.emit(Summary::default());
            },
        )
    };
    let (root, handle) = mount_workspace(summarizer).await;
    (root, handle, sent)
}

/// The whole page with `summarizer`, mounted on empty storage.
async fn mount_workspace(summarizer: Summarizer) -> (Element, yew::AppHandle<Workspace>) {
    clear_storage();
    let root = root();
    let handle = yew::Renderer::<Workspace>::with_root_and_props(
        root.clone(),
        yew::props!(nutshell::ui::workspace::WorkspaceProps { summarizer }),
    )
    .render();
    settle(40).await;
    (root, handle)
}

/// The engine itself, standing in for the worker.
fn engine_summarizer() -> Summarizer {
    Callback::from(
        |(request, on_start, reply): (SummarizeRequest, Callback<()>, Callback<Summary>)| {
            on_start.emit(());
            reply.emit(request.run())
        },
    )
}

fn example_summary() -> Summary {
    summarize(EXAMPLE_ARTICLE, &Config::default())
}

fn clear_storage() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

fn outcome(generation: u64, text: &str, summary: Summary) -> SharedOutcome {
    SharedOutcome(Rc::new(Outcome {
        generation,
        text: Rc::from(text),
        summary,
    }))
}

// ---------------------------------------------------------------- the page

#[wasm_bindgen_test]
async fn the_page_summarises_the_example_and_marks_up_the_source() {
    let (root, handle) = mount_workspace(engine_summarizer()).await;
    assert_eq!(
        text_of(&one(&root, ".workspace-status")).trim(),
        Notice::Empty.message(),
        "an empty page says what to do"
    );

    let example_button = all(&root, "button")
        .into_iter()
        .find(|b| text_of(b) == "Try an example")
        .expect("an example button");
    click(&example_button);
    settle(60).await;

    let expected = example_summary();
    assert_eq!(expected.chosen.len(), 3);
    let shown: Vec<String> = all(&root, ".summary-view-sentence")
        .iter()
        .map(text_of)
        .collect();
    let wanted: Vec<&str> = expected
        .chosen_sentences()
        .map(|s| s.span.slice(EXAMPLE_ARTICLE))
        .collect();
    assert_eq!(shown, wanted);
    // Each sentence says why it was chosen, behind a disclosure that opens
    // by click or keyboard, in the engine's words.
    let disclosures = all(&root, ".summary-view-why");
    assert_eq!(disclosures.len(), expected.chosen.len());
    for (details, merits) in disclosures.iter().zip(&expected.why) {
        assert_eq!(details.tag_name(), "DETAILS");
        assert!(details.get_attribute("open").is_none());
        let listed: Vec<String> = all(details, "li").iter().map(text_of).collect();
        let described: Vec<&str> = merits.iter().map(|m| m.describe()).collect();
        assert!(!listed.is_empty());
        assert_eq!(listed, described);
    }
    click(&one(&disclosures[0], "summary"));
    settle(20).await;
    assert!(disclosures[0].get_attribute("open").is_some());
    assert_eq!(
        text_of(&one(&root, ".stats-bar-words-in dd")),
        expected.stats.n_words_in.to_string()
    );
    assert_eq!(
        text_of(&one(&root, ".stats-bar-reduction dd")),
        format!("{}%", expected.reduction_percent())
    );
    assert_eq!(text_of(&one(&root, ".stats-bar-language dd")), "English");

    // The source view holds the whole text, cut only by the engine's spans.
    assert_eq!(text_of(&one(&root, ".source-view-text")), EXAMPLE_ARTICLE);
    assert_eq!(
        all(&root, ".source-view-sentence--chosen").len(),
        expected.chosen.len() + 1, // + the legend's sample
    );
    let n_boilerplate = expected
        .sentences
        .iter()
        .filter(|s| s.role == SentenceRole::Boilerplate)
        .count();
    assert!(n_boilerplate > 0, "the example carries page furniture");
    assert_eq!(
        all(
            &root,
            ".source-view-text .source-view-sentence--boilerplate"
        )
        .len(),
        n_boilerplate
    );
    // Each set-aside sentence says why on hover, even before "Show why".
    for sentence in all(
        &root,
        ".source-view-text .source-view-sentence--boilerplate",
    ) {
        let title = sentence.get_attribute("title").unwrap_or_default();
        assert!(
            expected
                .boilerplate
                .iter()
                .any(|b| title
                    == format!("Set aside: {} ({})", b.kind.reason(), b.evidence.describe())),
            "{title:?}"
        );
    }
    assert!(all(&root, ".source-view-reason").is_empty());
    click(&one(&root, ".source-view-toggle input"));
    settle(20).await;
    assert_eq!(
        all(&root, ".source-view-reason").len(),
        expected.boilerplate.len()
    );

    // A summary sentence jumps to its place in the source.
    let second = &all(&root, ".summary-view-sentence")[1];
    click(second);
    settle(20).await;
    let focused = one(&root, ".source-view-sentence--focused");
    assert_eq!(
        focused.id(),
        format!("source-sentence-{}", expected.chosen[1])
    );
    assert_eq!(
        second.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );

    // The text is kept on this device.
    settle(600).await;
    let saved = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("nutshell.text")
        .unwrap();
    assert_eq!(saved.as_deref(), Some(EXAMPLE_ARTICLE));

    handle.destroy();
    clear_storage();
}

#[wasm_bindgen_test]
async fn typing_updates_the_summary_after_a_pause_and_blank_text_gets_a_notice() {
    let (root, handle) = mount_workspace(engine_summarizer()).await;
    let textarea = one(&root, "textarea");
    assert!(!text_of(&one(&root, "label[for=article-text]")).is_empty());

    let article = "The bridge reopened on Monday after two years of repairs. \
                   Engineers replaced every cable and most of the deck. \
                   Traffic is expected to return to normal within a week. \
                   The city council thanked residents for their patience. \
                   A ceremony will be held next month.";
    type_into(&textarea, article);
    settle(40).await;
    assert!(
        all(&root, ".summary-view-sentence").is_empty(),
        "no summary before the typing pause"
    );
    settle(400).await;
    let expected = summarize(article, &Config::default());
    assert_eq!(
        all(&root, ".summary-view-sentence").len(),
        expected.chosen.len()
    );

    type_into(&textarea, "  \n\t  ");
    settle(400).await;
    assert!(all(&root, ".summary-view-sentence").is_empty());
    assert_eq!(
        text_of(&one(&root, ".workspace-status")).trim(),
        Notice::Empty.message()
    );

    handle.destroy();
    clear_storage();
}

fn without_facts(summary: Summary) -> Summary {
    Summary {
        entities: Vec::new(),
        quotes: Vec::new(),
        facts: Vec::new(),
        ..summary
    }
}

#[wasm_bindgen_test]
async fn facts_view_groups_entities_and_hides_when_empty() {
    let root = root();
    let on_focus = Callback::from(|_: Option<Focus>| ());
    let on_focus_entity = Callback::from(|_: usize| ());
    let empty = yew::Renderer::<FactsView>::with_root_and_props(
        root.clone(),
        yew::props!(nutshell::ui::facts_view::FactsViewProps {
            outcome: outcome(0, TEXT, without_facts(summarize(TEXT, &Config::default()))),
            focus: None,
            on_focus: on_focus.clone(),
            on_focus_entity: on_focus_entity.clone(),
        }),
    )
    .render();
    yew::scheduler::flush().await;
    assert!(all(&root, ".facts-view").is_empty());
    empty.destroy();

    let root = self::root();
    let filled = yew::Renderer::<FactsView>::with_root_and_props(
        root.clone(),
        yew::props!(nutshell::ui::facts_view::FactsViewProps {
            outcome: outcome(0, TEXT, summary_with_entity()),
            focus: Some(Focus::Entity {
                entity_idx: 0,
                mention_idx: 1
            }),
            on_focus,
            on_focus_entity,
        }),
    )
    .render();
    yew::scheduler::flush().await;
    let groups: Vec<String> = all(&root, ".facts-view-group h4")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(groups, ["People"]);
    assert_eq!(
        text_of(&one(&root, ".facts-view-entity-name")),
        "Ada Lovelace"
    );
    assert_eq!(
        text_of(&one(&root, ".facts-view-entity-count")),
        "mention 2 of 2"
    );
    assert_eq!(
        text_of(&one(&root, ".facts-view-fact")),
        "Ada Lovelace wrote notes"
    );
    filled.destroy();
}

#[wasm_bindgen_test]
async fn key_points_are_bullets_and_a_tldr_is_one_sentence() {
    let (root, handle) = mount_workspace(engine_summarizer()).await;
    let button = |name: &str| {
        all(&root, "button")
            .into_iter()
            .find(|b| text_of(b) == name)
            .unwrap()
    };
    let kind = |name: &str| {
        let label = all(&root, ".kind-control-option")
            .into_iter()
            .find(|l| text_of(l) == name)
            .unwrap();
        one(&label, "input")
    };
    click(&button("Try an example"));
    settle(60).await;
    assert_eq!(one(&root, ".summary-view").tag_name(), "OL");
    let sentences = || -> Vec<String> {
        all(&root, ".summary-view-sentence")
            .iter()
            .map(text_of)
            .collect()
    };
    let three = sentences();
    assert_eq!(three.len(), 3);

    click(&kind("Key points"));
    settle(60).await;
    assert_eq!(one(&root, ".summary-view").tag_name(), "UL");
    assert_eq!(sentences(), three, "the same sentences, as bullets");

    click(&kind("TL;DR"));
    settle(60).await;
    let one_sentence = summarize(
        EXAMPLE_ARTICLE,
        &Config {
            length: nutshell::engine::Length::Sentences(1),
            ..Config::default()
        },
    );
    let wanted: Vec<&str> = one_sentence
        .chosen_sentences()
        .map(|s| s.span.slice(EXAMPLE_ARTICLE))
        .collect();
    assert_eq!(sentences(), wanted);
    assert!(all(&root, ".length-control").is_empty());

    click(&kind("Summary"));
    settle(60).await;
    assert_eq!(sentences(), three);
    handle.destroy();
    clear_storage();
}

/// The bookmarklet's link carries this page's address and a token made
/// once and kept; the same token on the next visit.
#[wasm_bindgen_test]
async fn the_bookmarklet_link_carries_this_page_and_a_kept_token() {
    let (root, handle) = mount_workspace(engine_summarizer()).await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let token = storage
        .get_item("nutshell.bookmarklet-token")
        .unwrap()
        .expect("a token made on first render");
    assert_eq!(token.len(), 32);
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));
    let link = one(&root, ".bookmarklet-link");
    assert_eq!(text_of(&link), "Summarize this page");
    let href = link.get_attribute("href").unwrap();
    let script = String::from(
        js_sys::decode_uri_component(href.strip_prefix("javascript:").unwrap()).unwrap(),
    );
    let location = web_sys::window().unwrap().location();
    let page = format!(
        "\"{}{}\"",
        location.origin().unwrap(),
        location.pathname().unwrap()
    );
    assert!(script.contains(&format!("T=\"{token}\"")), "{script}");
    assert!(script.contains(&format!("U={page}")), "{script}");
    assert!(!script.contains("$URL") && !script.contains("$TOKEN"));
    handle.destroy();

    // A second visit keeps the token (mounted without clearing storage).
    let root = self::root();
    let again = yew::Renderer::<Workspace>::with_root_and_props(
        root.clone(),
        yew::props!(nutshell::ui::workspace::WorkspaceProps {
            summarizer: engine_summarizer()
        }),
    )
    .render();
    settle(40).await;
    let href_again = one(&root, ".bookmarklet-link")
        .get_attribute("href")
        .unwrap();
    assert_eq!(href_again, href);
    again.destroy();
    clear_storage();
}

#[wasm_bindgen_test]
async fn summary_view_renders_pasted_markup_as_text() {
    let text = "<img src=x onerror=alert(1)> is what the attacker typed here. \
                It must show as text. Nothing else happens.";
    let summary = summarize(text, &Config::default());
    let root = root();
    let handle = yew::Renderer::<SummaryView>::with_root_and_props(
        root.clone(),
        yew::props!(nutshell::ui::summary_view::SummaryViewProps {
            outcome: outcome(0, text, summary),
            kind: SummaryKind::Summary,
            focus: None,
            on_focus: Callback::from(|_: Option<Focus>| ()),
        }),
    )
    .render();
    yew::scheduler::flush().await;
    assert!(all(&root, "img").is_empty());
    assert!(text_of(&root).contains("<img src=x onerror=alert(1)>"));
    handle.destroy();
}

#[wasm_bindgen_test]
fn rich_text_keeps_paragraphs_and_drops_markup_and_scripts() {
    let html = "<html><head><style>p{color:red}</style></head><body>\
                <h1>Title</h1><p>First   paragraph,\n with <b>bold</b> words.</p>\
                <script>alert('no')</script><div>Second<br>line</div>\
                <ul><li>One</li><li>Two</li></ul></body></html>";
    assert_eq!(
        html_to_rich_text(html).unwrap().text,
        "Title\n\nFirst paragraph, with bold words.\n\nSecond\nline\n\nOne\n\nTwo"
    );
}

/// Each line of a rich paste gets what the markup says of it: its regions
/// (by tag, by role), the nearest class that names a part (furniture before
/// article), and its share of link text.
#[wasm_bindgen_test]
fn rich_text_gives_each_line_its_hint() {
    let html = "<header><nav><a href=/>Home</a> <a href=/news>News</a></nav></header>\
                <main class=site-content><article><h1>Ferry to stop</h1>\
                <p>The ferry will stop in June, <a href=/c>the council</a> said.</p></article>\
                <div class=comment-body><p>What a shame.</p></div></main>\
                <div role=contentinfo><p>About us</p></div>";
    let rich = html_to_rich_text(html).unwrap();
    assert_eq!(
        rich.text,
        "Home News\n\nFerry to stop\n\nThe ferry will stop in June, the council said.\n\nWhat a shame.\n\nAbout us"
    );
    let line_at = |at: usize| rich.text[at..].lines().next().unwrap();
    let got: Vec<(&str, u8, u16)> = rich
        .hints
        .iter()
        .map(|h| (line_at(h.at), h.links, h.marks))
        .collect();
    let article = Mark::Article.bit() | Mark::ArticleClass.bit();
    assert_eq!(
        got,
        [
            (
                "Home News",
                100,
                Mark::Header.bit() | Mark::Navigation.bit()
            ),
            ("Ferry to stop", 0, article | Mark::Heading.bit()),
            (
                "The ferry will stop in June, the council said.",
                26,
                article
            ),
            (
                "What a shame.",
                0,
                Mark::Article.bit() | Mark::CommentsClass.bit()
            ),
            ("About us", 0, Mark::Footer.bit()),
        ]
    );
}

/// The conversion's cases, each `(html, text)`.
fn check_html_to_text(cases: &[(&str, &str)]) {
    for &(html, text) in cases {
        assert_eq!(html_to_rich_text(html).unwrap().text, text, "{html}");
    }
}

#[wasm_bindgen_test]
fn rich_text_keeps_table_cells_apart_and_rows_on_lines() {
    check_html_to_text(&[
        // Issue 26: "1Kyle Busch5040511727".
        (
            "<table><tr><th>Pos</th><th>Driver</th><th>Laps</th></tr>\
             <tr><td>1</td><td>Kyle Busch</td><td>504</td></tr>\
             <tr><td>2</td><td> Joey  Logano </td><td>504</td></tr></table>",
            "Pos\tDriver\tLaps\n1\tKyle Busch\t504\n2\tJoey Logano\t504",
        ),
        // A table is a paragraph of its own; empty cells keep the columns in line.
        (
            "<p>Before.</p><table><tbody><tr><td></td><td>b</td><td></td><td>d</td></tr>\
             </tbody></table><p>After.</p>",
            "Before.\n\n\tb\t\td\n\nAfter.",
        ),
        // Breaks inside a cell, and a table in a cell, keep the row on one line.
        (
            "<table><tr><td><p>One</p><p>two</p></td><td>a<br>b</td>\
             <td><table><tr><td>x</td><td>y</td></tr></table></td><td>z</td></tr></table>",
            "One two\ta b\tx y\tz",
        ),
        // A cell that lays out a page (a heading, or an article's text) keeps its
        // paragraphs: the article of an old site set in a layout table.
        (
            "<table><tr><td><div>A caption. (credit: NASA)</div>\
             <h1>Seeking a role</h1><p>The rocket flew.</p></td></tr></table>",
            "A caption. (credit: NASA)\n\nSeeking a role\n\nThe rocket flew.",
        ),
    ]);
}

#[wasm_bindgen_test]
fn rich_text_keeps_lists_headings_and_line_breaks() {
    check_html_to_text(&[
        (
            "<h1>Title</h1><h2>Sub</h2><p>Text</p>",
            "Title\n\nSub\n\nText",
        ),
        (
            "<ol><li>One</li><li>Two <em>and</em> more</li></ol><p>End</p>",
            "One\n\nTwo and more\n\nEnd",
        ),
        ("<p>a<br>b<br><br>c</p>", "a\nb\n\nc"),
        ("<pre>  keep\n   this</pre>", "keep\n   this"),
    ]);
}

#[wasm_bindgen_test]
fn rich_text_leaves_out_what_a_reader_would_not_see() {
    check_html_to_text(&[
        ("<p>Seen</p><p hidden>Hidden attribute</p>", "Seen"),
        (
            "<p>Seen</p><div style=\"color: red; DISPLAY: None\">None</div>",
            "Seen",
        ),
        (
            "<p>Seen</p><span style=\"visibility:hidden\">Invisible</span>",
            "Seen",
        ),
        (
            "<nav aria-hidden=\"true\"><a>Menu</a></nav><p>Seen</p>",
            "Seen",
        ),
        ("<p aria-hidden=\"false\">Seen</p>", "Seen"),
        (
            "<dialog><p>Rogers Media uses cookies.</p></dialog><p>Seen</p>",
            "Seen",
        ),
        ("<dialog open><p>Shown</p></dialog>", "Shown"),
        (
            "<div role=\"dialog\">Der Artikel wurde versandt.</div><p>Seen</p>",
            "Seen",
        ),
        // (In the body: a parser without scripts moves text out of a `<noscript>` in the head.)
        (
            "<p>Seen</p><noscript><p>Enable JavaScript</p></noscript>",
            "Seen",
        ),
        ("<template><p>Later</p></template><p>Seen</p>", "Seen"),
        (
            "<script>var a = '<p>x</p>';</script><style>p { color: red }</style><p>Seen</p>",
            "Seen",
        ),
        (
            "<head><title>Page title</title></head><body><p>Seen</p></body>",
            "Seen",
        ),
    ]);
}

#[wasm_bindgen_test]
async fn a_very_long_paste_is_summarised_without_filling_the_text_box() {
    let (root, handle, sent) = mount_recording_workspace().await;
    let textarea = one(&root, "textarea");
    type_into(&textarea, "Intro. Outro.");
    // The caret after "Intro. ": the paste goes there.
    textarea
        .dyn_ref::<HtmlTextAreaElement>()
        .unwrap()
        .set_selection_range(7, 7)
        .unwrap();
    let big = "Many words here. ".repeat(TEXT_BOX_MAX_BYTES / 17 + 1);
    paste_into(&textarea, &big);
    let expected = format!("Intro. {big}Outro.");
    settle_until(5_000, || sent.borrow().last() == Some(&expected)).await;

    assert!(text_of(&one(&root, ".input-panel-large")).contains("MB of text"));
    assert!(all(&root, "textarea").is_empty());
    assert_eq!(sent.borrow().last(), Some(&expected));

    let show = all(&root, "button")
        .into_iter()
        .find(|b| text_of(b) == "Show it here anyway")
        .expect("a button to show the text");
    click(&show);
    settle(20).await;
    let value = one(&root, "textarea")
        .dyn_into::<HtmlTextAreaElement>()
        .unwrap()
        .value();
    assert_eq!(value.len(), expected.len());

    handle.destroy();
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_paste_into_the_box_is_summarised_without_the_typing_pause() {
    let (root, handle, sent) = mount_recording_workspace().await;
    let n_before = sent.borrow().len();
    let textarea = one(&root, "textarea");
    paste_input_into(&textarea, "A pasted article. It has two sentences.");
    // Well inside the typing pause: only an urgent change has been sent.
    settle(40).await;
    assert_eq!(sent.borrow().len(), n_before + 1);
    assert_eq!(
        sent.borrow().last().map(String::as_str),
        Some("A pasted article. It has two sentences.")
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_rich_paste_is_summarised_without_the_typing_pause() {
    let (root, handle, sent) = mount_recording_workspace().await;
    let n_before = sent.borrow().len();
    let textarea = one(&root, "textarea");
    paste_flavours_into(
        &textarea,
        &[
            (
                "text/html",
                "<p>A pasted <b>rich</b> article.</p><p>Two paragraphs.</p>",
            ),
            ("text/plain", "A pasted rich article. Two paragraphs."),
        ],
    );
    // Well inside the typing pause: only an urgent change has been sent.
    settle(40).await;
    assert_eq!(sent.borrow().len(), n_before + 1);
    assert_eq!(
        sent.borrow().last().map(String::as_str),
        Some("A pasted rich article.\n\nTwo paragraphs.")
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn while_the_summariser_works_the_status_says_which_step_and_no_stale_hint() {
    type Job = (SummarizeRequest, Callback<()>, Callback<Summary>);
    let jobs: Rc<RefCell<Vec<Job>>> = Rc::default();
    let summarizer = {
        let jobs = jobs.clone();
        Callback::from(move |job: Job| jobs.borrow_mut().push(job))
    };
    let (root, handle) = mount_workspace(summarizer).await;
    let answer = |job: Job| job.2.emit(job.0.run());
    // The empty page's answer: the hint to paste.
    answer(jobs.borrow_mut().remove(0));
    settle(20).await;
    let status = || text_of(&one(&root, ".workspace-status"));
    assert_eq!(status(), "Paste an article to summarise it.");

    paste_input_into(&one(&root, "textarea"), EXAMPLE_ARTICLE);
    settle(20).await;
    assert_eq!(jobs.borrow().len(), 1);
    assert!(status().contains("step 2 of 3"), "{}", status());
    let on_start = jobs.borrow()[0].1.clone();
    on_start.emit(());
    settle(20).await;
    assert!(status().starts_with("Summarising…"), "{}", status());
    assert!(status().contains("step 3 of 3"), "{}", status());
    assert!(!status().contains("Paste an article"), "{}", status());

    answer(jobs.borrow_mut().remove(0));
    settle(20).await;
    assert!(status().starts_with("Summary ready"), "{}", status());
    handle.destroy();
    clear_storage();
}
