//! Hostile input never panics, is reported clearly and costs work in
//! proportion to its size.
//!
//! Property tests for the decoders that read text the app did not write:
//! catalogue pages (through [`import`], the function `import-catalogue`
//! runs), share links and note time codes. Page mutations start from the
//! committed seed pages, so most cases are nearly valid and reach deep into
//! the parser instead of failing on the first line.
//!
//! No test looks at the clock: "bounded work" is checked as structural
//! bounds on the output (entries, problems and JSON size linear in the
//! input). Timing lives in `examples/parse_bench.rs`.

use std::sync::OnceLock;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};

use shelf_core::catalogue::{is_video_id, Catalogue};
use shelf_core::import::{import, Page};
use shelf_core::seed::{SEED_PAGES, SERIES_RULES};
use shelf_core::series::SeriesRules;
use shelf_core::study::playlist::{normalize_name, MAX_NAME_CHARS, MAX_VIDEOS};
use shelf_core::study::share::MAX_FRAGMENT_LEN;
use shelf_core::study::{parse_share, parse_time, segments, share_fragment, Segment};
use shelf_core::summary::{is_safe_href, Block, Inline};

fn rules() -> &'static SeriesRules {
    static RULES: OnceLock<SeriesRules> = OnceLock::new();
    RULES.get_or_init(|| {
        SeriesRules::from_toml(SERIES_RULES.0, SERIES_RULES.1).expect("series rules are valid")
    })
}

// ---------------------------------------------------------------------------
// Building hostile pages
// ---------------------------------------------------------------------------

/// Entry numbers: valid, zero, at and past `u32`, not ASCII digits.
const NUMBERS: &[&str] = &[
    "1",
    "371",
    "421",
    "0",
    "999999999",
    "1000000000",
    "4294967295",
    "4294967296",
    "99999999999999999999",
    "-1",
    "1.5",
    "٣",
    "",
];

const DATES: &[&str] = &[
    "",
    "[2024-02-24] ",
    "[2024-02-29] ",
    "[2023-02-29] ",
    "[2024-13-45] ",
    "[9999-99-99] ",
    "[0000-00-00] ",
    "[0999-01-01] ",
    "[2024-2-3] ",
    "[--] ",
    "[2024/01/01] ",
    "[1] ",
    "[2024-02-24 ",
    "[２０２４-02-24] ",
    "[ML 2021] ",
];

const TITLES: &[&str] = &[
    "t",
    "",
    "   ",
    "【生成式AI導論 2024】第0講：課程說明",
    "Lecture 99999999999 (99999999999/0)",
    "第十十講 (上) - Part 4294967296",
    "Theory 1-99999999999 (Part VI)",
    "x\u{0}y\u{202e}z\u{2066}",
    "<script>alert(1)</script>",
    "</summary><summary>2. again",
    "[TA 補充課] (一)(二)(三)",
];

const LINKS: &[&str] = &[
    "https://www.youtube.com/watch?v=AVIKFXLCPY8",
    "https://youtu.be/AAAAAAAAAAA?t=5",
    "https://www.youtube.com/watch?v=V-3ksGCjehU&list=x#t",
    "https://example.org/watch?v=AAAAAAAAAAA",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)//youtu.be/AAAAAAAAAAA",
    "data:text/html,<script>alert(1)</script>",
    "https://youtu.be/short",
    "https://youtu.be/AAAAAAAAAAAA",
    "https://youtu.be/AAAAAAAAAA%41",
    "https://youtu.be/ＡAAAAAAAAAA",
    "https://youtu.be/AAAAA\u{0}AAAAA",
    "https://youtu.be/",
    "",
];

const BODIES: &[&str] = &[
    "",
    "# t\n## 核心主題\n- 一\n- 二",
    "[click](javascript:alert(1)) [ok](https://example.org) [x](<data:x>)",
    "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>",
    "$$\\frac{a}{b}$$ and $x",
    "| a | b |\n|---|---|\n| 1 | 2 | 3 |",
    "```\nunterminated code",
    "***bold-italic*** ~~strike~~ `code",
    "![alt](javascript:alert(1))",
    "&amp; &#0; &#x110000; &NotAnEntity;",
    "[^1]\n\n[^1]: footnote",
    "- [ ] task\n- [x] done",
];

