//! Rich text (the clipboard's `text/html`, a dropped `.html` file) turned
//! into plain text with paragraph breaks, as a browser's plain-text copy
//! gives it: table cells apart (a tab), rows on lines of their own. The
//! markup is parsed by the browser's `DOMParser` into an inert document (no
//! scripts run, nothing is fetched) and only its text is kept: nothing of it
//! is ever inserted into the page.
//!
//! What a reader would not see is removed before the text is read ([`UNSEEN`],
//! one selector: the browser finds it all in one pass): scripts, styles,
//! `<noscript>`, `<template>`, form controls, elements marked `hidden` or
//! `aria-hidden="true"`, inline `display: none` / `visibility: hidden`, and
//! dialogs (a `<dialog>` without `open`, `role="dialog"`: a saved page's
//! cookie and share dialogs are furniture whether they showed or not).
//! Stylesheets are not applied: an element hidden by a class stays.
//!
//! Beside the text it gives each line's [`Hint`]: the page regions it lay
//! in and the share of it that was links (issue 20): the cleaner's strongest
//! evidence, as plain data the engine reads (`engine::clean::markup`).

use std::rc::Rc;

use crate::engine::clean::markup::class_marks;
use crate::engine::{Hint, Mark};
use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

/// A rich paste: its text and what the markup says of each line.
#[derive(Debug, Default, PartialEq)]
pub struct RichText {
    pub text: String,
    /// One per non-empty line, in order.
    pub hints: Vec<Hint>,
}

/// A text and what a rich paste's markup says of its lines, as the state
/// keeps them (`Action::Replace`).
pub type Marked = (Rc<str>, Rc<[Hint]>);

impl RichText {
    /// Plain text: no hints.
    pub fn plain(text: String) -> RichText {
        RichText {
            text,
            hints: Vec::new(),
        }
    }

    pub fn into_marked(self) -> Marked {
        (Rc::from(self.text), Rc::from(self.hints))
    }
}

/// What is not article text, or not seen (see the module's docs).
const UNSEEN: &str = "script,style,noscript,template,head,iframe,object,svg,canvas,button,select,\
    input,textarea,[hidden],[aria-hidden=true],dialog:not([open]),[role=dialog],[role=alertdialog],\
    [style*='display:none' i],[style*='display: none' i],\
    [style*='visibility:hidden' i],[style*='visibility: hidden' i]";

/// A table cell that lays out a page rather than holding a datum: it holds
/// a heading or a section, or more text than [`MAX_DATUM_CHARS`] (old
/// sites set whole articles in one cell). Its blocks stay paragraphs.
fn is_layout_cell(cell: &Element) -> bool {
    cell.query_selector("h1,h2,h3,h4,h5,h6,article,section,main,nav")
        .ok()
        .flatten()
        .is_some()
        || cell
            .text_content()
            .is_some_and(|t| t.len() > MAX_DATUM_CHARS)
}

/// The most text a data table's cell holds, in bytes.
const MAX_DATUM_CHARS: usize = 400;

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
    "ul",
];

/// The marks of the text inside an element inside `outer`'s: its region by
/// its name or role, and its class and id.
fn element_marks(outer: u16, element: &Element, name: &str) -> u16 {
    let region = |name: &str| match name {
        "nav" | "menu" | "navigation" => Mark::Navigation.bit(),
        "aside" | "complementary" => Mark::Aside.bit(),
        "header" | "banner" => Mark::Header.bit(),
        "footer" | "contentinfo" => Mark::Footer.bit(),
        "form" | "search" => Mark::Form.bit(),
        "figure" | "figcaption" => Mark::Caption.bit(),
        "li" => Mark::ListItem.bit(),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Mark::Heading.bit(),
        "article" | "main" => Mark::Article.bit(),
        _ => 0,
    };
    let attribute = |a: &str| element.get_attribute(a).unwrap_or_default();
    let classes = class_marks(&attribute("class")) | class_marks(&attribute("id"));
    // The nearest class that names a part decides (a page wraps everything
    // in "site-content" and "has-sidebar" alike).
    let outer = if classes == 0 { outer } else { outer & !CLASS_MARKS };
    outer | region(name) | region(&attribute("role")) | classes
}

/// The marks a class or id gives.
const CLASS_MARKS: u16 =
    Mark::FurnitureClass.bit() | Mark::ArticleClass.bit() | Mark::CommentsClass.bit();

