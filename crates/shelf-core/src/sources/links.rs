//! The catalogue pages an index page (the repository's `README.md`) links.
//!
//! A small byte scanner rather than a Markdown parser: the web app builds
//! without the `import` feature, and an index is a list of links. It finds
//! Markdown link targets (`[text](target)`, `[id]: target`) and HTML
//! `href` attributes, and keeps those that name a `docs/NN-index.md` page.

use std::collections::HashSet;

use super::url::{segment, Segment, SourceUrl};

use super::MAX_INDEX_PAGES;

/// Longest link target looked at, in bytes.
const MAX_TARGET_LEN: usize = 2_000;

/// How far back (bytes) to look for the `[` of a link's text, to tell an
/// image `![…](…)` from a link.
const MAX_LINK_TEXT_LEN: usize = 1_000;

/// The catalogue pages `text` (the index at `index`) links, resolved against
/// `index`, in order of first appearance, each once, at most one more than
/// [`MAX_INDEX_PAGES`] (so the caller can tell an index over the bound, and
/// refuse it, from one at it: see `plan::index_pages`). A page is a `.md` file named `NN-index.md` (one to
/// three digits) in a `docs` folder; fragments and queries are ignored,
/// GitHub `blob` links become raw files, relative links resolve against the
/// index's folder and never climb out of its repository. Pages on other
/// sites are kept: a fork's README links the original's pages absolutely.
pub fn index_page_links(index: &SourceUrl, text: &str) -> Vec<SourceUrl> {
    let mut pages: Vec<SourceUrl> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for target in link_targets(text) {
        if pages.len() > MAX_INDEX_PAGES {
            break;
        }
        // Cheap tests first: an index of a million links resolves only pages.
        if !ends_with_ignore_case(target, "-index.md") || !seen.insert(target) {
            continue;
        }
        let Some(url) = resolve(index, target) else {
            continue;
        };
        if is_catalogue_page(&url) && url != *index && !pages.contains(&url) {
            pages.push(url);
        }
    }
    pages
}

fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// True for `…/docs/NN-index.md`.
fn is_catalogue_page(url: &SourceUrl) -> bool {
    let mut segments = url.path().rsplit('/');
    let (Some(file), Some(folder)) = (segments.next(), segments.next()) else {
        return false;
    };
    let Some(stem) = file
        .len()
        .checked_sub(".md".len())
        .filter(|&n| file.is_char_boundary(n) && file[n..].eq_ignore_ascii_case(".md"))
        .map(|n| &file[..n])
    else {
        return false;
    };
    let Some(digits) = stem
        .len()
        .checked_sub("-index".len())
        .filter(|&n| stem.is_char_boundary(n) && stem[n..].eq_ignore_ascii_case("-index"))
        .map(|n| &stem[..n])
    else {
        return false;
    };
    folder.eq_ignore_ascii_case("docs")
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `target` (fragment and query already gone) as an absolute URL, or `None`
/// for other schemes (`javascript:`, `mailto:`, `data:`) and unusable links.
fn resolve(base: &SourceUrl, target: &str) -> Option<SourceUrl> {
    if target.is_empty() {
        return None;
    }
    if has_scheme(target) {
        return SourceUrl::parse(target).ok();
    }
    if target.starts_with("//") {
        return SourceUrl::parse(&format!("{}:{target}", base.scheme())).ok();
    }
    let root = base.root_segments();
    let base_segments: Vec<&str> = base.path()[1..].split('/').collect();
    let (mut stack, relative): (Vec<&str>, &str) = match target.strip_prefix('/') {
        // GitHub reads `/docs/x.md` in a README from the repository's root.
        Some(from_root) => (base_segments[..root].to_vec(), from_root),
        None => (
            base_segments[..base_segments.len().saturating_sub(1)].to_vec(),
            target,
        ),
    };
    for s in relative.split('/') {
        match segment(s) {
            Segment::Same => {}
            Segment::Up => {
                if stack.len() > root {
                    stack.pop();
                }
            }
            Segment::Name(name) => stack.push(name),
        }
    }
    let url = format!(
        "{}://{}/{}",
        base.scheme(),
        base.authority(),
        stack.join("/")
    );
    SourceUrl::parse(&url).ok()
}

/// `scheme:` before any `/`: an absolute URL (or `javascript:`…).
fn has_scheme(target: &str) -> bool {
    let Some(colon) = target.find(':') else {
        return false;
    };
    let scheme = &target[..colon];
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Every link target in `text`, in order, fragment and query removed.
/// Image targets are skipped. Linear in the length of `text`: each scan
/// resumes where the previous one stopped and looks at most
/// [`MAX_TARGET_LEN`] bytes ahead or [`MAX_LINK_TEXT_LEN`] back.
fn link_targets(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut targets = Vec::new();
    // Where the current line starts, and where the last link's target ended:
    // the look back for an image's `![` stops at either.
    let mut line_start = 0;
    let mut floor = 0;
    let mut i = 0;
    while i < bytes.len() {
        if i == line_start {
            if let Some(t) = reference_definition(&text[i..]) {
                targets.push(t);
            }
        }
        let b = bytes[i];
        if b == b'\n' {
            line_start = i + 1;
            floor = floor.max(line_start);
            i += 1;
        } else if b == b']' && bytes.get(i + 1) == Some(&b'(') {
            let image = is_image(bytes, floor, i);
            let (target, end) = markdown_target(text, i + 2);
            if let Some(t) = target.filter(|_| !image) {
                targets.push(t);
            }
            i = end;
            floor = end;
        } else if (b == b'h' || b == b'H')
            && bytes.len() >= i + 4
            && bytes[i..i + 4].eq_ignore_ascii_case(b"href")
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'-'))
        {
            let (target, end) = href_value(text, i + 4);
            targets.extend(target);
            i = end;
        } else {
            i += 1;
        }
    }
    targets.into_iter().map(strip_fragment_and_query).collect()
}

