//! How complete a course is in this catalogue. While the catalogue is
//! partial: "9 of 36 lectures loaded; not loaded yet: 1–26, 28." or "This
//! course's earlier lectures may not be loaded yet." with the load action;
//! once it is whole: "10 of 40 lectures loaded (missing: 1–30)". Silent when
//! nothing is known to be missing.

use leptos::prelude::*;
use shelf_core::sources::{holdings, series_holding, spans_of, Gap};

use crate::context::use_catalogue;
use crate::i18n::t;
use crate::ui::sources::holdings::spans;
use crate::ui::sources::load_missing::NotLoadedNote;
use crate::ui::study::util::fill;

#[component]
pub fn CoverageNote(#[prop(into)] series_id: Signal<String>) -> impl IntoView {
    let catalogue = use_catalogue();
    let held = holdings(catalogue);
    let partial = held.is_partial();
    let found = Memo::new(move |_| series_id.with(|id| series_holding(catalogue, &held, id)));
    move || {
        found.with(|h| {
            let c = &h.coverage;
            let values = |missing: &[u32]| {
                [
                    ("loaded", c.loaded.to_string()),
                    ("expected", c.expected.unwrap_or_default().to_string()),
                    ("missing", spans(&spans_of(missing))),
                ]
            };
            match (h.gap(), partial) {
                (Gap::None, _) => None,
                (Gap::Lectures(missing), true) => {
                    let values = values(&missing);
                    let text = Signal::derive(move || {
                        let v: Vec<(&str, &str)> =
                            values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                        fill(t().coverage_not_loaded, &v)
                    });
                    Some(view! { <NotLoadedNote text class="coverage-note" /> }.into_any())
                }
                (Gap::MaybeEarlier, _) => {
                    let text = Signal::derive(move || t().coverage_maybe_earlier.to_string());
                    Some(view! { <NotLoadedNote text class="coverage-note" /> }.into_any())
                }
                (Gap::Lectures(missing), false) => {
                    let values = values(&missing);
                    let text = move || {
                        let v: Vec<(&str, &str)> =
                            values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                        fill(t().coverage_partial, &v)
                    };
                    Some(view! { <p class="coverage-note">{text}</p> }.into_any())
                }
            }
        })
    }
}
