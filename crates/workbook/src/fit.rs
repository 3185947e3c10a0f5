//! Answers checked against the catalog: whether an answer shows on its prompt's screen, and
//! fitting answers that came from elsewhere (an imported file) to the prompts they belong to.
//!
//! An answer of the wrong kind (text where the prompt wants rows) or for a prompt this version
//! does not have would not show on any screen, yet would count as answered and travel in every
//! export. Fitting converts what can be converted without losing a word, and sets aside the
//! rest, each piece with its text and the reason, for the team to see.

use crate::catalog::{Catalog, ChoiceItem, Prompt, PromptKind};
use crate::draft::{Answer, Draft, Row};
use std::collections::BTreeSet;

/// A piece of an imported answer that no prompt of this version can show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The prompt id the file gave it.
    pub prompt: String,
    /// That prompt's question, when this version has the prompt.
    pub label: Option<&'static str>,
    /// Why it was set aside, in plain words.
    pub why: String,
    /// What it held, as text.
    pub text: String,
}

impl Prompt {
    /// Whether `answer` shows something on this prompt's screen: text for a text prompt, a
    /// known option for a choice, a known ticked item, a row with text in a known column.
    pub fn shows(&self, answer: &Answer) -> bool {
        match (&self.kind, answer) {
            (PromptKind::ShortText | PromptKind::LongText, Answer::Text(t)) => !t.trim().is_empty(),
            (PromptKind::Choice(options), Answer::Choice(id)) => options.iter().any(|o| o.id == id),
            (PromptKind::Checklist(_), Answer::Checklist(items)) => {
                items.iter().any(|i| self.option_label(i).is_some())
            }
            (PromptKind::Rows(shape), Answer::Rows(rows)) => rows.iter().any(|row| {
                shape
                    .columns
                    .iter()
                    .any(|c| row.get(c.id).is_some_and(|v| !v.trim().is_empty()))
            }),
            _ => false,
        }
    }

    /// Whether `draft` answers this prompt in a way that shows on its screen (what
    /// [`Draft::is_answered`] says, without looking the prompt up again).
    pub fn answered_in(&self, draft: &Draft) -> bool {
        draft.answer(self.id).is_some_and(|a| self.shows(a))
    }

    /// `answer` made to fit this prompt, and what of it had to be set aside (its reason and
    /// text). Nothing typed is dropped: it is either in the fitted answer or set aside.
    pub fn fit(&self, answer: Answer) -> (Option<Answer>, Option<(String, String)>) {
        let kind = self.kind.name();
        let wrong = |a: &Answer| {
            (
                format!(
                    "it was a {} answer, and this question takes {kind}",
                    a.kind_name()
                ),
                self.answer_as_text(a),
            )
        };
        match (&self.kind, answer) {
            (PromptKind::ShortText | PromptKind::LongText, Answer::Text(t)) => {
                (Some(Answer::Text(t)), None)
            }
            // Words in other shapes become the text of a text question.
            (PromptKind::ShortText | PromptKind::LongText, other) => {
                let text = self.answer_as_text(&other);
                (Some(Answer::Text(text)), None)
            }
            (PromptKind::Choice(options), Answer::Choice(id)) => match find(options.iter(), &id) {
                Some(o) => (Some(Answer::Choice(o.id.to_string())), None),
                None => (
                    None,
                    Some((
                        format!(
                            "\u{201c}{id}\u{201d} is not one of this question\u{2019}s options"
                        ),
                        id,
                    )),
                ),
            },
            (PromptKind::Choice(options), Answer::Text(t)) => match find(options.iter(), &t) {
                Some(o) => (Some(Answer::Choice(o.id.to_string())), None),
                None if t.trim().is_empty() => (None, None),
                None => (None, Some(wrong(&Answer::Text(t)))),
            },
            (PromptKind::Checklist(groups), Answer::Checklist(items)) => {
                let all = || groups.iter().flat_map(|g| g.items.iter());
                let mut kept = BTreeSet::new();
                let mut unknown = Vec::new();
                for item in items {
                    match find(all(), &item) {
                        Some(o) => {
                            kept.insert(o.id.to_string());
                        }
                        None => unknown.push(item),
                    }
                }
                let aside = (!unknown.is_empty()).then(|| {
                    (
                        "these ticked items are not on this version\u{2019}s list".to_string(),
                        unknown.join("; "),
                    )
                });
                ((!kept.is_empty()).then_some(Answer::Checklist(kept)), aside)
            }
            (PromptKind::Rows(shape), Answer::Rows(rows)) => {
                let known = |column: &str| shape.columns.iter().any(|c| c.id == column);
                let mut unknown = Vec::new();
                let kept: Vec<Row> = rows
                    .into_iter()
                    .map(|mut row| {
                        row.retain(|column, value| {
                            let ok = known(column);
                            if !ok && !value.trim().is_empty() {
                                unknown.push(format!("{column}: {value}"));
                            }
                            ok
                        });
                        row
                    })
                    .collect();
                let aside = (!unknown.is_empty()).then(|| {
                    (
                        "these cells are in columns this version does not have".to_string(),
                        unknown.join("\n"),
                    )
                });
                (Some(Answer::Rows(kept)), aside)
            }
            // Text for a rows question becomes one row, in its first column.
            (PromptKind::Rows(shape), Answer::Text(t)) if !t.trim().is_empty() => {
                let first = shape.columns[0].id.to_string();
                (Some(Answer::Rows(vec![[(first, t)].into()])), None)
            }
            (_, other) if !other.is_answered() => (None, None),
            (_, other) => (None, Some(wrong(&other))),
        }
    }
}

