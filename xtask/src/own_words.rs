//! `cargo xtask own-words <seeds dir>`: finds every run of eight words that the app's own text
//! shares with the source documents it was written from.
//!
//! The seeds are every text file under the given folder (binaries are skipped). The app's text
//! is what people read: string literals and doc comments in `src/**/*.rs` and `crates/**/*.rs`,
//! the pages (`*.html` at the root) and `README.md`. Text that only tests use (a `tests` folder
//! with its fixtures, a `tests.rs` or `*_tests.rs` file, an item under `#[cfg(test)]`) is checked
//! too but listed on its own, and does not fail the check.
//!
//! Both sides are compared as words: lower case, letters and digits only, so punctuation, line
//! breaks, Rust's escapes and line continuations, markup and tags never hide a shared run.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// How many words in a row make a shared run.
pub const RUN: usize = 8;

/// One word of normalised text and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub line: usize,
}

/// Characters read as an apostrophe, which is dropped so the word stays whole: "it's", "it’s"
/// and "it\u{2019}s" all read "its".
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}')
}

/// The words of `text`, whose first line is `first_line`. Rust escapes are read as what they
/// stand for (`\u{2019}` is an apostrophe, `\"` a quote), `\n`, `\t` and a backslash before a
/// line break (a string's continuation) as spaces; then everything but letters and digits
/// separates words, and letters are lower-cased.
pub fn words(text: &str, first_line: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut line = first_line;
    let mut word = String::new();
    let mut word_line = line;
    let mut chars = text.chars().peekable();
    while let Some(mut c) = chars.next() {
        if c == '\\' {
            c = match chars.peek().copied() {
                Some('u') => {
                    chars.next();
                    unicode_escape(&mut chars).unwrap_or(' ')
                }
                Some('n' | 't' | 'r' | '0') => {
                    chars.next();
                    ' '
                }
                Some(e @ ('\'' | '"' | '\\')) => {
                    chars.next();
                    e
                }
                // A continuation: the line break that follows is read next, as a space.
                _ => ' ',
            };
        }
        if c == '\n' {
            line += 1;
        }
        if is_apostrophe(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if word.is_empty() {
                word_line = line;
            }
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(Word {
                text: std::mem::take(&mut word),
                line: word_line,
            });
        }
    }
    if !word.is_empty() {
        out.push(Word {
            text: word,
            line: word_line,
        });
    }
    out
}

/// The character of `{2019}` (Rust) or `2019` (JSON) after `\u`, if the escape is whole.
fn unicode_escape(chars: &mut std::iter::Peekable<std::str::Chars>) -> Option<char> {
    if chars.peek() != Some(&'{') {
        let mut hex = String::new();
        while hex.len() < 4 && chars.peek().is_some_and(char::is_ascii_hexdigit) {
            hex.extend(chars.next());
        }
        return u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
    }
    chars.next();
    let mut hex = String::new();
    for c in chars.by_ref() {
        if c == '}' {
            return u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
        }
        hex.push(c);
        if hex.len() > 6 {
            return None;
        }
    }
    None
}

/// The key of the run of `RUN` words starting at `words[0]`.
fn key(words: &[Word]) -> String {
    let mut key = String::new();
    for (i, w) in words[..RUN].iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(&w.text);
    }
    key
}

/// Where a run of the seeds is: the seed's index and the line it starts on.
pub type Origin = (usize, usize);

/// Every run of `RUN` words in the seeds, with where it first appears.
pub fn seed_runs(seeds: &[Vec<Word>]) -> HashMap<String, Origin> {
    let mut runs = HashMap::new();
    for (s, words) in seeds.iter().enumerate() {
        for start in 0..words.len().saturating_sub(RUN - 1) {
            runs.entry(key(&words[start..]))
                .or_insert((s, words[start].line));
        }
    }
    runs
}

/// A passage of the app's words (`start..end`) made of overlapping runs found in the seeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub start: usize,
    pub end: usize,
    /// Where the passage's first run is in the seeds.
    pub origin: Origin,
}

