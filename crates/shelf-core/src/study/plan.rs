//! Time: lecture lengths, time left, the playback speed, due dates, the
//! pace a due date asks for, and the plan as an iCalendar file.
//!
//! Lengths are facts learned from the player, so they merge as a plain
//! max per video (a join: two devices that both loaded a lecture agree,
//! and a later, longer reading — a re-upload — wins everywhere alike).
//! Dates are whole local days ([`Day`]); the caller passes today's, so
//! nothing here reads a clock.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

use super::limits::{MAX_DURATION_SECS, MIN_DURATION_SECS, SPEEDS};
use super::progress::{watch_state, ProgressMap};
use crate::ids::VideoId;
use crate::playback::VideoLength;
use crate::watch::WatchState;

/// Lecture lengths in whole seconds, by video.
pub type DurationMap = BTreeMap<VideoId, u32>;

/// A length the player reported, in whole seconds, or `None` when it is
/// not one (0 before the video loads, NaN, a live stream's huge value).
/// Read as the player's [`VideoLength`] is, so both agree.
pub fn duration_secs(raw: f64) -> Option<u32> {
    VideoLength::from_raw(raw)
        .map(VideoLength::secs)
        .filter(|s| (MIN_DURATION_SECS..=MAX_DURATION_SECS).contains(s))
}

/// The join of two length maps: per video, the longer reading.
pub fn merge_durations(a: &DurationMap, b: &DurationMap) -> DurationMap {
    let mut out = a.clone();
    for (id, secs) in b {
        let slot = out.entry(id.clone()).or_insert(*secs);
        *slot = (*slot).max(*secs);
    }
    out
}

/// A playback speed from the settings, in percent (100 = 1×); anything
/// not offered (forged data) reads as 1×.
pub fn speed_or_normal(percent: Option<u16>) -> u16 {
    percent.filter(|p| SPEEDS.contains(p)).unwrap_or(100)
}

/// The speed a player reports as a rate (1.5), in percent, when it is one
/// the app offers: a rate changed in YouTube's own menu becomes the
/// remembered speed; 0.25× or a forged value does not.
pub fn speed_from_rate(rate: f64) -> Option<u16> {
    let percent = (rate * 100.0).round();
    SPEEDS
        .into_iter()
        .find(|&p| rate.is_finite() && f64::from(p) == percent)
}

/// What is left of a list of lectures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeLeft {
    /// Every known length added up at 1×, each rounded up to the whole
    /// minute its row shows ([`length_minutes`]), so the total is the sum
    /// of the rows a student might add up.
    pub total_secs: u64,
    /// What is left to watch of the known lengths, at the chosen speed.
    pub left_secs: u64,
    /// Lectures not yet watched.
    pub lectures_left: usize,
    /// Of those, the ones whose length is not known yet.
    pub unknown: usize,
}

impl TimeLeft {
    /// True when nothing is left at all.
    pub fn is_done(&self) -> bool {
        self.lectures_left == 0
    }
}

/// The remaining part of one lecture at 1×: none of a watched one
/// (`Some(0)`), all of an unwatched one, the part after the resume position
/// of one in progress; `None` when it is unfinished and of unknown length.
pub fn remaining_secs(video: &str, progress: &ProgressMap, durations: &DurationMap) -> Option<u32> {
    if watch_state(progress, video) == WatchState::Watched {
        return Some(0);
    }
    let resume = progress
        .get(video)
        .and_then(|p| p.resume_secs())
        .unwrap_or(0);
    durations.get(video).map(|len| len.saturating_sub(resume))
}

