//! The assignment rules on a small hand-made catalogue, where every case
//! can be set up on purpose; tests/assignment.rs runs them on the real one.

use super::*;
use crate::catalogue::{Lang, Part, Series};

/// An 11-character id from a short name: "G3" → "G3_________".
fn id(name: &str) -> VideoId {
    VideoId::parse(&format!("{name:_<11}")).expect("a short name")
}

fn ids(names: &[&str]) -> Vec<VideoId> {
    names.iter().map(|n| id(n)).collect()
}

fn series(id: &str, name_zh: &str, name_en: &str, kind: SeriesKind) -> Series {
    Series {
        id: id.into(),
        name_zh: name_zh.into(),
        name_en: name_en.into(),
        year: None,
        lang: Lang::Zh,
        kind,
        counterpart: None,
    }
}

/// `(name, title, series, lecture)`, in lecture order within each series.
const VIDEOS: &[(&str, &str, &str, Option<u32>)] = &[
    ("G0", "【生成式AI導論 2024】第0講：課程說明 (17:15 有芙莉蓮雷)", "genai2024", Some(0)),
    ("G1", "【生成式AI導論 2024】第1講：生成式AI是什麼？", "genai2024", Some(1)),
    ("G2", "【生成式AI導論 2024】第2講：今日的生成式人工智慧厲害在哪裡？從「工具」變為「工具人」", "genai2024", Some(2)),
    // Unnumbered: filed under lecture 2, like the importer ranks it.
    ("GX", "【生成式AI導論 2024】作業一說明", "genai2024", None),
    ("G3", "【生成式AI導論 2024】第3講：訓練不了人工智慧？你可以訓練你自己 (上) — 神奇咒語與提供更多資訊", "genai2024", Some(3)),
    ("G4", "【生成式AI導論 2024】第4講：訓練不了人工智慧？你可以訓練你自己 (中) — 拆解問題與使用工具", "genai2024", Some(4)),
    ("G5", "【生成式AI導論 2024】第5講：訓練不了人工智慧？你可以訓練你自己 (下) — 讓語言彼此合作", "genai2024", Some(5)),
    // Lectures 6 and 7 are missing.
    ("G8", "【生成式AI導論 2024】第8講：大型語言模型修練史 — 第三階段: 參與實戰，打磨技巧", "genai2024", Some(8)),
    ("G12", "【生成式AI導論 2024】第12講：淺談檢定大型語言模型能力的各種方式", "genai2024", Some(12)),
    ("G20", "【生成式AI導論 2024】第20講：期末總結", "genai2024", Some(20)),
    ("M1", "【機器學習2021】預測本頻道觀看人數 (上) - 機器學習基本概念簡介", "ml2021", None),
    ("M2", "【機器學習2021】預測本頻道觀看人數 (下) - 深度學習基本概念簡介", "ml2021", None),
    ("M3", "【機器學習2021】自注意力機制 (Self-attention) (上)", "ml2021", None),
    ("M4", "【機器學習2021】自注意力機制 (Self-attention) (下)", "ml2021", None),
    ("M5", "【機器學習2021】Transformer (上) – 編碼器", "ml2021", None),
    ("M6", "【機器學習2021】Transformer (下) – 解碼器", "ml2021", None),
    ("M7", "【機器學習2021】生成式對抗網路 (GAN) (一) – 基本概念介紹", "ml2021", None),
    ("E1", "[ML 2021 (English version)] Lecture 1: Predicting the views of this channel (1/2)", "ml2021-en", Some(1)),
    ("E8a", "[ML 2021 (English version)] Lecture 8: Transformer (上)", "ml2021-en", Some(8)),
    ("E8b", "[ML 2021 (English version)] Lecture 8: Transformer (下)", "ml2021-en", Some(8)),
    ("T1", "Transformer", "talks", None),
];

