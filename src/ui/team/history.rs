//! The history screen: earlier versions of the open draft, to look at and restore. A restore
//! keeps the current version first, so it can be undone.

use super::autosave::Autosave;
use super::route::HISTORY_PLACE;
use super::AppContext;
use crate::ui::browser;
use crossroads_workbook::catalog::{Catalog, SectionKind};
use crossroads_workbook::Draft;
use leptos::prelude::*;

/// The longest piece of an answer shown when looking at a version.
const PREVIEW_CHARS: usize = 600;

fn preview(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(PREVIEW_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}\u{2026}")
    } else {
        head
    }
}

/// A version's answers, section by section, as text.
#[component]
fn VersionView(version: Draft) -> impl IntoView {
    let sections = Catalog::of(&version)
        .sections()
        .iter()
        .filter(|s| s.kind != SectionKind::Readiness)
        .filter_map(|section| {
            let items: Vec<_> = section
                .prompts
                .iter()
                .filter(|p| p.answered_in(&version))
                .map(|p| {
                    let text = version
                        .answer(p.id)
                        .map(|a| p.answer_as_text(a))
                        .unwrap_or_default();
                    view! {
                        <dt>{p.label}</dt>
                        <dd>{preview(&text)}</dd>
                    }
                })
                .collect();
            (!items.is_empty()).then(|| {
                view! {
                    <h4>{section.numbered_title()}</h4>
                    <dl class="version__answers">{items}</dl>
                }
            })
        })
        .collect_view();
    view! {
        <div class="version" data-testid="version-view">
            <p><strong>"Title: "</strong>{version.display_title().to_string()}</p>
            {sections}
        </div>
    }
}

/// The history screen of the open draft.
#[component]
pub fn HistoryScreen(autosave: Autosave) -> impl IntoView {
    let context = AppContext::get();
    let changed = RwSignal::new(0u32);
    let viewing = RwSignal::new(None::<usize>);
    let undo = RwSignal::new(None::<usize>);
    let restore = move |index: usize, when: String| {
        if let Some(before) = autosave.restore(index) {
            undo.set(Some(before));
            viewing.set(None);
            changed.update(|n| *n += 1);
            context.announce(format!("Restored the version from {when}."));
            browser::focus_later("history-undo".to_string());
        }
    };
    let undo_restore = move |_| {
        if let Some(index) = undo.get_untracked() {
            autosave.restore(index);
            undo.set(None);
            changed.update(|n| *n += 1);
            context.announce("Undone: the draft is back as it was before the restore.");
            browser::focus_later("section-heading".to_string());
        }
    };
    let list = move || {
        changed.track();
        let history = autosave.history();
        let current = autosave.draft.get_untracked();
        let read_only = autosave.is_read_only();
        if history.snapshots().is_empty() {
            return view! {
                <p data-testid="no-history">
                    "No earlier versions yet. Crossroads keeps one each time you move to another section, \
                     and one every few minutes while you write."
                </p>
            }
            .into_any();
        }
        let items = history
            .snapshots()
            .iter()
            .enumerate()
            .rev()
            .map(|(index, snapshot)| {
                let version = history.version(index, &current).expect("index from the list");
                let when = browser::format_time(snapshot.taken_ms);
                let progress = Catalog::of(&version).overall_progress(&version);
                let when_for_restore = when.clone();
                view! {
                    <li class="version-item" data-testid="version">
                        <p class="version-item__when"><strong>{when.clone()}</strong>" \u{b7} "{snapshot.reason.describe()}</p>
                        <p class="version-item__facts">
                            {format!("\u{201c}{}\u{201d}, {} of {} answered", version.display_title(), progress.answered, progress.total)}
                        </p>
                        <div class="version-item__actions">
                            <button
                                type="button"
                                class="button button--secondary button--small"
                                aria-expanded=move || (viewing.get() == Some(index)).to_string()
                                on:click=move |_| viewing.update(|v| *v = if *v == Some(index) { None } else { Some(index) })
                            >
                                {move || if viewing.get() == Some(index) { "Hide" } else { "View" }}
                                <span class="visually-hidden">{format!(" the version from {when}")}</span>
                            </button>
                            {(!read_only).then(|| view! {
                                <button
                                    type="button"
                                    class="button button--small"
                                    on:click=move |_| restore(index, when_for_restore.clone())
                                >
                                    "Restore this version"
                                </button>
                            })}
                        </div>
                        <Show when=move || viewing.get() == Some(index)>
                            <VersionView version=version.clone() />
                        </Show>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="versions">{items}</ol> }.into_any()
    };
    view! {
        <article class="section" data-testid="section" data-section=HISTORY_PLACE>
            <p class="section__eyebrow">"Earlier versions"</p>
            <h1 id="section-heading" class="section__title" tabindex="-1">"History of this draft"</h1>
            <p class="section__lead">
                "Look at an earlier version, or put it back. Restoring keeps the current version \
                 first, so you can undo it."
            </p>
            <Show when=move || undo.get().is_some()>
                <div class="notice" data-testid="restored">
                    <p>
                        "The earlier version is back. "
                        <button type="button" id="history-undo" class="button button--secondary button--small" on:click=undo_restore>
                            "Undo the restore"
                        </button>
                    </p>
                </div>
            </Show>
            {list}
        </article>
    }
}
