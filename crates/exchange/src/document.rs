//! A proposal laid out for reading: what every readable format shows, in the catalog's order.
//! The HTML and Markdown renderers, and the reviewer's reading view, only decide how it looks.

use crate::Unanswered;
use crossroads_workbook::catalog::{self, Progress};
use crossroads_workbook::{Answer, Draft, Prompt, PromptKind, Readiness, SectionKind};

/// One answer, as a reader sees it.
#[derive(Debug, PartialEq)]
pub enum Block {
    /// Text, as paragraphs of lines.
    Paragraphs(Vec<Vec<String>>),
    /// The chosen option's words.
    Choice(String),
    /// Ticked items under their group headings.
    Checklist(Vec<(String, Vec<String>)>),
    /// Rows with text, under the column headings.
    Table {
        /// The column headings.
        headers: Vec<&'static str>,
        /// The rows that have any text, one cell per column.
        rows: Vec<Vec<String>>,
    },
    /// Nothing was written.
    Unanswered,
}

/// A prompt and its answer.
pub struct Item {
    /// The prompt, from the catalog.
    pub prompt: &'static Prompt,
    /// Its answer.
    pub block: Block,
}

/// A focus area of the document.
pub struct Part {
    /// The section's id, used as the part's anchor.
    pub anchor: &'static str,
    /// The numbered heading ("1. Get clear on the problems …").
    pub heading: String,
    /// Why the area matters, from the catalog.
    pub why: &'static str,
    /// Its prompts and answers.
    pub items: Vec<Item>,
}

/// The whole proposal, ready to render.
pub struct Document {
    /// The title to show.
    pub title: String,
    /// The school's name, or "".
    pub school: String,
    /// The team profile, shown on the cover.
    pub profile: Vec<Item>,
    /// The four focus areas.
    pub parts: Vec<Part>,
    /// The readiness check's findings.
    pub readiness: Readiness,
    /// Answered and total prompts.
    pub progress: Progress,
}

impl Document {
    /// Lays `draft` out for reading; unanswered prompts are marked or left out.
    pub fn new(draft: &Draft, unanswered: Unanswered) -> Self {
        let items = |prompts: &'static [Prompt]| -> Vec<Item> {
            prompts
                .iter()
                .map(|prompt| Item {
                    prompt,
                    block: block(prompt, draft.answer(prompt.id)),
                })
                .filter(|item| unanswered == Unanswered::Mark || item.block != Block::Unanswered)
                .collect()
        };
        let mut profile = Vec::new();
        let mut parts = Vec::new();
        for section in catalog::sections() {
            match section.kind {
                SectionKind::Profile => profile = items(section.prompts),
                SectionKind::Area(_) => parts.push(Part {
                    anchor: section.id,
                    heading: section.numbered_title(),
                    why: section.why,
                    items: items(section.prompts),
                }),
                SectionKind::Resources | SectionKind::Readiness => {}
            }
        }
        Document {
            title: draft.display_title().to_string(),
            school: draft.school().to_string(),
            profile,
            parts,
            readiness: Readiness::check(draft),
            progress: catalog::overall_progress(draft),
        }
    }
}

/// The lines of typed text, split at every line ending a reader knows (`\r\n`, a lone `\r`,
/// `\n`), so a carriage return can never end a line of the output in the middle of a table row.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|l| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        l.split('\r')
    })
}

