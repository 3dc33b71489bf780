//! Playlists that ended up identical after a merge (two devices each built
//! the same assignment): "These 2 playlists are the same: keep one". Never
//! combined on its own; keeping one deletes the others, with undo, as any
//! deletion.

use leptos::prelude::*;

use crate::context::use_study;
use crate::i18n::t;
use crate::ui::study::util::fill;

#[component]
pub fn IdenticalPlaylists() -> impl IntoView {
    let study = use_study();
    // `(name, ids)` per group, oldest first.
    let groups = Memo::new(move |_| {
        study.with(|s| {
            s.identical_playlists()
                .into_iter()
                .map(|g| {
                    let ids: Vec<String> = g.iter().map(|p| p.id().to_string()).collect();
                    (g[0].name().to_string(), ids)
                })
                .collect::<Vec<_>>()
        })
    });
    // The last "keep one": its name and the lists it deleted, for undo.
    let kept = RwSignal::new(None::<(String, Vec<String>)>);
    let keep_one = move |name: String, ids: Vec<String>| {
        let deleted = study.update(|s, now| {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            s.keep_one_of(&ids, now)
        });
        if !deleted.is_empty() {
            kept.set(Some((
                name,
                deleted.iter().map(|id| id.to_string()).collect(),
            )));
        }
    };
    let undo = move |_| {
        if let Some((_, ids)) = kept.get_untracked() {
            study.update(|s, now| {
                for id in &ids {
                    s.restore_playlist(id, now);
                }
            });
            kept.set(None);
        }
    };
    view! {
        <For each=move || groups.get() key=|(_, ids)| ids.clone() let((name, ids))>
            <p class="identical-playlists field-row" role="note">
                <span>
                    {
                        let (name, n) = (name.clone(), ids.len().to_string());
                        move || fill(t().playlists_identical, &[("n", &n), ("name", &name)])
                    }
                </span>
                " "
                <button
                    type="button"
                    class="button keep-one"
                    on:click=move |_| keep_one(name.clone(), ids.clone())
                >
                    {move || t().playlists_keep_one}
                </button>
            </p>
        </For>
        <p class="status identical-status" role="status">
            {move || kept.get().map(|(name, _)| view! {
                {move || fill(t().playlists_kept_one, &[("name", &name)])}
                " "
                <button type="button" class="button undo-keep-one" on:click=undo>{move || t().undo}</button>
            })}
        </p>
    }
}
