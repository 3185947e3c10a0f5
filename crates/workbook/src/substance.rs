//! Reading an answer for substance, not only for presence: how many words it has, whether it is
//! a placeholder ("x", "none", "tbd"), and whether it names things from a list of word stems.
//! Simple and explainable on purpose: each warning sign says what it looked for.

/// Answers that say nothing, however they are spelled.
const PLACEHOLDERS: &[&str] = &[
    "x", "xx", "xxx", "-", "--", "?", "??", "n/a", "na", "none", "nothing", "no", "tbd", "tba",
    "todo", "to do", "later", "test", "asdf", "idk", "not sure", "unknown", "same", "...", "etc",
];

/// The words of `text`, lower-cased, split at anything that is not a letter, digit or apostrophe.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `text` says something: not empty and not a placeholder.
pub fn says_something(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.').to_lowercase();
    !t.is_empty() && !PLACEHOLDERS.contains(&t.as_str())
}

/// Whether `text` has at least `n` words and is not a placeholder.
pub fn at_least(text: &str, n: usize) -> bool {
    says_something(text) && words(text).len() >= n
}

/// Whether any word of `text` starts with one of `stems` ("coach" finds "coaching", "coaches").
/// A stem with a space ("small group") is looked for in the words joined by single spaces; a
/// stem after `=` ("=app") must be the whole word, so "app" does not find "approach".
pub fn names_any(text: &str, stems: &[&str]) -> bool {
    let words = words(text);
    let joined = format!(" {} ", words.join(" "));
    stems.iter().any(|stem| {
        if let Some(word) = stem.strip_prefix('=') {
            words.iter().any(|w| w == word)
        } else if stem.contains(' ') {
            joined.contains(&format!(" {stem}"))
        } else {
            words.iter().any(|w| w.starts_with(stem))
        }
    })
}

/// Whether `text` holds a number or a date (a digit, or a month's or a season's name).
pub fn has_number_or_date(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        || names_any(
            text,
            &[
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
                "spring",
                "summer",
                "fall",
                "autumn",
                "winter",
                "semester",
                "quarter",
                "trimester",
            ],
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_short_answers_say_nothing() {
        for t in ["x", " None. ", "TBD", "n/a", "", "   ", "?"] {
            assert!(!says_something(t), "{t:?}");
        }
        assert!(says_something("Ms. Rivera"));
        assert!(!at_least("Coaching", 3));
        assert!(at_least("A coach visits weekly", 3));
    }

    #[test]
    fn stems_match_word_starts_and_phrases_match_whole_words() {
        assert!(names_any("Teachers coach each other", &["coach"]));
        assert!(names_any("We run SMALL groups daily", &["small group"]));
        assert!(!names_any("a smallish grouping", &["small group"]));
        assert!(!names_any("the reproach", &["coach"]));
        assert!(names_any("an adaptive app", &["=app"]));
        assert!(!names_any("a new approach", &["=app"]));
    }

    #[test]
    fn numbers_and_dates_are_found() {
        assert!(has_number_or_date("80% by June"));
        assert!(has_number_or_date("by spring"));
        assert!(!has_number_or_date("a lot better"));
    }
}