/// Lone tags, broken blocks, stray lines and control characters.
const FRAGMENTS: &[&str] = &[
    "<details>\n",
    "</details>\n",
    "<details></details>\n",
    "<details>\n</details>\n",
    "<details>\n<summary></summary>\n</details>\n",
    "<details>\n<summary>no number here</summary>\n</details>\n",
    "<details>\n<summary>12. title</summary></details>\n",
    "<details>\n<summary>12. title\n</details>\n",
    "<summary>99999999999999999999. huge</summary>\n",
    "<details>\n<summary>7. no link</summary>\n\ntext\n</details>\n",
    "<details>\n<summary>7. t</summary>\n<a>\n</details>\n",
    "<details>\n<summary>7. t</summary>\n<a href='https://youtu.be/AAAAAAAAAAA'>\n</details>\n",
    "<details>\n<summary>7. t</summary>\n<a href=\"https://youtu.be/AAAAAAAAAAA\n</details>\n",
    "<details>\n<summary>7. t</summary>\n<a href=\"https://youtu.be/AAAAAAAAAAA\">\n",
    "<a href=\"https://youtu.be/AAAAAAAAAAA\">\n",
    "</a>\n",
    "stray text\n",
    "\n\n\n",
    "\u{0}\n",
    "\u{202e}\u{2066}\u{200f}\n",
    "\u{1b}[31mred\u{1b}[0m\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\u{85}\u{2028}\u{2029}\n",
    "\u{fffd}\n",
];

/// Units repeated into one line of 10,000 characters. No `> `, `- ` or
/// `1. `: deep Markdown nesting is a known bug (see the ignored tests at
/// the end), and these properties must pass until it is fixed.
const LONG_UNITS: &[&str] = &[
    "x",
    "界",
    "<details>",
    "</details>",
    "</a>",
    "<summary>",
    "*a* ",
    "**",
    "[",
    "]",
    "[a](javascript:x) ",
    "| a ",
    "$x$ ",
    "`",
    "&amp;",
    "<b>",
    "\u{0}",
    "\u{202e}",
    "1:23 ",
    "#",
    "<",
    "\\",
    "9",
];

fn entry(number: &str, date: &str, title: &str, link: &str, body: &str) -> String {
    format!(
        "<details>\n<summary>{number}. {date}{title}</summary><br>\n\n<a href=\"{link}\" target=\"_blank\">\n    <img src=\"x\" alt=\"[Youtube]\" width=\"200\">\n</a>\n\n{body}\n</details>\n\n"
    )
}

fn hostile_fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(FRAGMENTS).prop_map(String::from),
        4 => (
            select(NUMBERS),
            select(DATES),
            select(TITLES),
            select(LINKS),
            select(BODIES)
        )
            .prop_map(|(n, d, t, l, b)| entry(n, d, t, l, b)),
        // Nested <details>, with a good entry in the middle.
        1 => (1usize..300).prop_map(|depth| {
            let good = entry("5", "", "inner", "https://youtu.be/BBBBBBBBBBB", "");
            format!(
                "{}{good}{}",
                "<details>\n".repeat(depth),
                "</details>\n".repeat(depth)
            )
        }),
        // A 10k-character line, alone or as an entry's title or summary.
        2 => (select(LONG_UNITS), 0..3usize).prop_map(|(unit, place)| {
            let line = unit.repeat(10_000 / unit.chars().count());
            match place {
                0 => format!("{line}\n"),
                1 => entry("6", "", &line, "https://youtu.be/CCCCCCCCCCC", ""),
                _ => entry("6", "", "t", "https://youtu.be/CCCCCCCCCCC", &line),
            }
        }),
    ]
}

/// The largest char boundary at or before `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn pick(index: &Index, len: usize) -> usize {
    if len == 0 {
        0
    } else {
        index.index(len)
    }
}

/// A byte offset of `s` (a char boundary), `s.len()` included.
fn offset(s: &str, index: &Index) -> usize {
    floor_boundary(s, pick(index, s.len() + 1))
}

