//! Google Drive's hidden app folder as a sync backend (Drive API v3, scope
//! `drive.appdata`: the app sees only the files it made there, the student
//! never sees them in Drive). The same four calls as every backend
//! (`remote_folder::Backend`), in Rust over `fetch`:
//!
//! - **Names.** The app folder is flat, so the devices folder's files are
//!   named with the folder in front: `lecture-shelf/devices/<id>.json` is
//!   `lecture-shelf-devices-<id>.json` ([`drive_name`]). A listing keeps
//!   only those names and gives them back without the prefix.
//! - **ETags.** Drive v3 has no conditional writes. A file's etag here is
//!   `<file id>.<version>`: `version` grows with every change to the file,
//!   and the id changes when a file is deleted and made again, so a stale
//!   etag never matches a new file. A write checks it first: `put` and
//!   `delete` look the file up (one small request) and refuse with
//!   `Conflict` when it is not at the etag given (or, for a create, when it
//!   exists). **The race accepted:** a change landing between that look-up
//!   and the write is overwritten. Only this device writes its own file, and
//!   its tabs sync one at a time (a Web Lock), so the only other writer is a
//!   device forgetting this one (a delete): then the write meets 404 and is
//!   reported as `Conflict`, or the delete wins and the next round sees this
//!   device forgotten. Two creates of one name (a lost reply retried) leave
//!   two files of one name: a listing reads the newest, a delete removes all.
//! - **Reads.** `get` reports the etag of the listing (or look-up) made
//!   before the download, never a newer one, so a file changed in between is
//!   read again next round rather than missed.
//! - **Tokens** come from Google's OAuth 2.0 token flow for browser apps
//!   ([`authorize_url`], returned through `web/oauth.rs`) and last an hour;
//!   there is no refresh token. A request with an expired token, or a 401,
//!   is `Unauthorized`: "reconnect needed", every local edit kept. A 403 is a
//!   rate limit or a refusal (`Status(403)`), except a token without the
//!   app-folder scope (the student unticked it on Google's page), which only
//!   reconnecting fixes (`Unauthorized`). The connection (token and expiry)
//!   is kept like every backend's and never printed: `Debug` hides it.
//!
//! The client id is the deployer's (`SHELF_GOOGLE_CLIENT_ID` at build time,
//! named in the page by the post-build hook, `scripts/google-client.mjs`):
//! without one, [`client_id`] is None and the app offers no Google option.

use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use shelf_core::sync::{DEVICES_FOLDER, MAX_DEVICE_FILE_BYTES};

use crate::web::clock::now_ms;
use crate::web::document::meta_content;
use crate::web::oauth;
use crate::web::remote_folder::{send_raw, Fetched, Listed, RemoteError, Reply};

/// The `<meta>` the post-build hook writes with the deployer's client id.
pub const CLIENT_META: &str = "shelf-google-client-id";
/// Only the app's own hidden folder.
pub const SCOPE: &str = "https://www.googleapis.com/auth/drive.appdata";
const AUTHORIZE: &str = "https://accounts.google.com/o/oauth2/v2/auth";
const FILES: &str = "https://www.googleapis.com/drive/v3/files";
const UPLOAD: &str = "https://www.googleapis.com/upload/drive/v3/files";
/// What a listing asks of each file. `nextPageToken` must be named too: a
/// `fields` mask leaves out everything it does not name.
const LIST_FIELDS: &str = "nextPageToken,files(id,name,version,size,modifiedTime)";
const FILE_FIELDS: &str = "id,name,version,size,modifiedTime";
/// Files per listing page (Drive allows up to 1,000; 100 is its default).
const PAGE_SIZE: u32 = 100;
/// A listing page of 100 files is ~20 kB; more than this is not one.
const MAX_META_BYTES: u64 = 256 * 1024;
/// More pages than this (10,000 files) is not a devices folder.
const MAX_PAGES: usize = 100;
/// A token is taken as expired this long before Google says, so a round
/// does not start on a token that lapses halfway.
const EXPIRY_MARGIN_MS: u64 = 60_000;

/// The device file `name` (inside the devices folder) as named in the app folder.
pub fn drive_name(name: &str) -> String {
    format!("{}{name}", DEVICES_FOLDER.replace('/', "-"))
}

