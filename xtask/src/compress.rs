//! Precompressed copies of a release build, for static hosts that serve them: next to each
//! text-like file `X` in `dist/`, `X.gz` (gzip, level 9) and `X.br` (Brotli, quality 11).
//!
//! Runs last in the build, after the service worker's list of files is written, so no copy is in
//! that list. A copy that would not be smaller than its file is not written (a host then serves
//! the file as it is), and a copy left from an earlier build whose file is gone is removed.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// What is worth compressing: every text-like kind of file a build has, and WebAssembly.
const COMPRESSIBLE: &[&str] = &[
    "html",
    "js",
    "mjs",
    "css",
    "wasm",
    "json",
    "webmanifest",
    "svg",
];

/// The copies' kinds, by file name ending.
const COPIES: &[&str] = &["gz", "br"];

/// Brotli's largest window (16 MiB), so long repeats anywhere in the WebAssembly are found.
const BROTLI_WINDOW: u32 = 24;

/// What one file and its copies weigh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sizes {
    pub file: String,
    pub raw: usize,
    pub gzip: Option<usize>,
    pub brotli: Option<usize>,
}

/// The build's last step: writes the copies for every compressible file under `root/dist`, and
/// tells what they weigh.
pub fn finish(root: &Path) -> Result<(), String> {
    super::step("precompressed copies for static hosts (gzip level 9, Brotli quality 11)");
    let sizes = precompress_dir(&root.join("dist"))?;
    eprintln!("ok   {}", summary(&sizes));
    Ok(())
}

/// Writes `X.gz` and `X.br` next to every compressible file `X` under `dir`. Brotli at quality 11
/// takes seconds for the WebAssembly, so the copies are made on every core at once.
pub fn precompress_dir(dir: &Path) -> Result<Vec<Sizes>, String> {
    let mut originals = Vec::new();
    for path in files(dir)? {
        if is_copy(&path) {
            // A copy whose file is gone is left from an earlier build.
            if !path.with_extension("").is_file() {
                fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        } else if is_compressible(&path) {
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            originals.push((path, bytes));
        }
    }

    // One job for each copy, the slowest (Brotli of the biggest files) first.
    let mut jobs: Vec<(usize, &str)> = (0..originals.len())
        .flat_map(|i| [(i, "br"), (i, "gz")])
        .collect();
    jobs.sort_by_key(|&(i, kind)| std::cmp::Reverse((kind == "br", originals[i].1.len())));
    let next = AtomicUsize::new(0);
    let workers = thread::available_parallelism().map_or(2, |n| n.get());
    let mut done: Vec<Done> = thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.min(jobs.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    while let Some(&(i, kind)) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let bytes = &originals[i].1;
                        out.push((i, kind, compress_checked(kind, bytes)));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a compressing thread panicked"))
            .collect()
    });
    done.sort_by_key(|&(i, kind, _)| (i, kind));

    let mut sizes: Vec<Sizes> = originals
        .iter()
        .map(|(path, bytes)| Sizes {
            file: path
                .strip_prefix(dir)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/"),
            raw: bytes.len(),
            gzip: None,
            brotli: None,
        })
        .collect();
    for (i, kind, copy) in done {
        let (path, bytes) = &originals[i];
        let written = write_copy(path, kind, bytes, copy?)?;
        if kind == "br" {
            sizes[i].brotli = written;
        } else {
            sizes[i].gzip = written;
        }
    }
    Ok(sizes)
}

/// A finished job: which file, which kind of copy, and the copy.
type Done<'a> = (usize, &'a str, Result<Vec<u8>, String>);

/// The copy of `bytes` of `kind`, checked to give back exactly `bytes`.
fn compress_checked(kind: &str, bytes: &[u8]) -> Result<Vec<u8>, String> {
    let (copy, back) = if kind == "br" {
        let copy = brotli(bytes)?;
        let back = unbrotli(&copy)?;
        (copy, back)
    } else {
        let copy = gzip(bytes)?;
        let back = gunzip(&copy)?;
        (copy, back)
    };
    if back != bytes {
        return Err(format!("the {kind} copy does not decompress to its file"));
    }
    Ok(copy)
}

/// Writes the copy `path.kind` when it is smaller than the file, and otherwise removes a stale one.
fn write_copy(
    path: &Path,
    kind: &str,
    original: &[u8],
    compressed: Vec<u8>,
) -> Result<Option<usize>, String> {
    let copy = with_suffix(path, kind);
    if compressed.len() >= original.len() {
        if copy.exists() {
            fs::remove_file(&copy).map_err(|e| format!("{}: {e}", copy.display()))?;
        }
        return Ok(None);
    }
    fs::write(&copy, &compressed).map_err(|e| format!("{}: {e}", copy.display()))?;
    Ok(Some(compressed.len()))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn extension(path: &Path) -> Option<&str> {
    path.extension().and_then(|e| e.to_str())
}

/// Whether `path` is a precompressed copy (`X.gz`, `X.br`), which is never compressed again.
pub fn is_copy(path: &Path) -> bool {
    extension(path).is_some_and(|e| COPIES.contains(&e))
}

fn is_compressible(path: &Path) -> bool {
    extension(path).is_some_and(|e| COMPRESSIBLE.contains(&e))
}

/// Every file under `dir`, sorted.
fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries = fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("{}: {e}", folder.display()))?
                .path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// gzip at its best compression, with no file name or time in the header, so the same build
