//! Search end to end, on the real catalogue and on a 10,000-video one.

use std::collections::{BTreeSet, HashSet};

use super::*;
use crate::catalogue::{Catalogue, Lang};

fn real() -> Catalogue {
    Catalogue::from_json(include_str!("../../../../catalogue/catalogue.json")).unwrap()
}

fn unwatched(_: &str) -> WatchState {
    WatchState::Unwatched
}

fn text(q: &str) -> Query {
    Query {
        text: q.into(),
        ..Query::default()
    }
}

fn run(cat: &Catalogue, query: &Query) -> Results {
    search(&SearchIndex::new(cat), cat, query, &unwatched)
}

/// The lecture order of each hit, in result order.
fn lecture_orders(cat: &Catalogue, query: &Query) -> Vec<u32> {
    run(cat, query)
        .hits
        .iter()
        .map(|h| cat.videos[h.video].order)
        .collect()
}

/// What `results` highlights in `hit` (the index is built again: the
/// catalogue is small).
fn marks(cat: &Catalogue, results: &Results, hit: &Hit) -> Marks {
    results.marks(&SearchIndex::new(cat), cat, hit.video)
}

fn numbers(cat: &Catalogue, results: &Results) -> Vec<u32> {
    results
        .hits
        .iter()
        .map(|h| cat.videos[h.video].number)
        .collect()
}

fn number_set(cat: &Catalogue, q: &str) -> BTreeSet<u32> {
    numbers(cat, &run(cat, &text(q))).into_iter().collect()
}

fn video(cat: &Catalogue, number: u32) -> &crate::catalogue::Video {
    cat.videos.iter().find(|v| v.number == number).unwrap()
}

#[test]
fn simplified_query_finds_traditional_titles() {
    let cat = real();
    let results = run(&cat, &text("机器学习"));
    let expected: BTreeSet<u32> = cat
        .videos
        .iter()
        .filter(|v| {
            v.title.contains("機器學習")
                || v.summary
                    .as_ref()
                    .is_some_and(|s| s.text.contains("機器學習"))
        })
        .map(|v| v.number)
        .collect();
    let found: BTreeSet<u32> = numbers(&cat, &results).into_iter().collect();
    assert!(found.is_superset(&expected), "{found:?} ⊉ {expected:?}");
    for hit in &results.hits {
        let v = &cat.videos[hit.video];
        let summary = v.summary.as_ref().map_or(String::new(), |s| fold(&s.text));
        assert!(fold(&v.title).contains("机器学习") || summary.contains("机器学习"));
    }
    let titles: Vec<&str> = results
        .hits
        .iter()
        .map(|h| cat.videos[h.video].title.as_str())
        .collect();
    assert!(
        titles.iter().any(|t| t.starts_with("【機器學習2023】")),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("【機器學習 2022】")),
        "{titles:?}"
    );
    for hit in &results.hits {
        let title = &cat.videos[hit.video].title;
        if title.contains("機器學習") {
            assert!(
                marks(&cat, &results, hit)
                    .title
                    .iter()
                    .any(|r| &title[r.clone()] == "機器學習"),
                "{title}"
            );
        }
    }
    assert_eq!(number_set(&cat, "機器學習"), number_set(&cat, "机器学习"));
}

#[test]
fn simplified_reinforcement_learning_is_not_the_taiwanese_term() {
    let cat = real();
    let found = number_set(&cat, "强化学习");
    // 425's summary says 強化學習; the 增強式學習 lectures must not match.
    assert!(found.contains(&425), "{found:?}");
    for n in [353, 354, 355, 385] {
        assert!(!found.contains(&n), "{n} matched 强化学习");
    }
    assert!(number_set(&cat, "增强式学习").is_superset(&BTreeSet::from([353, 354, 355, 385])));

    let results = run(&cat, &text("强化学习"));
    let hit = results
        .hits
        .iter()
        .find(|h| cat.videos[h.video].number == 425)
        .unwrap();
    let marked = marks(&cat, &results, hit);
    let snippet = marked
        .snippet
        .as_ref()
        .expect("summary-only hit has a snippet");
    let marked: Vec<&str> = snippet
        .highlights
        .iter()
        .map(|r| &snippet.text[r.clone()])
        .collect();
    assert!(marked.iter().all(|m| fold(m) == "强化学习"), "{marked:?}");
    assert!(!marked.is_empty());
}

