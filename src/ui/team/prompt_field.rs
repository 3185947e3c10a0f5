//! One prompt of the catalog, rendered from its kind: text, choice, checklist or rows.

use super::autosave::Autosave;
use super::resources::{BudgetTotals, GatheredAsks};
use crate::ui::browser;
use crossroads_workbook::catalog::{ChecklistGroup, ChoiceItem, Column, ColumnKind, Rows};
use crossroads_workbook::resources;
use crossroads_workbook::{Answer, Prompt, PromptKind};
use leptos::prelude::*;

/// The id of the control that takes focus when a link points at this prompt.
pub fn field_id(prompt_id: &str) -> String {
    format!("field-{prompt_id}")
}

fn help_id(prompt_id: &str) -> String {
    format!("help-{prompt_id}")
}

/// A prompt with its label, guidance and the control its kind calls for.
#[component]
pub fn PromptField(
    /// The prompt, from the catalog.
    prompt: &'static Prompt,
    /// The open draft.
    autosave: Autosave,
) -> impl IntoView {
    let body = match &prompt.kind {
        PromptKind::ShortText => {
            view! { <TextAnswer prompt autosave multiline=false /> }.into_any()
        }
        PromptKind::LongText => view! { <TextAnswer prompt autosave multiline=true /> }.into_any(),
        PromptKind::Choice(options) => {
            view! { <ChoiceAnswer prompt options autosave /> }.into_any()
        }
        PromptKind::Checklist(groups) => {
            view! { <ChecklistAnswer prompt groups autosave /> }.into_any()
        }
        PromptKind::Rows(rows) => view! { <RowsAnswer prompt rows autosave /> }.into_any(),
    };
    // The plan's prompts show what the app works out from them: the asks already written
    // before the requests, the totals after the budget.
    let before =
        (prompt.id == resources::REQUESTS_PROMPT).then(|| view! { <GatheredAsks autosave /> });
    let after =
        (prompt.id == resources::BUDGET_PROMPT).then(|| view! { <BudgetTotals autosave /> });
    view! {
        <div class="prompt" id=format!("prompt-{}", prompt.id) data-prompt=prompt.id>
            {before}
            {body}
            {after}
        </div>
    }
}

#[component]
fn Help(prompt: &'static Prompt) -> impl IntoView {
    view! { <p class="prompt__help" id=help_id(prompt.id)>{prompt.help}</p> }
}

#[component]
fn TextAnswer(prompt: &'static Prompt, autosave: Autosave, multiline: bool) -> impl IntoView {
    let value = Memo::new(move |_| autosave.draft.with(|d| d.text(prompt.id).to_string()));
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        autosave.edit(|d| d.set_answer(prompt.id, Answer::Text(text)));
    };
    let read_only = move || autosave.is_read_only();
    let control = if multiline {
        view! {
            <textarea
                id=field_id(prompt.id)
                class="prompt__input prompt__input--long"
                aria-describedby=help_id(prompt.id)
                readonly=read_only
                prop:value=value
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                id=field_id(prompt.id)
                class="prompt__input"
                aria-describedby=help_id(prompt.id)
                readonly=read_only
                prop:value=value
                on:input=on_input
            />
        }
        .into_any()
    };
    view! {
        <label class="prompt__label" for=field_id(prompt.id)>{prompt.label}</label>
        <Help prompt />
        {control}
    }
}

