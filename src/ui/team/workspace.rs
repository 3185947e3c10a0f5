//! The screen of one open draft: its sections, the navigation between them, and saving.

use super::autosave::Autosave;
use super::prompt_field::{field_id, PromptField};
use super::route::{Route, EXPORT_PLACE, HISTORY_PLACE};
use super::space::{Freed, SpacePanel};
use super::AppContext;
use crate::ui::browser;
use crate::ui::kit::pager::Pager;
use crate::ui::kit::save::{ConflictPanel, SaveStatusLine};
use crossroads_storage::{Entry, SaveStatus, Unreadable};
use crossroads_workbook::catalog::FIRST_SECTION;
use crossroads_workbook::{Catalog, FocusArea, Section, SectionKind};
use leptos::prelude::*;

/// A draft, opened from storage: editable, read-only, or explained when it cannot open.
#[component]
pub fn Workspace(
    /// The draft id from the URL.
    id: String,
) -> impl IntoView {
    let context = AppContext::get();
    let store = context.store();
    if id == super::example::EXAMPLE_ID {
        return view! { <super::example::ExampleWorkspace /> }.into_any();
    }
    match store.load(&id) {
        Ok(Some(Entry::Editable { draft, revision })) => {
            view! { <Editor autosave=Autosave::new(draft, revision, store, false) read_only=None /> }.into_any()
        }
        Ok(Some(Entry::ReadOnly { draft, schema })) => {
            view! { <Editor autosave=Autosave::new(draft, 0, store, true) read_only=Some(ReadOnly::Newer(schema)) /> }
                .into_any()
        }
        Ok(Some(Entry::Unreadable(damaged))) => view! { <CannotOpen damaged /> }.into_any(),
        Ok(None) => view! {
            <Problem title="This draft is not in this browser">
                <p>
                    "Drafts are kept in the browser where they were written. It may have been \
                     deleted, or written on another computer or in another browser."
                </p>
            </Problem>
        }
        .into_any(),
        Err(e) => view! {
            <Problem title="Crossroads could not read this browser's storage">
                <p>{format!("The browser said that {e}. Nothing was changed.")}</p>
            </Problem>
        }
        .into_any(),
    }
}

#[component]
fn Problem(title: &'static str, children: Children) -> impl IntoView {
    browser::set_title(title);
    view! {
        <main id="main" class="page page--narrow" tabindex="-1">
            <h1>{title}</h1>
            {children()}
            <p><a class="button" href="#/">"Back to your drafts"</a></p>
        </main>
    }
}

#[component]
fn CannotOpen(damaged: Unreadable) -> impl IntoView {
    view! {
        <Problem title="This draft cannot be opened">
            <p>{format!("Crossroads cannot read this draft because {}.", damaged.reason)}</p>
            <p>
                "It is kept exactly as it was, and Crossroads will not write over it. \
                 From your list of drafts you can save a copy of it as a file."
            </p>
        </Problem>
    }
}

/// The section the URL names, resolved against the catalog.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// The URL names no section yet: go where the team left off.
    Resume,
    /// A section of the catalog.
    Section(&'static Section),
    /// The export screen.
    Export,
    /// The history screen.
    History,
    /// A section id the catalog does not know.
    Unknown,
}

/// Why an open draft cannot be changed here.
#[derive(Clone, Copy)]
pub enum ReadOnly {
    /// A newer version of Crossroads saved it, in this storage format.
    Newer(u32),
    /// It is the built-in example.
    Example,
}