/// Time left for `videos` (each id once) at `speed_percent`: unwatched
/// lectures whole, lectures in progress from their resume position,
/// divided by the speed and rounded up to a second.
pub fn time_left<'a>(
    videos: impl IntoIterator<Item = &'a str>,
    progress: &ProgressMap,
    durations: &DurationMap,
    speed_percent: u16,
) -> TimeLeft {
    let speed = u64::from(speed_or_normal(Some(speed_percent)));
    let mut out = TimeLeft::default();
    let mut left_at_1x = 0u64;
    for video in videos {
        if let Some(len) = durations.get(video) {
            out.total_secs += length_minutes(*len) * 60;
        }
        if watch_state(progress, video) == WatchState::Watched {
            continue;
        }
        out.lectures_left += 1;
        match remaining_secs(video, progress, durations) {
            Some(secs) => left_at_1x += u64::from(secs),
            None => out.unknown += 1,
        }
    }
    out.left_secs = (left_at_1x * 100).div_ceil(speed);
    out
}

/// A lecture's length as its row shows it: whole minutes, rounded up.
pub fn length_minutes(secs: u32) -> u64 {
    u64::from(secs).div_ceil(60)
}

/// Hours and minutes for "3 h 40 min": minutes rounded up, so 20 seconds
/// left reads "1 min", never "0 min".
pub fn hours_minutes(secs: u64) -> (u64, u64) {
    let minutes = secs.div_ceil(60);
    (minutes / 60, minutes % 60)
}

// ---- days ---------------------------------------------------------------

/// A local calendar day, as days since 1970-01-01. Stored as
/// `"2026-03-07"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let text = String::deserialize(d)?;
        Day::parse_iso(&text).ok_or_else(|| serde::de::Error::custom("not a date (YYYY-MM-DD)"))
    }
}

impl Day {
    /// The local day at `now_ms`, for a time zone `offset_minutes` ahead of
    /// UTC (Taipei: +480; JavaScript's `getTimezoneOffset` is the negation).
    pub fn at(now_ms: u64, offset_minutes: i32) -> Day {
        let local_ms = now_ms as i64 + i64::from(offset_minutes) * 60_000;
        Day(local_ms.div_euclid(86_400_000) as i32)
    }

    /// The day of a date, if the date exists (no 30 February).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// Year, month (1–12) and day of the month.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i32::from(m <= 2);
        (y, m, d)
    }

    /// `2026-03-07`, as date inputs and stored due dates hold it.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Reads `2026-03-07` (a date input's value).
    pub fn parse_iso(text: &str) -> Option<Day> {
        let mut parts = text.trim().splitn(3, '-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        Day::from_ymd(y, m, d).filter(|day| day.is_storable())
    }

    /// Within the years a due date may name ([`super::limits::DUE_YEARS`]).
    pub fn is_storable(self) -> bool {
        let (y, _, _) = self.ymd();
        super::limits::DUE_YEARS.contains(&y)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Words that mark a line of a slide as naming when the work is due.
const DUE_WORDS: [&str; 10] = [
    "上課前",
    "截止",
    "期限",
    "之前",
    "前完成",
    "due",
    "deadline",
    "before",
    "by ",
    "繳交",
];

/// The due date a pasted slide names ("下一次上課前 (3/07)", "截止日期：
/// 2025/03/28"): the first date on a line with a due word. Without a year
/// it is the next such day from `today`, or this year's if that was at
/// most 30 days ago (a deadline just missed shows as past due, not as next
/// year's).
pub fn read_due_date(text: &str, today: Day) -> Option<Day> {
    text.lines()
        .filter(|line| {
            let lower = line.to_lowercase();
            DUE_WORDS.iter().any(|w| lower.contains(w))
        })
        .find_map(|line| {
            full_date(line).or_else(|| month_day(line).and_then(|(m, d)| nearest_year(m, d, today)))
        })
}

/// A `YYYY/MM/DD` (or `YYYY-MM-DD`) date in a line, if one is there.
fn full_date(line: &str) -> Option<Day> {
    let bytes: Vec<char> = line.chars().collect();
    (0..bytes.len()).find_map(|i| {
        // Not inside a longer number or a URL's path.
        if i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == '/') {
            return None;
        }
        let (year, a) = number(&bytes, i);
        if a - i != 4 || !matches!(bytes.get(a), Some('/') | Some('-')) {
            return None;
        }
        let (month, b) = number(&bytes, a + 1);
        if b == a + 1 || bytes.get(b) != bytes.get(a) {
            return None;
        }
        let (day, c) = number(&bytes, b + 1);
        if c == b + 1 || c - b > 3 || bytes.get(c).is_some_and(char::is_ascii_digit) {
            return None;
        }
        Day::from_ymd(year as i32, month, day).filter(|d| d.is_storable())
    })
}

/// The first `M/D` (or `M／D`, `M月D日`) in a line whose numbers are a
/// month and a day, not part of a longer number (a URL's path, 2024/3).
fn month_day(line: &str) -> Option<(u32, u32)> {
    let chars: Vec<char> = line
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '／' => '/',
            c => c,
        })
        .collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit()
            || (i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '/'))
        {
            i += 1;
            continue;
        }
        let (month, after_month) = number(&chars, i);
        let sep_ok = matches!(chars.get(after_month), Some('/') | Some('月'));
        if sep_ok {
            let (day, after_day) = number(&chars, after_month + 1);
            let ends_clean =
                !matches!(chars.get(after_day), Some(c) if c.is_ascii_digit() || *c == '/');
            if after_day > after_month + 1
                && ends_clean
                && (1..=12).contains(&month)
                && (1..=31).contains(&day)
            {
                return Some((month, day));
            }
        }
        i = after_month.max(i + 1);
    }
    None
}