#[test]
fn full_width_and_case_fold() {
    let cat = real();
    let gan = number_set(&cat, "gan");
    assert!(gan.contains(&441));
    assert_eq!(number_set(&cat, "ＧＡＮ"), gan);
    assert_eq!(number_set(&cat, "GaN"), gan);
    let results = run(&cat, &text("ＧＡＮ"));
    let hit = results
        .hits
        .iter()
        .find(|h| cat.videos[h.video].number == 441)
        .unwrap();
    let title = &cat.videos[hit.video].title;
    assert!(marks(&cat, &results, hit)
        .title
        .iter()
        .any(|r| &title[r.clone()] == "GAN"));
}

#[test]
fn terms_are_anded() {
    let cat = real();
    for (a, b) in [
        ("chatgpt", "原理"),
        ("diffusion", "model"),
        ("語音", "模型"),
        ("機器學習", "增強式學習"),
    ] {
        let both = number_set(&cat, &format!("{a} {b}"));
        let each: BTreeSet<u32> = number_set(&cat, a)
            .intersection(&number_set(&cat, b))
            .copied()
            .collect();
        assert_eq!(both, each, "{a} {b}");
        assert!(!both.is_empty(), "{a} {b}");
    }
    let none = run(&cat, &text("diffusion 增強式學習"));
    assert!(none.partial, "no video has both: a partial result");
    let both = number_set(&cat, "diffusion")
        .intersection(&number_set(&cat, "增強式學習"))
        .count();
    assert_eq!(both, 0);
}

#[test]
fn title_hits_rank_before_summary_only_hits() {
    let cat = real();
    let results = run(&cat, &text("diffusion"));
    let in_title: Vec<bool> = results
        .hits
        .iter()
        .map(|h| fold(&cat.videos[h.video].title).contains("diffusion"))
        .collect();
    let first_summary_only = in_title
        .iter()
        .position(|t| !t)
        .expect("some summary-only hits");
    assert!(first_summary_only > 0);
    assert!(
        in_title[first_summary_only..].iter().all(|t| !t),
        "{in_title:?}"
    );
    for group in [
        &results.hits[..first_summary_only],
        &results.hits[first_summary_only..],
    ] {
        let n: Vec<u32> = group.iter().map(|h| cat.videos[h.video].number).collect();
        assert!(
            n.windows(2).all(|w| w[0] > w[1]),
            "newest first within a group: {n:?}"
        );
    }
    for hit in &results.hits[first_summary_only..] {
        let marked = marks(&cat, &results, hit);
        assert!(marked.title.is_empty());
        assert!(marked.snippet.is_some());
    }
}

#[test]
fn empty_query_lists_everything_newest_first() {
    let cat = real();
    for q in ["", "   ", "\u{3000}"] {
        let results = run(&cat, &text(q));
        assert_eq!(results.total, cat.videos.len());
        let n = numbers(&cat, &results);
        assert!(n.windows(2).all(|w| w[0] > w[1]));
        assert!(results
            .hits
            .iter()
            .all(|h| marks(&cat, &results, h) == Marks::default()));
    }
}

#[test]
fn sorts_go_both_ways() {
    let cat = real();
    let sorted = |sort| {
        let query = Query {
            sort,
            ..text("模型")
        };
        numbers(&cat, &run(&cat, &query))
    };
    use Direction::*;
    let asc = sorted(Sort::Number(Asc));
    assert!(asc.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(
        sorted(Sort::Number(Desc)),
        asc.iter().rev().copied().collect::<Vec<_>>()
    );

    let by_date = sorted(Sort::Date(Asc));
    let dates: Vec<_> = by_date
        .iter()
        .filter_map(|&n| video(&cat, n).date)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    let years: Vec<_> = by_date
        .iter()
        .filter_map(|&n| video(&cat, n).year)
        .collect();
    assert!(years.windows(2).all(|w| w[0] <= w[1]));
    let mut reversed = sorted(Sort::Date(Desc));
    reversed.reverse();
    assert_eq!(reversed, by_date);

    let by_title = sorted(Sort::Title(Asc));
    let titles: Vec<String> = by_title
        .iter()
        .map(|&n| fold(&video(&cat, n).title))
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]));
    let mut reversed = sorted(Sort::Title(Desc));
    reversed.reverse();
    assert_eq!(reversed, by_title);

    let relevance = sorted(Sort::Relevance);
    assert_eq!(
        relevance.iter().collect::<HashSet<_>>(),
        asc.iter().collect::<HashSet<_>>()
    );
}

