//! A team's feedback document: the panel's decision, then per stage and criterion the level
//! descriptions (or points and bands) with the mean score marked, each reviewer's score and
//! comment under a number ("Reviewer 1"), never a name, and the recommendations. Every name of
//! every reviewer is masked in what the reviewers wrote, in any case and with possessives.

use super::{head, Decided, DocOptions, Names, Outcome};
use crate::panel::files::joined;
use crossroads_panel::Panel;
use crossroads_review::blind::{proposal_code, Masker};
use crossroads_review::rubric::{Competition, Criterion, CriterionKind};
use crossroads_review::scale::{one_decimal, Exact};
use crossroads_review::sheet::{ProposalScores, Recommendation};
use crossroads_workbook::budget::format_amount as money;
use html_escape::encode_text as text;
use std::collections::BTreeSet;
use std::fmt::Write;

/// The reviewers of one proposal under their numbers, and the masker for their names.
struct Anonymous {
    /// Reviewer ids in the order of their numbers (Reviewer 1 first).
    order: Vec<String>,
    masker: Masker,
}

impl Anonymous {
    fn new(panel: &Panel, decided: &Decided, proposal: &str) -> Anonymous {
        let mut names: Vec<String> = panel.reviewers.iter().map(|r| r.name.clone()).collect();
        names.extend(panel.sheets.iter().map(|s| s.reviewer.name.clone()));
        names.extend(
            decided
                .effective
                .sheets
                .iter()
                .map(|s| s.reviewer.name.clone()),
        );
        names.sort();
        names.dedup();
        let conflicted = |reviewer: &str| {
            decided
                .conflicts
                .get(reviewer)
                .is_some_and(|m| m.contains_key(proposal))
        };
        let mut order: Vec<String> = decided
            .effective
            .sheets
            .iter()
            .filter(|s| !s.conflicts.contains_key(proposal) && !conflicted(&s.reviewer.id))
            .filter(|s| s.stages.values().any(|m| m.contains_key(proposal)))
            .map(|s| s.reviewer.id.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        // Numbered in an order of their own for each proposal, so "Reviewer 1" is not the
        // same person on every team's feedback.
        order.sort_by_key(|r| proposal_code(&format!("{proposal}/{r}")));
        Anonymous {
            order,
            masker: Masker::new("", &names, &[]),
        }
    }

    /// "Reviewer 2", or none for a reviewer who does not count for this proposal.
    fn number(&self, reviewer: &str) -> Option<String> {
        self.order
            .iter()
            .position(|r| r == reviewer)
            .map(|i| format!("Reviewer {}", i + 1))
    }

    /// What a reviewer wrote, with every reviewer's name masked.
    fn words(&self, written: &str) -> String {
        self.masker.mask(written.trim())
    }
}

/// One team's feedback as a printable HTML document (A4 or US Letter), or none when the panel
/// has no such proposal. Scores are as they count after the discussion. `options.blind` names
/// the proposal by its code only. Everything typed is escaped and every reviewer's name masked.
pub fn feedback_document(
    competition: &Competition,
    panel: &Panel,
    decided: &Decided,
    proposal: &str,
    options: &DocOptions,
) -> Option<String> {
    let p = panel.proposals.iter().find(|p| p.id == proposal)?;
    let names = Names::new(panel, options);
    let anonymous = Anonymous::new(panel, decided, proposal);
    let brief = &competition.brief;
    let mut out = String::with_capacity(32 * 1024);
    let code = proposal_code(proposal);
    let shown = match names.title(proposal) {
        "" => code.clone(),
        title => title.to_string(),
    };
    head(
        &mut out,
        &format!("{} \u{2013} feedback on {shown}", brief.title),
    );
    out.push_str("<header>\n<p class=\"kicker\">Feedback from the review panel</p>\n");
    let _ = writeln!(out, "<h1>{}</h1>", text(&shown));
    out.push_str("<dl class=\"facts\">\n");
    let mut fact = |label: &str, value: &str| {
        if !value.trim().is_empty() {
            let _ = writeln!(
                out,
                "<div class=\"fact\"><dt>{}</dt><dd>{}</dd></div>",
                text(label),
                text(value)
            );
        }
    };
    fact("Competition", &brief.title);
    fact("District", &brief.district);
    fact("School", names.school(proposal));
    fact("Proposal code", &code);
    fact(
        "Amount requested",
        &p.requested_cents.map(money).unwrap_or_default(),
    );
    out.push_str("</dl>\n</header>\n<main>\n");

    out.push_str("<section>\n<h2>The panel\u{2019}s decision</h2>\n<div class=\"decision\">\n");
    decision(&mut out, decided.outcomes.get(proposal), &anonymous);
    out.push_str("</div>\n<p>Each criterion below shows what the district looks for at each level, the reviewers\u{2019} mean score, and what each reviewer gave and wrote. Reviewers are numbered, not named. Scores are on the criterion\u{2019}s own scale; the stage\u{2019}s total is on a scale from 0 to 100.</p>\n</section>\n");

    for (number, figures) in decided.stages.iter().enumerate() {
        if !figures.proposals.iter().any(|x| x == proposal) {
            continue;
        }
        let Some(stage) = competition.stage(&figures.stage) else {
            continue;
        };
        let result = figures.result.proposals.get(proposal);
        let _ = writeln!(
            out,
            "<section class=\"stage\">\n<h2>Stage {}: {}</h2>",
            number + 1,
            text(&stage.name)
        );
        match result.and_then(|r| r.total) {
            Some(t) => {
                let _ = writeln!(
                    out,
                    "<p>Mean total: <strong>{}</strong> on the scale from 0 to 100, from {}.</p>",
                    one_decimal(&t),
                    match result.map_or(0, |r| r.totals.len()) {
                        1 => "1 reviewer".to_string(),
                        n => format!("{n} reviewers"),
                    }
                );
            }
            None => out.push_str("<p>This stage has no mean total for the proposal.</p>\n"),
        }
        let scores: Vec<(String, &ProposalScores)> = anonymous
            .order
            .iter()
            .filter_map(|r| {
                let sheet = decided
                    .effective
                    .sheets
                    .iter()
                    .find(|s| &s.reviewer.id == r)?;
                Some((r.clone(), sheet.scores(&stage.id, proposal)?))
            })
            .collect();
        for c in stage.rubric.criteria.iter().filter(|c| !c.is_requirement()) {
            let mean = result
                .and_then(|r| r.criteria.iter().find(|s| s.criterion == c.id))
                .and_then(|s| s.mean_units);
            criterion(
                &mut out, decided, &stage.id, proposal, c, mean, &scores, &anonymous,
            );
        }
        let requirements: Vec<&Criterion> = stage
            .rubric
            .criteria
            .iter()
            .filter(|c| c.is_requirement())
            .collect();
        if !requirements.is_empty() {
            out.push_str("<h3>Requirements</h3>\n<ul class=\"comments\">\n");
            for c in requirements {
                let given: Vec<(String, u32, String)> = scores
                    .iter()
                    .filter_map(|(r, s)| {
                        let score = s.criteria.get(&c.id)?;
                        Some((r.clone(), score.value?, score.comment.clone()))
                    })
                    .collect();
                let met = given.iter().filter(|(_, v, _)| *v == 1).count();
                let _ = write!(
                    out,
                    "<li><strong>{}</strong>: met in the view of {met} of {} reviewers",
                    text(&c.name),
                    given.len()
                );
                for (r, v, why) in &given {
                    if *v == 0 {
                        let _ = write!(
                            out,
                            "; {} found it not met{}",
                            text(&anonymous.number(r).unwrap_or_default()),
                            match anonymous.words(why).as_str() {
                                "" => String::new(),
                                w => format!(": {}", text(w)),
                            }
                        );
                    }
                }
                out.push_str(".</li>\n");
            }
            out.push_str("</ul>\n");
        }
        recommendations(&mut out, &scores, &anonymous);
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer><p>Prepared by the review panel with Crossroads on {}.</p></footer>",
        text(&options.exported_on)
    );
    out.push_str("</body>\n</html>\n");
    Some(out)
}

fn decision(out: &mut String, outcome: Option<&Outcome>, anonymous: &Anonymous) {
    let words = match outcome {
        None => "Not decided yet.".to_string(),
        Some(Outcome::Funded { cents }) => format!("Funded at {}.", money(*cents)),
        Some(Outcome::Reduced { cents, requested }) => match requested {
            Some(r) => format!(
                "Funded with changes at a reduced amount: {} (the proposal requested {}).",
                money(*cents),
                money(*r)
            ),
            None => format!(
                "Funded with changes at a reduced amount: {}.",
                money(*cents)
            ),
        },
        Some(Outcome::Skipped | Outcome::NotFunded) => "Not funded.".to_string(),
        Some(Outcome::NotAdvanced { stage }) => {
            format!("Not funded: the proposal did not go on from \u{201c}{stage}\u{201d}.")
        }
        Some(Outcome::Failed { stage, failed }) => {
            let mut numbered: Vec<(usize, &String)> = failed
                .reviewers
                .iter()
                .filter_map(|(r, why)| Some((anonymous.order.iter().position(|x| x == r)?, why)))
                .collect();
            numbered.sort_by_key(|(n, _)| *n);
            let reasons: Vec<String> = numbered
                .into_iter()
                .map(|(n, why)| match anonymous.words(why).as_str() {
                    "" => format!("Reviewer {}", n + 1),
                    w => format!("Reviewer {}: {w}", n + 1),
                })
                .collect();
            let mut words = format!(
                "Not ranked, because a requirement was not met: \u{201c}{}\u{201d} at \u{201c}{stage}\u{201d}.",
                failed.requirement
            );
            if !reasons.is_empty() {
                let _ = write!(words, " The reasons given: {}.", reasons.join("; "));
            }
            words
        }
        Some(Outcome::Incomplete { why, .. }) => format!("Not ranked yet: {why}."),
        Some(Outcome::Pending { why }) => format!("Not decided yet: {why}."),
    };
    let _ = writeln!(out, "<p><strong>{}</strong></p>", text(&words));
}

#[allow(clippy::too_many_arguments)]
fn criterion(
    out: &mut String,
    decided: &Decided,
    stage: &str,
    proposal: &str,
    c: &Criterion,
    mean: Option<Exact>,
    scores: &[(String, &ProposalScores)],
    anonymous: &Anonymous,
) {
    let given: Vec<(&String, u32, &str)> = scores
        .iter()
        .filter_map(|(r, s)| {
            let score = s.criteria.get(&c.id)?;
            Some((r, score.value?, score.comment.as_str()))
        })
        .collect();
    let nearest = mean.map(|m| m.round().to_integer().max(0) as u32);
    out.push_str("<div class=\"criterion\">\n");
    let _ = writeln!(out, "<h3>{}</h3>", text(&c.name));
    if !c.looks_for.trim().is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", text(c.looks_for.trim()));
    }
    let count = |from: u32, to: u32| {
        given
            .iter()
            .filter(|(_, v, _)| (from..=to).contains(v))
            .count()
    };
    match &c.kind {
        CriterionKind::Levels { first, levels } => {
            let _ = writeln!(
                out,
                "<p>Mean score: <strong>{}</strong> (levels {first} to {}).</p>",
                mean.map(|m| one_decimal(&m))
                    .unwrap_or_else(|| "none yet".into()),
                first + (levels.len() as u32).saturating_sub(1)
            );
            let _ = writeln!(
                out,
                "<table>\n<caption>{}: the levels, the level nearest the mean marked</caption>\n<thead><tr><th scope=\"col\">Level</th><th scope=\"col\">What it looks like</th><th scope=\"col\">Reviewers who gave it</th></tr></thead>\n<tbody>",
                text(&c.name)
            );
            for (i, level) in levels.iter().enumerate() {
                let value = first + i as u32;
                let marked = nearest == Some(value);
                let _ = writeln!(
                    out,
                    "<tr{}><th scope=\"row\">{value} \u{b7} {}{}</th><td>{}</td><td class=\"n\">{}</td></tr>",
                    if marked { " class=\"mark\"" } else { "" },
                    text(&level.label),
                    if marked { " (nearest the mean)" } else { "" },
                    text(&level.description),
                    count(value, value)
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        CriterionKind::Points { max, bands } => {
            let _ = writeln!(
                out,
                "<p>Mean score: <strong>{}</strong> of {max} points.</p>",
                mean.map(|m| one_decimal(&m))
                    .unwrap_or_else(|| "none yet".into())
            );
            if !bands.is_empty() {
                let _ = writeln!(
                    out,
                    "<table>\n<caption>{}: the bands of points, the band of the mean marked</caption>\n<thead><tr><th scope=\"col\">Points</th><th scope=\"col\">Band</th><th scope=\"col\">What it looks like</th><th scope=\"col\">Reviewers who gave it</th></tr></thead>\n<tbody>",
                    text(&c.name)
                );
                for b in bands {
                    let marked = nearest.is_some_and(|n| b.from <= n && n <= b.to);
                    let _ = writeln!(
                        out,
                        "<tr{}><th scope=\"row\">{}\u{2013}{}{}</th><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                        if marked { " class=\"mark\"" } else { "" },
                        b.from,
                        b.to,
                        if marked { " (the mean\u{2019}s band)" } else { "" },
                        text(&b.label),
                        text(&b.description),
                        count(b.from, b.to)
                    );
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
        CriterionKind::Requirement => {}
    }
    if !given.is_empty() {
        let _ = writeln!(
            out,
            "<h4>What the reviewers gave and wrote on \u{201c}{}\u{201d}</h4>\n<ul class=\"comments\">",
            text(&c.name)
        );
        for (r, value, comment) in &given {
            let who = anonymous.number(r).unwrap_or_default();
            let label = c
                .kind
                .label_of(*value)
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            let changed = decided
                .effective
                .changed
                .iter()
                .find(|x| {
                    x.stage == stage
                        && x.proposal == proposal
                        && &x.reviewer == *r
                        && x.criterion == c.id
                })
                .map(|x| match x.original {
                    Some(o) => format!(", changed by the panel in discussion from {o}"),
                    None => ", given by the panel in discussion".to_string(),
                })
                .unwrap_or_default();
            let _ = write!(
                out,
                "<li><strong>{}</strong> gave {value}{}{}",
                text(&who),
                text(&label),
                text(&changed)
            );
            match anonymous.words(comment).as_str() {
                "" => out.push_str(".</li>\n"),
                w => {
                    let _ = writeln!(out, ": {}</li>", text(w));
                }
            }
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n");
}

fn recommendations(out: &mut String, scores: &[(String, &ProposalScores)], anonymous: &Anonymous) {
    if scores.iter().all(|(_, s)| s.recommendation.is_none()) {
        return;
    }
    out.push_str("<h3>The reviewers\u{2019} recommendations</h3>\n<ul class=\"comments\">\n");
    for r in Recommendation::ALL {
        let n = scores
            .iter()
            .filter(|(_, s)| s.recommendation == Some(r))
            .count();
        let _ = writeln!(
            out,
            "<li>{}: {}</li>",
            text(r.label()),
            match n {
                1 => "1 reviewer".to_string(),
                n => format!("{n} reviewers"),
            }
        );
    }
    out.push_str("</ul>\n");
    let reasons: Vec<(String, String)> = scores
        .iter()
        .filter_map(|(r, s)| {
            let why = anonymous.words(&s.recommendation_reason);
            (!why.is_empty()).then(|| (anonymous.number(r).unwrap_or_default(), why))
        })
        .collect();
    if !reasons.is_empty() {
        out.push_str("<ul class=\"comments\">\n");
        for (who, why) in reasons {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>: {}</li>",
                text(&who),
                text(&why)
            );
        }
        out.push_str("</ul>\n");
    }
}

/// `feedback-lincoln-elementary-2027-05-01.html`, or `feedback-p-7kqm-2xpa-2027-05-01.html`
/// when blind or the school is not known; never a reviewer's name.
pub fn feedback_file_name(panel: &Panel, proposal: &str, blind: bool, date: &str) -> String {
    let school = panel
        .proposals
        .iter()
        .find(|p| p.id == proposal)
        .map_or("", |p| p.school.as_str());
    let school = crate::names::slug(school);
    let who = match blind || school.is_empty() {
        true => proposal_code(proposal),
        false => school,
    };
    joined(&["feedback", &who, date], "html")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panel::tests::{competition, decided_panel, options, panel, NAMES};

    fn document(proposal: &str, blind: bool) -> String {
        let c = competition();
        let p = decided_panel();
        let d = Decided::compute(&c, &p);
        feedback_document(&c, &p, &d, proposal, &options(blind)).unwrap()
    }

    #[test]
    fn no_reviewer_name_survives_in_a_teams_feedback() {
        let html = document("p1", false);
        let lower = html.to_lowercase();
        let words: BTreeSet<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for name in NAMES {
            let name = name.to_lowercase();
            assert!(!lower.contains(&name), "{name} is in the feedback:\n{html}");
            for part in name.split(' ') {
                assert!(!words.contains(part), "{part} is in the feedback:\n{html}");
            }
        }
        // The comments themselves are there, names masked, possessives kept.
        assert!(
            html.contains("[name]'s view: strong. I agree with [name] and [name]'s note."),
            "{html}"
        );
        assert!(
            html.contains("Unlike [name], I found the budget thin; [name]\u{2019}s point stands.")
        );
        assert!(html.contains("Fund it, says [name]; ask [name]\u{2019}s opinion."));
        for n in 1..=3 {
            assert!(html.contains(&format!("<strong>Reviewer {n}</strong> gave")));
        }
        assert!(!html.contains("Reviewer 4"));
    }

    #[test]
    fn the_feedback_shows_the_teams_scores_beside_the_level_descriptions() {
        let html = document("p1", false);
        let c = competition();
        for level in match &c.stages[0].rubric.criteria[0].kind {
            CriterionKind::Levels { levels, .. } => levels.clone(),
            _ => unreachable!(),
        } {
            assert!(
                html.contains(&*text(&level.description)),
                "{}",
                level.description
            );
        }
        for words in [
            "<h1>Learning studios</h1>",
            "Lincoln Elementary",
            "Springfield Design Challenge",
            "Funded at $100,000.",
            "Mean score: <strong>4.0</strong> (levels 1 to 4).",
            "<tr class=\"mark\"><th scope=\"row\">4 \u{b7} Exemplary (nearest the mean)</th>",
            "Mean score: <strong>23.0</strong> of 25 points.",
            "20\u{2013}25 (the mean\u{2019}s band)",
            "Principal signed</strong>: met in the view of 3 of 3 reviewers",
            "Fund: 3 reviewers",
            "Pitch note p1",
            "=SUM(A1)",
        ] {
            assert!(html.contains(words), "{words}\n{html}");
        }
        assert!(!html.contains("Flex days"), "another team's title");
        assert!(!html.contains("<script"));
    }

    #[test]
    fn each_decision_is_said_plainly() {
        let reduced = document("p2", false);
        assert!(reduced.contains(
            "Funded with changes at a reduced amount: $90,000 (the proposal requested $150,000)."
        ));
        let failed = document("p4", false);
        assert!(
            failed.contains("Not ranked, because a requirement was not met: \u{201c}Principal signed\u{201d} at \u{201c}Pitch\u{201d}."),
            "{failed}"
        );
        assert!(failed.contains("The reasons given: Reviewer 1: No signature; Ms. [name] checked twice; Reviewer 2: No signature;"));
        assert!(!failed.to_lowercase().contains("okafor"));
        assert!(failed.contains("changed by the panel in discussion from 1"));
        let not_advanced = document("p5", true);
        assert!(not_advanced.contains(
            "Not funded: the proposal did not go on from \u{201c}Written proposal\u{201d}."
        ));
        assert!(!not_advanced.contains("Riverside") && !not_advanced.contains("Reading"));
        assert!(
            not_advanced.contains("Reviewer 2") && !not_advanced.contains("Reviewer 3"),
            "a conflicted reviewer is left out"
        );
        let c = competition();
        let p = panel();
        let d = Decided::compute(&c, &p);
        let tied = feedback_document(&c, &p, &d, "p3", &options(false)).unwrap();
        assert!(tied.contains("Not decided yet: it is tied at the funding line"));
        assert_eq!(feedback_document(&c, &p, &d, "p9", &options(false)), None);
    }

    #[test]
    fn feedback_file_names_carry_no_reviewer_name() {
        let p = panel();
        assert_eq!(
            feedback_file_name(&p, "p2", false, "2027-05-01"),
            "feedback-jose-marti-middle-2027-05-01.html"
        );
        let code = proposal_code("p2").to_lowercase();
        assert_eq!(
            feedback_file_name(&p, "p2", true, "2027-05-01"),
            format!("feedback-{code}-2027-05-01.html")
        );
    }
}
