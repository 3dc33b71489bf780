//! `/playlists`: the student's playlists (create, rename, delete with undo,
//! identical ones offered as one) and every series as a ready-made playlist. Lists show a page at a time
//! ([`PAGE`] rows, then "show more"): each row tracks its list's progress,
//! and a store may hold up to `MAX_PLAYLISTS` lists.

use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::BTreeSet;

use shelf_core::catalogue::Series;
use shelf_core::study::{NameError, PlaylistError, MAX_NAME_CHARS, MAX_PLAYLISTS};

use crate::context::{use_catalogue, use_study};
use crate::i18n::t;
use crate::ui::keyed::stamped;
use crate::ui::page_title::PageTitle;
use crate::ui::study::assignment_paste::AssignmentPaste;
use crate::ui::study::deleted_playlist::Deleted;
use crate::ui::study::identical_playlists::IdenticalPlaylists;
use crate::ui::study::playlist_picker::name_error_text;
use crate::ui::study::playlist_row::PlaylistRow;
use crate::ui::study::tally_bar::{series_name_and_tally, TallyBar};
use crate::ui::study::util::{fill, focus_later, new_playlist_id};
use crate::web::base::href;

/// Rows shown at first, and added by each "show more".
pub const PAGE: usize = 50;

/// The page's last message, as data: worded when shown, so a language
/// switch re-words it.
#[derive(Clone, PartialEq)]
enum Message {
    Created(String),
    Restored(String),
    Name(NameError),
    TooMany,
}

impl Message {
    fn text(&self) -> String {
        let s = t();
        match self {
            Message::Created(name) => fill(s.playlist_created, &[("name", name)]),
            Message::Restored(name) => fill(s.playlist_restored, &[("name", name)]),
            Message::Name(e) => name_error_text(*e),
            Message::TooMany => fill(s.playlists_too_many, &[("max", &MAX_PLAYLISTS.to_string())]),
        }
    }
}

