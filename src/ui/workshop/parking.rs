//! The parking lot: questions raised in the room, kept with the plan and marked when answered.

use super::editor::Plan;
use crate::ui::browser;
use crate::ui::kit::notice::announce;
use leptos::prelude::*;

/// The parking lot of a plan, with a field to park a question.
#[component]
pub fn ParkingLot(plan: Plan) -> impl IntoView {
    let announcement = expect_context::<RwSignal<String>>();
    let draft = RwSignal::new(String::new());
    let park = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked();
        if text.trim().is_empty() {
            return announce(announcement, "Write the question first.".into());
        }
        if plan.try_edit(|w| w.park(&text, browser::now_ms())) {
            draft.set(String::new());
            announce(announcement, "Parked the question.".into());
        } else {
            announce(
                announcement,
                "The question was not parked: the plan cannot be changed right now. It is still in the field.".into(),
            );
        }
    };
    let count = move || plan.doc.with(|w| w.parking_lot.len());
    let item = move |i: usize| {
        let text = move || {
            plan.doc.with(|w| {
                w.parking_lot
                    .get(i)
                    .map(|p| p.text.clone())
                    .unwrap_or_default()
            })
        };
        let answered = move || {
            plan.doc
                .with(|w| w.parking_lot.get(i).is_some_and(|p| p.answered))
        };
        let id = format!("parked-{i}");
        view! {
            <li class:parked--answered=answered data-testid="parked">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=answered
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        plan.edit(|w| {
                            if let Some(p) = w.parking_lot.get_mut(i) {
                                p.answered = on;
                            }
                        });
                    }
                />
                <label for=id>{text}<span class="visually-hidden">{move || if answered() { " (answered)" } else { "" }}</span></label>
            </li>
        }
    };
    view! {
        <section class="parking" aria-labelledby="parking-heading" data-testid="parking-lot">
            <h2 id="parking-heading">"Parking lot"</h2>
            <p class="field__hint">"Questions raised in the room that wait for later. Tick one when it is answered."</p>
            <Show when=move || { count() > 0 } fallback=|| view! { <p>"Nothing parked yet."</p> }>
                <ul class="checklist">
                    <For each=move || 0..count() key=|i| *i let(i)>
                        {item(i)}
                    </For>
                </ul>
            </Show>
            <form class="parking__add" on:submit=park>
                <div class="field">
                    <label for="park-question">"A question to park"</label>
                    <input id="park-question" type="text" prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button button--secondary button--small">"Park it"</button>
            </form>
        </section>
    }
}
