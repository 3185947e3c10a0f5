//! Blind review: a code for each proposal that is the same on every reviewer's desk, and the
//! masking of the school's and the people's names (and the district's own terms) in what a
//! reviewer reads.
//!
//! Full names are masked in any case. So are the school's distinctive words (its name without
//! words such as "Elementary" or "Academy") and each person's first and last names, unless such
//! a word is also an everyday English word ("Hope", "Grant", "Hill"): then it is masked only
//! where it is capitalised inside a sentence, so "we hope to" stays readable while "our
//! partners at Hope" is masked. Matching is by whole words, Unicode-aware, longest terms first.

use crate::rubric::fnv1a;
use crate::sheet::ScoreSheet;
use crossroads_workbook::{Answer, Draft};
use std::collections::BTreeSet;

/// What replaces the school's name.
pub const SCHOOL_MASK: &str = "[school]";
/// What replaces a person's name.
pub const NAME_MASK: &str = "[name]";
/// What replaces a term the district added.
pub const TERM_MASK: &str = "[masked]";

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The proposal's code in blind review, from its id alone, so every reviewer's desk shows the
/// same one: "P-" and eight Crockford base-32 characters in two groups ("P-7KQM-2XPA").
pub fn proposal_code(id: &str) -> String {
    // FNV-1a, then a final mix so that every bit of the id moves the top bits the code uses.
    let mut x = fnv1a(id.as_bytes());
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 31;
    let chars: String = (0..8)
        .map(|i| CROCKFORD[((x >> (59 - 5 * i)) & 31) as usize] as char)
        .collect();
    format!("P-{}-{}", &chars[..4], &chars[4..])
}

/// Words of a school's name that say what kind of school it is, not which one.
#[rustfmt::skip]
const GENERIC: &[&str] = &[
    "school", "schools", "elementary", "middle", "high", "academy", "charter", "primary",
    "secondary", "junior", "senior", "public", "community", "magnet", "preparatory", "prep",
    "institute", "center", "centre", "campus", "of", "the", "and", "for", "at", "k", "upper",
    "lower", "early", "college", "intermediate", "international", "alternative", "learning",
    "grade", "grades", "ps", "ms", "hs", "es",
];

/// Titles and suffixes around a person's name, never masked on their own.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "jr", "sr", "ii", "iii", "iv", "phd", "edd",
    "de", "la", "le", "van", "von", "der", "del", "da", "di", "du", "st",
];

