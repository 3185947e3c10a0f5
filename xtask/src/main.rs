//! `cargo xtask <command>`: the project's set-up, serve, build and test commands.
//!
//! Every command first installs what is missing (and skips what is already there), so each works
//! on a fresh machine with only the Rust toolchain and Node.js, and starts in seconds the second
//! time. See README.md.

mod compress;
mod dist;
mod own_words;
mod split;

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{exit, Command};

const TRUNK_VERSION: &str = "0.21.14";
const CHROMIUM: &str = "/usr/bin/chromium";

const USAGE: &str = "\
usage: cargo xtask <command>

  setup   install what is missing: wasm target, trunk, wasm-bindgen CLI, wasm-opt, Playwright,
          Chromium, Firefox ESR, WebKitGTK's driver and Xvfb
  serve   setup, build the release, and serve it on http://127.0.0.1:8080 as a static host would
  dev     setup, then serve a debug build on http://127.0.0.1:8080 that rebuilds on change
  build   setup, then build the release into dist/ (with service worker, policy and one-file kit)
  test    setup, then run every check: rustfmt, clippy, unit tests, release build, browser tests
          (Chromium), and the core walk in Firefox and WebKit (skipped when a filter is given)
  bench   setup, build the release, then measure sizes, speed and memory (--check: fail on a missed budget)
  own-words <seeds dir>
          list every run of 8 words the app's text shares with the source documents in the
          folder (strings and doc comments in src/ and crates/, the pages, README.md); fails on any
";

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let root = project_root();
    // Paths on the command line are read from where the command was given.
    let here = env::current_dir().unwrap_or_else(|_| root.clone());
    env::set_current_dir(&root).unwrap_or_else(|e| fail(&format!("cannot enter {root:?}: {e}")));
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup(&root, true),
        Some("serve") => setup(&root, true)
            .and_then(|()| build(&root))
            .and_then(|()| serve(&root)),
        Some("dev") => setup(&root, false).and_then(|()| dev(&root)),
        Some("build") => setup(&root, false).and_then(|()| build(&root)),
        Some("test") => setup(&root, true).and_then(|()| test(&root, &args[1..])),
        Some("bench") => setup(&root, true)
            .and_then(|()| build(&root))
            .and_then(|()| bench(&root, &args[1..])),
        Some("own-words") => {
            let args: Vec<String> = args[1..]
                .iter()
                .map(|a| here.join(a).display().to_string())
                .collect();
            own_words::check(&root, &args)
        }
        _ => {
            eprint!("{USAGE}");
            exit(2);
        }
    };
    if let Err(message) = result {
        fail(&message);
    }
}

fn fail(message: &str) -> ! {
    eprintln!("\nxtask: {message}");
    exit(1);
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits inside the project")
        .to_path_buf()
}

fn step(what: &str) {
    eprintln!("\n==> {what}");
}

/// PATH with the project's npm tools (wasm-opt) and cargo's installed binaries first.
fn tool_path(root: &Path) -> OsString {
    let mut dirs = vec![root.join("node_modules/.bin")];
    if let Some(home) = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    dirs.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    env::join_paths(dirs).expect("PATH entries have no separators")
}

fn command(root: &Path, program: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args).env("PATH", tool_path(root));
    cmd
}

fn run(root: &Path, program: &str, args: &[&str]) -> Result<(), String> {
    run_with_env(root, program, args, &[])
}

