//! Selection: the chosen sentences, in original order.
//!
//! Greedy maximal marginal relevance: repeatedly take the candidate with the
//! best score minus its redundancy (cosine with the most similar sentence
//! already chosen) minus a penalty when it leans on a sentence before it
//! that was not chosen: it opens with a reference ("He", "However"), or it
//! continues a quotation an earlier sentence opened (a one-sentence summary
//! takes no such sentence while a longer one stands alone). A
//! fragment (fewer than `Weights::min_chosen_words` words:
//! "Joker.", "New York.") or a question on a line of its own (a
//! cross-heading, "What did the prosecutors say?", or a link teaser, "How
//! could 'zip wire prat' become prime minister?") is taken only when
//! nothing else is left, and never to top up a word budget. Ties go to the
//! earlier sentence.
//! A word budget is never exceeded: only sentences that fit are taken.
//! Redundancy is checked against at most [`MAX_REDUNDANCY_CHECKS`] chosen
//! sentences, so long summaries of huge pastes stay near-linear.

use super::score::{is_candidate, Scores, Weights};
use super::{Length, Sentence};

/// How many chosen sentences a candidate is compared with for redundancy.
pub const MAX_REDUNDANCY_CHECKS: usize = 16;
/// How many candidates, best first, the greedy step looks at each round.
pub const MAX_CANDIDATES_PER_ROUND: usize = 16;

/// Whether sentence `i` is a question on a line of its own. Of the 90 such
/// lines on the 74 dev pastes (`../shared/eval/pastes`), 17 are the
/// article's cross-headings ("What did the prosecutors say?") and the rest
/// furniture or headlines: teasers of other stories ("Did Disney Announce
/// Elsa Would be a Lesbian in 'Frozen 2'?"), "Like this article?". None
/// sums an article up.
fn is_question_line(sentences: &[Sentence], scores: &Scores, i: usize) -> bool {
    let line = |k: usize| sentences.get(k).map(|s| s.block_idx);
    scores
        .features
        .get(i)
        .is_some_and(|f| f.is_some_and(|f| f.question > 0.0))
        && (i == 0 || line(i - 1) != line(i))
        && line(i + 1) != line(i)
}

