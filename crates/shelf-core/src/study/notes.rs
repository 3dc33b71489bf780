//! Plain-text notes, one per video, and the time codes inside them.
//!
//! Notes are stored and shown as text only; the UI turns the
//! [`Segment::Time`] parts into links to the video at that moment.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::merge::{next_stamp, Stamped};
use super::timecode::match_exact;

/// Notes by video id.
pub type NoteMap = BTreeMap<String, Note>;

/// A student's note on one video. An empty text is a cleared note, kept
/// as a tombstone so that a merge does not bring the old text back.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Note {
    pub text: String,
    pub updated_at: u64,
}

impl Stamped for Note {
    fn updated_at(&self) -> u64 {
        self.updated_at
    }

    fn is_tombstone(&self) -> bool {
        self.text.is_empty()
    }
}

impl Note {
    /// Replaces the text; false (and no new timestamp) when it is the same.
    pub fn set_text(&mut self, text: &str, now_ms: u64) -> bool {
        if self.text == text {
            return false;
        }
        self.text = text.to_string();
        self.updated_at = next_stamp(self.updated_at, now_ms);
        true
    }

    pub fn segments(&self) -> Vec<Segment<'_>> {
        segments(&self.text)
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
    fn note_edits_are_stamped() {
        let mut note = Note::default();
        assert!(note.is_tombstone());
        assert!(note.set_text("hi 1:00", 5));
        assert!(!note.set_text("hi 1:00", 9));
        assert_eq!(note.updated_at, 5);
        assert_eq!(note.segments().len(), 2);
        assert!(note.set_text("", 6));
        assert!(note.is_tombstone());
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