/// The screens of one open draft: the section list, the draft bar and the current place.
#[component]
pub fn Editor(autosave: Autosave, read_only: Option<ReadOnly>) -> impl IntoView {
    let context = AppContext::get();
    super::lazy::preload();
    let draft_id = autosave.draft.with_untracked(|d| d.id.clone());
    let place = Memo::new(move |_| {
        context.route.with(|route| match route {
            Route::Draft { section: None, .. } => Place::Resume,
            Route::Draft {
                section: Some(s), ..
            } if s == EXPORT_PLACE => Place::Export,
            Route::Draft {
                section: Some(s), ..
            } if s == HISTORY_PLACE => Place::History,
            Route::Draft {
                section: Some(s), ..
            } => autosave
                .catalog
                .get()
                .section(s)
                .map_or(Place::Unknown, Place::Section),
            _ => Place::Unknown,
        })
    });
    let focus = Memo::new(move |_| {
        context.route.with(|route| match route {
            Route::Draft { focus, .. } => focus.clone(),
            _ => None,
        })
    });

    // Opening a draft returns to where the team left off.
    let resume_id = draft_id.clone();
    Effect::new(move |_| {
        if place.get() == Place::Resume {
            let last = autosave.draft.with_untracked(|d| d.last_section.clone());
            let section = autosave
                .catalog
                .get_untracked()
                .section(&last)
                .map_or(FIRST_SECTION, |s| s.id);
            browser::replace_hash(&Route::section(&resume_id, section).href());
        }
    });

    // Each move to a section is remembered, titled, and announced by moving focus to it.
    Effect::new(move |_| {
        let screen = match place.get() {
            Place::Export => Some("Export"),
            Place::History => Some("History"),
            _ => None,
        };
        if let Some(screen) = screen {
            let title = autosave
                .draft
                .with_untracked(|d| d.display_title().to_string());
            browser::set_title(&format!("{screen} \u{2013} {title}"));
            browser::focus_later("section-heading".to_string());
        }
        if let Place::Section(section) = place.get() {
            autosave.set_place(section.id);
            let title = autosave
                .draft
                .with_untracked(|d| d.display_title().to_string());
            browser::set_title(&format!("{} \u{2013} {title}", section.short_title));
            let target = match focus.get() {
                Some(prompt) if section.prompts.iter().any(|p| p.id == prompt) => field_id(&prompt),
                _ => "section-heading".to_string(),
            };
            browser::focus_later(target);
        }
    });

    view! {
        <div class="workspace">
            <SectionNav autosave place />
            <main id="main" class="workspace__main" tabindex="-1">
                <DraftBar autosave />
                {match read_only {
                    Some(ReadOnly::Example) => Some(view! { <super::example::ExampleNotice autosave /> }.into_any()),
                    Some(ReadOnly::Newer(schema)) => Some(view! {
                    <div class="notice notice--warning" data-testid="read-only-notice">
                        <p>
                            <strong>"Read-only. "</strong>
                            {format!(
                                "This draft was saved by a newer version of Crossroads (format {schema}). \
                                 You can read it here, but this version will not change it, so nothing \
                                 the newer version stored is lost. Open it in the newer version to edit it."
                            )}
                        </p>
                    </div>
                    }.into_any()),
                    None => None,
                }}
                {move || match place.get() {
                    Place::Section(section) if section.kind == SectionKind::Readiness => {
                        super::lazy::readiness(autosave)
                    }
                    Place::Section(section) => view! { <SectionScreen section autosave /> }.into_any(),
                    Place::Export => super::lazy::export(autosave),
                    Place::History => super::lazy::history(autosave),
                    Place::Unknown => view! {
                        <h1 id="section-heading" tabindex="-1">"There is no such section"</h1>
                        <p>"Choose a section from the list."</p>
                    }
                    .into_any(),
                    Place::Resume => ().into_any(),
                }}
            </main>
        </div>
    }
}

/// The draft's title and the save status, above every section, with what the team must know:
/// a failed save, another tab's version, storage running out.
#[component]
fn DraftBar(autosave: Autosave) -> impl IntoView {
    let title = Memo::new(move |_| autosave.draft.with(|d| d.display_title().to_string()));
    let school = Memo::new(move |_| autosave.draft.with(|d| d.school().to_string()));
    let status = autosave.status;
    let draft_id = autosave.draft.with_untracked(|d| d.id.clone());
    let export_href = StoredValue::new(Route::section(&draft_id, EXPORT_PLACE).href());
    let show_space = RwSignal::new(false);
    let full = move || matches!(status.get(), SaveStatus::NotSaved { full: true, .. });
    let open_id = StoredValue::new(draft_id.clone());
    view! {
        <super::durability::SafariReminder />
        <div class="draft-bar">
            <p class="draft-bar__title">
                <span data-testid="draft-title">{title}</span>
                <Show when=move || !school.get().is_empty()>
                    <span class="draft-bar__school">{move || format!(" \u{b7} {}", school.get())}</span>
                </Show>
            </p>
            <SaveStatusLine status />
        </div>
        <Show when=move || matches!(status.get(), SaveStatus::NotSaved { .. })>
            <div class="notice notice--danger" role="alert" data-testid="save-problem">
                <p>
                    <strong>{move || status.get().text()}</strong>
                    " What you typed is still on this screen and Crossroads will try again with your \
                     next change. Keep this tab open until it says Saved."
                </p>
                <Show when=full>
                    <p>
                        "To make room, delete the history of a large draft or a draft you no longer need. \
                         You can also "<a href=export_href.get_value()>"export this draft"</a>" to keep it as a file."
                    </p>
                    <p class="notice__actions">
                        <button type="button" class="button button--small" on:click=move |_| show_space.update(|s| *s = !*s)
                            aria-expanded=move || show_space.get().to_string()>
                            "Free space"
                        </button>
                        <button type="button" class="button button--secondary button--small" on:click=move |_| autosave.retry()>
                            "Try saving again"
                        </button>
                    </p>
                </Show>
            </div>
        </Show>
        <Show when=move || show_space.get() || (autosave.nearly_full.get().is_some() && !full())>
            {move || autosave.nearly_full.get().filter(|_| !full()).map(|percent| view! {
                <div class="notice notice--warning" data-testid="nearly-full">
                    <p>
                        {format!("This browser\u{2019}s storage for Crossroads is {percent}% full. ")}
                        "Back up your drafts from the home screen, and free space before it runs out."
                    </p>
                    <p class="notice__actions">
                        <button type="button" class="button button--secondary button--small" on:click=move |_| show_space.update(|s| *s = !*s)
                            aria-expanded=move || show_space.get().to_string()>
                            "Free space"
                        </button>
                    </p>
                </div>
            })}
            <Show when=move || show_space.get()>
                <SpacePanel open_draft=open_id.get_value() on_freed=Callback::new(move |freed: Freed| {
                    if freed == Freed::HistoryOf(open_id.get_value()) {
                        autosave.forget_history();
                    }
                    autosave.retry();
                }) />
            </Show>
        </Show>
        <crate::ui::kit::confirm::Dismissable message=autosave.notice testid="draft-notice" />
        <DraftConflict autosave />
    }
}

