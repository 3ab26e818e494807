//! What a rich paste's markup says of its lines (issue 20): the page's
//! regions (navigation, sidebars, footers, forms, captions, the article
//! element), its class names, and how much of a line is links. The page
//! reads them off the clipboard's HTML (`ui/rich_text.rs`) and hands them
//! over as plain data; plain text alone has none, and then nothing here is
//! used. The third stage of the classifier (`model::markup_logit`) reads
//! them beside the second stage's answer.

/// What the markup says of the line of the text that holds byte `at`.
#[cfg_attr(target_arch = "wasm32", derive(bincode::Encode, bincode::Decode))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hint {
    /// A byte of the line, in the original text.
    pub at: usize,
    /// The share of the line's visible characters inside links, in percent.
    pub links: u8,
    /// The regions the line lies in: bits of [`Mark`].
    pub marks: u16,
}

/// A region or class of the page that holds a line, as a bit of
/// [`Hint::marks`]. The order is that of the features ([`MARKUP`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Mark {
    /// `<nav>`, `<menu>`, `role=navigation`.
    Navigation,
    /// `<aside>`, `role=complementary`.
    Aside,
    /// `<header>`, `role=banner`.
    Header,
    /// `<footer>`, `role=contentinfo`.
    Footer,
    /// `<form>`, `role=search`.
    Form,
    /// `<figure>`, `<figcaption>`.
    Caption,
    /// `<li>`.
    ListItem,
    /// `<h1>`–`<h6>`.
    Heading,
    /// `<article>`, `<main>`, `role=main`/`article`.
    Article,
    /// A class or id that names furniture ([`FURNITURE_CLASSES`]).
    FurnitureClass,
    /// A class or id that names the article ([`ARTICLE_CLASSES`]).
    ArticleClass,
    /// A class or id that names the readers' comments ([`COMMENT_CLASSES`]).
    CommentsClass,
}

/// Every mark, in bit order.
pub const MARKS: [Mark; 12] = [
    Mark::Navigation,
    Mark::Aside,
    Mark::Header,
    Mark::Footer,
    Mark::Form,
    Mark::Caption,
    Mark::ListItem,
    Mark::Heading,
    Mark::Article,
    Mark::FurnitureClass,
    Mark::ArticleClass,
    Mark::CommentsClass,
];

impl Mark {
    pub const fn bit(self) -> u16 {
        1 << self as u8
    }

    /// Where a line set aside for this mark was, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Mark::Navigation => "in the page's navigation",
            Mark::Aside => "in a sidebar",
            Mark::Header => "in the page's header",
            Mark::Footer => "in a footer",
            Mark::Form => "in a form",
            Mark::Caption => "in a figure's caption",
            Mark::ListItem => "a list item",
            Mark::Heading => "a heading",
            Mark::Article => "in the page's article",
            Mark::FurnitureClass => "in a part the page names as furniture",
            Mark::ArticleClass => "in a part the page names as the article",
            Mark::CommentsClass => "in the readers' comments",
        }
    }
}

/// Words in a class or id that name a page's furniture (after readability's
/// "unlikely candidates"): a part whose class holds one is probably not the
/// article. Lower case, matched inside the attribute's value.
pub const FURNITURE_CLASSES: &[&str] = &[
    "author",
    "banner",
    "bio",
    "breadcrumb",
    "byline",
    "caption",
    "consent",
    "cookie",
    "credit",
    "cta",
    "footer",
    "masthead",
    "menu",
    "newsletter",
    "outbrain",
    "popular",
    "promo",
    "rail",
    "recommend",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsor",
    "subscribe",
    "taboola",
    "trending",
    "widget",
];

/// Words in a class or id that name the readers' comments, the furniture
/// most like prose.
pub const COMMENT_CLASSES: &[&str] = &["comment", "disqus", "reply", "respond"];

/// Words in a class or id that name the article (readability's "positive"
/// candidates).
pub const ARTICLE_CLASSES: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text",
];