#[test]
fn facet_counts_follow_the_text_and_are_disjunctive() {
    let cat = real();
    let all = run(&cat, &Query::default());
    let gpt = run(&cat, &text("gpt"));
    let year_counts = |r: &Results| r.facets.years.iter().map(|v| v.count).collect::<Vec<_>>();
    assert_ne!(year_counts(&all), year_counts(&gpt));
    assert_eq!(year_counts(&all).iter().sum::<usize>(), all.total);
    assert_eq!(year_counts(&gpt).iter().sum::<usize>(), gpt.total);
    // Every value is listed, zero counts included.
    assert_eq!(all.facets.years.len(), gpt.facets.years.len());
    assert_eq!(all.facets.series.len(), cat.series.len());
    assert!(gpt.facets.series.iter().any(|v| v.count == 0));
    let years: Vec<u16> = all.facets.years.iter().map(|v| v.value).collect();
    assert!(
        years.windows(2).all(|w| w[0] > w[1]),
        "newest first: {years:?}"
    );
    let series: Vec<&str> = all.facets.series.iter().map(|v| v.value.as_str()).collect();
    let catalogue_order: Vec<&str> = cat.series.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(series, catalogue_order);

    // Selecting a year leaves the year counts as they were (other years stay
    // selectable) and narrows every other facet.
    let query = Query {
        years: vec![2024],
        ..text("gpt")
    };
    let picked = run(&cat, &query);
    assert_eq!(year_counts(&picked), year_counts(&gpt));
    assert!(picked
        .facets
        .years
        .iter()
        .any(|v| v.value == 2024 && v.selected));
    let y2024 = gpt
        .facets
        .years
        .iter()
        .find(|v| v.value == 2024)
        .unwrap()
        .count;
    assert_eq!(picked.total, y2024);
    let langs = |r: &Results| r.facets.langs.iter().map(|v| v.count).sum::<usize>();
    assert_eq!(langs(&picked), picked.total);

    // Two years: OR within the facet.
    let two = run(
        &cat,
        &Query {
            years: vec![2024, 2023],
            ..text("gpt")
        },
    );
    let y2023 = gpt
        .facets
        .years
        .iter()
        .find(|v| v.value == 2023)
        .unwrap()
        .count;
    assert_eq!(two.total, y2024 + y2023);

    // Across facets: AND.
    let and = run(
        &cat,
        &Query {
            years: vec![2024, 2023],
            langs: vec![Lang::En],
            ..text("gpt")
        },
    );
    assert!(and
        .hits
        .iter()
        .all(|h| cat.videos[h.video].lang == Lang::En));
    assert!(and.total <= two.total);
}

#[test]
fn watch_state_filters_and_counts() {
    let cat = real();
    let watched: HashSet<&str> = cat.videos.iter().take(10).map(|v| v.id.as_str()).collect();
    let watch = |id: &str| {
        if watched.contains(id) {
            WatchState::Watched
        } else {
            WatchState::Unwatched
        }
    };
    let index = SearchIndex::new(&cat);
    let all = search(&index, &cat, &Query::default(), &watch);
    let counts: Vec<usize> = all.facets.watched.iter().map(|v| v.count).collect();
    assert_eq!(counts, [cat.videos.len() - 10, 0, 10]);

    let only = Query {
        watched: vec![WatchState::Watched],
        ..Query::default()
    };
    assert_eq!(search(&index, &cat, &only, &watch).total, 10);

    let hide = Query {
        hide_watched: true,
        ..Query::default()
    };
    let hidden = search(&index, &cat, &hide, &watch);
    assert_eq!(hidden.total, cat.videos.len() - 10);
    assert!(hidden
        .hits
        .iter()
        .all(|h| !watched.contains(cat.videos[h.video].id.as_str())));
    assert_eq!(hidden.facets.watched[2].count, 0);
}