/// Names that are also everyday English words: masked only where capitalised inside a
/// sentence.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    "hope", "grant", "black", "hill", "rose", "will", "may", "faith", "joy", "young", "king",
    "brown", "green", "white", "park", "wood", "stone", "field", "bell", "lane", "hall", "ward",
    "cook", "baker", "miller", "hunter", "mason", "carter", "turner", "walker", "chase", "dean",
    "drew", "grace", "mark", "bill", "frank", "art", "page", "river", "lake", "oak", "maple",
    "pine", "cedar", "willow", "valley", "ridge", "summit", "meadow", "brook", "spring", "garden",
    "forest", "bay", "sunset", "liberty", "central", "north", "south", "east", "west", "pleasant",
    "harbor", "harbour", "eagle", "pioneer", "heritage", "discovery", "april", "june", "august",
    "autumn", "summer", "winter", "dawn", "eve", "star", "sky", "ray", "sunny", "amber", "ruby",
    "pearl", "jade", "ivy", "holly", "iris", "lily", "daisy", "violet", "jasmine", "hazel",
    "olive", "pat", "sue", "rob", "jack", "guy", "max", "penny", "bud", "buck", "chip", "dale",
    "glen", "gray", "grey", "reed", "rich", "rocky", "rusty", "sandy", "earl", "duke", "prince",
    "noble", "major", "marshal", "bishop", "knight", "sterling", "golden", "silver", "gold",
    "price", "cash", "sharp", "strong", "swift", "wise", "good", "best", "love", "bliss", "honor",
    "honour", "patience", "prudence", "mercy", "charity", "constance", "chance", "fisher",
    "shepherd", "porter", "cooper", "smith", "taylor", "tanner", "potter", "weaver", "carpenter",
    "farmer", "gardener", "butler", "steward", "sawyer", "archer", "bowman", "fletcher", "glover",
    "skinner", "chandler", "mercer", "draper", "dyer", "painter", "singer", "piper", "harper",
    "fowler", "ranger", "sheriff", "clay", "lamb", "fox", "wolf", "bird", "crane", "swan", "finch",
    "robin", "wren", "hawk", "jay", "lark", "martin", "drake", "bass", "pike", "salmon", "trout",
    "rice", "bean", "pepper", "sugar", "honey", "berry", "cherry", "apple", "plum", "peach",
    "barley", "wheat", "corn", "root", "branch", "bush", "moss", "heath", "marsh", "moor", "vale",
    "hollow", "grove", "orchard", "wells", "well", "waters", "water", "pond", "pool", "shore",
    "beach", "coast", "bank", "banks", "rivers", "hills", "fields", "woods", "stones", "rock",
    "cliff", "mount", "island", "crest", "heights", "view", "vista", "point", "haven", "port",
    "bridge", "bridges", "cross", "crossing", "ford", "gate", "gates", "wall", "tower", "castle",
    "church", "chapel", "temple", "house", "street", "way", "road", "path", "trail", "court",
    "manor", "mill", "mills", "farm", "ranch", "barn", "new", "long", "short", "little", "small",
    "large", "great", "low", "wide", "bright", "light", "day", "night", "morning", "sunrise",
    "horizon", "frontier", "union", "freedom", "independence", "victory", "triumph", "justice",
    "unity", "harmony", "promise", "destiny", "legacy", "vision", "venture", "journey", "quest",
    "excellence", "success", "stars", "coral", "crystal", "diamond", "sage", "rain", "storm",
    "snow", "frost", "sun", "moon", "bloom", "blossom", "pierce", "miles", "bond", "stern",
    "hardy", "moody", "case", "foster", "worth", "trust", "serenity", "angel", "ginger", "candy",
    "brandy", "misty", "heather", "fern", "rosemary", "basil", "clover", "poppy", "myrtle",
    "laurel", "ash", "aspen", "birch", "elm", "rowan", "linden", "spruce", "fir", "cypress",
    "magnolia", "juniper", "orchid", "lotus", "tulip", "bear", "lion", "colt", "hart", "hunt",
    "gale", "flint", "steel", "iron", "cotton", "silk", "linen", "blue", "red", "rust", "saint",
    "grand", "royal", "crown", "capital", "metro", "city", "town", "village", "county", "state",
    "national", "global", "world", "university", "leadership", "science", "arts", "music",
    "technology", "design", "career", "open", "gateway", "pathways", "compass", "odyssey",
    "explorer", "innovation", "inspire", "aspire", "achieve", "excel", "empower", "horizons",
    "vanguard", "peak", "pinnacle", "apex", "foundation", "cornerstone", "keystone", "beacon",
    "lighthouse", "anchor", "sanctuary", "oasis", "renaissance", "enterprise", "constitution",
    "republic", "patriot", "pilgrim", "mariner", "navigator", "voyager", "trails", "crossroads",
    "gardens", "meadows", "woodland", "highland", "highlands", "parkway", "plaza", "square",
    "circle", "terrace", "falls", "springs", "creek", "stream", "canyon", "mesa", "prairie",
    "plains", "desert", "shores", "cove", "ocean", "sea", "gulf", "delta", "glade", "vineyard",
    "arbor", "sunshine", "rainbow", "falcon", "owl", "raven", "cardinal", "sparrow", "dove",
    "heron", "mustang", "bronco", "tiger", "panther", "cougar", "wildcat", "bulldog", "husky",
    "spartan", "titan", "warrior", "champion", "pride", "spirit", "dream", "dreams", "wonder",
    "imagine", "believe", "scholar", "scholars", "christian", "english", "french", "german",
    "irish", "welsh", "scott", "cole", "lee", "abbott", "chancellor", "judge", "sergeant",
    "christmas", "easter", "holiday", "march", "sunday", "monday", "friday", "hale", "sol",
    "ivory", "ebony", "jewel", "precious", "hero", "noel", "marigold", "lavender", "skye", "dusty",
    "sonny", "buddy", "bunny", "kit", "kitty", "pip", "tiny", "sly", "happy", "merry", "gay",
    "jolly", "wright", "write", "brewer", "collier", "hooper", "mayor", "parsons", "paige", "bach",
    "rivera", "ball", "bowl", "hand", "head", "foot", "arm", "legs", "back", "front", "side",
    "end", "rhodes", "roads", "lord", "lords", "stewart", "dollar", "pound", "shilling", "summers",
    "winters", "springer", "fall", "late",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Byte spans of the words of `text`: runs of letters, digits and combining marks.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// The words of a name as typed.
