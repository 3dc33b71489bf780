//! Watched of total as a `<progress>` bar with the numbers in words beside it.

use leptos::prelude::*;
use shelf_core::catalogue::Series;
use shelf_core::study::{series_tally, Tally};

use crate::context::{use_catalogue, use_locale, use_study};
use crate::i18n::{t, LocaleText};
use crate::ui::study::util::fill;

#[component]
pub fn TallyBar(
    #[prop(into)] tally: Signal<Tally>,
    /// Names the bar for screen readers ("生成式AI導論 2024").
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let text = move || {
        let tally = tally.get();
        let mut text = fill(
            t().tally_text,
            &[
                ("watched", &tally.watched.to_string()),
                ("total", &tally.total.to_string()),
                ("percent", &tally.percent().to_string()),
            ],
        );
        if tally.in_progress > 0 {
            text.push_str(&fill(
                t().tally_in_progress,
                &[("n", &tally.in_progress.to_string())],
            ));
        }
        text
    };
    view! {
        <div class="tally" class:complete=move || tally.get().is_complete()>
            <progress
                max=move || tally.get().total.max(1)
                value=move || tally.get().watched
                aria-label=move || label.get()
                aria-valuetext=text
            ></progress>
            <span class="tally-text">{text}</span>
        </div>
    }
}

/// A series' localized name and its live watched tally, as the progress and
/// playlist pages both show them.
pub fn series_name_and_tally(series: &'static Series) -> (Signal<String>, Signal<Tally>) {
    let catalogue = use_catalogue();
    let study = use_study();
    let name = Signal::derive(move || use_locale().series_name(series).to_string());
    let progress = study.progress();
    let tally = Memo::new(move |_| progress.with(|p| series_tally(catalogue, p, &series.id)));
    (name, tally.into())
}
