//! Scoring: the reviewer's score sheet for the competition in play, the scoring panel beside a
//! proposal, and the screen that starts a sheet (the competition's brief, the reviewer's name,
//! blind reading and conflicts of interest). The rules (scales, totals, masking) are the review
//! crate's; the sheet is kept like a plan, with the same save guarantees as drafts.

use super::desk::Desk;
use super::stores::Stores;
use crate::ui::browser;
use crate::ui::kit::files::{ChosenFile, FilePicker, PROPOSAL_FILES};
use crate::ui::kit::keep::Keeper;
use crate::ui::kit::save::SaveStatusLine;
use crossroads_exchange::{read_brief, MAX_BRIEF_BYTES};
use crossroads_review::{
    proposal_code, total, Competition, Confidence, CriterionKind, CriterionScore, Masker,
    ProposalScores, Recommendation, Reviewer, ScoreSheet, Stage, Total,
};
use crossroads_storage::{DocEntry, StoreError};
use crossroads_workbook::Draft;
use leptos::prelude::*;

fn new_sheet_id() -> String {
    format!("sheet-{:x}", browser::random_u64())
}

/// The competition and sheet in play, shared by the page's screens.
#[derive(Clone, Copy)]
pub struct Scoring {
    pub competition: RwSignal<Option<Competition>>,
    pub sheet: RwSignal<Option<Keeper<ScoreSheet>>>,
    /// The stage being scored.
    pub stage: RwSignal<String>,
    /// The page's owner: a sheet opened from a click must outlive the view that offered it.
    owner: StoredValue<Option<Owner>, LocalStorage>,
}

impl Scoring {
    /// Opens the most recently changed sheet kept in this browser, with its competition.
    pub fn start() -> Scoring {
        let scoring = Scoring {
            competition: RwSignal::new(None),
            sheet: RwSignal::new(None),
            stage: RwSignal::new(String::new()),
            owner: StoredValue::new_local(Owner::current()),
        };
        let stores = Stores::get();
        let latest = stores
            .sheets
            .list()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|e| match e {
                DocEntry::Editable { doc, revision } => Some((doc, revision)),
                _ => None,
            })
            .max_by_key(|(d, _)| d.updated_ms);
        if let Some((sheet, revision)) = latest {
            if let Ok(Some(DocEntry::Editable { doc, .. })) =
                stores.competitions.load(&sheet.competition)
            {
                scoring.open(doc, sheet, revision);
            }
        }
        provide_context(scoring);
        scoring
    }

    /// The page's scoring, from context.
    pub fn get() -> Scoring {
        expect_context::<Scoring>()
    }

    fn open(&self, competition: Competition, sheet: ScoreSheet, revision: u64) {
        let first = competition.stages.first().map(|s| s.id.clone());
        self.stage.set(first.unwrap_or_default());
        self.competition.set(Some(competition));
        let keep = move || {
            Keeper::new(
                sheet,
                revision,
                false,
                Stores::get().sheets.clone(),
                new_sheet_id,
            )
        };
        let keeper = match self.owner.get_value() {
            Some(owner) => owner.with(keep),
            None => keep(),
        };
        self.sheet.set(Some(keeper));
    }

    /// Whether names are masked.
    pub fn is_blind(&self) -> bool {
        self.sheet.get().is_some_and(|k| k.doc.with(|s| s.blind))
    }

    /// The stage in play.
    pub fn current_stage(&self) -> Option<Stage> {
        let stage = self.stage.get();
        self.competition
            .with(|c| c.as_ref().and_then(|c| c.stage(&stage).cloned()))
    }

    /// What a reviewer may read of a proposal: the proposal itself, or with names masked when
    /// reading blind.
    pub fn readable(&self, draft: &Draft) -> Draft {
        if !self.is_blind() {
            return draft.clone();
        }
        let extra = self
            .competition
            .with_untracked(|c| c.as_ref().map(|c| c.blind_terms.clone()))
            .unwrap_or_default();
        Masker::for_draft(draft, &extra).mask_draft(draft)
    }

    /// The name a proposal goes by on this desk: its title, or its code when reading blind.
    pub fn name_of(&self, draft: &Draft) -> String {
        if self.is_blind() {
            proposal_code(&draft.id)
        } else {
            draft.display_title().to_string()
        }
    }
}

