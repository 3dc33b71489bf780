//! Shown instead of the app when the site's catalogue file cannot be
//! downloaded or decoded (and no stored catalogue can stand in).

use leptos::prelude::*;

use crate::i18n::t;
use crate::ui::frame::MAIN_ID;

#[component]
pub fn LoadError(message: &'static str) -> impl IntoView {
    view! {
        <main id=MAIN_ID class="page message-page" role="alert">
            <h1>{t().load_error_title}</h1>
            <p>{t().load_error_body}</p>
            <pre class="error-detail">{message}</pre>
        </main>
    }
}