/// The devices-folder name of an app-folder file, when it is one of ours.
pub fn folder_name(drive_name: &str) -> Option<String> {
    let name = drive_name.strip_prefix(DEVICES_FOLDER.replace('/', "-").as_str())?;
    (!name.is_empty()).then(|| name.to_owned())
}

/// Whether `id` looks like a Google OAuth web client id (the same rule as
/// the build's, `scripts/google-client.mjs`).
pub fn valid_client_id(id: &str) -> bool {
    let Some(label) = id.strip_suffix(".apps.googleusercontent.com") else {
        return false;
    };
    !label.is_empty()
        && label.len() <= 151
        && label.starts_with(|c: char| c.is_ascii_alphanumeric())
        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The deployer's client id, when the build set one: Google sync is offered only then.
pub fn client_id() -> Option<String> {
    meta_content(CLIENT_META).filter(|id| valid_client_id(id))
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Google's authorize URL for the token flow: the token comes back in the
/// fragment of `redirect_uri` (the app's base URL, registered by the deployer).
pub fn authorize_url(client_id: &str, redirect_uri: &str, state: &str) -> String {
    format!(
        "{AUTHORIZE}?client_id={}&redirect_uri={}&response_type=token&scope={}&state={}&include_granted_scopes=true",
        encode(client_id),
        encode(redirect_uri),
        encode(SCOPE),
        encode(state),
    )
}

/// Leaves for Google's consent page (through `web/oauth.rs`, which saves
/// the state to check on return). Local data stays as it is: connecting
/// again after "reconnect needed" is this same call.
pub fn connect(client_id: &str) {
    let redirect = oauth::redirect_uri();
    oauth::begin(oauth::Grant::GoogleDrive, |state| {
        authorize_url(client_id, &redirect, state)
    });
}

/// One file of the app folder, as a listing or look-up gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct DriveFile {
    id: String,
    name: String,
    version: u64,
    size: Option<u64>,
    modified: String,
}

impl DriveFile {
    fn etag(&self) -> String {
        format!("{}.{}", self.id, self.version)
    }
}

/// A Google Drive connection: the access token and when it expires.
#[derive(Serialize, Deserialize)]
pub struct Connection {
    token: String,
    /// Epoch ms; 0 when Google did not say (then only a 401 tells).
    expires_at_ms: u64,
    /// The files the last listing and look-ups of this connection saw, so
    /// a round's downloads need no look-up of their own. (A `Mutex` only because
    /// signals hold `Sync` values: the app has one thread.)
    #[serde(skip)]
    seen: Mutex<Vec<DriveFile>>,
}

/// A copy starts with nothing seen: each round lists afresh.
impl Clone for Connection {
    fn clone(&self) -> Self {
        Connection {
            token: self.token.clone(),
            expires_at_ms: self.expires_at_ms,
            seen: Mutex::default(),
        }
    }
}

/// The same connection: the same token (what was seen is a cache).
impl PartialEq for Connection {
    fn eq(&self, other: &Self) -> bool {
        self.token == other.token && self.expires_at_ms == other.expires_at_ms
    }
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("token", &"(hidden)")
            .field("expires_at_ms", &self.expires_at_ms)
            .finish()
    }
}

impl Connection {
    /// What the OAuth return granted: the token, valid `expires_in` seconds from `now_ms`.
    pub fn granted(token: String, expires_in: Option<u64>, now_ms: u64) -> Self {
        Connection {
            token,
            expires_at_ms: expires_in.map_or(0, |s| now_ms.saturating_add(s.saturating_mul(1000))),
            seen: Mutex::default(),
        }
    }

    fn seen(&self) -> std::sync::MutexGuard<'_, Vec<DriveFile>> {
        // Nothing panics while holding it, so it is never poisoned; if it
        // were, the cache is only a cache.
        self.seen
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether the token is (nearly) past its lifetime at `now_ms`.
    pub fn expired(&self, now_ms: u64) -> bool {
        self.expires_at_ms != 0 && now_ms.saturating_add(EXPIRY_MARGIN_MS) >= self.expires_at_ms
    }

