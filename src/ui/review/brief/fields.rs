//! Labelled fields bound to the competition being edited: text, paragraphs, lists typed one
//! per line, optional whole numbers, and amounts of money typed as people type them.

use crossroads_workbook::budget::{format_amount, parse_amount};
use leptos::prelude::*;

/// The hint's id for a field, when it has one.
fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

fn hint_view(id: &str, hint: Option<&'static str>) -> impl IntoView {
    let hint_id = hint_id(id);
    hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })
}

/// A labelled one-line text field.
pub fn text_field(
    id: String,
    label: &'static str,
    value: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" prop:value=value on:input=move |ev| set(event_target_value(&ev)) />
        </div>
    }
}

/// A labelled text area.
pub fn long_field(
    id: String,
    label: &'static str,
    hint: Option<&'static str>,
    value: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + 'static,
) -> impl IntoView {
    let described = hint.map(|_| hint_id(&id));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint_view(&id, hint)}
            <textarea
                id=id
                rows="3"
                aria-describedby=described
                prop:value=value
                on:input=move |ev| set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// The non-empty lines of `text`, trimmed.
pub fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// A list typed one item per line. The text stays as typed (blank lines, a space at the end of
/// a line while the next word comes); the list keeps its non-empty lines. A change made
/// elsewhere (another tab's version taken) replaces the text.
pub fn lines_field(
    id: String,
    label: &'static str,
    hint: Option<&'static str>,
    value: impl Fn() -> Vec<String> + Send + Sync + 'static,
    set: impl Fn(Vec<String>) + 'static,
) -> impl IntoView {
    let text = RwSignal::new(untrack(&value).join("\n"));
    Effect::new(move |_| {
        let lines = value();
        if text.with_untracked(|t| lines_of(t)) != lines {
            text.set(lines.join("\n"));
        }
    });
    let described = hint.map(|_| hint_id(&id));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint_view(&id, hint)}
            <textarea
                id=id
                rows="3"
                aria-describedby=described
                prop:value=move || text.get()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    let lines = lines_of(&typed);
                    text.set(typed);
                    set(lines);
                }
            ></textarea>
        </div>
    }
}

/// A whole number, or none when left blank.
pub fn number_field(
    id: String,
    label: impl Into<String>,
    hint: Option<&'static str>,
    range: (u32, u32),
    value: impl Fn() -> Option<u32> + Send + Sync + 'static,
    set: impl Fn(Option<u32>) + 'static,
) -> impl IntoView {
    let described = hint.map(|_| hint_id(&id));
    let label: String = label.into();
    view! {
        <div class="field field--number">
            <label for=id.clone()>{label}</label>
            {hint_view(&id, hint)}
            <input
                id=id
                type="number"
                inputmode="numeric"
                min=range.0.to_string()
                max=range.1.to_string()
                aria-describedby=described
                prop:value=move || value().map(|n| n.to_string()).unwrap_or_default()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    let typed = typed.trim();
                    if typed.is_empty() {
                        set(None);
                    } else if let Ok(n) = typed.parse::<u32>() {
                        set(Some(n.min(range.1)));
                    }
                }
            />
        </div>
    }
}