fn line_starts(s: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(s.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// Byte spans of the `<details>` … `</details>` blocks, as written.
fn blocks(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(start) = s[from..].find("<details>").map(|i| i + from) {
        let end = s[start..]
            .find("</details>")
            .map_or(s.len(), |i| start + i + "</details>".len());
        let end = s[end..].find('\n').map_or(s.len(), |i| end + i + 1);
        spans.push((start, end));
        from = end.max(start + 1);
    }
    spans
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the page at a char boundary.
    Truncate(Index),
    /// `page[..a] + seed[b..c] + page[d..]`: misaligned pieces of real pages.
    Splice(usize, Index, Index, Index, Index),
    DuplicateBlock(Index, Index),
    DeleteBlock(Index),
    /// A hostile fragment at a line start (true) or at any char boundary.
    Insert(Index, bool, String),
    /// One line replaced by 10,000 characters.
    LongLine(Index, &'static str),
    Crlf,
    LoneCr,
    Bom,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => any::<Index>().prop_map(Mutation::Truncate),
        2 => (0..SEED_PAGES.len(), any::<Index>(), any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(s, a, b, c, d)| Mutation::Splice(s, a, b, c, d)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(b, at)| Mutation::DuplicateBlock(b, at)),
        2 => any::<Index>().prop_map(Mutation::DeleteBlock),
        6 => (any::<Index>(), any::<bool>(), hostile_fragment())
            .prop_map(|(at, line, f)| Mutation::Insert(at, line, f)),
        1 => (any::<Index>(), select(LONG_UNITS)).prop_map(|(at, u)| Mutation::LongLine(at, u)),
        1 => Just(Mutation::Crlf),
        1 => Just(Mutation::LoneCr),
        1 => Just(Mutation::Bom),
    ]
}

fn apply(text: &str, m: &Mutation) -> String {
    match m {
        Mutation::Truncate(at) => text[..offset(text, at)].to_string(),
        Mutation::Splice(seed, a, b, c, d) => {
            let other = SEED_PAGES[*seed].1;
            let (a, d) = (offset(text, a), offset(text, d));
            let (b, c) = (offset(other, b), offset(other, c));
            let (b, c) = (b.min(c), b.max(c));
            format!("{}{}{}", &text[..a], &other[b..c], &text[d..])
        }
        Mutation::DuplicateBlock(block, at) => {
            let spans = blocks(text);
            if spans.is_empty() {
                return text.to_string();
            }
            let (s, e) = spans[pick(block, spans.len())];
            let at = spans[pick(at, spans.len())].0;
            format!("{}{}{}", &text[..at], &text[s..e], &text[at..])
        }
        Mutation::DeleteBlock(block) => {
            let spans = blocks(text);
            if spans.is_empty() {
                return text.to_string();
            }
            let (s, e) = spans[pick(block, spans.len())];
            format!("{}{}", &text[..s], &text[e..])
        }
        Mutation::Insert(at, at_line_start, fragment) => {
            let at = if *at_line_start {
                let starts = line_starts(text);
                starts[pick(at, starts.len())]
            } else {
                offset(text, at)
            };
            format!("{}{fragment}{}", &text[..at], &text[at..])
        }
        Mutation::LongLine(at, unit) => {
            let starts = line_starts(text);
            let start = starts[pick(at, starts.len())];
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            let line = unit.repeat(10_000 / unit.chars().count());
            format!("{}{line}{}", &text[..start], &text[end..])
        }
        Mutation::Crlf => text.replace('\n', "\r\n"),
        Mutation::LoneCr => text.replace('\n', "\r"),
        Mutation::Bom => format!("\u{feff}{text}"),
    }
}

// ---------------------------------------------------------------------------
// What every import must satisfy, however bad the pages
// ---------------------------------------------------------------------------

fn inlines_are_safe(inlines: &[Inline]) -> bool {
    inlines.iter().all(|inline| match inline {
        Inline::Link { href, content } => is_safe_href(href) && inlines_are_safe(content),
        Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strike(c) => inlines_are_safe(c),
        Inline::Text(_) | Inline::Code(_) | Inline::Math(_) | Inline::Break => true,
    })
}

fn blocks_are_safe(blocks: &[Block]) -> bool {
    blocks.iter().all(|block| match block {
        Block::Heading(_, c) | Block::Paragraph(c) => inlines_are_safe(c),
        Block::List { items, .. } => items.iter().all(|item| blocks_are_safe(item)),
        Block::Quote(b) => blocks_are_safe(b),
        Block::Code(_) | Block::Rule => true,
        Block::Table { head, rows } => head
            .iter()
            .chain(rows.iter().flatten())
            .all(|cell| inlines_are_safe(cell)),
    })
}

/// JSON bytes allowed per input byte. The densest case known is a control
/// character in a summary: 1 byte in, `\u0000` written twice (blocks and
/// search text), 12 out. Anything superlinear breaks the bound.
const JSON_PER_INPUT_BYTE: usize = 16;

fn series_json_len() -> usize {
    rules()
        .series()
        .map(|s| serde_json::to_string(s).expect("series serialize").len() + 2)
        .sum()
}

fn check_import(pages: &[Page]) -> Result<(), TestCaseError> {
    let result = import(pages, rules());
    let catalogue = &result.catalogue;
    let line_count = |name: &str| {
        pages
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.text.lines().count())
    };

    // Every problem reads `FILE:LINE: message`, names a page it was given
    // and a line that exists, so an editor can jump to it; the message is
    // one line of text.
    for problem in &result.problems {
        let shown = problem.to_string();
        let (file, rest) = shown
            .split_once(':')
            .ok_or_else(|| TestCaseError::fail(format!("no FILE: in {shown:?}")))?;
        let (line, message) = rest
            .split_once(": ")
            .ok_or_else(|| TestCaseError::fail(format!("no LINE: in {shown:?}")))?;
        let line: usize = line
            .parse()
            .map_err(|_| TestCaseError::fail(format!("LINE is not a number in {shown:?}")))?;
        let lines = line_count(file)
            .ok_or_else(|| TestCaseError::fail(format!("unknown file in {shown:?}")))?;
        // An empty page has no lines but is still reported at line 1.
        prop_assert!(
            (1..=lines.max(1)).contains(&line),
            "line {} of a {}-line page: {:?}",
            line,
            lines,
            shown
        );
        prop_assert!(
            !message.trim().is_empty() && !message.contains('\n'),
            "{:?}",
            shown
        );
    }

    // What reaches the app is well-formed: real ids, one video per number
    // in order, a known series, and no summary link the app may not follow.
    let mut last_number = 0;
    for v in &catalogue.videos {
        prop_assert!(is_video_id(&v.id), "bad id {:?}", v.id);
        prop_assert!(
            v.number > last_number,
            "numbers not increasing at {}",
            v.number
        );
        last_number = v.number;
        prop_assert!(v.order >= 1);
        prop_assert!(!v.title.trim().is_empty());
        prop_assert!(
            catalogue.series(&v.series).is_some(),
            "unknown series {}",
            v.series
        );
        if let Some(summary) = &v.summary {
            prop_assert!(
                blocks_are_safe(&summary.blocks),
                "unsafe href in {:?}",
                v.id
            );
        }
    }

    // The app decodes exactly what the importer writes.
    let json = catalogue.to_json();
    let back = Catalogue::from_json(&json);
    prop_assert_eq!(back.as_ref(), Ok(catalogue));

    // Bounded work, no clock: every video needs its own `<details>` line,
    // every line yields at most two problems (a bad block and its missing
    // end), and the output grows linearly with the input.
    let openings: usize = pages
        .iter()
        .map(|p| {
            // Counted as the parser sees the page: without a byte-order mark.
            let text = p.text.strip_prefix('\u{feff}').unwrap_or(&p.text);
            text.lines().filter(|l| l.trim() == "<details>").count()
        })
        .sum();
    let lines: usize = pages.iter().map(|p| p.text.lines().count()).sum();
    let bytes: usize = pages.iter().map(|p| p.text.len()).sum();
    prop_assert!(catalogue.videos.len() <= openings);
    prop_assert!(
        result.problems.len() <= 2 * lines + pages.len(),
        "{} problems for {} lines",
        result.problems.len(),
        lines
    );
    prop_assert!(
        json.len() <= JSON_PER_INPUT_BYTE * bytes + series_json_len() + 64,
        "{} JSON bytes for {} input bytes",
        json.len(),
        bytes
    );
    Ok(())
}

fn page(name: &str, text: String) -> Page {
    Page {
        name: name.to_string(),
        text,
    }
}

proptest! {
    // Whole seed pages run through the importer in debug: keep it modest.
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Real pages damaged the way editors, truncated downloads and
    /// copy-paste damage them (plus hostile fragments) are imported with
    /// every problem reported at a real line, never a panic.
    #[test]
    fn mutated_seed_pages_import_cleanly(
        seed in 0..SEED_PAGES.len(),
        mutations in vec(mutation(), 1..6),
        with_other_seeds in any::<bool>(),
    ) {
        let text = mutations
            .iter()
            .fold(SEED_PAGES[seed].1.to_string(), |text, m| apply(&text, m));
        let mut pages = vec![page("mutated.md", text)];
        // Next to the intact pages, damaged entries also meet their
        // originals in the snapshot merge.
        if with_other_seeds {
            pages.extend(
                SEED_PAGES
                    .iter()
                    .filter(|(name, _)| *name != SEED_PAGES[seed].0)
                    .map(|(name, text)| page(name, text.to_string())),
            );
        }
        check_import(&pages)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Small pages made only of real blocks and hostile fragments, spread
    /// over up to three files: numbers and ids collide across files, so
    /// merge problems must cite the right file and line too.
    #[test]
    fn pages_of_hostile_fragments_import_cleanly(
        files in vec(
            vec(
                prop_oneof![
                    (0..SEED_PAGES.len(), any::<Index>()).prop_map(|(s, i)| {
                        let text = SEED_PAGES[s].1;
                        let spans = blocks(text);
                        let (a, b) = spans[i.index(spans.len())];
                        text[a..b].to_string()
                    }),
                    hostile_fragment(),
                ],
                0..12,
            ),
            1..4,
        ),
    ) {
        let pages: Vec<Page> = files
            .into_iter()
            .enumerate()
            .map(|(i, chunks)| page(&format!("p{i}.md"), chunks.concat()))
            .collect();
        check_import(&pages)?;
    }
}

// ---------------------------------------------------------------------------
// Share links
// ---------------------------------------------------------------------------

fn video_id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z0-9_-]{11}",
        1 => "\\PC{0,14}",
    ]
}

