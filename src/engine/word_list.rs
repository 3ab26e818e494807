//! A word list that is data, kept as one string: [`words!`] joins its
//! literals at compile time, each followed by a newline. An `&[&str]` costs
//! the page a pointer and a length (8 bytes) per word beside the word's
//! bytes; one string costs the bytes and a newline.

/// A list of words, in the order [`words!`] was given them.
#[derive(Clone, Copy)]
pub(crate) struct Words(pub(crate) &'static str);

impl Words {
    /// The words, in order.
    pub(crate) fn iter(self) -> impl Iterator<Item = &'static str> + Clone {
        self.0.split_terminator('\n')
    }

    /// Whether the list has no word.
    pub(crate) fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    /// How many words (a `const fn`: constants count lists).
    pub(crate) const fn len(self) -> usize {
        let bytes = self.0.as_bytes();
        let (mut n, mut i) = (0, 0);
        while i < bytes.len() {
            n += (bytes[i] == b'\n') as usize;
            i += 1;
        }
        n
    }
}

/// `words!["a", "b"]` is the list of "a" and "b" (the string "a\nb\n").
macro_rules! words {
    ($($word:literal),* $(,)?) => {
        $crate::engine::word_list::Words(concat!($($word, "\n"),*))
    };
}
pub(crate) use words;

#[cfg(test)]
mod tests {
    /// The list gives back the literals it was made of, in order.
    #[test]
    fn words_are_the_literals() {
        let list = words!["a", "state's", "new york", "über"];
        assert_eq!(
            list.iter().collect::<Vec<_>>(),
            ["a", "state's", "new york", "über"]
        );
        assert_eq!(list.len(), 4);
        let empty = words![];
        assert_eq!(empty.iter().count(), 0);
        assert_eq!(empty.len(), 0);
        assert!(empty.is_empty() && !list.is_empty());
    }
}
