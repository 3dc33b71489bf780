//! The remoteStorage protocol (draft-dejong-remotestorage): WebFinger
//! discovery of `user@host`, the OAuth implicit grant's authorize URL, and
//! GET/PUT/DELETE of the device files under `<storage href>/lecture-shelf/devices/`
//! with a bearer token, ETag conditions and JSON-LD folder listings.
//! HTTPS only: the CSP allows `connect-src https:` and tokens never travel in clear.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use shelf_core::sync::{DEVICES_FOLDER, MAX_DEVICE_FILE_BYTES};

use crate::web::remote_folder::{send, Fetched, Listed, RemoteError};

/// The scope asked for: read/write on `/lecture-shelf/` only.
pub const SCOPE: &str = "lecture-shelf:rw";
const LINK_REL: &str = "http://tools.ietf.org/id/draft-dejong-remotestorage";
/// Older servers' rel for the same link.
const LINK_REL_OLD: &str = "remotestorage";
const AUTH_PROPERTY: &str = "http://tools.ietf.org/html/rfc6749#section-4.2";
/// A WebFinger answer or a folder listing is small; more is not one.
const MAX_META_BYTES: u64 = 256 * 1024;

/// A connected remoteStorage account (stored with its token, see `remote_folder::Backend`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Connection {
    /// `user@host`, as the student typed it.
    pub address: String,
    /// The storage root WebFinger gave (no trailing slash).
    pub href: String,
    pub token: String,
}

/// What WebFinger says about an address.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discovered {
    pub href: String,
    pub auth: String,
}

/// Why an address could not be used; each is one line for the student.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiscoveryError {
    /// Not `user@host`.
    Malformed,
    /// The host answered, but knows no such account (404 and the like).
    NotFound,
    /// The host answered with something that is not a remoteStorage link.
    NotRemoteStorage,
    /// No answer at all (no such host, refused, offline, not HTTPS).
    Unreachable,
}

/// `user@host` split, or None. The host may carry a port; the user is what
/// a WebFinger `acct:` URI allows without escaping.
pub fn parse_address(address: &str) -> Option<(&str, &str)> {
    let (user, host) = address.trim().rsplit_once('@')?;
    let user_ok = !user.is_empty()
        && user.len() <= 64
        && user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-+~".contains(c));
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (host, None),
    };
    let host_ok = !name.is_empty()
        && name.len() <= 253
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !name.starts_with(['.', '-'])
        && port
            .is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    (user_ok && host_ok).then_some((user, host))
}

/// Asks `host` about `user@host` (WebFinger, RFC 7033) for the storage
/// root and the OAuth endpoint.
pub async fn discover(address: &str) -> Result<Discovered, DiscoveryError> {
    let (user, host) = parse_address(address).ok_or(DiscoveryError::Malformed)?;
    let resource = js_sys::encode_uri_component(&format!("acct:{user}@{host}"));
    let url = format!("https://{host}/.well-known/webfinger?resource={resource}");
    let reply = send(
        "GET",
        &url,
        &[("Accept", "application/jrd+json")],
        None,
        MAX_META_BYTES,
    )
    .await
    .map_err(|e| match e {
        RemoteError::Offline => DiscoveryError::Unreachable,
        RemoteError::Unauthorized => DiscoveryError::NotFound,
        _ => DiscoveryError::NotRemoteStorage,
    })?;
    match reply.status {
        200..=299 => read_webfinger(&reply.body).ok_or(DiscoveryError::NotRemoteStorage),
        404 | 410 => Err(DiscoveryError::NotFound),
        _ => Err(DiscoveryError::NotRemoteStorage),
    }
}

/// The remoteStorage link of a WebFinger answer: https href and auth endpoint.
fn read_webfinger(body: &str) -> Option<Discovered> {
    let value: Value = serde_json::from_str(body).ok()?;
    let link = value.get("links")?.as_array()?.iter().find(|l| {
        matches!(
            l.get("rel").and_then(Value::as_str),
            Some(LINK_REL | LINK_REL_OLD)
        )
    })?;
    let href = link.get("href")?.as_str()?.trim_end_matches('/');
    let auth = link.get("properties")?.get(AUTH_PROPERTY)?.as_str()?;
    (href.starts_with("https://") && auth.starts_with("https://")).then(|| Discovered {
        href: href.to_owned(),
        auth: auth.to_owned(),
    })
}

/// The authorize URL of the implicit grant: the app's origin as client id
/// (no registration), its base URL as the return.
pub fn authorize_url(auth: &str, client_id: &str, redirect_uri: &str, state: &str) -> String {
    let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
    format!(
        "{auth}{sep}redirect_uri={}&scope={}&client_id={}&response_type=token&state={}",
        enc(redirect_uri),
        enc(SCOPE),
        enc(client_id),
        enc(state),
        sep = if auth.contains('?') { '&' } else { '?' },
    )
}

impl Connection {
    fn url(&self, name: &str) -> String {
        let name = String::from(js_sys::encode_uri_component(name));
        format!("{}/{DEVICES_FOLDER}{name}", self.href)
    }

    fn bearer(&self) -> String {
        format!("Bearer {}", self.token)
    }

    pub async fn list(&self) -> Result<Vec<Listed>, RemoteError> {
        let url = format!("{}/{DEVICES_FOLDER}", self.href);
        let auth = self.bearer();
        let reply = send(
            "GET",
            &url,
            &[("Authorization", &auth)],
            None,
            MAX_META_BYTES,
        )
        .await?;
        match reply.status {
            200 => read_listing(&reply.body),
            404 => Ok(Vec::new()),
            status => Err(RemoteError::Status(status)),
        }
    }