/// The scoring panel beside a proposal.
#[component]
pub fn ScoringPanel(
    /// The proposal's id.
    proposal: String,
) -> impl IntoView {
    let scoring = Scoring::get();
    let proposal = StoredValue::new(proposal);
    move || {
        let (Some(keeper), Some(stage)) = (scoring.sheet.get(), scoring.current_stage()) else {
            return view! {
                <aside class="scoring" aria-labelledby="scoring-heading" data-testid="scoring">
                    <h2 id="scoring-heading">"Scores"</h2>
                    <p>
                        "To score proposals, open the competition\u{2019}s brief on the "
                        <a href="#/scoring">"scoring screen"</a>"."
                    </p>
                </aside>
            }
            .into_any();
        };
        let id = proposal.get_value();
        let conflict = keeper.doc.with(|s| s.conflicts.get(&id).cloned());
        if let Some(reason) = conflict {
            return view! {
                <aside class="scoring" aria-labelledby="scoring-heading" data-testid="scoring">
                    <h2 id="scoring-heading">"Scores"</h2>
                    <p data-testid="scoring-conflict">
                        {format!("You declared a conflict of interest with this proposal ({reason}), so it is left out of your scoring and your file says so.")}
                    </p>
                </aside>
            }
            .into_any();
        }
        view! { <StageScores keeper stage proposal=id /> }.into_any()
    }
}

fn scores_of(sheet: &ScoreSheet, stage: &str, proposal: &str) -> ProposalScores {
    sheet.scores(stage, proposal).cloned().unwrap_or_default()
}

/// Changes the scores of one proposal at one stage.
fn edit_scores(
    keeper: Keeper<ScoreSheet>,
    stage: &str,
    proposal: &str,
    change: impl FnOnce(&mut ProposalScores),
) {
    keeper.edit(|sheet| {
        let scores = sheet
            .stages
            .entry(stage.to_string())
            .or_default()
            .entry(proposal.to_string())
            .or_default();
        change(scores);
        sheet.updated_ms = browser::now_ms();
    });
}

