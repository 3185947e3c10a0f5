//! Choosing files: a file picker and a drop zone, for one file or many, with the size check
//! made before a byte is read (so a huge file costs nothing).

use crate::ui::browser;
use crossroads_exchange::ImportError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A file the person chose, read as text, or why it could not be.
#[derive(Clone, Debug)]
pub struct ChosenFile {
    /// The file's name, as the person sees it ("" when what was dropped was not a file).
    pub name: String,
    /// Its text, or what went wrong in plain words.
    pub text: Result<String, String>,
}

/// The file types of an exported proposal, for a picker's `accept`.
pub const PROPOSAL_FILES: &str = ".html,.htm,.json,text/html,application/json";

/// What was dropped, when it holds no file.
const NOT_A_FILE: &str = "Only files can be dropped here.";

/// Reads every file of `files` that is within `limit` bytes, and reports each to `on_file` in
/// the order given. A file that finishes reading after its screen has gone is dropped quietly
/// (`try_run`): the person has moved on, and nothing was changed.
fn read_all(files: Vec<web_sys::File>, limit: usize, on_file: Callback<ChosenFile>) {
    if files.is_empty() {
        on_file.try_run(ChosenFile {
            name: String::new(),
            text: Err(NOT_A_FILE.to_string()),
        });
        return;
    }
    for file in files {
        let name = file.name();
        let bytes = file.size() as usize;
        if bytes > limit {
            on_file.try_run(ChosenFile {
                name,
                text: Err(ImportError::TooLarge { bytes, limit }.to_string()),
            });
            continue;
        }
        browser::read_text(file, move |text| {
            on_file.try_run(ChosenFile {
                name,
                text: text.map_err(|()| "The browser could not read that file.".to_string()),
            });
        });
    }
}

fn list(files: Option<web_sys::FileList>, multiple: bool) -> Vec<web_sys::File> {
    let Some(files) = files else {
        return Vec::new();
    };
    let count = if multiple {
        files.length()
    } else {
        files.length().min(1)
    };
    (0..count).filter_map(|i| files.get(i)).collect()
}

/// Whether a file named `name` has one of the extensions (".json") listed in `accept`.
fn accepted(name: &str, accept: &str) -> bool {
    let name = name.to_ascii_lowercase();
    accept
        .split(',')
        .map(str::trim)
        .filter(|a| a.starts_with('.'))
        .any(|ext| name.ends_with(ext))
}

/// A labelled file input with its hint.
#[component]
pub fn FilePicker(
    /// The input's id; its hint is `{id}-hint`.
    id: &'static str,
    /// What to choose, in plain words.
    label: &'static str,
    /// A line under the label.
    hint: &'static str,
    /// The file types offered.
    accept: &'static str,
    /// Whether several files can be chosen at once.
    #[prop(optional)]
    multiple: bool,
    /// Whether a whole folder (with its subfolders) is chosen instead (`webkitdirectory`): its
    /// files of the types in `accept` are read, the others skipped and counted.
    #[prop(optional)]
    folder: bool,
    /// Told how many files of a folder were skipped, when any were.
    #[prop(optional)]
    on_skipped: Option<Callback<usize>>,
    /// The largest file read, in bytes.
    limit: usize,
    /// Called once per chosen file.
    on_file: Callback<ChosenFile>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let multiple = multiple || folder;
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let mut files = list(input.files(), multiple);
        if folder {
            let before = files.len();
            files.retain(|f| accepted(&f.name(), accept));
            let skipped = before - files.len();
            if skipped > 0 {
                if let Some(on_skipped) = on_skipped {
                    on_skipped.run(skipped);
                }
            }
        }
        // Cleared, so choosing the same file again is another change.
        input.set_value("");
        if !files.is_empty() {
            read_all(files, limit, on_file);
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="field__hint" id=hint_id.clone()>{hint}</p>
            <input id=id type="file" accept=accept multiple=multiple prop:webkitdirectory=folder aria-describedby=hint_id on:change=on_change />
        </div>
    }
}

/// A section that takes files dropped on it (the picker inside it stays the way by keyboard).
#[component]
pub fn DropZone(
    /// The section's class; `{class}--dragging` is added while files are held over it.
    class: &'static str,
    /// The id of the section's heading.
    labelled_by: &'static str,
    /// The `data-testid` of the section.
    testid: &'static str,
    /// Whether several files can be dropped at once (else only the first is read).
    #[prop(optional)]
    multiple: bool,
    /// The largest file read, in bytes.
    limit: usize,
    /// Called once per dropped file.
    on_file: Callback<ChosenFile>,
    children: Children,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let dragging_class = format!("{class}--dragging");
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = list(ev.data_transfer().and_then(|dt| dt.files()), multiple);
        read_all(files, limit, on_file);
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    view! {
        <section
            class=move || if dragging.get() { format!("{class} {dragging_class}") } else { class.to_string() }
            aria-labelledby=labelled_by
            data-testid=testid
            on:dragover=on_dragover
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            {children()}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::{accepted, PROPOSAL_FILES};

    #[test]
    fn a_folder_keeps_only_the_files_of_the_types_asked_for() {
        assert!(accepted("studios.HTML", PROPOSAL_FILES));
        assert!(accepted("a.json", PROPOSAL_FILES));
        assert!(accepted("b.htm", PROPOSAL_FILES));
        assert!(!accepted("notes.txt", PROPOSAL_FILES));
        assert!(!accepted("json", PROPOSAL_FILES));
        assert!(!accepted(".DS_Store", PROPOSAL_FILES));
    }
}
