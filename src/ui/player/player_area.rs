//! The player itself: loads the IFrame API (online only), starts where the
//! student stopped, feeds the core's playback session (which decides what
//! to save and mark), and answers a few keys when focus is in its area.

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shelf_core::catalogue::Video;
use shelf_core::playback::{
    restart_near_end, start_at, Event as Playback, PlayerState, Reading, Session,
};
use shelf_core::study::limits::SPEEDS;

use crate::context::use_study;
use crate::i18n::t;
use crate::study::now_ms;
use crate::ui::player::control::{PlayerControl, Reason, Status};
use crate::ui::player::ticker::Ticker;
use crate::ui::thumbnail::Thumbnail;
use crate::web::youtube::{self, Event, Player};
use crate::web::{online, target};

/// How often the position is read while playing; the session decides
/// how rarely that becomes a write.
const POLL_MS: u64 = 1_000;
/// `j` / `l` step.
const STEP_SECS: u32 = 10;

#[component]
pub fn PlayerArea(video: &'static Video, control: PlayerControl, autoplay: bool) -> impl IntoView {
    let study = use_study();
    let mount: NodeRef<Div> = NodeRef::new();
    let session = StoredValue::new(study.with_untracked(|s| Session::new(now_ms(), s, &video.id)));
    let status = control.status;
    // The session decides on the study state as it is now, other tabs'
    // edits included, and applies its writes there.
    let feed = move |event: Playback| {
        study.update_playback(|s, now| {
            session.try_update_value(|session| session.step(event, s, &video.id, now));
        });
    };
    let reading = move || {
        control
            .with_player(Player::reading)
            .unwrap_or(Reading::UNKNOWN)
    };
    let poll = Ticker::default();
    let near_end_checked = StoredValue::new(false);
    let stop_polling = {
        let poll = poll.clone();
        move || poll.stop()
    };
    // The length, once the player knows it (at ready, or once playing):
    // kept with the study state, so rows and time left show it.
    let learn_length = move || {
        if let Some(raw) = control.with_player(Player::raw_length) {
            study.update_playback(|s, now| s.learn_duration(&video.id, raw, now));
        }
    };
    let on_event = {
        let stop_polling = stop_polling.clone();
        move |event: Event| match event {
            Event::Ready => {
                if status.get_untracked() == Status::Loading {
                    status.set(Status::Ready);
                }
                let speed = study.with_untracked(|s| s.speed_percent());
                if speed != 100 {
                    control.with_player(|p| p.set_speed(speed));
                }
                learn_length();
            }
            Event::State(PlayerState::Playing) => {
                status.set(Status::Playing);
                learn_length();
                if !poll.running() {
                    let inner = poll.clone();
                    poll.start_every(POLL_MS, move || {
                        // The page is gone: stop.
                        if status.try_get_untracked().is_none() {
                            inner.stop();
                            return;
                        }
                        let at = reading();
                        // The length is known only once playing: a saved
                        // place in the last seconds starts over instead.
                        if let (Some(pos), Some(length)) = (at.pos, at.length) {
                            if !near_end_checked.get_value() {
                                near_end_checked.set_value(true);
                                if restart_near_end(pos, length) {
                                    control.with_player(|p| p.seek(0));
                                    return;
                                }
                            }
                        }
                        feed(Playback::Playing {
                            at,
                            now_ms: now_ms(),
                        });
                    });
                }
            }
            Event::State(PlayerState::Paused) => {
                stop_polling();
                status.set(Status::Paused);
                feed(Playback::Paused(reading()));
            }
            Event::State(PlayerState::Ended) => {
                stop_polling();
                status.set(Status::Ended);
                feed(Playback::Ended);
            }
            Event::State(_) => {}
            // A speed chosen in YouTube's own menu is remembered as if chosen
            // here (the app's own change echoes back equal, and writes nothing).
            Event::Speed(percent) => {
                if study.with_untracked(|s| s.speed_percent()) != percent {
                    study.update(|s, now| s.set_speed(percent, now));
                }
            }
            Event::Error(_) => {
                stop_polling();
                status.set(Status::Failed(Reason::Unavailable));
            }
        }
    };
    // Leaving (navigation, tab closed) saves where the student is.
    let leave = move || {
        if status
            .try_get_untracked()
            .is_some_and(|s| s == Status::Playing || s == Status::Paused)
        {
            feed(Playback::Leaving(reading()));
        }
    };
    let hide = window_event_listener(ev::pagehide, move |_| {
        leave();
        // The tab is going: write now, not after waiting for the lock.
        study.flush_now();
    });
    on_cleanup(move || {
        leave();
        stop_polling();
        hide.remove();
        control.set_player(None);
    });
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let Some(element) = mount.get() else {
            return false;
        };
        if !online::is_online() {
            status.set(Status::Failed(Reason::Offline));
            return true;
        }
        let start =
            study.with_untracked(|s| start_at(s.watch_state(&video.id), s.resume_secs(&video.id)));
        let on_event = on_event.clone();
        spawn_local(async move {
            if youtube::load().await.is_err() {
                status.try_set(Status::Failed(Reason::LoadFailed));
                return;
            }
            // The page may have been left while the API loaded.
            if status.try_get_untracked().is_none() {
                return;
            }
            match Player::create(&element, video.id.as_str(), start, autoplay, on_event) {
                Ok(player) => control.set_player(Some(player)),
                Err(()) => {
                    status.set(Status::Failed(Reason::LoadFailed));
                }
            }
        });
        true
    });
    let keys = move |ev: ev::KeyboardEvent| {
        let typing = target::of(&ev).is_some_and(|el| {
            matches!(
                el.tag().as_str(),
                "INPUT" | "TEXTAREA" | "SELECT" | "BUTTON"
            )
        });
        if typing
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || !status.get_untracked().usable()
        {
            return;
        }
        let handled = match ev.key().as_str() {
            "k" | " " => {
                control.with_player(|p| {
                    if p.state() == Some(PlayerState::Playing) {
                        p.pause()
                    } else {
                        p.play()
                    }
                });
                true
            }
            "j" | "l" => {
                // No step from a position the player cannot tell.
                if let Some(pos) = control.with_player(Player::current_time).flatten() {
                    let to = if ev.key() == "j" {
                        pos.secs().saturating_sub(STEP_SECS)
                    } else {
                        pos.secs().saturating_add(STEP_SECS)
                    };
                    control.with_player(|p| p.seek(to));
                }
                true
            }
            "n" => control.note_at_current_time(),
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    let message = move || match status.get() {
        Status::Failed(reason) => Some(view! {
            <p class="player-message" role="status" data-reason=reason.code()>
                {move || match reason {
                    Reason::Offline => t().player_offline,
                    Reason::LoadFailed => t().player_load_failed,
                    Reason::Unavailable => t().player_unavailable,
                }}
            </p>
        }),
        _ => None,
    };
    let failed = move || matches!(status.get(), Status::Failed(_));
    view! {
        <div class="player-area" on:keydown=keys>
            <div
                class="player"
                tabindex="0"
                role="region"
                aria-label=move || t().player_label
                data-player=move || status.get().code()
                class:failed=failed
            >
                <div node_ref=mount class="player-mount"></div>
                <Show when=failed>
                    <a class="hero-thumb" href=video.youtube_url() target="_blank" rel="noopener noreferrer" aria-label=move || t().watch_on_youtube>
                        <Thumbnail src=video.thumbnail_url() eager=true />
                    </a>
                </Show>
            </div>
            {message}
            <p class="player-tools">
                <button
                    type="button"
                    class="button note-at-time"
                    disabled=move || !status.get().usable()
                    on:click=move |_| {
                        control.note_at_current_time();
                    }
                >
                    {move || t().note_at_time}
                </button>
            </p>
            <SpeedSelect control />
            <p class="player-keys hint">{move || t().player_keys}</p>
        </div>
    }
}

/// The playback speed, remembered as a setting (it syncs like the rest) and
/// applied to the player at once and on every later video.
#[component]
fn SpeedSelect(control: PlayerControl) -> impl IntoView {
    let study = use_study();
    let current = Memo::new(move |_| study.with(|s| s.speed_percent()));
    let change = move |ev: ev::Event| {
        let Ok(percent) = event_target_value(&ev).parse::<u16>() else {
            return;
        };
        study.update(|s, now| s.set_speed(percent, now));
        control.with_player(|p| p.set_speed(percent));
    };
    let options = SPEEDS
        .iter()
        .map(|&p| {
            let label = format!("{}×", f64::from(p) / 100.0);
            view! { <option value=p.to_string() selected=move || current.get() == p>{label}</option> }
        })
        .collect_view();
    view! {
        <p class="player-speed">
            <label>
                {move || t().speed_label} " "
                <select class="speed-select" on:change=change prop:value=move || current.get().to_string()>
                    {options}
                </select>
            </label>
        </p>
    }
}
