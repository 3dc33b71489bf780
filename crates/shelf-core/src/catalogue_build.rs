//! What the app asks the catalogue worker and what it answers: catalogue
//! pages in, the merged catalogue (or why not) out. The protocol types are
//! in every build (the app sends and reads them); [`build`] needs the
//! parser, so it lives behind the `import` feature (the worker and the
//! importer have it, the app does not).

use serde::{Deserialize, Serialize};

/// One catalogue page as text, under the name problems quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageText {
    pub name: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildRequest {
    /// Loaded pages, merged over the seed pages the worker embeds.
    pub pages: Vec<PageText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildReply {
    /// `Catalogue::to_json` of seed + pages; `None` when any problem was
    /// found: a catalogue is applied whole or not at all.
    pub catalogue: Option<String>,
    /// `FILE:LINE: message`, sorted.
    pub problems: Vec<String>,
    /// Videos in the merged catalogue (also when it is refused).
    pub videos: usize,
    /// Time spent checking, parsing and merging, in whole milliseconds
    /// (no floats: their formatting and parsing would cost the app's wasm).
    pub parse_ms: u32,
}

#[cfg(feature = "import")]
pub use build::build;

#[cfg(feature = "import")]
mod build {
    use super::{BuildReply, PageText};
    use crate::import::{import, Page};
    use crate::series::SeriesRules;
    use crate::sources::{check_entry_count, check_page_text};

    /// Exactly what `import-catalogue SEED... PAGES...` builds, refused
    /// whole when anything is wrong. `now` reads a millisecond clock.
    pub fn build(
        seed: &[PageText],
        rules: (&str, &str),
        pages: Vec<PageText>,
        now: &dyn Fn() -> f64,
    ) -> BuildReply {
        let start = now();
        let mut problems: Vec<String> = Vec::new();
        let rules = match SeriesRules::from_toml(rules.0, rules.1) {
            Ok(rules) => rules,
            Err(found) => {
                return BuildReply {
                    catalogue: None,
                    problems: found.iter().map(ToString::to_string).collect(),
                    videos: 0,
                    parse_ms: (now() - start).max(0.0) as u32,
                }
            }
        };
        let mut all: Vec<Page> = seed
            .iter()
            .map(|p| Page {
                name: p.name.clone(),
                text: p.text.clone(),
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
        let result = import(&all, &rules);
        problems.extend(result.problems.iter().map(ToString::to_string));
        let videos = result.catalogue.videos.len();
        if let Err(problem) = check_entry_count("catalogue", videos) {
            problems.push(problem.to_string());
        }
        problems.sort();
        BuildReply {
            catalogue: problems.is_empty().then(|| result.catalogue.to_json()),
            problems,
            videos,
            parse_ms: (now() - start).max(0.0) as u32,
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

    fn run(seed: &[PageText], pages: Vec<PageText>) -> BuildReply {
        build(seed, RULES, pages, &|| 0.0)
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
        assert_eq!(reply.problems, Vec::<String>::new());
        assert_eq!(reply.videos, 2);
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
        assert!(reply.problems.iter().any(|p| p.starts_with("broken.md:")));
        assert!(reply.problems.iter().any(|p| p.starts_with("page.html:")));
        assert!(!reply.problems.iter().any(|p| p.starts_with("good.md:")));
    }

    #[test]
    fn broken_series_rules_are_reported_not_panicked() {
        let reply = build(&[], ("series.toml", "[[series"), vec![], &|| 0.0);
        assert_eq!(reply.catalogue, None);
        assert!(reply.problems[0].starts_with("series.toml:"));
    }
}