/// Both versions, side by side where they differ, when this tab and another changed the draft.
#[component]
fn DraftConflict(autosave: Autosave) -> impl IntoView {
    move || {
        autosave.conflict.get().map(|conflict| {
            let mine = autosave.draft.get_untracked();
            let theirs = conflict.theirs;
            let mut differences = Vec::new();
            if mine.title != theirs.title {
                differences.push((
                    "Title".to_string(),
                    mine.display_title().to_string(),
                    theirs.display_title().to_string(),
                ));
            }
            let catalog = Catalog::of(&mine).prompts().chain(
                Catalog::of(&theirs)
                    .prompts()
                    .filter(|p| Catalog::of(&mine).prompt(p.id).is_none()),
            );
            for prompt in catalog {
                let (a, b) = (mine.answer(prompt.id), theirs.answer(prompt.id));
                if a != b {
                    let text = |x: Option<&crossroads_workbook::Answer>| {
                        x.map(|x| prompt.answer_as_text(x)).unwrap_or_default()
                    };
                    differences.push((prompt.label.to_string(), text(a), text(b)));
                }
            }
            for flag in crossroads_workbook::Flag::ALL {
                let (a, b) = (flag.reason_in(&mine), flag.reason_in(&theirs));
                if a != b {
                    let text = |x: Option<&str>| {
                        x.map_or_else(String::new, |r| format!("Marked addressed: {r}"))
                    };
                    differences.push((format!("Warning sign: {}", flag.title()), text(a), text(b)));
                }
            }
            view! {
                <ConflictPanel
                    thing="draft"
                    differences
                    keep_mine=Callback::new(move |()| autosave.keep_mine())
                    keep_theirs=Callback::new(move |()| autosave.keep_theirs())
                />
            }
        })
    }
}

fn nav_label(section: &Section) -> String {
    match section.area() {
        Some(area) => format!("{}. {}", area.number(), section.short_title),
        None => section.short_title.to_string(),
    }
}

#[component]
fn SectionNav(autosave: Autosave, place: Memo<Place>) -> impl IntoView {
    let draft_id = autosave.draft.with_untracked(|d| d.id.clone());
    let nav_id = draft_id.clone();
    let items = move || {
        let draft_id = nav_id.clone();
        autosave.catalog.get().sections()
        .iter()
        .map(|section| {
            let href = Route::section(&draft_id, section.id).href();
            let is_current = move || matches!(place.get(), Place::Section(s) if s.id == section.id);
            let progress = Memo::new(move |_| {
                autosave.draft.with(|d| match section.kind {
                    SectionKind::Readiness => autosave.catalog.get_untracked().overall_progress(d),
                    _ => section.progress(d),
                })
            });
            let percent = move || progress.get().percent();
            view! {
                <li>
                    <a
                        class="section-nav__link"
                        class:section-nav__link--current=is_current
                        class:section-nav__link--complete=move || progress.get().is_complete()
                        href=href
                        aria-current=move || is_current().then_some("page")
                        data-section=section.id
                    >
                        <span class="section-nav__label">{nav_label(section)}</span>
                        <span class="section-nav__progress" data-testid="section-progress">
                            {move || {
                                let p = progress.get();
                                format!("{} of {}", p.answered, p.total)
                            }}
                            <span class="visually-hidden">" answered"</span>
                        </span>
                        <span class="meter" aria-hidden="true">
                            <span class="meter__fill" style:width=move || format!("{}%", percent())></span>
                        </span>
                    </a>
                </li>
            }
        })
        .collect_view()
    };
    view! {
        <nav class="section-nav" aria-label="Workbook sections">
            <a class="section-nav__back" href="#/">"\u{2190} All drafts"</a>
            <ol class="section-nav__list">
                {items}
                <ToolLink draft_id=draft_id.clone() segment=EXPORT_PLACE label="Export proposal" here=Place::Export place />
                <ToolLink draft_id segment=HISTORY_PLACE label="History" here=Place::History place />
            </ol>
        </nav>
    }
}

