//! Small wrappers around the browser that components need: the clock, the URL, focus, titles.
//! Storage is not here: it belongs to the storage crate.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A random number for ids.
pub fn random_u64() -> u64 {
    (js_sys::Math::random() * 2f64.powi(52)) as u64
}

/// The URL's hash, with its `#`.
pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Goes to `href` (a `#/…` hash) without adding a history entry.
pub fn replace_hash(href: &str) {
    let _ = window().location().replace(href);
}

/// Sets the tab's title ("<what> – Crossroads").
pub fn set_title(what: &str) {
    document().set_title(&format!("{what} \u{2013} Crossroads"));
}

/// Moves keyboard focus to the element with this id, once the DOM has caught up.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
                el.scroll_into_view_with_bool(false);
            }
        }
    });
}

/// Moves keyboard focus to the heading with this id and shows the page from its top, once
/// the DOM has caught up: for Back and Next between whole screens.
pub fn focus_top(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
}

/// The skip link: focuses `<main>` without touching the hash, which holds the route.
pub fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_later("main".to_string());
}

/// Today's date in the reader's time zone, as YYYY-MM-DD.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// A date and time in the reader's own locale and time zone ("23 Nov 2026, 14:05").
pub fn format_time(ms: u64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string("default", &options).into()
}

/// Offers `text` to the user as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The click has started the download; the URL can go once the browser has read it.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Whether the browser promised to keep the site's data when space runs low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Not known yet.
    Unknown,
    /// The browser will keep it.
    Granted,
    /// The browser may clear it.
    NotGranted,
    /// The browser cannot be asked.
    Unsupported,
}

/// Asks the browser to keep the site's data (`navigator.storage.persist()`), and records its
/// answer.
pub fn ask_to_persist(answer: RwSignal<Persistence>) {
    let storage = window().navigator().storage();
    // Older browsers lack the Storage API: `storage` is then undefined.
    if JsValue::from(storage.clone()).is_undefined() {
        answer.set(Persistence::Unsupported);
        return;
    }
    let Ok(promise) = storage.persist() else {
        answer.set(Persistence::Unsupported);
        return;
    };
    leptos::task::spawn_local(async move {
        let granted = wasm_bindgen_futures::JsFuture::from(promise).await;
        answer.set(match granted.map(|v| v.as_bool()) {
            Ok(Some(true)) => Persistence::Granted,
            Ok(Some(false)) => Persistence::NotGranted,
            _ => Persistence::Unsupported,
        });
    });
}

/// Reads a file the team chose as text, then calls `done` (with `Err` if the browser could not
/// read it).
pub fn read_text(file: web_sys::File, done: impl FnOnce(Result<String, ()>) + 'static) {
    read_text_boxed(file, Box::new(done));
}

/// One copy of the reading, whoever asks: a generic async body is compiled again for every
/// caller, and this one is large.
fn read_text_boxed(file: web_sys::File, done: Box<dyn FnOnce(Result<String, ()>)>) {
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        done(
            text.map(|v| v.as_string().unwrap_or_default())
                .map_err(|_| ()),
        );
    });
}

/// Fetches a file of this site as text (`Err` when the network and the offline copy both fail,
/// or the site answers with an error).
pub async fn fetch_text(url: &str) -> Result<String, ()> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|_| ())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| ())?;
    if !response.ok() {
        return Err(());
    }
    let text = JsFuture::from(response.text().map_err(|_| ())?)
        .await
        .map_err(|_| ())?;
    text.as_string().ok_or(())
}

/// Whether the page was opened from a file on disk (the one-file kit).
pub fn from_disk() -> bool {
    window().location().protocol().unwrap_or_default() == "file:"
}

/// What the page can see of its browser, for how long it keeps the drafts.
#[inline(never)]
pub fn facts() -> crossroads_storage::BrowserFacts {
    let window = window();
    let navigator = window.navigator();
    let standalone_media = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    // Safari on iPhone and iPad says so on `navigator.standalone`.
    let standalone_flag = js_sys::Reflect::get(&navigator, &JsValue::from_str("standalone"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    crossroads_storage::BrowserFacts {
        user_agent: navigator.user_agent().unwrap_or_default(),
        max_touch_points: navigator.max_touch_points().max(0) as u32,
        standalone: standalone_media || standalone_flag,
        from_disk: from_disk(),
    }
}
