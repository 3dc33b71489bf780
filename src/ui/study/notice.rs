//! Says when stored study data could not be read or saved. (stub)

use leptos::prelude::*;

#[component]
pub fn StoreNoticeBanner() -> impl IntoView {}
