//! Where to resume a video ("34:10"): typed, checked, and turned into a
//! YouTube link that starts there.

use leptos::prelude::*;
use shelf_core::ids::VideoId;
use shelf_core::study::{format_time, parse_time, watch_url};

use crate::context::use_study;
use crate::i18n::t;
use crate::ui::study::util::fill;

#[component]
pub fn ResumeField(video_id: &'static VideoId) -> impl IntoView {
    let study = use_study();
    let stored = Memo::new(move |_| study.with(|s| s.resume_secs(video_id)));
    // What the student typed and has not saved; `None` shows the stored
    // position, so another tab or the player moving it shows at once.
    let typed = RwSignal::new(None::<String>);
    let text = move || {
        typed
            .get()
            .unwrap_or_else(|| stored.get().map(format_time).unwrap_or_default())
    };
    let error = RwSignal::new(false);
    let commit = move || {
        let Some(typed_text) = typed.get_untracked() else {
            return;
        };
        let typed_text = typed_text.as_str();
        let secs = if typed_text.trim().is_empty() {
            None
        } else {
            match parse_time(typed_text) {
                Some(secs) => Some(secs),
                None => return error.set(true),
            }
        };
        error.set(false);
        study.update(|s, now| s.set_resume(video_id, secs, now));
        typed.set(None);
    };
    view! {
        <div class="resume-field">
            <label for="resume-time">{move || t().resume_label}</label>
            <div class="field-row">
                <input
                    id="resume-time"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="10"
                    placeholder=move || t().resume_placeholder
                    aria-describedby="resume-hint resume-error"
                    aria-invalid=move || error.get().then_some("true")
                    prop:value=text
                    on:input=move |ev| typed.set(Some(event_target_value(&ev)))
                    on:change=move |_| commit()
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            commit();
                        }
                    }
                />
                <button type="button" class="button" on:click=move |_| commit()>
                    {move || t().resume_save}
                </button>
                <Show when=move || stored.get().is_some()>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            error.set(false);
                            typed.set(None);
                            study.update(|s, now| s.set_resume(video_id, None, now));
                        }
                    >
                        {move || t().resume_clear}
                    </button>
                </Show>
            </div>
            <p id="resume-hint" class="hint">{move || t().resume_hint}</p>
            <p id="resume-error" class="field-error" aria-live="assertive">
                {move || error.get().then(|| t().resume_invalid)}
            </p>
            {move || stored.get().map(|secs| view! {
                <a class="button primary resume-link" href=watch_url(video_id, Some(secs)) target="_blank" rel="noopener noreferrer">
                    {move || fill(t().resume_link, &[("time", &format_time(secs))])}
                </a>
            })}
        </div>
    }
}