/// The option whose id, or whose words, `value` names (case and spaces aside).
fn find<'a>(
    mut options: impl Iterator<Item = &'a ChoiceItem>,
    value: &str,
) -> Option<&'a ChoiceItem> {
    let value = value.trim();
    options.find(|o| o.id == value || o.label.eq_ignore_ascii_case(value))
}

impl Answer {
    /// A plain name for the kind of this answer.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Answer::Text(_) => "text",
            Answer::Choice(_) => "single choice",
            Answer::Checklist(_) => "checklist",
            Answer::Rows(_) => "rows",
        }
    }
}

/// `draft` with every answer fitted to the catalog, and what was set aside, in catalog order
/// (unknown prompts last).
///
/// A draft that answers a district's brief is fitted to the brief's catalog too, so the
/// district's prompts count as known. A brief that fails its checks (a hostile or broken file)
/// is dropped, and the answers to its prompts are set aside with the reason.
pub fn fit_draft(mut draft: Draft) -> (Draft, Vec<SetAside>) {
    let answers = std::mem::take(&mut draft.answers);
    let mut set_aside = Vec::new();
    let mut unknown = Vec::new();
    let broken_brief = match draft.brief.as_ref().map(crate::Brief::check) {
        Some(Err(why)) => {
            draft.brief = None;
            Some(why)
        }
        _ => None,
    };
    let catalog = Catalog::of(&draft);
    for (id, answer) in answers {
        match catalog.prompt(&id) {
            Some(prompt) => {
                let (fitted, aside) = prompt.fit(answer);
                if let Some(fitted) = fitted {
                    draft.answers.insert(id.clone(), fitted);
                }
                if let Some((why, text)) = aside {
                    set_aside.push(SetAside {
                        prompt: id,
                        label: Some(prompt.label),
                        why,
                        text,
                    });
                }
            }
            None if !answer.is_answered() => {}
            None => unknown.push(SetAside {
                why: match (&broken_brief, id.starts_with(crate::brief::PROMPT_PREFIX)) {
                    (Some(why), true) => {
                        format!("it answers the district\u{2019}s brief, which could not be read: {why}")
                    }
                    _ => "this version of Crossroads has no such question".to_string(),
                },
                text: unknown_text(&answer),
                prompt: id,
                label: None,
            }),
        }
    }
    let order = |s: &SetAside| catalog.prompts().position(|p| p.id == s.prompt);
    crate::order::sort_by_key(&mut set_aside, order);
    set_aside.extend(unknown);
    (draft, set_aside)
}

