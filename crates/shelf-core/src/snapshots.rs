//! Merging entries from several pages, including several snapshots of one page.
//!
//! Two entries are the same video when number and video id agree; the richest
//! version wins (summary, then date, then the longer summary), and ties go to
//! the earliest file name and line, so the result does not depend on the order
//! pages were given in. A number under two ids, or an id under two numbers,
//! is a problem: one of the pages is wrong and a person must say which.

use std::collections::BTreeMap;

use crate::page::RawEntry;
use crate::problem::Problem;

/// Returns one entry per number, sorted by number, and the conflicts found.
pub fn merge(entries: Vec<RawEntry>) -> (Vec<RawEntry>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut by_number: BTreeMap<u32, Vec<RawEntry>> = BTreeMap::new();
    for entry in entries {
        by_number.entry(entry.number).or_default().push(entry);
    }

    let mut merged = Vec::new();
    for (number, mut versions) in by_number {
        versions.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        let first = &versions[0];
        for other in &versions[1..] {
            if other.video_id != first.video_id {
                problems.push(Problem::new(
                    &other.file,
                    other.line,
                    format!(
                        "duplicate entry {number}: video {} here but {} at {}:{}",
                        other.video_id, first.video_id, first.file, first.line
                    ),
                ));
            }
        }
        // Only versions of the first-seen video compete; a conflicting one was reported.
        let id = first.video_id.clone();
        versions.retain(|v| v.video_id == id);
        let dates: Vec<_> = versions
            .iter()
            .filter_map(|v| v.date.map(|d| (d, v)))
            .collect();
        if let Some(((d0, v0), rest)) = dates.split_first() {
            for (d, v) in rest.iter().filter(|(d, _)| d != d0) {
                problems.push(Problem::new(
                    &v.file,
                    v.line,
                    format!(
                        "entry {number} dated {d} here but {d0} at {}:{}",
                        v0.file, v0.line
                    ),
                ));
            }
        }
        let date = dates.first().map(|(d, _)| *d);
        let mut best = versions
            .into_iter()
            .enumerate()
            // max_by_key keeps the last maximum; the negated index makes the earliest win.
            .max_by_key(|(i, v)| {
                (
                    v.summary.is_some(),
                    v.date.is_some(),
                    v.summary.as_ref().map_or(0, |s| s.len()),
                    -(*i as i64),
                )
            })
            .map(|(_, v)| v)
            .expect("every number has a version");
        // A snapshot with the summary but without the date still gets the date.
        best.date = best.date.or(date);
        merged.push(best);
    }

    let mut by_id: BTreeMap<&str, &RawEntry> = BTreeMap::new();
    for entry in &merged {
        if let Some(earlier) = by_id.insert(&entry.video_id, entry) {
            problems.push(Problem::new(
                &entry.file,
                entry.line,
                format!(
                    "video {} is entry {} here but entry {} at {}:{}",
                    entry.video_id, entry.number, earlier.number, earlier.file, earlier.line
                ),
            ));
        }
    }
    (merged, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Date, VideoId};

    fn raw(
        file: &str,
        line: usize,
        number: u32,
        id: &str,
        date: Option<&str>,
        summary: Option<&str>,
    ) -> RawEntry {
        RawEntry {
            file: file.into(),
            line,
            number,
            date: date.map(|d| Date::parse(d).unwrap()),
            title: format!("t{number}"),
            video_id: VideoId::parse(id).unwrap(),
            summary: summary.map(Into::into),
        }
    }

    #[test]
    fn richest_version_wins_whatever_the_page_order() {
        let old = raw(
            "a-old.md",
            5,
            371,
            "AAAAAAAAAAA",
            None,
            Some("long summary"),
        );
        let new = raw("b-new.md", 9, 371, "AAAAAAAAAAA", Some("2021-10-16"), None);
        let plain = raw("c.md", 1, 371, "AAAAAAAAAAA", None, None);
        for order in [
            vec![old.clone(), new.clone(), plain.clone()],
            vec![plain, new, old],
        ] {
            let (merged, problems) = merge(order);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(merged.len(), 1);
            assert_eq!(merged[0].file, "a-old.md");
            assert_eq!(merged[0].summary.as_deref(), Some("long summary"));
            assert_eq!(merged[0].date.unwrap().to_string(), "2021-10-16");
        }
    }

    #[test]
    fn ties_go_to_the_first_file() {
        let (merged, _) = merge(vec![
            raw("z.md", 1, 1, "AAAAAAAAAAA", Some("2020-01-01"), Some("s")),
            raw("a.md", 1, 1, "AAAAAAAAAAA", Some("2020-01-01"), Some("s")),
        ]);
        assert_eq!(merged[0].file, "a.md");
    }

    #[test]
    fn conflicts_are_reported() {
        let (merged, problems) = merge(vec![
            raw("a.md", 1, 7, "AAAAAAAAAAA", Some("2020-01-01"), None),
            raw("b.md", 2, 7, "BBBBBBBBBBB", None, None),
            raw("b.md", 3, 8, "AAAAAAAAAAA", None, None),
            raw("c.md", 4, 7, "AAAAAAAAAAA", Some("2020-01-02"), None),
        ]);
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            vec![
                "b.md:2: duplicate entry 7: video BBBBBBBBBBB here but AAAAAAAAAAA at a.md:1",
                "c.md:4: entry 7 dated 2020-01-02 here but 2020-01-01 at a.md:1",
                "b.md:3: video AAAAAAAAAAA is entry 8 here but entry 7 at a.md:1",
            ]
        );
        assert_eq!(
            merged.iter().map(|e| e.number).collect::<Vec<_>>(),
            vec![7, 8]
        );
    }
}
