//! Editing a competition: the brief schools answer (title, district, deadline, expectations,
//! the award, the funding source, the district's own questions, who signs, what schools confirm
//! and word limits), its version, the stages and their rubrics, and the files to send.

use super::fields::{keep_ids, lines_field, long_field, money_field, number_field, text_field};
use super::rubric::Stages;
use super::{new_competition_id, NoCompetition, Stores};
use crate::ui::browser;
use crate::ui::kit::confirm::ConfirmDelete;
use crate::ui::kit::keep::Keeper;
use crate::ui::kit::notice::{announce, ErrorNotice};
use crate::ui::kit::save::{ConflictPanel, Difference, SaveStatusLine};
use crate::ui::review::Place;
use crossroads_exchange::{brief_document, brief_file_name, brief_to_json};
use crossroads_review::Competition;
use crossroads_storage::{DocEntry, Document, SaveStatus};
use crossroads_workbook::brief::{Assurance, ExtraKind, ExtraOption, ExtraPrompt, WordLimit};
use crossroads_workbook::budget::format_amount;
use crossroads_workbook::{Catalog, SectionKind};
use leptos::prelude::*;

/// The competition being edited, for the parts of the screen.
pub type Comp = Keeper<Competition>;

/// The sections a district's question can join: the profile and the four focus areas.
pub fn prompt_sections() -> Vec<(&'static str, String)> {
    Catalog::base()
        .sections()
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Profile | SectionKind::Area(_)))
        .map(|s| (s.id, s.title.to_string()))
        .collect()
}

/// A part of a competition as the conflict panel names and shows it.
type Part = (&'static str, fn(&Competition) -> String);

/// Where two versions of a competition differ, in words, for the conflict panel.
fn differences(a: &Competition, b: &Competition) -> Vec<Difference> {
    let money = |c: Option<i64>| c.map(format_amount).unwrap_or_default();
    let parts: [Part; 10] = [
        ("Title", |c| c.brief.title.clone()),
        ("District", |c| c.brief.district.clone()),
        ("Deadline", |c| c.brief.deadline.clone()),
        ("Version", |c| c.brief.version.to_string()),
        ("Expectations", |c| c.brief.expectations.clone()),
        ("Funding source", |c| c.brief.funding_source.clone()),
        ("Questions", |c| {
            c.brief
                .prompts
                .iter()
                .map(|p| p.label.clone())
                .collect::<Vec<_>>()
                .join("; ")
        }),
        ("Sign-off", |c| c.brief.signoff.join("; ")),
        ("Assurances", |c| {
            c.brief
                .assurances
                .iter()
                .map(|a| a.text.clone())
                .collect::<Vec<_>>()
                .join("; ")
        }),
        ("Stages", |c| {
            c.stages
                .iter()
                .map(|s| format!("{} ({} criteria)", s.name, s.rubric.criteria.len()))
                .collect::<Vec<_>>()
                .join("; ")
        }),
    ];
    let mut out: Vec<Difference> = parts
        .iter()
        .filter(|(_, f)| f(a) != f(b))
        .map(|(label, f)| (label.to_string(), f(a), f(b)))
        .collect();
    let award = |c: &Competition| {
        format!(
            "{} per school, {} awards, fund {}",
            money(c.brief.award.per_school_cents),
            c.brief
                .award
                .awards
                .map(|n| n.to_string())
                .unwrap_or_default(),
            money(c.brief.award.fund_cents)
        )
    };
    if award(a) != award(b) {
        out.push(("Award".into(), award(a), award(b)));
    }
    if out.is_empty() && a != b {
        out.push((
            "The rubric or limits".into(),
            "Changed in this tab".into(),
            "Changed in the other tab".into(),
        ));
    }
    out
}

/// How saving goes: the status line, "Try saving again", a note, and both versions when
/// another tab changed the competition too.
#[component]
fn Saving(comp: Comp) -> impl IntoView {
    let both = move || {
        comp.conflict
            .get()
            .map(|c| comp.doc.with_untracked(|mine| differences(mine, &c.theirs)))
    };
    view! {
        <SaveStatusLine status=comp.status noun="competition" />
        <Show when=move || matches!(comp.status.get(), SaveStatus::NotSaved { .. })>
            <p><button type="button" class="button button--secondary button--small" on:click=move |_| comp.retry()>"Try saving again"</button></p>
        </Show>
        <div role="status">{move || comp.notice.get().map(|text| view! { <p class="notice">{text}</p> })}</div>
        {move || both().map(|differences| view! {
            <ConflictPanel
                thing="competition"
                differences
                keep_mine=Callback::new(move |()| comp.keep_mine())
                keep_theirs=Callback::new(move |()| comp.keep_theirs())
            />
        })}
    }
}

/// Edits the district's question `i`, if it still exists.
fn edit_prompt(comp: Comp, i: usize, change: impl FnOnce(&mut ExtraPrompt)) {
    comp.edit(|c| {
        if let Some(p) = c.brief.prompts.get_mut(i) {
            change(p);
        }
    });
}

fn read_prompt<T: Default>(comp: Comp, i: usize, f: impl FnOnce(&ExtraPrompt) -> T) -> T {
    comp.doc
        .with(|c| c.brief.prompts.get(i).map(f))
        .unwrap_or_default()
}

const KINDS: [(&str, &str); 4] = [
    ("short", "A line of text"),
    ("long", "Paragraphs"),
    ("choice", "One choice among options"),
    ("checklist", "Any of a list of options"),
];

fn kind_key(kind: &ExtraKind) -> &'static str {
    match kind {
        ExtraKind::ShortText => "short",
        ExtraKind::LongText => "long",
        ExtraKind::Choice(_) => "choice",
        ExtraKind::Checklist(_) => "checklist",
    }
}

