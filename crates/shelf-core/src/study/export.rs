//! Notes to take away: Markdown (Obsidian or any reader: a heading per
//! lecture, every time code a link to that moment) and CSV (spreadsheets,
//! Anki's importer).
//!
//! A note is the student's own text but may hold anything (pasted from a
//! page, or synced from a device that was tampered with), so it stays text
//! in every export: Markdown-active characters are backslash-escaped, and a
//! CSV cell that a spreadsheet would run as a formula gets a leading quote.

use crate::catalogue::Catalogue;

use super::notes::{segments, Segment};
use super::state::StudyState;

/// One lecture's notes, ready to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotedLecture {
    pub id: String,
    /// The catalogue title, or the caller's "unknown video" label.
    pub title: String,
    /// `YYYY-MM-DD`, when the catalogue knows it.
    pub date: Option<String>,
    /// Every version of the note, newest first (two or more after an edit
    /// on two devices at once).
    pub versions: Vec<String>,
}

/// The lectures of `ids` that have a note, in that order, each once.
pub fn noted_lectures<'a>(
    state: &StudyState,
    catalogue: &Catalogue,
    ids: impl IntoIterator<Item = &'a str>,
    unknown_label: &str,
) -> Vec<NotedLecture> {
    let mut out: Vec<NotedLecture> = Vec::new();
    for id in ids {
        if out.iter().any(|l| l.id == id) {
            continue;
        }
        let versions: Vec<String> = state
            .note_versions(id)
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .map(str::to_string)
            .collect();
        if versions.is_empty() {
            continue;
        }
        let video = catalogue.video(id);
        out.push(NotedLecture {
            id: id.to_string(),
            title: video.map_or_else(|| format!("{unknown_label}: {id}"), |v| v.title.clone()),
            date: video.and_then(|v| v.date).map(|d| d.to_string()),
            versions,
        });
    }
    out
}

/// Every noted lecture: catalogue order first, then videos the catalogue
/// no longer has.
pub fn all_noted_lectures(
    state: &StudyState,
    catalogue: &Catalogue,
    unknown_label: &str,
) -> Vec<NotedLecture> {
    let ids = catalogue
        .videos
        .iter()
        .map(|v| v.id.as_str())
        .chain(state.noted_videos().map(|(id, _)| id.as_str()));
    noted_lectures(state, catalogue, ids, unknown_label)
}

/// The short link that opens `id`, at `secs` when given.
pub fn moment_url(id: &str, secs: Option<u32>) -> String {
    match secs {
        Some(secs) if secs > 0 => format!("https://youtu.be/{id}?t={secs}"),
        _ => format!("https://youtu.be/{id}"),
    }
}

/// Markdown: `heading` as the title, then per lecture a heading linking
/// the video, its date, and the note with time codes as links. A note with
/// several versions lists each under `version(n, of)`.
pub fn notes_markdown(
    heading: &str,
    lectures: &[NotedLecture],
    version: &dyn Fn(usize, usize) -> String,
) -> String {
    let mut out = format!("# {}\n", escape_inline(heading));
    for lecture in lectures {
        out.push_str(&format!(
            "\n## [{}]({})\n",
            escape_inline(&lecture.title),
            moment_url(&lecture.id, None)
        ));
        if let Some(date) = &lecture.date {
            out.push_str(&format!("\n{}\n", escape_inline(date)));
        }
        let of = lecture.versions.len();
        for (n, text) in lecture.versions.iter().enumerate() {
            if of > 1 {
                out.push_str(&format!("\n**{}**\n", escape_inline(&version(n + 1, of))));
            }
            out.push('\n');
            out.push_str(&note_markdown(&lecture.id, text));
            out.push('\n');
        }
    }
    out
}