/// The indices of the chosen sentences, ascending.
pub fn select_sentences(
    sentences: &[Sentence],
    scores: &Scores,
    length: Length,
    weights: &Weights,
) -> Vec<usize> {
    let mut ranked: Vec<usize> = (0..sentences.len())
        .filter(|&i| is_candidate(&sentences[i]))
        .collect();
    let n_candidates = ranked.len();
    if n_candidates == 0 {
        return Vec::new();
    }
    let (n_target, word_budget) = match length {
        Length::Sentences(n) => (n.max(1), usize::MAX),
        Length::Percent(p) => (
            ((n_candidates * usize::from(p.min(100))) as f64 / 100.0).ceil() as usize,
            usize::MAX,
        ),
        Length::Words(w) => (n_candidates, w.max(1)),
    };
    let n_target = n_target.clamp(1, n_candidates);
    super::sort::sort_by(&mut ranked, |&a, &b| {
        scores.scores[b]
            .total_cmp(&scores.scores[a])
            .then(a.cmp(&b))
    });
    // Fragments and questions on a line of their own ("held back") are
    // looked at only once nothing else is left.
    let held_back = |i: usize| {
        sentences
            .get(i)
            .is_some_and(|s| s.n_words < weights.min_chosen_words)
            || is_question_line(sentences, scores, i)
    };
    let mut n_others_left = ranked.iter().filter(|&&i| !held_back(i)).count();

    let mut chosen: Vec<usize> = Vec::new();
    let mut is_chosen = vec![false; sentences.len()];
    let mut n_words = 0usize;
    while chosen.len() < n_target {
        let mut best: Option<(f32, usize)> = None;
        let looked_at = |i: usize| n_others_left == 0 || !held_back(i);
        // Whether sentence `k` leans on the sentence before it
        // (`Scores::dangling`) and that one is not chosen.
        let dangles = |k: usize| scores.dangling[k] && !(k > 0 && is_chosen[k - 1]);
        // What taking sentence `k` next costs: its similarity to the
        // sentences chosen last (MMR), and the dangling penalty when it
        // dangles.
        let redundancy_of = |k: usize| {
            chosen
                .iter()
                .rev()
                .take(MAX_REDUNDANCY_CHECKS)
                .map(|&j| super::terms::dot(scores.vectors.get(k), scores.vectors.get(j)))
                .fold(0f32, f32::max)
        };
        let dangling_of = |k: usize| {
            if dangles(k) {
                weights.dangling_penalty
            } else {
                0.0
            }
        };
        let any_standalone = n_target == 1
            && ranked
                .iter()
                .filter(|&&i| sentences[i].n_words <= word_budget && looked_at(i))
                .take(MAX_CANDIDATES_PER_ROUND)
                .any(|&i| !dangles(i));
        // (A word budget is never exceeded: only sentences that fit are
        // looked at, the first one too.)
        for &i in ranked
            .iter()
            .filter(|&&i| {
                !is_chosen[i] && n_words + sentences[i].n_words <= word_budget && looked_at(i)
            })
            .take(MAX_CANDIDATES_PER_ROUND)
        {
            // A one-sentence summary (a TL;DR) never leans on a sentence the
            // reader cannot see, unless every candidate looked at does.
            if n_target == 1 && dangles(i) && any_standalone {
                continue;
            }
            let dangling = dangling_of(i);
            let value = scores.scores[i] - weights.redundancy * redundancy_of(i) - dangling;
            if best.is_none_or(|(v, j)| value > v || (value == v && i < j)) {
                best = Some((value, i));
            }
            // The sentence before a dangling one, offered at the dangling
            // one's score: taking it first lets the next round take the
            // dangling sentence with what it leans on. (Only while two more
            // sentences fit.)
            if weights.prefer_antecedent
                && dangling > 0.0
                && i > 0
                && chosen.len() + 2 <= n_target
                && is_candidate(&sentences[i - 1])
                && looked_at(i - 1)
                && n_words + sentences[i - 1].n_words + sentences[i].n_words <= word_budget
            {
                let p = i - 1;
                let value =
                    scores.scores[i] - weights.redundancy * redundancy_of(p) - dangling_of(p);
                if best.is_none_or(|(v, j)| value > v || (value == v && p < j)) {
                    best = Some((value, p));
                }
            }
        }
        let Some((_, i)) = best else { break };
        // A word budget is filled with whole sentences, not topped up with
        // held-back ones.
        if held_back(i) && word_budget < usize::MAX && !chosen.is_empty() {
            break;
        }
        if !held_back(i) {
            n_others_left -= 1;
        }
        is_chosen[i] = true;
        chosen.push(i);
        n_words += sentences[i].n_words;
    }
    // A budget smaller than every sentence: the best sentence, which the
    // caller shortens to the budget (the CLI does).
    if chosen.is_empty() {
        chosen.push(
            ranked
                .iter()
                .copied()
                .find(|&i| !held_back(i))
                .unwrap_or(ranked[0]),
        );
    }
    super::sort::sort_by_key(&mut chosen, |&i| i);
    chosen
}

#[cfg(test)]
mod tests {
    use crate::engine::{summarize, Config, Length, Weights};

    const ARTICLE: &str =
        "The city council closed the Riverside Bridge on Tuesday after inspectors found cracks. \
        Engineers said the damage had spread since October. \
        Repairs will take six months and cost about twelve million pounds. \
        It carries forty thousand vehicles a day. \
        Bus routes will be diverted through the Eastgate crossing. \
        The council will hold a public meeting on Thursday.";

    fn chosen(config: &Config) -> Vec<usize> {
        summarize(ARTICLE, config).chosen
    }

    #[test]
    fn lengths() {
        let table = [
            (Length::Sentences(1), 1),
            (Length::Sentences(3), 3),
            (Length::Sentences(50), 6),
            (Length::Percent(50), 3),
            (Length::Percent(1), 1),
            (Length::Percent(100), 6),
            (Length::Words(1), 1),
        ];
        for (length, n) in table {
            let c = chosen(&Config {
                length,
                ..Config::default()
            });
            assert_eq!(c.len(), n, "{length:?}");
            assert!(
                c.windows(2).all(|w| w[0] < w[1]),
                "{length:?}: not in order: {c:?}"
            );
        }
    }

