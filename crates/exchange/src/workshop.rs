//! A workshop plan as a file, so co-facilitators share one plan, and the facilitator guide to
//! print: the agenda with its times, activities and notes, and every protocol's steps.
//!
//! ```json
//! {"format":"crossroads-workshop","version":1,"exported_ms":…,"workshop":{"plan":{…},…}}
//! ```

use crate::file::{checked_json, ImportError};
use crossroads_workbook::FocusArea;
use crossroads_workshop::{clock, Workshop};
use html_escape::encode_text as text;
use serde::{Deserialize, Serialize};
use std::fmt::{self, Write};

/// The `format` every plan file names.
pub(crate) const FORMAT: &str = "crossroads-workshop";
/// The version of the plan file this build writes.
pub const WORKSHOP_VERSION: u32 = 1;
/// Plan files larger than this are refused before they are read (a plan is a few kilobytes).
pub const MAX_WORKSHOP_BYTES: usize = 5 * 1024 * 1024;

#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    version: u32,
    exported_ms: u64,
    workshop: &'a Workshop,
}

#[derive(Deserialize)]
struct In {
    workshop: Workshop,
}

/// The plan file's text.
pub fn workshop_to_json(workshop: &Workshop, exported_ms: u64) -> String {
    serde_json::to_string(&Out {
        format: FORMAT,
        version: WORKSHOP_VERSION,
        exported_ms,
        workshop,
    })
    .expect("a workshop always serializes")
}

/// `workshop-design-day-2026-12-02.json`.
pub fn workshop_file_name(title: &str, date: &str) -> String {
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug: Vec<&str> = slug.split('-').filter(|p| !p.is_empty()).take(6).collect();
    let date: String = date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    match slug.is_empty() {
        true => format!("workshop-{date}.json"),
        false => format!("workshop-{}-{date}.json", slug.join("-")),
    }
}

/// Why a plan file could not be opened, in the facilitator's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanFileError(pub ImportError);

impl fmt::Display for PlanFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            ImportError::IsBackup | ImportError::IsProposal | ImportError::NotAProposal => f.write_str(
                "This is not a Crossroads workshop plan. Choose a plan file saved from the facilitator\u{2019}s workshop.",
            ),
            ImportError::NewerVersion { version } => write!(
                f,
                "This plan was saved by a newer version of Crossroads (format {version}); this version reads format \
                 {WORKSHOP_VERSION} and older. Open it with the newer version."
            ),
            ImportError::MissingField(field) => write!(
                f,
                "This plan file is missing a part it must have (\u{201c}{field}\u{201d}), so it cannot be used."
            ),
            ImportError::Damaged(detail) => {
                write!(f, "This plan file is damaged and cannot be read ({detail}).")
            }
            other => other.fmt(f),
        }
    }
}

/// Reads a plan file.
pub fn read_workshop(text: &str) -> Result<Workshop, PlanFileError> {
    let (json, version) = checked_json(text, MAX_WORKSHOP_BYTES, FORMAT).map_err(PlanFileError)?;
    match version {
        None => return Err(PlanFileError(ImportError::MissingField("version".into()))),
        Some(v) if v > WORKSHOP_VERSION => {
            return Err(PlanFileError(ImportError::NewerVersion { version: v }))
        }
        Some(_) => {}
    }
    let file: In = serde_json::from_str(json).map_err(|e| {
        let message = e.to_string();
        PlanFileError(match message.strip_prefix("missing field `") {
            Some(rest) => ImportError::MissingField(rest.split('`').next().unwrap_or("").into()),
            None => ImportError::Damaged(message),
        })
    })?;
    Ok(file.workshop)
}