#[component]
fn ChoiceAnswer(
    prompt: &'static Prompt,
    options: &'static [ChoiceItem],
    autosave: Autosave,
) -> impl IntoView {
    let chosen = Memo::new(move |_| {
        autosave.draft.with(|d| match d.answer(prompt.id) {
            Some(Answer::Choice(c)) if !c.is_empty() => Some(c.clone()),
            _ => None,
        })
    });
    let read_only = move || autosave.is_read_only();
    let radios = options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let id = if i == 0 {
                field_id(prompt.id)
            } else {
                format!("{}-{}", field_id(prompt.id), option.id)
            };
            view! {
                <label class="option">
                    <input
                        type="radio"
                        id=id
                        name=prompt.id
                        value=option.id
                        disabled=read_only
                        prop:checked=move || chosen.get().as_deref() == Some(option.id)
                        on:change=move |_| {
                            autosave.edit(|d| d.set_answer(prompt.id, Answer::Choice(option.id.to_string())))
                        }
                    />
                    <span>{option.label}</span>
                </label>
            }
        })
        .collect_view();
    let clear = move |_| {
        autosave.edit(|d| {
            d.answers.remove(prompt.id);
        });
        browser::focus_later(field_id(prompt.id));
    };
    view! {
        <fieldset class="prompt__group" aria-describedby=help_id(prompt.id)>
            <legend class="prompt__label">{prompt.label}</legend>
            <Help prompt />
            <div class="options">{radios}</div>
            <Show when=move || chosen.get().is_some() && !read_only()>
                <button type="button" class="button button--quiet button--small" on:click=clear>
                    "Clear this choice"
                </button>
            </Show>
        </fieldset>
    }
}