fn words(text: &str) -> Vec<&str> {
    word_spans(text)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect()
}

/// What may stand between two words of one name: spaces, a hyphen, an apostrophe, a full stop
/// ("St. Mary"), at most three of them.
fn joins(gap: &str) -> bool {
    gap.chars().count() <= 3
        && gap.chars().all(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '-' | '\'' | '\u{2019}' | '.' | '\u{2010}' | '\u{2011}' | '\u{2013}'
                )
        })
}

/// Whether the word at byte `at` starts a sentence: nothing but opening punctuation and spaces
/// lie between it and the start of the text, a line break, or a sentence's end.
fn starts_sentence(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev() {
        match c {
            '\n' | '\r' => return true,
            c if c.is_whitespace() => {}
            '"' | '\u{201c}' | '\u{2018}' | '\'' | '(' | '[' | '{' | '*' | '\u{2022}' | '-'
            | '\u{2013}' | '\u{2014}' | '\u{a1}' | '\u{bf}' => {}
            '.' | '!' | '?' | '\u{2026}' => return true,
            _ => return false,
        }
    }
    true
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Term {
    /// Lower-case words.
    words: Vec<String>,
    /// As typed, for the reviewer to see.
    display: String,
    mask: &'static str,
    /// An everyday word: masked only where capitalised inside a sentence.
    common: bool,
}

/// Masks the names of a proposal's school and people, and the district's terms, in text a
/// reviewer reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Masker {
    terms: Vec<Term>,
}

/// The people a proposal names: its team members (`profile.team`), its lead (`profile.lead`,
/// "Name, role" read up to the comma) and those who sign its cover page (`brief.signoff`).
pub fn people_of(draft: &Draft) -> Vec<String> {
    let mut people = Vec::new();
    let names_in = |prompt: &str, people: &mut Vec<String>| {
        if let Some(Answer::Rows(rows)) = draft.answer(prompt) {
            people.extend(
                rows.iter()
                    .filter_map(|r| r.get("name"))
                    .filter(|n| !n.trim().is_empty())
                    .cloned(),
            );
        }
    };
    names_in("profile.team", &mut people);
    let lead = draft.text("profile.lead");
    let lead = lead
        .split([',', '(', ';', '\u{2013}', '\u{2014}', '/'])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("");
    if !lead.trim().is_empty() {
        people.push(lead.trim().to_string());
    }
    names_in(crossroads_workbook::brief::SIGNOFF_PROMPT, &mut people);
    people
}

/// A copy of a reviewer's sheet whose own words (comments, reasons, conflicts' reasons) are
/// masked with each proposal's masker, for the files a blind reviewer sends on: a name the
/// reviewer guessed and wrote stays on this desk. Proposals without a masker are left as they
/// are.
pub fn mask_sheet<'m>(
    sheet: &ScoreSheet,
    masker_of: impl Fn(&str) -> Option<&'m Masker>,
) -> ScoreSheet {
    let mut masked = sheet.clone();
    for proposals in masked.stages.values_mut() {
        for (id, scores) in proposals.iter_mut() {
            let Some(m) = masker_of(id) else { continue };
            for c in scores.criteria.values_mut() {
                c.comment = m.mask(&c.comment);
            }
            scores.recommendation_reason = m.mask(&scores.recommendation_reason);
        }
    }
    for (id, reason) in masked.conflicts.iter_mut() {
        if let Some(m) = masker_of(id) {
            *reason = m.mask(reason);
        }
    }
    masked
}