#[test]
fn hostile_queries_are_harmless() {
    let cat = real();
    let index = SearchIndex::new(&cat);
    let long = "機器學習 ".repeat(5_000);
    let hostile = [
        ".*", "(", "[", "\\", "^$", "a|b", "🤖", "\u{FFFD}", "\0", "%", "\u{200B}", "\u{202E}",
        &long,
    ];
    for q in hostile {
        let results = search(&index, &cat, &text(q), &unwatched);
        for hit in &results.hits {
            let title = &cat.videos[hit.video].title;
            assert!(results
                .marks(&index, &cat, hit.video)
                .title
                .iter()
                .all(|r| title.get(r.clone()).is_some()));
        }
    }
    assert!(number_set(&cat, ".*").is_empty());
}

#[test]
fn a_mismatched_catalogue_does_not_panic() {
    let cat = real();
    let index = SearchIndex::new(&cat);
    let mut other = cat.clone();
    other.videos.truncate(5);
    other.videos.iter_mut().for_each(|v| v.title = "x".into());
    let results = search(&index, &other, &text("機器學習"), &unwatched);
    assert!(results.total <= 5);
    let empty = Catalogue {
        videos: vec![],
        ..cat.clone()
    };
    assert_eq!(
        search(&SearchIndex::new(&empty), &empty, &text("a"), &unwatched).total,
        0
    );
}

/// The real catalogue cloned up to 10,000 videos (new numbers and ids): every
/// copy must behave like the original it was cloned from.
#[test]
fn ten_thousand_videos_give_the_same_answers_per_copy() {
    let cat = real();
    let big = cat.repeated_to(10_000);
    let index = SearchIndex::new(&big);
    assert_eq!(index.len(), 10_000);
    for q in ["机器学习", "gan", "diffusion 模型", "强化学习", ""] {
        let small: HashSet<u32> = number_set(&cat, q).into_iter().collect();
        let expected = big
            .videos
            .iter()
            .enumerate()
            .filter(|(i, _)| small.contains(&cat.videos[i % cat.videos.len()].number))
            .count();
        let results = search(&index, &big, &text(q), &unwatched);
        assert_eq!(results.total, expected, "{q}");
        let n = numbers(&big, &results);
        assert_eq!(n.iter().collect::<HashSet<_>>().len(), n.len());
        let years: usize = results.facets.years.iter().map(|v| v.count).sum();
        assert_eq!(years, expected);
    }
}

fn shared() -> &'static (Catalogue, SearchIndex) {
    static SHARED: std::sync::OnceLock<(Catalogue, SearchIndex)> = std::sync::OnceLock::new();
    SHARED.get_or_init(|| {
        let cat = real();
        let index = SearchIndex::new(&cat);
        (cat, index)
    })
}

/// A query text: anything at all, or a piece of a real title (so that
/// there are hits, highlights and snippets to check).
fn query_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = (0..1000usize, 0..40usize, 1..6usize).prop_map(|(v, from, len)| {
        let cat = &shared().0;
        let title = &cat.videos[v % cat.videos.len()].title;
        title.chars().skip(from).take(len).collect::<String>()
    });
    prop_oneof![any::<String>(), piece]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    #[test]
    fn any_search_is_well_formed(q in query_text(), url in "[a-z=&0-9%-]{0,30}") {
        let (cat, index) = shared();
        let query = Query { text: q, ..Query::from_url_query(&url) };
        let results = search(index, cat, &query, &unwatched);
        proptest::prop_assert_eq!(results.total, results.hits.len());
        for hit in &results.hits {
            let title = &cat.videos[hit.video].title;
            let marked = results.marks(index, cat, hit.video);
            for r in &marked.title {
                proptest::prop_assert!(title.get(r.clone()).is_some_and(|s| !s.is_empty()));
            }
            proptest::prop_assert!(marked.title.windows(2).all(|w| w[0].end < w[1].start));
            if let Some(s) = &marked.snippet {
                for r in &s.highlights {
                    proptest::prop_assert!(s.text.get(r.clone()).is_some_and(|t| !t.is_empty()));
                }
            }
        }
    }
}

