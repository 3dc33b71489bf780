//! Choosing a playlist to add videos to, or naming a new one on the spot.
//! Shared by the video page's panel and the catalogue's bulk add.

use leptos::prelude::*;
use shelf_core::ids::PlaylistId;
use shelf_core::study::{NameError, PlaylistError, StudyState, MAX_NAME_CHARS};

use crate::context::use_study;
use crate::i18n::t;
use crate::ui::study::util::{fill, new_playlist_id};

/// The `<option>` value for "a new playlist".
pub const NEW_CHOICE: &str = "+new";

/// What the picker holds; `Copy`, so handlers can keep it.
#[derive(Clone, Copy)]
pub struct Picker {
    choice: RwSignal<String>,
    new_name: RwSignal<String>,
}

/// Where videos go: the chosen playlist's id.
pub struct Target {
    pub id: PlaylistId,
}

impl Picker {
    pub fn new() -> Picker {
        Picker {
            choice: RwSignal::new(String::new()),
            new_name: RwSignal::new(String::new()),
        }
    }

    /// The chosen playlist if it still exists, else the first one, else "new".
    fn current(&self, state: &StudyState) -> String {
        let choice = self.choice.get();
        if choice == NEW_CHOICE || state.playlist(&choice).is_some() {
            return choice;
        }
        state
            .live_playlists()
            .first()
            .map(|p| p.id().to_string())
            .unwrap_or_else(|| NEW_CHOICE.to_string())
    }

    /// In an edit: the chosen playlist's id, creating the playlist first when
    /// "new" was chosen. Err when the new name is unusable.
    pub fn target(&self, state: &mut StudyState, now_ms: u64) -> Result<Target, NameError> {
        let current = untrack(|| self.current(state));
        if let Some(id) = PlaylistId::parse(&current) {
            return Ok(Target { id });
        }
        let id = new_playlist_id(state, now_ms);
        let name = self.new_name.get_untracked();
        match state.create_playlist(id.clone(), &name, now_ms) {
            Ok(()) => Ok(Target { id }),
            Err(PlaylistError::Name(e)) => Err(e),
            // Fresh ids are well-formed and unused.
            Err(_) => Err(NameError::Empty),
        }
    }

    /// After a successful add: keep the list chosen, clear the typed name.
    pub fn chose(&self, id: &str) {
        self.choice.set(id.to_string());
        self.new_name.set(String::new());
    }
}

/// The playlist `<select>`'s id in the picker with `id_prefix`.
pub fn select_id(id_prefix: &str) -> String {
    format!("{id_prefix}-playlist")
}

/// The new-name field's id in the picker with `id_prefix`.
pub fn name_id(id_prefix: &str) -> String {
    format!("{id_prefix}-new-name")
}

/// The message for an unusable playlist name.
pub fn name_error_text(error: NameError) -> String {
    match error {
        NameError::Empty => t().playlist_name_empty.to_string(),
        NameError::TooLong { max, .. } => {
            fill(t().playlist_name_too_long, &[("max", &max.to_string())])
        }
        NameError::DirectionControl => t().playlist_name_direction.to_string(),
        NameError::Taken => t().playlist_name_taken.to_string(),
    }
}

/// Why a playlist could not be created, in the current language.
pub fn playlist_error_text(error: &PlaylistError) -> String {
    match error {
        PlaylistError::Name(e) => name_error_text(*e),
        PlaylistError::DuplicateId(_) => t().playlist_id_taken.to_string(),
        PlaylistError::TooMany { max } => {
            fill(t().playlists_too_many, &[("max", &max.to_string())])
        }
    }
}

#[component]
pub fn PlaylistPicker(
    picker: Picker,
    /// Makes the controls' ids unique on the page.
    id_prefix: &'static str,
    /// Run when Enter is pressed in the new-name field.
    #[prop(optional)]
    on_enter: Option<Callback<()>>,
) -> impl IntoView {
    let study = use_study();
    let (select_id, name_id) = (select_id(id_prefix), name_id(id_prefix));
    let current = Memo::new(move |_| study.with(|s| picker.current(s)));
    let options = move || {
        study.with(|s| {
            s.live_playlists()
                .into_iter()
                .map(|p| (p.id().to_string(), p.name().to_string()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <span class="picker-field">
            <label for=select_id.clone()>{move || t().playlist_picker_label}</label>
            <select id=select_id on:change=move |ev| picker.choice.set(event_target_value(&ev))>
                <For each=options key=|(id, name)| (id.clone(), name.clone()) let((id, name))>
                    <option value=id.clone() selected=move || current.get() == id>
                        {name}
                    </option>
                </For>
                <option value=NEW_CHOICE selected=move || current.get() == NEW_CHOICE>
                    {move || t().playlist_picker_new}
                </option>
            </select>
        </span>
        <Show when=move || current.get() == NEW_CHOICE>
            <span class="picker-field">
                <label for=name_id.clone()>{move || t().playlist_new_name_label}</label>
                <input
                    id=name_id.clone()
                    type="text"
                    maxlength=MAX_NAME_CHARS.to_string()
                    autocomplete="off"
                    prop:value=move || picker.new_name.get()
                    on:input=move |ev| picker.new_name.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            if let Some(on_enter) = on_enter {
                                on_enter.run(());
                            }
                        }
                    }
                />
            </span>
        </Show>
    }
}