    /// The chosen sentences of `text` at `length`, with fragments held
    /// back below `min_chosen_words` words (and `tweak` on the weights).
    fn chosen_with(
        text: &str,
        length: Length,
        min_chosen_words: usize,
        tweak: fn(&mut Weights),
    ) -> Vec<usize> {
        let mut weights = Weights {
            min_chosen_words,
            ..Weights::default()
        };
        tweak(&mut weights);
        summarize(
            text,
            &Config {
                length,
                weights,
                ..Config::default()
            },
        )
        .chosen
    }

    #[test]
    fn fragments_only_when_nothing_longer_is_left() {
        // "Bridge closed." opens the article and shares its main terms: it
        // would be chosen on its score alone.
        let text = "Bridge closed. \
                    The city council closed the Riverside Bridge on Tuesday after inspectors found cracks. \
                    Repairs to the bridge will take six months and cost about twelve million pounds. \
                    Bus routes will be diverted through the Eastgate crossing until the bridge reopens.";
        let run = |min, length| chosen_with(text, length, min, |_| {});
        assert!(run(0, Length::Sentences(3)).contains(&0));
        assert_eq!(run(4, Length::Sentences(3)), vec![1, 2, 3]);
        // When every longer sentence is in, the fragment is still there to take.
        assert_eq!(run(4, Length::Sentences(4)), vec![0, 1, 2, 3]);
        // A TL;DR: the fragment without the rule; with it, a longer
        // sentence, even one that opens with a reference.
        let tldr = "Bridge closed. \
                    It was shut by the city council on Tuesday after inspectors found cracks in the bridge. \
                    But repairs to the bridge will take six months and cost twelve million pounds. \
                    This means bus routes will be diverted until the bridge reopens.";
        assert_eq!(chosen_with(tldr, Length::Sentences(1), 0, |_| {}), vec![0]);
        assert_eq!(chosen_with(tldr, Length::Sentences(1), 4, |_| {}), vec![1]);
        // A word budget is not topped up with a fragment: 14 + 2 words fit
        // in 16 without the rule, 14 alone with it.
        assert_eq!(run(0, Length::Words(16)).len(), 2);
        assert_eq!(run(4, Length::Words(16)).len(), 1);
        assert!(!run(4, Length::Words(16)).contains(&0));
    }

    #[test]
    fn a_question_on_a_line_of_its_own_is_held_back() {
        // The cross-heading opens the article and shares its main terms.
        let text = "Why did the council close the Riverside Bridge?\n\n\
                    The city council closed the Riverside Bridge on Tuesday after inspectors found cracks.\n\n\
                    Repairs to the bridge will take six months and cost about twelve million pounds.\n\n\
                    Bus routes will be diverted through the Eastgate crossing until the bridge reopens.";
        let run = |text: &str, length| chosen_with(text, length, 4, |_| {});
        assert_eq!(run(text, Length::Sentences(3)), vec![1, 2, 3]);
        assert_eq!(run(text, Length::Sentences(4)), vec![0, 1, 2, 3]);
        assert_eq!(run(text, Length::Sentences(1)), vec![1]);
        // A line of its own within a paragraph (lines without a blank one
        // between) is one too.
        let lines = text.replace("\n\n", "\n");
        assert_eq!(run(&lines, Length::Sentences(3)), vec![1, 2, 3]);
        // A question inside a line is an ordinary candidate.
        let inside = text.replacen("?\n\n", "? ", 1);
        assert!(run(&inside, Length::Sentences(3)).contains(&0));
    }

    #[test]
    fn fragments_stay_out_however_many_outrank_the_long_sentences() {
        // More fragments than a round looks at, all sharing the main terms.
        let mut text = String::new();
        for i in 0..(2 * super::MAX_CANDIDATES_PER_ROUND) {
            text.push_str(&format!("Bridge shut {i}. "));
        }
        text.push_str(
            "The council shut the bridge after inspectors found cracks in its piers. \
             Engineers said the bridge would stay shut until the repairs were done. \
             Buses will use the Eastgate crossing while the bridge is shut for repairs.",
        );
        let n = 2 * super::MAX_CANDIDATES_PER_ROUND;
        assert_eq!(
            chosen_with(&text, Length::Sentences(3), 4, |_| {}),
            vec![n, n + 1, n + 2]
        );
    }

