//! What the app asks the catalogue worker and what it answers: catalogue
//! pages in, the merged catalogue (or why not) out. The protocol types are
//! in every build (the app sends and reads them); [`build`] needs the
//! parser, so it lives behind the `import` feature (the worker and the
//! importer have it, the app does not).

use serde::{Deserialize, Serialize};

use crate::sources::OverLimit;

/// One catalogue page as text, under the name problems quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageText {
    pub name: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildRequest {
    /// Loaded pages, merged over the site's pages (the pages its catalogue
    /// was built from). A site's pages file has this shape too.
    pub pages: Vec<PageText>,
}

/// A [`BuildRequest`]'s JSON, written from borrowed `(name, text)` pairs:
/// the app sends megabytes of pages and need not copy them first.
pub fn request_json<'a>(pages: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    #[derive(Serialize)]
    struct PageRef<'a> {
        name: &'a str,
        text: &'a str,
    }
    #[derive(Serialize)]
    struct RequestRef<'a> {
        pages: Vec<PageRef<'a>>,
    }
    let pages = pages.map(|(name, text)| PageRef { name, text }).collect();
    serde_json::to_string(&RequestRef { pages }).expect("pages serialize")
}

/// What the worker found. The merged catalogue's JSON travels beside this,
/// as its own string ([`Built::catalogue`]), so it is never escaped inside
/// another JSON text and unescaped again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildReply {
    /// `FILE:LINE: message`, sorted; any one refuses the whole catalogue.
    pub problems: Vec<String>,
    /// A bound passed (parse time, record size): the catalogue is refused.
    #[serde(default)]
    pub over_limit: Option<OverLimit>,
    /// Videos in the merged catalogue (also when it is refused).
    pub videos: usize,
    /// Time spent checking, parsing and merging, in whole milliseconds
    /// (no floats: their formatting and parsing would cost the app's wasm).
    pub parse_ms: u32,
}

impl BuildReply {
    /// A reply refusing for one reason, with no catalogue.
    pub fn refusing(problem: String) -> BuildReply {
        BuildReply {
            problems: vec![problem],
            over_limit: None,
            videos: 0,
            parse_ms: 0,
        }
    }
}

/// A build's outcome: the reply, and the merged catalogue's JSON
/// (`Catalogue::to_json` of seed + pages) only when there is no problem and
/// no bound was passed: a catalogue is applied whole or not at all.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub reply: BuildReply,
    pub catalogue: Option<String>,
}

#[cfg(feature = "import")]
pub use build::build;

#[cfg(feature = "import")]
mod build {
    use super::{BuildReply, Built, PageText};
    use crate::import::{import_checked, Page};
    use crate::series::SeriesRules;
    use crate::sources::{check_entry_count, check_page_text, Limit, ParseDeadline};

    /// Exactly what `import-catalogue SEED... PAGES...` builds, refused
    /// whole when anything is wrong or a bound is passed: parse time
    /// (checked between pages and at the end, `now` being a millisecond
    /// clock the caller reads) and the stored size (the pages plus the
    /// merged catalogue's JSON).
    pub fn build(
        seed: &[(&str, &str)],
        rules: (&str, &str),
        pages: Vec<PageText>,
        now: &dyn Fn() -> f64,
    ) -> Built {
        let deadline = ParseDeadline::starting_at(now());
        let parse_ms = || deadline.elapsed_ms(now()).min(u64::from(u32::MAX)) as u32;
        let refused = |reply: BuildReply| Built {
            reply,
            catalogue: None,
        };
        let mut problems: Vec<String> = Vec::new();
        let rules = match SeriesRules::from_toml(rules.0, rules.1) {
            Ok(rules) => rules,
            Err(found) => {
                return refused(BuildReply {
                    problems: found.iter().map(ToString::to_string).collect(),
                    over_limit: None,
                    videos: 0,
                    parse_ms: parse_ms(),
                })
            }
        };
        let loaded_bytes: usize = pages.iter().map(|p| p.text.len()).sum();
        let mut all: Vec<Page> = seed
            .iter()
            .map(|(name, text)| Page {
                name: name.to_string(),
                text: text.to_string(),
            })
            .collect();
        for page in pages {
            match check_page_text(&page.name, &page.text) {
                Ok(()) => all.push(Page {
                    name: page.name,
                    text: page.text,
                }),
                Err(problem) => problems.push(problem.to_string()),
            }
        }
        let result = import_checked(&all, &rules, &mut |page| deadline.check(&page.name, now()))
            .and_then(|result| deadline.check("catalogue", now()).map(|()| result));
        let result = match result {
            Ok(result) => result,
            Err(over) => {
                return refused(BuildReply {
                    problems,
                    over_limit: Some(over),
                    videos: 0,
                    parse_ms: parse_ms(),
                })
            }
        };
        problems.extend(result.problems.iter().map(ToString::to_string));
        let videos = result.catalogue.videos.len();
        if let Err(problem) = check_entry_count("catalogue", videos) {
            problems.push(problem.to_string());
        }
        problems.sort();
        if !problems.is_empty() {
            return refused(BuildReply {
                problems,
                over_limit: None,
                videos,
                parse_ms: parse_ms(),
            });
        }
        let json = result.catalogue.to_json();
        // The record holds the pages and this JSON: refuse here, before a
        // catalogue too large to keep is copied to the app at all.
        let stored = (loaded_bytes as u64).saturating_add(json.len() as u64);
        let over_limit = Limit::RecordBytes.check("catalogue", stored).err();
        Built {
            catalogue: over_limit.is_none().then_some(json),
            reply: BuildReply {
                problems,
                over_limit,
                videos,
                parse_ms: parse_ms(),
            },
        }
    }
}

