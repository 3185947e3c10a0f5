//! Parts of a screen that can wait a moment: drawn in a task of their own just after the page
//! first paints, so the first task of a page stays short on a slow school laptop.

use leptos::prelude::*;

/// Its children, drawn right after the first paint.
#[component]
pub fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(move || ready.set(true), std::time::Duration::ZERO);
    });
    move || ready.get().then(|| children())
}