    async fn request(
        &self,
        method: &str,
        url: &str,
        content_type: Option<&str>,
        body: Option<&str>,
        max_bytes: u64,
    ) -> Result<Reply, RemoteError> {
        if self.expired(now_ms()) {
            return Err(RemoteError::Unauthorized);
        }
        let auth = format!("Bearer {}", self.token);
        let mut headers = vec![("Authorization", auth.as_str())];
        if let Some(kind) = content_type {
            headers.push(("Content-Type", kind));
        }
        let reply = send_raw(method, url, &headers, body, max_bytes).await?;
        match reply.status {
            200..=299 | 404 => Ok(reply),
            status => Err(status_error(status, &reply.body)),
        }
    }

    /// Every file of ours in the app folder, following `nextPageToken`.
    async fn files(&self, query: Option<&str>) -> Result<Vec<DriveFile>, RemoteError> {
        let mut files = Vec::new();
        let mut page: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut url = format!(
                "{FILES}?spaces=appDataFolder&pageSize={PAGE_SIZE}&fields={}",
                encode(LIST_FIELDS)
            );
            if let Some(q) = query {
                url.push_str(&format!("&q={}", encode(q)));
            }
            if let Some(token) = &page {
                url.push_str(&format!("&pageToken={}", encode(token)));
            }
            let reply = self
                .request("GET", &url, None, None, MAX_META_BYTES)
                .await?;
            if reply.status == 404 {
                return Err(RemoteError::Status(404));
            }
            let (found, next) = read_listing(&reply.body)?;
            files.extend(found);
            match next {
                Some(token) => page = Some(token),
                None => return Ok(files),
            }
        }
        Err(RemoteError::Garbage("a listing without end".into()))
    }

    /// The files named `name` now (newest first), remembered for later calls.
    async fn look_up(&self, name: &str) -> Result<Vec<DriveFile>, RemoteError> {
        let query = format!("name = '{}'", quote(&drive_name(name)));
        let found = named(&self.files(Some(&query)).await?, name);
        let mut seen = self.seen();
        seen.retain(|f| !is_named(f, name));
        seen.extend(found.iter().cloned());
        Ok(found)
    }

    /// The devices folder; an app folder without our files is empty.
    pub async fn list(&self) -> Result<Vec<Listed>, RemoteError> {
        let files = self.files(None).await?;
        let mut names: Vec<String> = Vec::new();
        for name in files.iter().filter_map(|f| folder_name(&f.name)) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names.sort();
        let listed = names
            .into_iter()
            .filter_map(|name| {
                let newest = named(&files, &name).into_iter().next()?;
                Some(Listed {
                    name,
                    etag: newest.etag(),
                    size: newest.size,
                })
            })
            .collect();
        *self.seen() = files;
        Ok(listed)
    }

    /// A device file's text, or None when there is none.
    pub async fn get(&self, name: &str) -> Result<Option<Fetched>, RemoteError> {
        let known = named(&self.seen(), name).into_iter().next();
        let file = match known {
            Some(file) => file,
            None => match self.look_up(name).await?.into_iter().next() {
                Some(file) => file,
                None => return Ok(None),
            },
        };
        if let Some(size) = file.size.filter(|&s| s > MAX_DEVICE_FILE_BYTES) {
            return Err(RemoteError::TooLarge(size));
        }
        let url = format!("{FILES}/{}?alt=media", encode(&file.id));
        let reply = self
            .request("GET", &url, None, None, MAX_DEVICE_FILE_BYTES)
            .await?;
        if reply.status == 404 {
            self.seen().retain(|f| !is_named(f, name));
            return Ok(None);
        }
        Ok(Some(Fetched {
            body: reply.body,
            etag: file.etag(),
        }))
    }

    /// Writes a device file: a new one when `if_match` is None (refused when
    /// one exists), else over the file only while it is at `if_match`. The
    /// new etag.
    pub async fn put(
        &self,
        name: &str,
        body: &str,
        if_match: Option<&str>,
    ) -> Result<String, RemoteError> {
        let current = self.look_up(name).await?.into_iter().next();
        let reply = match (if_match, &current) {
            (None, None) => {
                let boundary = boundary_for(body);
                let url = format!(
                    "{UPLOAD}?uploadType=multipart&fields={}",
                    encode(FILE_FIELDS)
                );
                let kind = format!("multipart/related; boundary={boundary}");
                let payload = multipart(&boundary, &drive_name(name), body);
                self.request("POST", &url, Some(&kind), Some(&payload), MAX_META_BYTES)
                    .await?
            }
            (Some(expected), Some(file)) if file.etag() == expected => {
                let url = format!(
                    "{UPLOAD}/{}?uploadType=media&fields={}",
                    encode(&file.id),
                    encode(FILE_FIELDS)
                );
                self.request(
                    "PATCH",
                    &url,
                    Some("application/json"),
                    Some(body),
                    MAX_META_BYTES,
                )
                .await?
            }
            _ => return Err(RemoteError::Conflict),
        };
        if reply.status == 404 {
            // Deleted between the look-up and the write (a device forgot this one).
            self.seen().retain(|f| !is_named(f, name));
            return Err(RemoteError::Conflict);
        }
        let written = read_file(&reply.body)?;
        let etag = written.etag();
        let mut seen = self.seen();
        seen.retain(|f| f.id != written.id);
        seen.push(written);
        Ok(etag)
    }

    /// Deletes a device file (every file of that name), only while it is at
    /// `if_match` when given; one already gone is fine.
    pub async fn delete(&self, name: &str, if_match: Option<&str>) -> Result<(), RemoteError> {
        let files = self.look_up(name).await?;
        let Some(newest) = files.first() else {
            return Ok(());
        };
        if if_match.is_some_and(|expected| newest.etag() != expected) {
            return Err(RemoteError::Conflict);
        }
        for file in &files {
            let url = format!("{FILES}/{}", encode(&file.id));
            // 404: gone already, as wanted.
            self.request("DELETE", &url, None, None, MAX_META_BYTES)
                .await?;
        }
        self.seen().retain(|f| !is_named(f, name));
        Ok(())
    }
}

