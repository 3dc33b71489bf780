//! A quiet notice when a new version has been downloaded.

use leptos::prelude::*;

use crate::context::use_update_ready;
use crate::i18n::t;

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let ready = use_update_ready().0;
    view! {
        <Show when=move || ready.with(Option::is_some)>
            <div class="update-prompt" role="status">
                <span>{move || t().update_ready}</span>
                <button type="button" class="button primary" on:click=move |_| {
                    if let Some(handle) = ready.get_untracked() {
                        handle.apply();
                    }
                }>
                    {move || t().update_reload}
                </button>
            </div>
        </Show>
    }
}
