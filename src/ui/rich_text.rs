//! Rich text (the clipboard's `text/html`, a dropped `.html` file) turned
//! into plain text with paragraph breaks. The markup is parsed by the
//! browser's `DOMParser` into an inert document (no scripts run, nothing is
//! fetched) and only its text is kept: nothing of it is ever inserted into
//! the page.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

/// Elements whose content is not article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "object", "svg", "canvas",
    "button", "select", "input", "textarea",
];

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
];

/// The text of `html` with one blank line between blocks, or `None` when the
/// browser cannot parse it.
pub fn html_to_text(html: &str) -> Option<String> {
    let document = DomParser::new()
        .ok()?
        .parse_from_string(html, SupportedType::TextHtml)
        .ok()?;
    let root: Node = match document.body() {
        Some(body) => body.into(),
        None => document.document_element()?.into(),
    };
    let mut out = TextBuilder::default();
    out.walk(&root);
    Some(out.finish())
}

#[derive(Default)]
struct TextBuilder {
    text: String,
    /// Whitespace seen since the last word, not yet written.
    space: bool,
    /// Inside `<pre>`: whitespace is kept as it is.
    n_pre: usize,
}

impl TextBuilder {
    fn walk(&mut self, node: &Node) {
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                if let Some(value) = node.node_value() {
                    self.push_text(&value);
                }
            }
            Node::ELEMENT_NODE => {
                let Some(element) = node.dyn_ref::<Element>() else {
                    return;
                };
                let name = element.local_name();
                if SKIPPED.contains(&name.as_str()) {
                    return;
                }
                if name == "br" {
                    self.line_break();
                    return;
                }
                let is_block = BLOCKS.contains(&name.as_str());
                let is_pre = name == "pre";
                if is_block {
                    self.paragraph_break();
                }
                self.n_pre += usize::from(is_pre);
                let mut child = node.first_child();
                while let Some(c) = child {
                    self.walk(&c);
                    child = c.next_sibling();
                }
                self.n_pre -= usize::from(is_pre);
                if is_block {
                    self.paragraph_break();
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, value: &str) {
        if self.n_pre > 0 {
            self.text.push_str(value);
            self.space = false;
            return;
        }
        for c in value.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push(c);
        }
    }

    fn trim_end_spaces(&mut self) {
        let n = self.text.trim_end_matches([' ', '\t']).len();
        self.text.truncate(n);
        self.space = false;
    }

    fn line_break(&mut self) {
        self.trim_end_spaces();
        self.text.push('\n');
    }

    fn paragraph_break(&mut self) {
        self.trim_end_spaces();
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        self.text.push_str(if self.text.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        });
    }

    fn finish(self) -> String {
        self.text.trim().to_owned()
    }
}