#[component]
fn ChecklistAnswer(
    prompt: &'static Prompt,
    groups: &'static [ChecklistGroup],
    autosave: Autosave,
) -> impl IntoView {
    let read_only = move || autosave.is_read_only();
    let mut first = true;
    let groups_view = groups
        .iter()
        .map(|group| {
            let items = group
                .items
                .iter()
                .map(|item| {
                    let id = if std::mem::take(&mut first) {
                        field_id(prompt.id)
                    } else {
                        format!("{}-{}", field_id(prompt.id), item.id)
                    };
                    let checked = Memo::new(move |_| {
                        autosave.draft.with(|d| {
                            matches!(d.answer(prompt.id), Some(Answer::Checklist(set)) if set.contains(item.id))
                        })
                    });
                    view! {
                        <label class="option">
                            <input
                                type="checkbox"
                                id=id
                                value=item.id
                                disabled=read_only
                                prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    autosave.edit(|d| d.set_checked(prompt.id, item.id, on));
                                }
                            />
                            <span>{item.label}</span>
                        </label>
                    }
                })
                .collect_view();
            // A district's checklist has one group without a heading: no fieldset of its own.
            if group.label.is_empty() {
                view! { <div class="options">{items}</div> }.into_any()
            } else {
                view! {
                    <fieldset class="checklist-group">
                        <legend class="checklist-group__label">{group.label}</legend>
                        <div class="options">{items}</div>
                    </fieldset>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <fieldset class="prompt__group" aria-describedby=help_id(prompt.id)>
            <legend class="prompt__label">{prompt.label}</legend>
            <Help prompt />
            <div class="checklist">{groups_view}</div>
        </fieldset>
    }
}

fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

fn capitalized(noun: &str) -> String {
    let mut chars = noun.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn cell_id(prompt_id: &str, row: usize, column: usize) -> String {
    if row == 0 && column == 0 {
        field_id(prompt_id)
    } else {
        format!("{}-{row}-{column}", field_id(prompt_id))
    }
}

#[component]
fn RowsAnswer(prompt: &'static Prompt, rows: &'static Rows, autosave: Autosave) -> impl IntoView {
    let read_only = move || autosave.is_read_only();
    let stored_rows = Memo::new(move |_| {
        autosave.draft.with(|d| match d.answer(prompt.id) {
            Some(Answer::Rows(r)) => r.len(),
            _ => 0,
        })
    });
    // An empty answer still shows one blank row, ready to type into.
    let shown_rows = move || stored_rows.get().max(1);
    let add_id = format!("add-{}", prompt.id);
    let add = move |_| {
        let target = shown_rows() + 1;
        autosave.edit(|d| d.rows_mut(prompt.id).resize_with(target, Default::default));
        browser::focus_later(cell_id(prompt.id, target - 1, 0));
    };
    let add_focus_id = add_id.clone();
    let remove = move |index: usize| {
        autosave.edit(|d| {
            let list = d.rows_mut(prompt.id);
            if index < list.len() {
                list.remove(index);
            }
        });
        browser::focus_later(add_focus_id.clone());
    };
    let has_rows = move || stored_rows.get() != 0;
    let row_view = move |index: usize| {
        let title = format!("{} {}", capitalized(rows.noun), index + 1);
        let cells = rows
            .columns
            .iter()
            .enumerate()
            .map(|(c, column)| view! { <RowCell prompt column index=index column_index=c autosave /> })
            .collect_view();
        let remove = remove.clone();
        view! {
            <li class="rows__row">
                <fieldset class="rows__item">
                    <legend class="rows__title">{title.clone()}</legend>
                    <div class="rows__cells">{cells}</div>
                    <Show when=move || !read_only() && has_rows()>
                        <button
                            type="button"
                            class="button button--quiet button--small rows__remove"
                            aria-label=format!("Remove {}", title.to_lowercase())
                            on:click={
                                let remove = remove.clone();
                                move |_| remove(index)
                            }
                        >
                            "Remove"
                        </button>
                    </Show>
                </fieldset>
            </li>
        }
    };
    view! {
        <fieldset class="prompt__group" aria-describedby=help_id(prompt.id)>
            <legend class="prompt__label">{prompt.label}</legend>
            <Help prompt />
            <ol class="rows">
                <For each=move || 0..shown_rows() key=|i| *i children=row_view />
            </ol>
            <Show when=move || !read_only()>
                <button type="button" class="button button--secondary button--small" id=add_id.clone() on:click=add>
                    {format!("+ Add {}", with_article(rows.noun))}
                </button>
            </Show>
        </fieldset>
    }
}

#[component]
fn RowCell(
    prompt: &'static Prompt,
    column: &'static Column,
    index: usize,
    column_index: usize,
    autosave: Autosave,
) -> impl IntoView {
    let id = cell_id(prompt.id, index, column_index);
    let value = Memo::new(move |_| {
        autosave.draft.with(|d| match d.answer(prompt.id) {
            Some(Answer::Rows(rows)) => rows
                .get(index)
                .and_then(|row| row.get(column.id))
                .cloned()
                .unwrap_or_default(),
            _ => String::new(),
        })
    });
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        autosave.edit(|d| {
            let rows = d.rows_mut(prompt.id);
            if rows.len() <= index {
                rows.resize_with(index + 1, Default::default);
            }
            rows[index].insert(column.id.to_string(), text);
        });
    };
    let read_only = move || autosave.is_read_only();
    let control = match column.kind {
        ColumnKind::Note => view! {
            <textarea id=id.clone() class="prompt__input prompt__input--note" readonly=read_only prop:value=value on:input=on_input></textarea>
        }
        .into_any(),
        ColumnKind::Text => view! {
            <input type="text" id=id.clone() class="prompt__input" readonly=read_only prop:value=value on:input=on_input />
        }
        .into_any(),
        ColumnKind::Date => view! {
            <input type="date" id=id.clone() class="prompt__input prompt__input--date" readonly=read_only prop:value=value on:input=on_input />
        }
        .into_any(),
        ColumnKind::Amount => view! {
            <input type="text" inputmode="decimal" autocomplete="off" id=id.clone() class="prompt__input prompt__input--amount" readonly=read_only prop:value=value on:input=on_input />
        }
        .into_any(),
        ColumnKind::Choice(options) => {
            let choices = options
                .iter()
                .map(|o| view! { <option value=o.id prop:selected=move || value.get() == o.id>{o.label}</option> })
                .collect_view();
            view! {
                <select id=id.clone() class="prompt__input prompt__input--select" disabled=read_only on:change=on_input>
                    <option value="" prop:selected=move || value.get().is_empty()>"Choose\u{2026}"</option>
                    {choices}
                </select>
            }
            .into_any()
        }
    };
    view! {
        <div class=format!("rows__cell rows__cell--{}", column.id)>
            <label class="rows__label" for=id>{column.label}</label>
            {control}
        </div>
    }
}