fn catalogue() -> Catalogue {
    let mut order = std::collections::HashMap::new();
    let videos = VIDEOS
        .iter()
        .enumerate()
        .map(|(i, &(name, title, series, lecture))| {
            let rank = order.entry(series).or_insert(0);
            *rank += 1;
            Video {
                number: i as u32 + 1,
                id: id(name),
                title: title.into(),
                date: None,
                year: None,
                year_estimated: false,
                series: series.into(),
                lecture,
                part: None::<Part>,
                order: *rank,
                lang: Lang::Zh,
                summary: None,
            }
        })
        .collect();
    Catalogue {
        format: 1,
        series: vec![
            series(
                "genai2024",
                "生成式AI導論 2024",
                "Introduction to Generative AI 2024",
                SeriesKind::Course,
            ),
            series(
                "ml2021",
                "機器學習 2021",
                "Machine Learning 2021",
                SeriesKind::Course,
            ),
            series(
                "ml2021-en",
                "機器學習 2021（英文版）",
                "Machine Learning 2021 (English version)",
                SeriesKind::Course,
            ),
            series(
                "talks",
                "研究演講與研討會",
                "Research talks",
                SeriesKind::Talks,
            ),
        ],
        videos,
    }
}

fn matched(name: &str) -> LineMatch {
    LineMatch::Matched(id(name))
}

fn ambiguous(names: &[&str]) -> LineMatch {
    LineMatch::Ambiguous(ids(names))
}

const NO_MATCH: LineMatch = LineMatch::NoMatch { unknown_id: None };

/// `match_lines` on the lines, one expectation each.
fn check(cases: &[(&str, LineMatch)]) {
    let text: String = cases.iter().map(|(line, _)| format!("{line}\n")).collect();
    let got = match_lines(&catalogue(), &text);
    assert_eq!(got.len(), cases.len());
    for ((line, want), got) in cases.iter().zip(got) {
        assert_eq!(&got, want, "{line}");
    }
}

#[test]
fn one_result_per_non_blank_line_with_its_number() {
    let text = "\n生成式AI導論 2024\n  \n第1講\n\n";
    assert_eq!(
        lines(text).collect::<Vec<_>>(),
        vec![(2, "生成式AI導論 2024"), (4, "第1講")]
    );
    assert_eq!(match_lines(&catalogue(), text).len(), 2);
    assert!(match_lines(&catalogue(), "").is_empty());
}

#[test]
fn bylines_and_view_counts_are_ignored() {
    let byline = LineMatch::Ignored(Skipped::Byline);
    check(&[
        ("Hung-yi Lee · 觀看次數：27萬次 · 11 個月前", byline.clone()),
        ("Hung-yi Lee", byline.clone()),
        ("李宏毅", byline.clone()),
        ("Hung-yi Lee • 1.2M views • 3 years ago", byline.clone()),
        ("27萬次觀看 · 3 年前", byline.clone()),
        ("1,234 views", byline.clone()),
        // "views" in a title is no view count.
        (
            "[ML 2021 (English version)] Lecture 1: Predicting the views of this channel (1/2)",
            matched("E1"),
        ),
    ]);
}

#[test]
fn links_and_bare_ids_name_their_video_or_say_it_is_missing() {
    let g1 = id("G1");
    check(&[
        (
            &format!("https://www.youtube.com/watch?v={g1}"),
            matched("G1"),
        ),
        (&format!("https://youtu.be/{g1}?t=42"), matched("G1")),
        (
            &format!("https://www.youtube.com/shorts/{g1}"),
            matched("G1"),
        ),
        (
            &format!("https://www.youtube.com/embed/{g1}"),
            matched("G1"),
        ),
        (&format!("看這個 <https://youtu.be/{g1}>"), matched("G1")),
        (&format!("  {g1}  "), matched("G1")),
        (
            "https://www.youtube.com/watch?v=Zz9Zz9Zz9Zz",
            LineMatch::NoMatch {
                unknown_id: VideoId::parse("Zz9Zz9Zz9Zz"),
            },
        ),
        (
            "Zz9Zz9Zz9Zz",
            LineMatch::NoMatch {
                unknown_id: VideoId::parse("Zz9Zz9Zz9Zz"),
            },
        ),
        (
            "https://www.youtube.com/playlist?list=PLJV_el3uVTsPz6CTopeRp2L2t4aL_Kgil",
            LineMatch::Ignored(Skipped::Playlist(
                "PLJV_el3uVTsPz6CTopeRp2L2t4aL_Kgil".into(),
            )),
        ),
        // Eleven letters are a word, not a missing video.
        ("Transformer", matched("T1")),
        ("Reinforcing", NO_MATCH),
    ]);
}

