//! Reading the repository for the invariant tests (`tests/invariants.rs`):
//! Rust sources with comments blanked and test code marked, and a few
//! word-level matchers. Text, not syntax: each rule names the patterns it
//! looks for, and ARCHITECTURE.md says what a rule cannot see.

use std::collections::BTreeSet;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The repository root (this crate lives in `crates/tidy`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file's text, read relative to the root; a missing file fails the test
/// that asked for it, naming the file.
pub fn read(rel: &str) -> String {
    fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("tidy: cannot read {rel}: {e}"))
}

/// Every file under `dir` (relative to the root; `""` for all of it) whose
/// name ends in one of `suffixes`, as root-relative paths with `/`, sorted.
/// Skips `target`, `node_modules` and hidden directories.
pub fn files_under(dir: &str, suffixes: &[&str]) -> Vec<String> {
    fn walk(abs: &Path, rel: &str, suffixes: &[&str], out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(abs) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let child = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            let path = entry.path();
            if path.is_dir() {
                if name != "node_modules" && name != "target" && !name.starts_with('.') {
                    walk(&path, &child, suffixes, out);
                }
            } else if suffixes.iter().any(|s| name.ends_with(s)) {
                out.push(child);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &root().join(dir),
        dir.trim_end_matches('/'),
        suffixes,
        &mut out,
    );
    out.sort();
    out
}

/// One Rust source file.
pub struct Source {
    /// Root-relative, with `/`.
    pub path: String,
    /// The text with every comment replaced by spaces (line breaks kept, so
    /// line numbers hold). String and char literals are kept.
    pub code: String,
    /// The whole file is test code (`#[cfg(test)] mod name;` in its parent).
    pub test_file: bool,
    /// 0-based line ranges of inline `#[cfg(test)] mod … { … }` modules,
    /// from the attribute to the closing brace.
    pub test_spans: Vec<Range<usize>>,
}

impl Source {
    /// Lines of non-test code: (1-based line number, text without comments).
    pub fn code_lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.code
            .lines()
            .enumerate()
            .filter(|(i, _)| !self.test_file && !self.test_spans.iter().any(|r| r.contains(i)))
            .map(|(i, l)| (i + 1, l))
    }
}

/// Every `.rs` file under `dir`, with test code marked. Scan a crate's
/// whole `src` so that the files declaring test modules are seen.
pub fn rust_sources(dir: &str) -> Vec<Source> {
    let mut sources: Vec<Source> = files_under(dir, &[".rs"])
        .into_iter()
        .map(|path| {
            let text = read(&path);
            let test_spans = inline_test_modules(&blank(&text, true));
            Source {
                path,
                code: strip_comments(&text),
                test_file: false,
                test_spans,
            }
        })
        .collect();
    let test_files: BTreeSet<String> = sources
        .iter()
        .flat_map(|s| test_module_files(&s.path, &s.code))
        .collect();
    for s in &mut sources {
        s.test_file = test_files.contains(&s.path);
    }
    sources
}

/// Is this line a `#[cfg(test)]` (or `#[cfg(all(test, …))]`) attribute?
fn is_cfg_test(line: &str) -> bool {
    let l: String = line.split_whitespace().collect();
    l.starts_with("#[cfg(test)]") || l.starts_with("#[cfg(all(test,")
}

/// The module item following a `#[cfg(test)]` at `lines[i]`, if any.
fn module_after<'a>(lines: &[&'a str], i: usize) -> Option<&'a str> {
    lines[i + 1..]
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty() && !l.starts_with("#["))
        .filter(|l| l.starts_with("mod ") || (l.starts_with("pub") && l.contains(" mod ")))
}

/// Inline test modules in `skeleton` (comments and literals blanked, so
/// every brace left is code): from the attribute to the matching `}`.
fn inline_test_modules(skeleton: &str) -> Vec<Range<usize>> {
    let lines: Vec<&str> = skeleton.lines().collect();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if is_cfg_test(lines[i]) && module_after(&lines, i).is_some_and(|m| m.ends_with('{')) {
            let mut depth = 0i32;
            let mut opened = false;
            let mut end = lines.len();
            for (j, line) in lines.iter().enumerate().skip(i) {
                for ch in line.chars() {
                    match ch {
                        '{' => {
                            depth += 1;
                            opened = true;
                        }
                        '}' => depth -= 1,
                        _ => {}
                    }
                }
                if opened && depth <= 0 {
                    end = j + 1;
                    break;
                }
            }
            spans.push(i..end);
            i = end;
        } else {
            i += 1;
        }
    }
    spans
}

/// Files that `path` declares as `#[cfg(test)] mod name;`.
fn test_module_files(path: &str, code: &str) -> Vec<String> {
    let (dir, stem) = path.rsplit_once('/').unwrap_or(("", path));
    let stem = stem.trim_end_matches(".rs");
    // `mod.rs`, `lib.rs` and `main.rs` declare children beside themselves;
    // `foo.rs` declares them in `foo/`.
    let base = if matches!(stem, "mod" | "lib" | "main") {
        dir.to_string()
    } else {
        format!("{dir}/{stem}")
    };
    let lines: Vec<&str> = code.lines().collect();
    (0..lines.len())
        .filter(|&i| is_cfg_test(lines[i]))
        .filter_map(|i| module_after(&lines, i))
        .filter_map(|m| m.strip_suffix(';'))
        .filter_map(|m| m.rsplit(' ').next())
        .flat_map(|name| [format!("{base}/{name}.rs"), format!("{base}/{name}/mod.rs")])
        .collect()
}

