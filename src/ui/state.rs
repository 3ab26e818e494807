//! The page's state: one struct, one [`Action`] enum, one pure reducer.
//!
//! Side effects (the worker, timers, `localStorage`, scrolling) live in the
//! components' effects; they report back by dispatching actions.

use std::rc::Rc;

use crate::engine::{Hint, Length, Override, Span, Summary};

/// How many source sentences are rendered at first; "Show more" adds as
/// many again. Keeps a 5 MB paste from building 50,000 DOM nodes at once.
pub const SOURCE_PAGE_SENTENCES: usize = 500;

/// Texts longer than this (in bytes) are not put into the text box unless
/// asked: a browser spends seconds laying out a 5 MB textarea (measured in
/// Chromium 156: a 5 MB paste into a bare textarea is one 2.2 s task).
pub const TEXT_BOX_MAX_BYTES: usize = 1_000_000;

/// A text's size for people: "120 KB", "3.4 MB", to a tenth, rounded.
pub fn describe_size(n_bytes: usize) -> String {
    if n_bytes < 1_000_000 {
        return format!("{} KB", n_bytes.div_ceil(1000));
    }
    let tenths = (n_bytes + 50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// The default length of a summary in sentences, and in percent.
pub const DEFAULT_SENTENCES: usize = 3;
pub const DEFAULT_PERCENT: u8 = 20;

/// A summary together with the exact text it was made from: the views slice
/// `text` by the summary's spans, so the two must never come apart.
#[derive(Debug)]
pub struct Outcome {
    /// The state generation this outcome answers (see [`State::generation`]).
    pub generation: u64,
    pub text: Rc<str>,
    pub summary: Summary,
}

/// Outcomes are compared by identity: a new result is a new `Rc`, and
/// comparing two 5 MB texts on every render would be wasted work.
#[derive(Clone, Debug)]
pub struct SharedOutcome(pub Rc<Outcome>);

impl PartialEq for SharedOutcome {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedOutcome {
    type Target = Outcome;
    fn deref(&self) -> &Outcome {
        &self.0
    }
}

/// What the source view is showing highlighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A sentence of the text (clicked in the summary).
    Sentence(usize),
    /// A key fact, by index into `Summary::facts`.
    Fact(usize),
    /// One mention of an entity.
    Entity {
        entity_idx: usize,
        mention_idx: usize,
    },
    /// A quote, by index into `Summary::quotes`.
    Quote(usize),
}

impl Focus {
    /// The sentence to scroll to and, when narrower than the sentence, the
    /// span to mark inside it.
    pub fn target(self, summary: &Summary) -> Option<(usize, Option<Span>)> {
        match self {
            Focus::Sentence(idx) => summary.sentences.get(idx).map(|_| (idx, None)),
            Focus::Fact(idx) => summary
                .facts
                .get(idx)
                .map(|f| (f.sentence_idx, Some(f.span))),
            Focus::Entity {
                entity_idx,
                mention_idx,
            } => summary
                .entities
                .get(entity_idx)
                .and_then(|e| e.mentions.get(mention_idx))
                .map(|m| (m.sentence_idx, Some(m.span))),
            Focus::Quote(idx) => summary
                .quotes
                .get(idx)
                .map(|q| (q.sentence_idx, Some(q.span))),
        }
    }
}

/// The kind of summary, in the words browsers' built-in summarizers use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryKind {
    /// The chosen sentences at the length asked for, numbered.
    Summary,
    /// The same sentences as bullets.
    KeyPoints,
    /// One sentence, whatever the length control says.
    Tldr,
}

/// Whether the text could be kept in `localStorage`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// Not tried yet (nothing typed since the page opened).
    Unknown,
    Saved,
    /// Storage is disabled, full or refused the text: the page keeps working.
    Unavailable,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    System,
    Light,
    Dark,
}