/// A note's lines as Markdown lines (a hard break between them), each time
/// code a link to its moment and the rest escaped.
fn note_markdown(id: &str, text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let mut out = String::new();
            for (i, segment) in segments(line).into_iter().enumerate() {
                match segment {
                    Segment::Text(t) if i == 0 => out.push_str(&escape_line_start(t)),
                    Segment::Text(t) => out.push_str(&escape_inline(t)),
                    Segment::Time { text, secs } => {
                        out.push_str(&format!("[{text}]({})", moment_url(id, Some(secs))))
                    }
                }
            }
            out
        })
        .collect();
    // Blank lines stay paragraph breaks; others end with a hard break.
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let next_blank = lines.get(i + 1).is_some_and(|l| l.trim().is_empty());
        if i + 1 < lines.len() {
            if line.trim().is_empty() || next_blank {
                out.push('\n');
            } else {
                out.push_str("\\\n");
            }
        }
    }
    out
}

/// Backslash-escapes every ASCII punctuation character that Markdown (with
/// GitHub's and Obsidian's extensions: tables, `~~`, `==`, `[[links]]`,
/// `$math$`) could read as markup, and flattens control characters.
/// CommonMark allows a backslash before any ASCII punctuation.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '<' | '>' | '#' | '!' | '|' | '~'
            | '&' | '{' | '}' | '$' | '=' | '%' | '^' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// [`escape_inline`], and a line's start that would open a list, quote or
/// heading (`- `, `+ `, `1. `) made plain.
fn escape_line_start(text: &str) -> String {
    let escaped = escape_inline(text);
    let body = escaped.trim_start();
    let indent = &escaped[..escaped.len() - body.len()];
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if body.starts_with(['-', '+']) {
        format!("{indent}\\{body}")
    } else if digits > 0 && body[digits..].starts_with(['.']) {
        format!("{indent}{}\\{}", &body[..digits], &body[digits..])
    } else {
        // Leading spaces would make a code block: kept as text.
        format!("{}{body}", indent.replace(' ', "\u{a0}"))
    }
}

/// CSV (RFC 4180, CRLF, with a UTF-8 BOM so Excel reads it as UTF-8):
/// `title,time,note,link`, a row per line of each note. A line's first time
/// code is its time, and its link opens that moment. Several versions of a
/// note are marked `version(n, of)` at the start of each of their rows.
pub fn notes_csv(
    lectures: &[NotedLecture],
    header: [&str; 4],
    version: &dyn Fn(usize, usize) -> String,
) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &header);
    for lecture in lectures {
        let of = lecture.versions.len();
        for (n, text) in lecture.versions.iter().enumerate() {
            let mark = if of > 1 {
                format!("[{}] ", version(n + 1, of))
            } else {
                String::new()
            };
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let time = segments(line).into_iter().find_map(|s| match s {
                    Segment::Time { text, secs } => Some((text, secs)),
                    Segment::Text(_) => None,
                });
                let note = format!("{mark}{}", line.trim());
                push_row(
                    &mut out,
                    &[
                        &lecture.title,
                        time.map_or("", |t| t.0),
                        &note,
                        &moment_url(&lecture.id, time.map(|t| t.1)),
                    ],
                );
            }
        }
    }
    out
}

fn push_row(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(cell));
    }
    out.push_str("\r\n");
}

