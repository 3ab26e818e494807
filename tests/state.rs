//! The page's reducer (`src/ui/state.rs`), natively: it is pure, so
//! `cargo test` runs these without a browser.

use std::rc::Rc;

use nutshell::engine::{summarize, Config, Hint, Length, Mark, Span, Summary};
use nutshell::ui::example::EXAMPLE_ARTICLE;
use nutshell::ui::state::{Focus, SummaryKind, SOURCE_PAGE_SENTENCES};
use nutshell::ui::{Action, State};

#[path = "ui/support.rs"]
mod support;
use support::{summary_with_entity, TEXT};

fn reduce(state: Rc<State>, action: Action) -> Rc<State> {
    state.reduce(action)
}

fn example_summary() -> Summary {
    summarize(EXAMPLE_ARTICLE, &Config::default())
}

#[test]
fn typing_waits_for_a_pause_and_replacing_is_urgent() {
    let state = Rc::new(State::default());
    let typed = reduce(state.clone(), Action::Edit(Rc::from("Hello there.")));
    assert_eq!(typed.generation, state.generation + 1);
    assert!(!typed.urgent);
    assert_eq!(
        typed.text_revision, state.text_revision,
        "typing does not rewrite the box"
    );

    let replaced = reduce(
        typed.clone(),
        Action::Replace(Rc::from(EXAMPLE_ARTICLE), Rc::from([])),
    );
    assert_eq!(replaced.generation, typed.generation + 1);
    assert!(replaced.urgent);
    assert_eq!(replaced.text_revision, typed.text_revision + 1);

    let cleared = reduce(replaced.clone(), Action::Clear);
    assert_eq!(&*cleared.text, "");
    assert_eq!(cleared.text_revision, replaced.text_revision + 1);
}

#[test]
fn unchanged_text_or_length_is_not_a_change() {
    let state = reduce(Rc::new(State::default()), Action::Edit(Rc::from("Same.")));
    let again = reduce(state.clone(), Action::Edit(Rc::from("Same.")));
    assert!(Rc::ptr_eq(&state, &again));
    let same_length = reduce(state.clone(), Action::SetLength(state.length));
    assert!(Rc::ptr_eq(&state, &same_length));
    let longer = reduce(state.clone(), Action::SetLength(Length::Percent(30)));
    assert_eq!(longer.generation, state.generation + 1);
}

#[test]
fn a_tldr_asks_for_one_sentence_and_key_points_only_change_the_view() {
    let state = reduce(
        Rc::new(State::default()),
        Action::Edit(Rc::from("Some text.")),
    );
    let state = reduce(state, Action::SetLength(Length::Sentences(5)));
    let points = reduce(state.clone(), Action::SetKind(SummaryKind::KeyPoints));
    assert_eq!(points.kind, SummaryKind::KeyPoints);
    assert_eq!(
        points.generation, state.generation,
        "bullets need no new summary"
    );
    assert_eq!(points.requested_length(), Length::Sentences(5));

    let tldr = reduce(points.clone(), Action::SetKind(SummaryKind::Tldr));
    assert_eq!(tldr.requested_length(), Length::Sentences(1));
    assert_eq!(tldr.generation, points.generation + 1);
    assert!(tldr.urgent);
    assert_eq!(
        tldr.length,
        Length::Sentences(5),
        "the length control keeps its value"
    );
    assert!(Rc::ptr_eq(
        &tldr,
        &reduce(tldr.clone(), Action::SetKind(SummaryKind::Tldr))
    ));

    let back = reduce(tldr.clone(), Action::SetKind(SummaryKind::Summary));
    assert_eq!(back.requested_length(), Length::Sentences(5));
    assert_eq!(back.generation, tldr.generation + 1);
}

#[test]
fn text_from_the_bookmarklet_arrives_as_a_paste_and_one_undo_brings_the_old_text_back() {
    let state = reduce(
        Rc::new(State::default()),
        Action::Edit(Rc::from("My notes.")),
    );
    let state = reduce(
        state,
        Action::Override(nutshell::engine::Override { at: 0, keep: false }),
    );
    let hints: Rc<[Hint]> = Rc::from([Hint {
        at: 0,
        links: 100,
        marks: Mark::Navigation.bit(),
    }]);
    let received = reduce(
        state.clone(),
        Action::Receive(Rc::from(EXAMPLE_ARTICLE), hints.clone()),
    );
    let pasted = reduce(
        state.clone(),
        Action::Replace(Rc::from(EXAMPLE_ARTICLE), hints.clone()),
    );
    assert_eq!(&*received.text, EXAMPLE_ARTICLE);
    assert_eq!(received.hints, hints);
    assert_eq!(received.generation, pasted.generation);
    assert_eq!(received.text_revision, pasted.text_revision);
    assert!(received.urgent && received.overrides.is_empty());
    assert_eq!(
        received.undo,
        Some((
            state.text.clone(),
            state.overrides.clone(),
            state.hints.clone()
        ))
    );

    let undone = reduce(received.clone(), Action::Undo);
    assert_eq!(undone.text, state.text);
    assert_eq!(undone.overrides, state.overrides);
    assert_eq!(undone.undo, None, "one step");
    assert_eq!(undone.text_revision, received.text_revision + 1);
    assert!(Rc::ptr_eq(&undone, &reduce(undone.clone(), Action::Undo)));

    // Once the text changes again, there is nothing to undo.
    let edited = reduce(received, Action::Edit(Rc::from("Typed over.")));
    assert_eq!(edited.undo, None);
}

