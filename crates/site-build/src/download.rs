//! Downloads a catalogue page as text the way the app's loader does
//! (`src/web/fetch.rs`): a deadline per request (headers to last byte), the
//! body read in chunks and each counted in the job's shared `Budget`, so a
//! page without `Content-Length` is never buffered past a bound, and
//! `Content-Length` checked before any byte is read.

use std::io::Read;
use std::sync::Mutex;
use std::time::Duration;

use shelf_core::sources::{page_text_from_bytes, Budget, OverLimit, SourceUrl};

use crate::args::{check_fetchable, is_local_http};

/// Why a download gave no text.
#[derive(Debug, Clone, PartialEq)]
pub enum Trouble {
    /// The network, the server or the URL: `URL: message`.
    Network { url: String, message: String },
    /// A bound passed (announced, or while reading): `NAME:0: message`.
    OverLimit(OverLimit),
}

impl std::fmt::Display for Trouble {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Trouble::Network { url, message } => write!(f, "{url}: {message}"),
            Trouble::OverLimit(over) => write!(f, "{over}"),
        }
    }
}

/// One job's downloads: an HTTP agent and the byte budget every page
/// shares, also across the threads fetching pages at once.
pub struct Downloader {
    agent: ureq::Agent,
    timeout: Duration,
    budget: Mutex<Budget>,
}

const CHUNK: usize = 64 * 1024;

impl Downloader {
    /// `source` decides the transport: plain http to this machine goes
    /// direct (no proxy from the environment); everything else is https
    /// only, redirects included.
    pub fn new(source: &SourceUrl, timeout: Duration) -> Downloader {
        let local = is_local_http(source);
        let mut config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .https_only(!local)
            .user_agent(concat!(
                "lecture-shelf-site-build/",
                env!("CARGO_PKG_VERSION")
            ));
        if local {
            config = config.proxy(None);
        }
        Downloader {
            agent: config.build().into(),
            timeout,
            budget: Mutex::new(Budget::new()),
        }
    }

    /// The body of `url` as text, counted under `name` (the name the app's
    /// loader gives the page): UTF-8 with a leading BOM dropped and
    /// malformed bytes replaced, as the browser's `Response.text()` gives it.
    pub fn text(&self, url: &SourceUrl, name: &str) -> Result<String, Trouble> {
        let network = |message: String| Trouble::Network {
            url: url.to_string(),
            message,
        };
        check_fetchable(url).map_err(network)?;
        let mut response = self
            .agent
            .get(url.as_str())
            .call()
            .map_err(|e| network(self.describe(e)))?;
        if let Some(len) = response.body().content_length() {
            self.budget()
                .announce(name, len)
                .map_err(Trouble::OverLimit)?;
        }
        let mut reader = response.body_mut().as_reader();
        let mut bytes: Vec<u8> = Vec::new();
        let mut chunk = vec![0u8; CHUNK];
        loop {
            let n = reader
                .read(&mut chunk)
                .map_err(|e| network(self.describe_io(e)))?;
            if n == 0 {
                break;
            }
            self.budget()
                .take(name, (bytes.len() + n) as u64, n as u64)
                .map_err(Trouble::OverLimit)?;
            bytes.extend_from_slice(&chunk[..n]);
        }
        Ok(page_text_from_bytes(bytes))
    }

    /// Bytes taken by every download so far.
    pub fn taken(&self) -> u64 {
        self.budget().taken()
    }

    fn budget(&self) -> std::sync::MutexGuard<'_, Budget> {
        // A panic elsewhere cannot leave the counter half-updated.
        self.budget.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn describe(&self, error: ureq::Error) -> String {
        match error {
            ureq::Error::StatusCode(status) => format!("the server answered HTTP {status}"),
            ureq::Error::Timeout(_) => self.timed_out(),
            ureq::Error::HostNotFound => "host not found".into(),
            ureq::Error::ConnectionFailed => "could not connect".into(),
            ureq::Error::RequireHttpsOnly(to) => {
                format!("redirected to {to}, which is not https://")
            }
            ureq::Error::Io(e) => self.describe_io(e),
            other => other.to_string(),
        }
    }

    fn describe_io(&self, error: std::io::Error) -> String {
        // ureq reports a deadline hit while reading the body as an io error
        // wrapping its own Timeout.
        let inner = error
            .get_ref()
            .and_then(|e| e.downcast_ref::<ureq::Error>());
        if matches!(inner, Some(ureq::Error::Timeout(_)))
            || error.kind() == std::io::ErrorKind::TimedOut
        {
            self.timed_out()
        } else {
            format!("download failed: {error}")
        }
    }

    fn timed_out(&self) -> String {
        format!(
            "no complete answer within {} s (timed out)",
            self.timeout.as_secs_f64()
        )
    }
}
