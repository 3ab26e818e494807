//! The words of news leads: a table of words and how much more often a
//! sentence that holds one is a summary sentence than any sentence is (the
//! log-odds, in tenths), fitted on the training stories' oracle sentences
//! by `scripts/fit_news_words.py` (its docstring has the procedure). Days,
//! counts, "killed", "charged", "officials" score above 0; "I", "you",
//! "think", "really" below. [`NewsWords::mean_in`] is the feature
//! [`super::Features::news_words`].

use super::super::text::push_lowercase;
use super::super::Span;

/// The fitted table: one `word\tvalue` a line, the words in lower case and
/// in byte order, the values whole tenths of log-odds.
const TABLE: &str = include_str!("news_words.txt");

/// A table in [`TABLE`]'s form. `Default` is the fitted one; the CLI's
/// `--news-words FILE` reads another (a fold's, for fitting out of fold).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NewsWords(&'static str);

impl Default for NewsWords {
    fn default() -> NewsWords {
        NewsWords(TABLE)
    }
}

impl NewsWords {
    /// A table from its text, or what is wrong with it (the line).
    pub fn parse(table: &'static str) -> Result<NewsWords, String> {
        let mut previous: Option<&str> = None;
        for (n, line) in table.lines().enumerate() {
            let (word, value) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: not `word<TAB>value`", n + 1))?;
            if value.parse::<i8>().is_err() || word.is_empty() {
                return Err(format!("line {}: not `word<TAB>value`", n + 1));
            }
            if previous.is_some_and(|p| p >= word) {
                return Err(format!("line {}: words out of order", n + 1));
            }
            previous = Some(word);
        }
        Ok(NewsWords(table))
    }

    /// The table's entries, in word order.
    pub(super) fn entries(self) -> Vec<(&'static str, f32)> {
        self.0
            .lines()
            .filter_map(|line| {
                let (word, value) = line.split_once('\t')?;
                Some((word, f32::from(value.parse::<i8>().ok()?) / 10.0))
            })
            .collect()
    }
}

/// The mean value of `words` (one sentence's, in `text`) in `entries`
/// ([`NewsWords::entries`]), a word not in the table counting 0; 0 for no
/// words. `buffer` is scratch space for the lower-case word.
pub(super) fn mean_in(
    entries: &[(&str, f32)],
    text: &str,
    words: &[Span],
    buffer: &mut String,
) -> f32 {
    if words.is_empty() {
        return 0.0;
    }
    let sum: f32 = words
        .iter()
        .filter_map(|w| {
            buffer.clear();
            push_lowercase(buffer, w.slice(text));
            let k = entries
                .binary_search_by(|(word, _)| word.cmp(&buffer.as_str()))
                .ok()?;
            Some(entries[k].1)
        })
        .sum();
    sum / words.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fitted_table_parses() {
        let table = NewsWords::parse(TABLE).expect("the fitted table");
        assert!(table.entries().len() > 50);
        assert_eq!(table.entries().len(), TABLE.lines().count());
    }

    #[test]
    fn a_bad_table_is_refused_with_its_line() {
        assert!(NewsWords::parse("a\t1\nb\t-2\n").is_ok());
        assert_eq!(
            NewsWords::parse("a\t1\nb 2\n"),
            Err("line 2: not `word<TAB>value`".into())
        );
        assert_eq!(
            NewsWords::parse("b\t1\na\t2\n"),
            Err("line 2: words out of order".into())
        );
        assert!(NewsWords::parse("a\t999\n").is_err());
    }

    #[test]
    fn the_mean_counts_every_word_and_reads_lower_case() {
        let entries = NewsWords::parse("killed\t12\nyou\t-8\n").unwrap().entries();
        let text = "Two KILLED, you see";
        let words = [
            Span::new(0, 3),
            Span::new(4, 10),
            Span::new(12, 15),
            Span::new(16, 19),
        ];
        let mut buffer = String::new();
        let mean = mean_in(&entries, text, &words, &mut buffer);
        assert!((mean - (1.2 - 0.8) / 4.0).abs() < 1e-6, "{mean}");
        assert_eq!(mean_in(&entries, text, &[], &mut buffer), 0.0);
    }
}
