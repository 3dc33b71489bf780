//! Sharing a playlist as a link: name and video ids in the URL fragment.
//!
//! Format (version 1):
//!
//! ```text
//! #share=v1;<name>;<id>,<id>,...
//! ```
//!
//! The name is UTF-8, percent-encoded except for `A-Za-z0-9-._~`, so it
//! never contains the `;` and `,` separators and survives chat apps and
//! browsers re-encoding the link. Video ids are YouTube ids, already
//! URL-safe, so they go in as they are. The fragment never reaches a
//! server, which suits an offline app and keeps lists private.
//!
//! Links are hostile input: the length is capped before any parsing,
//! malformed ids are dropped and counted, ids past [`MAX_VIDEOS`] are
//! dropped and counted, and a bad name is an error.

use std::fmt;

use super::playlist::{normalize_name, NameError, Playlist, MAX_VIDEOS};
use crate::ids::VideoId;

const PREFIX: &str = "share=";
const VERSION: &str = "v1";

pub use super::limits::MAX_FRAGMENT_LEN;

/// Why a link could not be read as a shared playlist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// No `share=` fragment.
    NotAShareLink,
    /// A share link of a later format (`v2`, ...): needs a newer app.
    UnsupportedVersion,
    /// Longer than [`MAX_FRAGMENT_LEN`]; nothing was parsed.
    TooLong {
        len: usize,
        max: usize,
    },
    /// Missing or extra `;`-separated parts.
    Malformed,
    /// The name has a bad `%` escape or is not UTF-8.
    BadEncoding,
    Name(NameError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotAShareLink => write!(f, "not a shared-playlist link"),
            ShareError::UnsupportedVersion => {
                write!(f, "this link was made by a newer version of the app")
            }
            ShareError::TooLong { len, max } => {
                write!(f, "the link is too long ({len} characters, at most {max})")
            }
            ShareError::Malformed => write!(f, "the link is damaged"),
            ShareError::BadEncoding => write!(f, "the playlist name in the link is damaged"),
            ShareError::Name(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ShareError {}

/// A playlist read from a link, not yet stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPlaylist {
    pub name: String,
    /// In link order; unknown-but-well-formed ids are kept.
    pub videos: Vec<VideoId>,
    /// Entries that were not video ids.
    pub dropped_invalid: usize,
    /// Entries past [`MAX_VIDEOS`].
    pub dropped_over_limit: usize,
}

/// The fragment (with `#`) for a playlist.
pub fn share_playlist(playlist: &Playlist) -> String {
    share_fragment(playlist.name(), &playlist.videos())
}

/// The fragment (with `#`) for a name and ids. Malformed ids and ids past
/// [`MAX_VIDEOS`] are left out, so a link always reads back in full.
pub fn share_fragment<V: AsRef<str>>(name: &str, videos: &[V]) -> String {
    let ids: Vec<&str> = videos
        .iter()
        .map(AsRef::as_ref)
        .filter(|id| VideoId::parse(id).is_some())
        .take(MAX_VIDEOS)
        .collect();
    format!(
        "#{PREFIX}{VERSION};{};{}",
        percent_encode(name),
        ids.join(",")
    )
}

/// Reads a share link: the fragment alone (`#share=...` or `share=...`)
/// or a whole URL that ends in one.
pub fn parse_share(link: &str) -> Result<SharedPlaylist, ShareError> {
    if link.len() > MAX_FRAGMENT_LEN {
        return Err(ShareError::TooLong {
            len: link.len(),
            max: MAX_FRAGMENT_LEN,
        });
    }
    let fragment = link.split_once('#').map_or(link, |(_, after)| after);
    let body = fragment
        .trim()
        .strip_prefix(PREFIX)
        .ok_or(ShareError::NotAShareLink)?;
    let (version, rest) = body.split_once(';').unwrap_or((body, ""));
    if version != VERSION {
        return Err(version_error(version));
    }
    let (name, ids) = rest.split_once(';').ok_or(ShareError::Malformed)?;
    if ids.contains(';') {
        return Err(ShareError::Malformed);
    }
    let name = normalize_name(&percent_decode(name)?).map_err(ShareError::Name)?;
    Ok(read_ids(name, ids))
}

/// `v2`, `v10`... are later formats; `v0`, `v01` or anything else was
/// never made by any version of the app.
fn version_error(version: &str) -> ShareError {
    let number = version
        .strip_prefix('v')
        .filter(|n| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()))
        .filter(|n| !n.starts_with('0'))
        .and_then(|n| n.parse::<u32>().ok());
    match number {
        Some(n) if n > 1 => ShareError::UnsupportedVersion,
        _ => ShareError::Malformed,
    }
}

