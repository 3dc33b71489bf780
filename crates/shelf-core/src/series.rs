//! Series rules: which course a title belongs to, read from `series.toml`.
//!
//! The rules are data so that a maintainer who adds older pages adds rules,
//! not code. The first rule whose prefix or pattern matches a title wins; the
//! one rule marked `fallback` takes the rest.

use regex::Regex;
use serde::Deserialize;

use crate::catalogue::{strip_leading_tag, Lang, Series, SeriesKind};
use crate::problem::Problem;

#[derive(Debug)]
pub struct SeriesRules {
    rules: Vec<Rule>,
    fallback: usize,
    english_markers: Vec<String>,
}

#[derive(Debug)]
struct Rule {
    series: Series,
    detect_lang: bool,
    prefixes: Vec<String>,
    patterns: Vec<Regex>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    english_markers: Vec<String>,
    series: Vec<RuleEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleEntry {
    id: String,
    name_zh: String,
    name_en: String,
    year: Option<u16>,
    lang: Lang,
    kind: SeriesKind,
    counterpart: Option<String>,
    #[serde(default)]
    detect_lang: bool,
    #[serde(default)]
    prefixes: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    fallback: bool,
}

impl SeriesRules {
    pub fn from_toml(file: &str, text: &str) -> Result<SeriesRules, Vec<Problem>> {
        let parsed: RulesFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(0, |span| {
                text[..span.start.min(text.len())].lines().count().max(1)
            });
            vec![Problem::new(file, line, e.message().trim().to_string())]
        })?;
        let mut problems = Vec::new();
        let mut rules = Vec::new();
        let ids: Vec<&str> = parsed.series.iter().map(|s| s.id.as_str()).collect();
        for (i, entry) in parsed.series.iter().enumerate() {
            let at = |message: String| {
                Problem::new(file, 0, format!("series {:?}: {message}", entry.id))
            };
            if !is_series_id(&entry.id) {
                problems.push(at("id must be lowercase letters, digits and '-'".into()));
            }
            if ids[..i].contains(&entry.id.as_str()) {
                problems.push(at("id is used twice".into()));
            }
            if let Some(c) = &entry.counterpart {
                if !ids.contains(&c.as_str()) {
                    problems.push(at(format!("counterpart {c:?} is not a series")));
                }
            }
            if entry.prefixes.is_empty() && entry.patterns.is_empty() && !entry.fallback {
                problems.push(at(
                    "has neither prefixes nor patterns, so it matches nothing".into(),
                ));
            }
            let mut patterns = Vec::new();
            for p in &entry.patterns {
                match Regex::new(p) {
                    Ok(re) => patterns.push(re),
                    Err(e) => problems.push(at(format!("bad pattern {p:?}: {e}"))),
                }
            }
            rules.push(Rule {
                series: Series {
                    id: entry.id.clone(),
                    name_zh: entry.name_zh.clone(),
                    name_en: entry.name_en.clone(),
                    year: entry.year,
                    lang: entry.lang,
                    kind: entry.kind,
                    counterpart: entry.counterpart.clone(),
                },
                detect_lang: entry.detect_lang,
                prefixes: entry.prefixes.clone(),
                patterns,
            });
        }
        let fallbacks: Vec<usize> = (0..parsed.series.len())
            .filter(|&i| parsed.series[i].fallback)
            .collect();
        if fallbacks.len() != 1 {
            problems.push(Problem::new(
                file,
                0,
                format!(
                    "exactly one series must be `fallback = true`; found {}",
                    fallbacks.len()
                ),
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(SeriesRules {
            rules,
            fallback: fallbacks[0],
            english_markers: parsed.english_markers,
        })
    }

    /// All series in the order the rules list them.
    pub fn series(&self) -> impl Iterator<Item = &Series> {
        self.rules.iter().map(|r| &r.series)
    }

    pub fn fallback_id(&self) -> &str {
        &self.rules[self.fallback].series.id
    }

    /// The series a title belongs to, and the language of that video.
    pub fn classify(&self, title: &str) -> (&Series, Lang) {
        let rule = self
            .rules
            .iter()
            .find(|r| {
                r.prefixes.iter().any(|p| title.starts_with(p.as_str()))
                    || r.patterns.iter().any(|p| p.is_match(title))
            })
            .unwrap_or(&self.rules[self.fallback]);
        // A title marked as an English version is English whatever its series.
        let lang = if self
            .english_markers
            .iter()
            .any(|m| title.contains(m.as_str()))
        {
            Lang::En
        } else if rule.detect_lang {
            // A leading tag ([活動宣傳]) says nothing of the talk's language.
            if has_han(strip_leading_tag(title)) {
                Lang::Zh
            } else {
                Lang::En
            }
        } else {
            rule.series.lang
        };
        (&rule.series, lang)
    }
}

fn has_han(s: &str) -> bool {
    // CJK Unified Ideographs and Extension A: what Chinese titles are written in.
    s.chars()
        .any(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}'))
}

fn is_series_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"
english_markers = ["(English version)"]

[[series]]
id = "ml2021"
name_zh = "機器學習 2021"
name_en = "Machine Learning 2021"
year = 2021
lang = "zh"
kind = "course"
counterpart = "ml2021-en"
prefixes = ["【機器學習2021】"]

[[series]]
id = "ml2021-en"
name_zh = "機器學習 2021（英文版）"
name_en = "Machine Learning 2021 (English)"
year = 2021
lang = "en"
kind = "course"
counterpart = "ml2021"
prefixes = ["[ML 2021 (English version)]"]

[[series]]
id = "talks"
name_zh = "演講"
name_en = "Talks"
lang = "zh"
kind = "talks"
detect_lang = true
patterns = ['^\[(ICASSP|INTERSPEECH) \d{4}\]', '^SUPERB']

[[series]]
id = "other"
name_zh = "其他"
name_en = "Other"
lang = "zh"
kind = "other"
fallback = true
"#;

    #[test]
    fn first_matching_rule_wins_and_the_rest_fall_back() {
        let rules = SeriesRules::from_toml("series.toml", RULES).unwrap();
        let classify = |t: &str| {
            let (series, lang) = rules.classify(t);
            (series.id.as_str(), lang)
        };
        assert_eq!(
            classify("【機器學習2021】自注意力機制"),
            ("ml2021", Lang::Zh)
        );
        assert_eq!(
            classify("[ML 2021 (English version)] Lecture 1"),
            ("ml2021-en", Lang::En)
        );
        assert_eq!(classify("[ICASSP 2020] MOCKINGJAY"), ("talks", Lang::En));
        assert_eq!(classify("[ICASSP 2020] 語音"), ("talks", Lang::Zh));
        assert_eq!(
            classify("SUPERB: 語音上的自督導式學習模型"),
            ("talks", Lang::Zh)
        );
        assert_eq!(
            classify("SUPERB: universal? (English version)"),
            ("talks", Lang::En)
        );
        assert_eq!(classify("80分鐘快速了解大型語言模型"), ("other", Lang::Zh));
        assert_eq!(rules.fallback_id(), "other");
    }

    #[test]
    fn bad_rules_are_reported_not_panicked_on() {
        let bad = RULES
            .replace("counterpart = \"ml2021\"\n", "counterpart = \"nope\"\n")
            .replace("'^SUPERB'", "'(['")
            .replace("fallback = true", "");
        let problems = SeriesRules::from_toml("s.toml", &bad).unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|p| p.contains("counterpart \"nope\" is not a series")),
            "{text:?}"
        );
        assert!(text.iter().any(|p| p.contains("bad pattern")), "{text:?}");
        assert!(
            text.iter()
                .any(|p| p.contains("exactly one series must be `fallback = true`; found 0")),
            "{text:?}"
        );

        let syntax = SeriesRules::from_toml("s.toml", "[[series]]\nid = 3\n").unwrap_err();
        assert!(
            syntax[0].to_string().starts_with("s.toml:2: "),
            "{:?}",
            syntax
        );
    }
}