impl Masker {
    /// A masker for a school's name, the people named, and the district's extra terms.
    pub fn new(school: &str, people: &[String], extra: &[String]) -> Masker {
        let mut masker = Masker::default();
        let school_words = words(school);
        if !school_words.is_empty() {
            masker.add(&school_words, SCHOOL_MASK, false);
            // Shorter forms of the name: "Lincoln Elementary" for "Lincoln Elementary School".
            for k in 2..school_words.len() {
                let prefix = &school_words[..k];
                let distinctive: Vec<&&str> = prefix.iter().filter(|w| !is_generic(w)).collect();
                if !distinctive.is_empty() {
                    let common = distinctive.iter().all(|w| is_common(w));
                    masker.add(prefix, SCHOOL_MASK, common);
                }
            }
            let mut run: Vec<&str> = Vec::new();
            for w in school_words.iter().chain([&""]) {
                if w.is_empty() || is_generic(w) {
                    if !run.is_empty() {
                        let common = run.iter().all(|w| is_common(w));
                        masker.add(&run, SCHOOL_MASK, common);
                        // Each word of a longer distinctive part on its own too ("At OAK" for
                        // Oak Park), under the same common-word rule.
                        if run.len() > 1 {
                            for w in &run {
                                if w.chars().count() >= 3 {
                                    masker.add(&[w], SCHOOL_MASK, is_common(w));
                                }
                            }
                        }
                        run.clear();
                    }
                } else {
                    run.push(w);
                }
            }
        }
        for person in people {
            let name = words(person);
            if name.len() >= 2 {
                masker.add(&name, NAME_MASK, false);
            }
            for w in &name {
                let lower = w.to_lowercase();
                if w.chars().count() >= 2 && !TITLES.contains(&lower.as_str()) {
                    masker.add(&[w], NAME_MASK, is_common(w));
                }
            }
        }
        for term in extra {
            let w = words(term);
            if !w.is_empty() {
                masker.add(&w, TERM_MASK, false);
            }
        }
        masker.terms.sort_by(|a, b| {
            b.words
                .len()
                .cmp(&a.words.len())
                .then_with(|| b.display.len().cmp(&a.display.len()))
                .then_with(|| a.display.cmp(&b.display))
        });
        masker
    }

    /// A masker for a proposal: its school (`profile.school`), its team members' names
    /// (`profile.team`), its lead (`profile.lead`, "Name, role" read up to the comma) and the
    /// names on its cover page (`brief.signoff`), plus the district's terms.
    pub fn for_draft(draft: &Draft, extra: &[String]) -> Masker {
        Masker::new(draft.school(), &people_of(draft), extra)
    }

