//! A playlist's entries in order. Own playlists reorder by drag and drop
//! (HTML5 for the mouse; pointer events on the handle for touch and pens,
//! which HTML5 drag and drop does not serve) and by "move up"/"move down"
//! buttons (focus follows the moved entry), and entries can be removed. Ids
//! the catalogue lacks show as unknown, or as not loaded yet (with the load
//! action) while the catalogue is partial.

use crate::ui::study::time_left::LengthBadge;
use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::ids::VideoId;
use shelf_core::study::Playlist;

use crate::context::{use_catalogue, use_study};
use crate::i18n::plural;
use crate::i18n::t;
use crate::study::Study;
use crate::ui::player::next_up::video_path;
use crate::ui::sources::load_missing::{catalogue_is_partial, unknown_video_label, NotLoadedNote};
use crate::ui::study::announcement::{entry_label, Announcement};
use crate::ui::study::util::{fill, focus_first_later};
use crate::ui::study::watch_toggle::WatchToggle;
use crate::web::base::href;
use crate::web::{pointer, scroll};

/// Drag-and-drop state shared by the rows of one list.
#[derive(Clone, Copy)]
struct Drag {
    from: RwSignal<Option<usize>>,
    over: RwSignal<Option<usize>>,
}

#[component]
pub fn PlaylistEntries(
    playlist: Memo<Option<Playlist>>,
    read_only: bool,
    announce: RwSignal<Option<Announcement>>,
) -> impl IntoView {
    let catalogue = use_catalogue();
    let partial = catalogue_is_partial();
    // Only counted while it is worth saying (a lookup per entry).
    let not_loaded = Memo::new(move |_| {
        if !partial {
            return 0;
        }
        playlist.with(|p| {
            p.as_ref().map_or(0, |p| {
                p.videos()
                    .into_iter()
                    .filter(|id| catalogue.video(id).is_none())
                    .count()
            })
        })
    });
    let rows = move || {
        playlist.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.videos()
                        .into_iter()
                        .cloned()
                        .enumerate()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let len = Signal::derive(move || playlist.with(|p| p.as_ref().map_or(0, Playlist::len)));
    let drag = Drag {
        from: RwSignal::new(None),
        over: RwSignal::new(None),
    };
    view! {
        <h2 id="entries-heading">{move || plural(&t().entry_count, len.get(), &[])}</h2>
        {(!read_only).then(|| view! { <p class="hint">{move || t().reorder_hint}</p> })}
        <Show
            when=move || len.get() != 0
            fallback=move || view! { <p class="muted">{move || t().playlist_empty}</p> }
        >
            {move || (partial && not_loaded.get() > 0).then(|| {
                let text = Signal::derive(move || plural(&t().playlist_not_loaded, not_loaded.get(), &[]));
                view! { <NotLoadedNote text class="playlist-not-loaded" /> }
            })}
            <ol class="entries" aria-labelledby="entries-heading">
                <For each=rows key=|row| row.clone() let((index, id))>
                    <EntryRow playlist index id read_only partial len drag announce />
                </For>
            </ol>
        </Show>
    }
}

#[component]
fn EntryRow(
    playlist: Memo<Option<Playlist>>,
    index: usize,
    id: VideoId,
    read_only: bool,
    /// Whether the catalogue is partial: an unknown id is then "not loaded yet".
    partial: bool,
    len: Signal<usize>,
    drag: Drag,
    announce: RwSignal<Option<Announcement>>,
) -> impl IntoView {
    let catalogue = use_catalogue();
    let study = use_study();
    let video = catalogue.video(&id);
    // Read in closures: "unknown video" follows the language.
    let entry = StoredValue::new(id.clone());
    let label = move || entry.with_value(|id| entry_label(catalogue, id));
    let playlist_id = move || playlist.with_untracked(|p| p.as_ref().map(|p| p.id().to_string()));
    // Moves the entry and keeps the keyboard where the entry went.
    let move_to = move |to: usize, prefer: &'static str| {
        let Some(to) = reorder(study, playlist, len, announce, index, to) else {
            return;
        };
        let other = if prefer == "move-up" {
            "move-down"
        } else {
            "move-up"
        };
        focus_first_later(vec![
            format!(".entries li[data-index=\"{to}\"] .{prefer}:enabled"),
            format!(".entries li[data-index=\"{to}\"] .{other}:enabled"),
        ]);
    };
    let remove = move |_| {
        let Some(pid) = playlist_id() else { return };
        let removed = study.update(|s, now| {
            s.playlist_mut(&pid, now)
                .and_then(|mut p| p.remove_at(index))
        });
        if let Some(video) = removed {
            announce.set(Some(Announcement::Removed { video }));
            let next = index.min(
                len.try_get_untracked()
                    .unwrap_or_default()
                    .saturating_sub(1),
            );
            focus_first_later(vec![
                format!(".entries li[data-index=\"{next}\"] .remove"),
                "#entries-heading + .hint + p, .playlist-tools button".to_string(),
            ]);
        }
    };
    let title = match video {
        Some(v) => view! {
            // Played from here, "next" follows this list (a stored one: a
            // course's list is the course order anyway).
            <A href=href(&video_path(v.id.as_str(), playlist.with_untracked(|p| p.as_ref().map(|p| p.id().clone())).filter(|_| !read_only).as_ref())) attr:class="entry-title">{v.title.clone()}</A>
            <LengthBadge video=v.id.as_str() />
            <WatchToggle video=v />
        }
        .into_any(),
        None => {
            // Its study data is kept: the video's page still shows it.
            let (link, shown) = (href(&format!("/video/{id}")), id.to_string());
            view! {
                <A href=link attr:class="entry-title unknown">
                    {move || unknown_video_label(partial)}
                    " "
                    <code>{shown}</code>
                </A>
            }
            .into_any()
        }
    };
    let is_last = move || index + 1 >= len.get();
    let controls = (!read_only).then(|| {
        view! {
            <span class="entry-controls">
                <button
                    type="button"
                    class="button move-up"
                    disabled=move || index == 0
                    aria-label=move || fill(t().move_up_label, &[("title", &label())])
                    on:click=move |_| move_to(index.saturating_sub(1), "move-up")
                >
                    "↑"
                </button>
                <button
                    type="button"
                    class="button move-down"
                    disabled=is_last
                    aria-label=move || fill(t().move_down_label, &[("title", &label())])
                    on:click=move |_| move_to(index + 1, "move-down")
                >
                    "↓"
                </button>
                <button
                    type="button"
                    class="button remove"
                    aria-label=move || fill(t().remove_entry_label, &[("title", &label())])
                    on:click=remove
                >
                    {move || t().remove}
                </button>
            </span>
        }
    });
    view! {
        <li
            data-index=index
            data-video-id=id.to_string()
            class:dragging=move || drag.from.get() == Some(index)
            class:drop-target=move || drag.over.get() == Some(index) && drag.from.get() != Some(index)
            draggable=(!read_only).then_some("true")
            on:dragstart=move |ev: web_sys::DragEvent| {
                if read_only {
                    return;
                }
                drag.from.set(Some(index));
                if let Some(data) = ev.data_transfer() {
                    data.set_effect_allowed("move");
                    let _ = data.set_data("text/plain", &index.to_string());
                }
            }
            on:dragover=move |ev: web_sys::DragEvent| {
                if drag.from.get_untracked().is_some() {
                    ev.prevent_default();
                    if drag.over.get_untracked() != Some(index) {
                        drag.over.set(Some(index));
                    }
                }
            }
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                let from = drag.from.get_untracked();
                drag.from.set(None);
                drag.over.set(None);
                if let Some(from) = from {
                    reorder(study, playlist, len, announce, from, index);
                }
            }
            on:dragend=move |_| {
                drag.from.set(None);
                drag.over.set(None);
            }
        >
            {(!read_only).then(|| view! { <TouchHandle playlist index len drag announce /> })}
            <span class="entry-number">{index + 1}"."</span>
            {title}
            {controls}
        </li>
    }
}