/// gives the same bytes.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::GzBuilder::new().write(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::best(),
    );
    encoder.write_all(bytes).map_err(|e| format!("gzip: {e}"))?;
    encoder.finish().map_err(|e| format!("gzip: {e}"))
}

/// Brotli at its best quality (11) and largest window.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: BROTLI_WINDOW as i32,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 4);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .map_err(|e| format!("brotli: {e}"))?;
    Ok(out)
}

/// The bytes a gzip copy stands for.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(|e| format!("gunzip: {e}"))?;
    Ok(out)
}

/// The bytes a Brotli copy stands for.
pub fn unbrotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &bytes[..], &mut out).map_err(|e| format!("unbrotli: {e}"))?;
    Ok(out)
}

/// One line for the build's report: what the WebAssembly and everything weigh, raw and compressed.
pub fn summary(sizes: &[Sizes]) -> String {
    let kb = |n: usize| format!("{:.1} KB", n as f64 / 1024.0);
    let total = |f: fn(&Sizes) -> usize| kb(sizes.iter().map(f).sum());
    let mut line = format!(
        "{} files precompressed: {} raw, {} gzip, {} brotli",
        sizes.len(),
        total(|s| s.raw),
        total(|s| s.gzip.unwrap_or(s.raw)),
        total(|s| s.brotli.unwrap_or(s.raw)),
    );
    if let Some(wasm) = sizes.iter().find(|s| s.file.ends_with("_bg.wasm")) {
        line.push_str(&format!(
            " (the WebAssembly: {} raw, {} gzip, {} brotli)",
            kb(wasm.raw),
            kb(wasm.gzip.unwrap_or(wasm.raw)),
            kb(wasm.brotli.unwrap_or(wasm.raw)),
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes like a build's: text with repeats, and some that are not.
    fn sample(len: usize) -> Vec<u8> {
        let mut state = 0x2545_f491_u32;
        (0..len)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                if i % 10 == 0 {
                    (state % 251) as u8
                } else {
                    b"function crossroads() { return 'workbook'; }\n"[i % 45]
                }
            })
            .collect()
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("xtask-compress-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("icons")).unwrap();
        dir
    }

    #[test]
    fn copies_decompress_to_the_same_bytes() {
        for bytes in [Vec::new(), b"x".to_vec(), sample(40_000)] {
            assert_eq!(gunzip(&gzip(&bytes).unwrap()).unwrap(), bytes);
            assert_eq!(unbrotli(&brotli(&bytes).unwrap()).unwrap(), bytes);
        }
        let bytes = sample(40_000);
        assert!(gzip(&bytes).unwrap().len() < bytes.len() / 2);
        assert!(brotli(&bytes).unwrap().len() < gzip(&bytes).unwrap().len());
        assert_eq!(
            gzip(&bytes).unwrap(),
            gzip(&bytes).unwrap(),
            "gzip is reproducible"
        );
    }

    #[test]
    fn a_build_gets_copies_of_its_text_and_webassembly_only() {
        let dir = scratch("build");
        let wasm = sample(40_000);
        let text = sample(20_000);
        fs::write(dir.join("app_bg.wasm"), &wasm).unwrap();
        fs::write(dir.join("index.html"), &text).unwrap();
        fs::write(dir.join("sw.js"), &text).unwrap();
        fs::write(dir.join("icons/logo.svg"), &text).unwrap();
        fs::write(dir.join("icons/icon.png"), &text).unwrap();
        fs::write(dir.join("tiny.json"), "{}").unwrap();
        fs::write(dir.join("gone.js.gz"), "stale").unwrap();

        let sizes = precompress_dir(&dir).unwrap();
        // Twice over, as a build run again over its own output: no copy of a copy.
        let again = precompress_dir(&dir).unwrap();
        assert_eq!(sizes, again);

        let mut names: Vec<String> = files(&dir)
            .unwrap()
            .iter()
            .map(|p| {
                p.strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "app_bg.wasm",
                "app_bg.wasm.br",
                "app_bg.wasm.gz",
                "icons/icon.png",
                "icons/logo.svg",
                "icons/logo.svg.br",
                "icons/logo.svg.gz",
                "index.html",
                "index.html.br",
                "index.html.gz",
                "sw.js",
                "sw.js.br",
                "sw.js.gz",
                "tiny.json",
            ],
            "text and WebAssembly get copies, images do not, a copy bigger than its file is not kept, \
             and a copy whose file is gone is removed"
        );
        assert_eq!(
            gunzip(&fs::read(dir.join("app_bg.wasm.gz")).unwrap()).unwrap(),
            wasm
        );
        assert_eq!(
            unbrotli(&fs::read(dir.join("app_bg.wasm.br")).unwrap()).unwrap(),
            wasm
        );
        assert_eq!(
            unbrotli(&fs::read(dir.join("icons/logo.svg.br")).unwrap()).unwrap(),
            text
        );
        let wasm_sizes = sizes.iter().find(|s| s.file == "app_bg.wasm").unwrap();
        assert_eq!(wasm_sizes.raw, wasm.len());
        assert!(wasm_sizes.brotli.unwrap() < wasm_sizes.gzip.unwrap());
        assert!(summary(&sizes).contains("the WebAssembly"));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn copies_are_known_by_their_ending() {
        assert!(is_copy(Path::new("dist/a.wasm.br")));
        assert!(is_copy(Path::new("dist/index.html.gz")));
        assert!(!is_copy(Path::new("dist/index.html")));
        assert!(!is_compressible(Path::new("dist/icons/icon-192.png")));
        assert!(is_compressible(Path::new("dist/manifest.webmanifest")));
    }
}