/// One of the district's questions.
#[component]
fn PromptCard(comp: Comp, i: usize) -> impl IntoView {
    let id = move |f: &str| format!("prompt-{i}-{f}");
    let count = move || comp.doc.with(|c| c.brief.prompts.len());
    let section = move || read_prompt(comp, i, |p| p.section.clone());
    let sections = prompt_sections()
        .into_iter()
        .map(|(sid, title)| {
            view! { <option value=sid prop:selected=move || section() == sid>{title}</option> }
        })
        .collect_view();
    let kind = Memo::new(move |_| read_prompt(comp, i, |p| kind_key(&p.kind)));
    let kinds = KINDS
        .iter()
        .map(|(key, label)| view! { <option value=*key prop:selected=move || kind.get() == *key>{*label}</option> })
        .collect_view();
    let set_kind = move |key: String| {
        edit_prompt(comp, i, |p| {
            let options = p.kind.options().to_vec();
            p.kind = match key.as_str() {
                "short" => ExtraKind::ShortText,
                "long" => ExtraKind::LongText,
                "choice" => ExtraKind::Choice(options),
                _ => ExtraKind::Checklist(options),
            };
        })
    };
    let options = move || {
        matches!(kind.get(), "choice" | "checklist").then(|| {
            lines_field(
                id("options"),
                "Options, one per line",
                Some(
                    "Teams choose among these. Rewording an option keeps the answers given to it.",
                ),
                move || {
                    read_prompt(comp, i, |p| {
                        p.kind.options().iter().map(|o| o.label.clone()).collect()
                    })
                },
                move |lines| {
                    edit_prompt(comp, i, |p| {
                        let old: Vec<(String, String)> = p
                            .kind
                            .options()
                            .iter()
                            .map(|o| (o.id.clone(), o.label.clone()))
                            .collect();
                        let options: Vec<ExtraOption> = keep_ids(&old, lines, "o")
                            .into_iter()
                            .map(|(id, label)| ExtraOption { id, label })
                            .collect();
                        p.kind = match p.kind {
                            ExtraKind::Choice(_) => ExtraKind::Choice(options),
                            _ => ExtraKind::Checklist(options),
                        };
                    })
                },
            )
        })
    };
    let moved = move |to: usize| {
        comp.edit(|c| {
            if i < c.brief.prompts.len() && to < c.brief.prompts.len() {
                c.brief.prompts.swap(i, to);
            }
        });
        browser::focus_later(format!("prompt-{to}-label"));
    };
    let removing = RwSignal::new(false);
    view! {
        <li>
            <fieldset class="brief-item" data-testid="extra-prompt">
                <legend>{format!("Question {}", i + 1)}</legend>
                {text_field(id("label"), "The question", move || read_prompt(comp, i, |p| p.label.clone()), move |v| edit_prompt(comp, i, |p| p.label = v))}
                {long_field(id("help"), "Guidance under it", Some("Optional: what a good answer covers."), move || read_prompt(comp, i, |p| p.help.clone()), move |v| edit_prompt(comp, i, |p| p.help = v))}
                <div class="field-row">
                    <div class="field">
                        <label for=id("section")>"Asked in the section"</label>
                        <select id=id("section") on:change=move |ev| { let v = event_target_value(&ev); edit_prompt(comp, i, |p| p.section = v) }>
                            {sections}
                        </select>
                    </div>
                    <div class="field">
                        <label for=id("kind")>"Kind of answer"</label>
                        <select id=id("kind") on:change=move |ev| set_kind(event_target_value(&ev))>
                            {kinds}
                        </select>
                    </div>
                </div>
                {options}
                <p class="notice__actions">
                    <Show when=move || { i > 0 }>
                        <button type="button" class="button button--quiet button--small" on:click=move |_| moved(i - 1)>
                            {format!("Move question {} up", i + 1)}
                        </button>
                    </Show>
                    <Show when=move || { i + 1 < count() }>
                        <button type="button" class="button button--quiet button--small" on:click=move |_| moved(i + 1)>
                            {format!("Move question {} down", i + 1)}
                        </button>
                    </Show>
                    <button type="button" id=id("remove") class="button button--danger-quiet button--small" on:click=move |_| removing.set(true)>
                        {format!("Remove question {}", i + 1)}
                    </button>
                </p>
                <Show when=move || removing.get()>
                    <ConfirmDelete
                        title=read_prompt(comp, i, |p| p.label.clone())
                        consequence="The question is removed from the brief."
                        keep_id=id("keep")
                        back_to=id("remove")
                        open=removing
                        on_delete=Callback::new(move |()| {
                            removing.set(false);
                            comp.edit(|c| {
                                if i < c.brief.prompts.len() {
                                    c.brief.prompts.remove(i);
                                }
                            });
                            browser::focus_later("add-prompt".to_string());
                        })
                    />
                </Show>
            </fieldset>
        </li>
    }
}