#[test]
fn one_series_comes_in_lecture_order_unless_another_order_is_chosen() {
    let cat = real();
    let course = |sort| Query {
        series: vec!["genai2024".into()],
        sort,
        ..Query::default()
    };
    let auto = lecture_orders(&cat, &course(Sort::Auto));
    assert!(auto.len() > 10, "the seed catalogue holds GenAI 2024");
    assert!(
        auto.windows(2).all(|w| w[0] < w[1]),
        "lecture order: {auto:?}"
    );
    assert_eq!(course(Sort::Auto).effective_sort(), Sort::Lecture);
    assert_eq!(lecture_orders(&cat, &course(Sort::Lecture)), auto);
    let relevance = lecture_orders(&cat, &course(Sort::Relevance));
    assert_ne!(relevance, auto, "a chosen order is kept");
    assert_eq!(Query::default().effective_sort(), Sort::Relevance);

    // Across series: series in catalogue order, each in lecture order.
    let all = run(
        &cat,
        &Query {
            sort: Sort::Lecture,
            ..Query::default()
        },
    );
    let keys: Vec<(usize, u32)> = all
        .hits
        .iter()
        .map(|h| {
            let v = &cat.videos[h.video];
            (
                cat.series.iter().position(|s| s.id == v.series).unwrap(),
                v.order,
            )
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]));
}

/// The facet path (the default view, the course ticked as the panel edits
/// the query, then written to the URL and read back as the router does)
/// and the URL path (`?series=genai2024` opened directly) give one order,
/// lecture order. The app's list drew the first path wrongly once (kept
/// rows left in place by the keyed diff; `src/ui/keyed.rs`); this holds
/// the core's half.
#[test]
fn the_facet_path_and_the_url_path_give_one_order() {
    use crate::catalogue_view::{CatalogueView, PAGE};
    let cat = real();
    let mut ticked = CatalogueView::from_url_query("").query;
    ticked.series.push("genai2024".into());
    let written = CatalogueView::new(ticked.clone(), PAGE).to_url_query();
    assert_eq!(written, "series=genai2024");
    let read_back = CatalogueView::from_url_query(&written).query;
    let opened = CatalogueView::from_url_query("?series=genai2024").query;
    let facet = lecture_orders(&cat, &ticked);
    assert_eq!(lecture_orders(&cat, &read_back), facet);
    assert_eq!(lecture_orders(&cat, &opened), facet);
    assert!(
        facet.len() > 10 && facet.windows(2).all(|w| w[0] < w[1]),
        "{facet:?}"
    );
}

// How students ask: links, course names, lecture numbers, partial results.

fn ids(cat: &Catalogue, q: &str) -> Vec<String> {
    run(cat, &text(q))
        .hits
        .iter()
        .map(|h| cat.videos[h.video].id.to_string())
        .collect()
}

fn series_numbers(cat: &Catalogue, series: &str) -> BTreeSet<u32> {
    cat.videos
        .iter()
        .filter(|v| v.series == series)
        .map(|v| v.number)
        .collect()
}

#[test]
fn a_link_or_id_finds_exactly_its_video() {
    let cat = real();
    for q in [
        "https://www.youtube.com/watch?v=AVIKFXLCPY8",
        "https://youtube.com/watch?v=AVIKFXLCPY8&t=1035s",
        "  https://youtu.be/AVIKFXLCPY8?si=abc ",
        "youtu.be/AVIKFXLCPY8",
        "https://www.youtube.com/shorts/AVIKFXLCPY8",
        "https://www.youtube.com/embed/AVIKFXLCPY8?start=5",
        "https://www.youtube.com/watch?v=AVIKFXLCPY8&list=PLJV_el3uVTsPz6CTopeRp2L2t4aL_Kgil",
        "AVIKFXLCPY8",
        " AVIKFXLCPY8\n",
    ] {
        let results = run(&cat, &text(q));
        assert_eq!(ids(&cat, q), ["AVIKFXLCPY8"], "{q}");
        assert!(!results.partial, "{q}");
    }
    // A link to a video the catalogue lacks finds nothing, not everything.
    let missing = run(&cat, &text("https://youtu.be/AAAAAAAAAAA"));
    assert_eq!(missing.total, 0);
    assert!(!missing.partial);
    // An 11-letter word is a word: "transformer" still searches titles.
    let word = ids(&cat, "transformer");
    assert!(word.contains(&"uhNsUCb2fJI".to_string()), "{word:?}");
    // A link among other words is text (and finds nothing here).
    assert!(!ids(&cat, "AVIKFXLCPY8 gan").contains(&"AVIKFXLCPY8".to_string()));
}

