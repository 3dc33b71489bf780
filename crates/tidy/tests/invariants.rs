//! ARCHITECTURE.md's "Invariants", one test each. A failure names the file,
//! the line and the rule. Test code (`#[cfg(test)]` modules, `tests/`,
//! `examples/`) is outside every Rust rule here.

use std::collections::BTreeSet;

use tidy::{files_under, has_word, ident_at, read, rust_sources, word_positions, Source};

/// Fails with every finding, one `file:line: rule: text` per line.
fn check(rule: &str, findings: Vec<String>) {
    assert!(findings.is_empty(), "\n{rule}\n\n{}\n", findings.join("\n"));
}

/// An allow-list entry must still be needed, or the list would rot.
fn stale_entries(list: &[(&str, &str)], hit_files: &BTreeSet<String>) -> Vec<String> {
    list.iter()
        .filter(|(entry, _)| !hit_files.contains(*entry))
        .map(|(entry, _)| {
            format!("{entry}: stale allow-list entry: it is no longer needed; remove it")
        })
        .collect()
}

/// Lines of non-test code in `sources`, as (source, line number, text).
fn lines(sources: &[Source]) -> impl Iterator<Item = (&Source, usize, &str)> {
    sources
        .iter()
        .flat_map(|s| s.code_lines().map(move |(n, l)| (s, n, l)))
}

// 1. The browser only through src/web/.

/// Files outside `src/web/` that still reach the browser directly, each with
/// why. Empty: every file goes through an adapter in `src/web/`. A file that
/// truly must keep a browser type comes here with its reason; an entry whose
/// file no longer does fails the test: delete it.
const BROWSER_OUTSIDE_WEB: &[(&str, &str)] = &[];

/// What in a line reaches the browser: the browser's globals, JS bindings,
/// casts between DOM types, and web-sys types other than the events Leptos
/// hands to handlers (reading an event is the handler's job).
fn browser_access(line: &str) -> Option<String> {
    const WORDS: &[&str] = &[
        "window()",
        "document()",
        "js_sys::",
        "wasm_bindgen::",
        "#[wasm_bindgen",
        "JsCast",
        "dyn_into",
        "dyn_ref",
        "unchecked_into",
        "unchecked_ref",
    ];
    if let Some(word) = WORDS.iter().find(|w| has_word(line, w)) {
        return Some(word.to_string());
    }
    word_positions(line, "web_sys::")
        .map(|at| ident_at(line, at + "web_sys::".len()))
        .find(|ty| !ty.ends_with("Event"))
        .map(|ty| format!("web_sys::{ty}"))
}

#[test]
fn browser_apis_only_under_src_web() {
    let sources = rust_sources("src");
    assert!(sources.len() > 20, "tidy: src/ not found");
    let mut findings = Vec::new();
    let mut hit_files = BTreeSet::new();
    for (s, n, line) in lines(&sources) {
        if s.path.starts_with("src/web/") {
            continue;
        }
        let Some(what) = browser_access(line) else {
            continue;
        };
        hit_files.insert(s.path.clone());
        if !BROWSER_OUTSIDE_WEB.iter().any(|(f, _)| *f == s.path) {
            findings.push(format!(
                "{}:{n}: browser API outside src/web/ ({what}): put it behind an adapter in src/web/\n    {}",
                s.path,
                line.trim()
            ));
        }
    }
    findings.extend(stale_entries(BROWSER_OUTSIDE_WEB, &hit_files));
    check(
        "The app reaches the browser only through src/web/ (ARCHITECTURE.md, Invariants)",
        findings,
    );
}

// 2. Every message key is used.

/// The keys of `Strings` with their line, and the line range of the
/// declaration and the two tables (uses there do not count).
fn message_keys(i18n: &str) -> (Vec<(String, usize)>, std::ops::Range<usize>) {
    let lines: Vec<&str> = i18n.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == "strings! {")
        .expect("tidy: `strings! {` not found in src/i18n.rs");
    let zh = lines
        .iter()
        .position(|l| l.starts_with("pub static ZH_TW"))
        .expect("tidy: `pub static ZH_TW` not found in src/i18n.rs");
    let en = lines
        .iter()
        .position(|l| l.starts_with("pub static EN"))
        .expect("tidy: `pub static EN` not found in src/i18n.rs");
    let end = en
        + lines[en..]
            .iter()
            .position(|l| *l == "};")
            .expect("tidy: EN's end");
    let keys = (start..zh)
        .filter_map(|i| {
            let l = lines[i].trim().strip_prefix("pub ")?;
            let (name, _) = l.split_once(':')?;
            Some((name.trim().to_string(), i + 1))
        })
        .collect();
    (keys, start + 1..end + 2)
}