#[component]
fn StageScores(keeper: Keeper<ScoreSheet>, stage: Stage, proposal: String) -> impl IntoView {
    let stage_id = StoredValue::new(stage.id.clone());
    let pid = StoredValue::new(proposal.clone());
    let rubric = StoredValue::new(stage.rubric.clone());
    let scores = Memo::new(move |_| {
        keeper
            .doc
            .with(|s| scores_of(s, &stage_id.get_value(), &pid.get_value()))
    });
    let summary = move || {
        let scores = scores.get();
        rubric.with_value(|r| match total(r, &scores) {
            Total::Complete { score, bonus } => {
                let sum = score + bonus;
                format!(
                    "Total {} of 100{}.",
                    crossroads_review::one_decimal(&sum),
                    if bonus > num_zero() {
                        format!(", with {} bonus", crossroads_review::one_decimal(&bonus))
                    } else {
                        String::new()
                    }
                )
            }
            Total::Incomplete { scored, of } => format!("{scored} of {of} scored."),
            Total::Failed { criterion, reason } => {
                format!("Not ranked: \u{201c}{criterion}\u{201d} is not met ({reason}).")
            }
        })
    };
    let criteria = stage
        .rubric
        .criteria
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let cid = c.id.clone();
            view! { <CriterionField keeper stage=stage_id.get_value() proposal=proposal.clone() index=n criterion=c.clone() current=Signal::derive(move || scores.get().criteria.get(&cid).cloned().unwrap_or_default()) /> }
        })
        .collect_view();
    let bonus = stage.rubric.bonus.clone().map(|b| {
        let cap = b.cap;
        let items = b
            .items
            .into_iter()
            .map(|item| {
                let field = format!("bonus-{}", item.id);
                let iid = item.id.clone();
                let value = move || scores.get().bonus.get(&iid).map(u32::to_string).unwrap_or_default();
                let iid = item.id.clone();
                let max = item.max;
                view! {
                    <div class="field">
                        <label for=field.clone()>{format!("{} (0 to {max})", item.name)}</label>
                        <p class="field__hint">{item.looks_for.clone()}</p>
                        <input id=field class="prompt__input scoring__number" type="number" min="0" max=max.to_string() inputmode="numeric"
                            prop:value=value
                            on:input=move |ev| {
                                let typed = event_target_value(&ev);
                                let iid = iid.clone();
                                edit_scores(keeper, &stage_id.get_value(), &pid.get_value(), move |s| {
                                    match typed.trim().parse::<u32>() {
                                        Ok(v) if v <= max => { s.bonus.insert(iid, v); }
                                        _ => { s.bonus.remove(&iid); }
                                    }
                                });
                            } />
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="scoring__criterion">
                <legend>"Bonus points"</legend>
                <p class="field__hint">{format!("Added to the total, {cap} at most in all.")}</p>
                {items}
            </fieldset>
        }
    });
    let recommendation = Recommendation::ALL
        .iter()
        .map(|r| {
            let r = *r;
            let checked = move || scores.get().recommendation == Some(r);
            view! {
                <label class="option">
                    <input type="radio" name="recommendation" prop:checked=checked
                        on:change=move |_| edit_scores(keeper, &stage_id.get_value(), &pid.get_value(), |s| s.recommendation = Some(r)) />
                    <span>{r.label()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <aside class="scoring" aria-labelledby="scoring-heading" data-testid="scoring">
            <h2 id="scoring-heading">{format!("Scores: {}", stage.name)}</h2>
            <SaveStatusLine status=keeper.status />
            <p class="scoring__total" data-testid="scoring-total">{summary}</p>
            {criteria}
            {bonus}
            <fieldset class="scoring__criterion">
                <legend>"Your recommendation"</legend>
                <div class="options">{recommendation}</div>
                <label for="recommendation-reason">"Why"</label>
                <textarea id="recommendation-reason" class="prompt__input" rows="3"
                    prop:value=move || scores.get().recommendation_reason
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        edit_scores(keeper, &stage_id.get_value(), &pid.get_value(), |s| s.recommendation_reason = text);
                    }></textarea>
            </fieldset>
        </aside>
    }
}

fn num_zero() -> crossroads_review::Exact {
    crossroads_review::Exact::from_integer(0)
}

/// One criterion: its scale, points or requirement, a comment and the reviewer's confidence.
#[component]
fn CriterionField(
    keeper: Keeper<ScoreSheet>,
    stage: String,
    proposal: String,
    index: usize,
    criterion: crossroads_review::Criterion,
    current: Signal<CriterionScore>,
) -> impl IntoView {
    let stage = StoredValue::new(stage);
    let proposal = StoredValue::new(proposal);
    let cid = StoredValue::new(criterion.id.clone());
    let set = move |change: Box<dyn FnOnce(&mut CriterionScore)>| {
        edit_scores(keeper, &stage.get_value(), &proposal.get_value(), |s| {
            change(s.criteria.entry(cid.get_value()).or_default());
        });
    };
    let name = format!("criterion-{index}");
    let input: AnyView = match &criterion.kind {
        CriterionKind::Levels { first, levels } => levels
            .iter()
            .enumerate()
            .map(|(i, level)| {
                let value = first + i as u32;
                let checked = move || current.get().value == Some(value);
                view! {
                    <label class="option scoring__level">
                        <input type="radio" name=name.clone() prop:checked=checked
                            on:change=move |_| set(Box::new(move |s| s.value = Some(value))) />
                        <span><strong>{format!("{value} \u{2013} {}", level.label)}</strong>
                            {(!level.description.is_empty()).then(|| view! { <span class="scoring__description">{level.description.clone()}</span> })}
                        </span>
                    </label>
                }
            })
            .collect_view()
            .into_any(),
        CriterionKind::Points { max, bands } => {
            let max = *max;
            let field = format!("{name}-points");
            let bands = bands
                .iter()
                .map(|b| view! { <li>{format!("{}\u{2013}{}: {}. {}", b.from, b.to, b.label, b.description)}</li> })
                .collect_view();
            view! {
                <label for=field.clone()>{format!("Points, 0 to {max}")}</label>
                <ul class="scoring__bands">{bands}</ul>
                <input id=field class="prompt__input scoring__number" type="number" min="0" max=max.to_string() inputmode="numeric"
                    prop:value=move || current.get().value.map(|v| v.to_string()).unwrap_or_default()
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        set(Box::new(move |s| s.value = typed.trim().parse::<u32>().ok().filter(|v| *v <= max)));
                    } />
            }
            .into_any()
        }
        CriterionKind::Requirement => [(1u32, "Met"), (0u32, "Not met")]
            .into_iter()
            .map(|(value, label)| {
                let checked = move || current.get().value == Some(value);
                view! {
                    <label class="option">
                        <input type="radio" name=name.clone() prop:checked=checked
                            on:change=move |_| set(Box::new(move |s| s.value = Some(value))) />
                        <span>{label}</span>
                    </label>
                }
            })
            .collect_view()
            .into_any(),
    };
    let is_requirement = criterion.is_requirement();
    let comment_id = format!("{name}-comment");
    let confidence_id = format!("{name}-confidence");
    view! {
        <fieldset class="scoring__criterion" data-testid="criterion">
            <legend>{criterion.name.clone()}</legend>
            {(!criterion.looks_for.is_empty()).then(|| view! { <p class="field__hint">{criterion.looks_for.clone()}</p> })}
            <div class="options">{input}</div>
            <label for=comment_id.clone()>{if is_requirement { "Reason (needed when not met)" } else { "Comment" }}</label>
            <textarea id=comment_id class="prompt__input" rows="2"
                prop:value=move || current.get().comment
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    set(Box::new(move |s| s.comment = text));
                }></textarea>
            {(!is_requirement).then(|| view! {
                <label for=confidence_id.clone()>"How sure you are"</label>
                <select id=confidence_id class="prompt__input scoring__confidence"
                    on:change=move |ev| {
                        let chosen = match event_target_value(&ev).as_str() {
                            "low" => Some(Confidence::Low),
                            "medium" => Some(Confidence::Medium),
                            "high" => Some(Confidence::High),
                            _ => None,
                        };
                        set(Box::new(move |s| s.confidence = chosen));
                    }>
                    <option value="" prop:selected=move || current.get().confidence.is_none()>"Not said"</option>
                    <option value="low" prop:selected=move || current.get().confidence == Some(Confidence::Low)>{Confidence::Low.label()}</option>
                    <option value="medium" prop:selected=move || current.get().confidence == Some(Confidence::Medium)>{Confidence::Medium.label()}</option>
                    <option value="high" prop:selected=move || current.get().confidence == Some(Confidence::High)>{Confidence::High.label()}</option>
                </select>
            })}
        </fieldset>
    }
}

/// The scoring screen: which competition, who scores, blind reading, conflicts, and the files.
#[component]
pub fn ScoringSetup(
    /// The desk: its applying schools (names, as the proposals give them) for declaring
    /// conflicts, and its proposals for the list of what blind reading hides.
    desk: Desk,
) -> impl IntoView {
    let schools = Signal::derive(move || desk.schools());
    browser::set_title("Scoring");
    let scoring = Scoring::get();
    let problem = RwSignal::new(None::<String>);
    let waiting = RwSignal::new(None::<Competition>);
    let name = RwSignal::new(String::new());
    let on_file = Callback::new(move |file: ChosenFile| {
        match file
            .text
            .and_then(|t| read_brief(&t).map_err(|e| e.to_string()))
        {
            Ok(c) => {
                problem.set(None);
                let assigned = Stores::get()
                    .assignments
                    .list()
                    .unwrap_or_default()
                    .into_iter()
                    .find_map(|e| match e {
                        DocEntry::Editable { doc, .. } if doc.competition == c.brief.id => {
                            Some(doc.reviewer.name)
                        }
                        _ => None,
                    });
                if let Some(who) = assigned.filter(|_| name.get_untracked().trim().is_empty()) {
                    name.set(who);
                }
                waiting.set(Some(c));
                browser::focus_later("reviewer-name".to_string());
            }
            Err(why) => problem.set(Some(why)),
        }
    });
    let start = move |_| {
        let Some(competition) = waiting.get_untracked() else {
            return;
        };
        let who = name.get_untracked().trim().to_string();
        if who.is_empty() {
            problem.set(Some("Write your name: it goes in your score file, so the panel knows whose scores they are.".into()));
            return;
        }
        let stores = Stores::get();
        // The competition is kept once; a newer version of it replaces an older one.
        let stored = match stores.competitions.load(&competition.brief.id) {
            Ok(Some(DocEntry::Editable { doc, revision }))
                if doc.brief.version < competition.brief.version =>
            {
                stores
                    .competitions
                    .save(&competition, revision)
                    .map(|_| competition.clone())
            }
            Ok(Some(DocEntry::Editable { doc, .. })) => Ok(doc),
            Ok(Some(_)) => Err(StoreError::Protected(
                crossroads_storage::Protection::Damaged,
            )),
            Ok(None) => stores.competitions.add(competition.clone()),
            Err(e) => Err(e),
        };
        let competition = match stored {
            Ok(c) => c,
            Err(e) => {
                return problem.set(Some(format!(
                    "The competition was not kept: {}.",
                    e.reason("competition")
                )))
            }
        };
        // A reviewer who opened the panel's assignment for this competition scores under the
        // panel's id for them, so the panel knows whose file it is.
        let assigned = stores
            .assignments
            .list()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|e| match e {
                DocEntry::Editable { doc, .. } if doc.competition == competition.brief.id => {
                    Some(doc)
                }
                _ => None,
            })
            .max_by_key(|a| a.exported_ms);
        let reviewer = Reviewer {
            id: assigned
                .map(|a| a.reviewer.id)
                .unwrap_or_else(|| format!("r{:x}", browser::random_u64() % 0xffff_ffff)),
            name: who,
        };
        let sheet = ScoreSheet::new(new_sheet_id(), reviewer, &competition, browser::now_ms());
        match stores.sheets.add(sheet.clone()) {
            Ok(sheet) => {
                waiting.set(None);
                problem.set(None);
                scoring.open(competition, sheet, 1);
            }
            Err(e) => problem.set(Some(format!(
                "Your score sheet was not kept: {}.",
                e.reason("score sheet")
            ))),
        }
    };
    let current = move || {
        let keeper = scoring.sheet.get()?;
        let competition = scoring.competition.get()?;
        Some((keeper, competition))
    };
    view! {
        <main id="main" class="page" tabindex="-1">
            <p><a href="#/">"\u{2190} All proposals"</a></p>
            <h1>"Scoring"</h1>
            {Stores::get().refused.as_ref().map(|e| view! {
                <p class="notice notice--danger" role="alert">
                    {format!("Your scores cannot be kept: {}. They last while this tab is open; download your files before you close it.", e.reason("score sheet"))}
                </p>
            })}
            {move || current().map(|(keeper, competition)| view! { <SheetSettings keeper competition schools desk /> })}
            <section class="panel" aria-labelledby="start-heading">
                <h2 id="start-heading">{move || if scoring.sheet.get().is_some() { "Score another competition" } else { "Start scoring" }}</h2>
                <p>"Open the competition\u{2019}s brief file that the district sent (HTML or JSON). Your scores are kept in this browser and go into a file you send to the panel."</p>
                <FilePicker id="brief-file" label="Choose the competition\u{2019}s brief file" hint="The district\u{2019}s request for proposals, as exported from Crossroads."
                    accept=PROPOSAL_FILES limit=MAX_BRIEF_BYTES on_file />
                {move || waiting.get().map(|c| view! {
                    <div class="confirm confirm--neutral" data-testid="brief-opened">
                        <p>{format!("\u{201c}{}\u{201d}, version {}: {} stage(s).", c.brief.title, c.brief.version, c.stages.len())}</p>
                        <div class="field">
                            <label for="reviewer-name">"Your name"</label>
                            <input id="reviewer-name" class="prompt__input" type="text" autocomplete="name"
                                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                        </div>
                        <button type="button" class="button" on:click=start>"Start scoring"</button>
                    </div>
                })}
                {move || problem.get().map(|p| view! { <p class="notice notice--danger" role="alert" data-testid="scoring-problem">{p}</p> })}
            </section>
        </main>
    }
}

