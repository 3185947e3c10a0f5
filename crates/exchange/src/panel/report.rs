//! The panel report: one printable, self-contained HTML document with the competition and how
//! its scores combine, each stage's ranking (raw and standardised side by side), the proposals
//! not ranked and why, the disagreement flags, how firm the order is, the changes made in
//! discussion, the shortlists, the funding line and the decisions.

use super::{
    flags, head, listing, place_words, range_words, two_decimals, Decided, DocOptions, Names,
    Outcome, StageFigures,
};
use crate::brief::combine_words;
use crossroads_panel::combine::DEFAULT_DISAGREEMENT_PERCENT;
use crossroads_panel::funding::{Stop, StopReason};
use crossroads_panel::Panel;
use crossroads_review::rubric::{Combine, Competition};
use crossroads_review::scale::one_decimal;
use crossroads_workbook::budget::format_amount as money;
use html_escape::encode_text as text;
use std::fmt::Write;

/// The panel report as one printable HTML document (A4 or US Letter). `options.blind` shows
/// proposals by their codes only. Everything typed is escaped; the document runs no script.
pub fn panel_report(
    competition: &Competition,
    panel: &Panel,
    decided: &Decided,
    options: &DocOptions,
) -> String {
    let names = Names::new(panel, options);
    let brief = &competition.brief;
    let mut out = String::with_capacity(64 * 1024);
    head(&mut out, &format!("{} \u{2013} panel report", brief.title));
    out.push_str("<header>\n<p class=\"kicker\">Panel report</p>\n");
    let _ = writeln!(out, "<h1>{}</h1>", text(&brief.title));
    if !brief.district.trim().is_empty() {
        let _ = writeln!(out, "<p class=\"district\">{}</p>", text(&brief.district));
    }
    out.push_str("<dl class=\"facts\">\n");
    let order = match (&competition.combine, decided.order_standardised) {
        (Combine::Blend(_), _) => "The blend of the stages\u{2019} raw mean totals",
        (_, true) => "Standardised scores",
        (_, false) => "Raw mean totals",
    };
    let facts = [
        ("Brief version", panel.version.to_string()),
        ("Reviewers", panel.reviewers.len().to_string()),
        ("Proposals", panel.proposals.len().to_string()),
        ("Reviewers per proposal", panel.per_proposal.to_string()),
        ("Final order by", order.to_string()),
        (
            "Proposals shown",
            match options.blind {
                true => "By blind-review code only".to_string(),
                false => "By code, title and school".to_string(),
            },
        ),
    ];
    for (label, value) in facts {
        let _ = writeln!(
            out,
            "<div class=\"fact\"><dt>{}</dt><dd>{}</dd></div>",
            text(label),
            text(&value)
        );
    }
    out.push_str("</dl>\n</header>\n<main>\n");

    how_scores_combine(&mut out, competition, decided, &names);
    for (i, figures) in decided.stages.iter().enumerate() {
        stage(&mut out, competition, i + 1, figures, &names);
    }
    changes(&mut out, competition, decided, &names);
    shortlists(&mut out, competition, decided, &names);
    funding(&mut out, competition, panel, decided, &names);
    decisions(&mut out, panel, decided, &names);
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer><p>Prepared with Crossroads on {}.</p></footer>",
        text(&options.exported_on)
    );
    out.push_str("</body>\n</html>\n");
    out
}