#[test]
fn every_message_key_is_used() {
    let sources = rust_sources("src");
    let i18n = sources
        .iter()
        .find(|s| s.path == "src/i18n.rs")
        .expect("tidy: src/i18n.rs");
    let (keys, tables) = message_keys(&i18n.code);
    assert!(
        keys.len() > 100,
        "tidy: found only {} keys in src/i18n.rs",
        keys.len()
    );
    // Every `.name` read in non-test code, the tables themselves excepted.
    let mut read = BTreeSet::new();
    for (s, n, line) in lines(&sources) {
        if s.path == "src/i18n.rs" && tables.contains(&n) {
            continue;
        }
        for (at, _) in line.match_indices('.') {
            read.insert(ident_at(line, at + 1));
        }
    }
    let findings = keys
        .iter()
        .filter(|(key, _)| !read.contains(key.as_str()))
        .map(|(key, n)| format!("src/i18n.rs:{n}: message key `{key}` is never used: remove it from Strings and both tables"))
        .collect();
    check(
        "Every message in src/i18n.rs is shown somewhere (ARCHITECTURE.md, Invariants)",
        findings,
    );
}

// 3. The core is deterministic.

#[test]
fn core_reads_no_clock_or_randomness() {
    const WORDS: &[&str] = &[
        "SystemTime",
        "Instant",
        "UNIX_EPOCH",
        "rand::",
        "fastrand",
        "getrandom",
        "RandomState",
        "thread_rng",
        "js_sys",
        "Date::now",
        "web_time",
        "chrono",
    ];
    let sources = rust_sources("crates/shelf-core/src");
    assert!(sources.len() > 20, "tidy: crates/shelf-core/src not found");
    let findings = lines(&sources)
        .filter(|(s, _, _)| !s.path.starts_with("crates/shelf-core/src/bin/"))
        .filter_map(|(s, n, line)| {
            let word = WORDS.iter().find(|w| has_word(line, w))?;
            Some(format!(
                "{}:{n}: the core reads a clock or randomness ({word}): take the time or the random value as an argument\n    {}",
                s.path,
                line.trim()
            ))
        })
        .collect();
    check(
        "The core reads no clock and no randomness (ARCHITECTURE.md, Invariants)",
        findings,
    );
}

// 4. Data is compiled in only where listed.

/// Non-test files that may `include_str!`/`include_bytes!`, each with why.
const INCLUDES: &[(&str, &str)] = &[
    (
        "crates/shelf-core/src/seed.rs",
        "the seed pages and series rules, one list: the worker's series rules, the site build's seed (downloaded pages merge over it), the hostile-input tests and the parse bench; constants, so the app's wasm keeps none of it",
    ),
];

#[test]
fn data_is_included_only_where_listed() {
    let sources = rust_sources("");
    let mut findings = Vec::new();
    let mut hit_files = BTreeSet::new();
    let is_test_or_example = |path: &str| {
        path.split('/')
            .any(|part| part == "tests" || part == "examples")
    };
    for (s, n, line) in lines(&sources) {
        if is_test_or_example(&s.path) || s.path.starts_with("crates/tidy/") {
            continue;
        }
        if !(has_word(line, "include_str!") || has_word(line, "include_bytes!")) {
            continue;
        }
        hit_files.insert(s.path.clone());
        if !INCLUDES.iter().any(|(f, _)| *f == s.path) {
            findings.push(format!(
                "{}:{n}: data compiled in outside the listed places: read it at run time, or list the file in INCLUDES with why\n    {}",
                s.path,
                line.trim()
            ));
        }
    }
    findings.extend(stale_entries(INCLUDES, &hit_files));
    check(
        "include_str!/include_bytes! only in the listed files (ARCHITECTURE.md, Invariants)",
        findings,
    );
}

// 5. Smaller rules.

#[test]
fn core_depends_on_no_web_clock_or_random_crate() {
    const FORBIDDEN: &[&str] = &[
        "web-sys",
        "js-sys",
        "wasm-bindgen",
        "wasm-bindgen-futures",
        "gloo",
        "leptos",
        "web-time",
        "getrandom",
        "rand",
        "fastrand",
        "chrono",
        "time",
        "uuid",
    ];
    let path = "crates/shelf-core/Cargo.toml";
    let manifest = read(path);
    let mut section = String::new();
    let mut findings = Vec::new();
    for (i, line) in manifest.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.starts_with('[') {
            section = line.to_string();
            continue;
        }
        // Normal dependencies, also target-specific ones; not dev or build.
        if !(section == "[dependencies]" || section.ends_with(".dependencies]")) {
            continue;
        }
        let Some((name, _)) = line.split_once('=') else {
            continue;
        };
        let name = name.trim();
        if FORBIDDEN.contains(&name) || name.starts_with("gloo-") || name.starts_with("leptos") {
            findings.push(format!(
                "{path}:{}: the core depends on `{name}`: the core stays pure (no web, clock or random crates)",
                i + 1
            ));
        }
    }
    check(
        "The core depends on no web, clock or random crate (ARCHITECTURE.md, Invariants)",
        findings,
    );
}

