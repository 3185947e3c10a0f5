//! The reviewer's page's records in local storage: the district's competitions and the
//! reviewers' score sheets, opened once per page (handlers of files and window events reach them
//! outside any component), and the panels and assignments. All kinds share the storage crate's budget for reviewers' records.

use crate::ui::browser;
use crossroads_panel::{AssignmentFile, Panel};
use crossroads_review::{Competition, ScoreSheet};
use crossroads_storage::{DocStore, MemoryStore, StoreError};
use std::sync::Arc;

/// The reviewer's stores of competitions and score sheets (local storage, within the share the
/// storage crate keeps for them).
pub struct Stores {
    pub competitions: Arc<DocStore<Competition>>,
    pub sheets: Arc<DocStore<ScoreSheet>>,
    /// The district's review panels.
    // Read by the panel's screens, not built yet.
    #[allow(dead_code)]
    pub panels: Arc<DocStore<Panel>>,
    /// The panel's assignments this reviewer opened, by panel.
    pub assignments: Arc<DocStore<AssignmentFile>>,
    /// Why the browser's storage could not be used, when it could not.
    pub refused: Option<StoreError>,
}

impl Stores {
    fn open() -> Stores {
        let writer = format!("tab-{}", browser::random_u64() % 1_000_000);
        #[cfg(target_arch = "wasm32")]
        {
            use crossroads_storage::BrowserStore;
            if let (Ok(a), Ok(b), Ok(c), Ok(d)) = (
                BrowserStore::open(),
                BrowserStore::open(),
                BrowserStore::open(),
                BrowserStore::open(),
            ) {
                return Stores {
                    competitions: Arc::new(DocStore::new(Box::new(a), &writer)),
                    sheets: Arc::new(DocStore::new(Box::new(b), &writer)),
                    panels: Arc::new(DocStore::new(Box::new(c), &writer)),
                    assignments: Arc::new(DocStore::new(Box::new(d), &writer)),
                    refused: None,
                };
            }
        }
        let memory = Arc::new(MemoryStore::default());
        Stores {
            competitions: Arc::new(DocStore::new(Box::new(memory.clone()), &writer)),
            sheets: Arc::new(DocStore::new(Box::new(memory.clone()), &writer)),
            panels: Arc::new(DocStore::new(Box::new(memory.clone()), &writer)),
            assignments: Arc::new(DocStore::new(Box::new(memory), &writer)),
            refused: Some(StoreError::Unavailable),
        }
    }

    /// The page's stores, opened on first use.
    pub fn get() -> &'static Stores {
        static STORES: std::sync::OnceLock<Stores> = std::sync::OnceLock::new();
        STORES.get_or_init(Stores::open)
    }
}
