//! The sync page's Google Drive option: one button that leaves for Google's
//! consent page (`web/google_drive.rs`). Shown only when the build set a
//! client id (`<meta name="shelf-google-client-id">`) and no storage is
//! connected; "reconnect needed" runs the same flow from the page's
//! Reconnect button (`Sync::reconnect`), keeping every local edit.

use leptos::prelude::*;

use crate::context::use_sync;
use crate::i18n::t;
use crate::web::google_drive;

#[component]
pub fn GoogleConnect() -> impl IntoView {
    let sync = use_sync();
    let client = google_drive::client_id();
    let shown = {
        let offered = client.is_some();
        move || offered && sync.connection().is_none()
    };
    let connect = move |_| {
        if let Some(id) = &client {
            google_drive::connect(id);
        }
    };
    view! {
        <Show when=shown>
            <section class="sync-google" aria-labelledby="sync-google-heading">
                <h2 id="sync-google-heading">{move || t().sync_google_heading}</h2>
                <p class="hint" id="sync-google-hint">{move || t().sync_google_hint}</p>
                <button
                    type="button"
                    class="button primary sync-google-connect"
                    aria-describedby="sync-google-hint"
                    on:click=connect.clone()
                >
                    {move || t().sync_google_connect}
                </button>
            </section>
        </Show>
    }
}
