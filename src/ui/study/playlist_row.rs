//! One of the student's playlists in the list: name, progress, rename, delete.
//! A list deleted in another tab while its new name is being typed stays on
//! screen with the typed name and a way to restore it (a delete wins over a
//! concurrent rename, so the name alone would be lost silently).

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::study::{NameError, MAX_NAME_CHARS};

use crate::context::use_study;
use crate::i18n::plural;
use crate::i18n::t;
use crate::ui::study::deleted_playlist::Deleted;
use crate::ui::study::playlist_picker::name_error_text;
use crate::ui::study::tally_bar::TallyBar;
use crate::ui::study::util::{fill, focus_later};
use crate::web::base::href;

#[component]
pub fn PlaylistRow(
    id: String,
    on_deleted: Callback<Deleted>,
    /// Rows with an open rename field: kept on screen if the list goes.
    renaming: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let study = use_study();
    let key = StoredValue::new(id.clone());
    let name = Memo::new(move |_| {
        key.with_value(|id| {
            study.with(|s| {
                s.any_playlist(id)
                    .map(|p| p.name().to_string())
                    .unwrap_or_default()
            })
        })
    });
    let tally = Memo::new(move |_| {
        key.with_value(|id| {
            study.with(|s| {
                s.playlist(id)
                    .map(|p| p.tally(s.progress()))
                    .unwrap_or_default()
            })
        })
    });
    let count =
        move || key.with_value(|id| study.with(|s| s.any_playlist(id).map_or(0, |p| p.len())));
    let editing = RwSignal::new(false);
    // Keep the page's set of open rename fields in step with this row.
    let set_editing = move |open: bool| {
        editing.set(open);
        renaming.update(|set| {
            let id = key.get_value();
            if open {
                set.insert(id);
            } else {
                set.remove(&id);
            }
        });
    };
    let gone = Memo::new(move |_| key.with_value(|id| study.with(|s| s.playlist(id).is_none())));
    on_cleanup(move || {
        if let Some(id) = key.try_get_value() {
            renaming.try_update(|set| set.remove(&id));
        }
    });
    let draft = RwSignal::new(String::new());
    // The refusal as data, worded in the view (follows a language switch).
    let error = RwSignal::new(None::<NameError>);
    let dom_id = rename_input_id(&id);
    let restore_with_name = move |_| {
        let typed = draft.get_untracked();
        let outcome = key.with_value(|id| {
            study.update(|s, now| {
                s.restore_playlist(id, now);
                s.playlist_mut(id, now).map(|mut p| p.rename(&typed))
            })
        });
        match outcome {
            Some(Err(e)) => error.set(Some(e)),
            _ => set_editing(false),
        }
    };
    let start = move |_| {
        draft.set(name.get_untracked());
        error.set(None);
        set_editing(true);
        focus_later(format!("#{}", key.with_value(|id| rename_input_id(id))));
    };
    let save = move || {
        let typed = draft.get_untracked();
        let outcome = key.with_value(|id| {
            study.update(|s, now| s.playlist_mut(id, now).map(|mut p| p.rename(&typed)))
        });
        match outcome {
            Some(Err(e)) => error.set(Some(e)),
            // Deleted in another tab meanwhile: the field and the notice stay.
            None => {}
            Some(Ok(_)) => {
                set_editing(false);
                focus_later(format!("[data-playlist=\"{}\"] .rename", key.get_value()));
            }
        }
    };
    let delete = move |_| {
        let gone = Deleted {
            id: key.get_value(),
            name: name.get_untracked(),
        };
        study.update(|s, now| s.delete_playlist(&gone.id, now));
        on_deleted.run(gone);
    };
    view! {
        <li class="playlist-row" data-playlist=id.clone()>
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <A href=href(&format!("/playlists/{}", key.get_value())) attr:class="playlist-name">{name}</A>
                    <span class="muted">{move || plural(&t().entry_count, count(), &[])}</span>
                }
            >
                <span class="rename-field field-row">
                    <label for=dom_id.clone()>{move || fill(t().rename_label, &[("name", &name.get())])}</label>
                    <input
                        id=dom_id.clone()
                        type="text"
                        maxlength=MAX_NAME_CHARS.to_string()
                        autocomplete="off"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                        on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                            "Enter" => {
                                ev.prevent_default();
                                save();
                            }
                            "Escape" => {
                                set_editing(false);
                                focus_later(format!("[data-playlist=\"{}\"] .rename", key.get_value()));
                            }
                            _ => {}
                        }
                    />
                    <button type="button" class="button primary" on:click=move |_| save()>{move || t().save}</button>
                    <button type="button" class="button" on:click=move |_| set_editing(false)>{move || t().cancel}</button>
                    <span class="field-error" aria-live="assertive">{move || error.get().map(name_error_text)}</span>
                </span>
                <Show when=move || gone.get()>
                    <p class="playlist-gone" role="alert">
                        {move || fill(t().playlist_gone, &[("name", &draft.get())])}
                        " "
                        <button type="button" class="button primary restore-renamed" on:click=restore_with_name>
                            {move || t().playlist_gone_restore}
                        </button>
                    </p>
                </Show>
            </Show>
            <TallyBar tally label=name />
            <span class="row-actions">
                <button
                    type="button"
                    class="button rename"
                    aria-label=move || fill(t().rename_label, &[("name", &name.get())])
                    on:click=start
                >
                    {move || t().rename}
                </button>
                <button
                    type="button"
                    class="button delete"
                    aria-label=move || fill(t().delete_label, &[("name", &name.get())])
                    on:click=delete
                >
                    {move || t().delete}
                </button>
            </span>
        </li>
    }
}

/// The rename field's element id (playlist ids may hold `:` and `.`).
fn rename_input_id(id: &str) -> String {
    format!("rename-{}", id.replace([':', '.'], "-"))
}
