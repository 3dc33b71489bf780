//! Identifiers that are checked once, where they enter, and then trusted:
//! a [`VideoId`] is always a well-formed YouTube id, a [`PlaylistId`]
//! always a usable playlist id. Both read as `&str` (`Deref`), so display
//! and lookups need no conversions.

use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

macro_rules! checked_id {
    ($(#[$doc:meta])* $name:ident, $check:path, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The id, if `text` is one.
            pub fn parse(text: &str) -> Option<$name> {
                $check(text).then(|| $name(text.to_string()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(text: String) -> Result<Self, String> {
                if $check(&text) {
                    Ok($name(text))
                } else {
                    Err(format!(concat!("{:?} is not ", $what), text))
                }
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

checked_id!(
    /// A YouTube video id: 11 characters of `[A-Za-z0-9_-]`.
    VideoId,
    is_video_id,
    "a YouTube video id"
);

checked_id!(
    /// A playlist's id: 1 to [`MAX_PLAYLIST_ID_LEN`] characters of
    /// `[A-Za-z0-9_.-]`. No `:`: series playlists have their own route, so
    /// a stored id can never shadow one.
    PlaylistId,
    is_playlist_id,
    "a playlist id"
);

impl PlaylistId {
    /// A new list's id from the time and a random salt: digits and dashes,
    /// so always well formed (at most 44 bytes).
    pub fn generated(now_ms: u64, salt: u64) -> PlaylistId {
        PlaylistId(format!("pl-{now_ms}-{salt}"))
    }
}

/// Longest playlist id, in bytes.
pub const MAX_PLAYLIST_ID_LEN: usize = 64;

/// True for a well-formed YouTube video id.
pub fn is_video_id(s: &str) -> bool {
    s.len() == 11
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
}

/// True for a usable playlist id.
pub fn is_playlist_id(id: &str) -> bool {
    (1..=MAX_PLAYLIST_ID_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked_where_they_enter() {
        assert!(VideoId::parse("-2r4cqDP4BY").is_some());
        for bad in ["", "short", "AAAAAAAAAAAA", "AAAAAAAAAA!", "ＡAAAAAAAAAA"] {
            assert!(VideoId::parse(bad).is_none(), "{bad:?}");
        }
        assert!(PlaylistId::parse("pl-1733-42").is_some());
        let made = PlaylistId::generated(u64::MAX, u64::MAX);
        assert_eq!(PlaylistId::parse(made.as_str()), Some(made));
        for bad in ["", "series:ml2021", "a b", &"x".repeat(65)] {
            assert!(PlaylistId::parse(bad).is_none(), "{bad:?}");
        }
        let id: Result<VideoId, _> = serde_json::from_str("\"<script>xx\"");
        assert!(id.is_err());
        let id: VideoId = serde_json::from_str("\"-2r4cqDP4BY\"").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"-2r4cqDP4BY\"");
        assert_eq!(&*id, "-2r4cqDP4BY");
    }
}
