//! [`SourceUrl`]: a URL a student typed or pasted, checked once where it
//! enters and normalised so that two spellings of one page are one source.

use std::fmt;

/// Longest accepted URL, in bytes: far beyond any real catalogue page, short
/// enough that a pasted essay is refused rather than stored.
pub const MAX_URL_LEN: usize = 2_000;

/// Longest [`SourceUrl::display_name`], in characters: it heads problems and
/// lists, so it must fit on a line.
pub const MAX_DISPLAY_NAME_CHARS: usize = 80;

const RAW_HOST: &str = "raw.githubusercontent.com";

/// An absolute `http(s)` URL without credentials or fragment, with a
/// lowercase scheme and host, no default port, no dot segments, and GitHub
/// `blob` pages rewritten to their raw file (the HTML page is no catalogue).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceUrl(String);

/// Why a typed URL was refused. No text inside: the app words it per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceUrlError {
    /// Nothing but whitespace.
    Empty,
    /// Not `http://` or `https://` (`javascript:`, `file:`, a bare host…).
    NotHttp,
    /// `user:password@host`: never stored, never sent.
    Credentials,
    /// Spaces, control characters, an empty or unusable host or port.
    Malformed,
    /// Longer than [`MAX_URL_LEN`].
    TooLong,
}

impl fmt::Display for SourceUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceUrlError::Empty => "the URL is empty",
            SourceUrlError::NotHttp => "only http:// and https:// URLs can be loaded",
            SourceUrlError::Credentials => "the URL contains a user name or password",
            SourceUrlError::Malformed => "the URL is malformed",
            SourceUrlError::TooLong => "the URL is too long",
        })
    }
}

impl std::error::Error for SourceUrlError {}

impl SourceUrl {
    /// Checks and normalises `input` (surrounding whitespace ignored).
    pub fn parse(input: &str) -> Result<SourceUrl, SourceUrlError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(SourceUrlError::Empty);
        }
        if input.len() > MAX_URL_LEN {
            return Err(SourceUrlError::TooLong);
        }
        let (scheme, rest) = input.split_once(':').ok_or(SourceUrlError::NotHttp)?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(SourceUrlError::NotHttp);
        }
        if input.chars().any(is_forbidden) {
            return Err(SourceUrlError::Malformed);
        }
        let rest = rest.strip_prefix("//").ok_or(SourceUrlError::Malformed)?;
        // The fragment never reaches the server and only splits one page in two.
        let rest = rest.split('#').next().unwrap_or_default();
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(authority_end);
        if authority.contains('@') {
            return Err(SourceUrlError::Credentials);
        }
        let host = normalise_authority(&scheme, authority)?;
        let (path, query) = match tail.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (tail, None),
        };
        let path = remove_dot_segments(path, 0);
        let url = match github_blob_to_raw(&host, &path) {
            Some(raw) => raw,
            None => match query {
                Some(q) => format!("{scheme}://{host}{path}?{q}"),
                None => format!("{scheme}://{host}{path}"),
            },
        };
        if url.len() > MAX_URL_LEN {
            return Err(SourceUrlError::TooLong);
        }
        Ok(SourceUrl(url))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `http` or `https`.
    pub(crate) fn scheme(&self) -> &str {
        self.0.split_once("://").map_or("https", |(s, _)| s)
    }

    /// Host with its port, if any.
    pub(crate) fn authority(&self) -> &str {
        let rest = &self.0[self.scheme().len() + 3..];
        &rest[..rest.find(['/', '?']).unwrap_or(rest.len())]
    }

    /// The path, starting with `/`, without the query.
    pub(crate) fn path(&self) -> &str {
        let rest = &self.0[self.scheme().len() + 3 + self.authority().len()..];
        let path = rest.split('?').next().unwrap_or_default();
        if path.is_empty() {
            "/"
        } else {
            path
        }
    }

    /// How many leading path segments name the place links cannot climb out
    /// of: a raw GitHub file's `OWNER/REPO/BRANCH` (or `…/refs/heads/BRANCH`),
    /// nothing elsewhere.
    pub(crate) fn root_segments(&self) -> usize {
        if self.authority() != RAW_HOST {
            return 0;
        }
        let segments: Vec<&str> = self.path()[1..].split('/').collect();
        let root = match segments.get(2..4) {
            Some(["refs", "heads" | "tags"]) => 5,
            _ => 3,
        };
        if segments.len() > root {
            root
        } else {
            0
        }
    }

    /// A short name for lists and for problems (`FILE:LINE: message`): the
    /// repository path of a raw GitHub file (`docs/01-index.md`), otherwise
    /// host and path (`127.0.0.1:8123/page.md`), at most
    /// [`MAX_DISPLAY_NAME_CHARS`] characters.
    pub fn display_name(&self) -> String {
        let root = self.root_segments();
        let path = self.path();
        if root > 0 {
            let repo_path: Vec<&str> = path[1..].split('/').skip(root).collect();
            let full = decode_for_display(&repo_path.join("/"));
            if full.chars().count() <= MAX_DISPLAY_NAME_CHARS {
                return full;
            }
            let last = decode_for_display(repo_path.last().copied().unwrap_or_default());
            return clip(&format!("…/{last}"), MAX_DISPLAY_NAME_CHARS);
        }
        let host = self.authority();
        let full = if path == "/" {
            host.to_string()
        } else {
            format!("{host}{}", decode_for_display(path))
        };
        if full.chars().count() <= MAX_DISPLAY_NAME_CHARS {
            return full;
        }
        let last = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or_default();
        clip(
            &format!("{host}/…/{}", decode_for_display(last)),
            MAX_DISPLAY_NAME_CHARS,
        )
    }
}

