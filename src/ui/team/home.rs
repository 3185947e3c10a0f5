//! The home screen: the drafts kept in this browser, and starting, renaming, copying and
//! deleting them.

use super::backup::{BackupPanel, BackupReminder};
use super::route::Route;
use super::space::SpacePanel;
use super::AppContext;
use crate::ui::browser;
use crate::ui::kit::confirm::ConfirmDelete;
use crate::ui::kit::later::{lazy_view, AfterFirstPaint};
use crate::ui::kit::notice::ErrorNotice;
use crate::ui::kit::page::{OtherPages, Page};
use crossroads_storage::{DraftStore, DraftSummary, Listing, Unreadable};
use crossroads_workbook::catalog::FIRST_SECTION;
use crossroads_workbook::{new_draft_id, FocusArea};
use leptos::prelude::*;

/// The list of drafts and the form that starts one.
#[component]
pub fn Home() -> impl IntoView {
    browser::set_title("Your design proposals");
    let context = AppContext::get();
    // Another tab's change to any draft shows here at once.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_none_or(|key| DraftStore::is_ours(&key)) {
            context.drafts_changed();
        }
    });
    on_cleanup(move || other_tab.remove());
    let entries = Memo::new(move |_| {
        context.track_drafts();
        context.store().list().map_err(|e| e.to_string())
    });
    // A draft opened from this list opens at once: its screen's code comes now, after the paint.
    request_animation_frame(|| {
        set_timeout(super::lazy::preload_workspace, std::time::Duration::ZERO)
    });
    let areas = FocusArea::ALL
        .iter()
        .map(|area| view! { <li>{area.section().title}</li> })
        .collect_view();

    view! {
        <main id="main" class="page" tabindex="-1">
            // What the screen before this one had to tell the team (it is gone now).
            <crate::ui::kit::confirm::Dismissable message=context.flash testid="flash" />
            <BackupReminder />
            <super::durability::SafariNotice />
            <section class="intro">
                <h1>"Plan your school\u{2019}s personalized learning design"</h1>
                <p class="intro__lead">
                    "Crossroads walks your design team through the four areas of focus from the CRPE \
                     report \u{201c}Personalized Learning at a Crossroads\u{201d}, then checks your plan \
                     for the warning signs the report found. Work at your own pace, over as many \
                     sessions as you need."
                </p>
                <ol class="intro__areas">{areas}</ol>
                <p class="intro__privacy">
                    "Everything you type stays in this browser on this computer. Nothing is sent anywhere."
                </p>
                <p class="intro__example">
                    <a href=Route::Draft { id: super::example::EXAMPLE_ID.to_string(), section: None, focus: None }.href()>
                        "Read an example proposal"
                    </a>
                    " \u{2013} a fictional school\u{2019}s finished plan, which you can copy as a starting point."
                </p>
            </section>
            <super::durability::KitNotice />
            <NewDraftForm />
            <AfterFirstPaint>
                <super::import::ImportPanel />
            </AfterFirstPaint>
            <section class="drafts" aria-labelledby="drafts-heading">
                <h2 id="drafts-heading" tabindex="-1">
                    "Drafts in this browser"
                    {move || match entries.get() {
                        Ok(list) if !list.is_empty() => format!(" ({})", list.len()),
                        _ => String::new(),
                    }}
                </h2>
                {move || match entries.get() {
                    Err(e) => view! {
                        <p class="notice notice--danger" role="alert">
                            {format!("Crossroads could not read this browser's storage: {e}.")}
                        </p>
                    }
                    .into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <p class="drafts__empty" data-testid="no-drafts">
                            "No drafts yet. Give your proposal a title above to start one."
                        </p>
                        <super::durability::KitEmptyHelp />
                    }
                    .into_any(),
                    Ok(list) => {
                        let cards = list
                            .into_iter()
                            .map(|entry| match entry {
                                Listing::Draft(draft) => view! { <DraftCard draft /> }.into_any(),
                                Listing::Unreadable(damaged) => lazy_view!(damaged_card(damaged), None),
                            })
                            .collect_view();
                        view! { <ul class="drafts__list">{cards}</ul> }.into_any()
                    }
                }}
            </section>
            <AfterFirstPaint>
                <BackupPanel />
                <section class="space-section" aria-labelledby="space-heading">
                    <h2 id="space-heading">"Space in this browser"</h2>
                    {move || {
                        context.track_drafts();
                        view! { <SpacePanel on_freed=Callback::new(move |_| context.drafts_changed()) /> }
                    }}
                </section>
            </AfterFirstPaint>
        </main>
        <OtherPages here=Page::Team />
    }
}

