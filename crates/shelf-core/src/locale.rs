//! The UI languages, one type for the core (stored preference, backups)
//! and the app (strings, dates, `<html lang>`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Locale {
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "en")]
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::ZhTw, Locale::En];

    /// The stored form of the choice.
    pub fn code(self) -> &'static str {
        match self {
            Locale::ZhTw => "zh-TW",
            Locale::En => "en",
        }
    }

    /// A stored or typed code. Any Chinese tag reads the Traditional UI, so
    /// older builds' `"zh"` keeps meaning Chinese.
    pub fn from_code(code: &str) -> Option<Locale> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Locale::ZhTw),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The first browser language we speak; with none, the students'
    /// language, Traditional Chinese.
    pub fn from_browser(languages: &[String]) -> Locale {
        languages
            .iter()
            .find_map(|l| Locale::from_code(l))
            .unwrap_or(Locale::ZhTw)
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn html_lang(self) -> &'static str {
        match self {
            Locale::ZhTw => "zh-Hant-TW",
            Locale::En => "en",
        }
    }
}

/// A chosen colour theme; no choice follows the system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_code(code: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_old_chinese_codes_still_mean_chinese() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_code(locale.code()), Some(locale));
        }
        for zh in ["zh", "zh-TW", "zh-Hant", "zh_CN", "ZH-hk"] {
            assert_eq!(Locale::from_code(zh), Some(Locale::ZhTw), "{zh}");
        }
        assert_eq!(Locale::from_code("fr"), None);
        assert_eq!(
            Locale::from_browser(&["fr".into(), "zh-CN".into()]),
            Locale::ZhTw
        );
        assert_eq!(Locale::from_browser(&[]), Locale::ZhTw);
        assert_eq!(Locale::from_browser(&["en-GB".into()]), Locale::En);
        assert_eq!(serde_json::to_string(&Locale::ZhTw).unwrap(), "\"zh-TW\"");
    }
}
