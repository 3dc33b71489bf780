//! The search state, and its URL form (`?q=…&year=2024&sort=date-desc`), so
//! a search can be bookmarked, shared and reached with Back.
//!
//! Parsing forgives everything (unknown keys, bad values, broken escapes are
//! skipped); writing is canonical (defaults left out, keys in a fixed order,
//! values sorted and distinct), so one search has exactly one URL.

use crate::catalogue::Lang;
use crate::watch::WatchState;

use super::percent;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Asc,
    Desc,
}

/// The order of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Not chosen: lecture order when exactly one series is filtered (a
    /// course is watched in order), else relevance. Never in a URL.
    #[default]
    Auto,
    /// Title matches first, then newest first (the catalogue's own order
    /// when there is no text).
    Relevance,
    /// Course order: series as the catalogue lists them, then each
    /// series' lecture order (lecture number, then part).
    Lecture,
    /// By catalogue (upload) number.
    Number(Direction),
    /// By date; undated videos by their year and upload order.
    Date(Direction),
    /// By folded title.
    Title(Direction),
}

impl Sort {
    /// The orders a student can choose.
    pub const ALL: [Sort; 8] = [
        Sort::Relevance,
        Sort::Lecture,
        Sort::Number(Direction::Asc),
        Sort::Number(Direction::Desc),
        Sort::Date(Direction::Asc),
        Sort::Date(Direction::Desc),
        Sort::Title(Direction::Asc),
        Sort::Title(Direction::Desc),
    ];

    /// The form used in URLs (`sort=date-desc`).
    pub fn code(self) -> &'static str {
        use Direction::*;
        match self {
            Sort::Auto => "",
            Sort::Relevance => "relevance",
            Sort::Lecture => "lecture",
            Sort::Number(Asc) => "number-asc",
            Sort::Number(Desc) => "number-desc",
            Sort::Date(Asc) => "date-asc",
            Sort::Date(Desc) => "date-desc",
            Sort::Title(Asc) => "title-asc",
            Sort::Title(Desc) => "title-desc",
        }
    }

    /// Also takes a bare `number`, `date` or `title` (hand-typed URLs) in
    /// its natural direction: newest first, titles A to Z.
    pub fn from_code(code: &str) -> Option<Sort> {
        match code {
            "number" => Some(Sort::Number(Direction::Desc)),
            "date" => Some(Sort::Date(Direction::Desc)),
            "title" => Some(Sort::Title(Direction::Asc)),
            _ => Sort::ALL.into_iter().find(|s| s.code() == code),
        }
    }
}

/// What the user searches for. Within one facet the values are
/// alternatives; facets, the text and `hide_watched` all must hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub text: String,
    pub years: Vec<u16>,
    /// Series ids.
    pub series: Vec<String>,
    pub langs: Vec<Lang>,
    /// `Some(true)`: only videos with a summary; `Some(false)`: only without.
    pub summary: Option<bool>,
    pub watched: Vec<WatchState>,
    pub hide_watched: bool,
    pub sort: Sort,
}

impl Query {
    /// The order results come in: [`Sort::Auto`] resolved.
    pub fn effective_sort(&self) -> Sort {
        match self.sort {
            Sort::Auto if self.series.len() == 1 => Sort::Lecture,
            Sort::Auto => Sort::Relevance,
            chosen => chosen,
        }
    }

    /// Parses a URL query string (with or without its leading `?`). Repeated
    /// keys add values; for single-valued keys the first usable value wins.
    /// The result is canonical.
    pub fn from_url_query(url_query: &str) -> Query {
        let url_query = url_query.strip_prefix('?').unwrap_or(url_query);
        let mut query = Query::default();
        let (mut text, mut summary, mut sort) = (None, None, None);
        for pair in url_query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent::decode(value);
            match percent::decode(key).as_str() {
                "q" => {
                    text.get_or_insert(value);
                }
                "year" => query.years.extend(parse_year(&value)),
                "series" => query.series.push(value),
                "lang" => query.langs.extend(Lang::from_code(&value)),
                "summary" => summary = summary.or(parse_flag(&value)),
                "watched" => query.watched.extend(WatchState::from_code(&value)),
                "hide" => query.hide_watched |= value == "watched",
                "sort" => sort = sort.or(Sort::from_code(&value)),
                _ => {}
            }
        }
        query.text = text.unwrap_or_default();
        query.summary = summary;
        query.sort = sort.unwrap_or_default();
        query.canonical()
    }

    /// The canonical URL query string, without the leading `?` (empty for
    /// the default query).
    pub fn to_url_query(&self) -> String {
        let query = self.canonical();
        let mut out = String::new();
        let mut put = |key: &str, value: &str| {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(key);
            out.push('=');
            percent::encode(value, &mut out);
        };
        if !query.text.is_empty() {
            put("q", &query.text);
        }
        query.years.iter().for_each(|y| put("year", &y.to_string()));
        query.series.iter().for_each(|s| put("series", s));
        query.langs.iter().for_each(|l| put("lang", l.code()));
        if let Some(has) = query.summary {
            put("summary", if has { "1" } else { "0" });
        }
        query.watched.iter().for_each(|w| put("watched", w.code()));
        if query.hide_watched {
            put("hide", "watched");
        }
        if query.sort != Sort::Auto {
            put("sort", query.sort.code());
        }
        out
    }

    /// The same search with its lists sorted and distinct and empty series
    /// ids dropped: what a round trip through the URL gives.
    pub fn canonical(&self) -> Query {
        let mut query = self.clone();
        sort_dedup(&mut query.years);
        query.series.retain(|s| !s.is_empty());
        sort_dedup(&mut query.series);
        sort_dedup(&mut query.langs);
        sort_dedup(&mut query.watched);
        query
    }
}