/// Blanks `//` and `/* */` comments (nested) outside string and char
/// literals, keeping line breaks.
pub fn strip_comments(text: &str) -> String {
    blank(text, false)
}

/// Blanks comments and, with `literals`, the insides of string and char
/// literals too; line breaks stay where they were.
fn blank(text: &str, literals: bool) -> String {
    let c: Vec<char> = text.chars().collect();
    let keep = |out: &mut String, chars: &[char]| {
        if literals {
            out.extend(chars.iter().map(|&ch| if ch == '\n' { '\n' } else { ' ' }));
        } else {
            out.extend(chars);
        }
    };
    let mut out = String::with_capacity(text.len());
    let space = |ch: char| if ch == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    out.push(' ');
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                        depth += 1;
                        out.push_str("  ");
                        i += 2;
                    } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        out.push_str("  ");
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        out.push(space(c[i]));
                        i += 1;
                    }
                }
            }
            'r' if (c.get(i + 1) == Some(&'"') || c.get(i + 1) == Some(&'#'))
                && (i == 0 || !is_ident(c[i - 1])) =>
            {
                // A raw string r"…" or r#"…"#: ends at a quote and as many #.
                let mut j = i + 1;
                while c.get(j) == Some(&'#') {
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    out.push(c[i]);
                    i += 1;
                    continue;
                }
                let hashes = j - i - 1;
                let close: String = std::iter::once('"')
                    .chain((0..hashes).map(|_| '#'))
                    .collect();
                let rest: String = c[j + 1..].iter().collect();
                let len = rest.find(&close).map_or(rest.len(), |k| k + close.len());
                let end = j + 1 + rest[..len].chars().count();
                keep(&mut out, &c[i..end]);
                i = end;
            }
            '"' => {
                let mut end = i + 1;
                while end < c.len() && c[end] != '"' {
                    end += if c[end] == '\\' { 2 } else { 1 };
                }
                let end = (end + 1).min(c.len());
                keep(&mut out, &c[i..end]);
                i = end;
            }
            '\'' => {
                // A char literal ('x', '\n', '\'') — or a lifetime ('a), left as is.
                let end = if c.get(i + 1) == Some(&'\\') {
                    (i + 3..c.len()).find(|&k| c[k] == '\'').map(|k| k + 1)
                } else if c.get(i + 2) == Some(&'\'') {
                    Some(i + 3)
                } else {
                    None
                };
                let end = end.unwrap_or(i + 1).min(c.len());
                keep(&mut out, &c[i..end]);
                i = end;
            }
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

pub fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// Does `line` contain `word` with no identifier character just before it
/// (when `word` starts with one) or just after it (when it ends with one)?
pub fn has_word(line: &str, word: &str) -> bool {
    word_positions(line, word).next().is_some()
}

/// Byte offsets of `word` in `line` as a whole word (see [`has_word`]).
pub fn word_positions<'a>(line: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let head_ident = word.chars().next().is_some_and(is_ident);
    let tail_ident = word.chars().last().is_some_and(is_ident);
    line.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let before = line[..i].chars().last();
        let after = line[i + word.len()..].chars().next();
        let glued_before = head_ident && before.is_some_and(is_ident);
        let glued_after = tail_ident && after.is_some_and(is_ident);
        !glued_before && !glued_after
    })
}

/// The identifier starting at byte `at` of `line`.
pub fn ident_at(line: &str, at: usize) -> &str {
    let rest = &line[at..];
    let len = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
    &rest[..len]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_blanked_but_strings_and_lines_kept() {
        let text = "let a = \"// not a comment\"; // document()\n/* window()\n */ b('/', '\\'', r#\"/*\"#); // x";
        let code = strip_comments(text);
        assert_eq!(code.lines().count(), text.lines().count());
        assert!(code.contains("\"// not a comment\""));
        assert!(!code.contains("document()"));
        assert!(!code.contains("window()"));
        assert!(code.contains("b('/', '\\'', r#\"/*\"#);"));
        assert!(!code.contains("x"));
    }

    #[test]
    fn lifetimes_do_not_open_char_literals() {
        let code = strip_comments("fn f<'a>(x: &'a str) {} // document()");
        assert!(!code.contains("document()"));
    }

    #[test]
    fn test_modules_inline_and_in_files() {
        let text = "fn a() {}\n#[cfg(test)]\nmod tests {\n  fn b() { '}'; \"}\" }\n}\nfn c() {}\n";
        let spans = inline_test_modules(&blank(text, true));
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0], 1..5);
        let decl = "#[cfg(test)]\nmod tests;\n#[cfg(test)]\n#[path = \"x\"]\nmod regressions;\nmod real;\n";
        assert_eq!(
            test_module_files("crates/c/src/study/mod.rs", decl),
            [
                "crates/c/src/study/tests.rs",
                "crates/c/src/study/tests/mod.rs",
                "crates/c/src/study/regressions.rs",
                "crates/c/src/study/regressions/mod.rs"
            ]
        );
        assert_eq!(
            test_module_files("crates/c/src/sources.rs", "#[cfg(test)]\nmod tests;\n")[0],
            "crates/c/src/sources/tests.rs"
        );
    }

    #[test]
    fn words_need_boundaries() {
        assert!(has_word("let d = document();", "document()"));
        assert!(!has_word("let d = my_document();", "document()"));
        assert!(has_word("x.unwrap()", ".unwrap()"));
        assert!(!has_word("x.unwrap_or(1)", ".unwrap()"));
        assert!(has_word("use rand::Rng;", "rand"));
        assert!(!has_word("operand", "rand"));
        assert!(!has_word("random", "rand"));
    }
}