/// The facilitator guide: one document to print (A4 or US Letter), with the agenda's times,
/// each session's activity, focus and notes, and each protocol's steps with their time boxes and
/// who speaks and who stays silent. Everything typed is escaped; the document runs no script.
pub fn facilitator_guide(workshop: &Workshop, date: &str) -> String {
    let plan = &workshop.plan;
    let agenda = plan.agenda(&Default::default());
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    let _ = writeln!(
        out,
        "<title>{} \u{2013} facilitator guide</title>",
        text(&plan.title)
    );
    out.push_str("<style>\nbody{font-family:Georgia,serif;max-width:46rem;margin:0 auto;padding:2rem 1.25rem;color:#1b2430;line-height:1.5}\nh1,h2,h3{line-height:1.25}\ntable{border-collapse:collapse;width:100%}\nth,td{border:1px solid #8c96a3;padding:.35rem .5rem;text-align:left;vertical-align:top}\n.session{break-inside:avoid;margin:1.5rem 0}\n.meta{color:#4a5565}\n@media print{body{padding:0;max-width:none}}\n@page{margin:18mm 16mm}\n</style>\n</head>\n<body>\n");
    let _ = writeln!(out, "<h1>{}</h1>", text(&plan.title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">Facilitator guide, {}. From {} to {}{}.</p>",
        text(date),
        clock(plan.start),
        clock(plan.end(&Default::default())),
        match plan.overrun(&Default::default()) {
            Some(m) => format!(
                ", {m} minutes past the end of the day ({})",
                clock(plan.day_end)
            ),
            None => String::new(),
        }
    );
    out.push_str("<h2>Agenda</h2>\n<table>\n<thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Session</th><th scope=\"col\">Activity</th></tr></thead>\n<tbody>\n");
    for (slot, session) in agenda.iter().zip(&plan.sessions) {
        let _ = writeln!(
            out,
            "<tr><td>{}\u{2013}{}</td><td>{}</td><td>{}</td></tr>",
            clock(slot.start),
            clock(slot.end),
            text(&session.title),
            text(&session.activity)
        );
    }
    out.push_str("</tbody>\n</table>\n");
    for (slot, session) in agenda.iter().zip(&plan.sessions) {
        out.push_str("<section class=\"session\">\n");
        let _ = writeln!(
            out,
            "<h2>{}\u{2013}{} \u{b7} {}</h2>",
            clock(slot.start),
            clock(slot.end),
            text(&session.title)
        );
        if let Some(area) = session.focus.focus_area() {
            let _ = writeln!(
                out,
                "<p class=\"meta\">Workbook: {}</p>",
                text(&area_title(area))
            );
        }
        if !session.activity.is_empty() {
            let _ = writeln!(out, "<p>Activity: {}</p>", text(&session.activity));
        }
        if !session.notes.trim().is_empty() {
            let _ = writeln!(out, "<p>Notes: {}</p>", text(session.notes.trim()));
        }
        if let Some(protocol) = &session.protocol {
            if protocol.per_team && !session.teams.is_empty() {
                let teams: Vec<String> =
                    session.teams.iter().map(|t| text(t).to_string()).collect();
                let _ = writeln!(out, "<p>Presenting in turn: {}.</p>", teams.join(", "));
            }
            out.push_str("<table>\n<thead><tr><th scope=\"col\">Step</th><th scope=\"col\">Minutes</th><th scope=\"col\">Who speaks</th><th scope=\"col\">Who stays silent</th><th scope=\"col\">Prompt for the room</th></tr></thead>\n<tbody>\n");
            for step in &protocol.steps {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    text(&step.name),
                    step.minutes,
                    step.speaks.name(),
                    step.silent.name(),
                    text(&step.prompt)
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</section>\n");
    }
    if !workshop.parking_lot.is_empty() {
        out.push_str("<h2>Parking lot</h2>\n<ul>\n");
        for item in &workshop.parking_lot {
            let _ = writeln!(
                out,
                "<li>{}{}</li>",
                text(&item.text),
                if item.answered { " (answered)" } else { "" }
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn area_title(area: FocusArea) -> String {
    area.section().numbered_title()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossroads_workshop::{library, Focus, Plan, Session};

    fn sample() -> Workshop {
        let mut plan = Plan::full_day();
        plan.title = "Design day <at> Lincoln & Roosevelt".into();
        let pitch = library().into_iter().find(|p| p.id == "pitch").unwrap();
        plan.sessions.push(Session::running(
            "Pitches",
            Focus::default(),
            pitch,
            &["Lincoln", "</td><script>x</script>"],
        ));
        let mut w = Workshop::new(plan);
        w.park("Who pays for substitutes?", 9);
        w
    }

    #[test]
    fn a_plan_file_comes_back_as_it_was() {
        let w = sample();
        let json = workshop_to_json(&w, 1);
        assert!(json.starts_with(r#"{"format":"crossroads-workshop","version":1,"#));
        assert_eq!(read_workshop(&json).unwrap(), w);
    }

    #[test]
    fn the_wrong_file_gets_a_plain_message_in_the_facilitator_s_words() {
        let say = |t: &str| read_workshop(t).unwrap_err().to_string();
        assert!(say("").contains("empty"));
        assert!(say("{ not json").contains("damaged"));
        assert!(
            say(r#"{"format":"crossroads-proposal","version":1,"draft":{}}"#)
                .contains("not a Crossroads workshop plan")
        );
        assert!(say(r#"{"format":"crossroads-backup","version":1}"#)
            .contains("not a Crossroads workshop plan"));
        assert!(
            say(r#"{"format":"crossroads-workshop","version":9,"workshop":{}}"#)
                .contains("newer version")
        );
        assert!(say(r#"{"format":"crossroads-workshop","version":1}"#)
            .contains("\u{201c}workshop\u{201d}"));
        let huge = format!(
            "{{\"format\":\"crossroads-workshop\",\"x\":\"{}\"}}",
            "a".repeat(MAX_WORKSHOP_BYTES)
        );
        assert!(say(&huge).contains("too large"));
    }

    #[test]
    fn the_guide_has_the_agenda_and_every_protocol_step_and_escapes_what_was_typed() {
        let w = sample();
        let html = facilitator_guide(&w, "2026-12-02");
        assert!(html.contains("Design day &lt;at&gt; Lincoln &amp; Roosevelt"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("8:30 am\u{2013}8:50 am"));
        for protocol in w.plan.sessions.iter().filter_map(|s| s.protocol.as_ref()) {
            for step in &protocol.steps {
                assert!(
                    html.contains(&format!(
                        "<td>{}</td><td>{}</td>",
                        text(&step.name),
                        step.minutes
                    )),
                    "{}",
                    step.name
                );
            }
        }
        assert!(html
            .contains("Presenting in turn: Lincoln, &lt;/td&gt;&lt;script&gt;x&lt;/script&gt;."));
        assert!(html.contains("Who pays for substitutes?"));
        assert!(
            html.contains("minutes past the end of the day"),
            "the pitches push the day past 3:30 pm"
        );
        assert!(html.contains("default-src 'none'"));
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            workshop_file_name("Design day: Lincoln/Roosevelt", "2026-12-02"),
            "workshop-design-day-lincoln-roosevelt-2026-12-02.json"
        );
        assert_eq!(
            workshop_file_name("???", "2026-12-02"),
            "workshop-2026-12-02.json"
        );
    }
}
