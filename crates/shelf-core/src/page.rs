//! Catalogue page parser: Markdown pages of `<details>` blocks → raw entries.
//!
//! A block looks like this (the summary Markdown after `</a>` is optional,
//! and may start with a `# <title>` line that only repeats the title):
//!
//! ```text
//! <details>
//! <summary>421. [2024-02-24] 【生成式AI導論 2024】第0講：課程說明</summary><br>
//!
//! <a href="https://www.youtube.com/watch?v=AVIKFXLCPY8" target="_blank">
//!     <img src="https://img.youtube.com/vi/AVIKFXLCPY8/maxresdefault.jpg" alt="[Youtube]" width="200">
//! </a>
//!
//! # 【生成式AI導論 2024】第0講：課程說明
//! ## 核心主題
//! …
//! </details>
//! ```
//!
//! The parser never panics and never stops at the first problem: every
//! malformed block is reported as a [`Problem`] and parsing resumes at the
//! next `<details>`.

use crate::catalogue::{Date, VideoId};
use crate::problem::Problem;

/// One `<details>` block as written on a page, before merging and derivation.
#[derive(Debug, Clone, PartialEq)]
pub struct RawEntry {
    pub file: String,
    /// Line of the `<details>` tag.
    pub line: usize,
    pub number: u32,
    pub date: Option<Date>,
    pub title: String,
    pub video_id: VideoId,
    /// The summary Markdown, without the repeated-title heading; `None` when empty.
    pub summary: Option<String>,
}

#[derive(Debug, Default)]
pub struct ParsedPage {
    pub entries: Vec<RawEntry>,
    pub problems: Vec<Problem>,
}

pub fn parse_page(file: &str, text: &str) -> ParsedPage {
    let mut page = ParsedPage::default();
    // Editors on Windows like to start files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    let mut stray_reported = false;
    while i < lines.len() {
        let line = lines[i].trim();
        if line == "<details>" {
            stray_reported = false;
            let end = block_end(&lines, i + 1);
            let block = Block {
                file,
                start: i,
                lines: &lines[i + 1..end.body_end],
            };
            match block.parse() {
                Ok(entry) => page.entries.push(entry),
                Err(problem) => page.problems.push(problem),
            }
            if !end.closed {
                page.problems.push(Problem::new(
                    file,
                    i + 1,
                    "unterminated <details> block: no </details> before the next <details> or the end of the page",
                ));
            }
            i = end.resume;
        } else {
            if !line.is_empty() && !stray_reported {
                page.problems.push(Problem::new(
                    file,
                    i + 1,
                    format!("text outside any <details> block: {}", clip(line)),
                ));
                // One report per run of stray lines is enough to find them.
                stray_reported = true;
            }
            i += 1;
        }
    }
    if page.entries.is_empty() && page.problems.is_empty() {
        page.problems
            .push(Problem::new(file, 1, "page has no <details> entries"));
    }
    page
}

struct BlockEnd {
    /// Index one past the block's last content line.
    body_end: usize,
    /// Index where scanning resumes.
    resume: usize,
    closed: bool,
}

fn block_end(lines: &[&str], from: usize) -> BlockEnd {
    for (j, line) in lines.iter().enumerate().skip(from) {
        match line.trim() {
            "</details>" => {
                return BlockEnd {
                    body_end: j,
                    resume: j + 1,
                    closed: true,
                }
            }
            // A summary may end on the same line as the closing tag.
            t if t.ends_with("</details>") => {
                return BlockEnd {
                    body_end: j + 1,
                    resume: j + 1,
                    closed: true,
                }
            }
            "<details>" => {
                return BlockEnd {
                    body_end: j,
                    resume: j,
                    closed: false,
                }
            }
            _ => {}
        }
    }
    BlockEnd {
        body_end: lines.len(),
        resume: lines.len(),
        closed: false,
    }
}

struct Block<'a> {
    file: &'a str,
    /// Index of the `<details>` line.
    start: usize,
    lines: &'a [&'a str],
}

