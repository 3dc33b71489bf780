//! Plain-text notes, one per video, and the time codes inside them.
//!
//! Notes are stored and shown as text only; the UI turns the
//! [`Segment::Time`] parts into links to the video at that moment.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

use super::lww::{Lww, Merge};
use super::stamp::{Clock, Stamp};
use super::timecode::match_exact;
use crate::ids::VideoId;

/// Notes by video id.
pub type NoteMap = BTreeMap<VideoId, Note>;

pub use super::limits::MAX_NOTE_CHARS;

/// Why a note was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteTooLong {
    pub chars: usize,
    pub max: usize,
}

impl fmt::Display for NoteTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a note can have at most {} characters, not {}",
            self.max, self.chars
        )
    }
}

impl std::error::Error for NoteTooLong {}

/// A student's note on one video. An empty text is a cleared note, kept
/// as a tombstone so that a merge does not bring the old text back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Note(Lww<String>);

impl Note {
    pub fn text(&self) -> &str {
        self.0.get()
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }

    /// Replaces the text; `Ok(false)` (and no stamp) when it is the same.
    pub fn set_text(
        &mut self,
        text: &str,
        clock: &mut Clock,
        now_ms: u64,
    ) -> Result<bool, NoteTooLong> {
        check_length(text)?;
        Ok(self.0.set(text.to_string(), clock, now_ms))
    }

    pub fn segments(&self) -> Vec<Segment<'_>> {
        segments(self.text())
    }

    pub(super) fn legacy(text: String, at: Stamp) -> Note {
        Note(Lww::new(text, at))
    }

    pub(super) fn is_valid(&self) -> bool {
        check_length(self.text()).is_ok()
    }
}

fn check_length(text: &str) -> Result<(), NoteTooLong> {
    match text.chars().count() {
        chars if chars > MAX_NOTE_CHARS => Err(NoteTooLong {
            chars,
            max: MAX_NOTE_CHARS,
        }),
        _ => Ok(()),
    }
}

impl Merge for Note {
    fn merge(&self, other: &Self) -> Self {
        Note(self.0.merge(&other.0))
    }

    fn clamp_stamps(&mut self, now_ms: u64) {
        self.0.clamp_stamps(now_ms);
    }

    fn latest(&self) -> Stamp {
        self.0.at()
    }
}

/// A piece of a note: text to show as is, or a time code to link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Time { text: &'a str, secs: u32 },
}

/// Splits a note into text and time codes (`12:34`, `1:02:03`), in order.
/// Concatenating the segments' text gives the note back unchanged.
///
/// A time code must stand on its own: digit runs such as `12:345`,
/// `2024:01` or `1:2:3:4` are not time codes, nor are ones glued to
/// ASCII letters (`v1:23`, `12:34pm`) or continuing a number (`1.12:34`,
/// `12:34.5`). Chinese text right next to one is fine (`在12:34講`).
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut shown, mut i) = (0, 0);
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let end = digit_colon_run_end(bytes, i);
        // Runs are ASCII, so both ends are char boundaries.
        let run = &text[i..end];
        if let Some(secs) = match_exact(run).filter(|_| stands_alone(bytes, i, end)) {
            if shown < i {
                out.push(Segment::Text(&text[shown..i]));
            }
            out.push(Segment::Time { text: run, secs });
            shown = end;
        }
        i = end;
    }
    if shown < bytes.len() {
        out.push(Segment::Text(&text[shown..]));
    }
    out
}

/// End of the longest `digits(:digits)*` run starting at `start`.
fn digit_colon_run_end(bytes: &[u8], start: usize) -> usize {
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = start;
    loop {
        while digit_at(i) {
            i += 1;
        }
        if bytes.get(i) == Some(&b':') && digit_at(i + 1) {
            i += 1;
        } else {
            return i;
        }
    }
}

/// True when the run `start..end` is not glued to a word or a number.
fn stands_alone(bytes: &[u8], start: usize, end: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let before2 = start.checked_sub(2).map(|i| bytes[i]);
    let after = bytes.get(end).copied();
    let after2 = bytes.get(end + 1).copied();
    let continues_number = |sep: Option<u8>, digit: Option<u8>| {
        matches!(sep, Some(b'.' | b',' | b':')) && digit.is_some_and(|d| d.is_ascii_digit())
    };
    !(before.is_some_and(word)
        || after.is_some_and(word)
        || continues_number(before, before2)
        || continues_number(after, after2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn times(text: &str) -> Vec<(&str, u32)> {
        segments(text)
            .into_iter()
            .filter_map(|s| match s {
                Segment::Time { text, secs } => Some((text, secs)),
                Segment::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn splits_bracketed_and_bare_time_codes() {
        assert_eq!(
            segments("see [12:34] and 1:02:03."),
            [
                Segment::Text("see ["),
                Segment::Time {
                    text: "12:34",
                    secs: 754
                },
                Segment::Text("] and "),
                Segment::Time {
                    text: "1:02:03",
                    secs: 3723
                },
                Segment::Text("."),
            ]
        );
        assert_eq!(times("0:05"), [("0:05", 5)]);
        assert_eq!(
            times("在12:34講到 attention，34:10：重點"),
            [("12:34", 754), ("34:10", 2050)]
        );
        assert_eq!(
            times("1:02, 3:04; (5:06)"),
            [("1:02", 62), ("3:04", 184), ("5:06", 306)]
        );
        assert_eq!(times("At 12:34: the model"), [("12:34", 754)]);
    }

    #[test]
    fn leaves_lookalikes_as_text() {
        for text in [
            "12:345",
            "2024:01",
            "1:2:3:4",
            "12:60",
            "1:60:00",
            "123:45",
            "v1:23",
            "12:34pm",
            "x12:34",
            "1.12:34",
            "12:34.5",
            "12:34,5",
            "3:2 ratio",
            "2024-01-02 10:30:00:00",
            "１２:３４",
            "12：34",
        ] {
            assert_eq!(times(text), [], "{text:?}");
            assert_eq!(segments(text), [Segment::Text(text)]);
        }
        assert_eq!(segments(""), []);
    }

    #[test]
    fn note_edits_are_stamped_and_capped() {
        let mut clock = Clock::new(crate::study::stamp::DeviceId::from_random(1));
        let now = 1_800_000_000_000;
        let mut note = Note::default();
        assert!(note.is_empty());
        assert_eq!(note.set_text("hi 1:00", &mut clock, now), Ok(true));
        let stamp = note.latest();
        assert_eq!(note.set_text("hi 1:00", &mut clock, now), Ok(false));
        assert_eq!(note.latest(), stamp);
        assert_eq!(note.segments().len(), 2);
        let long = "字".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            note.set_text(&long, &mut clock, now),
            Err(NoteTooLong {
                chars: MAX_NOTE_CHARS + 1,
                max: MAX_NOTE_CHARS
            })
        );
        assert_eq!(note.text(), "hi 1:00", "a refused edit changes nothing");
        assert_eq!(note.set_text("", &mut clock, now), Ok(true));
        assert!(note.is_empty());
    }

    proptest! {
        #[test]
        fn segments_rebuild_the_note(text in "[0-9:.a-z 講\\[\\]]{0,40}") {
            let rebuilt: String = segments(&text)
                .into_iter()
                .map(|s| match s {
                    Segment::Text(t) | Segment::Time { text: t, .. } => t,
                })
                .collect();
            prop_assert_eq!(rebuilt, text);
        }
    }
}