/// The passages of `words` whose every run of `RUN` words, or a chain of overlapping ones, is
/// also in `runs`. Overlapping runs make one passage, so a long copied sentence counts once.
pub fn find_shared(words: &[Word], runs: &HashMap<String, Origin>) -> Vec<Shared> {
    let mut found: Vec<Shared> = Vec::new();
    for start in 0..words.len().saturating_sub(RUN - 1) {
        let Some(&origin) = runs.get(&key(&words[start..])) else {
            continue;
        };
        match found.last_mut() {
            Some(last) if start < last.end => last.end = start + RUN,
            _ => found.push(Shared {
                start,
                end: start + RUN,
                origin,
            }),
        }
    }
    found
}

/// A piece of a Rust file's text: a string literal or a doc comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub line: usize,
    /// As written, escapes and all.
    pub text: String,
    pub doc: bool,
    /// Inside an item under `#[cfg(test)]`.
    pub test: bool,
}

/// The string literals and doc comments of Rust source, in order. Comments that are not doc
/// comments, char literals and lifetimes are skipped; items under `#[cfg(test)]` are marked.
pub fn rust_pieces(src: &str) -> Vec<Piece> {
    let s: Vec<char> = src.chars().collect();
    let mut pieces = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let mut depth = 0usize;
    let mut test_depth: Option<usize> = None;
    let mut pending_test = false;
    let mut code = String::new();
    let at = |j: usize| s.get(j).copied().unwrap_or('\0');
    // The text of s[from..to], and the lines it moves on.
    let take = |from: usize, to: usize, line: &mut usize| -> String {
        let text: String = s[from..to.min(s.len())].iter().collect();
        *line += text.matches('\n').count();
        text
    };
    while i < s.len() {
        let c = s[i];
        let in_test = test_depth.is_some();
        if c == '/' && at(i + 1) == '/' {
            let end = (i..s.len()).find(|&j| s[j] == '\n').unwrap_or(s.len());
            let doc = (at(i + 2) == '/' && at(i + 3) != '/') || at(i + 2) == '!';
            if doc {
                let start = line;
                let text = take(i + 3, end, &mut line);
                pieces.push(Piece {
                    line: start,
                    text,
                    doc,
                    test: in_test,
                });
            }
            i = end;
        } else if c == '/' && at(i + 1) == '*' {
            let doc = (at(i + 2) == '*' && !matches!(at(i + 3), '*' | '/')) || at(i + 2) == '!';
            let (mut j, mut nest) = (i + 2, 1);
            while j < s.len() && nest > 0 {
                if s[j] == '/' && at(j + 1) == '*' {
                    nest += 1;
                    j += 2;
                } else if s[j] == '*' && at(j + 1) == '/' {
                    nest -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            let end = j.min(s.len());
            if doc {
                pieces.push(Piece {
                    line,
                    text: s[i + 3..end.saturating_sub(2).max(i + 3)].iter().collect(),
                    doc,
                    test: in_test,
                });
            }
            line += s[i..end].iter().filter(|&&c| c == '\n').count();
            i = j;
        } else if c == '"' {
            let mut j = i + 1;
            while j < s.len() && s[j] != '"' {
                j += if s[j] == '\\' { 2 } else { 1 };
            }
            let start = line;
            let text = take(i + 1, j, &mut line);
            pieces.push(Piece {
                line: start,
                text,
                doc: false,
                test: in_test,
            });
            i = j + 1;
        } else if c == '\'' {
            // A char literal ('a', '\'', '\u{2019}') or a lifetime or label ('a, 'static).
            if at(i + 1) == '\\' {
                let mut j = i + 3;
                while j < s.len() && s[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let mut j = i;
            while j < s.len() && (s[j].is_alphanumeric() || s[j] == '_') {
                j += 1;
            }
            let ident: String = s[i..j].iter().collect();
            let hashes = (j..s.len()).take_while(|&k| s[k] == '#').count();
            if matches!(ident.as_str(), "r" | "br" | "cr") && at(j + hashes) == '"' {
                // A raw string: up to a quote followed by as many hashes.
                let open = j + hashes + 1;
                let mut k = open;
                while k < s.len() && !(s[k] == '"' && (1..=hashes).all(|h| at(k + h) == '#')) {
                    k += 1;
                }
                let start = line;
                let text = take(open, k, &mut line);
                pieces.push(Piece {
                    line: start,
                    text,
                    doc: false,
                    test: in_test,
                });
                i = k + 1 + hashes;
            } else if matches!(ident.as_str(), "b" | "c") && at(j) == '"' {
                // A byte or C string: read as a string from its quote.
                i = j;
            } else if ident == "b" && at(j) == '\'' {
                // A byte literal: skipped as a char literal from its quote.
                i = j;
            } else {
                if ident.is_ascii() {
                    code.push_str(&ident);
                }
                i = j;
            }
        } else {
            if c == '\n' {
                line += 1;
            }
            if c.is_ascii_graphic() {
                code.push(c);
            }
            match c {
                '{' => {
                    depth += 1;
                    if pending_test && test_depth.is_none() {
                        test_depth = Some(depth);
                    }
                    pending_test = false;
                }
                '}' => {
                    if test_depth == Some(depth) {
                        test_depth = None;
                    }
                    depth = depth.saturating_sub(1);
                }
                ';' if test_depth.is_none() => pending_test = false,
                _ => {}
            }
            if code.ends_with("#[cfg(test)]") {
                pending_test = true;
            }
            if code.len() > 64 {
                code.drain(..32);
            }
            i += 1;
        }
    }
    pieces
}

/// Attributes whose values people read or hear: a page's description, a title, an alt text,
/// a label, a placeholder.
const TEXT_ATTRIBUTES: &[&str] = &[
    "content",
    "title",
    "alt",
    "aria-label",
    "placeholder",
    "label",
];

/// The text of an HTML page as the reader meets it: tags become spaces except the values of
/// attributes people read ([`TEXT_ATTRIBUTES`]), comments keep their words, and the common
/// entities are read. Lines stay where they were.
pub fn html_text(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("<!--") {
            out.push(' ');
            rest = after;
        } else if let Some(after) = rest.strip_prefix("-->") {
            out.push(' ');
            rest = after;
        } else if c == '<'
            && rest[1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!')
        {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            tag_text(&rest[..end], &mut out);
            rest = &rest[end..];
        } else if c == '&' {
            match entity(rest) {
                Some((ch, len)) => {
                    out.push(ch);
                    rest = &rest[len..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Writes a tag as spaces, but for the quoted values of [`TEXT_ATTRIBUTES`] and its line breaks.
fn tag_text(tag: &str, out: &mut String) {
    let mut name = String::new();
    let mut quote: Option<(char, bool)> = None;
    for t in tag.chars() {
        match quote {
            _ if t == '\n' => out.push('\n'),
            None if t == '"' || t == '\'' => {
                let attribute = name.trim_end_matches('=').to_ascii_lowercase();
                quote = Some((t, TEXT_ATTRIBUTES.contains(&attribute.as_str())));
                out.push(' ');
            }
            None => {
                if t.is_whitespace() {
                    name.clear();
                } else {
                    name.push(t);
                }
                out.push(' ');
            }
            Some((q, _)) if q == t => {
                quote = None;
                name.clear();
                out.push(' ');
            }
            Some((_, true)) => out.push(t),
            Some((_, false)) => out.push(' '),
        }
    }
}

/// The character an entity at the start of `text` stands for, and the entity's length.
fn entity(text: &str) -> Option<(char, usize)> {
    let end = text.find(';').filter(|&e| e < 10)?;
    entity_char(&text[1..end]).map(|ch| (ch, end + 1))
}

fn entity_char(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "rsquo" | "lsquo" | "apos" | "#39" | "#8217" => '\u{2019}',
        "nbsp" | "lt" | "gt" | "quot" | "ldquo" | "rdquo" | "mdash" | "ndash" | "hellip" => ' ',
        _ => {
            let code = name.strip_prefix('#')?;
            let n = match code.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(n)?
        }
    })
}

/// The files under `dir`, sorted, skipping `target` and hidden folders.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let entries = fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if name != "target" && !name.starts_with('.') {
                    dirs.push(path);
                }
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Whether a file holds only tests: it sits in a `tests` folder (as the fixtures do) or is a
/// `tests.rs` or `*_tests.rs` module.
fn is_test_file(rel: &Path) -> bool {
    let name = rel.file_stem().and_then(|n| n.to_str()).unwrap_or("");
    name == "tests"
        || name.ends_with("_tests")
        || rel
            .parent()
            .is_some_and(|p| p.components().any(|c| c.as_os_str() == "tests"))
}

fn is_html(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("html" | "htm")
    )
}

/// One word of the app's text: the word, its line, and whether it is a doc comment's.
struct AppWord {
    word: Word,
    doc: bool,
}

/// A stretch of one file's text read as one: a page, a doc comment's lines, or strings that
/// follow each other within [`STRING_GAP`] lines (a view's text split around its tags).
struct Stretch {
    test: bool,
    words: Vec<AppWord>,
}

/// How many lines may part two strings that are read as one text.
const STRING_GAP: usize = 3;

/// One file's text, as stretches in order.
fn app_text(root: &Path, rel: &Path) -> Result<Vec<Stretch>, String> {
    let path = root.join(rel);
    let src = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(stretches(rel, src))
}

/// The stretches of a file's text `src`, read as the kind of file `rel` names.
fn stretches(rel: &Path, src: String) -> Vec<Stretch> {
    let whole_file_is_test = is_test_file(rel);
    if rel.extension().and_then(|e| e.to_str()) != Some("rs") {
        let text = if is_html(rel) { html_text(&src) } else { src };
        let words = words(&text, 1)
            .into_iter()
            .map(|word| AppWord { word, doc: true })
            .collect();
        return vec![Stretch {
            test: whole_file_is_test,
            words,
        }];
    }
    let mut stretches: Vec<Stretch> = Vec::new();
    let mut last: Option<(usize, bool, bool)> = None;
    for piece in rust_pieces(&src) {
        let test = whole_file_is_test || piece.test;
        let end = piece.line + piece.text.matches('\n').count();
        let gap = if piece.doc { 1 } else { STRING_GAP };
        let follows = last.is_some_and(|(last_end, doc, was_test)| {
            piece.line <= last_end + gap && doc == piece.doc && was_test == test
        });
        last = Some((end, piece.doc, test));
        if !follows {
            stretches.push(Stretch {
                test,
                words: Vec::new(),
            });
        }
        let stretch = stretches.last_mut().expect("a stretch was just pushed");
        stretch.words.extend(
            words(&piece.text, piece.line)
                .into_iter()
                .map(|word| AppWord {
                    word,
                    doc: piece.doc,
                }),
        );
    }
    stretches
}

/// Files of text the checker reads, by name ending.
const TEXT_FILES: &[&str] = &["rs", "html", "htm", "md", "txt", "json"];

/// The app's files whose text is checked, relative to `root`: Rust under `src/` and `crates/`,
/// the pages at the root and the README; and the fixtures of test folders, listed as tests'.
fn app_files(root: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for entry in fs::read_dir(root).map_err(|e| format!("{}: {e}", root.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() && (is_html(&path) || path.file_name() == Some("README.md".as_ref())) {
            files.push(path);
        }
    }
    files.sort();
    for dir in ["src", "crates"] {
        for path in files_under(&root.join(dir))? {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let rel = path.strip_prefix(root).unwrap_or(&path);
            if ext == "rs" || (TEXT_FILES.contains(&ext) && is_test_file(rel)) {
                files.push(path);
            }
        }
    }
    Ok(files
        .into_iter()
        .map(|p| p.strip_prefix(root).map(Path::to_path_buf).unwrap_or(p))
        .collect())
}

/// The seeds: every text file under `dir` (one that is not UTF-8 or holds a NUL byte is
/// skipped as binary), as its name and words.
fn read_seeds(dir: &Path) -> Result<Vec<(String, Vec<Word>)>, String> {
    let mut seeds = Vec::new();
    for path in files_under(dir)? {
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        if text.contains('\0') {
            continue;
        }
        let text = if is_html(&path) {
            html_text(&text)
        } else {
            text
        };
        let name = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .display()
            .to_string();
        seeds.push((name, words(&text, 1)));
    }
    Ok(seeds)
}

/// One shared passage, ready to print.
struct Finding {
    file: String,
    line: usize,
    doc: bool,
    run: String,
    seed: String,
}

fn findings(
    file: &Path,
    app: &[AppWord],
    runs: &HashMap<String, Origin>,
    seeds: &[(String, Vec<Word>)],
) -> Vec<Finding> {
    let plain: Vec<Word> = app.iter().map(|a| a.word.clone()).collect();
    find_shared(&plain, runs)
        .into_iter()
        .map(|shared| Finding {
            file: file.display().to_string(),
            line: plain[shared.start].line,
            doc: app[shared.start].doc,
            run: plain[shared.start..shared.end]
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            seed: format!("{}:{}", seeds[shared.origin.0].0, shared.origin.1),
        })
        .collect()
}

fn print_findings(title: &str, found: &[Finding]) {
    println!("{title}: {}", found.len());
    for f in found {
        let kind = if f.file.ends_with(".rs") {
            if f.doc {
                " (doc comment)"
            } else {
                " (string)"
            }
        } else {
            ""
        };
        println!("  {}:{}{kind}: \"{}\"", f.file, f.line, f.run);
        println!("      also in {}", f.seed);
    }
    let mut per_file: Vec<(&str, usize)> = Vec::new();
    for f in found {
        match per_file.iter_mut().find(|(name, _)| *name == f.file) {
            Some((_, n)) => *n += 1,
            None => per_file.push((&f.file, 1)),
        }
    }
    if !per_file.is_empty() {
        println!("  by file:");
        for (name, n) in per_file {
            println!("    {n:4}  {name}");
        }
    }
    println!();
}

/// `cargo xtask own-words <seeds dir>`: prints every shared run, and fails when the app's text
/// has any.
pub fn check(root: &Path, args: &[String]) -> Result<(), String> {
    let [dir] = args else {
        return Err("usage: cargo xtask own-words <seeds dir>".to_string());
    };
    let dir = Path::new(dir);
    let seeds = read_seeds(dir)?;
    if seeds.is_empty() {
        return Err(format!("no text files under {}", dir.display()));
    }
    let seed_words: Vec<Vec<Word>> = seeds.iter().map(|(_, w)| w.clone()).collect();
    let runs = seed_runs(&seed_words);
    let files = app_files(root)?;
    println!(
        "Runs of {RUN} words shared by the app's text and the seeds in {}\n\
         ({} seed files, {} distinct runs; {} app files checked)\n",
        dir.display(),
        seeds.len(),
        runs.len(),
        files.len()
    );
    let (mut app_found, mut test_found) = (Vec::new(), Vec::new());
    for file in &files {
        for stretch in app_text(root, file)? {
            let found = findings(file, &stretch.words, &runs, &seeds);
            if stretch.test {
                test_found.extend(found);
            } else {
                app_found.extend(found);
            }
        }
    }
    print_findings(
        "App text (strings, doc comments, pages, README)",
        &app_found,
    );
    print_findings("Test-only text (listed, not failing)", &test_found);
    println!(
        "Total: {} shared run(s) in app text, {} in test-only text.",
        app_found.len(),
        test_found.len()
    );
    if app_found.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} run(s) of {RUN} words in the app's text match the seeds",
            app_found.len()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        words(text, 1).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn normalises_case_punctuation_and_apostrophes() {
        assert_eq!(
            texts("The Owl’s hat, (it's RED)—\u{201c}new\u{201d}!"),
            ["the", "owls", "hat", "its", "red", "new"]
        );
        // As written in Rust source: an escape, a continuation and a line break.
        assert_eq!(
            texts("owl\\u{2019}s \\\"blue\\\" hat,\\\n        then\nthe\\nend it\\u2019s"),
            ["owls", "blue", "hat", "then", "the", "end", "its"]
        );
        let lines: Vec<usize> = words("one\ntwo \\\n three", 5)
            .iter()
            .map(|w| w.line)
            .collect();
        assert_eq!(lines, [5, 6, 7]);
    }

    #[test]
    fn finds_runs_of_eight_shared_words_once_per_passage() {
        let seed = words(
            "Zebras paint tall blue fences every single quiet morning, then nap.",
            1,
        );
        let runs = seed_runs(&[seed]);
        let app = words(
            "Why? Zebras paint tall blue fences every single quiet morning, THEN nap soon.",
            1,
        );
        let found = find_shared(&app, &runs);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].end), (1, 12));
        assert_eq!(found[0].origin, (0, 1));
        // Seven words in a row are not a run.
        let seven = words("zebras paint tall blue fences every single", 1);
        assert!(find_shared(&seven, &runs).is_empty());
        // Nor are eight words with one changed.
        let changed = words("zebras paint tall green fences every single quiet", 1);
        assert!(find_shared(&changed, &runs).is_empty());
    }

    #[test]
    fn reads_strings_and_doc_comments_of_rust() {
        let src = "//! Crate doc.\n// plain comment \"not a string\"\n/// Item doc.\n\
                   fn f<'a>(x: &'a str) -> char { let _ = r#\"raw \"q\"\"#; let _ = '\"'; \
                   \"one \\\" two\" }\n#[cfg(test)]\nmod tests { const T: &str = \"fixture\"; }\n\
                   const U: &str = \"after\"; /* skip \"me\" */ /** Block\n doc. */\n";
        let got: Vec<(usize, String, bool, bool)> = rust_pieces(src)
            .into_iter()
            .map(|p| (p.line, p.text.trim().to_string(), p.doc, p.test))
            .collect();
        assert_eq!(
            got,
            [
                (1, "Crate doc.".to_string(), true, false),
                (3, "Item doc.".to_string(), true, false),
                (4, "raw \"q\"".to_string(), false, false),
                (4, "one \\\" two".to_string(), false, false),
                (6, "fixture".to_string(), false, true),
                (7, "after".to_string(), false, false),
                (7, "Block\n doc.".to_string(), true, false),
            ]
        );
    }

    #[test]
    fn reads_pieces_on_following_lines_as_one_stretch() {
        let src = "/// One doc\n/// goes on.\nenum E {\n    /// Another.\n    A,\n}\n\
                   fn v() { (\"Some \",\n \"more\",\n\n\n\n \"apart\"); }\n#[cfg(test)]\nmod tests {}\n";
        let got: Vec<(bool, Vec<String>)> = stretches(Path::new("src/a.rs"), src.to_string())
            .into_iter()
            .map(|s| (s.test, s.words.into_iter().map(|w| w.word.text).collect()))
            .collect();
        let words = |w: &[&str]| w.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                (false, words(&["one", "doc", "goes", "on"])),
                (false, words(&["another"])),
                (false, words(&["some", "more"])),
                (false, words(&["apart"])),
            ]
        );
        let in_tests = stretches(Path::new("crates/x/tests/fixtures/a.json"), "hi".into());
        assert!(in_tests[0].test);
    }

    #[test]
    fn reads_pages_as_their_text() {
        let page = "<p class=\"x\">Owls&rsquo; <strong>own</strong>\nwords</p><img alt=\"a moon\">";
        assert_eq!(
            texts(&html_text(page)),
            ["owls", "own", "words", "a", "moon"]
        );
        assert_eq!(words(&html_text(page), 1)[2].line, 2);
    }
}
