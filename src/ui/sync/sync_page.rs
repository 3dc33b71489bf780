//! `/sync`: connect storage the student owns (a remoteStorage address;
//! Google Drive where the build has a client id: `GoogleConnect`, below
//! the form), the status line, the devices with editable
//! names and last-seen times, "Sync now", "Disconnect".

use std::time::Duration;

use leptos::prelude::*;
use shelf_core::sync::DeviceInfo;

use crate::context::use_sync;
use crate::i18n::{fill, plural, t};
use crate::study::now_ms;
use crate::sync::{ConnectError, Failure, SyncStatus};
use crate::ui::page_title::PageTitle;
use crate::ui::sync::google_connect::GoogleConnect;
use crate::web::remote_storage::{parse_address, DiscoveryError};

/// "just now", "3 min ago", "2 h ago", or the day count.
fn ago(then_ms: u64, now_ms: u64) -> String {
    let minutes = now_ms.saturating_sub(then_ms) / 60_000;
    match minutes {
        0 => t().sync_just_now.to_string(),
        1..=59 => plural(&t().sync_minutes_ago, minutes as usize, &[]),
        60..=2879 => plural(&t().sync_hours_ago, (minutes / 60) as usize, &[]),
        _ => plural(&t().sync_days_ago, (minutes / 1440) as usize, &[]),
    }
}

fn failure_text(failure: Failure) -> String {
    let reason = match failure {
        Failure::Status { code } => fill(t().sync_failed_status, &[("code", &code.to_string())]),
        Failure::Garbage => t().sync_failed_garbage.to_string(),
        Failure::TooLarge => t().sync_failed_too_large.to_string(),
        Failure::Busy => t().sync_failed_busy.to_string(),
    };
    fill(t().sync_status_failed, &[("reason", &reason)])
}

fn connect_error_text(error: &ConnectError) -> String {
    match error {
        ConnectError::Discovery { host, error } => {
            let template = match error {
                DiscoveryError::Malformed => t().sync_error_address,
                DiscoveryError::NotFound => t().sync_error_not_found,
                DiscoveryError::NotRemoteStorage => t().sync_error_not_remotestorage,
                DiscoveryError::Unreachable => t().sync_error_unreachable,
            };
            fill(template, &[("host", host)])
        }
        ConnectError::Refused(code) => fill(t().sync_error_refused, &[("reason", code)]),
        ConnectError::WrongState => t().sync_error_state.to_string(),
        ConnectError::Forgotten => t().sync_error_forgotten.to_string(),
    }
}

#[component]
pub fn SyncPage() -> impl IntoView {
    let sync = use_sync();
    // The status line's "2 min ago" moves on by itself.
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(30))
    {
        on_cleanup(move || handle.clear());
    }
    let connected = move || sync.connection().is_some();
    view! {
        <PageTitle name=move || Some(t().sync_heading.to_string()) />
        <section class="page sync-page" aria-labelledby="sync-heading">
            <h1 id="sync-heading">{move || t().sync_heading}</h1>
            <p>{move || t().sync_intro}</p>
            <Show when=connected fallback=move || view! { <ConnectForm /> }>
                <Connected now />
            </Show>
            // Google Drive, when the build has a client id and nothing is connected.
            <GoogleConnect />
        </section>
    }
}

#[component]
fn ConnectForm() -> impl IntoView {
    let sync = use_sync();
    let address = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = address.get_untracked();
        if parse_address(&typed).is_none() {
            sync.connect_error.set(Some(ConnectError::Discovery {
                host: String::new(),
                error: DiscoveryError::Malformed,
            }));
            return;
        }
        sync.connect(typed);
    };
    let error = move || {
        sync.connect_error
            .with(|e| e.as_ref().map(connect_error_text))
    };
    view! {
        <form class="sync-connect" on:submit=submit>
            <label for="sync-address">{move || t().sync_address_label}</label>
            <p class="hint" id="sync-address-hint">{move || t().sync_address_hint}</p>
            <div class="field-row">
                <input
                    id="sync-address"
                    type="text"
                    inputmode="email"
                    autocomplete="username"
                    autocapitalize="none"
                    spellcheck="false"
                    aria-describedby="sync-address-hint sync-connect-error"
                    prop:value=move || address.get()
                    on:input=move |ev| address.set(event_target_value(&ev))
                />
                <button type="submit" class="button primary" disabled=move || sync.connecting.get()>
                    {move || if sync.connecting.get() { t().sync_connecting } else { t().sync_connect }}
                </button>
            </div>
            <p class="field-error" id="sync-connect-error" role="alert">{error}</p>
        </form>
    }
}