#[test]
fn course_names_as_students_say_them_match_the_whole_course() {
    let cat = real();
    for (q, series) in [
        ("GenAI 2024", "genai2024"),
        ("genai2024", "genai2024"),
        ("GenAI", "genai2024"),
        ("生成式AI導論 2024", "genai2024"),
        ("生成式AI導論2024", "genai2024"),
        ("生成式ai导论 2024", "genai2024"),
        ("Introduction to Generative AI 2024", "genai2024"),
        ("ML2021", "ml2021"),
        ("ML 2021", "ml2021"),
        ("ml 2021", "ml2021"),
        ("機器學習 2021", "ml2021"),
        ("机器学习2021", "ml2021"),
        ("Machine Learning 2021", "ml2021"),
        ("ML 2021 English", "ml2021-en"),
        ("ML2025", "ml2025"),
        ("ML 2023", "ml2023"),
        ("機器學習 2022", "ml2022"),
    ] {
        let found = number_set(&cat, q);
        let course = series_numbers(&cat, series);
        assert!(!course.is_empty(), "{series}");
        assert!(found.is_superset(&course), "{q}: {found:?} ⊉ {course:?}");
        assert!(!run(&cat, &text(q)).partial, "{q}");
    }
    // A course named alone comes in lecture order.
    let genai = run(&cat, &text("GenAI 2024"));
    let lectures: Vec<Option<u32>> = genai
        .hits
        .iter()
        .map(|h| cat.videos[h.video].lecture)
        .collect();
    assert_eq!(lectures, (0..=18).map(Some).collect::<Vec<_>>());
    // 生成式AI is an alias of ml2023, yet still finds every title saying it.
    let found = number_set(&cat, "生成式AI");
    assert!(found.is_superset(&series_numbers(&cat, "ml2023")));
    assert!(found.is_superset(&series_numbers(&cat, "genai2024")));
}

#[test]
fn a_course_name_with_other_words_narrows_to_that_course() {
    let cat = real();
    let reinforcement = number_set(&cat, "reinforcement");
    let expected: BTreeSet<u32> = series_numbers(&cat, "ml2021")
        .intersection(&reinforcement)
        .copied()
        .collect();
    assert_eq!(expected.len(), 3);
    assert_eq!(number_set(&cat, "ML2021 reinforcement"), expected);
    assert_eq!(number_set(&cat, "reinforcement 機器學習2021"), expected);
    // "ML 2021" words are in the English version's titles too.
    let spaced = number_set(&cat, "ML 2021 reinforcement");
    assert!(spaced.is_superset(&expected));
    assert!(spaced.iter().all(|n| reinforcement.contains(n)));
}

#[test]
fn course_aliases_of_the_assignment_table_work_in_search() {
    let mut cat = real();
    cat.series.push(crate::catalogue::Series {
        id: "dlhlp2020".into(),
        name_zh: "深度學習與人類語言處理 2020".into(),
        name_en: "Deep Learning for Human Language Processing 2020".into(),
        year: Some(2020),
        lang: Lang::Zh,
        kind: crate::catalogue::SeriesKind::Course,
        counterpart: None,
    });
    let moved = cat.videos.iter().position(|v| v.series == "other").unwrap();
    cat.videos[moved].series = "dlhlp2020".into();
    let id = cat.videos[moved].id.to_string();
    for q in ["DLHLP", "dlhlp", "深度學習與人類語言處理 2020"] {
        assert_eq!(ids(&cat, q), std::slice::from_ref(&id), "{q}");
    }
}