#[component]
fn NewDraftForm() -> impl IntoView {
    let context = AppContext::get();
    let title = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = new_draft_id(browser::now_ms(), browser::random_u64());
        match context
            .store()
            .create(&id, title.get_untracked().trim(), browser::now_ms())
        {
            Ok(draft) => {
                context.announce(format!(
                    "Started \u{201c}{}\u{201d}.",
                    draft.display_title()
                ));
                browser::replace_hash(&Route::section(&draft.id, FIRST_SECTION).href());
            }
            Err(e) => error.set(Some(format!("The draft could not be started: {e}."))),
        }
    };
    view! {
        <section class="new-draft" aria-labelledby="new-draft-heading">
            <h2 id="new-draft-heading">"Start a new draft"</h2>
            <form class="new-draft__form" on:submit=create>
                <div class="field">
                    <label for="new-draft-title">"Title of your proposal"</label>
                    <p class="field__hint" id="new-draft-hint">
                        "For example \u{201c}Learning studios for grades 6\u{2013}8\u{201d}. You can change it later."
                    </p>
                    <input
                        id="new-draft-title"
                        type="text"
                        aria-describedby="new-draft-hint"
                        prop:value=title
                        on:input=move |ev| title.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="button">"Start a new draft"</button>
            </form>
            <ErrorNotice message=error />
        </section>
    }
}

/// The element ids and words of one draft card, shared by its handlers.
#[derive(Clone)]
struct Card {
    id: String,
    title: String,
}

impl Card {
    fn element(&self, what: &str) -> String {
        format!("{what}-{}", self.id)
    }

    /// " “Title”", read after a button's word so each button names its draft.
    fn for_screen_readers(&self) -> String {
        format!(" \u{201c}{}\u{201d}", self.title)
    }
}

#[component]
fn DraftCard(draft: DraftSummary) -> impl IntoView {
    let read_only = draft.read_only;
    let context = AppContext::get();
    let card = StoredValue::new(Card {
        id: draft.id.clone(),
        title: draft.display_title().to_string(),
    });
    let el = move |what: &str| card.with_value(|c| c.element(what));
    let sr_title = move || card.with_value(Card::for_screen_readers);
    let progress = draft.progress;
    let percent = progress.percent();
    let school = match draft.school.trim() {
        "" => "School not named yet".to_string(),
        school => school.to_string(),
    };
    let open_href = Route::Draft {
        id: draft.id.clone(),
        section: None,
        focus: None,
    }
    .href();
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let new_title = RwSignal::new(draft.title.clone());

    let duplicate = move |_| {
        let (id, title) = card.with_value(|c| (c.id.clone(), c.title.clone()));
        let new_id = new_draft_id(browser::now_ms(), browser::random_u64());
        match context.store().duplicate(
            &id,
            &new_id,
            &format!("Copy of {title}"),
            browser::now_ms(),
        ) {
            Ok(copy) => {
                context.announce(format!("Made \u{201c}{}\u{201d}.", copy.display_title()));
                context.drafts_changed();
                browser::focus_later(format!("open-{}", copy.id));
            }
            Err(e) => error.set(Some(format!("The draft could not be copied: {e}."))),
        }
    };
    let delete = move |()| {
        let (id, title) = card.with_value(|c| (c.id.clone(), c.title.clone()));
        match context.store().delete(&id) {
            Ok(()) => {
                context.announce(format!("Deleted \u{201c}{title}\u{201d}."));
                context.drafts_changed();
                browser::focus_later("drafts-heading".to_string());
            }
            Err(e) => error.set(Some(format!("The draft could not be deleted: {e}."))),
        }
    };
    let title_link = {
        let open_href = open_href.clone();
        move || {
            view! {
                <h3 class="draft-card__title">
                    <a id=el("open") href=open_href.clone()>{card.with_value(|c| c.title.clone())}</a>
                </h3>
            }
        }
    };

    view! {
        <li class="draft-card" data-testid="draft-card" data-draft-id=draft.id.clone()>
            <Show when=move || renaming.get() fallback=title_link>
                {lazy_view!(
                    rename_form(Rename { context, card, new_title, renaming, error }),
                    Some(el("rename-input"))
                )}
            </Show>
            <p class="draft-card__school">{school}</p>
            {read_only.then(|| view! {
                <p class="badge badge--warning">"Read-only: saved by a newer version of Crossroads"</p>
            })}
            <dl class="draft-card__facts">
                <div>
                    <dt>"Last edited"</dt>
                    <dd>{browser::format_time(draft.updated_ms)}</dd>
                </div>
                <div>
                    <dt>"Progress"</dt>
                    <dd data-testid="draft-progress">
                        {format!("{} of {} answered", progress.answered, progress.total)}
                    </dd>
                </div>
            </dl>
            <span class="meter" aria-hidden="true">
                <span class="meter__fill" style:width=format!("{percent}%")></span>
            </span>
            <div class="draft-card__actions">
                <a class="button button--small" href=open_href>
                    "Open"<span class="visually-hidden">{sr_title()}</span>
                </a>
                {(!read_only).then(|| view! {
                    <button
                        type="button"
                        id=el("rename")
                        class="button button--secondary button--small"
                        on:click=move |_| {
                            renaming.set(true);
                            browser::focus_later(el("rename-input"));
                        }
                    >
                        "Rename"<span class="visually-hidden">{sr_title()}</span>
                    </button>
                })}
                <button type="button" class="button button--secondary button--small" on:click=duplicate>
                    "Duplicate"<span class="visually-hidden">{sr_title()}</span>
                </button>
                <button
                    type="button"
                    id=el("delete")
                    class="button button--danger-quiet button--small"
                    aria-expanded=move || confirming.get().to_string()
                    on:click=move |_| {
                        confirming.set(true);
                        browser::focus_later(el("keep"));
                    }
                >
                    "Delete"<span class="visually-hidden">{sr_title()}</span>
                </button>
            </div>
            <Show when=move || confirming.get()>
                <ConfirmDelete
                    title=card.with_value(|c| c.title.clone())
                    consequence="Its answers and history will be removed from this browser."
                    keep_id=el("keep")
                    back_to=el("delete")
                    open=confirming
                    on_delete=Callback::new(delete)
                />
            </Show>
            <ErrorNotice message=error />
        </li>
    }
}

