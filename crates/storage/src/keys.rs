//! Every storage key Crossroads uses, and nothing else: the one place that names them.
//!
//! | key | holds |
//! | --- | --- |
//! | `crossroads/draft/<id>` | a draft's head: schema, revision, title, dates, summary |
//! | `crossroads/answer/<id>/<prompt>` | one answer of a draft |
//! | `crossroads/history/<id>` | the draft's earlier versions |
//! | `crossroads/premigration/<id>` | a record in an older format, kept until its migration is written and read back |
//! | `crossroads/meta` | facts about this browser's copy of Crossroads (last backup) |
//! | `crossroads/plan/<id>` | a facilitator's workshop plan, in one record ([`Kind::Plan`]) |
//! | `crossroads/run/<plan id>` | where the run of that plan is, for the projector to follow ([`Kind::Run`]) |
//! | `crossroads/competition/<id>` | a district's competition: its brief, stages and rubrics ([`Kind::Competition`]) |
//! | `crossroads/sheet/<id>` | a reviewer's score sheet for one competition ([`Kind::Sheet`]) |
//! | `crossroads/panel/<id>` | a district's panel: reviewers, assignment, loaded sheets, discussion and decisions ([`Kind::Panel`]) |
//! | `crossroads/assignment/<id>` | the panel's assignment as a reviewer's desk keeps it ([`Kind::Assignment`]) |
//!
//! The reviewer's desk keeps its proposals out of local storage, in IndexedDB (see `desk.rs`):
//!
//! | name | what |
//! | --- | --- |
//! | database `crossroads-desk` | the desk's proposals (made at version 1, opened at whatever version it is) |
//! | its store `proposals` | one small record per proposal, keyed by proposal id |
//! | its store `texts` | the file's text as imported, keyed by proposal id |
//! | `BroadcastChannel` `crossroads-desk` | tells other desk tabs what was added or removed |

const DRAFT: &str = "crossroads/draft/";
const ANSWER: &str = "crossroads/answer/";
const HISTORY: &str = "crossroads/history/";
const PREMIGRATION: &str = "crossroads/premigration/";
pub(crate) const META: &str = "crossroads/meta";

/// The reviewer's desk's IndexedDB database.
pub const DESK_DB: &str = "crossroads-desk";
/// Its store of proposal records.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) const DESK_RECORDS: &str = "proposals";
/// Its store of file texts.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) const DESK_TEXTS: &str = "texts";
/// The `BroadcastChannel` desk tabs tell each other on.
pub const DESK_CHANNEL: &str = "crossroads-desk";

/// A kind of record kept whole under one key per id by a [`crate::DocStore`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A facilitator's workshop plan.
    Plan,
    /// Where the run of a plan is.
    Run,
    /// A district's competition (brief, stages, rubrics).
    Competition,
    /// A reviewer's score sheet.
    Sheet,
    /// A district's panel: reviewers, assignment, loaded score sheets, discussion, decisions.
    Panel,
    /// The panel's assignment as a reviewer's desk keeps it.
    Assignment,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Plan,
        Kind::Run,
        Kind::Competition,
        Kind::Sheet,
        Kind::Panel,
        Kind::Assignment,
    ];

    fn prefix(self) -> &'static str {
        match self {
            Kind::Plan => "crossroads/plan/",
            Kind::Run => "crossroads/run/",
            Kind::Competition => "crossroads/competition/",
            Kind::Sheet => "crossroads/sheet/",
            Kind::Panel => "crossroads/panel/",
            Kind::Assignment => "crossroads/assignment/",
        }
    }

    /// The most characters all records of the reviewers' kinds may take together in local
    /// storage, checked before each write: local storage is shared with the teams' drafts, and
    /// a district's or reviewer's records must never leave a team without room.
    pub(crate) fn budget(self) -> Option<usize> {
        match self {
            Kind::Competition | Kind::Sheet | Kind::Panel | Kind::Assignment => Some(REVIEW_BUDGET),
            Kind::Plan | Kind::Run => None,
        }
    }
}

/// About a fifth of what browsers give an origin (some 5 million characters).
pub const REVIEW_BUDGET: usize = 1_000_000;

pub(crate) fn doc(kind: Kind, id: &str) -> String {
    format!("{}{id}", kind.prefix())
}

pub(crate) fn draft(id: &str) -> String {
    format!("{DRAFT}{id}")
}

/// The prefix of every answer key of a draft.
pub(crate) fn answers_of(id: &str) -> String {
    format!("{ANSWER}{id}/")
}

pub(crate) fn answer(id: &str, prompt: &str) -> String {
    format!("{ANSWER}{id}/{prompt}")
}

pub(crate) fn history(id: &str) -> String {
    format!("{HISTORY}{id}")
}

pub(crate) fn premigration(id: &str) -> String {
    format!("{PREMIGRATION}{id}")
}

/// What a key is.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Key<'a> {
    Draft(&'a str),
    Answer {
        draft: &'a str,
        prompt: &'a str,
    },
    History(&'a str),
    Premigration(&'a str),
    Meta,
    /// A record of another kind than drafts.
    Doc(Kind, &'a str),
    /// Not ours.
    Other,
}

impl<'a> Key<'a> {
    /// The draft a record belongs to, if it is a draft's.
    pub(crate) fn draft_id(&self) -> Option<&'a str> {
        match *self {
            Key::Draft(id) | Key::History(id) | Key::Premigration(id) => Some(id),
            Key::Answer { draft, .. } => Some(draft),
            Key::Meta | Key::Doc(..) | Key::Other => None,
        }
    }
}

pub(crate) fn parse(key: &str) -> Key<'_> {
    if key == META {
        Key::Meta
    } else if let Some(id) = key.strip_prefix(DRAFT) {
        Key::Draft(id)
    } else if let Some(rest) = key.strip_prefix(ANSWER) {
        match rest.split_once('/') {
            Some((draft, prompt)) => Key::Answer { draft, prompt },
            None => Key::Other,
        }
    } else if let Some(id) = key.strip_prefix(HISTORY) {
        Key::History(id)
    } else if let Some(id) = key.strip_prefix(PREMIGRATION) {
        Key::Premigration(id)
    } else if let Some((kind, id)) = Kind::ALL
        .iter()
        .find_map(|k| key.strip_prefix(k.prefix()).map(|id| (*k, id)))
    {
        Key::Doc(kind, id)
    } else {
        Key::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_back() {
        assert_eq!(parse(&draft("a1")), Key::Draft("a1"));
        assert_eq!(
            parse(&answer("a1", "problems.goals")),
            Key::Answer {
                draft: "a1",
                prompt: "problems.goals"
            }
        );
        assert_eq!(parse(&history("a1")), Key::History("a1"));
        assert_eq!(parse(&premigration("a1")), Key::Premigration("a1"));
        assert_eq!(parse(META), Key::Meta);
        assert_eq!(parse("other-app/thing"), Key::Other);
        assert_eq!(parse(&doc(Kind::Plan, "p1")), Key::Doc(Kind::Plan, "p1"));
        assert_eq!(parse(&doc(Kind::Plan, "p1")).draft_id(), None);
        assert_eq!(
            parse(&doc(Kind::Competition, "c1")),
            Key::Doc(Kind::Competition, "c1")
        );
        assert_eq!(parse(&doc(Kind::Sheet, "s1")), Key::Doc(Kind::Sheet, "s1"));
        assert!(answer("a1", "x").starts_with(&answers_of("a1")));
    }
}
