//! Finishing a release build in `dist/`, after trunk:
//! - `sw.js`: the service worker, with the list of every file of this build and its version;
//! - a Content-Security-Policy `<meta>` in each page (`index.html`, `review.html`,
//!   `workshop.html`) that allows only the app's own files, WebAssembly, and that page's loader
//!   script by its hash;
//! - `crossroads-kit.html`: the whole app in one file that runs when opened from disk.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

/// A page of Crossroads: its HTML file (trunk's target) and its binary.
pub struct Page {
    /// The entry HTML file, at the project's root and in dist/.
    pub html: &'static str,
    /// The binary whose WebAssembly the page loads.
    pub bin: &'static str,
}

/// Every page, the team's first (its build empties dist/).
pub const PAGES: [Page; 3] = [
    Page {
        html: "index.html",
        bin: "crossroads",
    },
    Page {
        html: "review.html",
        bin: "review",
    },
    Page {
        html: "workshop.html",
        bin: "workshop",
    },
];

/// Copies every file of a page's own build into dist/, its `index.html` (trunk names every
/// page so) as the page's own name. Files both have are the same: the shared stylesheet under
/// the same hashed name.
pub fn copy_into(from: &Path, dist: &Path, page: &Page) -> Result<(), String> {
    for name in files(from)? {
        let target = if name == "index.html" {
            dist.join(page.html)
        } else {
            dist.join(&name)
        };
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::copy(from.join(&name), &target).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

/// The one-file kit's name.
pub const KIT: &str = "crossroads-kit.html";
const SW: &str = "sw.js";

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Every file under `dir`, as paths relative to it with `/`, sorted.
fn files(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let entries =
            fs::read_dir(dir.join(&rel)).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = rel.join(entry.file_name());
            if entry.path().is_dir() {
                stack.push(path);
            } else {
                out.push(path.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The one file in `dist` whose name starts with `prefix` and ends with `suffix`.
fn find(dist: &Path, names: &[String], prefix: &str, suffix: &str) -> Result<PathBuf, String> {
    let found: Vec<&String> = names
        .iter()
        .filter(|n| !n.contains('/') && n.starts_with(prefix) && n.ends_with(suffix))
        .collect();
    match found.as_slice() {
        [one] => Ok(dist.join(one)),
        _ => Err(format!(
            "expected one {prefix}*{suffix} in dist/, found {found:?}"
        )),
    }
}

fn sha256_base64(text: &str) -> String {
    BASE64.encode(Sha256::digest(text.as_bytes()))
}

/// The contents of the first inline `<script …>` element (trunk's loader).
fn inline_script(html: &str) -> Result<&str, String> {
    let start = html.find("<script").ok_or("a page has no loader script")?;
    let open_end = start + html[start..].find('>').ok_or("unclosed <script>")? + 1;
    let close = open_end
        + html[open_end..]
            .find("</script>")
            .ok_or("unclosed <script>")?;
    Ok(&html[open_end..close])
}

/// Writes the service worker, the policy and the kit. Returns what they weigh, for the report.
pub fn finish(root: &Path) -> Result<(), String> {
    let dist = root.join("dist");
    let names: Vec<String> = files(&dist)?
        .into_iter()
        .filter(|n| n != SW && n != KIT && !n.ends_with(".gz") && !n.ends_with(".br"))
        .collect();

    // The service worker: the build's version is a hash of every file it caches.
    let mut hasher = Sha256::new();
    for name in &names {
        hasher.update(name.as_bytes());
        hasher.update(fs::read(dist.join(name)).map_err(|e| format!("{name}: {e}"))?);
    }
    let version: String = hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let list: Vec<String> = std::iter::once("./".to_string())
        .chain(names.iter().map(|n| format!("./{n}")))
        .collect();
    // Each page's own files (its HTML and what it names: loader, WebAssembly, stylesheets), so
    // a visit to one page never downloads another's WebAssembly; the rest is shared.
    let mut pages = Vec::new();
    let mut own_any: Vec<&String> = Vec::new();
    for page in &PAGES {
        let html = read(&dist.join(page.html))?;
        let names_in = |text: &str| -> Vec<&String> {
            names
                .iter()
                .filter(|n| {
                    !n.contains('/') && *n != "manifest.webmanifest" && text.contains(n.as_str())
                })
                .collect()
        };
        let mut own: Vec<&String> = names.iter().filter(|n| *n == page.html).collect();
        own.extend(names_in(&html));
        // And what its scripts fetch later (the team's split parts, named by its loader).
        let mut i = 0;
        while i < own.len() {
            if own[i].ends_with(".js") {
                for n in names_in(&read(&dist.join(own[i]))?) {
                    if !own.contains(&n) {
                        own.push(n);
                    }
                }
            }
            i += 1;
        }
        let mut list: Vec<String> = own.iter().map(|n| format!("./{n}")).collect();
        if page.html == "index.html" {
            list.insert(0, "./".to_string());
        }
        pages.push(format!("\"./{}\": {}", page.html, serde_json_array(&list)));
        own_any.extend(own);
    }
    let shared: Vec<String> = names
        .iter()
        .filter(|n| !own_any.contains(n))
        .map(|n| format!("./{n}"))
        .collect();
    let sw = read(&root.join("static/sw.js"))?
        .replace("__VERSION__", &version)
        .replace("__FILES__", &serde_json_array(&list))
        .replace("__SHARED__", &serde_json_array(&shared))
        .replace("__PAGES__", &format!("{{{}}}", pages.join(", ")));
    write(&dist.join(SW), &sw)?;

    // The policy, before anything it governs.
    for page in &PAGES {
        add_policy(&dist.join(page.html))?;
    }

    // The one-file kit.
    // From trunk's unsplit build of the team's page: a file opened from disk fetches no parts.
    let unsplit = crate::split::unsplit_dir(root);
    let glue = read(&unsplit.join("crossroads.js"))?;
    let wasm = fs::read(unsplit.join("crossroads_bg.wasm")).map_err(|e| e.to_string())?;
    let css = read(&find(&dist, &names, "main-", ".css")?)?;
    write(&dist.join(KIT), &kit(&glue, &wasm, &css)?)?;
    Ok(())
}

/// Puts the Content-Security-Policy `<meta>` first in a page's head.
fn add_policy(path: &Path) -> Result<(), String> {
    let name = path.display();
    let html = read(path)?;
    if html.contains("Content-Security-Policy") {
        return Err(format!(
            "{name} already has a policy: was the build finished twice?"
        ));
    }
    let loader = sha256_base64(inline_script(&html)?);
    let policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{loader}'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'none'"
    );
    let charset = "<meta charset=\"utf-8\" />";
    if !html.contains(charset) {
        return Err(format!(
            "{name} has no <meta charset> to put the policy after"
        ));
    }
    let html = html.replacen(
        charset,
        &format!(
            "{charset}\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />"
        ),
        1,
    );
    write(path, &html)
}

fn serde_json_array(items: &[String]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    format!("[{}]", quoted.join(", "))
}

/// The app in one HTML file: the JavaScript glue and the WebAssembly (base64) inside a module
/// script, the CSS inside a style element, and a policy that allows exactly those.
fn kit(glue: &str, wasm: &[u8], css: &str) -> Result<String, String> {
    if glue.contains("</script") || glue.contains("import ") && glue.contains(" from '") {
        return Err(
            "the JavaScript glue imports other files or contains </script>; it cannot be inlined"
                .into(),
        );
    }
    let script = format!(
        "{glue}\nconst bytes = Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0));\nawait __wbg_init({{ module_or_path: bytes }});\n",
        BASE64.encode(wasm)
    );
    let policy = format!(
        "default-src 'none'; script-src 'sha256-{}' 'wasm-unsafe-eval'; style-src 'sha256-{}'; img-src data:; \
         object-src 'none'; base-uri 'none'; form-action 'none'",
        sha256_base64(&script),
        sha256_base64(css)
    );
    Ok(format!(
        r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="{policy}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="Crossroads in one file: a workbook for school design teams planning personalized learning." />
    <title>Crossroads</title>
    <style>{css}</style>
  </head>
  <body>
    <div id="loading" class="loading" role="status">Opening Crossroads…</div>
    <noscript><p class="loading">Crossroads runs in your browser and needs JavaScript to be turned on.</p></noscript>
    <script type="module">{script}</script>
  </body>
</html>
"#
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_loader_script() {
        let html = "<head><script type=\"module\">\nimport init from './a.js';\n</script></head>";
        assert_eq!(
            inline_script(html).unwrap(),
            "\nimport init from './a.js';\n"
        );
    }

    #[test]
    fn the_kit_refuses_glue_that_imports() {
        assert!(kit("import { x } from './snippets/a.js';", b"", "").is_err());
        let html = kit("async function __wbg_init(m) {}", b"\0asm", "body{}").unwrap();
        assert!(html.contains("AGFzbQ=="), "the wasm is inside");
        assert!(html.contains("style-src 'sha256-"));
    }
}
