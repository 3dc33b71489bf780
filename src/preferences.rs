//! Language and theme: chosen by the student, remembered in the study state
//! (so backups and other tabs carry them), otherwise taken from the browser.

use leptos::prelude::*;
use shelf_core::locale::{Locale, Theme as ChosenTheme};

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

    /// The stored choice (none: follow the system).
    fn chosen(self) -> Option<ChosenTheme> {
        match self {
            Theme::System => None,
            Theme::Light => Some(ChosenTheme::Light),
            Theme::Dark => Some(ChosenTheme::Dark),
        }
    }

    fn from_chosen(chosen: Option<ChosenTheme>) -> Theme {
        match chosen {
            None => Theme::System,
            Some(ChosenTheme::Light) => Theme::Light,
            Some(ChosenTheme::Dark) => Theme::Dark,
        }
    }

    pub fn code(self) -> Option<&'static str> {
        self.chosen().map(ChosenTheme::code)
    }
}

/// The language shown, provided once at the top of the app (read it with
/// `context::use_locale`).
#[derive(Clone, Copy)]
pub struct LocaleSignal(pub Signal<Locale>);

/// The theme shown (read it with `context::use_theme`).
#[derive(Clone, Copy)]
pub struct ThemeSignal(pub Signal<Theme>);

/// Provides the language and theme (`App` puts them on `<html lang>` and
/// `<html data-theme>`). Memos: every translated string
/// reads the language, and a note edit must not re-render them all.
pub fn provide(study: Study) {
    let browser = Locale::from_browser(&document::browser_languages());
    let locale = Memo::new(move |_| study.with(|s| s.settings().locale()).unwrap_or(browser));
    let theme = Memo::new(move |_| Theme::from_chosen(study.with(|s| s.settings().theme())));
    provide_context(LocaleSignal(locale.into()));
    provide_context(ThemeSignal(theme.into()));
}

pub fn set_locale(study: Study, locale: Locale) {
    study.update(|s, now| s.set_locale(Some(locale), now));
}

pub fn set_theme(study: Study, theme: Theme) {
    study.update(|s, now| s.set_theme(theme.chosen(), now));
}