/// The drag handle: the mouse drags the whole row (HTML5), touch and pens
/// drag here with pointer events, the target row found under the finger.
/// The keyboard uses the ↑ ↓ buttons, so the handle stays out of its way.
#[component]
fn TouchHandle(
    playlist: Memo<Option<Playlist>>,
    index: usize,
    len: Signal<usize>,
    drag: Drag,
    announce: RwSignal<Option<Announcement>>,
) -> impl IntoView {
    let study = use_study();
    let end = move || {
        drag.from.set(None);
        drag.over.set(None);
    };
    view! {
        <span
            class="drag-handle"
            aria-hidden="true"
            on:pointerdown=move |ev: web_sys::PointerEvent| {
                if ev.pointer_type() == "mouse" || !ev.is_primary() {
                    return;
                }
                ev.prevent_default();
                // Captured: the moves and the lift come here wherever the finger goes.
                pointer::capture(&ev);
                drag.from.set(Some(index));
                drag.over.set(Some(index));
            }
            on:pointermove=move |ev: web_sys::PointerEvent| {
                if drag.from.get_untracked() != Some(index) {
                    return;
                }
                let (x, y) = (ev.client_x() as f32, ev.client_y() as f32);
                if let Some(over) = row_at(x, y) {
                    if drag.over.get_untracked() != Some(over) {
                        drag.over.set(Some(over));
                    }
                }
                scroll_near_edge(y);
            }
            on:pointerup=move |_| {
                let (from, over) = (drag.from.get_untracked(), drag.over.get_untracked());
                end();
                if let (Some(from), Some(to)) = (from, over) {
                    if from == index && to != from {
                        reorder(study, playlist, len, announce, from, to);
                    }
                }
            }
            on:pointercancel=move |_| end()
        >
            "⠿"
        </span>
    }
}