/// The mark a class or id attribute's value gives: comments, then other
/// furniture, before the article ("comment-body" is a comment's body).
pub fn class_marks(value: &str) -> u16 {
    let lower = value.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(COMMENT_CLASSES) {
        Mark::CommentsClass.bit()
    } else if has(FURNITURE_CLASSES) {
        Mark::FurnitureClass.bit()
    } else if has(ARTICLE_CLASSES) {
        Mark::ArticleClass.bit()
    } else {
        0
    }
}

/// The third stage's inputs for a block, in the order of [`MARKUP`].
pub type Markup = [f32; N_MARKUP];
pub const N_MARKUP: usize = 16;

pub const MARKUP: [&str; N_MARKUP] = [
    "context_logit",
    "links",
    "navigation",
    "aside",
    "header",
    "footer",
    "form",
    "caption",
    "list_item",
    "heading",
    "article",
    "furniture_class",
    "article_class",
    "comments_class",
    "outside_article",
    "no_hint",
];

/// The index of the first mark in [`MARKUP`].
pub const FIRST_MARK: usize = 2;

/// A block's third-stage inputs: the second stage's logit (its second
/// pass), its line's hint (`None`: no hint reached it), and whether the
/// page has an article element at all (then a line outside it is suspect).
pub fn features(context_logit: f32, hint: Option<&Hint>, page_has_article: bool) -> Markup {
    let mut x = [0.0; N_MARKUP];
    x[0] = context_logit;
    match hint {
        Some(h) => {
            x[1] = f32::from(h.links.min(100)) / 100.0;
            for (i, mark) in MARKS.iter().enumerate() {
                x[FIRST_MARK + i] = f32::from(u8::from(h.marks & mark.bit() != 0));
            }
            x[N_MARKUP - 2] = f32::from(u8::from(
                page_has_article && h.marks & Mark::Article.bit() == 0,
            ));
        }
        None => x[N_MARKUP - 1] = 1.0,
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_marks_agree() {
        for (i, mark) in MARKS.iter().enumerate() {
            assert_eq!(*mark as usize, i);
            assert_eq!(
                MARKUP[FIRST_MARK + i],
                format!("{mark:?}")
                    .chars()
                    .flat_map(|c| {
                        let lower = c.to_ascii_lowercase();
                        (c.is_ascii_uppercase().then_some('_').into_iter()).chain([lower])
                    })
                    .collect::<String>()
                    .trim_start_matches('_')
            );
        }
    }

    #[test]
    fn class_words() {
        assert_eq!(class_marks("site-footer"), Mark::FurnitureClass.bit());
        assert_eq!(class_marks("Article-Body"), Mark::ArticleClass.bit());
        assert_eq!(class_marks("related-content"), Mark::FurnitureClass.bit());
        assert_eq!(class_marks("comment-body"), Mark::CommentsClass.bit());
        assert_eq!(class_marks("related-comments"), Mark::CommentsClass.bit());
        assert_eq!(class_marks("hero"), 0);
    }

    #[test]
    fn features_read_the_hint() {
        let hint = Hint {
            at: 0,
            links: 250,
            marks: Mark::Navigation.bit() | Mark::ListItem.bit(),
        };
        let x = features(-1.5, Some(&hint), true);
        assert_eq!(x[0], -1.5);
        assert_eq!(x[1], 1.0);
        assert_eq!(x[FIRST_MARK + Mark::Navigation as usize], 1.0);
        assert_eq!(x[FIRST_MARK + Mark::ListItem as usize], 1.0);
        assert_eq!(x[FIRST_MARK + Mark::Aside as usize], 0.0);
        assert_eq!(x[N_MARKUP - 2], 1.0);
        assert_eq!(x[N_MARKUP - 1], 0.0);
        let none = features(0.5, None, true);
        assert_eq!(none[N_MARKUP - 1], 1.0);
        assert_eq!(none[1..N_MARKUP - 1].iter().sum::<f32>(), 0.0);
    }
}