#[test]
fn catalogue_decoding_never_panics() {
    const DECODE_PATH: &[&str] = &[
        "src/site_data.rs",
        "src/shelf.rs",
        "crates/shelf-core/src/catalogue.rs",
        "crates/shelf-core/src/ids.rs",
        "crates/shelf-core/src/summary.rs",
        "crates/shelf-core/src/sources/record.rs",
    ];
    const WORDS: &[&str] = &[
        ".unwrap()",
        "panic!",
        "unreachable!",
        "todo!",
        "unimplemented!",
    ];
    let sources: Vec<Source> = rust_sources("src")
        .into_iter()
        .chain(rust_sources("crates/shelf-core/src"))
        .filter(|s| DECODE_PATH.contains(&s.path.as_str()))
        .collect();
    assert_eq!(
        sources.len(),
        DECODE_PATH.len(),
        "tidy: a decode-path file moved"
    );
    let findings = lines(&sources)
        .filter_map(|(s, n, line)| {
            let word = WORDS.iter().find(|w| has_word(line, w))?;
            Some(format!(
                "{}:{n}: `{word}` on the catalogue's decode path: return an error the UI can word\n    {}",
                s.path,
                line.trim()
            ))
        })
        .collect();
    check(
        "Decoding a catalogue (the site's or stored) reports errors, never panics (ARCHITECTURE.md, Invariants)",
        findings,
    );
}

#[test]
fn browser_tests_wait_for_conditions_not_time() {
    let files = files_under("tests", &[".mjs", ".js"]);
    assert!(files.len() > 10, "tidy: tests/ not found");
    let findings = files
        .iter()
        .flat_map(|path| {
            read(path)
                .lines()
                .enumerate()
                .filter(|(_, l)| l.contains("waitForTimeout"))
                .map(|(i, l)| {
                    format!(
                        "{path}:{}: waitForTimeout is a fixed sleep: wait for the condition instead\n    {}",
                        i + 1,
                        l.trim()
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    check(
        "Browser tests never sleep (ARCHITECTURE.md, Invariants)",
        findings,
    );
}

/// Named in the docs but not in the repository, each with why.
const NOT_IN_REPOSITORY: &[(&str, &str)] = &[
    ("dist/", "Trunk's output"),
    ("sw.js", "written into dist/ by the post-build hook"),
    ("404.html", "written into dist/ by the post-build hook"),
    (
        "pages.json",
        "written into a site directory by site-build (crates/site-build)",
    ),
    (
        "docs/NN-index.md",
        "a path in the catalogue's own repository, fetched at run time",
    ),
];

/// `a/{b,c}.rs` → `a/b.rs`, `a/c.rs`.
fn expand_braces(token: &str) -> Vec<String> {
    match (token.find('{'), token.find('}')) {
        (Some(open), Some(close)) if open < close => token[open + 1..close]
            .split(',')
            .map(|alt| format!("{}{alt}{}", &token[..open], &token[close + 1..]))
            .collect(),
        _ => vec![token.to_string()],
    }
}

#[test]
fn docs_name_files_that_exist() {
    const EXTENSIONS: &[&str] = &[
        ".rs", ".mjs", ".js", ".toml", ".json", ".md", ".css", ".html", ".py",
    ];
    let all = files_under("", &[""]);
    // From the root, or (as the docs often write) from some directory in it.
    let exists = |path: &str| {
        let path = path.trim_end_matches('/');
        tidy::root().join(path).exists()
            || all
                .iter()
                .any(|f| f.ends_with(&format!("/{path}")) || f.contains(&format!("/{path}/")))
    };
    let mut findings = Vec::new();
    let mut listed_seen = BTreeSet::new();
    for doc in ["ARCHITECTURE.md", "README.md"] {
        for (i, line) in read(doc).lines().enumerate() {
            // Code spans: the odd-numbered pieces between backticks.
            for token in line.split('`').skip(1).step_by(2) {
                let looks_like_path = EXTENSIONS.iter().any(|e| token.ends_with(e))
                    || (token.ends_with('/') && token.len() > 1);
                let skip = token.contains(char::is_whitespace)
                    || token.contains(['*', '<', '?'])
                    || token.contains("://")
                    || token.starts_with("../")
                    || token.starts_with("target/")
                    || token.starts_with('.') && !token.starts_with(".cargo")
                    || NOT_IN_REPOSITORY.iter().any(|(t, _)| *t == token);
                if NOT_IN_REPOSITORY.iter().any(|(t, _)| *t == token) {
                    listed_seen.insert(token.to_string());
                }
                if !looks_like_path || skip {
                    continue;
                }
                for path in expand_braces(token) {
                    if !exists(&path) {
                        findings.push(format!(
                            "{doc}:{}: names `{path}`, which is not in the repository: fix the name or the text",
                            i + 1
                        ));
                    }
                }
            }
        }
    }
    findings.extend(stale_entries(NOT_IN_REPOSITORY, &listed_seen));
    check(
        "The docs name only files that exist (ARCHITECTURE.md, Invariants)",
        findings,
    );
}