/// The signals of a draft card's rename form.
#[derive(Clone, Copy)]
struct Rename {
    context: AppContext,
    card: StoredValue<Card>,
    new_title: RwSignal<String>,
    renaming: RwSignal<bool>,
    error: RwSignal<Option<String>>,
}

/// A draft card's rename form: drawn only once the team asks to rename.
#[cfg_attr(feature = "split", leptos::lazy)]
fn rename_form(form: Rename) -> AnyView {
    let Rename {
        context,
        card,
        new_title,
        renaming,
        error,
    } = form;
    let el_of = move |what: &str| card.with_value(|c| c.element(what));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = card.with_value(|c| c.id.clone());
        match context
            .store()
            .rename(&id, new_title.get_untracked().trim(), browser::now_ms())
        {
            Ok(draft) => {
                context.announce(format!(
                    "Renamed to \u{201c}{}\u{201d}.",
                    draft.display_title()
                ));
                context.drafts_changed();
                browser::focus_later(el_of("rename"));
            }
            Err(e) => error.set(Some(format!("The draft could not be renamed: {e}."))),
        }
    };
    view! {
        <form class="draft-card__rename" on:submit=save>
            <label for=el_of("rename-input")>"New title"</label>
            <input
                id=el_of("rename-input")
                type="text"
                prop:value=new_title
                on:input=move |ev| new_title.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        renaming.set(false);
                        browser::focus_later(el_of("rename"));
                    }
                }
            />
            <button type="submit" class="button button--small">"Save title"</button>
            <button
                type="button"
                class="button button--quiet button--small"
                on:click=move |_| {
                    renaming.set(false);
                    browser::focus_later(el_of("rename"));
                }
            >
                "Cancel"
            </button>
        </form>
    }
    .into_any()
}

/// The card of a record that cannot be read: drawn only when there is one.
#[cfg_attr(feature = "split", leptos::lazy)]
fn damaged_card(damaged: Unreadable) -> AnyView {
    view! { <DamagedCard damaged /> }.into_any()
}

#[component]
fn DamagedCard(damaged: Unreadable) -> impl IntoView {
    let context = AppContext::get();
    let Unreadable { id, reason, size } = damaged;
    let error = RwSignal::new(None::<String>);
    let save_copy = {
        let id = id.clone();
        move |_| {
            let saved = context.store().raw(&id).ok().flatten().map(|raw| {
                browser::download(
                    &format!("crossroads-damaged-draft-{id}.txt"),
                    "text/plain",
                    &raw,
                )
            });
            if !matches!(saved, Some(Ok(()))) {
                error.set(Some(
                    "The copy could not be saved from this browser.".to_string(),
                ));
            }
        }
    };
    view! {
        <li class="draft-card draft-card--damaged" data-testid="damaged-draft" data-draft-id=id.clone()>
            <h3 class="draft-card__title">"A draft that cannot be opened"</h3>
            <p>{format!("Crossroads cannot read it because {reason}.")}</p>
            <p>
                "It is kept exactly as it is in this browser, and Crossroads will never write over it. \
                 Save a copy as a file to keep it safe or to get help recovering it."
            </p>
            <p class="draft-card__meta">{format!("Stored as \u{201c}{id}\u{201d}, {size} characters.")}</p>
            <div class="draft-card__actions">
                <button type="button" class="button button--secondary button--small" on:click=save_copy>
                    "Save a copy of this damaged draft"
                </button>
            </div>
            <ErrorNotice message=error />
        </li>
    }
}