fn number(chars: &[char], from: usize) -> (u32, usize) {
    let mut end = from;
    let mut value = 0u32;
    while end < chars.len() && chars[end].is_ascii_digit() && end - from < 4 {
        value = value * 10 + chars[end].to_digit(10).unwrap_or(0);
        end += 1;
    }
    (value, end)
}

fn nearest_year(month: u32, day: u32, today: Day) -> Option<Day> {
    let (year, _, _) = today.ymd();
    [year, year + 1]
        .into_iter()
        .filter_map(|y| Day::from_ymd(y, month, day))
        .find(|d| d.0 >= today.0 - 30)
}

// ---- pace ----------------------------------------------------------------

/// What a due date asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// Every lecture watched.
    Done,
    /// The due date has passed with lectures left.
    PastDue { days_late: u32 },
    /// Due today: everything left, today.
    DueToday,
    /// `days` days before the due day (work is due before it starts, as
    /// "before next class" means), about `per_day_secs` a day at the
    /// chosen speed (known lengths only).
    Days { days: u32, per_day_secs: u64 },
}

pub fn pace(left: &TimeLeft, today: Day, due: Day) -> Pace {
    if left.is_done() {
        return Pace::Done;
    }
    match due.0 - today.0 {
        n if n < 0 => Pace::PastDue {
            days_late: n.unsigned_abs(),
        },
        0 => Pace::DueToday,
        n => Pace::Days {
            days: n as u32,
            per_day_secs: left.left_secs.div_ceil(n as u64),
        },
    }
}

/// One day of the plan: the lectures (indexes into the list given) to
/// watch that day and their time at the chosen speed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayPlan {
    pub day: Day,
    pub lectures: Vec<usize>,
    pub secs: u64,
}