/// One cell: a leading quote for what a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@`, tab, CR), then quoted when it holds a comma, quote
/// or line break (quotes doubled).
pub fn csv_cell(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect();
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(n: usize, of: usize) -> String {
        format!("version {n} of {of}")
    }

    fn lecture(title: &str, versions: &[&str]) -> NotedLecture {
        NotedLecture {
            id: "abcdefghijk".into(),
            title: title.into(),
            date: Some("2024-03-01".into()),
            versions: versions.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn markdown_links_every_time_code_to_its_moment() {
        let md = notes_markdown(
            "Notes",
            &[lecture(
                "Transformer (上)",
                &["12:34 attention\n1:02:03 end"],
            )],
            &version,
        );
        assert!(md.starts_with("# Notes\n"), "{md}");
        assert!(
            md.contains("## [Transformer \\(上\\)](https://youtu.be/abcdefghijk)"),
            "{md}"
        );
        assert!(md.contains("2024-03-01"));
        assert!(
            md.contains("[12:34](https://youtu.be/abcdefghijk?t=754) attention"),
            "{md}"
        );
        assert!(
            md.contains("[1:02:03](https://youtu.be/abcdefghijk?t=3723) end"),
            "{md}"
        );
    }

    #[test]
    fn hostile_notes_stay_text_in_markdown() {
        let hostile = "<script>alert(1)</script> [click](javascript:alert(1)) ![x](http://e/x.png)\n# not a heading\n- not a list\n    not code\n`code` *em* _u_ ~~s~~ | a | ==m== [[wiki]] $x$ &amp;";
        let md = notes_markdown("<b>", &[lecture("[t](javascript:x)", &[hostile])], &version);
        // Past the heading's own link, no markup character stands bare.
        let body = md.split_once("(https://youtu.be/abcdefghijk)").unwrap().1;
        let chars: Vec<char> = body.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if "<>[]()`*_~|=$&!#".contains(*c) {
                assert_eq!(
                    chars.get(i.wrapping_sub(1)),
                    Some(&'\\'),
                    "bare {c} in {body}"
                );
            }
        }
        for line in ["\n# not", "\n- not", "\n    not"] {
            assert!(!md.contains(line), "{line} in {md}");
        }
        // Every character is still there, behind its backslash.
        assert!(md.contains("\\<script\\>alert\\(1\\)\\</script\\>"), "{md}");
        // Only the heading's link is a link.
        assert_eq!(md.matches("](").count(), 1, "{md}");
    }

    #[test]
    fn every_version_is_exported_and_marked() {
        let md = notes_markdown("N", &[lecture("T", &["phone 1:00", "laptop"])], &version);
        assert!(md.contains("**version 1 of 2**") && md.contains("**version 2 of 2**"));
        assert!(md.contains("phone [1:00](https://youtu.be/abcdefghijk?t=60)"));
        assert!(md.contains("laptop"));
        let csv = notes_csv(
            &[lecture("T", &["phone 1:00", "laptop"])],
            ["title", "time", "note", "link"],
            &version,
        );
        assert!(csv.contains("[version 1 of 2] phone 1:00"));
        assert!(csv.contains("[version 2 of 2] laptop"));
    }

    #[test]
    fn noted_lectures_in_the_given_order_each_once_with_unknown_ones_named() {
        use crate::study::progress::tests::catalogue;
        use crate::study::test_support::{v, A, B, C, NOW, X};
        let cat = catalogue();
        let mut state = StudyState::default();
        state.set_note(&v(C), "c 1:00", NOW).unwrap();
        state.set_note(&v(A), "a", NOW).unwrap();
        state.set_note(&v(X), "gone", NOW).unwrap();
        let some = noted_lectures(&state, &cat, [C, B, A, C], "Unknown");
        let ids: Vec<&str> = some.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, [C, A]);
        assert_eq!(some[0].versions, ["c 1:00"]);
        let all = all_noted_lectures(&state, &cat, "Unknown");
        assert_eq!(all.len(), 3);
        assert_eq!(all[2].title, format!("Unknown: {X}"));
    }

    /// A small RFC 4180 reader, to check the writer.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let mut row = vec![];
        let mut cell = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let csv = notes_csv(
            &[lecture(
                "=HYPERLINK(\"http://evil\",\"x\")",
                &["12:34 a, \"quoted\" point\n@SUM(A1)\n+1\n-2 at 0:05\n\nplain"],
            )],
            ["title", "time", "note", "link"],
            &version,
        );
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.ends_with("\r\n"));
        let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
        assert_eq!(rows[0], ["title", "time", "note", "link"]);
        assert_eq!(rows.len(), 6, "{rows:?}");
        assert_eq!(rows[1][0], "'=HYPERLINK(\"http://evil\",\"x\")");
        assert_eq!(rows[1][1], "12:34");
        assert_eq!(rows[1][2], "12:34 a, \"quoted\" point");
        assert_eq!(rows[1][3], "https://youtu.be/abcdefghijk?t=754");
        assert_eq!(rows[2][2], "'@SUM(A1)");
        assert_eq!(rows[3][2], "'+1");
        assert_eq!(rows[4][2], "'-2 at 0:05");
        assert_eq!(rows[4][3], "https://youtu.be/abcdefghijk?t=5");
        assert_eq!(rows[5][2], "plain");
        assert_eq!(rows[5][3], "https://youtu.be/abcdefghijk");
        for row in &rows {
            assert_eq!(row.len(), 4);
            for cell in row {
                assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
            }
        }
    }
}