/// A failed status as the sync driver reads it (see the module).
fn status_error(status: u16, body: &str) -> RemoteError {
    match status {
        401 => RemoteError::Unauthorized,
        403 if lacks_scope(body) => RemoteError::Unauthorized,
        412 => RemoteError::Conflict,
        status => RemoteError::Status(status),
    }
}

/// Whether a 403's error body says the token lacks the scope (v3's
/// `insufficientPermissions` reason, or the newer `ACCESS_TOKEN_SCOPE_INSUFFICIENT`).
fn lacks_scope(body: &str) -> bool {
    let Ok(value) = serde_json::from_str::<Value>(body) else {
        return false;
    };
    let error = &value["error"];
    let reasons = error["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(error["details"].as_array().into_iter().flatten())
        .filter_map(|e| e["reason"].as_str());
    reasons.into_iter().any(|r| {
        matches!(
            r,
            "insufficientPermissions" | "ACCESS_TOKEN_SCOPE_INSUFFICIENT"
        )
    })
}

/// A string inside a Drive query's single quotes.
fn quote(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\'', "\\'")
}

/// A `files` resource as Drive returns it (numbers as strings: int64 in JSON).
fn read_file(body: &str) -> Result<DriveFile, RemoteError> {
    let value: Value = serde_json::from_str(body)
        .map_err(|_| RemoteError::Garbage("a file that is not JSON".into()))?;
    file_of(&value).ok_or_else(|| RemoteError::Garbage("a file without id, name or version".into()))
}

