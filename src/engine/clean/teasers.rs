//! Lists of dated teasers: other stories, each a few lines of the same
//! shape (a title, its date, a label or a blurb), repeated down the page.
//! A plain paste keeps no links to tell them apart, and a blurb reads like
//! the article's prose, but the repeated shape with a date in it is plain:
//! an article's paragraphs do not come back to a date line every few lines.
//!
//! Measured on the dev pastes (`scripts/fit_cleaner.py`'s labels of the
//! engine's blocks): such lists hold 14.7 KB of junk on eight sites and no
//! article text, and the 600 clean training articles lose nothing. Of that
//! junk the classifier had kept 10.4 KB, on three sites (8.6 KB of it on
//! one site's two pages, which share their template). With the
//! probabilities cross-validated by site, junk removed goes from 75.0% to
//! 80.2%, with the article kept at 98.4%. Set aside outside the model, as
//! photo credits are: the model's inputs read one line and its
//! neighbours, not a shape that repeats.

/// What a line looks like, for finding a shape that repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A short line with a year in it ("Tuesday November 19, 2019").
    Dated,
    /// One or two words ("Fact Check", a name).
    Label,
    /// A sentence of some length.
    Sentence,
    /// A line of a few words with no sentence end (a headline).
    Title,
    Other,
}

// The numbers below are set by hand. The prototype's variants on the dev
// pastes (site-grouped CV probabilities, then the rule) moved little: two
// or three repeats, 80.4% or 80.3% junk removed; a date as a year alone,
// or also as a month and day, 80.2% or 80.4%; none took an article byte.

/// A dated line has at most this many words.
const MAX_DATED_WORDS: usize = 6;
/// A sentence has at least this many words (fewer: `Other`).
const MIN_SENTENCE_WORDS: usize = 6;
/// A title has at most this many words.
const MAX_TITLE_WORDS: usize = 20;
/// The shapes that repeat span this many lines at most...
const MAX_PERIOD: usize = 5;
/// ...and come at least this many times in a row.
const MIN_REPEATS: usize = 2;

/// The shape of a line of `n_words` words, which ends like a sentence or
/// not (`features::ends_like_sentence`).
pub fn shape(body: &str, n_words: usize, sentence_end: bool) -> Shape {
    if n_words <= MAX_DATED_WORDS && has_year(body) {
        Shape::Dated
    } else if n_words <= 2 {
        Shape::Label
    } else if sentence_end {
        if n_words >= MIN_SENTENCE_WORDS {
            Shape::Sentence
        } else {
            Shape::Other
        }
    } else if n_words <= MAX_TITLE_WORDS {
        Shape::Title
    } else {
        Shape::Other
    }
}

/// Whether `body` holds a year from 1900 to 2099 as a number of its own.
fn has_year(body: &str) -> bool {
    let b = body.as_bytes();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    b.windows(4).enumerate().any(|(i, w)| {
        matches!(&w[..2], b"19" | b"20")
            && w[2..].iter().all(u8::is_ascii_digit)
            && (i == 0 || !alnum(i - 1))
            && !alnum(i + 4)
    })
}

/// Which lines belong to a list of dated teasers: a run of lines whose
/// shapes repeat with a period of two to [`MAX_PERIOD`] lines, at least
/// [`MIN_REPEATS`] times, where each period holds a dated line and a title
/// or label (a timeline's dates and sentences alone are not such a list,
/// nor is prose with cross-headings and no dated line). Linear in the
/// lines.
pub fn dated_teasers(shapes: &[Shape]) -> Vec<bool> {
    let n = shapes.len();
    let mut listed = vec![false; n];
    for period in 2..=MAX_PERIOD {
        // Runs of lines each shaped as the line `period` before it.
        let mut k = period;
        while k < n {
            if shapes[k] != shapes[k - period] {
                k += 1;
                continue;
            }
            let mut start = k - period;
            while k < n && shapes[k] == shapes[k - period] {
                k += 1;
            }
            // A list starts with a title, date or label: a sentence before
            // them is the article's last paragraph, as like a blurb as not.
            while start + period < k && shapes[start] == Shape::Sentence {
                start += 1;
            }
            let one = &shapes[start..start + period];
            if k - start >= MIN_REPEATS * period
                && one.contains(&Shape::Dated)
                && one.iter().any(|s| matches!(s, Shape::Title | Shape::Label))
            {
                listed[start..k].fill(true);
            }
        }
    }
    listed
}

#[cfg(test)]
mod tests {
    use super::*;
    use Shape::*;

    #[test]
    fn years_are_numbers_of_their_own() {
        for line in [
            "12 November 2019",
            "Tuesday November 19, 2019",
            "(2008)",
            "2019 NFL",
        ] {
            assert!(has_year(line), "{line:?}");
        }
        for line in [
            "12 November",
            "120190",
            "A2019",
            "2019x",
            "1899",
            "2100",
            "$20,000",
        ] {
            assert!(!has_year(line), "{line:?}");
        }
    }

    #[test]
    fn shapes_of_lines() {
        assert_eq!(shape("Tuesday November 19, 2019", 4, false), Dated);
        assert_eq!(shape("Fact Check", 2, false), Label);
        assert_eq!(
            shape("Surprise! A report on the world's highest rate", 8, false),
            Title
        );
        assert_eq!(
            shape(
                "Various outlets reported the story on Tuesday night.",
                8,
                true
            ),
            Sentence
        );
        assert_eq!(shape("He left.", 2, true), Label);
        assert_eq!(shape("It was late.", 3, true), Other);
        // A year in a longer line is part of a sentence, not a date line.
        assert_eq!(
            shape("The 2019 season ended in a loss for the club", 10, false),
            Title
        );
    }

    #[test]
    fn a_repeated_dated_shape_is_a_list() {
        // Title, date, label, blurb, three times (snopes's "Editors' Picks").
        let card = [Title, Dated, Label, Sentence];
        let mut shapes = vec![Sentence, Sentence, Sentence];
        for _ in 0..3 {
            shapes.extend(card);
        }
        shapes.push(Sentence);
        let listed = dated_teasers(&shapes);
        // (The article's last sentence, shaped like a blurb, is not in it.)
        assert_eq!(listed[..3], [false; 3]);
        assert!(listed[3..15].iter().all(|&l| l));
        assert!(!listed[15]);
        // Title and date, twice: enough.
        assert_eq!(
            dated_teasers(&[Sentence, Title, Dated, Title, Dated]),
            [false, true, true, true, true]
        );
        // Once is not a list.
        assert!(!dated_teasers(&[Sentence, Title, Dated, Label, Sentence]).contains(&true));
    }

    #[test]
    fn prose_and_timelines_are_not_lists() {
        // The article's paragraphs and cross-headings, with no date line.
        let article = [Title, Sentence, Sentence, Title, Sentence, Sentence];
        assert!(!dated_teasers(&article.repeat(3)).contains(&true));
        // A timeline: dates and sentences alone.
        assert!(!dated_teasers(&[Dated, Sentence].repeat(5)).contains(&true));
        // Many lines of one shape: no period of two or more.
        assert!(!dated_teasers(&[Dated; 8]).contains(&true));
        assert!(dated_teasers(&[]).is_empty());
    }
}