    fn add(&mut self, words: &[&str], mask: &'static str, common: bool) {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        if let Some(existing) = self.terms.iter_mut().find(|t| t.words == lower) {
            existing.common &= common;
            return;
        }
        self.terms.push(Term {
            words: lower,
            display: words.join(" "),
            mask,
            common,
        });
    }

    /// A copy of `draft` with every text a reviewer could read masked: the title, each text
    /// answer and each cell of each row (the school's name among them). Choices and ticks are
    /// the catalog's own words and stay. Reading views, compare views and exports built from the
    /// copy show no name, because they never see one.
    pub fn mask_draft(&self, draft: &Draft) -> Draft {
        let mut masked = draft.clone();
        masked.title = self.mask(&draft.title);
        for answer in masked.answers.values_mut() {
            match answer {
                Answer::Text(text) => *text = self.mask(text),
                Answer::Rows(rows) => {
                    for row in rows.iter_mut() {
                        for cell in row.values_mut() {
                            *cell = self.mask(cell);
                        }
                    }
                }
                Answer::Choice(_) | Answer::Checklist(_) => {}
            }
        }
        for reason in masked.addressed.values_mut() {
            *reason = self.mask(reason);
        }
        masked
    }

    /// What is masked, longest first, as the reviewer may see it.
    pub fn terms(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        self.terms
            .iter()
            .filter(|t| seen.insert(t.display.to_lowercase()))
            .map(|t| t.display.clone())
            .collect()
    }

    /// `text` with every masked term replaced.
    pub fn mask(&self, text: &str) -> String {
        if self.terms.is_empty() {
            return text.to_string();
        }
        let spans = word_spans(text);
        let lower: Vec<String> = spans
            .iter()
            .map(|(s, e)| text[*s..*e].to_lowercase())
            .collect();
        let mut out = String::with_capacity(text.len());
        let (mut cursor, mut i) = (0, 0);
        while i < spans.len() {
            let found = self.terms.iter().find(|t| {
                let n = t.words.len();
                i + n <= spans.len()
                    && t.words.iter().zip(&lower[i..i + n]).all(|(a, b)| a == b)
                    && (1..n).all(|k| joins(&text[spans[i + k - 1].1..spans[i + k].0]))
                    && (!t.common
                        || (!starts_sentence(text, spans[i].0)
                            && spans[i..i + n].iter().all(|(s, _)| {
                                text[*s..].chars().next().is_some_and(char::is_uppercase)
                            })))
            });
            match found {
                Some(t) => {
                    let n = t.words.len();
                    out.push_str(&text[cursor..spans[i].0]);
                    out.push_str(t.mask);
                    cursor = spans[i + n - 1].1;
                    i += n;
                }
                None => i += 1,
            }
        }
        out.push_str(&text[cursor..]);
        out
    }
}

fn is_generic(word: &str) -> bool {
    GENERIC.contains(&word.to_lowercase().as_str())
        || word.chars().count() < 2
        || word.chars().all(|c| c.is_ascii_digit())
}

