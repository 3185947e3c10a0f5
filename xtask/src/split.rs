//! The team's WebAssembly in parts: the screens a team opens rarely (`src/ui/team/lazy.rs`,
//! Leptos' `#[lazy]`) become files of their own, fetched when first needed, so the page's
//! first download is smaller.
//!
//! Trunk cannot split WebAssembly, so after trunk has built the team's page this step builds
//! the team's binary again with the cargo feature `split` and the relocations the splitter
//! reads, splits it (`wasm_split_cli_support`, the library cargo-leptos uses), runs wasm-bindgen
//! and wasm-opt on the parts as trunk would, and puts them in dist/ in place of trunk's files.
//! Trunk's unsplit files are kept beside the build for the one-file kit, which must stay one
//! file.

use sha2::{Digest, Sha256, Sha384};
use std::fs;
use std::path::{Path, PathBuf};

/// The name the splitter gives its loader in the main WebAssembly's imports (a placeholder: the
/// file is renamed below).
const LINK_NAME: &str = "./__wasm_split.js";
/// What the loader imports `initSync` from, until the glue's final name is known.
const MAIN_PLACEHOLDER: &str = "./__crossroads_main__.js";

/// Where cargo puts its builds.
fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

/// Where trunk's unsplit files of the team's page are kept for the kit.
pub fn unsplit_dir(root: &Path) -> PathBuf {
    target_dir(root).join("unsplit")
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn text(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn sri(bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// Replaces trunk's build of the team's WebAssembly in `dist` by the split one.
pub fn team(root: &Path, dist: &Path) -> Result<(), String> {
    let target = target_dir(root);
    let trunk_glue = trunk_file(dist, ".js")?;
    let trunk_wasm = trunk_file(dist, "_bg.wasm")?;
    // The same flags as .cargo/config.toml gives WebAssembly builds, and the relocations.
    super::run_with_env(
        root,
        "cargo",
        &[
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--bin",
            "crossroads",
            "--features",
            "split",
        ],
        &[(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "--cfg erase_components -Clink-args=--emit-relocs",
        )],
    )?;
    let input = read(&target.join("wasm32-unknown-unknown/release/crossroads.wasm"))?;
    let work = target.join("split");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let main = work.join("main.wasm");
    eprintln!("$ wasm-split (wasm_split_cli_support) → {}", work.display());
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &work;
        options.main_out_path = &main;
        options.link_name = LINK_NAME;
        options.main_module = MAIN_PLACEHOLDER;
        options
    })
    .map_err(|e| format!("splitting the team's WebAssembly: {e:?}"))?;
    if split.split_modules.is_empty() {
        return Err("the team's WebAssembly has no #[lazy] parts to split".into());
    }

    // wasm-bindgen on the main part (keeping the exports the parts link to), then wasm-opt on
    // every part, as trunk runs them, and told that the lowest 1 KB of memory is never used:
    // Rust puts the stack there, growing down from 1 MB towards it, so only a stack about to
    // overflow would reach it (1.6 KB gzip less in the main part).
    let bindgen = work.join("bindgen");
    let main_arg = main.to_string_lossy().to_string();
    let out_arg = bindgen.to_string_lossy().to_string();
    super::run(
        root,
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-typescript",
            "--out-name",
            "crossroads",
            "--out-dir",
            &out_arg,
            &main_arg,
        ],
    )?;
    let main_wasm = bindgen.join("crossroads_bg.wasm");
    let mut parts: Vec<PathBuf> = vec![main_wasm.clone()];
    parts.extend(split.split_modules.iter().cloned());
    for part in &parts {
        let part = part.to_string_lossy().to_string();
        super::run(
            root,
            "wasm-opt",
            &["-Oz", "--low-memory-unused", &part, "-o", &part],
        )?;
    }

    // The parts and their loader are named by a hash of theirs, the glue and the main
    // WebAssembly (which name the loader) by a hash of everything: a change to any part gives
    // new names to every file that leads to it.
    let glue = text(&bindgen.join("crossroads.js"))?;
    let loader = text(&work.join(LINK_NAME.trim_start_matches("./")))?;
    let mut hasher = Sha256::new();
    hasher.update(loader.as_bytes());
    for part in &split.split_modules {
        hasher.update(read(part)?);
    }
    let parts_hash = short(hasher.clone());
    hasher.update(glue.as_bytes());
    hasher.update(read(&main_wasm)?);
    let hash = short(hasher);

    let mut loader = loader;
    for part in &split.split_modules {
        let file = part
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("a split part has no file name")?;
        let name = format!("crossroads-split-{parts_hash}-{file}");
        let quoted = format!("\"./{file}\"");
        if !loader.contains(&quoted) {
            return Err(format!("the split loader does not name {file}"));
        }
        loader = loader.replace(&quoted, &format!("\"./{name}\""));
        write(&dist.join(&name), &read(part)?)?;
    }
    let glue_name = format!("crossroads-{hash}.js");
    let wasm_name = format!("crossroads-{hash}_bg.wasm");
    let loader_name = format!("crossroads-split-{parts_hash}.js");
    // The loader reaches the glue through the page (below), not by its name: the glue names
    // the loader, and neither name could then hold a hash of the other.
    let main_import = format!("import {{ initSync }} from \"{MAIN_PLACEHOLDER}\";");
    let glue_import = format!("from \"{LINK_NAME}\"");
    if !loader.contains(&main_import) || !glue.contains(&glue_import) {
        return Err("the split loader and the glue do not name each other as expected".into());
    }
    // Compiled from the fetched bytes rather than streamed, so a host that sends `.wasm` with
    // another Content-Type still works, as it does for the main WebAssembly (wasm-bindgen's glue
    // falls back the same way); the parts are small.
    let streaming = "WebAssembly.instantiateStreaming(src, imports)";
    if !loader.contains(streaming) {
        return Err("the split loader does not fetch its parts as expected".into());
    }
    let loader = loader.replace(
        streaming,
        "src.then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.instantiate(bytes, imports))",
    );
    let loader = loader.replace(
        &main_import,
        "const initSync = (...args) => window.wasmBindings.initSync(...args);",
    );
    let glue = glue.replace(&glue_import, &format!("from \"./{loader_name}\""));
    write(&dist.join(&loader_name), loader.as_bytes())?;
    write(&dist.join(&glue_name), glue.as_bytes())?;
    let wasm = read(&main_wasm)?;
    write(&dist.join(&wasm_name), &wasm)?;

    // The page names the new glue and WebAssembly, with their integrity; trunk's go aside.
    let html_path = dist.join("index.html");
    let mut html = text(&html_path)?;
    let kept = unsplit_dir(root);
    let _ = fs::remove_dir_all(&kept);
    fs::create_dir_all(&kept).map_err(|e| format!("{}: {e}", kept.display()))?;
    for (old, new_name, new_bytes, kept_name) in [
        (trunk_glue, &glue_name, glue.as_bytes(), "crossroads.js"),
        (trunk_wasm, &wasm_name, &wasm[..], "crossroads_bg.wasm"),
    ] {
        let old_bytes = read(&dist.join(&old))?;
        if !html.contains(&old) || !html.contains(&sri(&old_bytes)) {
            return Err(format!("index.html does not name {old} with its integrity"));
        }
        html = html
            .replace(&old, new_name)
            .replace(&sri(&old_bytes), &sri(new_bytes));
        write(&kept.join(kept_name), &old_bytes)?;
        fs::remove_file(dist.join(&old)).map_err(|e| format!("{old}: {e}"))?;
    }
    // The glue's exports, for the loader of the parts, before the app starts.
    let start = "const wasm = await init(";
    if !html.contains(start) || !html.contains("window.wasmBindings = bindings;") {
        return Err("index.html's loader is not the one trunk writes".into());
    }
    let html = html.replacen(
        start,
        &format!("window.wasmBindings = bindings;\n{start}"),
        1,
    );
    write(&html_path, html.as_bytes())?;
    eprintln!(
        "ok   team WebAssembly split: {wasm_name} and {} part(s) loaded later",
        split.split_modules.len()
    );
    Ok(())
}

/// The first 16 hex digits of a hash.
fn short(hasher: Sha256) -> String {
    hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Trunk's file of the team's page ending in `suffix` (`crossroads-<hash>.js`, …_bg.wasm).
fn trunk_file(dist: &Path, suffix: &str) -> Result<String, String> {
    let found: Vec<String> = fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| {
            n.starts_with("crossroads-")
                && n.ends_with(suffix)
                && n["crossroads-".len()..n.len() - suffix.len()]
                    .chars()
                    .all(|c| c.is_ascii_hexdigit())
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(format!(
            "expected one crossroads-*{suffix} from trunk, found {found:?}"
        )),
    }
}
