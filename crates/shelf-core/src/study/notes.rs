//! Plain-text notes, one per video, and the time codes inside them.
//!
//! Notes are stored and shown as text only; the UI turns the
//! [`Segment::Time`] parts into links to the video at that moment.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

use super::lww::Merge;
use super::stamp::{Clock, DeviceId, Stamp};
use super::timecode::match_exact;
use crate::ids::VideoId;

/// Notes by video id.
pub type NoteMap = BTreeMap<VideoId, Note>;

pub use super::limits::{MAX_NOTE_CHARS, MAX_NOTE_SEEN, MAX_NOTE_VERSIONS};

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

/// A student's note on one video: a multi-value register, so text typed
/// on two devices at once is never lost.
///
/// Every value carries the stamp of the edit that wrote it (its *dot*: the
/// stamp names the tab that made it). The register also keeps what it has
/// seen: per device, the newest dot, and a `floor` below which every dot
/// counts as seen (notes migrated from the last-writer-wins schemas v1–v3
/// keep that rule among themselves). A merge keeps a value both sides hold,
/// or one side holds and the other has not seen; an edit replaces every
/// value this tab has seen. Two values left by a merge are a conflict the
/// student resolves ("edited on two devices"). An empty text is a cleared
/// note, kept so that a merge does not bring the old text back; next to a
/// concurrent text it simply yields to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Note {
    values: BTreeMap<Stamp, String>,
    floor: Stamp,
    seen: BTreeMap<DeviceId, Stamp>,
}

/// What joins two kept versions into one text ("keep both").
pub const KEEP_BOTH_SEPARATOR: &str = "\n\n――――――――\n\n";

impl Note {
    /// The text to show: the newest version (empty when cleared).
    pub fn text(&self) -> &str {
        self.versions().first().copied().unwrap_or("")
    }