/// "The stage “Pitch” has no criteria" as a sentence.
fn sentence(text: &str) -> String {
    let mut c = text.chars();
    let first: String = c
        .next()
        .map(|f| f.to_uppercase().collect())
        .unwrap_or_default();
    let rest: String = c.collect();
    let mut s = format!("{first}{rest}");
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

/// The competition editor.
#[component]
pub fn BriefEditor(id: String, announcement: RwSignal<String>) -> impl IntoView {
    let stores = Stores::get();
    let (competition, revision) = match stores.competitions.load(&id) {
        Ok(Some(DocEntry::Editable { doc, revision })) => (doc, revision),
        _ => return view! { <NoCompetition /> }.into_any(),
    };
    browser::set_title(&format!("Competition: {}", competition.display_title()));
    let comp: Comp = Keeper::new(
        competition,
        revision,
        false,
        stores.competitions.clone(),
        new_competition_id,
    );
    let title = move || comp.doc.with(|c| c.display_title().to_string());
    let per_school_problem = RwSignal::new(None::<String>);
    let fund_problem = RwSignal::new(None::<String>);
    let export_problem = RwSignal::new(None::<String>);
    let check = Memo::new(move |_| comp.doc.with(|c| c.check().err()));
    let problems = move || {
        let mut all: Vec<String> = check.get().iter().map(|p| sentence(p)).collect();
        all.extend(per_school_problem.get());
        all.extend(fund_problem.get());
        all
    };
    let download = move |html: bool| {
        comp.flush();
        let c = comp.doc.get_untracked();
        if let Err(why) = c.check() {
            export_problem.set(Some(format!(
                "Not downloaded: schools\u{2019} Crossroads could not open this brief yet. {}",
                sentence(&why)
            )));
            return;
        }
        export_problem.set(None);
        let (name, mime, text) = if html {
            (
                brief_file_name(&c, "html"),
                "text/html;charset=utf-8",
                brief_document(&c, browser::now_ms(), &browser::today()),
            )
        } else {
            (
                brief_file_name(&c, "json"),
                "application/json",
                brief_to_json(&c, browser::now_ms()),
            )
        };
        match browser::download(&name, mime, &text) {
            Ok(()) => announce(announcement, format!("Downloaded the brief as {name}.")),
            Err(_) => {
                export_problem.set(Some("The browser did not save the file. Try again.".into()))
            }
        }
    };
    let raise = move |_| {
        comp.edit(|c| c.brief.version += 1);
        let v = comp.doc.with_untracked(|c| c.brief.version);
        announce(announcement, format!("The brief is now version {v}."));
    };
    let prompt_count = move || comp.doc.with(|c| c.brief.prompts.len());
    let add_prompt = move |_| {
        let n = prompt_count();
        comp.edit(|c| {
            let id = super::fields::fresh_id("q", c.brief.prompts.iter().map(|p| p.id.as_str()));
            c.brief.prompts.push(ExtraPrompt {
                id,
                section: "profile".into(),
                label: String::new(),
                help: String::new(),
                kind: ExtraKind::LongText,
            });
        });
        browser::focus_later(format!("prompt-{n}-label"));
    };
    let limits = prompt_sections()
        .into_iter()
        .map(|(sid, stitle)| {
            number_field(
                format!("limit-{sid}"),
                stitle,
                None,
                (0, 100_000),
                move || comp.doc.with(|c| c.brief.limit(sid)),
                move |words| {
                    comp.edit(|c| {
                        c.brief.limits.retain(|l| l.section != sid);
                        if let Some(words) = words.filter(|w| *w > 0) {
                            c.brief.limits.push(WordLimit {
                                section: sid.into(),
                                words,
                            });
                        }
                    })
                },
            )
        })
        .collect_view();
    let b = move |f: fn(&Competition) -> String| move || comp.doc.with(f);
    view! {
        <main id="main" class="page brief" tabindex="-1" data-testid="brief-editor">
            <p><a href=Place::Competitions.href()>"\u{2190} The district\u{2019}s competitions"</a></p>
            <h1>{title}</h1>
            <Saving comp />
            <div class="brief__layout">
            <aside class="brief__aside" aria-labelledby="check-heading">
                <section class="brief__check" data-testid="brief-check">
                    <h2 id="check-heading">"Before you send it"</h2>
                    {move || {
                        let all = problems();
                        if all.is_empty() {
                            view! { <p class="brief__ready">"Ready to send: schools\u{2019} Crossroads can open this brief."</p> }.into_any()
                        } else {
                            let items = all.into_iter().map(|p| view! { <li>{p}</li> }).collect_view();
                            view! {
                                <p>"To fix before schools can open it:"</p>
                                <ul class="brief__problems" data-testid="brief-problems">{items}</ul>
                            }.into_any()
                        }
                    }}
                </section>
                <section class="brief__send" aria-labelledby="send-heading">
                    <h2 id="send-heading">"Send it to schools"</h2>
                    <p data-testid="brief-version">{move || format!("Version {}", comp.doc.with(|c| c.brief.version))}</p>
                    <p class="field__hint" id="raise-hint">
                        "Raise the version each time you send schools a changed brief: their workbook says which version a proposal answers."
                    </p>
                    <p><button type="button" class="button button--secondary button--small" aria-describedby="raise-hint" disabled=move || !comp.can_edit() on:click=raise>"Raise the version"</button></p>
                    <p class="brief__downloads">
                        <button type="button" class="button button--small" on:click=move |_| download(true)>"Download the brief for schools (HTML)"</button>
                        <button type="button" class="button button--secondary button--small" on:click=move |_| download(false)>"Download the data (JSON)"</button>
                    </p>
                    <ErrorNotice message=export_problem />
                </section>
            </aside>
            <fieldset class="brief__fields" disabled=move || !comp.can_edit()>
                <h2>"The brief schools answer"</h2>
                {text_field("brief-title".into(), "Title of the competition", b(|c| c.brief.title.clone()), move |v| comp.edit(|c| c.brief.title = v))}
                {text_field("brief-district".into(), "District", b(|c| c.brief.district.clone()), move |v| comp.edit(|c| c.brief.district = v))}
                <div class="field">
                    <label for="brief-deadline">"Proposals are due"</label>
                    <input id="brief-deadline" type="date" prop:value=b(|c| c.brief.deadline.clone()) on:input=move |ev| { let v = event_target_value(&ev); comp.edit(|c| c.brief.deadline = v) } />
                </div>
                {long_field(
                    "brief-expectations".into(),
                    "What the district expects for its students, one per line",
                    Some("Teams read these first, at the start of the problems area."),
                    b(|c| c.brief.expectations.clone()),
                    move |v| comp.edit(|c| c.brief.expectations = v),
                )}
                <fieldset class="brief-group">
                    <legend>"The award"</legend>
                    <div class="field-row">
                        {money_field("award-per-school".into(), "Most per school", move || comp.doc.with(|c| c.brief.award.per_school_cents), move |v| comp.edit(|c| c.brief.award.per_school_cents = v), per_school_problem)}
                        {number_field("award-count".into(), "Number of awards", None, (0, 10_000), move || comp.doc.with(|c| c.brief.award.awards), move |v| comp.edit(|c| c.brief.award.awards = v))}
                        {money_field("award-fund".into(), "Whole fund", move || comp.doc.with(|c| c.brief.award.fund_cents), move |v| comp.edit(|c| c.brief.award.fund_cents = v), fund_problem)}
                    </div>
                    <p class="field__hint">"Amounts in dollars, as you would write them: 100,000 or $2,500.50. Leave one blank if the brief does not say."</p>
                    {text_field("brief-source".into(), "Funding source, as teams write it in their budget", b(|c| c.brief.funding_source.clone()), move |v| comp.edit(|c| c.brief.funding_source = v))}
                </fieldset>
                <h2 id="prompts-heading">"The district\u{2019}s own questions"</h2>
                <p class="field__hint">"Each question joins a section of the team\u{2019}s workbook, after the workbook\u{2019}s own prompts."</p>
                <ol class="brief-list" aria-labelledby="prompts-heading">
                    <For each=move || 0..prompt_count() key=|i| *i let(i)>
                        <PromptCard comp i />
                    </For>
                </ol>
                <p><button type="button" id="add-prompt" class="button button--secondary button--small" on:click=add_prompt>"Add a question"</button></p>
                <fieldset class="brief-group">
                    <legend>"Sign-off and assurances"</legend>
                    {lines_field(
                        "brief-signoff".into(),
                        "Who signs the cover page, one role per line",
                        None,
                        move || comp.doc.with(|c| c.brief.signoff.clone()),
                        move |roles| comp.edit(|c| c.brief.signoff = roles),
                    )}
                    {lines_field(
                        "brief-assurances".into(),
                        "What each school confirms, one assurance per line",
                        Some("Rewording an assurance keeps the confirmations teams already gave it."),
                        move || comp.doc.with(|c| c.brief.assurances.iter().map(|a| a.text.clone()).collect()),
                        move |lines| comp.edit(|c| {
                            let old: Vec<(String, String)> = c.brief.assurances.iter().map(|a| (a.id.clone(), a.text.clone())).collect();
                            c.brief.assurances = keep_ids(&old, lines, "a").into_iter().map(|(id, text)| Assurance { id, text }).collect();
                        }),
                    )}
                </fieldset>
                <fieldset class="brief-group">
                    <legend>"Word limits"</legend>
                    <p class="field__hint">"The most words the district reads in a section. Blank: no limit."</p>
                    <div class="field-row">{limits}</div>
                </fieldset>
                <Stages comp />
                <fieldset class="brief-group" data-testid="blind-terms">
                    <legend>"Blind review and the panel"</legend>
                    {lines_field(
                        "brief-blind-terms".into(),
                        "Words to hide in blind reading, besides names, one per line",
                        Some("Schools\u{2019} and team members\u{2019} names are hidden already. Add what would still give a school away: a neighbourhood, a principal\u{2019}s nickname, a program\u{2019}s name."),
                        move || comp.doc.with(|c| c.blind_terms.clone()),
                        move |terms| comp.edit(|c| c.blind_terms = terms),
                    )}
                    <p class="field__hint" data-testid="blind-terms-count">{move || match comp.doc.with(|c| c.blind_terms.len()) {
                        0 => "No words added: blind reading hides names only.".to_string(),
                        1 => "1 word or phrase added to what blind reading hides.".to_string(),
                        n => format!("{n} words or phrases added to what blind reading hides."),
                    }}</p>
                    {number_field(
                        "brief-disagreement".into(),
                        "Reviewers disagree widely when their points differ by at least this share of a criterion\u{2019}s maximum (percent)",
                        Some("Blank: 40 percent. On a scale of levels, two levels or more apart is always a wide disagreement."),
                        (1, 100),
                        move || comp.doc.with(|c| c.disagreement_percent),
                        move |p| comp.edit(|c| c.disagreement_percent = p.filter(|p| *p > 0)),
                    )}
                </fieldset>
            </fieldset>
            </div>
        </main>
    }
    .into_any()
}
