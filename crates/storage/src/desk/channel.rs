//! Telling the other open desk tabs what changed: IndexedDB fires no `storage` event, so each
//! change is sent on a `BroadcastChannel` (which never delivers to the tab that sent it).

use super::{Heard, News};
use crate::keys::DESK_CHANNEL;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

/// The desk's channel, open; closed when dropped.
pub struct DeskChannel {
    channel: BroadcastChannel,
    _listener: Option<Closure<dyn FnMut(MessageEvent)>>,
}

impl DeskChannel {
    /// Opens the channel and calls `heard` with each message another tab sends. `None` when
    /// the browser has no `BroadcastChannel` (then other tabs learn of changes when they list
    /// the desk again).
    ///
    /// ```no_run
    /// use crossroads_storage::desk::{DeskChannel, Heard};
    /// let channel = DeskChannel::open(|heard| match heard {
    ///     Heard::News(news) => { /* add news.added, drop news.removed, … */ }
    ///     Heard::Reload => { /* list the desk again */ }
    /// });
    /// ```
    pub fn open(mut heard: impl FnMut(Heard) + 'static) -> Option<Self> {
        let channel = BroadcastChannel::new(DESK_CHANNEL).ok()?;
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            heard(match event.data().as_string() {
                Some(message) => News::read(&message),
                None => Heard::Reload,
            })
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(DeskChannel {
            channel,
            _listener: Some(listener),
        })
    }

    /// Tells the other tabs what changed (nothing is sent for no change).
    ///
    /// ```no_run
    /// # use crossroads_storage::desk::{DeskChannel, News};
    /// # let channel = DeskChannel::open(|_| {}).unwrap();
    /// channel.tell(&News { added: vec!["d1".into()], ..News::default() });
    /// ```
    pub fn tell(&self, news: &News) {
        if !news.is_empty() {
            let _ = self
                .channel
                .post_message(&wasm_bindgen::JsValue::from_str(&news.message()));
        }
    }
}

impl Drop for DeskChannel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
