//! The entity-typing votes (data): how much each cue adds to a candidate's
//! vote for a kind (PER, ORG, LOC or MISC) in `classify_run` and the
//! dateline and quoted-title rules. The document's votes for one name are
//! summed and the largest decides its kind; a vote of `STRONG` (3.0) or
//! more keeps a name from being re-read as a short form of a person's
//! name.
//!
//! Where the numbers came from: hand-set, unmeasured. They were written
//! with the rules, by reading the rules' output on the news entity sets
//! (CoNLL-2003, IE-ER); no vote was fitted, and no measurement of any
//! one of them is recorded. The scale: 5 is decisive on its own (a known
//! organisation, a country, a dateline), 3 to 4 is strong, 1 to 2 leans,
//! under 1 only breaks ties.

/// One number per cue; the kind it votes for is in its name or its line.
pub(super) struct Votes {
    /// MISC: a title in quotes ("Hour of Power").
    pub quoted_title: f32,
    /// ORG: a news agency in brackets at the start ("(AP)", "LONDON (Reuters)").
    pub dateline_agency: f32,
    /// LOC: a dateline's place ("LA CORUNA, Spain -").
    pub dateline_place: f32,
    /// PER: the name after a title inside a run ("... Association President Ramon Manzanares").
    pub name_after_title_in_run: f32,
    /// MISC: a run that ends in a nationality or a people ("South Korean", "Kosovo Serbs").
    pub people: f32,
    /// MISC: a nationality before a name or a title ("Australian Anthony Hill", "Russian President").
    pub nationality_before_name: f32,
    /// ORG: an organisation's suffix ends the run ("Acme Inc", "the Senate").
    pub org_suffix: f32,
    /// LOC: a place's suffix ends the run ("Hudson River").
    pub loc_suffix: f32,
    /// ORG: an organisation's head word ("Bank of England").
    pub org_head: f32,
    /// ORG: a club's prefix ("FC Barcelona").
    pub club_prefix: f32,
    /// ORG: an ampersand in the run ("AT&T").
    pub ampersand: f32,
    /// ORG: a known organisation.
    pub known_org: f32,
    /// ORG: a known organisation opens a longer run ("Hyundai Motor",
    /// "Sony Computer Entertainment America").
    pub known_org_first: f32,
    /// LOC: a country of the gazetteer.
    pub country: f32,
    /// LOC: a region or town of the gazetteer.
    pub other_place: f32,
    /// MISC: one word that is a nationality, a people or a group noun.
    pub people_word: f32,
    /// MISC: an event's or a work's suffix ends the run ("... Cup", "... Award").
    pub misc_suffix: f32,
    /// PER: initials before a word ("C. Lewis").
    pub initials: f32,
    /// LOC: a place before a comma and a region ("Dallas, Texas").
    pub place_before_region: f32,
    /// LOC: a state's abbreviation after a place and a comma ("Berkeley, Calif.").
    pub state_after_place: f32,
    /// PER: a title before the run ("Prime Minister Tony Blair", "Mr. Smith").
    pub title_before: f32,
    /// PER: a role word before the run ("striker", "spokesman").
    pub role_before: f32,
    /// ORG: a word before the run that names an organisation's trade ("publisher HarperCollins").
    pub org_preceder: f32,
    /// PER: a given name starts a run of two words or more.
    pub given_name_first: f32,
    /// PER: a given name alone.
    pub given_name_alone: f32,
    /// PER: a surname ends a run of at most three words.
    pub surname_last: f32,
    /// ORG: an acronym before a word ("SC Freiburg", "NSW Treasury").
    pub acronym_then_word: f32,
    /// ORG: a word before a town ("Rotor Volgograd").
    pub word_then_town: f32,
    /// ORG: an acronym the text never writes in small letters ("NATO").
    pub acronym: f32,
    /// MISC: one word ending in "-ians" or "-ites" ("Assyrians").
    pub plural_people_ending: f32,
    /// LOC: a place preposition before the run ("in", "near").
    pub place_preposition: f32,
    /// LOC and ORG: "at" before the run.
    pub after_at_place: f32,
    pub after_at_org: f32,
    /// Taken from PER: "the" before the run ...
    pub after_the_not_person: f32,
    /// ... and ORG for a run of two words or more after "the".
    pub after_the_org: f32,
    /// PER: a speech verb after a run of at most three words ("Smith said").
    pub speech_verb_after: f32,
    /// PER: ", who" after the run.
    pub who_after: f32,
    /// PER: an age between commas after the run ("Smith, 42,").
    pub age_after: f32,
    /// ORG: a word after the run (or its possessive) that follows organisations ("Microsoft spokesman").
    pub org_follower: f32,
    /// LOC and ORG: a team in a sports results table, named after a country or else a town.
    pub team_country: f32,
    pub team_town: f32,
}

/// The votes (hand-set, unmeasured: see the module docs).
pub(super) const VOTES: Votes = Votes {
    quoted_title: 4.0,
    dateline_agency: 5.0,
    dateline_place: 5.0,
    name_after_title_in_run: 4.0,
    people: 4.0,
    nationality_before_name: 3.0,
    org_suffix: 4.0,
    loc_suffix: 3.0,
    org_head: 3.0,
    club_prefix: 3.0,
    ampersand: 2.0,
    known_org: 5.0,
    known_org_first: 3.0,
    country: 5.0,
    other_place: 3.0,
    people_word: 3.0,
    misc_suffix: 4.0,
    initials: 3.0,
    place_before_region: 2.0,
    state_after_place: 4.0,
    title_before: 4.0,
    role_before: 3.0,
    org_preceder: 2.0,
    given_name_first: 3.0,
    given_name_alone: 1.5,
    surname_last: 1.0,
    acronym_then_word: 1.0,
    word_then_town: 1.0,
    acronym: 1.5,
    plural_people_ending: 2.0,
    place_preposition: 1.5,
    after_at_place: 0.75,
    after_at_org: 0.5,
    after_the_not_person: 2.0,
    after_the_org: 1.0,
    speech_verb_after: 1.0,
    who_after: 1.5,
    age_after: 2.0,
    org_follower: 1.5,
    team_country: 1.0,
    team_town: 4.5,
};