#[test]
fn headings_name_a_course() {
    check(&[
        ("生成式AI導論 2024", LineMatch::Series("genai2024".into())),
        ("機器學習 2021", LineMatch::Series("ml2021".into())),
        ("ML2021", LineMatch::Series("ml2021".into())),
        ("GenAI 2024：", LineMatch::Series("genai2024".into())),
        (
            "ML 2021 (English version)",
            LineMatch::Series("ml2021-en".into()),
        ),
        // Talks are no course to assign.
        ("研究演講與研討會", NO_MATCH),
    ]);
}

#[test]
fn lecture_numbers_in_every_form_within_the_heading_course() {
    check(&[
        ("生成式AI導論 2024", LineMatch::Series("genai2024".into())),
        ("第八講", matched("G8")),
        ("第8講", matched("G8")),
        ("第 8 讲", matched("G8")),
        ("Lecture 8", matched("G8")),
        ("L8", matched("G8")),
        ("第十二講", matched("G12")),
        ("第二十講", matched("G20")),
        ("第零講", matched("G0")),
        ("第〇講", matched("G0")),
        ("第0講", matched("G0")),
        ("第六講", NO_MATCH), // not in this catalogue
        // A course named on the line beats the heading.
        ("ML 2021 English L8", ambiguous(&["E8a", "E8b"])),
        ("機器學習 2021 第八講", NO_MATCH), // ML 2021 numbers no lecture
    ]);
}

#[test]
fn a_lecture_number_without_any_course_offers_every_course() {
    check(&[
        ("GenAI 2024 第2講", matched("G2")),
        ("第1講", ambiguous(&["G1", "E1"])),
    ]);
}

#[test]
fn titles_match_exactly_despite_tags_remarks_and_script() {
    check(&[
        (
            "【生成式AI導論 2024】第0講：課程說明 (17:15 有茉莉蓮雷)",
            matched("G0"),
        ),
        ("第0讲：课程说明", matched("G0")),
        ("【生成式AI導論2024】第1講:生成式AI是什麼?", matched("G1")),
        ("【機器學習2021】Transformer (下) — 解碼器", matched("M6")),
        ("自注意力機制 (Self-attention) (上)", matched("M3")),
    ]);
}

#[test]
fn close_titles_match_when_one_clearly_wins() {
    check(&[
        // 人工智能 for 人工智慧, – for —: still lecture 2 and 3.
        (
            "【生成式AI導論 2024】第2講：今日的生成式人工智能厲害在哪裡？從「工具」變為「工具人」",
            matched("G2"),
        ),
        (
            "【生成式AI導論 2024】第3講：訓練不了人工智能？你可以訓練你自己 (上) – 神奇咒語與提供更多資訊",
            matched("G3"),
        ),
        ("預測本頻道觀看人數 (下) - 深度學習", matched("M2")),
        // Cut off by the list view: the cut word does not count.
        ("預測本頻道觀看人數 (上) - 機器學習基本概念簡…", matched("M1")),
    ]);
}

#[test]
fn titles_that_fit_several_videos_offer_them() {
    check(&[
        ("預測本頻道觀看人數", ambiguous(&["M1", "M2"])),
        ("自注意力機制 (Self-attention)", ambiguous(&["M3", "M4"])),
        (
            "訓練不了人工智慧？你可以訓練你自己",
            ambiguous(&["G3", "G4", "G5"]),
        ),
        // Both courses have a "Transformer (上)".
        ("Transformer (上)", ambiguous(&["M5", "E8a"])),
        ("完全無關的一行字", NO_MATCH),
    ]);
}