#[test]
fn hints_go_with_the_text_they_describe() {
    let hints: Rc<[Hint]> = Rc::from([Hint {
        at: 0,
        links: 0,
        marks: Mark::Article.bit(),
    }]);
    let pasted = reduce(
        Rc::new(State::default()),
        Action::Replace(Rc::from(EXAMPLE_ARTICLE), hints.clone()),
    );
    assert_eq!(pasted.hints, hints);
    assert!(pasted.urgent);
    // Any change to the text moves its bytes: the hints go.
    let edited = reduce(pasted.clone(), Action::Edit(Rc::from("Typed over.")));
    assert!(edited.hints.is_empty());
    let replaced = reduce(
        pasted.clone(),
        Action::Replace(Rc::from("Plain paste."), Rc::from([])),
    );
    assert!(replaced.hints.is_empty());
    assert!(reduce(pasted, Action::Clear).hints.is_empty());
}

#[test]
fn a_late_answer_for_an_older_text_is_dropped() {
    let text: Rc<str> = Rc::from(EXAMPLE_ARTICLE);
    let state = Rc::new(State::default());
    let state = reduce(state, Action::Started(2));
    let state = reduce(
        state,
        Action::Summarized {
            generation: 2,
            text: text.clone(),
            summary: example_summary(),
        },
    );
    assert!(!state.is_busy());
    assert_eq!(state.outcome.as_ref().unwrap().generation, 2);
    let late = reduce(
        state.clone(),
        Action::Summarized {
            generation: 1,
            text: Rc::from("Older text."),
            summary: Summary::default(),
        },
    );
    assert!(Rc::ptr_eq(&state, &late));
}

#[test]
fn busy_until_the_answer_for_the_latest_request_arrives() {
    let text: Rc<str> = Rc::from("One. Two.");
    let state = reduce(Rc::new(State::default()), Action::Started(1));
    let state = reduce(state, Action::Started(2));
    let state = reduce(
        state,
        Action::Summarized {
            generation: 1,
            text: text.clone(),
            summary: Summary::default(),
        },
    );
    assert!(
        state.is_busy(),
        "the answer for 1 does not end the wait for 2"
    );
    let state = reduce(
        state,
        Action::Summarized {
            generation: 2,
            text,
            summary: Summary::default(),
        },
    );
    assert!(!state.is_busy());
}

#[test]
fn progress_follows_the_latest_request_and_ends_with_its_answer() {
    use nutshell::ui::state::Progress;
    let state = reduce(Rc::new(State::default()), Action::Reading(40));
    assert_eq!(state.progress, Some(Progress::Reading(40)));
    assert!(state.is_busy(), "reading a paste is work in hand");
    let state = reduce(state, Action::Started(1));
    assert_eq!(state.progress, Some(Progress::Waiting));
    let state = reduce(state, Action::Started(2));
    // The summariser begins the older request: the latest still waits.
    let unchanged = reduce(state.clone(), Action::Summarising(1));
    assert!(Rc::ptr_eq(&state, &unchanged));
    let state = reduce(state, Action::Summarising(2));
    assert_eq!(state.progress, Some(Progress::Summarising));
    let state = reduce(
        state,
        Action::Summarized {
            generation: 2,
            text: Rc::from("One. Two."),
            summary: Summary::default(),
        },
    );
    assert_eq!(state.progress, None);
    assert!(!state.is_busy());
}

#[test]
fn progress_says_which_step_and_how_far() {
    use nutshell::ui::state::Progress;
    for (progress, n_bytes, said) in [
        (
            Progress::Reading(7),
            0,
            "step 1 of 3: reading the paste, 7%",
        ),
        (
            Progress::Waiting,
            3_400_000,
            "step 2 of 3: handing 3.4 MB of text to the summariser",
        ),
        (
            Progress::Summarising,
            120_000,
            "step 3 of 3: choosing sentences from 120 KB of text",
        ),
    ] {
        assert_eq!(progress.describe(n_bytes), said);
    }
}

