//! Whether the browser believes it is online: only a hint (it can be
//! online with no route to the source), used to skip pointless refreshes.

pub fn is_online() -> bool {
    leptos::prelude::window().navigator().on_line()
}