impl Block<'_> {
    fn problem(&self, offset: usize, message: impl Into<String>) -> Problem {
        // offset counts lines after `<details>`; line numbers are 1-based.
        Problem::new(self.file, self.start + offset + 1, message)
    }

    fn parse(&self) -> Result<RawEntry, Problem> {
        let (summary_at, summary_line) = self
            .lines
            .iter()
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty())
            .ok_or_else(|| self.problem(0, "empty <details> block: no <summary> line"))?;
        let heading = summary_line
            .trim()
            .strip_prefix("<summary>")
            .and_then(|rest| rest.split_once("</summary>"))
            .map(|(inside, _)| inside)
            .ok_or_else(|| {
                self.problem(
                    summary_at + 1,
                    format!(
                        "expected `<summary>N. title</summary>`, found: {}",
                        clip(summary_line.trim())
                    ),
                )
            })?;
        let (number, date, title) =
            parse_heading(heading).map_err(|m| self.problem(summary_at + 1, m))?;

        let (link_at, link_end, video_id) = self.link(summary_at + 1)?;
        let video_id = video_id.map_err(|m| self.problem(link_at + 1, m))?;
        let summary = summary_markdown(&self.lines[link_end..], &title);
        Ok(RawEntry {
            file: self.file.to_string(),
            line: self.start + 1,
            number,
            date,
            title,
            video_id,
            summary,
        })
    }

    /// Finds the YouTube link after the summary line: its index, the index
    /// just past `</a>` (where the summary Markdown begins) and the video id.
    fn link(&self, from: usize) -> Result<(usize, usize, Result<VideoId, String>), Problem> {
        let next = (from..self.lines.len()).find(|&j| !self.lines[j].trim().is_empty());
        let link_at = next
            .filter(|&j| self.lines[j].trim_start().starts_with("<a "))
            .ok_or_else(|| {
                self.problem(
                    // Point at what stands where the link should be.
                    next.unwrap_or(from - 1) + 1,
                    "missing YouTube link: expected `<a href=\"https://www.youtube.com/watch?v=…\">` after <summary>",
                )
            })?;
        // The anchor spans the `<img>` lines; the summary starts after `</a>`.
        let close = (link_at..self.lines.len())
            .find(|&j| self.lines[j].contains("</a>"))
            .map_or(link_at + 1, |j| j + 1);
        Ok((link_at, close, video_id_of(self.lines[link_at])))
    }
}

/// Splits `N. [YYYY-MM-DD] title` into its parts.
fn parse_heading(heading: &str) -> Result<(u32, Option<Date>, String), String> {
    let heading = heading.trim();
    let digits = heading.bytes().take_while(u8::is_ascii_digit).count();
    let rest = heading[digits..].strip_prefix('.');
    let number = match (digits, rest) {
        (1..=9, Some(_)) => heading[..digits].parse::<u32>().ok().filter(|&n| n > 0),
        _ => None,
    }
    .ok_or_else(|| {
        format!(
            "expected the entry number `N.` at the start of <summary>, found: {}",
            clip(heading)
        )
    })?;
    let rest = rest.unwrap_or_default().trim_start();

    let (date, title) = match date_prefix(rest) {
        Some((inside, after)) => {
            let date = Date::parse(inside).ok_or_else(|| {
                format!("bad date [{inside}]: expected an existing day as [YYYY-MM-DD]")
            })?;
            (Some(date), after)
        }
        None => (None, rest),
    };
    let title = collapse_whitespace(title);
    if title.is_empty() {
        return Err(format!("entry {number} has no title"));
    }
    Ok((number, date, title))
}

/// `[…]` at the start made only of digits and date separators is meant as a
/// date (and is checked as one); `[ML 2021 …]`, `[TA 補充課]` are titles.
fn date_prefix(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('[')?;
    let (inside, after) = inner.split_once(']')?;
    let datelike = !inside.is_empty()
        && inside.chars().any(|c| c.is_ascii_digit())
        && inside
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'));
    datelike.then_some((inside, after))
}