/// Spreads the lectures left (in list order, each with its time left at
/// the chosen speed; unknown lengths count as the average of the known
/// ones) over the days from `today` to the day before `due`, filling each
/// day up to an even share. Empty when the due date is today or past.
pub fn plan_days(left: &[(usize, Option<u64>)], today: Day, due: Day) -> Vec<DayPlan> {
    let days = due.0 - today.0;
    if days <= 0 || left.is_empty() {
        return Vec::new();
    }
    let known: Vec<u64> = left.iter().filter_map(|(_, s)| *s).collect();
    let average = match known.len() {
        0 => 3600,
        n => known.iter().sum::<u64>() / n as u64,
    };
    let cost = |s: Option<u64>| s.unwrap_or(average).max(1);
    let total: u64 = left.iter().map(|(_, s)| cost(*s)).sum();
    let share = total.div_ceil(days as u64);
    let mut plan: Vec<DayPlan> = Vec::new();
    let mut day = today;
    let mut current = DayPlan {
        day,
        lectures: Vec::new(),
        secs: 0,
    };
    let mut done = 0u64;
    for (index, secs) in left {
        current.lectures.push(*index);
        current.secs += cost(*secs);
        done += cost(*secs);
        // A day is full once the work so far reaches its share of the total.
        if done >= share * (day.0 - today.0 + 1) as u64 && day.0 + 1 < due.0 {
            plan.push(current);
            day = Day(day.0 + 1);
            current = DayPlan {
                day,
                lectures: Vec::new(),
                secs: 0,
            };
        }
    }
    if !current.lectures.is_empty() {
        plan.push(current);
    }
    plan
}

// ---- continue ------------------------------------------------------------

/// What the home page offers to continue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Continue {
    /// The lecture in progress resumed most recently.
    InProgress(VideoId),
    /// The first unwatched lecture of the playlist due soonest.
    Due {
        video: VideoId,
        playlist: crate::ids::PlaylistId,
        due: Day,
    },
}

/// The lecture in progress whose resume position was saved last, else the
/// next lecture of the live playlist with the earliest due date; `None`
/// for a fresh profile (the home page then shows nothing new).
pub fn continue_lecture(state: &super::StudyState) -> Option<Continue> {
    let in_progress = state
        .progress()
        .iter()
        .filter(|(_, p)| p.state() == WatchState::InProgress)
        .max_by_key(|(_, p)| p.resume_at().max(p.state_at()))
        .map(|(id, _)| Continue::InProgress(id.clone()));
    in_progress.or_else(|| {
        state
            .live_playlists()
            .into_iter()
            .filter_map(|list| Some((list.due()?, list)))
            .filter_map(|(due, list)| {
                let video = list
                    .videos()
                    .into_iter()
                    .find(|v| state.watch_state(v) != WatchState::Watched)?;
                Some((due, list.id().clone(), video.clone()))
            })
            .min_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)))
            .map(|(due, playlist, video)| Continue::Due {
                video,
                playlist,
                due,
            })
    })
}

// ---- iCalendar -------------------------------------------------------------

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Unique and stable for the same plan day, so a calendar that imports
    /// the file again updates the event instead of doubling it.
    pub uid: String,
    pub day: Day,
    pub summary: String,
    pub description: String,
}

/// An RFC 5545 calendar of all-day events: CRLF line ends, lines folded at
/// 75 octets (never inside a UTF-8 character), text escaped, a UID and a
/// DTSTAMP (UTC, from `now_ms`) on every event.
pub fn ics_calendar(events: &[IcsEvent], now_ms: u64) -> String {
    let stamp = utc_stamp(now_ms);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Lecture Shelf//Study plan//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    for event in events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", ics_text(&event.uid)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", ics_date(event.day)));
        lines.push(format!(
            "DTEND;VALUE=DATE:{}",
            ics_date(Day(event.day.0 + 1))
        ));
        lines.push(format!("SUMMARY:{}", ics_text(&event.summary)));
        if !event.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", ics_text(&event.description)));
        }
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

fn ics_date(day: Day) -> String {
    let (y, m, d) = day.ymd();
    format!("{y:04}{m:02}{d:02}")
}

fn utc_stamp(now_ms: u64) -> String {
    let secs = now_ms / 1000;
    let (y, m, d) = Day((secs / 86_400) as i32).ymd();
    let t = secs % 86_400;
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

/// TEXT escaping: backslash, semicolon, comma and line breaks; other
/// control characters (not allowed in TEXT) are dropped.
fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded: at most 75 octets a line, continuations
/// starting with one space (which counts toward their 75), each ending CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests;