fn run_with_env(
    root: &Path,
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Result<(), String> {
    eprintln!("$ {program} {}", args.join(" "));
    let status = command(root, program, args)
        .envs(env.iter().copied())
        .status()
        .map_err(|e| format!("could not start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// The first line a tool prints for `--version`, if it runs.
fn version_of(root: &Path, program: &str) -> Option<String> {
    let out = command(root, program, &["--version"]).output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    })
}

/// The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
fn locked_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock =
        fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen version".to_string())
}

fn setup(root: &Path, with_browser: bool) -> Result<(), String> {
    step("set-up: checking tools (each is installed only if missing)");
    let targets = command(root, "rustup", &["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if String::from_utf8_lossy(&targets.stdout).contains("wasm32-unknown-unknown") {
        eprintln!("ok   wasm32-unknown-unknown target");
    } else {
        run(root, "rustup", &["target", "add", "wasm32-unknown-unknown"])?;
    }

    match version_of(root, "trunk") {
        Some(v) if v.ends_with(TRUNK_VERSION) => eprintln!("ok   {v}"),
        _ => {
            // trunk 0.22 needs a newer rustc than these machines have; pin the last that builds.
            let spec = format!("trunk@{TRUNK_VERSION}");
            run(root, "cargo", &["install", "--locked", &spec])?
        }
    }

    let bindgen = locked_wasm_bindgen(root)?;
    match version_of(root, "wasm-bindgen") {
        Some(v) if v.ends_with(&bindgen) => eprintln!("ok   {v}"),
        _ => {
            // Not --locked: the registry here lacks one of its locked dependencies.
            let spec = format!("wasm-bindgen-cli@{bindgen}");
            run(root, "cargo", &["install", "--force", &spec])?
        }
    }

    let npm_stamp = root.join("node_modules/.package-lock.json");
    let up_to_date = match (
        fs::metadata(&npm_stamp),
        fs::metadata(root.join("package-lock.json")),
    ) {
        (Ok(stamp), Ok(lock)) => stamp.modified().ok() >= lock.modified().ok(),
        _ => false,
    };
    if up_to_date && root.join("node_modules/.bin/wasm-opt").exists() {
        eprintln!("ok   npm packages (wasm-opt, Playwright, axe-core)");
    } else {
        run(root, "npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    match version_of(root, "wasm-opt") {
        Some(v) if v.contains("version 132") => eprintln!("ok   {v}"),
        other => {
            return Err(format!(
                "wasm-opt 132 is needed from npm's binaryen, found {other:?}"
            ))
        }
    }

    if with_browser {
        // Chromium for Playwright; Firefox ESR, WebKitGTK's driver and a virtual display for
        // the core walk in the other engines (tests/engines); LibreOffice Calc, headless, to open
        // the reviewer's scores CSV as a spreadsheet would (scores-spreadsheet.spec.ts).
        let wanted = [
            (CHROMIUM, "chromium"),
            ("/usr/bin/chromedriver", "chromium-driver"),
            ("/usr/bin/firefox-esr", "firefox-esr"),
            ("/usr/bin/WebKitWebDriver", "webkit2gtk-driver"),
            ("/usr/bin/Xvfb", "xvfb"),
            ("/usr/bin/soffice", "libreoffice-calc-nogui"),
            // pdftotext reads back the text of printed PDFs (blind review hides every name).
            ("/usr/bin/pdftotext", "poppler-utils"),
        ];
        let missing: Vec<&str> = wanted
            .iter()
            .filter(|(path, _)| !Path::new(path).exists())
            .map(|(_, package)| *package)
            .collect();
        if missing.is_empty() {
            eprintln!(
                "ok   Chromium, Firefox ESR, WebKitWebDriver, Xvfb, LibreOffice Calc, pdftotext"
            );
        } else {
            apt_install(root, &missing)?;
        }
    }
    Ok(())
}

fn apt_install(root: &Path, packages: &[&str]) -> Result<(), String> {
    let is_root = command(root, "id", &["-u"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let apt = |args: &[&str]| {
        if is_root {
            run(root, "apt-get", args)
        } else {
            let mut with_sudo = vec!["apt-get"];
            with_sudo.extend_from_slice(args);
            run(root, "sudo", &with_sudo)
        }
    };
    apt(&["update"])?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}

fn build(root: &Path) -> Result<(), String> {
    // Trunk builds one page at a time and empties its output folder first: the team's page goes
    // straight to dist/, the others are built beside it and copied in.
    for (i, page) in dist::PAGES.iter().enumerate() {
        step(&format!("release build of {} (trunk, offline)", page.html));
        // wasm-bindgen leaves old snippet files here, and trunk would ship them.
        let _ = fs::remove_dir_all(root.join("target/wasm-bindgen/release"));
        let out = if i == 0 {
            "dist".to_string()
        } else {
            format!("target/pages/{}", page.bin)
        };
        run(
            root,
            "trunk",
            &["build", "--release", "--offline", "--dist", &out, page.html],
        )?;
        if i == 0 {
            step("the team's rarely opened screens as WebAssembly files of their own");
            split::team(root, &root.join("dist"))?;
        } else {
            dist::copy_into(&root.join(&out), &root.join("dist"), page)?;
        }
    }
    step("service worker, security policy and one-file kit");
    dist::finish(root)?;
    eprintln!(
        "ok   dist/sw.js, policy in dist/index.html, dist/{}",
        dist::KIT
    );
    compress::finish(root)?;
    Ok(())
}

fn serve(root: &Path) -> Result<(), String> {
    step("serving dist/ on http://127.0.0.1:8080 (Ctrl-C stops)");
    run(root, "node", &["tests/browser/serve.mjs", "dist", "8080"])
}

fn dev(root: &Path) -> Result<(), String> {
    step("debug build on http://127.0.0.1:8080, rebuilt on change (Ctrl-C stops)");
    run(root, "trunk", &["serve", "--offline"])
}

fn bench(root: &Path, extra: &[String]) -> Result<(), String> {
    step("benchmark (headless Chromium on 127.0.0.1)");
    let mut args = vec!["bench/bench.mjs"];
    args.extend(extra.iter().map(String::as_str));
    run(root, "node", &args)
}

fn test(root: &Path, extra: &[String]) -> Result<(), String> {
    step("formatting");
    run(root, "cargo", &["fmt", "--all", "--check"])?;
    step("clippy, native (warnings are errors)");
    run(
        root,
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    step("clippy, WebAssembly (warnings are errors)");
    run(
        root,
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--exclude",
            "xtask",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    step("clippy, WebAssembly as the release build splits it (warnings are errors)");
    run(
        root,
        "cargo",
        &[
            "clippy",
            "--package",
            "crossroads",
            "--features",
            "split",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    step("unit tests");
    run(root, "cargo", &["test", "--workspace"])?;
    build(root)?;
    step("browser tests (Playwright, headless Chromium)");
    let mut args = vec!["test", "--config", "tests/browser/playwright.config.ts"];
    args.extend(extra.iter().map(String::as_str));
    run(root, "playwright", &args)?;
    if extra.is_empty() {
        step("the core walk in Firefox ESR and WebKit");
        run(root, "node", &["tests/engines/run.mjs", "dist"])?;
    }
    Ok(())
}
