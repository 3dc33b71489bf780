//! The catalogue model: what `catalogue.json` holds and what the app reads.
//!
//! Everything here is derived at import time, so the app never parses Markdown
//! or applies series rules at start-up; it only decodes this JSON once.

use serde::{Deserialize, Serialize};
use std::fmt;

pub use crate::ids::{is_video_id, VideoId};
use crate::summary::Summary;

/// Bumped whenever the JSON shape changes incompatibly; the app refuses
/// a catalogue of another format instead of misreading it.
pub const CATALOGUE_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub format: u32,
    pub series: Vec<Series>,
    /// Sorted by catalogue number (upload order).
    pub videos: Vec<Video>,
}

impl Catalogue {
    pub fn series(&self, id: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.id == id)
    }

    pub fn video(&self, id: &str) -> Option<&Video> {
        self.videos.iter().find(|v| v.id == id)
    }

    /// Videos of one series in lecture order.
    pub fn series_videos(&self, series_id: &str) -> Vec<&Video> {
        let mut videos: Vec<&Video> = self
            .videos
            .iter()
            .filter(|v| v.series == series_id)
            .collect();
        videos.sort_by_key(|v| v.order);
        videos
    }

    /// This catalogue's videos repeated to `len` entries, renumbered with
    /// unique ids (`v0000000000`…): real text at a larger scale, for scale
    /// tests and benchmarks.
    pub fn repeated_to(&self, len: usize) -> Catalogue {
        let videos = (0..len)
            .filter_map(|i| {
                let mut v = self.videos.get(i % self.videos.len().max(1))?.clone();
                v.number = i as u32 + 1;
                v.id = VideoId::parse(&format!("v{i:010}")).expect("11 characters");
                Some(v)
            })
            .collect();
        Catalogue {
            videos,
            ..self.clone()
        }
    }

    /// Decodes and checks the embedded or fetched catalogue JSON.
    pub fn from_json(json: &str) -> Result<Catalogue, String> {
        let catalogue: Catalogue =
            serde_json::from_str(json).map_err(|e| format!("catalogue JSON is unreadable: {e}"))?;
        if catalogue.format != CATALOGUE_FORMAT {
            return Err(format!(
                "catalogue format {} is not the format {CATALOGUE_FORMAT} this app reads",
                catalogue.format
            ));
        }
        Ok(catalogue)
    }

    /// One element per line, so a regenerated catalogue diffs readably in git.
    pub fn to_json(&self) -> String {
        fn lines<T: Serialize>(items: &[T]) -> String {
            items
                .iter()
                .map(|item| serde_json::to_string(item).expect("catalogue values serialize"))
                .collect::<Vec<_>>()
                .join(",\n")
        }
        format!(
            "{{\"format\":{},\n\"series\":[\n{}\n],\n\"videos\":[\n{}\n]}}\n",
            self.format,
            lines(&self.series),
            lines(&self.videos)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        [Lang::Zh, Lang::En].into_iter().find(|l| l.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeriesKind {
    /// A semester course: lectures meant to be watched in order.
    Course,
    /// Talks, conference presentations, homework presentations.
    Talks,
    /// Whatever no rule claims.
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Stable: used in URLs and stored playlists.
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    pub lang: Lang,
    pub kind: SeriesKind,
    /// The same course in the other language (ML 2021 ↔ ML 2021 English version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterpart: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Video {
    /// Position in the channel's upload order; unique.
    pub number: u32,
    /// YouTube video id; unique.
    pub id: VideoId,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// True when `year` was guessed from neighbouring uploads.
    #[serde(default, skip_serializing_if = "is_false")]
    pub year_estimated: bool,
    pub series: String,
    /// "Lecture N" / "第N講" when the title says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lecture: Option<u32>,
    /// "(2/5)", "(二)", "(下)" when the title says so, read with the other
    /// parts of its topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
    /// 1-based rank within the series in lecture order.
    pub order: u32,
    pub lang: Lang,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
}

impl Video {
    pub fn youtube_url(&self) -> String {
        format!("https://www.youtube.com/watch?v={}", self.id)
    }

    pub fn thumbnail_url(&self) -> String {
        // mqdefault is 320×180: enough for a list, a tenth of maxresdefault's bytes.
        format!("https://i.ytimg.com/vi/{}/mqdefault.jpg", self.id)
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Part `n` of a topic (lectures that share a title, such as 第13講 (上)
/// and 第14講 (下)). The importer derives it from the topic's group of titles
/// (`lecture.rs`): `of` is known only when the titles tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PartFields", into = "PartFields")]
pub struct Part {
    n: u32,
    of: Option<u32>,
    topic: Option<u32>,
}

impl Part {
    /// Part `n` (from 1) of at most `of` parts, of the topic whose first
    /// upload is catalogue number `topic`. `None` for a part 0 or a total
    /// below `n`.
    pub fn new(n: u32, of: Option<u32>, topic: u32) -> Option<Part> {
        Part::checked(n, of, Some(topic))
    }

    fn checked(n: u32, of: Option<u32>, topic: Option<u32>) -> Option<Part> {
        (n >= 1 && of.is_none_or(|of| of >= n)).then_some(Part { n, of, topic })
    }

    pub fn n(self) -> u32 {
        self.n
    }

    /// How many parts the topic has, when the titles say.
    pub fn of(self) -> Option<u32> {
        self.of
    }

    /// The catalogue number of the topic's first upload; `None` only in
    /// catalogues stored before topics were recorded.
    pub fn topic(self) -> Option<u32> {
        self.topic
    }

    /// Whether both are known to be parts of one topic.
    pub fn same_topic(self, other: Part) -> bool {
        self.topic.is_some() && self.topic == other.topic
    }
}

/// `Part` as JSON: `{"n":2,"of":2,"topic":435}`.
#[derive(Serialize, Deserialize)]
struct PartFields {
    n: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    of: Option<u32>,
    /// The catalogue number of the topic's first upload. Absent in
    /// catalogues stored before it was recorded; such a catalogue is shown
    /// until the loader rebuilds it over the current seed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    topic: Option<u32>,
}

impl TryFrom<PartFields> for Part {
    type Error = String;
    fn try_from(f: PartFields) -> Result<Part, String> {
        Part::checked(f.n, f.of, f.topic)
            .ok_or_else(|| format!("part {}/{:?} is impossible", f.n, f.of))
    }
}

impl From<Part> for PartFields {
    fn from(p: Part) -> PartFields {
        PartFields {
            n: p.n,
            of: p.of,
            topic: p.topic,
        }
    }
}

/// A calendar date, validated; serialized as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD` and checks the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1000 && (1..=days_in_month).contains(&day)).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        Date::parse(s).ok_or_else(|| format!("bad date {s:?}"))
    }
}

crate::text_form::text_form!(Date);

/// A title without its leading `[…]` or `【…】` tag (`[活動宣傳] Webinar …` →
/// ` Webinar …`); the title itself when it has none.
pub fn strip_leading_tag(title: &str) -> &str {
    ["[", "【"]
        .iter()
        .zip(["]", "】"])
        .find_map(|(open, close)| {
            title
                .strip_prefix(open)?
                .split_once(close)
                .map(|(_, rest)| rest)
        })
        .unwrap_or(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        for bad in [
            "2023-02-29",
            "2021-13-01",
            "2021-00-10",
            "2021-04-31",
            "21-04-01",
            "2021/04/01",
            "２０２１-04-01",
            "2021-4-1",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn video_ids_are_eleven_url_safe_characters() {
        assert!(is_video_id("-2r4cqDP4BY"));
        assert!(is_video_id("V-3ksGCjehU"));
        assert!(!is_video_id("V-3ksGCjeh"));
        assert!(!is_video_id("V-3ksGCjehU1"));
        assert!(!is_video_id("V-3ks\"Cjeh<"));
    }

    #[test]
    fn parts_are_possible_or_refused() {
        assert_eq!(Part::new(0, None, 1), None);
        assert_eq!(Part::new(3, Some(2), 1), None);
        let part = Part::new(2, Some(2), 435).unwrap();
        let json = serde_json::to_string(&part).unwrap();
        assert_eq!(json, r#"{"n":2,"of":2,"topic":435}"#);
        assert_eq!(serde_json::from_str::<Part>(&json).unwrap(), part);
        assert!(serde_json::from_str::<Part>(r#"{"n":0}"#).is_err());
        assert!(serde_json::from_str::<Part>(r#"{"n":3,"of":2}"#).is_err());
        // Stored before topics were recorded: read, with no topic to share.
        let old: Part = serde_json::from_str(r#"{"n":3}"#).unwrap();
        assert_eq!((old.n(), old.of(), old.topic()), (3, None, None));
        assert!(!old.same_topic(old));
    }

    #[test]
    fn foreign_catalogue_format_is_refused() {
        let err = Catalogue::from_json(r#"{"format":99,"series":[],"videos":[]}"#).unwrap_err();
        assert!(err.contains("format 99"), "{err}");
        assert!(Catalogue::from_json("not json").is_err());
    }
}