fn unknown_text(answer: &Answer) -> String {
    match answer {
        Answer::Text(t) | Answer::Choice(t) => t.clone(),
        Answer::Checklist(items) => items.iter().cloned().collect::<Vec<_>>().join("; "),
        Answer::Rows(rows) => rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join(" \u{b7} ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fitted(prompt: &str, answer: Answer) -> (Option<Answer>, Option<(String, String)>) {
        crate::Catalog::base().prompt(prompt).unwrap().fit(answer)
    }

    #[test]
    fn text_for_a_rows_question_becomes_a_row_and_shows() {
        let (answer, aside) = fitted("problems.identified", Answer::Text("Late buses".into()));
        let answer = answer.unwrap();
        assert!(aside.is_none());
        assert!(crate::Catalog::base()
            .prompt("problems.identified")
            .unwrap()
            .shows(&answer));
        assert_eq!(answer.typed_text(), ["Late buses"]);
    }

    #[test]
    fn rows_and_choices_for_a_text_question_become_text() {
        let row: Row = [("problem".to_string(), "Bells".to_string())].into();
        let (answer, aside) = fitted("problems.meaning", Answer::Rows(vec![row]));
        assert_eq!(answer, Some(Answer::Text("Bells".into())));
        assert!(aside.is_none());
    }

    #[test]
    fn a_choice_given_by_its_words_is_found_and_an_unknown_one_set_aside() {
        assert_eq!(
            fitted(
                "pathway.choice",
                Answer::Text("adapt and adopt an existing model".into())
            )
            .0,
            Some(Answer::Choice("adapt".into()))
        );
        let (answer, aside) = fitted("pathway.choice", Answer::Choice("teleport".into()));
        assert_eq!(answer, None);
        let (why, text) = aside.unwrap();
        assert!(why.contains("not one of"), "{why}");
        assert_eq!(text, "teleport");
    }

    #[test]
    fn unknown_checklist_items_and_columns_are_set_aside_and_the_rest_kept() {
        let (answer, aside) = fitted(
            "flexibility.inventory",
            Answer::Checklist(["time.schedule".to_string(), "jetpacks".to_string()].into()),
        );
        assert_eq!(
            answer,
            Some(Answer::Checklist(["time.schedule".to_string()].into()))
        );
        assert_eq!(aside.unwrap().1, "jetpacks");
        let row: Row = [
            ("problem".to_string(), "Bells".to_string()),
            ("mood".to_string(), "grim".to_string()),
        ]
        .into();
        let (answer, aside) = fitted("problems.identified", Answer::Rows(vec![row]));
        assert_eq!(answer.unwrap().typed_text(), ["Bells"]);
        assert_eq!(aside.unwrap().1, "mood: grim");
    }

    #[test]
    fn a_draft_keeps_what_fits_and_lists_the_rest_with_reasons() {
        let mut draft = Draft::new("d", "t", 0);
        draft.set_answer("problems.meaning", Answer::Text("Mastery".into()));
        draft.set_answer("future.prompt", Answer::Text("From a newer version".into()));
        draft.set_answer("pathway.choice", Answer::Checklist(["adapt".into()].into()));
        let (fitted, aside) = fit_draft(draft);
        assert_eq!(fitted.text("problems.meaning"), "Mastery");
        assert_eq!(fitted.answers.len(), 1);
        let listed: Vec<(&str, &str)> = aside
            .iter()
            .map(|s| (s.prompt.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                ("pathway.choice", "Adapt and adopt an existing model"),
                ("future.prompt", "From a newer version")
            ]
        );
        assert!(aside[1].why.contains("no such question"));
    }

    #[test]
    fn an_answer_of_the_wrong_kind_does_not_count_as_answered() {
        let mut draft = Draft::new("d", "t", 0);
        draft.set_answer("problems.identified", Answer::Text("Not rows".into()));
        draft.set_answer("nobody.knows", Answer::Text("x".into()));
        assert!(!draft.is_answered("problems.identified"));
        assert!(!draft.is_answered("nobody.knows"));
        assert_eq!(crate::Catalog::base().overall_progress(&draft).answered, 0);
    }
}
