//! The tab title (through `leptos_meta`): the page's name, then the app's,
//! in the language shown.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::context::use_locale_signal;
use crate::i18n::LocaleText;

/// `name` is read reactively, so a language switch or a rename re-titles
/// the tab at once; `None` is the app's own page.
#[component]
pub fn PageTitle(#[prop(into)] name: Signal<Option<String>>) -> impl IntoView {
    // The signal is taken here, not looked up in the closure: the title's
    // text is re-read by leptos_meta, also while the page is being left.
    let locale = use_locale_signal();
    let text = move || {
        let app = locale.get().strings().app_name;
        match name.get() {
            Some(page) => format!("{page} · {app}"),
            None => app.to_string(),
        }
    };
    view! { <Title text /> }
}