/// One active filter of a [`Query`]: what a removable chip stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Filter {
    Year(u16),
    Series(String),
    Lang(Lang),
    /// `true`: with a summary; `false`: without.
    Summary(bool),
    Watched(WatchState),
    HideWatched,
}

impl Query {
    /// Every active filter (not the text, not the sort), in the filter
    /// panel's order, each value once.
    pub fn filters(&self) -> Vec<Filter> {
        let q = self.canonical();
        let mut out = Vec::new();
        out.extend(q.years.iter().copied().map(Filter::Year));
        out.extend(q.series.iter().cloned().map(Filter::Series));
        out.extend(q.langs.iter().copied().map(Filter::Lang));
        out.extend(q.summary.map(Filter::Summary));
        out.extend(q.watched.iter().copied().map(Filter::Watched));
        if q.hide_watched {
            out.push(Filter::HideWatched);
        }
        out
    }

    /// This search without `filter` (as unticking it in the panel would).
    pub fn without(&self, filter: &Filter) -> Query {
        let mut q = self.clone();
        match filter {
            Filter::Year(y) => q.years.retain(|v| v != y),
            Filter::Series(s) => q.series.retain(|v| v != s),
            Filter::Lang(l) => q.langs.retain(|v| v != l),
            Filter::Summary(has) => {
                if q.summary == Some(*has) {
                    q.summary = None;
                }
            }
            Filter::Watched(w) => q.watched.retain(|v| v != w),
            Filter::HideWatched => q.hide_watched = false,
        }
        q
    }

    /// This search with no filters: the text and the sort stay.
    pub fn without_filters(&self) -> Query {
        Query {
            text: self.text.clone(),
            sort: self.sort,
            ..Query::default()
        }
    }
}

fn sort_dedup<T: Ord>(values: &mut Vec<T>) {
    values.sort_unstable();
    values.dedup();
}

/// Plain decimal digits only (no sign, no spaces).
fn parse_year(value: &str) -> Option<u16> {
    let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| value.parse().ok()).flatten()
}