/// Text split into paragraphs at blank lines, and each paragraph into lines.
fn paragraphs(text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in lines(text) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.trim_end().to_string());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn block(prompt: &'static Prompt, answer: Option<&Answer>) -> Block {
    let Some(answer) = answer.filter(|a| prompt.shows(a)) else {
        return Block::Unanswered;
    };
    match (answer, &prompt.kind) {
        (Answer::Text(text), _) => Block::Paragraphs(paragraphs(text)),
        (Answer::Choice(id), _) => Block::Choice(
            prompt
                .option_label(id)
                .map_or_else(|| id.clone(), str::to_string),
        ),
        (Answer::Checklist(ticked), PromptKind::Checklist(groups)) => {
            let mut out: Vec<(String, Vec<String>)> = groups
                .iter()
                .map(|g| {
                    let items = g.items.iter().filter(|i| ticked.contains(i.id));
                    (
                        g.label.to_string(),
                        items.map(|i| i.label.to_string()).collect(),
                    )
                })
                .filter(|(_, items): &(String, Vec<String>)| !items.is_empty())
                .collect();
            let unknown: Vec<String> = ticked
                .iter()
                .filter(|id| prompt.option_label(id).is_none())
                .cloned()
                .collect();
            if !unknown.is_empty() {
                out.push(("Other".to_string(), unknown));
            }
            Block::Checklist(out)
        }
        (Answer::Checklist(ticked), _) => Block::Checklist(vec![(
            "Ticked".to_string(),
            ticked.iter().cloned().collect(),
        )]),
        (Answer::Rows(rows), PromptKind::Rows(shape)) => Block::Table {
            headers: shape.columns.iter().map(|c| c.label).collect(),
            rows: rows
                .iter()
                .filter(|row| {
                    shape
                        .columns
                        .iter()
                        .any(|c| row.get(c.id).is_some_and(|v| !v.trim().is_empty()))
                })
                .map(|row| {
                    shape
                        .columns
                        .iter()
                        .map(|c| {
                            row.get(c.id)
                                .map(|v| v.trim().to_string())
                                .unwrap_or_default()
                        })
                        .collect()
                })
                .collect(),
        },
        (Answer::Rows(rows), _) => Block::Paragraphs(
            rows.iter()
                .flat_map(|r| r.values())
                .filter(|v| !v.trim().is_empty())
                .map(|v| vec![v.trim().to_string()])
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_splits_into_paragraphs_and_lines() {
        assert_eq!(
            paragraphs("One\ntwo  \n\n\n  \nThree"),
            vec![
                vec!["One".to_string(), "two".to_string()],
                vec!["Three".to_string()]
            ]
        );
        assert!(paragraphs("   ").is_empty());
        assert_eq!(
            paragraphs("a\rb\r\nc\n\r\nd"),
            vec![
                vec!["a".to_string(), "b".into(), "c".into()],
                vec!["d".to_string()]
            ]
        );
    }

    #[test]
    fn omitting_unanswered_leaves_only_answers() {
        let mut draft = Draft::new("d", "T", 0);
        draft.set_answer("problems.meaning", Answer::Text("Mastery".into()));
        let omit = Document::new(&draft, Unanswered::Omit);
        let listed: Vec<&str> = omit
            .parts
            .iter()
            .flat_map(|p| p.items.iter().map(|i| i.prompt.id))
            .collect();
        assert_eq!(listed, ["problems.meaning"]);
        let mark = Document::new(&draft, Unanswered::Mark);
        assert_eq!(mark.parts.len(), 4);
        assert_eq!(mark.parts[0].items.len(), 9);
        assert_eq!(mark.parts[0].items[1].block, Block::Unanswered);
    }

    #[test]
    fn choices_and_checklists_show_their_words() {
        let mut draft = Draft::new("d", "T", 0);
        draft.set_answer("pathway.choice", Answer::Choice("adapt".into()));
        draft.set_answer(
            "flexibility.inventory",
            Answer::Checklist(["time.schedule".to_string(), "mystery".to_string()].into()),
        );
        let doc = Document::new(&draft, Unanswered::Omit);
        let blocks: Vec<&Block> = doc
            .parts
            .iter()
            .flat_map(|p| p.items.iter().map(|i| &i.block))
            .collect();
        assert_eq!(
            blocks,
            [
                &Block::Checklist(vec![
                    (
                        "Time".to_string(),
                        vec!["Set our own daily schedule and block lengths".to_string()]
                    ),
                    ("Other".to_string(), vec!["mystery".to_string()]),
                ]),
                &Block::Choice("Adapt and adopt an existing model".to_string()),
            ]
        );
    }
}