#[test]
fn lecture_numbers_in_any_form() {
    let cat = real();
    for q in [
        "GenAI 2024 第8講",
        "GenAI 2024 第八講",
        "genai 2024 第 8 講",
        "生成式AI導論 2024 第8讲",
        "GenAI 2024 Lecture 8",
        "GenAI 2024 lecture 8",
        "GenAI 2024 L8",
        "第八講 GenAI 2024",
    ] {
        let results = run(&cat, &text(q));
        assert_eq!(ids(&cat, q), ["v12IKvF6Cj8"], "{q}");
        assert!(!results.partial, "{q}");
    }
    // Without a course: every video of that lecture number.
    let twelve = run(&cat, &text("第十二講"));
    assert!(!twelve.hits.is_empty());
    for hit in &twelve.hits {
        let video = &cat.videos[hit.video];
        assert!(
            video.lecture == Some(12) || video.title.contains("第12講"),
            "{}",
            video.title
        );
    }
    assert!(ids(&cat, "Lecture 27").contains(&"8AKqH6V9kjE".to_string()));
    // The lecture reference is highlighted in the title.
    let results = run(&cat, &text("GenAI 2024 第8講"));
    let hit = &results.hits[0];
    let title = &cat.videos[hit.video].title;
    let marked: Vec<&str> = marks(&cat, &results, hit)
        .title
        .iter()
        .map(|r| &title[r.clone()])
        .collect();
    assert!(marked.contains(&"第8講"), "{marked:?}");
}

#[test]
fn nothing_with_every_word_gives_the_videos_with_most_words() {
    let cat = real();
    let results = run(&cat, &text("diffusion zzzzqqq"));
    assert!(results.partial);
    assert_eq!(
        numbers(&cat, &results).into_iter().collect::<BTreeSet<_>>(),
        number_set(&cat, "diffusion")
    );
    // Videos meeting two of three words come before those meeting one.
    let results = run(&cat, &text("diffusion gan zzzzqqq"));
    assert!(results.partial);
    let both = number_set(&cat, "diffusion gan");
    assert!(!both.is_empty());
    let first: BTreeSet<u32> = numbers(&cat, &results)
        .into_iter()
        .take(both.len())
        .collect();
    assert_eq!(first, both);
    assert!(results.total > both.len());
    // Facet counts follow the partial list.
    let lang_total: usize = results.facets.langs.iter().map(|f| f.count).sum();
    assert_eq!(lang_total, results.total);
    // Nothing at all: still an empty, non-partial result.
    let nothing = run(&cat, &text("zzzzqqq qqqzzzz"));
    assert_eq!(nothing.total, 0);
    assert!(!nothing.partial);
    // One word is never partial.
    assert!(!run(&cat, &text("zzzzqqq")).partial);
}

#[test]
fn the_search_box_examples_find_lectures() {
    let cat = real();
    let i18n = include_str!("../../../../src/i18n.rs");
    let examples: Vec<&str> = i18n
        .lines()
        .filter(|l| l.trim_start().starts_with("search_placeholder:"))
        .filter_map(|l| {
            let l = l.trim_end().trim_end_matches(',').trim_end_matches('"');
            l.rsplit_once("例如：")
                .or_else(|| l.rsplit_once("e.g. "))
                .map(|(_, e)| e)
        })
        .collect();
    assert_eq!(examples.len(), 2, "{examples:?}");
    for example in examples
        .into_iter()
        .chain(["机器学习 強化學習", "diffusion agent"])
    {
        let results = run(&cat, &text(example));
        assert!(results.total > 0, "{example}");
    }
}

/// An entry without a date or a summary (a page that gave neither, its year
/// estimated) is found, counted and ordered like any other.
#[test]
fn an_entry_without_date_or_summary_searches_counts_and_orders_as_before() {
    let before = real();
    let mut cat = real();
    // 【生成式AI導論 2024】第1講, dated and summarised in the seed.
    let bare = cat.videos.iter_mut().find(|v| v.number == 422).unwrap();
    assert!(bare.date.is_some() && bare.summary.is_some());
    bare.date = None;
    bare.summary = None;
    bare.year_estimated = true;

    let found = run(&cat, &text("生成式AI是什麼"));
    assert!(numbers(&cat, &found).contains(&422));
    let hit = found
        .hits
        .iter()
        .find(|h| cat.videos[h.video].number == 422)
        .unwrap();
    let marks = marks(&cat, &found, hit);
    assert!(!marks.title.is_empty());
    assert_eq!(marks.snippet, None);

    // The same order, newest first and in lecture order.
    assert_eq!(
        numbers(&cat, &run(&cat, &text(""))),
        numbers(&before, &run(&before, &text("")))
    );
    let course = Query {
        series: vec!["genai2024".into()],
        ..Query::default()
    };
    assert_eq!(
        numbers(&cat, &run(&cat, &course)),
        numbers(&before, &run(&before, &course))
    );

    // Counted under "no summary", its (estimated) year kept.
    let count = |c: &Catalogue, with: bool| {
        run(c, &text(""))
            .facets
            .summary
            .iter()
            .find(|f| f.value == with)
            .map_or(0, |f| f.count)
    };
    assert_eq!(count(&cat, false), count(&before, false) + 1);
    assert_eq!(count(&cat, true), count(&before, true) - 1);
    let without = Query {
        summary: Some(false),
        ..Query::default()
    };
    assert!(numbers(&cat, &run(&cat, &without)).contains(&422));
    let year = Query {
        years: vec![2024],
        ..Query::default()
    };
    assert_eq!(run(&cat, &year).total, run(&before, &year).total);
}