#[test]
fn the_tag_or_heading_decides_between_courses() {
    check(&[
        ("【機器學習2021】Transformer (上)", matched("M5")),
        (
            "[ML 2021 (English version)] Transformer (上)",
            matched("E8a"),
        ),
        ("機器學習 2021", LineMatch::Series("ml2021".into())),
        ("Transformer (上)", matched("M5")),
        // The heading only prefers: a title of another course still matches.
        ("第2講：今日的生成式人工智慧厲害在哪裡？", matched("G2")),
    ]);
}

#[test]
fn a_lecture_number_settles_what_the_title_leaves_open() {
    check(&[
        ("生成式AI導論 2024", LineMatch::Series("genai2024".into())),
        // The words fit lectures 3-5 equally; "Lecture 4" picks one.
        (
            "Lecture 4: 訓練不了人工智慧？你可以訓練你自己",
            matched("G4"),
        ),
    ]);
}

#[test]
fn up_to_lines() {
    for (line, want) in [
        ("(至少看到第八講，能看完最好)", UpTo::Lecture(8)),
        ("至少看完第十二講", UpTo::Lecture(12)),
        ("至少看到「第二十講」", UpTo::Lecture(20)),
        ("至少看到 Lecture 3", UpTo::Lecture(3)),
        ("Please watch up to L8.", UpTo::Lecture(8)),
        (
            "(至少看到「Transformer (下)」，能看完最好)",
            UpTo::Title("Transformer (下)".into()),
        ),
        (
            "至少看到 Transformer (下)，能看完最好",
            UpTo::Title("Transformer (下)".into()),
        ),
        (
            "(至少看到自注意力機制 (下))",
            UpTo::Title("自注意力機制 (下)".into()),
        ),
        (
            "ＡＢ至少看到『ＧＡＮ (一)』",
            UpTo::Title("ＧＡＮ (一)".into()),
        ),
    ] {
        assert_eq!(parse_up_to(line), Some(want), "{line}");
    }
    for none in ["第八講", "至少看到", "至少看到「」", "", "Transformer (下)"] {
        assert_eq!(parse_up_to(none), None, "{none}");
    }
    check(&[(
        "(至少看到第八講，能看完最好)",
        LineMatch::UpTo(UpTo::Lecture(8)),
    )]);
}

#[test]
fn ranges_follow_lecture_order() {
    let c = catalogue();
    let r = |series: &str, from: Bound, to: Bound| range(&c, series, from, to);
    use Bound::{Lecture, Open, Video};
    assert_eq!(
        r("genai2024", Open, Lecture(2)),
        ids(&["G0", "G1", "G2", "GX"]),
        "the unnumbered video after lecture 2 is filed under it"
    );
    assert_eq!(
        r("genai2024", Lecture(3), Lecture(5)),
        ids(&["G3", "G4", "G5"])
    );
    assert_eq!(r("genai2024", Lecture(6), Open), ids(&["G8", "G12", "G20"]));
    assert_eq!(r("genai2024", Lecture(6), Lecture(7)), ids(&[]), "a gap");
    assert_eq!(r("genai2024", Open, Lecture(100)).len(), 10);
    assert_eq!(r("genai2024", Open, Open).len(), 10);
    assert_eq!(
        r("genai2024", Video(id("G3")), Video(id("G5"))),
        ids(&["G3", "G4", "G5"])
    );
    assert_eq!(
        r("ml2021", Open, Video(id("M6"))),
        ids(&["M1", "M2", "M3", "M4", "M5", "M6"])
    );
    assert_eq!(r("ml2021-en", Lecture(8), Lecture(8)), ids(&["E8a", "E8b"]));
    // Nothing to give: reversed, not in the series, no numbers, no series.
    assert!(r("genai2024", Lecture(5), Lecture(3)).is_empty());
    assert!(r("genai2024", Open, Video(id("M6"))).is_empty());
    assert!(r("ml2021", Open, Lecture(8)).is_empty());
    assert!(r("nope", Open, Open).is_empty());
}

