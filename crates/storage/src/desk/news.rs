//! What one desk tab tells the others (IndexedDB fires no `storage` event): the message sent on
//! the `BroadcastChannel` named [`crate::desk::CHANNEL`].
//!
//! ```json
//! {"desk":1,"added":["d1"],"replaced":[],"removed":["d7"]}
//! ```

use serde::{Deserialize, Serialize};

/// The version of the message format this build sends.
const NEWS_VERSION: u32 = 1;

/// What changed on the desk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct News {
    /// Ids of proposals put on the desk.
    pub added: Vec<String>,
    /// Ids of proposals whose file was replaced by another copy.
    pub replaced: Vec<String>,
    /// Ids of proposals taken off the desk.
    pub removed: Vec<String>,
}

/// A message heard from another tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Heard {
    /// What changed.
    News(News),
    /// A message this build cannot read (damaged, or from a newer version): list the desk again.
    Reload,
}

// Fields spelt out, not `#[serde(flatten)]`, which costs the WebAssembly several KB.
#[derive(Serialize)]
struct Out<'a> {
    desk: u32,
    added: &'a [String],
    replaced: &'a [String],
    removed: &'a [String],
}

#[derive(Deserialize)]
struct In {
    desk: u32,
    #[serde(default)]
    added: Vec<String>,
    #[serde(default)]
    replaced: Vec<String>,
    #[serde(default)]
    removed: Vec<String>,
}

impl News {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.replaced.is_empty() && self.removed.is_empty()
    }

    /// The message to send.
    ///
    /// ```
    /// use crossroads_storage::desk::{Heard, News};
    ///
    /// let news = News { added: vec!["d1".into()], ..News::default() };
    /// assert_eq!(News::read(&news.message()), Heard::News(news));
    /// ```
    pub fn message(&self) -> String {
        serde_json::to_string(&Out {
            desk: NEWS_VERSION,
            added: &self.added,
            replaced: &self.replaced,
            removed: &self.removed,
        })
        .expect("news always serializes")
    }

    /// What a message heard means. Anything this build cannot read asks for the desk to be
    /// listed again, never for nothing to happen.
    pub fn read(message: &str) -> Heard {
        match serde_json::from_str::<In>(message) {
            Ok(m) if m.desk == NEWS_VERSION => Heard::News(News {
                added: m.added,
                replaced: m.replaced,
                removed: m.removed,
            }),
            _ => Heard::Reload,
        }
    }
}