impl Theme {
    /// The value kept in `localStorage` and set as `<html data-theme>`.
    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_code(code: &str) -> Theme {
        match code {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// How far a piece of work has got, for the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// A long paste is being copied into the page: percent done.
    Reading(u8),
    /// The text is on its way to the summariser, or waits for it to finish
    /// an older one.
    Waiting,
    /// The summariser has the text and is working on it.
    Summarising,
}

impl Progress {
    /// The status line's account of it, for a text of `n_bytes` (shown
    /// once the work has taken half a second: see `.workspace-progress`).
    pub fn describe(self, n_bytes: usize) -> String {
        let size = describe_size(n_bytes);
        match self {
            Progress::Reading(percent) => format!("step 1 of 3: reading the paste, {percent}%"),
            Progress::Waiting => format!("step 2 of 3: handing {size} of text to the summariser"),
            Progress::Summarising => format!("step 3 of 3: choosing sentences from {size} of text"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// What is in the text box.
    pub text: Rc<str>,
    pub length: Length,
    pub kind: SummaryKind,
    /// Bumped by every change that calls for a new summary.
    pub generation: u64,
    /// Bumped when the text changes other than by typing (example, clear,
    /// file, restore), so the text box is told its new value.
    pub text_revision: u64,
    /// Whether the next summary should start now rather than after the
    /// typing pause.
    pub urgent: bool,
    /// The generation being summarised, if any.
    pub pending: Option<u64>,
    /// What the work in hand has got to (`None` when there is none).
    pub progress: Option<Progress>,
    /// The latest summary received.
    pub outcome: Option<SharedOutcome>,
    pub focus: Option<Focus>,
    /// How many source sentences are rendered (see [`SOURCE_PAGE_SENTENCES`]).
    pub n_source_shown: usize,
    /// Show why each boilerplate line was set aside.
    pub show_reasons: bool,
    /// The reader's corrections of the cleaning, for this text only.
    pub overrides: Vec<Override>,
    /// What a rich paste's markup says of the text's lines (none once the
    /// text is edited: they name its bytes).
    pub hints: Rc<[Hint]>,
    /// Put a text over [`TEXT_BOX_MAX_BYTES`] into the text box anyway.
    pub edit_large_text: bool,
    pub storage: Storage,
    pub theme: Theme,
    /// The last export's result ("Summary copied."), for the live region.
    pub status: Option<String>,
    /// The text (and its corrections) that text from another page
    /// ([`Action::Receive`]) replaced: one step of undo.
    pub undo: Option<Undo>,
}

/// What [`Action::Undo`] brings back: the text, its corrections, its hints.
pub type Undo = (Rc<str>, Vec<Override>, Rc<[Hint]>);

impl Default for State {
    fn default() -> State {
        State {
            text: Rc::from(""),
            length: Length::Sentences(DEFAULT_SENTENCES),
            kind: SummaryKind::Summary,
            generation: 0,
            text_revision: 0,
            urgent: true,
            pending: None,
            progress: None,
            outcome: None,
            focus: None,
            n_source_shown: SOURCE_PAGE_SENTENCES,
            show_reasons: false,
            overrides: Vec::new(),
            hints: Rc::from([]),
            edit_large_text: false,
            storage: Storage::Unknown,
            theme: Theme::System,
            status: None,
            undo: None,
        }
    }
}

// (An action lives for one dispatch: boxing the summary would save no
// memory worth an allocation.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Action {
    /// The person typed or pasted into the text box.
    Edit(Rc<str>),
    /// The text was replaced from elsewhere (example, file, paste, drop,
    /// restore), with what a rich paste's markup says of each line (none for
    /// plain text).
    Replace(Rc<str>, Rc<[Hint]>),
    Clear,
    SetLength(Length),
    SetKind(SummaryKind),
    /// Ctrl/Cmd+Enter: summarise now, without waiting for the pause.
    SummarizeNow,
    /// A summary for `generation` was requested from the worker.
    Started(u64),
    /// A long paste is being read: percent done.
    Reading(u8),
    /// The summariser began work on `generation`.
    Summarising(u64),
    /// The worker answered.
    Summarized {
        generation: u64,
        text: Rc<str>,
        summary: Summary,
    },
    /// Highlight something in the source (`None` clears it).
    Focus(Option<Focus>),
    /// Show the next mention of an entity (the first when another is shown).
    FocusEntity(usize),
    ShowMoreSource,
    ToggleReasons,
    /// Bring a set-aside line back into the article, or set an article line
    /// aside; the same correction again takes it back.
    Override(Override),
    /// Show a very long text in the text box after all.
    EditLargeText,
    Storage(Storage),
    SetTheme(Theme),
    Status(Option<String>),
    /// Text handed over by the bookmarklet from another page: as a paste,
    /// and the text it replaces kept for [`Action::Undo`].
    Receive(Rc<str>, Rc<[Hint]>),
    /// Bring back the text the last [`Action::Receive`] replaced.
    Undo,
}

/// The page's `use_reducer` (browser only): [`State::reduce`].
#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        State::reduce(self, action)
    }
}

impl State {
    /// The state after `action`: the same `Rc` when nothing changes (so
    /// nothing re-renders), a new one otherwise.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if matches!(
            action,
            Action::Edit(_) | Action::Replace(..) | Action::Clear | Action::SetLength(_)
        ) {
            next.status = None;
        }
        // (Undo is offered only until the text changes again.)
        if matches!(
            action,
            Action::Edit(_) | Action::Replace(..) | Action::Clear
        ) {
            next.undo = None;
        }
        match action {
            Action::Receive(text, hints) => {
                let undo = Some((
                    self.text.clone(),
                    self.overrides.clone(),
                    self.hints.clone(),
                ));
                let mut received = (*self.reduce(Action::Replace(text, hints))).clone();
                received.undo = undo;
                return Rc::new(received);
            }
            Action::Undo => {
                let Some((text, overrides, hints)) = self.undo.clone() else {
                    return self;
                };
                let mut restored = (*self.reduce(Action::Replace(text, hints))).clone();
                restored.overrides = overrides;
                return Rc::new(restored);
            }
            Action::Edit(text) => {
                if text == self.text {
                    return self;
                }
                next.text = text;
                // (Corrections and hints are byte positions in the old text.)
                next.overrides.clear();
                next.hints = Rc::from([]);
                next.generation += 1;
                next.urgent = false;
            }
            Action::Replace(text, hints) => {
                next.text = text;
                next.hints = hints;
                next.overrides.clear();
                next.generation += 1;
                next.text_revision += 1;
                next.urgent = true;
                next.edit_large_text = false;
            }
            Action::Clear => {
                next.text = Rc::from("");
                next.overrides.clear();
                next.hints = Rc::from([]);
                next.generation += 1;
                next.text_revision += 1;
                next.urgent = true;
                next.focus = None;
                next.edit_large_text = false;
            }
            Action::SetLength(length) => {
                if length == self.length {
                    return self;
                }
                next.length = length;
                next.generation += 1;
                next.urgent = false;
            }
            Action::SetKind(kind) => {
                if kind == self.kind {
                    return self;
                }
                next.kind = kind;
                // (A new summary only when the length asked for changes.)
                if next.requested_length() != self.requested_length() {
                    next.generation += 1;
                    next.urgent = true;
                }
            }
            Action::SummarizeNow => {
                next.generation += 1;
                next.urgent = true;
            }
            Action::Started(generation) => {
                next.pending = Some(generation);
                next.progress = Some(Progress::Waiting);
            }
            Action::Reading(percent) => next.progress = Some(Progress::Reading(percent)),
            Action::Summarising(generation) => {
                if self.pending != Some(generation) {
                    return self;
                }
                next.progress = Some(Progress::Summarising);
            }
            Action::Summarized {
                generation,
                text,
                summary,
            } => {
                // An answer older than the one shown is dropped.
                if self
                    .outcome
                    .as_ref()
                    .is_some_and(|o| o.generation > generation)
                {
                    return self;
                }
                if next.pending.is_some_and(|p| p <= generation) {
                    next.pending = None;
                    next.progress = None;
                }
                next.focus = None;
                next.n_source_shown = SOURCE_PAGE_SENTENCES;
                next.outcome = Some(SharedOutcome(Rc::new(Outcome {
                    generation,
                    text,
                    summary,
                })));
            }
            Action::Focus(focus) => {
                next.focus = focus;
                next.reveal_focus();
            }
            Action::FocusEntity(entity_idx) => {
                let n_mentions = self
                    .outcome
                    .as_ref()
                    .and_then(|o| o.summary.entities.get(entity_idx))
                    .map_or(0, |e| e.mentions.len());
                if n_mentions == 0 {
                    return self;
                }
                let mention_idx = match self.focus {
                    Some(Focus::Entity {
                        entity_idx: shown,
                        mention_idx,
                    }) if shown == entity_idx => (mention_idx + 1) % n_mentions,
                    _ => 0,
                };
                next.focus = Some(Focus::Entity {
                    entity_idx,
                    mention_idx,
                });
                next.reveal_focus();
            }
            Action::ShowMoreSource => next.n_source_shown += SOURCE_PAGE_SENTENCES,
            Action::ToggleReasons => next.show_reasons = !self.show_reasons,
            Action::Override(correction) => {
                match next.overrides.iter().position(|o| o.at == correction.at) {
                    Some(i) => {
                        next.overrides.remove(i);
                    }
                    None => next.overrides.push(correction),
                }
                next.generation += 1;
                next.urgent = true;
            }
            Action::EditLargeText => {
                next.edit_large_text = true;
                next.text_revision += 1;
            }
            Action::Storage(storage) => {
                if storage == self.storage {
                    return self;
                }
                next.storage = storage;
            }
            Action::SetTheme(theme) => next.theme = theme,
            Action::Status(status) => next.status = status,
        }
        Rc::new(next)
    }

    /// Renders enough of the source to include the focused sentence.
    fn reveal_focus(&mut self) {
        let target = match (&self.focus, &self.outcome) {
            (Some(focus), Some(outcome)) => focus.target(&outcome.summary),
            _ => None,
        };
        if let Some((sentence_idx, _)) = target {
            if sentence_idx >= self.n_source_shown {
                self.n_source_shown =
                    (sentence_idx / SOURCE_PAGE_SENTENCES + 1) * SOURCE_PAGE_SENTENCES;
            }
        }
    }

    /// The length to ask the engine for: one sentence for a TL;DR, the
    /// length control's otherwise.
    pub fn requested_length(&self) -> Length {
        match self.kind {
            SummaryKind::Tldr => Length::Sentences(1),
            SummaryKind::Summary | SummaryKind::KeyPoints => self.length,
        }
    }

    /// Whether a summary is being made.
    pub fn is_busy(&self) -> bool {
        // (Reading a long paste in is part of making it.)
        self.pending.is_some() || self.progress.is_some()
    }
}