#[test]
fn an_assignment_is_each_course_up_to_its_bound() {
    let text = "\
下一次上課前預習以下課程
生成式AI導論 2024
【生成式AI導論 2024】第0講：課程說明 (17:15 有茉莉蓮雷)
Hung-yi Lee · 觀看次數：27萬次 · 11 個月前
【生成式AI導論 2024】第1講：生成式AI是什麼？
https://www.youtube.com/playlist?list=PLJV_el3uVTsPz6CTopeRp2L2t4aL_Kgil
(至少看到第三講，能看完最好)
機器學習 2021
【機器學習2021】預測本頻道觀看人數 (上) - 機器學習基本概念簡介
預測本頻道觀看人數
(至少看到「Transformer (下)」，能看完最好)
";
    let a = assignment_playlist(&catalogue(), text);
    assert_eq!(
        a.videos,
        ids(&["G0", "G1", "G2", "GX", "G3", "M1", "M2", "M3", "M4", "M5", "M6"])
    );
    assert_eq!(
        a.unmatched,
        vec![(1, "下一次上課前預習以下課程".to_string())]
    );
    assert_eq!(a.ambiguous, vec![(10, ids(&["M1", "M2"]))]);
}

#[test]
fn listed_videos_outside_the_bound_follow_the_range() {
    let text = "生成式AI導論 2024\n第八講\n第一講\n至少看到第二講\n第一講\n";
    let a = assignment_playlist(&catalogue(), text);
    assert_eq!(a.videos, ids(&["G0", "G1", "G2", "GX", "G8"]));
    assert!(a.unmatched.is_empty() && a.ambiguous.is_empty());
}

#[test]
fn without_a_heading_the_bound_is_in_the_last_videos_course() {
    let text = "【生成式AI導論 2024】第1講：生成式AI是什麼？\n至少看到第二講\n";
    let a = assignment_playlist(&catalogue(), text);
    assert_eq!(a.videos, ids(&["G0", "G1", "G2", "GX"]));
}

#[test]
fn a_bound_that_does_not_resolve_is_reported_and_listed_videos_stay() {
    let text = "\
機器學習 2021
【機器學習2021】Transformer (上) – 編碼器
至少看到第八講
至少看到「自注意力機制」
至少看到「第0講：課程說明」
";
    let a = assignment_playlist(&catalogue(), text);
    assert_eq!(a.videos, ids(&["M5"]));
    // ML 2021 numbers no lecture; lecture 0 is another course's title.
    assert_eq!(
        a.unmatched,
        vec![
            (3, "至少看到第八講".to_string()),
            (5, "至少看到「第0講：課程說明」".to_string())
        ]
    );
    assert_eq!(a.ambiguous, vec![(4, ids(&["M3", "M4"]))]);
    // No course at all to bound.
    let a = assignment_playlist(&catalogue(), "至少看到第八講");
    assert_eq!(a.unmatched, vec![(1, "至少看到第八講".to_string())]);
}

#[test]
fn coverage_counts_lecture_numbers_and_gaps() {
    let c = catalogue();
    assert_eq!(
        coverage(&c, "genai2024"),
        Coverage {
            loaded: 9,
            expected: Some(21), // 0..=20, as there is a lecture 0
            missing_lectures: vec![6, 7, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19],
            unnumbered: 1,
        }
    );
    assert_eq!(
        coverage(&c, "ml2021-en"),
        Coverage {
            loaded: 2, // lecture 8's two parts count once
            expected: Some(8),
            missing_lectures: vec![2, 3, 4, 5, 6, 7],
            unnumbered: 0,
        }
    );
    let nothing_numbered = Coverage {
        loaded: 0,
        expected: None,
        missing_lectures: vec![],
        unnumbered: 7,
    };
    assert_eq!(coverage(&c, "ml2021"), nothing_numbered);
    assert_eq!(
        coverage(&c, "nope"),
        Coverage {
            unnumbered: 0,
            ..nothing_numbered
        }
    );
}