#[component]
fn Connected(now: RwSignal<u64>) -> impl IntoView {
    let sync = use_sync();
    let account = move || sync.connection().map(|c| c.account()).unwrap_or_default();
    let status_line = move || match sync.status() {
        None | Some(SyncStatus::Idle) => t().sync_status_never.to_string(),
        Some(SyncStatus::Syncing) => t().sync_status_syncing.to_string(),
        Some(SyncStatus::Synced {
            at_ms,
            devices,
            unreadable,
        }) => {
            let synced = plural(
                &t().sync_status_synced,
                devices,
                &[("when", &ago(at_ms, now.get()))],
            );
            match unreadable {
                0 => synced,
                n => format!("{synced} · {}", plural(&t().sync_status_unreadable, n, &[])),
            }
        }
        Some(SyncStatus::Offline) => t().sync_status_offline.to_string(),
        Some(SyncStatus::Reconnect) => t().sync_status_reconnect.to_string(),
        Some(SyncStatus::Failed { failure }) => failure_text(failure),
    };
    let reconnect_needed = move || sync.status() == Some(SyncStatus::Reconnect);
    let reconnect = move |_| sync.reconnect();
    let status_kind = move || {
        sync.status().map_or("off", |s| match s {
            SyncStatus::Reconnect => "reconnect",
            SyncStatus::Failed { .. } => "failed",
            SyncStatus::Offline => "offline",
            _ => "ok",
        })
    };
    view! {
        <p class="sync-account">{move || fill(t().sync_connected_as, &[("address", &account())])}</p>
        <p class="sync-status" role="status" data-kind=status_kind>{status_line}</p>
        <Show when=reconnect_needed>
            <p class="sync-reconnect-note">{move || t().sync_reconnect_body}</p>
        </Show>
        <div class="sync-actions">
            <Show
                when=reconnect_needed
                fallback=move || view! {
                    <button type="button" class="button primary sync-now" on:click=move |_| sync.sync_now()
                        disabled=move || sync.status() == Some(SyncStatus::Syncing)>
                        {move || t().sync_now}
                    </button>
                }
            >
                <button type="button" class="button primary sync-reconnect" on:click=reconnect>
                    {move || t().sync_reconnect}
                </button>
            </Show>
            <button type="button" class="button sync-disconnect" on:click=move |_| sync.disconnect()>
                {move || t().sync_disconnect}
            </button>
        </div>
        <p class="field-error" role="alert">{move || sync.connect_error.with(|e| e.as_ref().map(connect_error_text))}</p>
        <Devices now />
    }
}

#[component]
fn Devices(now: RwSignal<u64>) -> impl IntoView {
    let sync = use_sync();
    let devices = Memo::new(move |_| sync.devices(now.get()));
    view! {
        <section class="sync-devices" aria-labelledby="sync-devices-heading">
            <h2 id="sync-devices-heading">{move || t().sync_devices_heading}</h2>
            <p class="hint">{move || t().sync_forget_note}</p>
            <ul class="sync-device-list">
                <For
                    each=move || devices.get()
                    key=|d| (d.id.clone(), d.name.clone(), d.last_seen_ms)
                    children=move |device| view! { <DeviceRow device now /> }
                />
            </ul>
        </section>
    }
}

#[component]
fn DeviceRow(device: DeviceInfo, now: RwSignal<u64>) -> impl IntoView {
    let sync = use_sync();
    let error = RwSignal::new(false);
    let id = device.id.clone();
    let input_id = format!("device-name-{}", device.id.as_str());
    let error_id = format!("device-name-error-{}", device.id.as_str());
    // A device no one has named yet is shown under a placeholder.
    let name = device.name.clone();
    let shown_name = move || {
        if name.is_empty() {
            t().sync_unnamed.to_string()
        } else {
            name.clone()
        }
    };
    let rename = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let typed = event_target_value(&ev);
            error.set(sync.rename(&id, &typed).is_err());
        }
    };
    let seen = move || match device.last_seen_ms {
        Some(at) => fill(t().sync_last_seen, &[("when", &ago(at, now.get()))]),
        None => t().sync_never_seen.to_string(),
    };
    let forget = {
        let id = id.clone();
        move |_| sync.forget(&id)
    };
    let label_name = shown_name.clone();
    view! {
        <li class="sync-device" data-device=id.as_str().to_owned() data-this=device.this_device.to_string()>
            <label class="visually-hidden" for=input_id.clone()>
                {move || fill(t().sync_device_name_label, &[("name", &label_name())])}
            </label>
            <input
                id=input_id
                type="text"
                class="device-name"
                maxlength="100"
                value=device.name.clone()
                placeholder=move || t().sync_unnamed
                aria-describedby=error_id.clone()
                on:change=rename
            />
            {device.this_device.then(|| view! { <span class="this-device">{move || t().sync_this_device}</span> })}
            <span class="last-seen">{seen}</span>
            {(!device.this_device).then(|| {
                let name = shown_name.clone();
                view! {
                    <button type="button" class="button forget-device" on:click=forget
                        aria-label=move || fill(t().sync_forget_label, &[("name", &name())])>
                        {move || t().sync_forget}
                    </button>
                }
            })}
            <p class="field-error" id=error_id role="alert">{move || error.get().then(|| t().sync_name_invalid)}</p>
        </li>
    }
}