/// The open sheet's settings: the stage, blind reading, conflicts of interest.
#[component]
fn SheetSettings(
    keeper: Keeper<ScoreSheet>,
    competition: Competition,
    schools: Signal<Vec<(String, String)>>,
    desk: Desk,
) -> impl IntoView {
    let scoring = Scoring::get();
    let extra = StoredValue::new(competition.blind_terms.clone());
    let who = keeper.doc.with_untracked(|s| s.reviewer.name.clone());
    let stages = competition
        .stages
        .iter()
        .map(|s| {
            let id = s.id.clone();
            let selected = {
                let id = id.clone();
                move || scoring.stage.get() == id
            };
            view! { <option value=id prop:selected=selected>{s.name.clone()}</option> }
        })
        .collect_view();
    let conflicts = move || {
        let declared = keeper.doc.with(|s| s.conflicts.clone());
        schools
            .get()
            .into_iter()
            .map(|(id, school)| {
                let on = declared.contains_key(&id);
                let pid = id.clone();
                view! {
                    <li>
                        <label class="option">
                            <input type="checkbox" prop:checked=on on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let pid = pid.clone();
                                keeper.edit(move |s| {
                                    if on {
                                        s.conflicts.insert(pid, "declared by the reviewer".to_string());
                                    } else {
                                        s.conflicts.remove(&pid);
                                    }
                                    s.updated_ms = browser::now_ms();
                                });
                            } />
                            <span>{school}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="sheet-heading" data-testid="sheet">
            <h2 id="sheet-heading">{format!("{} \u{2013} scored by {who}", competition.brief.title)}</h2>
            <SaveStatusLine status=keeper.status />
            <div class="field">
                <label for="stage">"Stage you are scoring"</label>
                <select id="stage" class="prompt__input" on:change=move |ev| scoring.stage.set(event_target_value(&ev))>{stages}</select>
            </div>
            <label class="option">
                <input type="checkbox" data-testid="blind" prop:checked=move || keeper.doc.with(|s| s.blind)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        keeper.edit(|s| { s.blind = on; s.updated_ms = browser::now_ms(); });
                    } />
                <span>"Read blind: hide school and team names everywhere (each proposal goes by a code)"</span>
            </label>
            <h3>"Conflicts of interest"</h3>
            <p>"Tick each school you have a conflict of interest with. Its proposal is then left out of your scoring, and your file says so. The list shows the schools by name so that you can declare before blind reading starts."</p>
            <ul class="plain-list" data-testid="conflicts">{conflicts}</ul>
            <HiddenTerms desk schools extra />
            <p class="notice__actions">
                <a class="button button--secondary" href="#/ranking">"Open your ranking"</a>
            </p>
        </section>
    }
}

/// What blind reading hides, school by school, read only when the reviewer opens the list (each
/// proposal's file is read for its team members' names). It sits beside the conflicts, where
/// the schools are named anyway, before blind reading starts.
#[component]
fn HiddenTerms(
    desk: Desk,
    schools: Signal<Vec<(String, String)>>,
    extra: StoredValue<Vec<String>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let rows = move || {
        open.get().then(|| {
            schools
                .get()
                .into_iter()
                .map(|(id, school)| {
                    let terms = match desk.draft(&id) {
                        Some(draft) => {
                            let terms = Masker::for_draft(&draft, &extra.get_value()).terms();
                            if terms.is_empty() {
                                "Nothing: the proposal names no school or team member.".to_string()
                            } else {
                                terms.join(", ")
                            }
                        }
                        None => match desk.unreadable(&id) {
                            Some(why) => format!("Its file cannot be read: {why}"),
                            None => "Reading\u{2026}".to_string(),
                        },
                    };
                    view! { <li><strong>{school}": "</strong>{terms}</li> }
                })
                .collect_view()
        })
    };
    let district = move || {
        let terms = extra.get_value();
        if terms.is_empty() {
            "The district added no words of its own.".to_string()
        } else {
            format!(
                "Added by the district, in every proposal: {}.",
                terms.join(", ")
            )
        }
    };
    view! {
        <details class="hidden-terms" data-testid="hidden-terms" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            let shown = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|d| d.has_attribute("open"));
            open.set(shown);
        }>
            <summary>"What blind reading hides in each proposal"</summary>
            <p>"Each school\u{2019}s name and its distinctive part, and the names of its team members and of those who sign its cover page, in any case and with possessives. A word that is also an everyday word (Hope, Grant, Hill) is hidden only where it is written with a capital inside a sentence."</p>
            <p>{district}</p>
            <ul class="plain-list">{rows}</ul>
        </details>
    }
}