    /// Every text kept, newest first, each once; cleared values left out.
    /// Two or more: edited on two devices at once.
    pub fn versions(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::with_capacity(self.values.len());
        for text in self.values.values().rev() {
            if !text.is_empty() && !out.contains(&text.as_str()) {
                out.push(text);
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.values.values().all(String::is_empty)
    }

    /// Replaces every version this tab holds with `text`; `Ok(false)` (and
    /// no stamp) when `text` is already the only version.
    pub fn set_text(
        &mut self,
        text: &str,
        clock: &mut Clock,
        now_ms: u64,
    ) -> Result<bool, NoteTooLong> {
        check_length(text)?;
        let settled = match self.values.len() {
            0 => text.is_empty(),
            1 => self.values.values().next().is_some_and(|t| t == text),
            _ => false,
        };
        if settled {
            return Ok(false);
        }
        let dot = clock.tick(now_ms);
        self.values = BTreeMap::from([(dot, text.to_string())]);
        self.see(dot);
        self.normalize();
        Ok(true)
    }

    pub fn segments(&self) -> Vec<Segment<'_>> {
        segments(self.text())
    }

    /// A note from a schema without versions (v1–v3): one value, and every
    /// older edit counts as seen, as the last-writer-wins register had it.
    pub(super) fn legacy(text: String, at: Stamp) -> Note {
        let mut note = Note {
            values: BTreeMap::from([(at, text)]),
            floor: at,
            seen: BTreeMap::new(),
        };
        note.normalize();
        note
    }

    /// Every version within the length cap (reads drop the item otherwise).
    pub(super) fn is_valid(&self) -> bool {
        self.values.values().all(|t| check_length(t).is_ok())
    }

    fn covers(&self, dot: Stamp) -> bool {
        dot <= self.floor || self.seen.get(&dot.device()).is_some_and(|s| dot <= *s)
    }

    fn see(&mut self, dot: Stamp) {
        let entry = self.seen.entry(dot.device()).or_insert(dot);
        *entry = (*entry).max(dot);
    }

    /// One form for one meaning, within the bounds for hostile input
    /// ([`MAX_NOTE_VERSIONS`], [`MAX_NOTE_SEEN`]): what the floor covers is
    /// not listed again; past the bound the oldest devices fold into the
    /// floor, and only the newest versions (one per device) are kept.
    fn normalize(&mut self) {
        let dots: Vec<Stamp> = self.values.keys().copied().collect();
        for dot in dots {
            self.see(dot);
        }
        if self.seen.len() > MAX_NOTE_SEEN {
            let mut by_age: Vec<Stamp> = self.seen.values().copied().collect();
            by_age.sort_unstable();
            let fold = by_age[by_age.len() - MAX_NOTE_SEEN - 1];
            self.floor = self.floor.max(fold);
        }
        let floor = self.floor;
        self.seen.retain(|_, s| *s > floor);
        let mut devices = std::collections::BTreeSet::new();
        let mut kept = 0;
        let newest_first: Vec<Stamp> = self.values.keys().rev().copied().collect();
        for dot in newest_first {
            if kept < MAX_NOTE_VERSIONS && devices.insert(dot.device()) {
                kept += 1;
            } else {
                self.values.remove(&dot);
            }
        }
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
        let mut values = BTreeMap::new();
        for (dot, text) in &self.values {
            match other.values.get(dot) {
                // One dot, two texts: only forged data; the larger stays.
                Some(theirs) => drop(values.insert(*dot, text.max(theirs).clone())),
                None if !other.covers(*dot) => drop(values.insert(*dot, text.clone())),
                None => {}
            }
        }
        for (dot, text) in &other.values {
            if !self.values.contains_key(dot) && !self.covers(*dot) {
                values.insert(*dot, text.clone());
            }
        }
        let mut seen = self.seen.clone();
        for (device, stamp) in &other.seen {
            let entry = seen.entry(*device).or_insert(*stamp);
            *entry = (*entry).max(*stamp);
        }
        let mut merged = Note {
            values,
            floor: self.floor.max(other.floor),
            seen,
        };
        merged.normalize();
        merged
    }

    fn clamp_stamps(&mut self, now_ms: u64) {
        let mut values = BTreeMap::new();
        for (dot, text) in std::mem::take(&mut self.values) {
            let dot = dot.clamped(now_ms);
            let keep = values
                .get(&dot)
                .map_or(text.clone(), |t: &String| t.clone().max(text));
            values.insert(dot, keep);
        }
        self.values = values;
        self.floor = self.floor.clamped(now_ms);
        self.seen.values_mut().for_each(|s| *s = s.clamped(now_ms));
        self.normalize();
    }

    fn latest(&self) -> Stamp {
        let values = self.values.keys().copied();
        let seen = self.seen.values().copied();
        values.chain(seen).fold(self.floor, Stamp::max)
    }
}

/// The stored form (schema 4): `{"values":{"<stamp>":"text",…}}`, plus
/// `"seen":["<stamp>",…]` for what the values do not already say and
/// `"floor":"<stamp>"` when there is one.
#[derive(Serialize, Deserialize)]
struct Stored {
    values: BTreeMap<Stamp, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    seen: Vec<Stamp>,
    #[serde(default, skip_serializing_if = "is_zero")]
    floor: Stamp,
}

fn is_zero(stamp: &Stamp) -> bool {
    *stamp == Stamp::ZERO
}

impl Serialize for Note {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let seen = self
            .seen
            .values()
            .filter(|stamp| !self.values.contains_key(stamp))
            .copied()
            .collect();
        Stored {
            values: self.values.clone(),
            seen,
            floor: self.floor,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Note {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let stored = Stored::deserialize(d)?;
        let mut note = Note {
            values: stored.values,
            floor: stored.floor,
            seen: BTreeMap::new(),
        };
        for stamp in stored.seen {
            note.see(stamp);
        }
        note.normalize();
        Ok(note)
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

    #[test]
    fn concurrent_edits_keep_both_and_an_edit_after_seeing_them_replaces_both() {
        let now = 1_800_000_000_000;
        let mut phone = Clock::new(DeviceId::from_random(1));
        let mut laptop = Clock::new(DeviceId::from_random(2));
        let mut base = Note::default();
        base.set_text("shared", &mut phone, now).unwrap();
        laptop.observe(base.latest());
        let (mut on_phone, mut on_laptop) = (base.clone(), base.clone());
        on_phone
            .set_text("[phone: HW1 due 3/14]", &mut phone, now + 1)
            .unwrap();
        on_laptop.set_text("laptop", &mut laptop, now + 2).unwrap();
        let merged = on_phone.merge(&on_laptop);
        assert_eq!(merged, on_laptop.merge(&on_phone));
        assert_eq!(merged.versions(), ["laptop", "[phone: HW1 due 3/14]"]);
        assert_eq!(merged.text(), "laptop", "the newest shows first");
        assert_eq!(
            merged.merge(&base),
            merged,
            "the replaced text stays replaced"
        );
        // A clear next to a concurrent text yields to it: no text lost.
        let mut cleared = on_phone.clone();
        cleared.set_text("", &mut phone, now + 3).unwrap();
        assert_eq!(cleared.merge(&on_laptop).versions(), ["laptop"]);
        // The phone sees both, then keeps its own: one version everywhere.
        let mut resolved = merged.clone();
        phone.observe(merged.latest());
        assert_eq!(
            resolved.set_text("[phone: HW1 due 3/14]", &mut phone, now + 4),
            Ok(true)
        );
        assert_eq!(
            resolved.merge(&on_laptop).versions(),
            ["[phone: HW1 due 3/14]"]
        );
        assert_eq!(on_phone.merge(&resolved), resolved);
        assert_eq!(
            resolved.set_text("[phone: HW1 due 3/14]", &mut phone, now + 5),
            Ok(false)
        );
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
