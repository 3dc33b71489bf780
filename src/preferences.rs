//! Language and theme: chosen by the student, remembered in the study state
//! (so backups and other tabs carry them), otherwise taken from the browser.

use leptos::prelude::*;

use crate::i18n::{Locale, LocaleSignal};
use crate::study::Study;
use crate::web::document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system's light/dark setting.
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn code(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    fn from_code(code: Option<&str>) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|t| t.code() == code)
            .unwrap_or(Theme::System)
    }
}

#[derive(Clone, Copy)]
pub struct ThemeSignal(pub Signal<Theme>);

/// Provides the language and theme and keeps `<html lang>` and
/// `<html data-theme>` in step with them.
pub fn provide(study: Study) {
    let browser = Locale::from_browser(&document::browser_languages());
    let locale = Signal::derive(move || {
        study
            .state
            .with(|s| {
                s.settings
                    .locale
                    .value
                    .as_deref()
                    .and_then(Locale::from_code)
            })
            .unwrap_or(browser)
    });
    let theme = Signal::derive(move || {
        study
            .state
            .with(|s| Theme::from_code(s.settings.theme.value.as_deref()))
    });
    provide_context(LocaleSignal(locale));
    provide_context(ThemeSignal(theme));
    Effect::new(move |_| document::set_lang(locale.get().html_lang()));
    Effect::new(move |_| document::set_theme(theme.get().code()));
}

pub fn set_locale(study: Study, locale: Locale) {
    study.update(|s, now| s.settings.locale.set(Some(locale.code()), now));
}

pub fn set_theme(study: Study, theme: Theme) {
    study.update(|s, now| s.settings.theme.set(theme.code(), now));
}