    pub async fn get(&self, name: &str) -> Result<Option<Fetched>, RemoteError> {
        let auth = self.bearer();
        let reply = send(
            "GET",
            &self.url(name),
            &[("Authorization", &auth)],
            None,
            MAX_DEVICE_FILE_BYTES,
        )
        .await?;
        match reply.status {
            200 => {
                let etag = reply
                    .etag
                    .ok_or_else(|| RemoteError::Garbage("no ETag".into()))?;
                Ok(Some(Fetched {
                    body: reply.body,
                    etag,
                }))
            }
            404 => Ok(None),
            status => Err(RemoteError::Status(status)),
        }
    }

    pub async fn put(
        &self,
        name: &str,
        body: &str,
        if_match: Option<&str>,
    ) -> Result<String, RemoteError> {
        let auth = self.bearer();
        let quoted = if_match.map(|e| format!("\"{e}\""));
        let condition = match &quoted {
            Some(etag) => ("If-Match", etag.as_str()),
            None => ("If-None-Match", "*"),
        };
        let headers = [
            ("Authorization", auth.as_str()),
            ("Content-Type", "application/json"),
            condition,
        ];
        let reply = send("PUT", &self.url(name), &headers, Some(body), MAX_META_BYTES).await?;
        match reply.status {
            200..=299 => reply
                .etag
                .ok_or_else(|| RemoteError::Garbage("no ETag".into())),
            status => Err(RemoteError::Status(status)),
        }
    }

    pub async fn delete(&self, name: &str, if_match: Option<&str>) -> Result<(), RemoteError> {
        let auth = self.bearer();
        let quoted = if_match.map(|e| format!("\"{e}\""));
        let mut headers = vec![("Authorization", auth.as_str())];
        if let Some(etag) = &quoted {
            headers.push(("If-Match", etag.as_str()));
        }
        let reply = send("DELETE", &self.url(name), &headers, None, MAX_META_BYTES).await?;
        match reply.status {
            200..=299 | 404 => Ok(()),
            status => Err(RemoteError::Status(status)),
        }
    }
}

/// A folder listing: `{"@context": …, "items": {"name": {"ETag": …,
/// "Content-Length": …}, "sub/": {…}}}` (and the older form, `{"name": "etag"}`).
/// Sub-folders are left out.
fn read_listing(body: &str) -> Result<Vec<Listed>, RemoteError> {
    let value: Value = serde_json::from_str(body)
        .map_err(|_| RemoteError::Garbage("listing is not JSON".into()))?;
    let items = match value.get("items") {
        Some(items) => items,
        None => &value,
    };
    let items = items
        .as_object()
        .ok_or_else(|| RemoteError::Garbage("listing has no items".into()))?;
    let mut listed = Vec::new();
    for (name, item) in items {
        if name.ends_with('/') {
            continue;
        }
        let (etag, size) = match item {
            Value::String(etag) => (etag.as_str(), None),
            Value::Object(fields) => (
                fields
                    .get("ETag")
                    .and_then(Value::as_str)
                    .ok_or_else(|| RemoteError::Garbage(format!("{name}: no ETag")))?,
                fields.get("Content-Length").and_then(Value::as_u64),
            ),
            _ => return Err(RemoteError::Garbage(format!("{name}: not an item"))),
        };
        listed.push(Listed {
            name: name.clone(),
            etag: crate::web::remote_folder::bare_etag(etag),
            size,
        });
    }
    Ok(listed)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_user_at_host_with_an_optional_port() {
        assert_eq!(
            parse_address(" student@5apps.com "),
            Some(("student", "5apps.com"))
        );
        assert_eq!(
            parse_address("a.b-c@127.0.0.1:4443"),
            Some(("a.b-c", "127.0.0.1:4443"))
        );
        for bad in [
            "student",
            "@host",
            "user@",
            "user@host:",
            "user@host:123456",
            "us er@host",
            "user@ho st",
            "user@host/x",
            "user@.host",
            "user@host:8a",
        ] {
            assert_eq!(parse_address(bad), None, "{bad}");
        }
    }

    #[test]
    fn webfinger_gives_https_storage_and_auth_only() {
        let jrd = r#"{"links":[{"rel":"http://tools.ietf.org/id/draft-dejong-remotestorage","href":"https://h/storage/u/","properties":{"http://tools.ietf.org/html/rfc6749#section-4.2":"https://h/oauth/u"}}]}"#;
        assert_eq!(
            read_webfinger(jrd),
            Some(Discovered {
                href: "https://h/storage/u".into(),
                auth: "https://h/oauth/u".into()
            })
        );
        assert_eq!(
            read_webfinger(&jrd.replace("https://h/storage", "http://h/storage")),
            None
        );
        assert_eq!(read_webfinger(r#"{"links":[]}"#), None);
        assert_eq!(read_webfinger("<xrd/>"), None);
    }

    #[test]
    fn listings_in_both_forms_skip_folders_and_refuse_garbage() {
        let listing = r#"{"@context":"http://remotestorage.io/spec/folder-description","items":{"a.json":{"ETag":"\"12\"","Content-Length":34},"sub/":{"ETag":"9"}}}"#;
        assert_eq!(
            read_listing(listing).unwrap(),
            vec![Listed {
                name: "a.json".into(),
                etag: "12".into(),
                size: Some(34)
            }]
        );
        assert_eq!(
            read_listing(r#"{"a.json":"7"}"#).unwrap(),
            vec![Listed {
                name: "a.json".into(),
                etag: "7".into(),
                size: None
            }]
        );
        assert!(matches!(read_listing("[]"), Err(RemoteError::Garbage(_))));
        assert!(matches!(
            read_listing(r#"{"items":{"a.json":{}}}"#),
            Err(RemoteError::Garbage(_))
        ));
        assert!(matches!(
            read_listing("not json"),
            Err(RemoteError::Garbage(_))
        ));
    }
}
