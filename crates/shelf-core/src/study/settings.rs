//! User preferences that travel with the study state.
//!
//! Each setting carries its own timestamp so that changing the theme in one
//! tab and the language in another both survive a merge.

use serde::{Deserialize, Serialize};

use super::merge::{newer, next_stamp, KindDiff, Stamped};

/// Longest value kept; anything longer cannot be a locale or theme name.
pub const MAX_SETTING_CHARS: usize = 64;

/// One preference; `None` means "use the default" (and, once set, records
/// that it was cleared).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Setting {
    pub value: Option<String>,
    pub updated_at: u64,
}

impl Stamped for Setting {
    fn updated_at(&self) -> u64 {
        self.updated_at
    }

    fn is_tombstone(&self) -> bool {
        self.value.is_none()
    }
}

impl Setting {
    /// Changes the value; false (and no new timestamp) when it is the same.
    pub fn set(&mut self, value: Option<&str>, now_ms: u64) -> bool {
        if self.value.as_deref() == value {
            return false;
        }
        self.value = value.map(str::to_string);
        self.updated_at = next_stamp(self.updated_at, now_ms);
        true
    }

    /// Drops values no app version writes (too long, control characters),
    /// so a hostile backup cannot park junk in preferences.
    /// Returns true when something was dropped.
    pub(crate) fn sanitize(&mut self) -> bool {
        let bad = self.value.as_deref().is_some_and(|v| {
            v.chars().count() > MAX_SETTING_CHARS || v.chars().any(char::is_control)
        });
        if bad {
            self.value = None;
        }
        bad
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// UI language code, e.g. `"zh"` or `"en"`.
    pub locale: Setting,
    /// Colour theme name, e.g. `"dark"`.
    pub theme: Setting,
}

impl Settings {
    /// Each setting, by the name used in diffs.
    pub fn entries(&self) -> [(&'static str, &Setting); 2] {
        [("locale", &self.locale), ("theme", &self.theme)]
    }

    fn entries_mut(&mut self) -> [&mut Setting; 2] {
        [&mut self.locale, &mut self.theme]
    }

    /// Per setting, the newer one.
    pub fn merge(&self, other: &Settings) -> Settings {
        Settings {
            locale: newer(&self.locale, &other.locale).clone(),
            theme: newer(&self.theme, &other.theme).clone(),
        }
    }

    /// What merging `incoming` into these settings would change.
    pub fn diff(&self, incoming: &Settings) -> KindDiff {
        let mut diff = KindDiff::default();
        for ((name, ours), (_, theirs)) in self.entries().into_iter().zip(incoming.entries()) {
            diff.record(name, Some(ours), theirs);
        }
        diff
    }

    /// Returns how many values were dropped.
    pub(crate) fn sanitize(&mut self) -> usize {
        self.entries_mut()
            .into_iter()
            .map(Setting::sanitize)
            .filter(|&dropped| dropped)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_setting_merges_on_its_own() {
        let mut a = Settings::default();
        let mut b = Settings::default();
        assert!(a.locale.set(Some("en"), 10));
        assert!(b.theme.set(Some("dark"), 20));
        assert!(!b.theme.set(Some("dark"), 30));
        let merged = a.merge(&b);
        assert_eq!(merged, b.merge(&a));
        assert_eq!(merged.locale.value.as_deref(), Some("en"));
        assert_eq!(merged.theme.value.as_deref(), Some("dark"));
        let diff = a.diff(&b);
        assert_eq!(
            diff.added,
            ["theme"],
            "a default setting counts as never set"
        );
        assert_eq!(diff.kept_local, ["locale"]);
    }

    #[test]
    fn junk_values_are_dropped() {
        let mut s = Settings::default();
        s.locale.value = Some("x".repeat(MAX_SETTING_CHARS + 1));
        s.theme.value = Some("dark".into());
        assert_eq!(s.sanitize(), 1);
        assert_eq!(
            (s.locale.value, s.theme.value.as_deref()),
            (None, Some("dark"))
        );
    }
}