/// Characters no real URL carries unencoded and that would make the URL we
/// check differ from the one the browser fetches (a `\` is a `/` there), or
/// hide what it says (bidi and zero-width marks).
fn is_forbidden(c: char) -> bool {
    c.is_control()
        || c.is_whitespace()
        || matches!(c, '\\' | '<' | '>' | '"' | '`' | '^' | '{' | '}' | '|')
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Lowercase host, checked characters, a numeric port without the default.
/// Hosts outside ASCII are refused: they must be written in punycode.
fn normalise_authority(scheme: &str, authority: &str) -> Result<String, SourceUrlError> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (inside, after) = v6.split_once(']').ok_or(SourceUrlError::Malformed)?;
        if inside.is_empty()
            || !inside
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return Err(SourceUrlError::Malformed);
        }
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':').ok_or(SourceUrlError::Malformed)?),
        };
        (format!("[{}]", inside.to_ascii_lowercase()), port)
    } else {
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        };
        let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_');
        if host.is_empty() || !host.chars().all(ok) || host.chars().all(|c| c == '.') {
            return Err(SourceUrlError::Malformed);
        }
        (host.to_ascii_lowercase(), port)
    };
    let port = match port {
        None | Some("") => None,
        Some(p) if p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            let n: u32 = p.parse().map_err(|_| SourceUrlError::Malformed)?;
            if n == 0 || n > 65_535 {
                return Err(SourceUrlError::Malformed);
            }
            let default = if scheme == "https" { 443 } else { 80 };
            (n != default).then_some(n)
        }
        Some(_) => return Err(SourceUrlError::Malformed),
    };
    Ok(match port {
        Some(p) => format!("{host}:{p}"),
        None => host,
    })
}

/// `https://github.com/O/R/blob/B/PATH` (or `/raw/`) → the raw file URL.
/// The query (`?plain=1`) only changes GitHub's HTML view, so it goes.
fn github_blob_to_raw(host: &str, path: &str) -> Option<String> {
    if host != "github.com" && host != "www.github.com" {
        return None;
    }
    let segments: Vec<&str> = path.strip_prefix('/')?.splitn(5, '/').collect();
    match segments.as_slice() {
        [owner, repo, "blob" | "raw", branch, rest]
            if !owner.is_empty() && !repo.is_empty() && !branch.is_empty() && !rest.is_empty() =>
        {
            Some(format!("https://{RAW_HOST}/{owner}/{repo}/{branch}/{rest}"))
        }
        _ => None,
    }
}

/// What a path segment means: `.` and `..`, also percent-encoded, as
/// browsers read them.
pub(crate) enum Segment<'a> {
    Same,
    Up,
    Name(&'a str),
}

pub(crate) fn segment(s: &str) -> Segment<'_> {
    match s.to_ascii_lowercase().as_str() {
        "." | "%2e" => Segment::Same,
        ".." | ".%2e" | "%2e." | "%2e%2e" => Segment::Up,
        _ => Segment::Name(s),
    }
}

/// Resolves `.` and `..` in an absolute path (RFC 3986 5.2.4), never
/// climbing above the first `root` segments.
pub(crate) fn remove_dot_segments(path: &str, root: usize) -> String {
    let path = path.strip_prefix('/').unwrap_or(path);
    if path.is_empty() {
        return "/".to_string();
    }
    let mut out: Vec<&str> = Vec::new();
    let mut dir = false;
    for s in path.split('/') {
        dir = true;
        match segment(s) {
            Segment::Same => {}
            Segment::Up => {
                if out.len() > root {
                    out.pop();
                }
            }
            Segment::Name(name) => {
                out.push(name);
                dir = false;
            }
        }
    }
    let mut joined = format!("/{}", out.join("/"));
    if dir && !joined.ends_with('/') {
        joined.push('/');
    }
    joined
}

/// `%XX` decoded for reading, when that gives clean UTF-8; the text as it
/// is otherwise (a name must never hide or invent characters).
fn decode_for_display(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(decoded)
            if !decoded.chars().any(is_forbidden)
                && decoded.matches('/').count() == s.matches('/').count() =>
        {
            decoded
        }
        _ => s.to_string(),
    }
}

/// At most `max` characters, the cut marked with `…`.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

impl fmt::Display for SourceUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for SourceUrl {
    type Err = SourceUrlError;
    fn from_str(s: &str) -> Result<SourceUrl, SourceUrlError> {
        SourceUrl::parse(s)
    }
}

impl AsRef<str> for SourceUrl {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

crate::text_form::text_form!(SourceUrl);
