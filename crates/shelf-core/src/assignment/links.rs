//! YouTube links and bare video ids in a pasted line.

use crate::ids::VideoId;

/// What a YouTube link on a line points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Link {
    Video(VideoId),
    /// A playlist link without a video in it: the `list=` value.
    Playlist(String),
}

/// Hosts that serve the same paths as youtube.com.
const HOSTS: [&str; 2] = ["youtube.com", "youtube-nocookie.com"];
const HOST_PREFIXES: [&str; 3] = ["www.", "m.", "music."];
/// Paths whose next segment is the video id.
const ID_PATHS: [&str; 4] = ["shorts", "embed", "live", "v"];
/// Wrapping that slides and chat messages put around links.
const WRAPPERS: &[char] = &[
    '<', '>', '(', ')', '[', ']', '「', '」', '"', '\'', ',', '，',
];

/// The first YouTube link on the line, if any.
pub(crate) fn find_link(line: &str) -> Option<Link> {
    line.split_whitespace()
        .find_map(|token| link(token.trim_matches(WRAPPERS)))
}

/// One URL: a watch/youtu.be/shorts/embed/live link to a video, or a
/// playlist link. A watch link inside a playlist (`watch?v=…&list=…`) is the
/// video.
fn link(token: &str) -> Option<Link> {
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|s| strip_prefix_ignore_case(token, s))
        .unwrap_or(token);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = HOST_PREFIXES
        .iter()
        .find_map(|p| host.strip_prefix(p))
        .unwrap_or(&host);
    let path = path.split('#').next().unwrap_or("");
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let mut segments = path.split('/');
    if host == "youtu.be" {
        return segments.next().and_then(VideoId::parse).map(Link::Video);
    }
    if !HOSTS.contains(&host) {
        return None;
    }
    let first = segments.next().unwrap_or("");
    let video = match first {
        "watch" => param(query, "v"),
        _ if ID_PATHS.contains(&first) => segments.next(),
        _ => None,
    };
    match video.and_then(VideoId::parse) {
        Some(id) => Some(Link::Video(id)),
        None => param(query, "list")
            .filter(|l| !l.is_empty())
            .map(|l| Link::Playlist(l.to_string())),
    }
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

/// A whole line that is one video id. Real ids are mostly mixed-case
/// gibberish; an 11-letter word ("Transformer") is far likelier to be a
/// title, so it only counts as an id when the caller finds it in the
/// catalogue — `looks_like_id` says whether to report it as a missing one.
pub(crate) fn bare_id(line: &str) -> Option<VideoId> {
    VideoId::parse(line.trim())
}

/// A digit, `-`, `_` or a capital after the first letter: not a word.
pub(crate) fn looks_like_id(id: &str) -> bool {
    id.bytes().enumerate().any(|(i, b)| {
        b.is_ascii_digit() || b == b'-' || b == b'_' || (i > 0 && b.is_ascii_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn video(url: &str) -> Option<String> {
        match find_link(url)? {
            Link::Video(id) => Some(id.to_string()),
            Link::Playlist(_) => None,
        }
    }

    #[test]
    fn every_kind_of_video_link() {
        for url in [
            "https://www.youtube.com/watch?v=AVIKFXLCPY8",
            "https://youtube.com/watch?v=AVIKFXLCPY8&t=1035s",
            "http://m.youtube.com/watch?feature=share&v=AVIKFXLCPY8",
            "https://www.youtube.com/watch?v=AVIKFXLCPY8&list=PLJV_el3uVTsPz6CTopeRp2L2t4aL_Kgil&index=1",
            "HTTPS://WWW.YOUTUBE.COM/watch?v=AVIKFXLCPY8",
            "www.youtube.com/watch?v=AVIKFXLCPY8",
            "https://youtu.be/AVIKFXLCPY8",
            "https://youtu.be/AVIKFXLCPY8?si=abc&t=10",
            "https://www.youtube.com/shorts/AVIKFXLCPY8",
            "https://www.youtube.com/embed/AVIKFXLCPY8?start=5",
            "https://www.youtube-nocookie.com/embed/AVIKFXLCPY8",
            "https://www.youtube.com/live/AVIKFXLCPY8",
            "https://music.youtube.com/watch?v=AVIKFXLCPY8#x",
            "課程說明 <https://youtu.be/AVIKFXLCPY8>",
            "(https://youtu.be/AVIKFXLCPY8)",
        ] {
            assert_eq!(video(url).as_deref(), Some("AVIKFXLCPY8"), "{url}");
        }
    }

    #[test]
    fn playlists_and_other_links() {
        assert_eq!(
            find_link("https://www.youtube.com/playlist?list=PLJV_el3uVTsPz6CTopeRp2L2t4aL_Kgil"),
            Some(Link::Playlist("PLJV_el3uVTsPz6CTopeRp2L2t4aL_Kgil".into()))
        );
        for other in [
            "https://github.com/mtkresearch/BreezyVoice",
            "https://www.youtube.com/@HungyiLeeNTU",
            "https://www.youtube.com/watch?v=short",
            "https://notyoutube.com/watch?v=AVIKFXLCPY8",
            "https://www.youtube.com/playlist?list=",
            "youtube",
        ] {
            assert_eq!(find_link(other), None, "{other}");
        }
    }

    #[test]
    fn bare_ids_and_words() {
        assert_eq!(bare_id("  JGtqpQXfJis ").as_deref(), Some("JGtqpQXfJis"));
        assert!(bare_id("JGtqpQXfJi").is_none());
        assert!(looks_like_id("JGtqpQXfJis"));
        assert!(looks_like_id("-2r4cqDP4BY"));
        assert!(!looks_like_id("Transformer"));
        assert!(!looks_like_id("transformer"));
    }
}