fn file_of(value: &Value) -> Option<DriveFile> {
    let number = |v: &Value| match v {
        Value::String(s) => s.parse::<u64>().ok(),
        other => other.as_u64(),
    };
    let id = value["id"].as_str().filter(|id| !id.is_empty())?;
    Some(DriveFile {
        id: id.to_owned(),
        name: value["name"].as_str()?.to_owned(),
        version: number(&value["version"])?,
        size: number(&value["size"]),
        modified: value["modifiedTime"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    })
}

/// One listing page: its files and the next page's token.
fn read_listing(body: &str) -> Result<(Vec<DriveFile>, Option<String>), RemoteError> {
    let value: Value = serde_json::from_str(body)
        .map_err(|_| RemoteError::Garbage("a listing that is not JSON".into()))?;
    let files = value["files"]
        .as_array()
        .ok_or_else(|| RemoteError::Garbage("a listing without files".into()))?
        .iter()
        .map(|f| {
            file_of(f).ok_or_else(|| {
                RemoteError::Garbage("a listed file without id, name or version".into())
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let next = value["nextPageToken"]
        .as_str()
        .filter(|t| !t.is_empty())
        .map(str::to_owned);
    Ok((files, next))
}

fn is_named(file: &DriveFile, name: &str) -> bool {
    folder_name(&file.name).as_deref() == Some(name)
}

/// The files of device file `name` among `files`, newest first (RFC 3339
/// times in one format sort as text; then the higher version). Plain
/// vectors: a folder holds a few devices, and a map type would add code.
fn named(files: &[DriveFile], name: &str) -> Vec<DriveFile> {
    let mut found: Vec<DriveFile> = files
        .iter()
        .filter(|f| is_named(f, name))
        .cloned()
        .collect();
    found.sort_by(|a, b| (&b.modified, b.version).cmp(&(&a.modified, a.version)));
    found
}

/// A multipart boundary that does not occur in `body`.
fn boundary_for(body: &str) -> String {
    let mut boundary = String::from("lecture-shelf-part");
    while body.contains(&boundary) {
        boundary.push('x');
    }
    boundary
}

/// A `multipart/related` create: the metadata (name, in the app folder), then the file.
fn multipart(boundary: &str, drive_name: &str, body: &str) -> String {
    let metadata = serde_json::json!({
        "name": drive_name,
        "parents": ["appDataFolder"],
        "mimeType": "application/json",
    });
    format!(
        "--{boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{metadata}\r\n\
         --{boundary}\r\nContent-Type: application/json\r\n\r\n{body}\r\n--{boundary}--\r\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_files_are_named_with_the_folder_in_front_and_read_back() {
        assert_eq!(drive_name("abc.json"), "lecture-shelf-devices-abc.json");
        assert_eq!(
            folder_name("lecture-shelf-devices-abc.json").as_deref(),
            Some("abc.json")
        );
        assert_eq!(folder_name("lecture-shelf-devices-"), None);
        assert_eq!(folder_name("other.json"), None);
    }

    #[test]
    fn client_ids_of_googles_shape_only() {
        assert!(valid_client_id("123-abc.apps.googleusercontent.com"));
        assert!(valid_client_id("test-client.apps.googleusercontent.com"));
        for bad in [
            "",
            ".apps.googleusercontent.com",
            "-x.apps.googleusercontent.com",
            "a b.apps.googleusercontent.com",
            "x.apps.googleusercontent.com.evil.example",
            "\"><x.apps.googleusercontent.com",
        ] {
            assert!(!valid_client_id(bad), "{bad}");
        }
    }

    #[test]
    fn the_authorize_url_asks_for_a_token_for_the_app_folder_only() {
        let url = authorize_url(
            "1-a.apps.googleusercontent.com",
            "https://u.github.io/lecture-shelf/",
            "s t&",
        );
        assert_eq!(
            url,
            "https://accounts.google.com/o/oauth2/v2/auth?client_id=1-a.apps.googleusercontent.com\
             &redirect_uri=https%3A%2F%2Fu.github.io%2Flecture-shelf%2F&response_type=token\
             &scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive.appdata&state=s%20t%26\
             &include_granted_scopes=true"
        );
    }

    #[test]
    fn a_token_expires_a_minute_early_and_an_unknown_lifetime_never() {
        let c = Connection::granted("t".into(), Some(3599), 1_000_000);
        assert!(!c.expired(1_000_000));
        assert!(!c.expired(1_000_000 + 3_599_000 - EXPIRY_MARGIN_MS - 1));
        assert!(c.expired(1_000_000 + 3_599_000 - EXPIRY_MARGIN_MS));
        assert!(!Connection::granted("t".into(), None, 0).expired(u64::MAX));
        assert!(Connection::granted("t".into(), Some(u64::MAX), u64::MAX).expired(u64::MAX));
    }

    #[test]
    fn the_token_is_stored_but_never_printed() {
        let c = Connection::granted("ya29.secret".into(), Some(3599), 5);
        assert!(!format!("{c:?}").contains("ya29"));
        let text = serde_json::to_string(&c).expect("serializes");
        assert!(text.contains("ya29.secret"), "kept for the next visit");
        let back: Connection = serde_json::from_str(&text).expect("reads back");
        assert_eq!(back, c);
    }

    #[test]
    fn a_listing_keeps_our_files_newest_first_and_follows_pages() {
        let body = r#"{"nextPageToken":"p2","files":[
            {"id":"A","name":"lecture-shelf-devices-a.json","version":"3","size":"120","modifiedTime":"2026-01-01T00:00:00.000Z"},
            {"id":"B","name":"lecture-shelf-devices-a.json","version":"1","size":"10","modifiedTime":"2026-01-02T00:00:00.000Z"},
            {"id":"C","name":"notes.txt","version":"1","modifiedTime":"2026-01-02T00:00:00.000Z"}]}"#;
        let (files, next) = read_listing(body).expect("reads");
        assert_eq!(next.as_deref(), Some("p2"));
        assert!(named(&files, "notes.txt").is_empty(), "not ours");
        let a = named(&files, "a.json");
        assert_eq!((a[0].etag(), a[0].size), ("B.1".to_owned(), Some(10)));
        assert_eq!(a[1].etag(), "A.3");
        let (_, last) = read_listing(r#"{"files":[]}"#).expect("reads");
        assert_eq!(last, None);
    }

    #[test]
    fn a_listing_that_is_not_one_is_garbage() {
        for body in [
            "<html>",
            "{}",
            r#"{"files":{}}"#,
            r#"{"files":[{"name":"lecture-shelf-devices-a.json","version":"1"}]}"#,
            r#"{"files":[{"id":"A","name":"lecture-shelf-devices-a.json","version":"x"}]}"#,
        ] {
            assert!(
                matches!(read_listing(body), Err(RemoteError::Garbage(_))),
                "{body}"
            );
        }
    }

    #[test]
    fn statuses_as_the_driver_reads_them() {
        assert_eq!(status_error(401, ""), RemoteError::Unauthorized);
        let rate = r#"{"error":{"code":403,"errors":[{"domain":"usageLimits","reason":"userRateLimitExceeded"}]}}"#;
        assert_eq!(status_error(403, rate), RemoteError::Status(403));
        let scope = r#"{"error":{"code":403,"errors":[{"reason":"insufficientPermissions"}]}}"#;
        assert_eq!(status_error(403, scope), RemoteError::Unauthorized);
        let newer = r#"{"error":{"code":403,"status":"PERMISSION_DENIED","details":[{"reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT"}]}}"#;
        assert_eq!(status_error(403, newer), RemoteError::Unauthorized);
        assert_eq!(status_error(403, "not json"), RemoteError::Status(403));
        assert_eq!(status_error(429, ""), RemoteError::Status(429));
        assert_eq!(status_error(503, ""), RemoteError::Status(503));
    }

    #[test]
    fn a_create_is_one_multipart_request_with_the_name_in_the_app_folder() {
        let body = r#"{"format":"lecture-shelf-device"}"#;
        let boundary = boundary_for(body);
        let payload = multipart(&boundary, "lecture-shelf-devices-a.json", body);
        let parts: Vec<&str> = payload.split(&format!("--{boundary}")).collect();
        assert_eq!(parts.len(), 4, "preamble, metadata, file, closing");
        let metadata = parts[1]
            .split("\r\n\r\n")
            .nth(1)
            .expect("a metadata body")
            .trim();
        let metadata: Value = serde_json::from_str(metadata).expect("metadata is JSON");
        assert_eq!(metadata["name"], "lecture-shelf-devices-a.json");
        assert_eq!(metadata["parents"], serde_json::json!(["appDataFolder"]));
        assert_eq!(parts[2].split("\r\n\r\n").nth(1).map(str::trim), Some(body));
        assert_eq!(parts[3], "--\r\n");
        let tricky = "x lecture-shelf-part y";
        assert!(!tricky.contains(&boundary_for(tricky)));
    }

    #[test]
    fn queries_quote_names() {
        assert_eq!(quote(r"a'b\c"), r"a\'b\\c");
        assert_eq!(encode("name = 'x'"), "name%20%3D%20%27x%27");
    }
}