/// The index of the entry row under a point of the viewport.
fn row_at(x: f32, y: f32) -> Option<usize> {
    pointer::closest_attribute_at(x, y, "ol.entries > li[data-index]", "data-index")?
        .parse()
        .ok()
}

/// Scrolls a little when the finger nears the viewport's top or bottom, so
/// an entry can travel past the screen (the page itself does not scroll
/// under a captured touch).
fn scroll_near_edge(y: f32) {
    const EDGE: f64 = 56.0;
    let height = scroll::viewport_height();
    let y = f64::from(y);
    let step = if y < EDGE {
        -12.0
    } else if y > height - EDGE {
        12.0
    } else {
        return;
    };
    scroll::scroll_by(step);
}

/// Moves the entry at `from` to `to` through the study model (the ↑ ↓
/// buttons, the mouse's drop and the finger's lift alike) and says so to
/// screen readers; the position it landed at, if it moved.
fn reorder(
    study: Study,
    playlist: Memo<Option<Playlist>>,
    len: Signal<usize>,
    announce: RwSignal<Option<Announcement>>,
    from: usize,
    to: usize,
) -> Option<usize> {
    // Read before the edit: the edit re-renders (and disposes) the row.
    let (pid, video) = playlist.with_untracked(|p| {
        let p = p.as_ref()?;
        Some((p.id().to_string(), VideoId::clone(p.videos().get(from)?)))
    })?;
    let moved = study.update(|s, now| {
        s.playlist_mut(&pid, now)
            .is_some_and(|mut p| p.move_to(from, to))
    });
    if !moved {
        return None;
    }
    let total = len.try_get_untracked().unwrap_or_default();
    let to = to.min(total.saturating_sub(1));
    announce.set(Some(Announcement::Moved { video, to, total }));
    Some(to)
}
