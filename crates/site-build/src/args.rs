//! The command line, and which URLs a site build may download: pure, so
//! both are unit-tested without a network.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use shelf_core::sources::{SourceUrl, DEFAULT_INDEX_URL};

pub const USAGE: &str = "usage: site-build [--source INDEX_URL] --out DIR [--timeout SECS]
  --source INDEX_URL  the index linking the catalogue pages (default: the public README,
                      shelf_core::sources::DEFAULT_INDEX_URL); https://, or http:// on
                      127.0.0.1 / localhost only
  --out DIR           the site directory to write (catalogue.json, pages.json, source.txt);
                      replaced whole on success, untouched on failure
  --timeout SECS      per request, headers to last byte (default 20, or SITE_BUILD_TIMEOUT)";

/// The app's own per-page deadline (`src/web/fetch.rs`).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// The environment variable that sets `--timeout` (the flag wins).
pub const TIMEOUT_ENV: &str = "SITE_BUILD_TIMEOUT";

#[derive(Debug, Clone, PartialEq)]
pub struct Args {
    pub source: SourceUrl,
    pub out: PathBuf,
    pub timeout: Duration,
}

/// Why the command line was refused: `Help` prints the usage and succeeds.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgError {
    Help,
    Bad(String),
}

/// Reads the arguments (without the program name); `env_timeout` is
/// [`TIMEOUT_ENV`]'s value, if set.
pub fn parse(
    args: impl IntoIterator<Item = OsString>,
    env_timeout: Option<&str>,
) -> Result<Args, ArgError> {
    let mut source: Option<String> = None;
    let mut out: Option<PathBuf> = None;
    let mut timeout: Option<String> = env_timeout.map(str::to_string);
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let flag = arg.to_str().unwrap_or_default().to_string();
        let mut value = |what: &str| {
            it.next()
                .ok_or_else(|| ArgError::Bad(format!("{flag} needs {what}")))
        };
        match flag.as_str() {
            "--source" => source = Some(utf8(value("a URL")?, "--source")?),
            "--out" => out = Some(value("a directory")?.into()),
            "--timeout" => timeout = Some(utf8(value("seconds")?, "--timeout")?),
            "-h" | "--help" => return Err(ArgError::Help),
            _ => return Err(ArgError::Bad(format!("unknown argument {arg:?}"))),
        }
    }
    let out = out.ok_or_else(|| ArgError::Bad("--out DIR is required".into()))?;
    if out.as_os_str().is_empty() {
        return Err(ArgError::Bad("--out needs a directory".into()));
    }
    let source = source.as_deref().unwrap_or(DEFAULT_INDEX_URL);
    let source =
        SourceUrl::parse(source).map_err(|e| ArgError::Bad(format!("--source {source}: {e}")))?;
    check_fetchable(&source).map_err(|e| ArgError::Bad(format!("--source {source}: {e}")))?;
    let timeout = match timeout {
        Some(secs) => parse_secs(&secs).ok_or_else(|| {
            ArgError::Bad(format!(
                "timeout {secs:?}: give seconds, more than 0 (--timeout or {TIMEOUT_ENV})"
            ))
        })?,
        None => DEFAULT_TIMEOUT,
    };
    Ok(Args {
        source,
        out,
        timeout,
    })
}

fn utf8(value: OsString, flag: &str) -> Result<String, ArgError> {
    value
        .into_string()
        .map_err(|_| ArgError::Bad(format!("{flag} is not UTF-8")))
}

/// Seconds, fractions allowed (`0.5`), more than 0 and at most a day.
fn parse_secs(text: &str) -> Option<Duration> {
    let secs: f64 = text.trim().parse().ok()?;
    (secs > 0.0 && secs <= 86_400.0).then(|| Duration::from_secs_f64(secs))
}