fn video_id_of(link_line: &str) -> Result<VideoId, String> {
    let href = link_line
        .split_once("href=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(href, _)| href)
        .ok_or_else(|| format!("link has no href: {}", clip(link_line.trim())))?;
    let id = ["youtube.com/watch?v=", "youtu.be/"]
        .iter()
        .find_map(|marker| href.split_once(marker).map(|(_, id)| id))
        .map(|id| id.split(['&', '?', '#']).next().unwrap_or_default())
        .ok_or_else(|| format!("link is not a YouTube watch link: {}", clip(href)))?;
    VideoId::parse(id).ok_or_else(|| {
        format!(
            "bad video id {:?}: expected 11 characters of A-Z a-z 0-9 _ -",
            clip(id)
        )
    })
}

/// The Markdown after the link, without the closing tag, surrounding blank
/// lines or a first `# …` line that merely repeats the title.
fn summary_markdown(lines: &[&str], title: &str) -> Option<String> {
    let mut body: Vec<&str> = lines.to_vec();
    if let Some(last) = body.last_mut() {
        if let Some(before) = last.trim_end().strip_suffix("</details>") {
            *last = before;
        }
    }
    let first = body.iter().position(|l| !l.trim().is_empty())?;
    let last = body.iter().rposition(|l| !l.trim().is_empty())?;
    let mut body = &body[first..=last];
    if repeats_title(body[0], title) {
        body = &body[1..];
        let next = body.iter().position(|l| !l.trim().is_empty())?;
        body = &body[next..];
    }
    Some(body.join("\n"))
}

fn repeats_title(line: &str, title: &str) -> bool {
    let Some(heading) = line.trim().strip_prefix("# ") else {
        return false;
    };
    let heading = collapse_whitespace(heading);
    // Some generators put the entry number and date in the heading too.
    let heading = match parse_heading(&heading) {
        Ok((_, _, t)) => t,
        Err(_) => match date_prefix(&heading) {
            Some((_, after)) => collapse_whitespace(after),
            None => heading,
        },
    };
    heading == title
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Quotes at most 80 characters of hostile or huge input in messages.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u32, head: &str, id: &str, body: &str) -> String {
        format!(
            "<details>\n<summary>{n}. {head}</summary><br>\n\n<a href=\"https://www.youtube.com/watch?v={id}\" target=\"_blank\">\n    <img src=\"https://img.youtube.com/vi/{id}/maxresdefault.jpg\" \n        alt=\"[Youtube]\" width=\"200\">\n</a>\n\n{body}\n</details>\n\n"
        )
    }

    fn messages(page: &ParsedPage) -> Vec<String> {
        page.problems.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn parses_number_date_title_id_and_summary() {
        let text = entry(
            421,
            "[2024-02-24] 【生成式AI導論 2024】第0講：課程說明  (17:15 有芙莉蓮雷)",
            "AVIKFXLCPY8",
            "# 【生成式AI導論 2024】第0講：課程說明 (17:15 有芙莉蓮雷)\n\n## 核心主題\n- 一",
        );
        let page = parse_page("p.md", &text);
        assert_eq!(messages(&page), Vec::<String>::new());
        let e = &page.entries[0];
        assert_eq!((e.number, e.line), (421, 1));
        assert_eq!(e.date.unwrap().to_string(), "2024-02-24");
        assert_eq!(
            e.title,
            "【生成式AI導論 2024】第0講：課程說明 (17:15 有芙莉蓮雷)"
        );
        assert_eq!(e.video_id, "AVIKFXLCPY8");
        assert_eq!(e.summary.as_deref(), Some("## 核心主題\n- 一"));
    }

    #[test]
    fn bracketed_titles_are_not_dates() {
        for head in [
            "[ML 2021 (English version)] Lecture 27: Domain Adaptation",
            "[DLHLP 2020] Speech",
            "[TA 補充課] GNN",
        ] {
            let page = parse_page("p.md", &entry(1, head, "8AKqH6V9kjE", ""));
            assert!(page.problems.is_empty(), "{:?}", page.problems);
            assert_eq!(page.entries[0].date, None);
            assert_eq!(page.entries[0].title, head);
            assert_eq!(page.entries[0].summary, None);
        }
    }

    #[test]
    fn title_heading_with_date_is_dropped_but_other_headings_stay() {
        let with_date = entry(
            3,
            "[2016-10-07] ML Lecture 1",
            "fegAeph9UaA",
            "# [2016-10-07] ML Lecture 1\n## 要點",
        );
        assert_eq!(
            parse_page("p", &with_date).entries[0].summary.as_deref(),
            Some("## 要點")
        );
        let other = entry(3, "ML Lecture 1", "fegAeph9UaA", "# 文章重點整理\n- 甲");
        assert_eq!(
            parse_page("p", &other).entries[0].summary.as_deref(),
            Some("# 文章重點整理\n- 甲")
        );
        for start in ["### 三級", "- 清單", "===== 文章結構 =====", "## 二級"] {
            let e = entry(
                3,
                "T",
                "fegAeph9UaA",
                &format!("\t{start}  \n$x^2$ <BERT 方法>"),
            );
            let summary = parse_page("p", &e).entries[0].summary.clone().unwrap();
            assert!(
                summary.contains(start) && summary.contains("<BERT 方法>"),
                "{summary}"
            );
        }
    }

    #[test]
    fn malformed_blocks_are_reported_with_file_and_line_and_parsing_goes_on() {
        let mut text = String::new();
        text += &entry(1, "[2021-13-01] bad month", "AAAAAAAAAAA", ""); // lines 1-11
        text += &entry(2, "bad id", "short", ""); // 12-22
        text += "<details>\n<summary>3. no link</summary><br>\n\nsome text\n</details>\n\n"; // 23-28
        text += "<details>\n<summary>no number</summary>\n</details>\n\n"; // 29-32
        text += "<details>\n\n</details>\n\n"; // 33-36
        text += "stray text\nmore stray\n"; // 37-38
        text += &entry(4, "fine", "BBBBBBBBBBB", "summary"); // 39-49
        text += "<details>\n<summary>5. unterminated</summary>\n<a href=\"https://youtu.be/CCCCCCCCCCC\">\n";
        let page = parse_page("x.md", &text);
        assert_eq!(
            messages(&page),
            vec![
                "x.md:2: bad date [2021-13-01]: expected an existing day as [YYYY-MM-DD]",
                "x.md:15: bad video id \"short\": expected 11 characters of A-Z a-z 0-9 _ -",
                "x.md:26: missing YouTube link: expected `<a href=\"https://www.youtube.com/watch?v=…\">` after <summary>",
                "x.md:30: expected the entry number `N.` at the start of <summary>, found: no number",
                "x.md:33: empty <details> block: no <summary> line",
                "x.md:37: text outside any <details> block: stray text",
                "x.md:50: unterminated <details> block: no </details> before the next <details> or the end of the page",
            ]
        );
        let numbers: Vec<u32> = page.entries.iter().map(|e| e.number).collect();
        assert_eq!(numbers, vec![4, 5]);
    }

    #[test]
    fn hostile_and_odd_input_never_panics() {
        for text in [
            "",
            "<details>",
            "<details>\n<summary>",
            "<details>\n<summary>1.</summary>\n",
            "<details>\n<summary>99999999999999999999. x</summary>\n</details>",
            "<details>\n<summary>1. [] x</summary>\n<a href=\"",
            "<details>\n<summary>1. [2021-02-03 x</summary>\n<a href=\"https://www.youtube.com/watch?v=\">",
            "\u{feff}<details>\n<summary>1. 😀\u{202e}</summary>\n<a href='x'>\n</details>",
        ] {
            let page = parse_page("h.md", text);
            assert!(!page.problems.is_empty(), "{text:?} should be reported");
        }
    }
}
