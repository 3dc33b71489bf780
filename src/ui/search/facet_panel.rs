//! Facets with live counts: OR within a facet, AND across facets. A value
//! with no results stays listed but disabled, so the panel does not jump.

use leptos::prelude::*;
use shelf_core::catalogue::Lang;
use shelf_core::search::{FacetValue, Filter, Query, Results};
use shelf_core::watch::WatchState;

use crate::context::{use_catalogue, use_locale};
use crate::i18n::{plural, t};
use crate::ui::search::filters::{choice_label, close_panel, summary_label, HEADING_ID, PANEL_ID};
use crate::web::location::{use_set_query, HistoryEntry};

/// One checkbox of a facet, ready to render: the value itself (what a
/// toggle edits), its URL code (the form field's value) and its label in the
/// language shown.
#[derive(Clone, PartialEq)]
struct Choice<T> {
    value: T,
    code: String,
    label: String,
    count: usize,
    selected: bool,
}

fn choices<T: Clone>(
    values: &[FacetValue<T>],
    code: impl Fn(&T) -> String,
    label: impl Fn(&T) -> String,
) -> Vec<Choice<T>> {
    values
        .iter()
        .map(|v| Choice {
            value: v.value.clone(),
            code: code(&v.value),
            label: label(&v.value),
            count: v.count,
            selected: v.selected,
        })
        .collect()
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|v| *v == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}

#[component]
/// `open` matters on narrow screens only, where the panel starts closed
/// (CSS: without the `open` class it is not shown), so the page's first
/// screen is the results.
pub fn FacetPanel(
    query: Memo<Query>,
    results: Memo<Results>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let catalogue = use_catalogue();
    let set_query = use_set_query();
    let update = move |edit: &dyn Fn(&mut Query)| {
        let mut next = query.get_untracked();
        edit(&mut next);
        set_query.set(&next, HistoryEntry::Push);
    };

    // A value's words, as its chip says them.
    let label = move |filter: Filter| choice_label(t(), use_locale(), catalogue, &filter);
    let years = Signal::derive(move || {
        results.with(|r| {
            choices(
                &r.facets.years,
                |y| y.to_string(),
                |y| label(Filter::Year(*y)),
            )
        })
    });
    let series = Signal::derive(move || {
        results.with(|r| {
            choices(&r.facets.series, String::clone, |id| {
                label(Filter::Series(id.clone()))
            })
        })
    });
    let langs = Signal::derive(move || {
        results.with(|r| {
            choices(
                &r.facets.langs,
                |l| l.code().to_string(),
                |l| label(Filter::Lang(*l)),
            )
        })
    });
    let watched = Signal::derive(move || {
        results.with(|r| {
            choices(
                &r.facets.watched,
                |w| w.code().to_string(),
                |w| label(Filter::Watched(*w)),
            )
        })
    });
    let filtered = move || {
        query.with(|q| {
            q.text.is_empty()
                && *q
                    == Query {
                        sort: q.sort,
                        ..Query::default()
                    }
        })
    };

    view! {
        <aside
            class="facets"
            id=PANEL_ID
            class:open=move || open.get()
            aria-labelledby=HEADING_ID
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" && open.get_untracked() {
                    ev.prevent_default();
                    close_panel(open);
                }
            }
        >
            <div class="facets-heading">
                <h2 id=HEADING_ID>{move || t().filters_heading}</h2>
                <button
                    type="button"
                    class="link-button"
                    disabled=filtered
                    on:click=move |_| update(&|q| *q = Query { sort: q.sort, ..Query::default() })
                >
                    {move || t().clear_all}
                </button>
            </div>
            <CheckboxFacet
                legend=Signal::derive(move || t().facet_year)
                name="year"
                choices=years
                on_toggle=move |year: u16| update(&|q| toggle(&mut q.years, year))
            />
            <CheckboxFacet
                legend=Signal::derive(move || t().facet_series)
                name="series"
                choices=series
                on_toggle=move |id: String| update(&|q| toggle(&mut q.series, id.clone()))
            />
            <CheckboxFacet
                legend=Signal::derive(move || t().facet_lang)
                name="lang"
                choices=langs
                on_toggle=move |lang: Lang| update(&|q| toggle(&mut q.langs, lang))
            />
            <SummaryFacet query results update />
            <CheckboxFacet
                legend=Signal::derive(move || t().facet_watched)
                name="watched"
                choices=watched
                on_toggle=move |state: WatchState| update(&|q| toggle(&mut q.watched, state))
            />
            <label class="facet-toggle">
                <input
                    type="checkbox"
                    prop:checked=move || query.with(|q| q.hide_watched)
                    on:change=move |_| update(&|q| q.hide_watched = !q.hide_watched)
                />
                <span>{move || label(Filter::HideWatched)}</span>
            </label>
            // Phones: back to the results, which the open panel pushed down.
            <button type="button" class="button primary facets-done" on:click=move |_| close_panel(open)>
                {move || plural(&t().filters_done, results.with(|r| r.total), &[])}
            </button>
        </aside>
    }
}