fn read_ids(name: String, ids: &str) -> SharedPlaylist {
    let mut shared = SharedPlaylist {
        name,
        videos: Vec::new(),
        dropped_invalid: 0,
        dropped_over_limit: 0,
    };
    for id in ids.split(',').filter(|id| !id.is_empty()) {
        match VideoId::parse(id) {
            None => shared.dropped_invalid += 1,
            Some(_) if shared.videos.len() >= MAX_VIDEOS => shared.dropped_over_limit += 1,
            Some(id) => shared.videos.push(id),
        }
    }
    shared
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Two hex digits as a byte. (Checked by hand: `from_str_radix` would
/// also take `+1`.)
fn hex_byte(pair: &[u8]) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    match pair {
        [hi, lo] => Some((digit(*hi)? * 16 + digit(*lo)?) as u8),
        _ => None,
    }
}

/// Decodes `%XX` escapes; other characters (a browser may have unescaped
/// some) pass through. `+` stays `+`: this is not form encoding.
fn percent_decode(text: &str) -> Result<String, ShareError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(ShareError::BadEncoding)?;
            out.push(hex_byte(hex).ok_or(ShareError::BadEncoding)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ShareError::BadEncoding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const A: &str = "AAAAAAAAAAA";
    const B: &str = "-2r4cqDP4BY";

    fn ids(list: &[&str]) -> Vec<VideoId> {
        list.iter().map(|s| VideoId::parse(s).unwrap()).collect()
    }

    #[test]
    fn fragment_is_compact_and_readable() {
        let link = share_fragment("ML 2021: 必看; top", &ids(&[A, B]));
        assert_eq!(
            link,
            "#share=v1;ML%202021%3A%20%E5%BF%85%E7%9C%8B%3B%20top;AAAAAAAAAAA,-2r4cqDP4BY"
        );
        let shared = parse_share(&format!("https://example.org/shelf/{link}")).unwrap();
        assert_eq!(shared.name, "ML 2021: 必看; top");
        assert_eq!(shared.videos, ids(&[A, B]));
        assert_eq!(parse_share(&link[1..]).unwrap(), shared, "without the #");
    }

    #[test]
    fn a_playlist_shares_and_comes_back() {
        use crate::ids::PlaylistId;
        use crate::study::stamp::{Clock, DeviceId};
        let mut clock = Clock::new(DeviceId::from_random(1));
        let videos = ids(&[A, B, A, "ZZZZZZZZZZZ"]);
        let p = Playlist::with_videos(
            PlaylistId::parse("p").unwrap(),
            "<img src=x onerror=alert(1)>",
            &videos,
            &mut clock,
            1_800_000_000_000,
        )
        .unwrap();
        let shared = parse_share(&share_playlist(&p)).unwrap();
        assert_eq!(
            shared.name, "<img src=x onerror=alert(1)>",
            "kept as plain text"
        );
        assert_eq!(shared.videos, videos, "unknown ids and duplicates kept");
    }

    #[test]
    fn bad_ids_are_dropped_and_counted() {
        let shared = parse_share("#share=v1;x;AAAAAAAAAAA,,bad,<script>,AAAAAAAAAA%41,").unwrap();
        assert_eq!(shared.videos, ids(&[A]));
        assert_eq!(shared.dropped_invalid, 3);
        let many = vec![A; MAX_VIDEOS + 5].join(",");
        let shared = parse_share(&format!("#share=v1;x;{many}")).unwrap();
        assert_eq!(
            (shared.videos.len(), shared.dropped_over_limit),
            (MAX_VIDEOS, 5)
        );
        let mut huge = share_fragment("x", &ids(&[A]));
        huge.push_str(&",AAAAAAAAAAA".repeat(2000));
        assert_eq!(
            parse_share(&huge),
            Err(ShareError::TooLong {
                len: huge.len(),
                max: MAX_FRAGMENT_LEN
            })
        );
    }

    #[test]
    fn garbage_is_refused_clearly() {
        let long_name = "%41".repeat(101);
        let cases: Vec<(&str, ShareError)> = vec![
            ("", ShareError::NotAShareLink),
            ("#", ShareError::NotAShareLink),
            ("https://x.org/#/playlist/3", ShareError::NotAShareLink),
            ("#share=", ShareError::Malformed),
            ("#share=v1", ShareError::Malformed),
            ("#share=v1;name", ShareError::Malformed),
            ("#share=v1;a;b;c", ShareError::Malformed),
            ("#share=vx;a;", ShareError::Malformed),
            ("#share=v0;a;AAAAAAAAAAA", ShareError::Malformed),
            ("#share=v01;a;AAAAAAAAAAA", ShareError::Malformed),
            ("#share=v2;a;AAAAAAAAAAA", ShareError::UnsupportedVersion),
            ("#share=v1;%ZZ;", ShareError::BadEncoding),
            ("#share=v1;%4;", ShareError::BadEncoding),
            ("#share=v1;%+1;", ShareError::BadEncoding),
            ("#share=v1;%FF%FE;", ShareError::BadEncoding),
            ("#share=v1;;AAAAAAAAAAA", ShareError::Name(NameError::Empty)),
            ("#share=v1;%20%0A;", ShareError::Name(NameError::Empty)),
        ];
        for (link, err) in cases {
            assert_eq!(parse_share(link), Err(err), "{link:?}");
        }
        assert!(matches!(
            parse_share(&format!("#share=v1;{long_name};")),
            Err(ShareError::Name(NameError::TooLong { chars: 101, .. }))
        ));
        let raw = parse_share("#share=v1;Week 1+2 必看;").unwrap();
        assert_eq!(raw.name, "Week 1+2 必看", "unescaped text is tolerated");
    }

    proptest! {
        #[test]
        fn links_round_trip(
            name in "\\PC{1,100}",
            videos in proptest::collection::vec("[A-Za-z0-9_-]{11}", 0..60),
        ) {
            let Ok(name) = normalize_name(&name) else { return Ok(()) };
            let shared = parse_share(&share_fragment(&name, &videos)).unwrap();
            prop_assert_eq!(shared.name, name);
            let shared_ids: Vec<&str> = shared.videos.iter().map(|v| v.as_str()).collect();
            prop_assert_eq!(shared_ids, videos.iter().map(String::as_str).collect::<Vec<_>>());
            prop_assert_eq!(shared.dropped_invalid + shared.dropped_over_limit, 0);
        }

        #[test]
        fn garbage_never_panics(link in "\\PC{0,200}") {
            let _ = parse_share(&link);
        }

        #[test]
        fn near_miss_links_never_panic(tail in "[%;,A-Za-z0-9_ -]{0,80}") {
            let _ = parse_share(&format!("#share=v1;{tail}"));
        }
    }
}