#[cfg(all(test, feature = "import"))]
mod tests {
    use super::*;

    const RULES: (&str, &str) = (
        "series.toml",
        include_str!("../../../catalogue/series.toml"),
    );

    fn seed_page(page: &PageText) -> (&str, &str) {
        (&page.name, &page.text)
    }

    fn page(name: &str, text: &str) -> PageText {
        PageText {
            name: name.into(),
            text: text.into(),
        }
    }

    fn entry(number: u32, id: &str, title: &str) -> String {
        format!(
            "<details>\n<summary>{number}. [2021-03-05] {title}</summary><br>\n\n\
             <a href=\"https://www.youtube.com/watch?v={id}\" target=\"_blank\">\n\
             <img src=\"https://img.youtube.com/vi/{id}/maxresdefault.jpg\" alt=\"[Youtube]\" width=\"200\">\n\
             </a>\n\n</details>\n\n"
        )
    }

    fn run(seed: &[PageText], pages: Vec<PageText>) -> Built {
        let seed: Vec<(&str, &str)> = seed.iter().map(seed_page).collect();
        build(&seed, RULES, pages, &|| 0.0)
    }

    #[test]
    fn clean_pages_merge_over_the_seed() {
        let seed = [page(
            "seed.md",
            &entry(2, "bbbbbbbbbbb", "【機器學習2021】seed"),
        )];
        let reply = run(
            &seed,
            vec![page(
                "docs/01-index.md",
                &entry(1, "aaaaaaaaaaa", "【機器學習2021】one"),
            )],
        );
        assert_eq!(reply.reply.problems, Vec::<String>::new());
        assert_eq!(reply.reply.videos, 2);
        let json = reply.catalogue.expect("clean pages give a catalogue");
        let catalogue = crate::catalogue::Catalogue::from_json(&json).unwrap();
        let ids: Vec<&str> = catalogue.videos.iter().map(|v| v.id.as_str()).collect();
        assert_eq!(ids, ["aaaaaaaaaaa", "bbbbbbbbbbb"]);
    }

    #[test]
    fn any_problem_refuses_the_whole_catalogue() {
        let seed = [page("seed.md", &entry(2, "bbbbbbbbbbb", "seed"))];
        let broken = "<details>\n<summary>3. no link here</summary>\n</details>\n";
        let reply = run(
            &seed,
            vec![
                page("good.md", &entry(1, "aaaaaaaaaaa", "one")),
                page("broken.md", broken),
                page(
                    "page.html",
                    "<!DOCTYPE html><html><body>Not found</body></html>",
                ),
            ],
        );
        assert_eq!(reply.catalogue, None);
        let problems = &reply.reply.problems;
        assert!(problems.iter().any(|p| p.starts_with("broken.md:")));
        assert!(problems.iter().any(|p| p.starts_with("page.html:")));
        assert!(!problems.iter().any(|p| p.starts_with("good.md:")));
    }

    #[test]
    fn broken_series_rules_are_reported_not_panicked() {
        let reply = build(&[], ("series.toml", "[[series"), vec![], &|| 0.0);
        assert_eq!(reply.catalogue, None);
        assert!(reply.reply.problems[0].starts_with("series.toml:"));
    }

    #[test]
    fn parsing_past_its_time_is_refused_between_pages() {
        use crate::sources::{Limit, MAX_PARSE_MS};
        // A clock that moves 1 s at every reading: the bound is passed after
        // about twenty pages, long before the last of a hundred.
        let clock = std::cell::Cell::new(0.0);
        let now = || {
            clock.set(clock.get() + 1_000.0);
            clock.get()
        };
        let pages: Vec<PageText> = (1..=100)
            .map(|n| page(&format!("p{n}.md"), &entry(n, &format!("{n:0>11}"), "t")))
            .collect();
        let built = build(&[], RULES, pages, &now);
        assert_eq!(built.catalogue, None);
        let over = built.reply.over_limit.expect("refused for its time");
        assert_eq!(over.limit, Limit::ParseTime);
        assert!(over.name.starts_with('p'), "{over:?}");
        assert!(over.found > MAX_PARSE_MS);
        assert!(clock.get() < 40_000.0, "it went on parsing");
        // A clock that stands still never stops it.
        let pages = vec![page("p.md", &entry(1, "aaaaaaaaaaa", "t"))];
        assert!(build(&[], RULES, pages, &|| 5.0).catalogue.is_some());
    }
}