/// A link below the sections to a screen that is not one (export, history).
#[component]
fn ToolLink(
    draft_id: String,
    segment: &'static str,
    label: &'static str,
    here: Place,
    place: Memo<Place>,
) -> impl IntoView {
    let current = move || place.get() == here;
    view! {
        <li>
            <a
                class="section-nav__link section-nav__link--tool"
                class:section-nav__link--current=current
                href=Route::section(&draft_id, segment).href()
                aria-current=move || current().then_some("page")
                data-section=segment
            >
                <span class="section-nav__label">{label}</span>
            </a>
        </li>
    }
}

#[component]
fn SectionScreen(section: &'static Section, autosave: Autosave) -> impl IntoView {
    let draft_id = autosave.draft.with_untracked(|d| d.id.clone());
    let eyebrow = match section.kind {
        SectionKind::Area(area) => {
            format!("Focus area {} of {}", area.number(), FocusArea::ALL.len())
        }
        SectionKind::Resources => "Plan the means".to_string(),
        SectionKind::SignOff => "The district\u{2019}s requirements".to_string(),
        _ => "Before you begin".to_string(),
    };
    let prompts = section
        .prompts
        .iter()
        .map(|prompt| view! { <PromptField prompt autosave /> })
        .collect_view();
    // The district's brief: its expectations open the problems area, and a section it limits
    // counts its words as the team types.
    let expectations = (section.area() == Some(FocusArea::Problems))
        .then(|| {
            autosave.draft.with_untracked(|d| {
                d.brief.as_ref().map(|b| {
                    (
                        b.title.clone(),
                        b.expectation_lines()
                            .into_iter()
                            .map(str::to_string)
                            .collect::<Vec<_>>(),
                    )
                })
            })
        })
        .flatten()
        .filter(|(_, lines)| !lines.is_empty())
        .map(|(title, lines)| {
            view! {
                <aside class="section__expectations" aria-labelledby="expectations-heading" data-testid="district-expectations">
                    <h2 id="expectations-heading" class="section__why-label">"What the district expects for students"</h2>
                    <p>{format!("From the brief of {title}. Tie your design to these.")}</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </aside>
            }
        });
    let limit = autosave
        .draft
        .with_untracked(|d| d.brief.as_ref().and_then(|b| b.limit(section.id)));
    let words = limit.map(|limit| {
        let count = Memo::new(move |_| {
            autosave
                .draft
                .with(|d| crossroads_workbook::brief::section_words(d, section))
        });
        let over = move || count.get() > limit as usize;
        view! {
            <p class="section__words" class:section__words--over=over
                data-testid="section-words">
                {move || {
                    let n = count.get();
                    if n > limit as usize {
                        format!("{n} words in this section: {} over the district\u{2019}s limit of {limit}.", n - limit as usize)
                    } else {
                        format!("{n} of the {limit} words the district allows in this section.")
                    }
                }}
            </p>
        }
    });
    view! {
        <article class="section" data-testid="section" data-section=section.id>
            <p class="section__eyebrow">{eyebrow}</p>
            <h1 id="section-heading" class="section__title" tabindex="-1">{section.title}</h1>
            <aside class="section__why" aria-label="Why this matters">
                <p class="section__why-label">"Why this matters"</p>
                <p>{section.why}</p>
            </aside>
            {expectations}
            {words}
            <div class="section__prompts">{prompts}</div>
            <SectionPager section draft_id catalog=autosave.catalog.get_untracked() />
        </article>
    }
}

/// Back and Next links between sections.
#[component]
pub fn SectionPager(
    section: &'static Section,
    draft_id: String,
    /// The catalog the section belongs to.
    catalog: Catalog,
) -> impl IntoView {
    let back = catalog.previous(section.id).map(|prev| {
        (
            Route::section(&draft_id, prev.id).href(),
            prev.short_title.to_string(),
        )
    });
    let next = match catalog.next(section.id) {
        Some(next) => Some((next.id, next.short_title)),
        None if section.kind == SectionKind::Readiness => Some((EXPORT_PLACE, "Export proposal")),
        None => None,
    };
    let next = next.map(|(id, title)| (Route::section(&draft_id, id).href(), title.to_string()));
    view! { <Pager label="Previous and next section" back next /> }
}
