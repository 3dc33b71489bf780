//! The OAuth return, for every sync backend (remoteStorage's implicit
//! grant and Google's token flow both come back as
//! `<base URL>#access_token=…&token_type=…&state=…`, or `#error=…`).
//!
//! Leaving: [`begin`] saves a random `state` with what the backend needs to
//! finish (`Pending`, localStorage) and navigates to the authorize URL.
//! Returning: [`read_return`] runs at start, before the router and before
//! `/shared`'s `#share=` reader could see the hash: it takes the hash only
//! when it is an OAuth answer (`access_token=`/`error=` with `state=`; a
//! share link starts `#share=`), replaces the URL at once
//! (`history.replaceState`, to the sync page, no hash) so the token is
//! never left in the address bar or history, and checks `state` against the
//! pending one. The driver picks the result up with [`take_returned`].

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use crate::web::base::base_path;
use crate::web::{random, storage};

const PENDING_KEY: &str = "lecture-shelf/sync/pending";

/// Which backend a sign-in is for, and what it needs to finish once the
/// token comes back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grant {
    /// The address the student typed and the storage root WebFinger gave.
    RemoteStorage {
        address: String,
        href: String,
    },
    GoogleDrive,
}

/// What leaving for an authorize page saved: the state to expect back and
/// the grant it is for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Pending {
    state: String,
    grant: Grant,
}

/// What came back.
#[derive(Clone, Debug, PartialEq)]
pub enum Returned {
    Granted {
        grant: Grant,
        token: String,
        /// Seconds, when the server says (Google's tokens expire).
        expires_in: Option<u64>,
    },
    /// The server said no (`#error=access_denied`, …): its code.
    Refused { error: String },
    /// A state this browser did not send: a stale or forged return. Nothing is connected.
    WrongState,
}

thread_local! {
    static RETURNED: RefCell<Option<Returned>> = const { RefCell::new(None) };
}

/// The app's client id: its origin (remoteStorage's rule: no registration).
pub fn client_id() -> String {
    leptos::prelude::window()
        .location()
        .origin()
        .unwrap_or_default()
}

/// Where authorize pages send the student back: the app's base URL, which
/// a static host serves at a site's root, under a sub-path and to an
/// installed PWA alike.
pub fn redirect_uri() -> String {
    format!("{}{}/", client_id(), base_path())
}

/// Saves the pending state and goes to `authorize(state)`.
pub fn begin(grant: Grant, authorize: impl FnOnce(&str) -> String) {
    let state: String = random::secure_bytes::<16>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let pending = Pending {
        state: state.clone(),
        grant,
    };
    let text = serde_json::to_string(&pending).expect("pending state serializes");
    if storage::write(PENDING_KEY, &text).is_err() {
        return;
    }
    let _ = leptos::prelude::window()
        .location()
        .assign(&authorize(&state));
}

/// Reads an OAuth answer from the URL's hash, if it holds one (see the module).
pub fn read_return() {
    let window = leptos::prelude::window();
    let Ok(hash) = window.location().hash() else {
        return;
    };
    let Some(fields) = oauth_fields(&hash) else {
        return;
    };
    // First, whatever follows: the token must not stay in the address bar.
    let clean = format!("{}/sync", base_path());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let pending = storage::read(PENDING_KEY)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str::<Pending>(&t).ok());
    let _ = storage::remove(PENDING_KEY);
    let returned = match (pending, field("state")) {
        (Some(pending), Some(state)) if pending.state == state => {
            match (field("access_token"), field("error")) {
                (Some(token), _) if !token.is_empty() => Returned::Granted {
                    grant: pending.grant,
                    token,
                    expires_in: field("expires_in").and_then(|s| s.parse().ok()),
                },
                (_, error) => Returned::Refused {
                    error: error.unwrap_or_else(|| "no token".into()),
                },
            }
        }
        _ => Returned::WrongState,
    };
    RETURNED.with(|r| *r.borrow_mut() = Some(returned));
}

/// The answer [`read_return`] found at start, once.
pub fn take_returned() -> Option<Returned> {
    RETURNED.with(|r| r.borrow_mut().take())
}

/// The hash's fields when it is an OAuth answer: `access_token` or `error`,
/// and `state`.
fn oauth_fields(hash: &str) -> Option<Vec<(String, String)>> {
    let query = hash.strip_prefix('#')?;
    if !(query.starts_with("access_token=")
        || query.starts_with("error=")
        || query.contains("&access_token="))
    {
        return None;
    }
    let params = web_sys::UrlSearchParams::new_with_str(query).ok()?;
    let mut fields = Vec::new();
    for name in ["access_token", "error", "state", "expires_in", "token_type"] {
        if let Some(value) = params.get(name) {
            fields.push((name.to_owned(), value));
        }
    }
    fields.iter().any(|(k, _)| k == "state").then_some(fields)
}
