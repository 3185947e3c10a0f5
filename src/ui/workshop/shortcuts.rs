//! The browser side of the run's keyboard shortcuts, full screen and the time-up sound.

use crossroads_workshop::{shortcut, KeyPlace, Shortcut};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `on` for every shortcut pressed on this page while the calling component lives.
pub fn listen(on: impl Fn(Shortcut) + 'static) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let tag = target
            .as_ref()
            .map(|t| t.tag_name().to_ascii_lowercase())
            .unwrap_or_default();
        let editable = target
            .as_ref()
            .and_then(|t| {
                t.dyn_ref::<web_sys::HtmlElement>()
                    .map(|h| h.is_content_editable())
            })
            .unwrap_or(false);
        let at = KeyPlace {
            in_field: editable || matches!(tag.as_str(), "input" | "textarea" | "select"),
            on_control: matches!(tag.as_str(), "button" | "a" | "summary"),
            modified: ev.ctrl_key() || ev.alt_key() || ev.meta_key(),
        };
        if let Some(s) = shortcut(&ev.key(), at) {
            ev.prevent_default();
            on(s);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Full screen for the whole page, or back out of it.
pub fn toggle_full_screen() {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        let _ = root.request_fullscreen();
    }
}

thread_local! {
    /// One audio context for the page, made when the facilitator turns the chime on (browsers
    /// let a page make sound only after a person's gesture).
    static AUDIO: std::cell::RefCell<Option<web_sys::AudioContext>> = const { std::cell::RefCell::new(None) };
}

/// Gets the chime ready: call it from the person's own click.
pub fn prepare_sound() {
    AUDIO.with(|a| {
        let mut a = a.borrow_mut();
        if a.is_none() {
            *a = web_sys::AudioContext::new().ok();
        }
    });
}

/// A short two-note chime, for the end of a time box. Quiet when the browser has no sound.
pub fn chime() {
    prepare_sound();
    let Some(context) = AUDIO.with(|a| a.borrow().clone()) else {
        return;
    };
    let _ = context.resume();
    let start = context.current_time();
    for (i, hz) in [660.0f32, 880.0].into_iter().enumerate() {
        let (Ok(osc), Ok(gain)) = (context.create_oscillator(), context.create_gain()) else {
            return;
        };
        osc.frequency().set_value(hz);
        let at = start + i as f64 * 0.35;
        let _ = gain.gain().set_value_at_time(0.0, at);
        let _ = gain.gain().linear_ramp_to_value_at_time(0.4, at + 0.03);
        let _ = gain.gain().linear_ramp_to_value_at_time(0.0, at + 0.3);
        let _ = osc.connect_with_audio_node(&gain);
        let _ = gain.connect_with_audio_node(&context.destination());
        let _ = osc.start_with_when(at);
        let _ = osc.stop_with_when(at + 0.32);
    }
}
