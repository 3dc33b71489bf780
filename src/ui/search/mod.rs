//! The catalogue's search: box, facets, sort, results and keyboard moves.

pub mod active_filters;
pub mod facet_panel;
pub mod filter_toggle;
pub mod filters;
pub mod forgiven;
pub mod highlight;
pub mod keyboard;
pub mod no_results;
pub mod result_list;
pub mod search_box;
pub mod sort_select;
pub mod typed;