#[test]
fn sizes_read_in_kilobytes_then_megabytes_to_a_tenth() {
    use nutshell::ui::state::describe_size;
    for (n_bytes, size) in [
        (0, "0 KB"),
        (1, "1 KB"),
        (120_000, "120 KB"),
        (999_999, "1000 KB"),
        (1_000_000, "1.0 MB"),
        (3_449_999, "3.4 MB"),
        (3_450_000, "3.5 MB"),
        (5_452_596, "5.5 MB"),
        (12_960_000, "13.0 MB"),
    ] {
        assert_eq!(describe_size(n_bytes), size, "{n_bytes}");
    }
}

#[test]
fn clicking_an_entity_again_shows_its_next_mention() {
    let state = reduce(
        Rc::new(State::default()),
        Action::Summarized {
            generation: 0,
            text: Rc::from(TEXT),
            summary: summary_with_entity(),
        },
    );
    let first = reduce(state, Action::FocusEntity(0));
    let entity_focus = |mention_idx| Focus::Entity {
        entity_idx: 0,
        mention_idx,
    };
    assert_eq!(first.focus, Some(entity_focus(0)));
    let second = reduce(first, Action::FocusEntity(0));
    assert_eq!(second.focus, Some(entity_focus(1)));
    let wrapped = reduce(second.clone(), Action::FocusEntity(0));
    assert_eq!(wrapped.focus, Some(entity_focus(0)));
    let target = second
        .focus
        .unwrap()
        .target(&second.outcome.as_ref().unwrap().summary);
    assert_eq!(target, Some((1, Some(Span::new(33, 41)))));
    let unknown = reduce(second.clone(), Action::FocusEntity(7));
    assert!(Rc::ptr_eq(&second, &unknown));
}

#[test]
fn focusing_a_sentence_past_the_rendered_ones_renders_it() {
    let n_sentences = SOURCE_PAGE_SENTENCES + 10;
    let text = "Word here. ".repeat(n_sentences);
    let summary = summarize(&text, &Config::default());
    assert!(summary.sentences.len() > SOURCE_PAGE_SENTENCES);
    let state = reduce(
        Rc::new(State::default()),
        Action::Summarized {
            generation: 0,
            text: Rc::from(text.as_str()),
            summary,
        },
    );
    assert_eq!(state.n_source_shown, SOURCE_PAGE_SENTENCES);
    let focused = reduce(
        state,
        Action::Focus(Some(Focus::Sentence(SOURCE_PAGE_SENTENCES + 3))),
    );
    assert!(focused.n_source_shown > SOURCE_PAGE_SENTENCES + 3);
}

#[test]
fn a_new_text_puts_a_long_text_back_out_of_the_box() {
    let state = reduce(Rc::new(State::default()), Action::EditLargeText);
    assert!(state.edit_large_text);
    let replaced = reduce(
        state.clone(),
        Action::Replace(Rc::from("Short."), Rc::from([])),
    );
    assert!(!replaced.edit_large_text);
    assert_eq!(replaced.text_revision, state.text_revision + 1);
}

#[test]
fn a_correction_toggles_and_a_new_text_drops_them() {
    use nutshell::engine::Override;
    let state = reduce(
        Rc::new(State::default()),
        Action::Replace(Rc::from(EXAMPLE_ARTICLE), Rc::from([])),
    );
    let aside = Override {
        at: 10,
        keep: false,
    };
    let corrected = reduce(state.clone(), Action::Override(aside));
    assert_eq!(corrected.overrides, vec![aside]);
    assert_eq!(corrected.generation, state.generation + 1);
    assert!(corrected.urgent, "a correction is summarised at once");

    // The same line again takes the correction back.
    let undone = reduce(
        corrected.clone(),
        Action::Override(Override { at: 10, keep: true }),
    );
    assert!(undone.overrides.is_empty());

    // Corrections are positions in one text: editing it drops them.
    let edited = reduce(corrected, Action::Edit(Rc::from("Another text.")));
    assert!(edited.overrides.is_empty());
}

/// The engine applies a correction to the line that holds its byte: a
/// set-aside line comes back, and an article line goes.
#[test]
fn the_engine_applies_corrections() {
    use nutshell::engine::{Override, SentenceRole};
    let plain = example_summary();
    let aside = plain
        .boilerplate
        .first()
        .expect("the example has furniture");
    let first_chosen = plain.chosen_sentences().next().expect("a summary").span;
    let config = Config {
        overrides: vec![
            Override {
                at: aside.span.start,
                keep: true,
            },
            Override {
                at: first_chosen.start,
                keep: false,
            },
        ],
        ..Config::default()
    };
    let corrected = summarize(EXAMPLE_ARTICLE, &config);
    assert!(corrected.boilerplate.iter().all(|b| b.span != aside.span));
    let role =
        |s: &Summary, span: Span| s.sentences.iter().find(|x| x.span == span).map(|x| x.role);
    assert_eq!(
        role(&corrected, first_chosen),
        Some(SentenceRole::Boilerplate)
    );
    assert!(corrected.chosen_sentences().all(|s| s.span != first_chosen));
}