/// The text of `html` with one blank line between blocks and its lines'
/// hints, or `None` when the browser cannot parse it.
pub fn html_to_rich_text(html: &str) -> Option<RichText> {
    let document = DomParser::new()
        .ok()?
        .parse_from_string(html, SupportedType::TextHtml)
        .ok()?;
    let unseen = document.query_selector_all(UNSEEN).ok()?;
    for i in 0..unseen.length() {
        if let Some(node) = unseen.item(i) {
            node.unchecked_into::<Element>().remove();
        }
    }
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
    /// Inside a table cell: breaks become spaces, so a row stays one line.
    n_cell: usize,
    /// The cells of the current table row so far.
    n_row_cells: usize,
    /// The marks of the blocks the walk is inside.
    marks: u16,
    /// Inside a link.
    n_link: usize,
    /// The text written, as runs: (start, end, marks, inside a link).
    runs: Vec<(usize, usize, u16, bool)>,
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
                let name = name.as_str();
                if name == "br" {
                    self.line_break();
                    return;
                }
                let is_pre = name == "pre";
                // A data cell's text stays on its row; a layout cell's
                // blocks are paragraphs, as any block's.
                let is_any_cell = matches!(name, "td" | "th");
                let is_cell = is_any_cell && !is_layout_cell(element);
                let is_block = BLOCKS.contains(&name) || (is_any_cell && !is_cell);
                if name == "tr" {
                    self.row_break();
                } else if is_cell {
                    self.cell_break();
                } else if is_block {
                    self.paragraph_break();
                }
                self.n_pre += usize::from(is_pre);
                self.n_cell += usize::from(is_cell);
                let is_link = name == "a" && element.has_attribute("href");
                self.n_link += usize::from(is_link);
                let outer = self.marks;
                if is_block || is_any_cell || name == "tr" {
                    self.marks = element_marks(outer, element, name);
                }
                let mut child = node.first_child();
                while let Some(c) = child {
                    self.walk(&c);
                    child = c.next_sibling();
                }
                self.marks = outer;
                self.n_link -= usize::from(is_link);
                self.n_pre -= usize::from(is_pre);
                self.n_cell -= usize::from(is_cell);
                if name == "tr" {
                    self.row_break();
                } else if is_block {
                    self.paragraph_break();
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, value: &str) {
        let start = self.text.len();
        self.push_text_unmarked(value);
        if self.text.len() > start {
            self.runs
                .push((start, self.text.len(), self.marks, self.n_link > 0));
        }
    }

    fn push_text_unmarked(&mut self, value: &str) {
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
            if self.space && !self.at_line_start() && !self.text.ends_with('\t') {
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

    /// Whether nothing is written on the current line yet.
    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    fn line_break(&mut self) {
        if self.n_cell > 0 {
            self.space = true;
            return;
        }
        self.trim_end_spaces();
        self.text.push('\n');
    }

    /// A table row starts or ends: a line of its own.
    fn row_break(&mut self) {
        if self.n_cell > 0 {
            self.space = true;
            return;
        }
        self.n_row_cells = 0;
        self.trim_end_spaces();
        if !self.at_line_start() {
            self.text.push('\n');
        }
    }

    /// A tab before every cell of a row but the first (empty cells too, so
    /// the columns stay in line).
    fn cell_break(&mut self) {
        if self.n_cell > 0 {
            self.space = true;
            return;
        }
        let n = self.text.trim_end_matches(' ').len();
        self.text.truncate(n);
        self.space = false;
        if self.n_row_cells > 0 {
            self.text.push('\t');
        }
        self.n_row_cells += 1;
    }

    fn paragraph_break(&mut self) {
        if self.n_cell > 0 {
            self.space = true;
            return;
        }
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

    /// The text, trimmed, and a hint for each of its non-empty lines: the
    /// marks of its runs together, and the share of its bytes in links.
    fn finish(self) -> RichText {
        let text = self.text.trim();
        let lead = self.text.len() - self.text.trim_start().len();
        let mut hints = Vec::new();
        let mut runs = self.runs.iter().peekable();
        let mut start = 0;
        for line in text.split('\n') {
            let (from, to) = (lead + start, lead + start + line.len());
            start += line.len() + 1;
            let (mut marks, mut bytes, mut links) = (0, 0, 0);
            while let Some(&&(a, b, m, link)) = runs.peek() {
                if a >= to {
                    break;
                }
                let n = b.min(to).saturating_sub(a.max(from));
                marks |= if n > 0 { m } else { 0 };
                bytes += n;
                links += if link { n } else { 0 };
                if b > to {
                    break;
                }
                runs.next();
            }
            if !line.trim().is_empty() {
                hints.push(Hint {
                    at: from - lead,
                    links: (links * 100 / bytes.max(1)) as u8,
                    marks,
                });
            }
        }
        RichText {
            text: text.to_owned(),
            hints,
        }
    }
}