/// True when the link text ending at `close` (its `]`) opens with `![`.
fn is_image(bytes: &[u8], floor: usize, close: usize) -> bool {
    let floor = floor.max(close.saturating_sub(MAX_LINK_TEXT_LEN));
    let mut depth = 0usize;
    let mut j = close;
    while j > floor {
        j -= 1;
        match bytes[j] {
            b']' => depth += 1,
            b'[' if depth == 0 => return j > 0 && bytes[j - 1] == b'!',
            b'[' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// The target of `](target "title")` starting at `start` (`<…>`, or up to
/// whitespace or the unbalanced `)`, on one line), and where to resume.
fn markdown_target(text: &str, start: usize) -> (Option<&str>, usize) {
    let rest = text[start..].trim_start_matches([' ', '\t']);
    let offset = text.len() - rest.len();
    let scope = window(rest);
    if let Some(inner) = scope.strip_prefix('<') {
        return match inner.find(['>', '\n']) {
            Some(end) if inner.as_bytes()[end] == b'>' => {
                (Some(inner[..end].trim()), offset + 1 + end + 1)
            }
            Some(end) => (None, offset + 1 + end),
            None => (None, offset + scope.len()),
        };
    }
    let mut depth = 0usize;
    for (k, c) in scope.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return (Some(&rest[..k]), offset + k + 1),
            ')' => depth -= 1,
            c if c.is_whitespace() => return (Some(&rest[..k]), offset + k),
            _ => {}
        }
    }
    if scope.len() == rest.len() {
        (Some(rest), text.len())
    } else {
        (None, offset + scope.len())
    }
}

/// The value of `href = "…"`, `'…'` or unquoted, starting after `href`,
/// and where to resume.
fn href_value(text: &str, start: usize) -> (Option<&str>, usize) {
    let after_name = text[start..].trim_start();
    let Some(rest) = after_name.strip_prefix('=') else {
        return (None, text.len() - after_name.len());
    };
    let rest = rest.trim_start();
    let offset = text.len() - rest.len();
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''));
    let body = &rest[quote.map_or(0, char::len_utf8)..];
    let body_at = text.len() - body.len();
    let scope = window(body);
    match quote {
        Some(q) => match scope.find([q, '\n']) {
            Some(end) if body[end..].starts_with(q) => {
                (Some(body[..end].trim()), body_at + end + 1)
            }
            Some(end) => (None, body_at + end),
            None => (None, body_at + scope.len().max(1).min(body.len())),
        },
        None => {
            let end = scope
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(scope.len());
            (Some(&body[..end]), offset + end.max(1).min(body.len()))
        }
    }
}

/// `[label]: target` at the start of `line` (up to three spaces in).
fn reference_definition(text: &str) -> Option<&str> {
    let line = text.split('\n').next()?;
    let indent = line.len() - line.trim_start_matches(' ').len();
    let line = line[indent..].strip_prefix('[')?;
    if indent > 3 || line.starts_with('^') {
        return None;
    }
    let close = line.find("]:").filter(|&c| c <= MAX_TARGET_LEN)?;
    let target = line[close + 2..].trim_start();
    let target = target.strip_prefix('<').unwrap_or(target);
    let end = target
        .find(|c: char| c.is_whitespace() || c == '>')
        .unwrap_or(target.len());
    (end <= MAX_TARGET_LEN).then(|| &target[..end])
}

/// The first [`MAX_TARGET_LEN`] bytes of `s` (to a character boundary), so
/// that looking for a closing mark costs the same at every link.
fn window(s: &str) -> &str {
    let mut end = MAX_TARGET_LEN.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn strip_fragment_and_query(target: &str) -> &str {
    let end = target.find(['#', '?']).unwrap_or(target.len());
    target[..end].trim()
}
