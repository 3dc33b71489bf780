//! User preferences that travel with the study state.
//!
//! Each setting is its own register, so changing the theme in one tab and
//! the language in another both survive a merge. `None` means "not
//! chosen: follow the browser / system" (and, once set, that it was reset).

use serde::{Deserialize, Serialize};

use super::lww::{Lww, Merge};
use super::stamp::{Clock, Stamp};
use crate::locale::{Locale, Theme};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    locale: Lww<Option<Locale>>,
    theme: Lww<Option<Theme>>,
    /// Default playback speed in percent; `None` is 1×. Never set: not stored.
    #[serde(skip_serializing_if = "never_set")]
    speed: Lww<Option<u16>>,
}

/// Names of the settings, as previews list them.
pub const SETTING_NAMES: [&str; 3] = ["locale", "theme", "speed"];

impl Settings {
    pub fn locale(&self) -> Option<Locale> {
        *self.locale.get()
    }

    pub fn theme(&self) -> Option<Theme> {
        *self.theme.get()
    }

    /// The stored speed, unchecked: read it through
    /// [`super::StudyState::speed_percent`].
    pub fn speed(&self) -> Option<u16> {
        *self.speed.get()
    }

    pub fn set_speed(&mut self, speed: Option<u16>, clock: &mut Clock, now_ms: u64) -> bool {
        self.speed.set(speed, clock, now_ms)
    }

    pub fn set_locale(&mut self, locale: Option<Locale>, clock: &mut Clock, now_ms: u64) -> bool {
        self.locale.set(locale, clock, now_ms)
    }

    pub fn set_theme(&mut self, theme: Option<Theme>, clock: &mut Clock, now_ms: u64) -> bool {
        self.theme.set(theme, clock, now_ms)
    }

    /// Settings that differ between two versions, by name.
    pub(super) fn differing(&self, other: &Settings) -> Vec<&'static str> {
        let mut names = Vec::new();
        if self.locale.get() != other.locale.get() {
            names.push(SETTING_NAMES[0]);
        }
        if self.theme.get() != other.theme.get() {
            names.push(SETTING_NAMES[1]);
        }
        if self.speed.get() != other.speed.get() {
            names.push(SETTING_NAMES[2]);
        }
        names
    }

    /// Undo, setting by setting: each one still as `applied` left it goes
    /// back to `target`'s value, with a fresh stamp. Returns how many did.
    pub(super) fn revert_changed(
        &mut self,
        target: &Settings,
        applied: &Settings,
        clock: &mut Clock,
        now_ms: u64,
    ) -> usize {
        let locale = self.locale == applied.locale
            && applied.locale != target.locale
            && self.locale.set(target.locale(), clock, now_ms);
        let theme = self.theme == applied.theme
            && applied.theme != target.theme
            && self.theme.set(target.theme(), clock, now_ms);
        let speed = self.speed == applied.speed
            && applied.speed != target.speed
            && self.speed.set(target.speed(), clock, now_ms);
        usize::from(locale) + usize::from(theme) + usize::from(speed)
    }

    pub(super) fn legacy(locale: Option<Locale>, theme: Option<Theme>, at: [Stamp; 2]) -> Settings {
        Settings {
            locale: Lww::new(locale, at[0]),
            theme: Lww::new(theme, at[1]),
            speed: Lww::default(),
        }
    }
}

fn never_set(speed: &Lww<Option<u16>>) -> bool {
    *speed == Lww::default()
}

impl Merge for Settings {
    fn merge(&self, other: &Self) -> Self {
        Settings {
            locale: self.locale.merge(&other.locale),
            theme: self.theme.merge(&other.theme),
            speed: self.speed.merge(&other.speed),
        }
    }

    fn clamp_stamps(&mut self, now_ms: u64) {
        self.locale.clamp_stamps(now_ms);
        self.theme.clamp_stamps(now_ms);
        self.speed.clamp_stamps(now_ms);
    }

    fn latest(&self) -> Stamp {
        self.locale.at().max(self.theme.at()).max(self.speed.at())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::stamp::DeviceId;

    #[test]
    fn each_setting_merges_on_its_own() {
        let now = 1_800_000_000_000;
        let mut tab_a = Clock::new(DeviceId::from_random(1));
        let mut tab_b = Clock::new(DeviceId::from_random(2));
        let mut a = Settings::default();
        let mut b = Settings::default();
        assert!(a.set_locale(Some(Locale::En), &mut tab_a, now));
        assert!(b.set_theme(Some(Theme::Dark), &mut tab_b, now + 10));
        assert!(!b.set_theme(Some(Theme::Dark), &mut tab_b, now + 20));
        let merged = a.merge(&b);
        assert_eq!(merged, b.merge(&a));
        assert_eq!(
            (merged.locale(), merged.theme()),
            (Some(Locale::En), Some(Theme::Dark))
        );
        assert_eq!(a.differing(&merged), ["theme"]);
    }
}