#[test]
fn a_misspelled_word_searches_as_its_one_nearest_word() {
    let cat = real();
    for (typed, meant) in [("attension", "attention"), ("Transfomer", "transformer")] {
        let results = run(&cat, &text(typed));
        assert_eq!(results.corrected.as_deref(), Some(meant), "{typed}");
        assert_eq!(
            numbers(&cat, &results),
            numbers(&cat, &run(&cat, &text(meant)))
        );
        assert!(results.total > 0, "{typed}");
        let first = results.hits[0].video;
        assert!(
            !marks(&cat, &results, &results.hits[0]).title.is_empty()
                || cat.videos[first].summary.is_some()
        );
    }
    // The rest of the text stays as typed.
    let results = run(&cat, &text("self-attension"));
    assert!(results.total > 0 || !results.suggestions.is_empty() || results.corrected.is_none());
}

#[test]
fn nonsense_and_chinese_get_no_suggestion() {
    let cat = real();
    for q in ["zzqx", "qwxzvbn", "模形形", "ｚｚｑｘ"] {
        let results = run(&cat, &text(q));
        assert_eq!(results.total, 0, "{q}");
        assert_eq!(results.corrected, None, "{q}");
        assert!(results.suggestions.is_empty(), "{q}");
    }
    // A word the catalogue holds is never corrected.
    let results = run(&cat, &text("transformer"));
    assert_eq!(results.corrected, None);
}

#[test]
fn several_near_words_are_suggested_not_chosen() {
    let cat = Catalogue::from_json(
        r#"{"format":1,"series":[{"id":"s","name_zh":"S","name_en":"S","year":2024,"lang":"en","kind":"course"}],"videos":[
            {"number":1,"id":"aaaaaaaaaaa","title":"Model basics","year":2024,"series":"s","lecture":1,"order":1,"lang":"en"},
            {"number":2,"id":"bbbbbbbbbbb","title":"Modes of failure","year":2024,"series":"s","lecture":2,"order":1,"lang":"en"}]}"#,
    )
    .unwrap();
    let results = run(&cat, &text("mode basics"));
    assert_eq!(results.corrected, None);
    let results = run(&cat, &text("Modez"));
    assert_eq!(results.corrected, None);
    assert_eq!(results.total, 0);
    assert_eq!(results.suggestions, ["model", "modes"]);
}

#[test]
fn the_professor_and_the_channel_match_every_lecture() {
    let cat = real();
    for q in ["李宏毅", "Hung-yi Lee", "hungyi lee", "李宏毅老師"] {
        assert_eq!(run(&cat, &text(q)).total, cat.videos.len(), "{q}");
    }
    assert_eq!(
        number_set(&cat, "李宏毅 transformer"),
        number_set(&cat, "transformer")
    );
    assert_eq!(number_set(&cat, "Hung-yi Lee GAN"), number_set(&cat, "gan"));
}

#[test]
fn a_number_no_video_holds_does_not_reorder() {
    let cat = real();
    let with = run(&cat, &text("genai 2204"));
    let without = run(&cat, &text("genai"));
    assert_eq!(numbers(&cat, &with), numbers(&cat, &without));
    assert!(!with.partial);
    assert_eq!(with.ignored, ["2204"]);
    let first = &cat.videos[with.hits[0].video];
    assert!(first.lecture <= Some(1), "{}", first.title);
    // A year or lecture number still counts.
    assert!(run(&cat, &text("genai 2024")).ignored.is_empty());
}