/// An amount of money typed as people type it ("100,000", "$2,500.50"), read with
/// `parse_amount`. Blank is no amount; what cannot be read as an amount is named under the
/// field and in `problem`, and the last amount read stays stored (never zero in its place).
pub fn money_field(
    id: String,
    label: &'static str,
    value: impl Fn() -> Option<i64> + Send + Sync + 'static,
    set: impl Fn(Option<i64>) + 'static,
    problem: RwSignal<Option<String>>,
) -> impl IntoView {
    let shown = |cents: Option<i64>| cents.map(format_amount).unwrap_or_default();
    let text = RwSignal::new(shown(untrack(&value)));
    Effect::new(move |_| {
        let cents = value();
        let typed = text.with_untracked(|t| {
            let t = t.trim();
            if t.is_empty() {
                Some(None)
            } else {
                parse_amount(t).filter(|c| *c >= 0).map(Some)
            }
        });
        // Only a change made elsewhere replaces what was typed.
        if typed.is_some_and(|typed| typed != cents) {
            text.set(shown(cents));
        }
    });
    let error_id = format!("{id}-error");
    let described = move || problem.with(|p| p.is_some().then(|| error_id.clone()));
    let error_id = format!("{id}-error");
    view! {
        <div class="field field--money">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-invalid=move || problem.with(|p| p.is_some().then_some("true"))
                aria-describedby=described
                prop:value=move || text.get()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    let t = typed.trim();
                    if t.is_empty() {
                        problem.set(None);
                        set(None);
                    } else {
                        match parse_amount(t) {
                            Some(cents) if cents >= 0 => {
                                problem.set(None);
                                set(Some(cents));
                            }
                            _ => problem.set(Some(format!(
                                "{label}: \u{201c}{t}\u{201d} is not an amount of money. Type it as 100,000 or $2,500.50; until it reads as one, the amount saved stays as it was."
                            ))),
                        }
                    }
                    text.set(typed);
                }
            />
            {move || problem.get().map(|p| view! { <p class="field__error" id=error_id.clone()>{p}</p> })}
        </div>
    }
}

/// Ids for new items: `prefix` and the first number not taken.
pub fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.clone().any(|t| t == id))
        .expect("some number is free")
}

/// Items typed one per line, keeping each item's id: a line unchanged keeps its own; a line
/// edited takes the id of an item whose line went away, in order; a new line gets a fresh id.
pub fn keep_ids(
    old: &[(String, String)],
    lines: Vec<String>,
    prefix: &str,
) -> Vec<(String, String)> {
    let mut used = vec![false; old.len()];
    let mut ids: Vec<Option<String>> = lines
        .iter()
        .map(|line| {
            let i = (0..old.len()).find(|&i| !used[i] && old[i].1 == *line)?;
            used[i] = true;
            Some(old[i].0.clone())
        })
        .collect();
    for id in ids.iter_mut().filter(|id| id.is_none()) {
        if let Some(i) = (0..old.len()).find(|&i| !used[i]) {
            used[i] = true;
            *id = Some(old[i].0.clone());
        }
    }
    let mut taken: Vec<String> = ids.iter().flatten().cloned().collect();
    taken.extend(old.iter().map(|(id, _)| id.clone()));
    ids.into_iter()
        .zip(lines)
        .map(|(id, line)| {
            let id = id.unwrap_or_else(|| {
                let id = fresh_id(prefix, taken.iter().map(String::as_str));
                taken.push(id.clone());
                id
            });
            (id, line)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn lines_keep_their_ids_through_edits_removals_and_additions() {
        let old = pairs(&[("a1", "One"), ("a2", "Two"), ("a3", "Three")]);
        // Edited in place: the id stays.
        let edited = keep_ids(
            &old,
            vec!["One".into(), "Two, reworded".into(), "Three".into()],
            "a",
        );
        assert_eq!(
            edited,
            pairs(&[("a1", "One"), ("a2", "Two, reworded"), ("a3", "Three")])
        );
        // Removed: the others keep theirs.
        let removed = keep_ids(&old, vec!["One".into(), "Three".into()], "a");
        assert_eq!(removed, pairs(&[("a1", "One"), ("a3", "Three")]));
        // Added: a fresh id never used before.
        let added = keep_ids(
            &old,
            vec!["Zero".into(), "One".into(), "Two".into(), "Three".into()],
            "a",
        );
        assert_eq!(
            added,
            pairs(&[
                ("a4", "Zero"),
                ("a1", "One"),
                ("a2", "Two"),
                ("a3", "Three")
            ])
        );
        assert_eq!(
            lines_of(" x \n\n y"),
            vec!["x".to_string(), "y".to_string()]
        );
        assert_eq!(fresh_id("q", ["q1", "q3"].into_iter()), "q2");
    }
}
