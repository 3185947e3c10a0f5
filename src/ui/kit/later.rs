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

/// A view whose code may still be on its way: drawn the moment it is there (at once when it
/// is), then given the focus (the element with id `focus`) that was asked for before it existed.
#[cfg(feature = "split")]
pub(crate) fn drawn_when_there(
    view: impl std::future::Future<Output = AnyView> + Send + 'static,
    focus: Option<String>,
) -> AnyView {
    use std::task::{Context, Poll, Waker};
    let mut view = Box::pin(view);
    // Already fetched: drawn now, as in a build without split files.
    if let Poll::Ready(view) = view.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        return view;
    }
    Suspend::new(async move {
        let view = view.await;
        if let Some(id) = focus {
            crate::ui::browser::focus_later(id);
        }
        view
    })
    .into_any()
}

/// Draws what a `#[lazy]` view function returns (`cfg_attr(feature = "split", leptos::lazy)`):
/// at once in builds without split parts, or once its part has arrived, then focuses the
/// element with id `$focus` (an `Option<String>`) if one was asked for meanwhile.
macro_rules! lazy_view {
    ($call:expr, $focus:expr) => {{
        #[cfg(feature = "split")]
        let view = $crate::ui::kit::later::drawn_when_there($call, $focus);
        #[cfg(not(feature = "split"))]
        let view = {
            let _: Option<String> = $focus;
            $call
        };
        view
    }};
}
pub(crate) use lazy_view;