#[component]
fn CheckboxFacet<T>(
    legend: Signal<&'static str>,
    name: &'static str,
    choices: Signal<Vec<Choice<T>>>,
    #[prop(into)] on_toggle: Callback<T>,
) -> impl IntoView
where
    T: Clone + Eq + std::hash::Hash + Send + Sync + 'static,
{
    view! {
        <fieldset class="facet" data-facet=name>
            <legend>{move || legend.get()}</legend>
            <ul role="list">
                <For
                    each=move || choices.get()
                    key=|c| c.value.clone()
                        children=move |choice| {
                        let value = choice.value.clone();
                        // Counts, state and label (a language switch) change without
                        // re-creating the row, so focus stays put.
                        let current = Memo::new(move |_| choices.with(|cs| cs.iter().find(|c| c.value == value).cloned()));
                        let count = move || current.with(|c| c.as_ref().map_or(0, |c| c.count));
                        let selected = move || current.with(|c| c.as_ref().is_some_and(|c| c.selected));
                        let label = move || current.with(|c| c.as_ref().map(|c| c.label.clone()).unwrap_or_default());
                        let value = choice.value.clone();
                        view! {
                            <li>
                                <label class="facet-choice" class:empty=move || count() == 0 && !selected()>
                                    <input
                                        type="checkbox"
                                        name=name
                                        value=choice.code.clone()
                                        prop:checked=selected
                                        disabled=move || count() == 0 && !selected()
                                        on:change=move |_| on_toggle.run(value.clone())
                                    />
                                    <span class="facet-label">{label}</span>
                                    <span class="facet-count">{count}</span>
                                </label>
                            </li>
                        }
                    }
                />
            </ul>
        </fieldset>
    }
}

/// With/without summary: one or the other or either, so radio buttons.
#[component]
fn SummaryFacet(
    query: Memo<Query>,
    results: Memo<Results>,
    update: impl Fn(&dyn Fn(&mut Query)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let count = move |value: bool| {
        results.with(|r| {
            r.facets
                .summary
                .iter()
                .find(|v| v.value == value)
                .map_or(0, |v| v.count)
        })
    };
    let option = move |value: Option<bool>| {
        let disabled =
            move || value.is_some_and(|v| count(v) == 0) && query.with(|q| q.summary != value);
        view! {
            <li>
                <label class="facet-choice" class:empty=disabled>
                    <input
                        type="radio"
                        name="summary"
                        prop:checked=move || query.with(|q| q.summary == value)
                        disabled=disabled
                        on:change=move |_| update(&|q| q.summary = value)
                    />
                    <span class="facet-label">{move || summary_label(t(), value)}</span>
                    {value.map(|v| view! { <span class="facet-count">{move || count(v)}</span> })}
                </label>
            </li>
        }
    };
    view! {
        <fieldset class="facet" data-facet="summary">
            <legend>{move || t().facet_summary}</legend>
            <ul role="list">
                {option(None)}
                {option(Some(true))}
                {option(Some(false))}
            </ul>
        </fieldset>
    }
}
