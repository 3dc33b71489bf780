//! Which course a heading, a title tag or a "ML2021 L8" line names.
//!
//! Names come from the catalogue (each course's `name_zh`, `name_en` and
//! id) plus [`ALIASES`], compared squashed: folded, with everything but
//! letters, digits and Han characters dropped, so "機器學習 2021",
//! "【機器學習2021】" and "机器学习2021" are one name, as are "ML 2021" and
//! the id "ml2021". Only courses take part: talks and the fallback series
//! have no lecture order to assign.

use crate::catalogue::{Catalogue, SeriesKind};
use crate::search::fold;

/// Names people and title tags use that neither a course's names nor its id
/// spell: series.toml's title prefixes, and short forms from slides.
/// `(series id, name)`; a name for a series the catalogue lacks is unused.
pub(crate) const ALIASES: &[(&str, &str)] = &[
    ("ml2025", "生成式AI時代下的機器學習 2025"),
    ("ml2025", "機器學習 2025"),
    ("ml2025", "ML 2025"),
    ("genai2024", "生成式AI導論"),
    ("genai2024", "GenAI"),
    ("ml2023", "生成式AI"),
    ("ml2023", "生成式AI 2023"),
    ("ml2023", "機器學習 2023"),
    ("ml2023", "ML 2023"),
    ("ml2023", "GenAI 2023"),
    ("ml2021-en", "ML 2021 (English version)"),
    ("ml2021-en", "ML 2021 English"),
    ("ml2020", "機器學習 2020"),
    ("ml2020", "ML 2020"),
    ("ml2020", "Machine Learning (2020)"),
    ("ml2020", "TA 補充課"),
    ("ml2019", "機器學習 2019"),
    ("ml2019", "ML 2019"),
    ("ml2017", "ML 2017"),
    ("ml2017", "ML 2016"),
    ("dlhlp2020", "DLHLP"),
    ("mlds2018", "MLDS 2018"),
    ("mlds2017", "MLDS 2017"),
    ("drl2018", "DRL"),
];

/// Folded, letters/digits/Han only: the form names are compared in.
pub(crate) fn squash(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SeriesNames {
    /// `(squashed name, series id)`, the catalogue's own names first so they
    /// win over an alias that collides with them.
    names: Vec<(String, String)>,
}

impl SeriesNames {
    pub(crate) fn new(catalogue: &Catalogue) -> SeriesNames {
        let courses: Vec<_> = catalogue
            .series
            .iter()
            .filter(|s| s.kind == SeriesKind::Course)
            .collect();
        let own = courses
            .iter()
            .flat_map(|s| [&s.id, &s.name_zh, &s.name_en].map(|name| (squash(name), s.id.clone())));
        let aliases = ALIASES
            .iter()
            .filter(|(id, _)| courses.iter().any(|s| s.id == *id))
            .map(|(id, name)| (squash(name), id.to_string()));
        SeriesNames {
            names: own.chain(aliases).filter(|(n, _)| !n.is_empty()).collect(),
        }
    }

    /// The course `text` names as a whole ("機器學習 2021", "ML2021",
    /// "【生成式AI導論 2024】"): a name inside a longer text does not count,
    /// or 生成式AI in a title would name a course.
    pub(crate) fn named(&self, text: &str) -> Option<&str> {
        let text = squash(text);
        if text.is_empty() {
            return None;
        }
        self.names
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, id)| id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Lang, Series};

    fn series(id: &str, zh: &str, en: &str, kind: SeriesKind) -> Series {
        Series {
            id: id.into(),
            name_zh: zh.into(),
            name_en: en.into(),
            year: None,
            lang: Lang::Zh,
            kind,
            counterpart: None,
        }
    }

    fn names() -> SeriesNames {
        SeriesNames::new(&Catalogue {
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
                    "ml2023",
                    "機器學習 2023（生成式AI）",
                    "ML 2023",
                    SeriesKind::Course,
                ),
                series(
                    "talks",
                    "研究演講與研討會",
                    "Research talks",
                    SeriesKind::Talks,
                ),
            ],
            videos: vec![],
        })
    }

    #[test]
    fn headings_tags_and_short_forms_name_their_course() {
        let names = names();
        for (text, id) in [
            ("生成式AI導論 2024", "genai2024"),
            ("生成式AI導論2024", "genai2024"),
            ("【生成式AI導論 2024】", "genai2024"),
            ("GenAI 2024", "genai2024"),
            ("Introduction to Generative AI 2024", "genai2024"),
            ("机器学习 2021", "ml2021"),
            ("機器學習 2021", "ml2021"),
            ("ML2021", "ml2021"),
            ("ml 2021:", "ml2021"),
            ("Machine Learning 2021", "ml2021"),
            ("[ML 2021 (English version)]", "ml2021-en"),
            ("ML 2021 English", "ml2021-en"),
            ("【生成式AI】", "ml2023"),
            ("生成式AI 2023", "ml2023"),
        ] {
            assert_eq!(names.named(text), Some(id), "{text}");
        }
    }

    #[test]
    fn only_whole_course_names_count() {
        let names = names();
        for text in [
            "第1講：生成式AI是什麼？",
            "機器學習",
            "研究演講與研討會", // talks are no course
            "DLHLP",            // alias of a series this catalogue lacks
            "",
            "· — ·",
        ] {
            assert_eq!(names.named(text), None, "{text}");
        }
    }
}