#[component]
pub fn PlaylistsPage() -> impl IntoView {
    let study = use_study();
    let catalogue = use_catalogue();
    let name = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Message>);
    let deleted = RwSignal::new(None::<Deleted>);
    let create = move || {
        let typed = name.get_untracked();
        let outcome = study.update(|s, now| {
            let id = new_playlist_id(s, now);
            s.create_playlist(id.clone(), &typed, now)?;
            Ok::<_, PlaylistError>(
                s.playlist(&id)
                    .map(|p| p.name().to_string())
                    .unwrap_or_default(),
            )
        });
        match outcome {
            Ok(created) => {
                name.set(String::new());
                message.set(Some(Message::Created(created)));
            }
            Err(PlaylistError::Name(e)) => message.set(Some(Message::Name(e))),
            Err(PlaylistError::TooMany { .. }) => message.set(Some(Message::TooMany)),
            Err(PlaylistError::DuplicateId(_)) => {}
        }
    };
    let own_deletes = StoredValue::new(BTreeSet::<String>::new());
    let on_deleted = Callback::new(move |gone: Deleted| {
        own_deletes.update_value(|own| {
            own.insert(gone.id.clone());
        });
        message.set(None);
        deleted.set(Some(gone));
        focus_later(".undo-toast .undo".to_string());
    });
    let undo = move |_| {
        if let Some(gone) = deleted.get_untracked() {
            study.update(|s, now| s.restore_playlist(&gone.id, now));
            message.set(Some(Message::Restored(gone.name)));
            deleted.set(None);
        }
    };
    let renaming = RwSignal::new(BTreeSet::<String>::new());
    let shown = RwSignal::new(PAGE);
    // Live lists, plus any deleted elsewhere while being renamed here.
    let all_ids = Memo::new(move |_| {
        renaming.with(|open| {
            study.with(|s| {
                let mut lists = s.live_playlists();
                lists.extend(
                    open.iter()
                        .filter_map(|id| s.any_playlist(id).filter(|p| p.is_deleted())),
                );
                lists.sort_by_key(|p| (p.created_at(), p.id().clone()));
                lists.iter().map(|p| p.id().to_string()).collect::<Vec<_>>()
            })
        })
    });
    let total = move || all_ids.with(Vec::len);
    let ids = Memo::new(move |_| {
        let n = shown.get();
        all_ids.with(|ids| ids.iter().take(n).cloned().collect::<Vec<_>>())
    });
    // A sync can add and remove lists in one change (crate::ui::keyed).
    let rows = stamped(move || ids.get());
    let gone_elsewhere = deleted_elsewhere(own_deletes, renaming);
    let restore_gone = move |gone: Deleted| {
        study.update(|s, now| s.restore_playlist(&gone.id, now));
        gone_elsewhere.update(|list| list.retain(|g| g.id != gone.id));
        message.set(Some(Message::Restored(gone.name)));
    };
    view! {
        <PageTitle name=move || Some(t().nav_playlists.to_string()) />
        <section class="page playlists-page" aria-labelledby="playlists-heading">
            <h1 id="playlists-heading">{move || t().nav_playlists}</h1>
            <div class="create-playlist field-row">
                <label for="new-playlist-name">{move || t().playlist_new_name_label}</label>
                <input
                    id="new-playlist-name"
                    type="text"
                    maxlength=MAX_NAME_CHARS.to_string()
                    autocomplete="off"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            create();
                        }
                    }
                />
                <button type="button" class="button primary" on:click=move |_| create()>
                    {move || t().playlist_create}
                </button>
            </div>
            <div class="undo-toast" role="status">
                {move || message.with(|m| m.as_ref().map(Message::text))}
                {move || deleted.get().map(|gone| view! {
                    <span>{move || fill(t().playlist_deleted, &[("name", &gone.name)])}</span>
                    " "
                    <button type="button" class="button undo" on:click=undo>{move || t().undo}</button>
                    <button
                        type="button"
                        class="button close"
                        aria-label=move || t().notice_dismiss
                        on:click=move |_| deleted.set(None)
                    >
                        "×"
                    </button>
                })}
            </div>
            <For each=move || gone_elsewhere.get() key=|gone| gone.id.clone() let(gone)>
                <p class="playlist-gone" role="alert">
                    {
                        let name = gone.name.clone();
                        move || fill(t().playlist_gone, &[("name", &name)])
                    }
                    " "
                    <button type="button" class="button undo" on:click=move |_| restore_gone(gone.clone())>
                        {move || t().undo}
                    </button>
                </p>
            </For>
            <h2>{move || t().my_playlists}</h2>
            <IdenticalPlaylists />
            <Show
                when=move || { total() > 0 }
                fallback=move || view! { <p class="muted">{move || t().no_playlists}</p> }
            >
                <ul class="playlist-list" role="list">
                    <For each=move || rows.get() key=|row| row.clone() let((_, id))>
                        <PlaylistRow id on_deleted renaming />
                    </For>
                </ul>
                <Show when=move || { total() > PAGE }>
                    <p class="show-more-row field-row">
                        <span class="muted playlists-shown">
                            {move || fill(t().playlists_shown, &[
                                ("shown", &ids.with(Vec::len).to_string()),
                                ("total", &total().to_string()),
                            ])}
                        </span>
                        <Show when=move || ids.with(Vec::len) < total()>
                            <button
                                type="button"
                                class="button show-more-playlists"
                                on:click=move |_| shown.update(|n| *n += PAGE)
                            >
                                {move || t().playlists_show_more}
                            </button>
                        </Show>
                    </p>
                </Show>
            </Show>
            <AssignmentPaste />
            <h2>{move || t().series_playlists}</h2>
            <p class="muted">{move || t().series_playlists_hint}</p>
            <ul class="playlist-list series-playlists" role="list">
                // The importer lists only series that have videos.
                {catalogue.series.iter()
                    .map(|series| view! { <SeriesPlaylistRow series /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn SeriesPlaylistRow(series: &'static Series) -> impl IntoView {
    let id = series.id.as_str();
    let (name, tally) = series_name_and_tally(series);
    view! {
        <li class="playlist-row">
            <A href=href(&format!("/series/{id}")) attr:class="playlist-name">{name}</A>
            <TallyBar tally label=name />
        </li>
    }
}

/// Lists that another tab deleted while this page is open (not this tab's
/// own deletes, and not rows being renamed: those say so themselves). A
/// delete wins over a rename made at the same moment, so without this the
/// renaming student would see the list vanish without a word.
fn deleted_elsewhere(
    own_deletes: StoredValue<BTreeSet<String>>,
    renaming: RwSignal<BTreeSet<String>>,
) -> RwSignal<Vec<Deleted>> {
    let study = use_study();
    let gone = RwSignal::new(Vec::<Deleted>::new());
    let live = Memo::new(move |_| {
        study.with(|s| {
            s.live_playlists()
                .iter()
                .map(|p| p.id().to_string())
                .collect::<BTreeSet<_>>()
        })
    });
    // A change over time (a list leaving the live set), not derived state.
    Effect::new(move |before: Option<BTreeSet<String>>| {
        let now = live.get();
        if let Some(before) = before {
            let vanished: Vec<Deleted> = before
                .difference(&now)
                .filter(|id| !own_deletes.with_value(|own| own.contains(*id)))
                .filter(|id| !renaming.with_untracked(|open| open.contains(*id)))
                .filter_map(|id| {
                    study.with_untracked(|s| {
                        s.any_playlist(id)
                            .filter(|p| p.is_deleted())
                            .map(|p| Deleted {
                                id: id.clone(),
                                name: p.name().to_string(),
                            })
                    })
                })
                .collect();
            if !vanished.is_empty() {
                gone.update(|list| list.extend(vanished));
            }
        }
        now
    });
    gone
}