fn is_common(word: &str) -> bool {
    COMMON.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {

    #[test]
    fn each_word_of_a_longer_school_name_is_masked_under_the_common_word_rule() {
        let m = Masker::new("Oak Park Elementary", &[], &[]);
        assert_eq!(
            m.mask("At OAK, students read."),
            "At [school], students read."
        );
        assert_eq!(
            m.mask("We met at Park on Friday."),
            "We met at [school] on Friday."
        );
        assert_eq!(
            m.mask("Oak trees shade the park."),
            "Oak trees shade the park."
        );
        let m = Masker::new("Whitfield Brook Academy", &[], &[]);
        assert_eq!(m.mask("whitfield's plan"), "[school]'s plan");
    }

    #[test]
    fn a_masked_draft_shows_no_name_in_its_title_answers_rows_or_cover_page() {
        let mut d = Draft::new("p1", "Hillcrest Academy's studios", 0);
        d.set_answer("profile.school", Answer::Text("Hillcrest Academy".into()));
        d.set_answer("profile.lead", Answer::Text("Dana Ortiz, principal".into()));
        let row = |name: &str, role: &str| -> crossroads_workbook::Row {
            [
                ("name".to_string(), name.to_string()),
                ("role".to_string(), role.to_string()),
            ]
            .into()
        };
        d.set_answer(
            "profile.team",
            Answer::Rows(vec![row("Lee Park", "Teacher")]),
        );
        d.set_answer(
            "problems.meaning",
            Answer::Text(
                "At HILLCREST, Ms. Ortiz's students and lee park's class move on when ready."
                    .into(),
            ),
        );
        d.set_answer(
            "brief.signoff",
            Answer::Rows(vec![row("Dana Ortiz", "Principal")]),
        );
        d.set_answer("pathway.choice", Answer::Choice("adapt".into()));
        d.addressed.insert("no_lead".into(), "Dana leads it".into());
        let masked = Masker::for_draft(&d, &[]).mask_draft(&d);
        let all = serde_json_like(&masked);
        for name in ["hillcrest", "ortiz", "dana", "lee park"] {
            assert!(
                !all.to_lowercase().contains(name),
                "{name} is masked in {all}"
            );
        }
        assert_eq!(masked.answer("pathway.choice"), d.answer("pathway.choice"));
        assert!(
            masked
                .text("problems.meaning")
                .contains("[name]'s students"),
            "{}",
            masked.text("problems.meaning")
        );
    }

    /// Every text of a draft, for checking that none holds a name.
    fn serde_json_like(d: &Draft) -> String {
        let mut out = vec![d.title.clone()];
        for a in d.answers.values() {
            out.extend(a.typed_text().into_iter().map(str::to_string));
        }
        out.extend(d.addressed.values().cloned());
        out.join(" | ")
    }

    use super::*;
    use crossroads_workbook::Row;
    use std::collections::BTreeSet;

    fn masker() -> Masker {
        Masker::new(
            "Lincoln Elementary School",
            &["Ana Ruiz".into(), "José Núñez".into(), "Grace Hill".into()],
            &["Westside Initiative".into()],
        )
    }

    #[test]
    fn proposal_codes_are_stable_and_distinct_over_ten_thousand_ids() {
        let code = proposal_code("mh3k2x9qa4b1");
        assert_eq!(code, proposal_code("mh3k2x9qa4b1"));
        assert_eq!(code.len(), 11);
        assert!(code.starts_with("P-") && code.as_bytes()[6] == b'-');
        assert!(code[2..]
            .chars()
            .all(|c| c == '-' || CROCKFORD.contains(&(c as u8))));
        let mut seen = BTreeSet::new();
        for i in 0..10_000u64 {
            let id = crossroads_workbook::new_draft_id(1_763_900_000_000 + i, i * 7919);
            assert!(seen.insert(proposal_code(&id)), "{id} repeats a code");
        }
        let mut seen = BTreeSet::new();
        for i in 0..10_000 {
            assert!(seen.insert(proposal_code(&format!("p{i}"))));
        }
        // Pinned: the same on every desk and in every build.
        assert_eq!(proposal_code("p1"), proposal_code(&String::from("p1")));
        assert_ne!(proposal_code("p1"), proposal_code("p2"));
    }

    #[test]
    fn names_inside_text_are_masked_in_any_case_with_possessives_and_punctuation() {
        let m = masker();
        assert_eq!(
            m.mask("Our principal, Ana Ruiz, leads; ANA RUIZ signed and ana ruiz agreed."),
            "Our principal, [name], leads; [name] signed and [name] agreed."
        );
        assert_eq!(
            m.mask("Ruiz's plan and Ruiz\u{2019}s budget (Ruiz). \u{201c}Ruiz\u{201d}!"),
            "[name]'s plan and [name]\u{2019}s budget ([name]). \u{201c}[name]\u{201d}!"
        );
        assert_eq!(
            m.mask("At Lincoln Elementary School's library; lincoln elementary; Lincoln."),
            "At [school]'s library; [school]; [school]."
        );
        assert_eq!(
            m.mask("Lincolnshire and Anabel are other words."),
            "Lincolnshire and Anabel are other words."
        );
        assert_eq!(
            m.mask("We call it the Westside initiative; WESTSIDE INITIATIVE."),
            "We call it the [masked]; [masked]."
        );
    }

    #[test]
    fn accented_names_mask_with_unicode_word_boundaries() {
        let m = masker();
        assert_eq!(
            m.mask("José Núñez and NÚÑEZ and núñez\u{2019}s class; Josée stays."),
            "[name] and [name] and [name]\u{2019}s class; Josée stays."
        );
    }

    #[test]
    fn a_name_that_is_a_common_word_is_masked_only_capitalised_inside_a_sentence() {
        let m = masker();
        assert_eq!(
            m.mask("We show grace and walk up the hill."),
            "We show grace and walk up the hill."
        );
        assert_eq!(
            m.mask("We met with Hill last week. Grace leads the team."),
            "We met with [name] last week. Grace leads the team."
        );
        assert_eq!(m.mask("grace hill said so."), "[name] said so.");
        let hope = Masker::new("Hope Academy", &[], &[]);
        assert_eq!(
            hope.mask(
                "We hope to grow. Hope is a word. Families at Hope agree; so does hope academy."
            ),
            "We hope to grow. Hope is a word. Families at [school] agree; so does [school]."
        );
        assert!(hope.terms().contains(&"Hope".to_string()));
    }

    #[test]
    fn the_everyday_words_are_a_few_hundred_in_lower_case() {
        let distinct: BTreeSet<&str> = COMMON.iter().copied().collect();
        assert!(distinct.len() >= 300, "{}", distinct.len());
        assert!(distinct.iter().all(|w| *w == w.to_lowercase()));
        assert!(GENERIC.iter().all(|w| !distinct.contains(w)));
    }

    #[test]
    fn longest_terms_mask_first_and_are_listed() {
        let m = masker();
        assert_eq!(m.mask("Lincoln Elementary School"), "[school]");
        let terms = m.terms();
        assert_eq!(terms[0], "Lincoln Elementary School");
        for t in ["Lincoln", "Ana Ruiz", "Ruiz", "José", "Westside Initiative"] {
            assert!(terms.contains(&t.to_string()), "{t} in {terms:?}");
        }
        assert!(!terms.contains(&"Elementary".to_string()));
    }

    #[test]
    fn a_masker_for_a_draft_takes_its_school_team_lead_and_signers() {
        let mut draft = Draft::new("d", "Studios", 0);
        draft.set_answer("profile.school", Answer::Text("Rosa Parks K-8".into()));
        let row = |name: &str| -> Row { Row::from([("name".to_string(), name.to_string())]) };
        draft.set_answer("profile.team", Answer::Rows(vec![row("Mei Chen"), row("")]));
        draft.set_answer(
            "profile.lead",
            Answer::Text("Tomás Oyelaran, assistant principal".into()),
        );
        draft.set_answer(
            crossroads_workbook::brief::SIGNOFF_PROMPT,
            Answer::Rows(vec![row("Priya Raman")]),
        );
        let m = Masker::for_draft(&draft, &["Blue Ribbon".into()]);
        assert_eq!(
            m.mask("Rosa Parks K-8 (Chen, Oyelaran and Raman) won a Blue Ribbon."),
            "[school] ([name], [name] and [name]) won a [masked]."
        );
        assert_eq!(
            m.mask("The assistant principal helps."),
            "The assistant principal helps."
        );
    }

    #[test]
    fn a_blind_reviewers_own_words_are_masked_in_the_sheet_sent_on_and_kept_as_typed_here() {
        use crate::sheet::{CriterionScore, ProposalScores, Reviewer, ScoreSheet};
        let m = masker();
        let mut sheet = ScoreSheet {
            id: "s1".into(),
            reviewer: Reviewer {
                id: "r1".into(),
                name: "Ana".into(),
            },
            competition: "c1".into(),
            version: 1,
            fingerprints: Default::default(),
            blind: true,
            conflicts: [("p2".to_string(), "I taught at LINCOLN".to_string())].into(),
            stages: Default::default(),
            updated_ms: 0,
        };
        let mut scores = ProposalScores::default();
        scores.criteria.insert(
            "vision".into(),
            CriterionScore {
                value: Some(2),
                comment: "Surely lincoln's plan; Núñez wrote it.".into(),
                confidence: None,
            },
        );
        scores.recommendation_reason = "Fund Lincoln Elementary School.".into();
        sheet
            .stages
            .entry("written".into())
            .or_default()
            .insert("p1".into(), scores.clone());
        sheet
            .stages
            .entry("written".into())
            .or_default()
            .insert("p3".into(), scores);
        let masked = mask_sheet(&sheet, |id| (id != "p3").then_some(&m));
        let p1 = masked.scores("written", "p1").unwrap();
        let text = format!(
            "{} {} {}",
            p1.criteria["vision"].comment, p1.recommendation_reason, masked.conflicts["p2"]
        );
        assert!(!text.to_lowercase().contains("lincoln"), "{text}");
        assert!(!text.contains("Núñez"), "{text}");
        assert_eq!(
            masked.scores("written", "p3"),
            sheet.scores("written", "p3")
        );
        assert!(sheet.scores("written", "p1").unwrap().criteria["vision"]
            .comment
            .contains("lincoln"));
    }
}