    #[test]
    fn an_antecedent_fragment_is_not_pulled_in() {
        let text = "Heavy rain flooded the valley roads on Monday morning. Nobody knew. \
                    It left the valley roads and valley homes flooded after the heavy rain. \
                    Schools in the valley will reopen on Friday after the flooding. \
                    The council will meet on Thursday to discuss the valley flood defences.";
        let with_antecedent = |w: &mut Weights| {
            w.prefer_antecedent = true;
            w.dangling_penalty = 10.0;
        };
        let chosen = chosen_with(text, Length::Sentences(3), 4, with_antecedent);
        assert!(!chosen.contains(&1), "{chosen:?}");
        // Without the rule the fragment goes in as the antecedent.
        assert!(chosen_with(text, Length::Sentences(3), 0, with_antecedent).contains(&1));
    }

    #[test]
    fn word_budget_is_kept() {
        let summary = summarize(
            ARTICLE,
            &Config {
                length: Length::Words(25),
                ..Config::default()
            },
        );
        assert!(
            summary.stats.n_words_out <= 25,
            "{} words",
            summary.stats.n_words_out
        );
        assert!(!summary.chosen.is_empty());
    }

    #[test]
    fn a_quotation_is_not_entered_halfway() {
        // Index 2 ends a quotation that index 1 opened: alone, it would
        // start mid-quote. Its terms make it the most central sentence.
        let text = "Heavy rain flooded the valley roads on Monday. \
                    \"Nobody had expected that. \
                    The valley roads and valley homes were flooded after the heavy rain,\" a farmer said. \
                    Schools will reopen on Friday.";
        let free = |length| chosen_with(text, length, 4, |w| w.dangling_penalty = 0.0);
        let costly = |length| chosen_with(text, length, 4, |w| w.dangling_penalty = 10.0);
        // Without the penalty it wins on its own...
        assert_eq!(free(Length::Sentences(2)), vec![0, 2]);
        // ...with a large one, sentences that stand alone are preferred...
        assert!(!costly(Length::Sentences(2)).contains(&2));
        // ...and a TL;DR never is one while another sentence stands alone
        // (without its marks, the same sentence is the TL;DR).
        let text = "Rain fell. \
                    \"It was a shock to everyone. \
                    Heavy rain flooded the valley roads and the valley homes on Monday, and the \
                    valley flood is the worst in years,\" a valley farmer said. \
                    Schools will reopen on Friday.";
        let tldr = |text: &str| chosen_with(text, Length::Sentences(1), 4, |_| {});
        assert_eq!(tldr(&text.replace('"', "")), vec![2]);
        assert_ne!(tldr(text), vec![2]);
    }

    #[test]
    fn dangling_reference_is_avoided_when_it_costs_enough() {
        // "It left..." (index 2) refers back past a sentence that scores low.
        let text = "Heavy rain flooded the valley roads on Monday. Nobody had expected that. \
                    It left the valley roads and valley homes flooded after the heavy rain. \
                    Schools will reopen on Friday.";
        let run = |dangling_penalty| {
            let weights = Weights {
                dangling_penalty,
                ..Weights::default()
            };
            summarize(
                text,
                &Config {
                    length: Length::Sentences(2),
                    weights,
                    ..Config::default()
                },
            )
            .chosen
        };
        // Without the penalty the referring sentence wins on its own...
        assert_eq!(run(0.0), vec![0, 2]);
        // ...with a large one, a sentence that stands alone is preferred.
        assert!(!run(10.0).contains(&2));
        // Allowed to, selection may take the sentence before it (at its
        // score), never it alone.
        let with_antecedent = summarize(
            text,
            &Config {
                length: Length::Sentences(2),
                weights: Weights {
                    dangling_penalty: 10.0,
                    prefer_antecedent: true,
                    ..Weights::default()
                },
                ..Config::default()
            },
        )
        .chosen;
        assert!(with_antecedent.contains(&1), "{with_antecedent:?}");
        assert!(!with_antecedent.contains(&2) || with_antecedent.contains(&1));
        // Not in a one-sentence summary, where the two cannot both go in.
        let one = summarize(
            text,
            &Config {
                length: Length::Sentences(1),
                weights: Weights {
                    prefer_antecedent: true,
                    ..Weights::default()
                },
                ..Config::default()
            },
        )
        .chosen;
        assert_ne!(one, vec![1]);
        assert_ne!(one, vec![2]);
    }
}
