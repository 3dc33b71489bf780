//! A useful default name for a pasted assignment's playlist: the courses
//! and lecture range its videos come from ("ML 2025 第1–8講"), or, when no
//! course's video matched, the slide's date ("作業 3/07"). The app words
//! it in the student's language (`src/i18n.rs`); this says what to word.

use crate::catalogue::{Catalogue, SeriesKind};
use crate::ids::VideoId;

/// Courses named, at most: a name stays short enough for a list row.
pub const MAX_NAMED_COURSES: usize = 3;

/// Short course names slides use, the same in both languages; courses
/// without one are named by their catalogue name in the student's language.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("ml2025", "ML 2025"),
    ("genai2024", "GenAI 2024"),
    ("ml2023", "ML 2023"),
    ("ml2022", "ML 2022"),
    ("ml2021", "ML 2021"),
    ("ml2021-en", "ML 2021 (EN)"),
    ("ml2020", "ML 2020"),
    ("ml2019", "ML 2019"),
    ("ml2017", "ML 2017"),
    ("dlhlp2020", "DLHLP 2020"),
    ("mlds2018", "MLDS 2018"),
    ("mlds2017", "MLDS 2017"),
    ("drl2018", "DRL 2018"),
];

/// The short name of a course, if slides have one for it.
pub fn short_name(series_id: &str) -> Option<&'static str> {
    SHORT_NAMES
        .iter()
        .find(|(id, _)| *id == series_id)
        .map(|(_, name)| *name)
}

/// One course of an assignment and the lectures of it assigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseSpan {
    pub series: String,
    /// Lowest and highest lecture number among the course's videos; `None`
    /// when none has a number.
    pub lectures: Option<(u32, u32)>,
}

/// A date written on a slide: `2025/03/14`, `2025-3-14`, `2025年3月14日`,
/// `3/14`, `3月14日`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlideDate {
    pub year: Option<u16>,
    pub month: u8,
    pub day: u8,
}

/// What to name an assignment's playlist by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefaultName {
    /// The courses of the matched videos, in the order they first appear
    /// (at most [`MAX_NAMED_COURSES`]; `more`: others were left out).
    Courses { spans: Vec<CourseSpan>, more: bool },
    /// No course matched; the first date the pasted text gives.
    Dated(SlideDate),
    /// Neither: the app's generic word.
    Plain,
}

/// The default name for an assignment of `videos` pasted as `text`.
pub fn default_name(catalogue: &Catalogue, text: &str, videos: &[VideoId]) -> DefaultName {
    let mut spans: Vec<CourseSpan> = Vec::new();
    for video in videos.iter().filter_map(|id| catalogue.video(id)) {
        let is_course = catalogue
            .series
            .iter()
            .any(|s| s.id == video.series && s.kind == SeriesKind::Course);
        if !is_course {
            continue;
        }
        let span = match spans.iter().position(|s| s.series == video.series) {
            Some(i) => &mut spans[i],
            None => {
                spans.push(CourseSpan {
                    series: video.series.clone(),
                    lectures: None,
                });
                spans.last_mut().expect("just pushed")
            }
        };
        if let Some(n) = video.lecture {
            span.lectures = Some(span.lectures.map_or((n, n), |(a, b)| (a.min(n), b.max(n))));
        }
    }
    if !spans.is_empty() {
        let more = spans.len() > MAX_NAMED_COURSES;
        spans.truncate(MAX_NAMED_COURSES);
        return DefaultName::Courses { spans, more };
    }
    first_date(text).map_or(DefaultName::Plain, DefaultName::Dated)
}

/// The first date in `text`. Numbers glued to other digits or letters
/// (`v2/3`, `12/345`, times like `23:59`) are not dates, nor are impossible
/// days; a year must be 2000–2099.
pub fn first_date(text: &str) -> Option<SlideDate> {
    let chars: Vec<char> = text.chars().map(half_width).collect();
    (0..chars.len()).find_map(|i| date_at(&chars, i))
}

/// Full-width digits and slashes as ASCII, as slides pasted from PDFs have them.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '／' => '/',
        '－' => '-',
        '．' => '.',
        c => c,
    }
}

/// A run of ASCII digits at `i`: its value and where it ends.
fn number_at(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let end = (i..chars.len())
        .find(|&j| !chars[j].is_ascii_digit())
        .unwrap_or(chars.len());
    if end == i || end - i > 4 {
        return None;
    }
    let value = chars[i..end].iter().collect::<String>().parse().ok()?;
    Some((value, end))
}

fn date_at(chars: &[char], i: usize) -> Option<SlideDate> {
    // Glued: a letter or digit next to it, or a separator with a digit beyond.
    let at = |j: Option<usize>| j.and_then(|j| chars.get(j)).copied();
    let glued = |next: Option<char>, beyond: Option<char>| {
        next.is_some_and(|c| c.is_ascii_alphanumeric())
            || (next.is_some_and(|c| matches!(c, '/' | '.' | ':' | '-'))
                && beyond.is_some_and(|c| c.is_ascii_digit()))
    };
    if glued(at(i.checked_sub(1)), at(i.checked_sub(2))) {
        return None;
    }
    let (first, end) = number_at(chars, i)?;
    let sep = *chars.get(end)?;
    let (second, end2) = number_at(chars, end + 1)?;
    let cjk = sep == '年' || sep == '月';
    let (year, month, day, end) =
        if (2000..2100).contains(&first) && matches!(sep, '/' | '-' | '.' | '年') {
            let sep2 = *chars.get(end2)?;
            let ok = if sep == '年' {
                sep2 == '月'
            } else {
                sep2 == sep
            };
            if !ok {
                return None;
            }
            let (third, end3) = number_at(chars, end2 + 1)?;
            let end3 = if sep == '年' && chars.get(end3) == Some(&'日') {
                end3 + 1
            } else {
                end3
            };
            (Some(first as u16), second, third, end3)
        } else if matches!(sep, '/' | '月') && first <= 12 {
            let end2 = if cjk && chars.get(end2) == Some(&'日') {
                end2 + 1
            } else {
                end2
            };
            (None, first, second, end2)
        } else {
            return None;
        };
    if glued(at(Some(end)), at(Some(end + 1))) && !cjk {
        return None;
    }
    let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day)
        .ok()
        .filter(|d| *d >= 1 && u32::from(*d) <= days[usize::from(month - 1)])?;
    Some(SlideDate { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: Option<u16>, month: u8, day: u8) -> Option<SlideDate> {
        Some(SlideDate { year, month, day })
    }

    #[test]
    fn reads_the_dates_slides_write() {
        assert_eq!(
            first_date("截止日期：2025/03/14 23:59"),
            date(Some(2025), 3, 14)
        );
        assert_eq!(first_date("Due 2025-3-7."), date(Some(2025), 3, 7));
        assert_eq!(first_date("公告：2025年2月21日"), date(Some(2025), 2, 21));
        assert_eq!(first_date("下一次上課前 (3/07) 預習"), date(None, 3, 7));
        assert_eq!(first_date("３月１４日前繳交"), date(None, 3, 14));
        assert_eq!(first_date("２０２５／０３／１４"), date(Some(2025), 3, 14));
    }

    #[test]
    fn leaves_numbers_that_are_not_dates() {
        for text in [
            "23:59",
            "看到第八講",
            "13/01",
            "2/30",
            "v2/3",
            "12/345",
            "1/2/3/4",
            "https://youtu.be/abc?t=3/4x",
            "2025",
            "score 85/100",
        ] {
            assert_eq!(first_date(text), None, "{text}");
        }
    }
}