/// `https://` anywhere; plain `http://` only to this machine (the tests'
/// fake host, a local mirror): a site is published, so what it was built
/// from must not be open to tampering on the way.
pub fn check_fetchable(url: &SourceUrl) -> Result<(), String> {
    let text = url.as_str();
    if text.starts_with("https://") {
        return Ok(());
    }
    let rest = text.strip_prefix("http://").unwrap_or_default();
    let authority = &rest[..rest.find(['/', '?']).unwrap_or(rest.len())];
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    if is_this_machine(host) {
        Ok(())
    } else {
        Err(
            "only https:// URLs can be downloaded (plain http:// only from 127.0.0.1 or localhost)"
                .into(),
        )
    }
}

/// True when `url` is plain `http://` to this machine: no proxy is used for it.
pub fn is_local_http(url: &SourceUrl) -> bool {
    url.as_str().starts_with("http://") && check_fetchable(url).is_ok()
}

fn is_this_machine(host: &str) -> bool {
    matches!(host, "127.0.0.1" | "localhost" | "::1")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    fn url(s: &str) -> SourceUrl {
        SourceUrl::parse(s).unwrap()
    }

    #[test]
    fn defaults_to_the_public_index_and_the_apps_deadline() {
        let parsed = parse(args(&["--out", "site"]), None).unwrap();
        assert_eq!(parsed.source.as_str(), DEFAULT_INDEX_URL);
        assert_eq!(parsed.out, PathBuf::from("site"));
        assert_eq!(parsed.timeout, DEFAULT_TIMEOUT);
    }

    #[test]
    fn reads_source_out_and_timeout_with_the_flag_over_the_environment() {
        let list = [
            "--source",
            "https://github.com/o/r/blob/main/README.md",
            "--out",
            "/tmp/x",
            "--timeout",
            "0.5",
        ];
        let parsed = parse(args(&list), Some("7")).unwrap();
        // Normalised as the app's loader does: a GitHub page becomes its raw file.
        assert_eq!(
            parsed.source.as_str(),
            "https://raw.githubusercontent.com/o/r/main/README.md"
        );
        assert_eq!(parsed.timeout, Duration::from_millis(500));
        let from_env = parse(args(&["--out", "d"]), Some("7")).unwrap();
        assert_eq!(from_env.timeout, Duration::from_secs(7));
    }

    #[test]
    fn refuses_what_it_cannot_use() {
        let bad = |list: &[&str], env: Option<&str>| match parse(args(list), env) {
            Err(ArgError::Bad(message)) => message,
            other => panic!("{list:?} gave {other:?}"),
        };
        assert!(bad(&[], None).contains("--out"));
        assert!(bad(&["--out"], None).contains("--out needs"));
        assert!(bad(&["--out", "d", "--verbose"], None).contains("unknown"));
        assert!(bad(&["--out", "d", "--timeout", "0"], None).contains("timeout"));
        assert!(bad(&["--out", "d"], Some("soon")).contains("SITE_BUILD_TIMEOUT"));
        assert!(bad(&["--out", "d", "--source", "ftp://x/README.md"], None).contains("http"));
        let plain = bad(&["--out", "d", "--source", "http://example.com/R.md"], None);
        assert!(plain.contains("only https://"), "{plain}");
        assert_eq!(parse(args(&["--help"]), None), Err(ArgError::Help));
    }

    #[test]
    fn plain_http_only_to_this_machine() {
        for ok in [
            "https://raw.githubusercontent.com/sumsjp/YTLee/master/README.md",
            "https://example.com/README.md",
            "http://127.0.0.1:8123/README.md",
            "http://localhost/README.md",
            "http://[::1]:9000/README.md",
        ] {
            assert_eq!(check_fetchable(&url(ok)), Ok(()), "{ok}");
        }
        for refused in [
            "http://example.com/README.md",
            "http://127.0.0.1.example.com/README.md",
            "http://localhost.evil.test:80/README.md",
            "http://10.0.0.1/README.md",
            "http://127.0.0.2/README.md",
        ] {
            assert!(check_fetchable(&url(refused)).is_err(), "{refused}");
        }
        assert!(is_local_http(&url("http://127.0.0.1:1/R.md")));
        assert!(!is_local_http(&url("https://127.0.0.1:1/R.md")));
    }
}