fn how_scores_combine(
    out: &mut String,
    competition: &Competition,
    decided: &Decided,
    names: &Names,
) {
    out.push_str("<section>\n<h2>The competition and how scores combine</h2>\n<ol>\n");
    for stage in &competition.stages {
        let _ = write!(out, "<li><strong>{}</strong>", text(&stage.name));
        if !stage.description.trim().is_empty() {
            let _ = write!(out, ": {}", text(stage.description.trim()));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    let _ = writeln!(out, "<p>{}</p>", text(&combine_words(competition)));
    out.push_str("<p>Every criterion is read on one scale from 0 to 100. A reviewer\u{2019}s total is the weighted mean of the criteria, plus any bonus points up to their cap; a proposal\u{2019}s mean total is the mean of the complete totals of the reviewers without a conflict of interest. A proposal that fails a requirement is not ranked at that stage. Equal means share a place and are shown as tied.</p>\n");
    let percent = competition
        .disagreement_percent
        .unwrap_or(DEFAULT_DISAGREEMENT_PERCENT);
    let _ = writeln!(
        out,
        "<p>The reviewers disagree widely on a criterion when their levels are two or more apart, or their points are apart by at least {percent}% of the criterion\u{2019}s maximum.{}</p>",
        match competition.disagreement_percent {
            Some(p) => format!(" Their totals are flagged when more than {p} points apart."),
            None => String::new(),
        }
    );
    out.push_str("<p>Standardised scores put each reviewer\u{2019}s scores on a common footing (how far above or below that reviewer\u{2019}s own average, in that reviewer\u{2019}s own spread), so a generous reviewer and a severe one count alike. They are shown beside the raw order. The rank range shows the best and worst place a proposal takes when any one reviewer is left out.</p>\n");
    let mut notes: Vec<String> = Vec::new();
    for r in &decided.prepared.refused {
        notes.push(format!("Not counted: {}", r.reason));
    }
    for d in &decided.prepared.duplicates {
        notes.push(format!(
            "{} sent more than one file; the newest is counted{}",
            names.reviewer(&d.reviewer),
            if d.same { " (the same scores)" } else { "" }
        ));
    }
    notes.extend(decided.prepared.notes.iter().cloned());
    notes.extend(decided.effective.problems.iter().cloned());
    if !notes.is_empty() {
        out.push_str("<h3>Notes on the reviewers\u{2019} files</h3>\n<ul>\n");
        for n in notes {
            let _ = writeln!(out, "<li>{}</li>", text(&n));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn stage(
    out: &mut String,
    competition: &Competition,
    number: usize,
    figures: &StageFigures,
    names: &Names,
) {
    let Some(stage) = competition.stage(&figures.stage) else {
        return;
    };
    let name = &stage.name;
    let _ = writeln!(
        out,
        "<section class=\"stage\">\n<h2>Stage {number}: {}</h2>",
        text(name)
    );
    if !figures.reached {
        out.push_str("<p>No proposal has reached this stage yet: the panel has not chosen the shortlist of the stage before.</p>\n</section>\n");
        return;
    }
    let result = &figures.result;
    let z = &figures.standardised;
    out.push_str("<h3>Ranking</h3>\n");
    if result.ranked.is_empty() {
        out.push_str("<p>No proposal is ranked at this stage yet.</p>\n");
    } else {
        let _ = writeln!(
            out,
            "<table>\n<caption>Ranking at \u{201c}{}\u{201d}: by raw mean and by standardised score, side by side</caption>",
            text(name)
        );
        out.push_str("<thead><tr><th scope=\"col\">Place</th><th scope=\"col\">By raw mean</th><th scope=\"col\">Mean total</th><th scope=\"col\">Place</th><th scope=\"col\">By standardised score</th><th scope=\"col\">Standardised</th></tr></thead>\n<tbody>\n");
        for i in 0..result.ranked.len().max(z.ranked.len()) {
            out.push_str("<tr>");
            match result.ranked.get(i) {
                Some(p) => {
                    let figures = result.proposals.get(&p.id);
                    let mean = figures
                        .and_then(|r| r.total)
                        .map(|t| one_decimal(&t))
                        .unwrap_or_default();
                    let conflicts = match figures.map_or(0, |r| r.conflicted.len()) {
                        0 => String::new(),
                        1 => " (1 reviewer left out: conflict of interest)".to_string(),
                        n => format!(" ({n} reviewers left out: conflict of interest)"),
                    };
                    let _ = write!(
                        out,
                        "<td class=\"n\">{}</td><td>{}{}</td><td class=\"n\">{}</td>",
                        text(&place_words(p)),
                        text(&names.proposal(&p.id)),
                        conflicts,
                        mean
                    );
                }
                None => out.push_str("<td></td><td></td><td></td>"),
            }
            match z.ranked.get(i) {
                Some(p) => {
                    let score = z
                        .proposals
                        .get(&p.id)
                        .and_then(|r| r.total)
                        .map(two_decimals)
                        .unwrap_or_default();
                    let _ = write!(
                        out,
                        "<td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td>",
                        text(&place_words(p)),
                        text(&names.proposal(&p.id)),
                        score
                    );
                }
                None => out.push_str("<td></td><td></td><td></td>"),
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        if z.ranked.len() < result.ranked.len() {
            out.push_str("<p class=\"meta\">Some proposals have no standardised score: a reviewer needs at least three scores that differ on a criterion.</p>\n");
        }
    }

    if !result.incomplete.is_empty() || !result.failed.is_empty() {
        out.push_str("<h3>Not ranked</h3>\n<ul>\n");
        for f in &result.failed {
            let _ = write!(
                out,
                "<li><strong>{}</strong>: the requirement \u{201c}{}\u{201d} was not met",
                text(&names.proposal(&f.proposal)),
                text(&f.requirement)
            );
            let reasons: Vec<String> = f
                .reviewers
                .iter()
                .map(|(r, why)| match why.trim().is_empty() {
                    true => names.reviewer(r),
                    false => format!("{}: {}", names.reviewer(r), why.trim()),
                })
                .collect();
            if !reasons.is_empty() {
                let _ = write!(out, " ({})", text(&reasons.join("; ")));
            }
            out.push_str(".</li>\n");
        }
        for (id, why) in &result.incomplete {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>: {}.</li>",
                text(&names.proposal(id)),
                text(why)
            );
        }
        out.push_str("</ul>\n");
    }

    let conflicted: Vec<(&String, &(String, String))> = result
        .proposals
        .iter()
        .flat_map(|(id, p)| p.conflicted.iter().map(move |c| (id, c)))
        .collect();
    if !conflicted.is_empty() {
        out.push_str("<h3>Conflicts of interest</h3>\n<p>These reviewers\u{2019} scores are left out of the proposals named.</p>\n<ul>\n");
        for (id, (reviewer, why)) in conflicted {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>: {} ({})</li>",
                text(&names.proposal(id)),
                text(&names.reviewer(reviewer)),
                text(why)
            );
        }
        out.push_str("</ul>\n");
    }

    out.push_str("<h3>Disagreement flags</h3>\n");
    let flagged: Vec<(&String, Vec<String>)> = figures
        .proposals
        .iter()
        .filter_map(|id| {
            let f: Vec<String> = flags(competition, figures, id)
                .into_iter()
                .filter(|f| f.starts_with("Wide") || f.starts_with("Reviewers"))
                .collect();
            (!f.is_empty()).then_some((id, f))
        })
        .collect();
    if flagged.is_empty() {
        out.push_str(
            "<p>The reviewers do not disagree widely on any proposal at this stage.</p>\n",
        );
    } else {
        let _ = writeln!(
            out,
            "<table>\n<caption>Wide disagreements at \u{201c}{}\u{201d}</caption>\n<thead><tr><th scope=\"col\">Proposal</th><th scope=\"col\">Flag</th><th scope=\"col\">Spread of totals</th></tr></thead>\n<tbody>",
            text(name)
        );
        for (id, f) in flagged {
            let spread = result
                .proposals
                .get(id)
                .and_then(|p| p.total_spread)
                .map(|s| one_decimal(&s))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"n\">{}</td></tr>",
                text(&names.proposal(id)),
                text(&f.join("; ")),
                spread
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    if !figures.ranges.is_empty() {
        let _ = writeln!(
            out,
            "<h3>How firm the order is</h3>\n<table>\n<caption>Places at \u{201c}{}\u{201d} with any one reviewer left out</caption>\n<thead><tr><th scope=\"col\">Proposal</th><th scope=\"col\">Place</th><th scope=\"col\">Range</th><th scope=\"col\">Note</th></tr></thead>\n<tbody>",
            text(name)
        );
        for r in &figures.ranges {
            let note = match r.unranked_without.is_empty() {
                true => String::new(),
                false => format!(
                    "Without {} it has no total",
                    r.unranked_without
                        .iter()
                        .map(|x| names.reviewer(x))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            };
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                text(&names.proposal(&r.proposal)),
                r.place,
                range_words(r),
                text(&note)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

fn changes(out: &mut String, competition: &Competition, decided: &Decided, names: &Names) {
    out.push_str("<section>\n<h2>Changes made in discussion</h2>\n");
    if decided.effective.changed.is_empty() {
        out.push_str("<p>The panel changed no score in discussion.</p>\n</section>\n");
        return;
    }
    out.push_str("<p>Each reviewer\u{2019}s original score is kept beside the one that counts now.</p>\n<table>\n<caption>Scores changed in discussion</caption>\n<thead><tr><th scope=\"col\">Proposal</th><th scope=\"col\">Stage and criterion</th><th scope=\"col\">Reviewer</th><th scope=\"col\">Original</th><th scope=\"col\">Now</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
    for c in &decided.effective.changed {
        let stage = competition.stage(&c.stage);
        let criterion = stage
            .and_then(|s| s.rubric.criterion(&c.criterion))
            .map_or(c.criterion.as_str(), |x| x.name.as_str());
        let stage = stage.map_or(c.stage.as_str(), |s| s.name.as_str());
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}: {}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            text(&names.proposal(&c.proposal)),
            text(stage),
            text(criterion),
            text(&names.reviewer(&c.reviewer)),
            c.original.map_or("none".to_string(), |v| v.to_string()),
            c.now,
            text(&c.reason)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn shortlists(out: &mut String, competition: &Competition, decided: &Decided, names: &Names) {
    if competition.stages.len() < 2 {
        return;
    }
    out.push_str("<section>\n<h2>Stages and shortlist</h2>\n");
    for (figures, next) in decided.stages.iter().zip(competition.stages.iter().skip(1)) {
        let from = competition
            .stage(&figures.stage)
            .map_or(figures.stage.as_str(), |s| s.name.as_str());
        let _ = writeln!(
            out,
            "<h3>From \u{201c}{}\u{201d} to \u{201c}{}\u{201d}</h3>",
            text(from),
            text(&next.name)
        );
        match &figures.shortlist {
            None => out.push_str("<p>The panel has not chosen the shortlist yet.</p>\n"),
            Some(list) if list.is_empty() => out.push_str("<p>No proposal goes on.</p>\n"),
            Some(list) => {
                let _ = writeln!(
                    out,
                    "<p>{} going on:</p>\n<ol>",
                    match list.len() {
                        1 => "1 proposal".to_string(),
                        n => format!("{n} proposals"),
                    }
                );
                for id in list {
                    let _ = writeln!(out, "<li>{}</li>", text(&names.proposal(id)));
                }
                out.push_str("</ol>\n");
            }
        }
    }
    if let (Combine::Blend(_), Some(blended)) = (&competition.combine, &decided.blended) {
        out.push_str("<h3>The blend of the stages</h3>\n<table>\n<caption>Final totals, blended as the brief says</caption>\n<thead><tr><th scope=\"col\">Proposal</th>");
        for s in &competition.stages {
            let _ = write!(out, "<th scope=\"col\">{}</th>", text(&s.name));
        }
        out.push_str("<th scope=\"col\">Final total</th><th scope=\"col\">Place</th></tr></thead>\n<tbody>\n");
        for (id, row) in &blended.rows {
            let _ = write!(
                out,
                "<tr><th scope=\"row\">{}</th>",
                text(&names.proposal(id))
            );
            for (_, t) in &row.stages {
                let _ = write!(
                    out,
                    "<td class=\"n\">{}</td>",
                    t.map(|t| one_decimal(&t)).unwrap_or_default()
                );
            }
            let place = blended
                .ranked
                .iter()
                .find(|p| &p.id == id)
                .map(place_words)
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                row.final_total.map(|t| one_decimal(&t)).unwrap_or_default(),
                text(&place)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

/// Where and why the line stops, naming proposals as the document does.
fn stop_words(stop: &Stop, unlimited: bool, names: &Names) -> String {
    let who = stop
        .at
        .iter()
        .map(|id| names.proposal(id))
        .collect::<Vec<_>>()
        .join(", ");
    match stop.why {
        StopReason::DoesNotFit => format!(
            "The line stops at {who}: it requests {} and {} is left, {} short. The panel decides: pass over it, fund it with changes at a reduced amount, or stop here.",
            money(stop.request_cents), money(stop.left_cents), money(stop.gap_cents)
        ),
        StopReason::Tie if unlimited => format!(
            "{who} are tied at the line and there are not awards enough for all of them. The tie is left for the panel to settle."
        ),
        StopReason::Tie => format!(
            "{who} are tied at the line and cannot all be funded: together they request {} and {} is left. The tie is left for the panel to settle.",
            money(stop.request_cents), money(stop.left_cents)
        ),
        StopReason::AwardsUsed => format!("Every award the brief offers is made; the line stops before {who}."),
        StopReason::PanelStopped => format!("The panel stopped the line at {who}."),
        StopReason::NoAmount => format!("The line waits at {who}, which has no requested amount."),
    }
}

fn funding(
    out: &mut String,
    competition: &Competition,
    panel: &Panel,
    decided: &Decided,
    names: &Names,
) {
    out.push_str("<section>\n<h2>The funding line</h2>\n");
    let award = &competition.brief.award;
    let Some(line) = &decided.funding else {
        out.push_str("<p>The brief sets neither a fund nor a number of awards, so there is no funding line.</p>\n</section>\n");
        return;
    };
    let mut terms = Vec::new();
    if let Some(c) = award.fund_cents {
        terms.push(format!("a fund of {}", money(c)));
    }
    if let Some(n) = award.awards {
        terms.push(match n {
            1 => "1 award".to_string(),
            n => format!("{n} awards"),
        });
    }
    let _ = writeln!(
        out,
        "<p>Proposals are funded in the final order, within {}, until the next request no longer fits.</p>",
        text(&terms.join(" and "))
    );
    if decided.order.is_empty() {
        out.push_str("<p>No proposal has a final place yet.</p>\n</section>\n");
        return;
    }
    out.push_str("<table>\n<caption>The funding line, in the final order</caption>\n<thead><tr><th scope=\"col\">Place</th><th scope=\"col\">Proposal</th><th scope=\"col\">Requested</th><th scope=\"col\">Awarded</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>\n");
    for p in &decided.order {
        let requested = panel
            .proposals
            .iter()
            .find(|x| x.id == p.id)
            .and_then(|x| x.requested_cents);
        let funded = line.funded.iter().find(|f| f.id == p.id);
        let at_line = line.stop.as_ref().is_some_and(|s| s.at.contains(&p.id));
        let where_ = match funded {
            Some(f) if f.reduced => "Above the line, with changes at a reduced amount",
            Some(_) => "Above the line",
            None if line.skipped.contains(&p.id) => "Passed over by the panel",
            None if at_line => "At the line",
            None if line.below.contains(&p.id) => "Below the line",
            None => "",
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"n\">{}</td><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            text(&place_words(p)),
            text(&names.proposal(&p.id)),
            requested.map(money).unwrap_or_default(),
            funded.map(|f| money(f.cents)).unwrap_or_default(),
            where_
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let awarded: i64 = line.funded.iter().map(|f| f.cents).sum();
    let _ = write!(
        out,
        "<p>{} awarded to {}",
        money(awarded),
        match line.funded.len() {
            1 => "1 proposal".to_string(),
            n => format!("{n} proposals"),
        }
    );
    if !decided.unlimited_fund {
        let _ = write!(out, "; {} is left in the fund", money(line.left_cents));
    }
    out.push_str(".</p>\n");
    match &line.stop {
        Some(stop) => {
            let _ = writeln!(
                out,
                "<p><strong>{}</strong></p>",
                text(&stop_words(stop, decided.unlimited_fund, names))
            );
        }
        None => out.push_str("<p>The line reached every ranked proposal.</p>\n"),
    }
    if !line.problems.is_empty() {
        out.push_str("<p>Decisions the line could not follow:</p>\n<ul>\n");
        for p in &line.problems {
            let _ = writeln!(out, "<li>{}</li>", text(p));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn decisions(out: &mut String, panel: &Panel, decided: &Decided, names: &Names) {
    out.push_str("<section>\n<h2>Decisions</h2>\n<table>\n<caption>Each proposal\u{2019}s decision</caption>\n<thead><tr><th scope=\"col\">Proposal</th><th scope=\"col\">Decision</th><th scope=\"col\">Amount</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
    for id in listing(panel, decided) {
        let Some(outcome) = decided.outcomes.get(&id) else {
            continue;
        };
        let why = match outcome {
            Outcome::Reduced {
                requested: Some(r), ..
            } => format!("Requested {}", money(*r)),
            Outcome::NotAdvanced { stage } => {
                format!("Not chosen to go on from \u{201c}{stage}\u{201d}")
            }
            Outcome::Failed { stage, failed } => format!(
                "\u{201c}{}\u{201d} not met at \u{201c}{stage}\u{201d}",
                failed.requirement
            ),
            Outcome::Incomplete { stage, why } => format!("At \u{201c}{stage}\u{201d}: {why}"),
            Outcome::Pending { why } => capitalised(why),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            text(&names.proposal(&id)),
            text(outcome.label()),
            outcome.awarded_cents().map(money).unwrap_or_default(),
            text(&why)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// `text` with its first letter in capitals.
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `panel-report-springfield-design-challenge-2027-05-01.html`, with `-blind` when blind; no
/// reviewer's name.
pub fn panel_report_file_name(competition: &Competition, date: &str, blind: bool) -> String {
    let blind = if blind { "blind" } else { "" };
    super::files::joined(
        &["panel-report", &competition.brief.title, blind, date],
        "html",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panel::tests::{competition, decided_panel, options, panel};
    use crossroads_review::blind::proposal_code;

    #[test]
    fn the_report_has_every_section_in_order() {
        let c = competition();
        let p = decided_panel();
        let d = Decided::compute(&c, &p);
        let html = panel_report(&c, &p, &d, &options(false));
        let mut at = 0;
        for heading in [
            "<h1>Springfield Design Challenge</h1>",
            "<h2>The competition and how scores combine</h2>",
            "<h2>Stage 1: Written proposal</h2>",
            "<h3>Ranking</h3>",
            "<h3>Conflicts of interest</h3>",
            "<h3>Disagreement flags</h3>",
            "<h3>How firm the order is</h3>",
            "<h2>Stage 2: Pitch</h2>",
            "<h3>Not ranked</h3>",
            "<h2>Changes made in discussion</h2>",
            "<h2>Stages and shortlist</h2>",
            "<h2>The funding line</h2>",
            "<h2>Decisions</h2>",
        ] {
            let found = html[at..]
                .find(heading)
                .unwrap_or_else(|| panic!("{heading} after {at}"));
            at += found;
        }
        for words in [
            "<html lang=\"en\">",
            "<title>Springfield Design Challenge \u{2013} panel report</title>",
            "@page",
            "By raw mean",
            "By standardised score",
            "2 (tied)",
            "the requirement \u{201c}Principal signed\u{201d} was not met",
            "No signature; Ms. OKAFOR checked twice",
            "Wei Xiaolong (Declared a conflict of interest)",
            "(Riverside Middle) (1 reviewer left out: conflict of interest)",
            "Ana Ruiz read the appendix again",
            "Above the line, with changes at a reduced amount",
            "$90,000",
            "$10,000 is left in the fund",
            "Learning studios (Lincoln Elementary)",
            "Hope's mastery plan",
        ] {
            assert!(html.contains(words), "{words}");
        }
        assert!(!html.contains("<script"), "the report runs no script");
        assert!(!html.contains("<b>bold</b>"), "typed text is escaped");
        // Every table has a caption and column headers with a scope.
        assert_eq!(
            html.matches("<table>").count(),
            html.matches("<caption>").count()
        );
        assert!(!html.contains("<th>"));
    }

    #[test]
    fn a_tie_at_the_line_is_left_for_the_panel() {
        let c = competition();
        let p = panel();
        let d = Decided::compute(&c, &p);
        let html = panel_report(&c, &p, &d, &options(true));
        assert!(html.contains("are tied at the line and cannot all be funded: together they request $300,000 and $250,000 is left. The tie is left for the panel to settle."), "{html}");
        assert!(html.contains("Not decided yet"));
        // Blind: codes only.
        assert!(html.contains(&proposal_code("p2")));
        for name in [
            "Lincoln",
            "studios",
            "Mart\u{ed}",
            "Hope",
            "Oak Park",
            "Riverside",
        ] {
            assert!(!html.contains(name), "{name} in a blind report");
        }
        assert_eq!(
            panel_report_file_name(&c, "2027-05-01", true),
            "panel-report-springfield-design-challenge-blind-2027-05-01.html"
        );
    }

    #[test]
    fn a_blend_of_stages_and_a_brief_without_a_fund_are_reported() {
        let mut c = crate::brief::tests::competition();
        c.stages[1].rubric.criteria[0].name = "Vision".into();
        let p = decided_panel();
        let d = Decided::compute(&c, &p);
        assert!(d.blended.is_some());
        let html = panel_report(&c, &p, &d, &options(false));
        for words in [
            "<h3>The blend of the stages</h3>",
            "Final totals, blended as the brief says",
            "The final total blends the stages",
            "The blend of the stages\u{2019} raw mean totals",
        ] {
            assert!(html.contains(words), "{words}");
        }
        let records = crate::panel::panel_csv(&c, &p, &d, &options(false));
        assert!(records.contains("All stages, blended"));
        c.brief.award.fund_cents = None;
        c.brief.award.awards = None;
        let d = Decided::compute(&c, &p);
        assert!(d.funding.is_none());
        let html = panel_report(&c, &p, &d, &options(false));
        assert!(html.contains("The brief sets neither a fund nor a number of awards"));
        assert!(matches!(d.outcomes["p1"], Outcome::Pending { .. }));
    }
}
