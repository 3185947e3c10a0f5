//! What this browser does with the drafts on its own, said where the team works: Safari's
//! seven-day deletion and the steps that keep drafts on an iPad, iPhone or Mac, and how the
//! one-file kit's storage behaves in this browser. The rules are the storage crate's
//! `BrowserFacts`; this file only words them.

use crate::ui::browser;
use crossroads_storage::{AppleDevice, Durability, KitStorage};
use leptos::prelude::*;

/// The steps that keep drafts on a Safari device: back up, install, open, restore.
fn steps(device: AppleDevice) -> (&'static str, &'static str, &'static str) {
    match device {
        AppleDevice::Mac => (
            "Mac",
            "In Safari, choose File, then \u{201c}Add to Dock\u{201d}.",
            "Open Crossroads from the Dock.",
        ),
        AppleDevice::IPad | AppleDevice::IPhone => (
            if device == AppleDevice::IPad {
                "iPad"
            } else {
                "iPhone"
            },
            "In Safari, tap Share, then \u{201c}Add to Home Screen\u{201d}.",
            "Open Crossroads from its Home Screen icon.",
        ),
    }
}

/// The home screen's notice in a Safari tab, with the steps for this device.
#[component]
pub fn SafariNotice() -> impl IntoView {
    let Durability::SafariTab(device) = browser::facts().durability() else {
        return None;
    };
    let (name, add, open) = steps(device);
    Some(view! {
        <section class="notice notice--warning" id="safari" aria-labelledby="safari-heading" data-testid="safari-notice">
            <h2 id="safari-heading">"Safari may delete these drafts after seven days away"</h2>
            <p>
                "After seven days of use without a visit here, Safari deletes what Crossroads stored, \
                 drafts included. To keep your drafts on this "{name}":"
            </p>
            <ol>
                <li>"Choose \u{201c}Back up all drafts\u{201d} below and keep the file safe."</li>
                <li>{add}</li>
                <li>{open}</li>
                <li>"It starts empty (it keeps its own drafts, apart from Safari\u{2019}s): choose \
                     \u{201c}Restore from a backup\u{201d} there."</li>
            </ol>
            <p>"Until then, back up at the end of every working session."</p>
        </section>
    })
}

/// The line above an open draft in a Safari tab.
#[component]
pub fn SafariReminder() -> impl IntoView {
    matches!(browser::facts().durability(), Durability::SafariTab(_)).then(|| {
        view! {
            <p class="notice notice--warning" data-testid="safari-reminder">
                "Safari deletes drafts after seven days without a visit: back up at the end of every \
                 working session. "
                <a href="#/">"How to keep them for good"</a>
            </p>
        }
    })
}

/// The home screen's note on where the one-file kit keeps drafts in this browser.
#[component]
pub fn KitNotice() -> impl IntoView {
    browser::facts().kit_storage().map(|kit| {
        let how = match kit {
            KitStorage::ThisPlaceOnly => {
                "Firefox keeps them with this file at this place only: a copy elsewhere (another \
                 folder or drive letter, a renamed newer kit) starts empty. To move them, back up here \
                 and restore there."
            }
            KitStorage::SharedByLocalFiles => {
                "Every page opened from disk on this computer shares that storage, so any other \
                 file you open could read or change them: keep sensitive work in the hosted Crossroads."
            }
        };
        view! {
            <section class="notice" aria-labelledby="kit-heading" data-testid="kit-notice">
                <h2 id="kit-heading">"You opened Crossroads from a file"</h2>
                <p>"Its drafts are kept in this browser. "{how}</p>
                <p>"Before you replace this file with a newer kit, back up all drafts, then restore them in the new one."</p>
            </section>
        }
    })
}

/// What an empty list of the one-file kit means, and where the drafts may be.
#[component]
pub fn KitEmptyHelp() -> impl IntoView {
    browser::facts().kit_storage().map(|_| {
        view! {
            <p data-testid="kit-empty">
                "Drafts made before may be with another copy of this file, in another browser or in the \
                 hosted Crossroads: back them up there, then "
                <a href="#restore-file" on:click=move |ev| {
                    ev.prevent_default();
                    browser::focus_later("restore-file".to_string());
                }>"restore from a backup"</a>
                " here."
            </p>
        }
    })
}
