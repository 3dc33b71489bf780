//! "From an assignment": any pasted text (a slide's "watch these before
//! next class", YouTube links, ids, titles, 第8講) becomes a previewed
//! playlist. Lines that matched nothing are listed; lines that could be
//! several lectures offer a choice, and the pick takes the line's place.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::ui::study::time_left::today;
use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::assignment::default_name::short_name;
use shelf_core::assignment::{assignment_playlist, default_name, lines, Assignment, DefaultName};
use shelf_core::catalogue::Catalogue;
use shelf_core::ids::{PlaylistId, VideoId};
use shelf_core::study::plan::read_due_date;
use shelf_core::study::{PlaylistError, MAX_NAME_CHARS};

use crate::context::use_locale;
use crate::context::{use_catalogue, use_study};
use crate::i18n::{plural, t, LocaleText};
use crate::ui::sources::load_missing::{catalogue_is_partial, NotLoadedNote};
use crate::ui::study::playlist_picker::playlist_error_text;
use crate::ui::study::util::{fill, new_playlist_id};
use crate::web::base::href;

/// The text with each picked line replaced by the chosen video's id, which
/// the matcher reads back as that video, in the line's place.
fn with_picks(text: &str, picks: &BTreeMap<usize, VideoId>) -> String {
    text.lines()
        .enumerate()
        .map(|(i, line)| picks.get(&(i + 1)).map_or(line, |id| id.as_str()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The default name in the student's language: courses and lecture range,
/// or the slide's date, or the generic word.
fn default_name_text(catalogue: &Catalogue, name: &DefaultName) -> String {
    let s = t();
    match name {
        DefaultName::Courses { spans, more } => {
            let locale = use_locale();
            let parts: Vec<String> = spans
                .iter()
                .map(|span| {
                    let course = short_name(&span.series)
                        .map(str::to_string)
                        .or_else(|| {
                            catalogue
                                .series
                                .iter()
                                .find(|x| x.id == span.series)
                                .map(|x| locale.series_name(x).to_string())
                        })
                        .unwrap_or_else(|| span.series.clone());
                    match span.lectures {
                        Some((a, b)) if a == b => fill(
                            s.assignment_name_lecture,
                            &[("course", &course), ("n", &a.to_string())],
                        ),
                        Some((a, b)) => fill(
                            s.assignment_name_lectures,
                            &[
                                ("course", &course),
                                ("from", &a.to_string()),
                                ("to", &b.to_string()),
                            ],
                        ),
                        None => course,
                    }
                })
                .collect();
            let joined = parts.join(" + ");
            if *more {
                format!("{joined} …")
            } else {
                joined
            }
        }
        DefaultName::Dated(date) => {
            let date = match date.year {
                Some(y) => format!("{y}/{:02}/{:02}", date.month, date.day),
                None => format!("{}/{:02}", date.month, date.day),
            };
            fill(s.assignment_name_dated, &[("date", &date)])
        }
        DefaultName::Plain => s.assignment_default_name.to_string(),
    }
}

thread_local! {
    /// The pasted text and whether it was previewed, kept while the app
    /// runs: a catalogue load (the preview's "not loaded yet" action) makes
    /// the page anew, and the same text is then previewed against the larger
    /// catalogue instead of being lost.
    static DRAFT: RefCell<(String, bool)> = RefCell::default();
}

/// What "create" did, kept as data and worded when shown, so the status
/// line follows a language switch.
#[derive(Clone)]
enum Outcome {
    Created { id: PlaylistId, name: String },
    Failed(PlaylistError),
}

#[component]
pub fn AssignmentPaste() -> impl IntoView {
    let catalogue = use_catalogue();
    let partial = catalogue_is_partial();
    let study = use_study();
    let (draft, previewed) = DRAFT.with_borrow(Clone::clone);
    let text = RwSignal::new(draft);
    let shown = RwSignal::new(previewed);
    Effect::new(move |_| {
        let draft = (text.get(), shown.get());
        DRAFT.with_borrow_mut(|d| *d = draft);
    });
    let picks = RwSignal::new(BTreeMap::<usize, VideoId>::new());
    let name = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let result = Memo::new(move |_| {
        shown.get().then(|| {
            picks.with(|p| text.with(|t| assignment_playlist(catalogue, &with_picks(t, p))))
        })
    });
    // What an empty name field becomes, shown as its placeholder.
    let suggested = Memo::new(move |_| {
        let videos = result.with(|r| r.as_ref().map(|a| a.videos.clone()).unwrap_or_default());
        let name = text.with(|t| default_name(catalogue, t, &videos));
        default_name_text(catalogue, &name)
    });
    let title = move |id: &VideoId| {
        catalogue
            .video(id)
            .map(|v| v.title.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let preview = move |_| {
        picks.set(BTreeMap::new());
        outcome.set(None);
        shown.set(true);
    };
    let create = move |_| {
        let Some(Assignment { videos, .. }) = result.get_untracked() else {
            return;
        };
        let typed = name.get_untracked();
        let typed = if typed.trim().is_empty() {
            suggested.get_untracked()
        } else {
            typed
        };
        let due = text.with_untracked(|t| read_due_date(t, today()));
        let created = study.update(|s, now| {
            let id = new_playlist_id(s, now);
            s.create_playlist_with(id.clone(), &typed, &videos, now)?;
            if let Some(mut list) = s.playlist_mut(&id, now) {
                list.set_due(due);
            }
            Ok(id)
        });
        outcome.set(Some(match created {
            Ok(id) => Outcome::Created { id, name: typed },
            Err(e) => Outcome::Failed(e),
        }));
    };
    view! {
        <section class="assignment-paste" aria-labelledby="assignment-heading">
            <h2 id="assignment-heading">{move || t().assignment_heading}</h2>
            <label for="assignment-text">{move || t().assignment_label}</label>
            <textarea
                id="assignment-text"
                rows="6"
                maxlength="20000"
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    shown.set(false);
                }
            ></textarea>
            <p>
                <button type="button" class="button preview-assignment" on:click=preview>
                    {move || t().assignment_preview}
                </button>
            </p>
            {move || result.get().map(|found| {
                let count = found.videos.len();
                let videos = found.videos.iter().map(|id| view! { <li data-video-id=id.to_string()>{title(id)}</li> }).collect_view();
                let unmatched = found.unmatched.iter().map(|(line, text)| view! {
                    <li><span class="line-number">{line.to_string()}</span> " " {text.clone()}</li>
                }).collect_view();
                let ambiguous = found.ambiguous.iter().map(|(line, candidates)| {
                    let line = *line;
                    let source = text.with_untracked(|t| lines(t).find(|(n, _)| *n == line).map(|(_, l)| l.trim().to_string()).unwrap_or_default());
                    let options = candidates.iter().map(|id| view! { <option value=id.to_string()>{title(id)}</option> }).collect_view();
                    view! {
                        <li>
                            <label>
                                <span class="line-number">{line.to_string()}</span> " " {source}
                                <select on:change=move |ev| {
                                    if let Some(id) = VideoId::parse(&event_target_value(&ev)) {
                                        picks.update(|p| { p.insert(line, id); });
                                    }
                                }>
                                    <option value="">{move || t().assignment_pick}</option>
                                    {options}
                                </select>
                            </label>
                        </li>
                    }
                }).collect_view();
                let due = text.with_untracked(|t| read_due_date(t, today()));
                let unmatched_count = found.unmatched.len();
                let has_unmatched = unmatched_count > 0;
                let has_ambiguous = !found.ambiguous.is_empty();
                view! {
                    <div class="assignment-preview">
                        <p class="assignment-count">{move || fill(t().assignment_found, &[("n", &count.to_string())])}</p>
                        {due.map(|day| view! {
                            <p class="assignment-due">{move || fill(t().due_from_slide, &[("date", &day.iso())])}</p>
                        })}
                        <ol class="assignment-videos">{videos}</ol>
                        {has_ambiguous.then(|| view! {
                            <p>{move || t().assignment_ambiguous}</p>
                            <ul class="assignment-ambiguous">{ambiguous}</ul>
                        })}
                        {has_unmatched.then(|| view! {
                            <p>{move || t().assignment_unmatched}</p>
                            <ul class="assignment-unmatched">{unmatched}</ul>
                        })}
                        // A line naming a lecture in the pages not loaded matches nothing yet.
                        {(has_unmatched && partial).then(|| {
                            let text = Signal::derive(move || plural(&t().assignment_not_loaded, unmatched_count, &[]));
                            view! { <NotLoadedNote text class="assignment-not-loaded" /> }
                        })}
                        <p class="field-row">
                            <label for="assignment-name">{move || t().assignment_name_label}</label>
                            <input
                                id="assignment-name"
                                type="text"
                                maxlength=MAX_NAME_CHARS.to_string()
                                autocomplete="off"
                                placeholder=move || suggested.get()
                                prop:value=move || name.get()
                                on:input=move |ev| name.set(event_target_value(&ev))
                            />
                            <button type="button" class="button primary create-from-assignment" disabled=count == 0 on:click=create>
                                {move || t().assignment_create}
                            </button>
                        </p>
                    </div>
                }
            })}
            <p class="status" role="status">
                {move || outcome.get().map(|outcome| match outcome {
                    Outcome::Created { id, name } => view! {
                        {move || fill(t().playlist_created, &[("name", &name)])}
                        " "
                        <A href=href(&format!("/playlists/{id}")) attr:class="open-created">{move || t().open_playlist}</A>
                    }
                    .into_any(),
                    Outcome::Failed(error) => view! { {move || playlist_error_text(&error)} }.into_any(),
                })}
            </p>
        </section>
    }
}