fn parse_flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn filters_list_each_active_value_and_remove_one_at_a_time() {
        let q = Query::from_url_query(
            "q=attention&year=2024&year=2023&series=ml2021&lang=en&summary=0&watched=watched&hide=watched&sort=date-asc",
        );
        let filters = q.filters();
        assert_eq!(
            filters,
            vec![
                Filter::Year(2023),
                Filter::Year(2024),
                Filter::Series("ml2021".into()),
                Filter::Lang(Lang::En),
                Filter::Summary(false),
                Filter::Watched(WatchState::Watched),
                Filter::HideWatched,
            ]
        );
        // Removing a filter is unticking it: the URL loses that value only.
        assert_eq!(
            q.without(&Filter::Year(2024)).to_url_query(),
            "q=attention&year=2023&series=ml2021&lang=en&summary=0&watched=watched&hide=watched&sort=date-asc"
        );
        let mut left = q.clone();
        for f in &filters {
            left = left.without(f);
        }
        assert_eq!(left.to_url_query(), "q=attention&sort=date-asc");
        assert_eq!(q.without_filters(), left);
        assert!(left.filters().is_empty());
        // A filter that is not active changes nothing.
        assert_eq!(q.without(&Filter::Summary(true)), q);
        assert_eq!(q.without(&Filter::Year(1999)), q);
    }

    #[test]
    fn parses_every_key() {
        let q = Query::from_url_query(
            "?q=%E6%A9%9F%E5%99%A8+%E5%AD%B8%E7%BF%92&year=2024&year=2023&series=ml2023\
             &lang=zh&summary=1&watched=watched&watched=in-progress&hide=watched&sort=date-desc",
        );
        assert_eq!(
            q,
            Query {
                text: "機器 學習".into(),
                years: vec![2023, 2024],
                series: vec!["ml2023".into()],
                langs: vec![Lang::Zh],
                summary: Some(true),
                watched: vec![WatchState::InProgress, WatchState::Watched],
                hide_watched: true,
                sort: Sort::Date(Direction::Desc),
            }
        );
    }

    #[test]
    fn writes_canonical_form() {
        let q = Query {
            text: "GAN & VAE".into(),
            years: vec![2024, 2021, 2024],
            series: vec!["b".into(), "".into(), "a".into()],
            langs: vec![Lang::En, Lang::Zh],
            summary: Some(false),
            watched: vec![WatchState::Watched, WatchState::Unwatched],
            hide_watched: true,
            sort: Sort::Number(Direction::Asc),
        };
        assert_eq!(
            q.to_url_query(),
            "q=GAN+%26+VAE&year=2021&year=2024&series=a&series=b&lang=zh&lang=en&summary=0\
             &watched=unwatched&watched=watched&hide=watched&sort=number-asc"
        );
        assert_eq!(Query::default().to_url_query(), "");
        assert_eq!(
            Query {
                sort: Sort::Relevance,
                ..Query::default()
            }
            .to_url_query(),
            "sort=relevance",
            "a chosen relevance order is kept, even where lecture order is the default"
        );
    }

    #[test]
    fn sort_codes_round_trip_and_bare_names_work() {
        for sort in Sort::ALL {
            assert_eq!(Sort::from_code(sort.code()), Some(sort));
        }
        assert_eq!(Sort::from_code("date"), Some(Sort::Date(Direction::Desc)));
        assert_eq!(Sort::from_code("title"), Some(Sort::Title(Direction::Asc)));
        assert_eq!(Sort::from_code("relevance-desc"), None);
    }

    #[test]
    fn hostile_input_is_ignored_not_fatal() {
        let hostile = [
            "",
            "?",
            "??q=a",
            "&&&=&=&",
            "q",
            "q=%",
            "q=%E6%A9",
            "q=%ED%A0%80",
            "q=\u{FFFD}",
            "year=-1&year=99999&year=+2024&year=%202024&year=2024.0&year=",
            "lang=fr&lang=ZH&lang=",
            "watched=WATCHED&watched=in_progress",
            "summary=maybe&summary=",
            "sort=bogus&sort=date-ascending",
            "hide=all&hide=1",
            "series=&series=%00",
            "q=.*%2B%3F()%5B%5D%7B%7D%7C%5C%5E%24",
            "q=a&q=b",
            "%71=key-escaped",
            "q=a=b=c",
            "<script>=1&q=<script>alert(1)</script>",
        ];
        for input in hostile {
            let q = Query::from_url_query(input);
            assert_eq!(Query::from_url_query(&q.to_url_query()), q, "{input:?}");
        }
        let q = Query::from_url_query(&format!("q={}&year=1", "%41".repeat(100_000)));
        assert_eq!(q.text.len(), 100_000);
        assert_eq!(q.years, [1]);
    }

    #[test]
    fn bad_values_are_skipped_good_ones_kept() {
        let q = Query::from_url_query(
            "year=x&year=2022&lang=fr&lang=en&summary=maybe&summary=0&sort=bogus&sort=title-desc\
             &q=first&q=second&series=&series=%00&hide=1&%71=ignored&zzz=1",
        );
        assert_eq!(q.years, [2022]);
        assert_eq!(q.langs, [Lang::En]);
        assert_eq!(q.summary, Some(false));
        assert_eq!(q.sort, Sort::Title(Direction::Desc));
        assert_eq!(q.text, "first");
        assert_eq!(q.series, ["\0"]);
        assert!(!q.hide_watched);
        assert_eq!(Query::from_url_query("q=a=b&q=c").text, "a=b");
        assert_eq!(Query::from_url_query("%71=key").text, "key");
    }

    fn any_query() -> impl Strategy<Value = Query> {
        let lang = prop_oneof![Just(Lang::Zh), Just(Lang::En)];
        let watch = proptest::sample::select(WatchState::ALL.to_vec());
        (
            any::<String>(),
            proptest::collection::vec(any::<u16>(), 0..4),
            proptest::collection::vec(any::<String>(), 0..4),
            proptest::collection::vec(lang, 0..3),
            any::<Option<bool>>(),
            proptest::collection::vec(watch, 0..4),
            any::<bool>(),
            proptest::sample::select([&Sort::ALL[..], &[Sort::Auto]].concat()),
        )
            .prop_map(
                |(text, years, series, langs, summary, watched, hide_watched, sort)| Query {
                    text,
                    years,
                    series,
                    langs,
                    summary,
                    watched,
                    hide_watched,
                    sort,
                },
            )
    }

    proptest! {
        #[test]
        fn url_round_trip(q in any_query()) {
            let url = q.to_url_query();
            prop_assert_eq!(Query::from_url_query(&url), q.canonical());
            prop_assert_eq!(q.canonical().to_url_query(), url);
        }

        #[test]
        fn any_string_parses_to_a_fixed_point(s in any::<String>()) {
            let q = Query::from_url_query(&s);
            prop_assert_eq!(Query::from_url_query(&q.to_url_query()), q);
        }

        #[test]
        fn url_like_strings_parse_to_a_fixed_point(
            s in "(q|year|series|lang|summary|watched|hide|sort|%7[0-9]|x)=([a-z0-9+%-]|%[0-9A-F]{2}){0,8}(&(q|year|lang|sort|watched)=[a-z0-9%+-]{0,8}){0,6}"
        ) {
            let q = Query::from_url_query(&s);
            prop_assert_eq!(Query::from_url_query(&q.to_url_query()), q);
        }
    }
}
