//! The "Try an example" article: an original text written for Nutshell, with
//! the furniture a copied news page brings along (menu, byline, photo
//! caption, newsletter prompt, "Read more", donation appeal, share buttons).

pub const EXAMPLE_ARTICLE: &str = include_str!("example.txt");