/// Characters that mean something to the decoder, and any other.
fn link_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => select(vec!['%', ';', ',', '#', '=', 'v', '0', '1', '2', 'A', 'F', 'Z', ' ', '+', '\u{0}', '\u{202e}', '界']),
        1 => any::<char>(),
    ]
}

#[derive(Debug, Clone)]
enum LinkEdit {
    Replace(Index, char),
    Insert(Index, String),
    Delete(Index, usize),
    Truncate(Index),
    /// Appends this many more ids: past MAX_VIDEOS and past the length cap.
    MoreIds(usize),
    Prefix(&'static str),
}

fn link_edit() -> impl Strategy<Value = LinkEdit> {
    prop_oneof![
        3 => (any::<Index>(), link_char()).prop_map(|(i, c)| LinkEdit::Replace(i, c)),
        3 => (
            any::<Index>(),
            prop_oneof![
                select(vec!["%", "%%", "%4", "%FF", "%E5%BF", "%C0%80", "%00", "%0A", ";", ",", ",,", "#share=", "v0", "v2", "v1;", "share="])
                    .prop_map(String::from),
                link_char().prop_map(String::from),
            ]
        )
            .prop_map(|(i, s)| LinkEdit::Insert(i, s)),
        2 => (any::<Index>(), 1usize..8).prop_map(|(i, n)| LinkEdit::Delete(i, n)),
        1 => any::<Index>().prop_map(LinkEdit::Truncate),
        1 => (0usize..1400).prop_map(LinkEdit::MoreIds),
        1 => select(vec!["https://example.org/shelf/", "https://x.org/#a", " ", "#", "share=v1;"])
            .prop_map(LinkEdit::Prefix),
    ]
}

fn edit_link(link: &str, edit: &LinkEdit) -> String {
    let chars: Vec<char> = link.chars().collect();
    let at = |i: &Index| pick(i, chars.len() + 1);
    let rebuild = |head: &[char], mid: &str, tail: &[char]| {
        let mut s: String = head.iter().collect();
        s.push_str(mid);
        s.extend(tail);
        s
    };
    match edit {
        LinkEdit::Replace(i, c) if !chars.is_empty() => {
            let i = pick(i, chars.len());
            rebuild(&chars[..i], &c.to_string(), &chars[i + 1..])
        }
        LinkEdit::Replace(..) => link.to_string(),
        LinkEdit::Insert(i, s) => {
            let i = at(i);
            rebuild(&chars[..i], s, &chars[i..])
        }
        LinkEdit::Delete(i, n) => {
            let i = at(i);
            let end = (i + n).min(chars.len());
            rebuild(&chars[..i], "", &chars[end..])
        }
        LinkEdit::Truncate(i) => chars[..at(i)].iter().collect(),
        LinkEdit::MoreIds(n) => format!("{link}{}", ",AAAAAAAAAAA".repeat(*n)),
        LinkEdit::Prefix(p) => format!("{p}{link}"),
    }
}

fn share_link() -> impl Strategy<Value = String> {
    // Names are not normalized first: blank, control-only and overlong
    // ones must come back as errors.
    let name = prop_oneof![4 => "\\PC{1,40}", 1 => "\\s{0,3}", 1 => "\\PC{95,105}"];
    let valid =
        (name, vec(video_id(), 0..40)).prop_map(|(name, videos)| share_fragment(&name, &videos));
    prop_oneof![
        6 => (valid, vec(link_edit(), 0..5))
            .prop_map(|(link, edits)| edits.iter().fold(link, |l, e| edit_link(&l, e))),
        1 => any::<String>(),
        1 => "\\PC{0,200}".prop_map(|tail| format!("#share=v1;{tail}")),
        1 => "[%;,A-Za-z0-9_ -]{0,80}".prop_map(|tail| format!("#share=v{tail}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A pasted link is hostile: it is refused with a one-line message, or
    /// read within the documented limits. Only the shape of an `Err` is
    /// checked, not its variant, so the version errors may change.
    #[test]
    fn damaged_share_links_stay_within_limits(link in share_link()) {
        match parse_share(&link) {
            Err(e) => {
                let message = e.to_string();
                prop_assert!(!message.trim().is_empty() && !message.contains('\n'));
            }
            Ok(shared) => {
                // Nothing much bigger than the cap is ever read.
                prop_assert!(link.len() <= MAX_FRAGMENT_LEN);
                prop_assert!(shared.videos.len() <= MAX_VIDEOS);
                prop_assert!(shared.videos.iter().all(|id| is_video_id(id)));
                prop_assert!(shared.dropped_over_limit == 0 || shared.videos.len() == MAX_VIDEOS);
                // The name is already in stored form, so storing it cannot fail.
                prop_assert_eq!(normalize_name(&shared.name), Ok(shared.name.clone()));
                prop_assert!(shared.name.chars().count() <= MAX_NAME_CHARS);
                // Work counter: each comma-separated entry is kept, or
                // dropped and counted, exactly once.
                let fragment = link.split_once('#').map_or(link.as_str(), |(_, f)| f);
                let ids = fragment.trim().rsplit(';').next().unwrap_or_default();
                let entries = ids.split(',').filter(|id| !id.is_empty()).count();
                prop_assert_eq!(
                    shared.videos.len() + shared.dropped_invalid + shared.dropped_over_limit,
                    entries
                );
                // Sharing what was read gives the same list back, losslessly.
                let again = parse_share(&share_fragment(&shared.name, &shared.videos));
                let again = again.map_err(|e| TestCaseError::fail(format!("re-share: {e}")))?;
                prop_assert_eq!(&again.name, &shared.name);
                prop_assert_eq!(&again.videos, &shared.videos);
                prop_assert_eq!(again.dropped_invalid + again.dropped_over_limit, 0);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Note segments and time codes
// ---------------------------------------------------------------------------

/// Time codes, and lookalikes that are not.
const TIMES: &[&str] = &[
    "12:34", "1:02:03", "0:05", "75:30", "99:59", "1:00:00", "01:00:00",
];
const LOOKALIKES: &[&str] = &[
    "12:60",
    "1:60:00",
    "123:45",
    "1:2",
    "2024:01",
    "1:2:3:4",
    "12:345",
    "１２:３４",
    "12：34",
];
/// What stands between them: some let a time code stand alone, some glue it.
const GLUE: &[&str] = &[
    " ", "", "講", "在", "a", "v", "pm", "_", ".", ",", ":", ";", "[", "]", "(", ")", "\n", "-",
    "5", "\u{202e}",
];

fn note_text() -> impl Strategy<Value = String> {
    let code = prop_oneof![
        4 => select(TIMES).prop_map(String::from),
        2 => select(LOOKALIKES).prop_map(String::from),
        2 => "[0-9]{1,3}(:[0-9]{1,3}){0,3}",
        1 => "\\PC{0,3}",
    ];
    // Glue, code, glue, code, ...: mostly separated, sometimes glued.
    let pieces = vec((select(GLUE), code), 1..8).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(glue, code)| format!("{glue}{code}"))
            .collect::<String>()
    });
    prop_oneof![
        6 => (pieces, select(GLUE)).prop_map(|(text, end)| text + end),
        1 => "[0-9:.,a-z 講\\[\\]()_\n-]{0,60}",
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The note linker and the resume field share one grammar: every time
    /// code the linker makes into a link is one the resume field accepts,
    /// at the same second. The existing test covers the rebuild over a
    /// narrow alphabet; this adds the agreement and wider text.
    #[test]
    fn note_time_codes_agree_with_parse_time(text in note_text()) {
        let parts = segments(&text);
        let mut rebuilt = String::new();
        let mut last_was_text = false;
        let mut times = 0;
        for part in &parts {
            match *part {
                Segment::Text(t) => {
                    prop_assert!(!t.is_empty(), "empty text segment in {:?}", text);
                    prop_assert!(!last_was_text, "two text segments in a row in {:?}", text);
                    last_was_text = true;
                    rebuilt.push_str(t);
                }
                Segment::Time { text: t, secs } => {
                    prop_assert_eq!(parse_time(t), Some(secs), "{:?} in {:?}", t, text);
                    prop_assert_eq!(t.trim(), t);
                    last_was_text = false;
                    times += 1;
                    rebuilt.push_str(t);
                }
            }
        }
        prop_assert_eq!(&rebuilt, &text);
        // No more pieces than the time codes need: output linear in input.
        prop_assert!(parts.len() <= 2 * times + 1);
    }
}

// ---------------------------------------------------------------------------
// Known bugs: minimal inputs, ignored until the library is fixed
// ---------------------------------------------------------------------------

fn one_entry_with_summary(summary: &str) -> Vec<Page> {
    vec![page(
        "deep.md",
        entry("1", "", "t", "https://youtu.be/AAAAAAAAAAA", summary),
    )]
}

/// 30 nested list levels (`- - - … x`, 61 characters) once imported with
/// no problem yet nested the JSON past serde_json's recursion limit (128),
/// so the app could not read the catalogue the importer wrote. Summaries
/// now flatten past a few levels (`summary::MAX_NESTING`).
#[test]
fn deep_list_summary_is_reported_or_round_trips() {
    let pages = one_entry_with_summary(&format!("{}x", "- ".repeat(30)));
    let result = import(&pages, rules());
    let back = Catalogue::from_json(&result.catalogue.to_json());
    assert!(
        !result.problems.is_empty() || back.as_ref() == Ok(&result.catalogue),
        "no problem reported, yet the JSON does not read back: {back:?}"
    );
}

/// One 10,000-character summary line `> > > … x` (5,000 nested quotes) once
/// overflowed the stack while serializing the catalogue (`import-catalogue`
/// aborted with no message). An overflow would abort the whole test run.
#[test]
fn deep_quote_summary_does_not_overflow_the_stack() {
    // The same stack as the importer's main thread.
    let run = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(|| {
            let pages = one_entry_with_summary(&format!("{}x", "> ".repeat(5_000)));
            let result = import(&pages, rules());
            let json = result.catalogue.to_json();
            assert!(
                !result.problems.is_empty()
                    || Catalogue::from_json(&json).as_ref() == Ok(&result.catalogue)
            );
        })
        .expect("thread starts");
    run.join().expect("no panic");
}

/// Hostile text is quoted raw in problem messages: an escape sequence or a
/// carriage return in a page reaches the maintainer's terminal as is and
/// can hide or rewrite the `FILE:LINE:` in front of it.
#[test]
#[ignore = "bug (minor): control characters from the page are echoed raw in problem messages"]
fn problem_messages_quote_no_control_characters() {
    let text = "x\u{1b}[2K\rfake.md:1: all good\n".to_string();
    let result = import(&[page("p.md", text)], rules());
    for p in &result.problems {
        assert!(!p.message.chars().any(char::is_control), "{:?}", p.message);
    }
}
