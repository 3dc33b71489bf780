//! The device file: what one device writes for the others.
//!
//! ```json
//! {"format":"lecture-shelf-device","version":1,"device":"<id>","name":"Laptop",
//!  "written_ms":1800000000000,
//!  "names":{"<id>":{"name":{"value":"Laptop","at":"<stamp>"},"forgotten":"<stamp>"?}},
//!  "study":{"schema":3, ...the stored study state, as schema::encode writes it}}
//! ```
//!
//! Only what the student owns: study state, device names and forget marks;
//! nothing about the catalogue. `name` is for people opening the file; the
//! `names` CRDT is what devices read. `study` is read like a backup: any
//! schema version, item by item, stamps clamped to the reader's clock.
//!
//! A remote file is untrusted: size-capped before parsing, and anything
//! but a device file of a known version, whose `device` is its file name's,
//! is refused with a [`RemoteFileError`] (never a panic).

use serde_json::Value;

use super::names::NameBook;
use super::{fingerprint, RemoteFileError, SyncDeviceId, MAX_DEVICE_FILE_BYTES};
use crate::study::schema::{decode_value, Decoded};
use crate::study::StudyState;

/// The `format` tag that tells a device file from other JSON.
pub(super) const FORMAT: &str = "lecture-shelf-device";
/// The version this build writes and the newest it reads.
pub(super) const VERSION: u64 = 1;

/// The file's text. `study` is `schema::encode`'s output, embedded as is.
pub(super) fn write(
    device: &SyncDeviceId,
    name: &str,
    written_ms: u64,
    names_json: &str,
    study_json: &str,
) -> String {
    let quoted = serde_json::to_string(name).expect("strings always serialize");
    format!(
        "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"device\":\"{device}\",\"name\":{quoted},\
         \"written_ms\":{written_ms},\"names\":{names_json},\"study\":{study_json}}}"
    )
}

/// A device file as read.
#[derive(Debug, Clone)]
pub(super) struct Read {
    pub(super) written_ms: Option<u64>,
    pub(super) names: NameBook,
    pub(super) study: StudyState,
    /// Everything was read as written: no item left out, no stamp clamped
    /// (only such a file can be judged covered, and so deletable).
    pub(super) clean: bool,
    /// Fingerprints of the names and the study as this device would
    /// write them (see `Round::upload`).
    pub(super) names_fp: u64,
    pub(super) study_fp: u64,
}

/// Reads `body`, the file of `device`, clamping stamps to `now_ms`.
pub(super) fn read(
    device: &SyncDeviceId,
    reader: &SyncDeviceId,
    body: &str,
    now_ms: u64,
) -> Result<Read, RemoteFileError> {
    let bytes = body.len() as u64;
    if bytes > MAX_DEVICE_FILE_BYTES {
        return Err(RemoteFileError::TooLarge { bytes });
    }
    let value: Value = serde_json::from_str(body).map_err(|_| RemoteFileError::NotJson)?;
    let Value::Object(mut object) = value else {
        return Err(RemoteFileError::Foreign);
    };
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(RemoteFileError::Foreign);
    }
    match object.get("version").and_then(Value::as_u64) {
        Some(version) if version > VERSION => {
            return Err(RemoteFileError::NewerFormat {
                format: u32::try_from(version).unwrap_or(u32::MAX),
            })
        }
        Some(VERSION) => {}
        _ => return Err(RemoteFileError::Foreign),
    }
    if object.get("device").and_then(Value::as_str) != Some(device.as_str()) {
        return Err(RemoteFileError::Foreign);
    }
    // A clock far ahead is no later than now here: "last seen" is never in the future.
    let written_ms = object
        .get("written_ms")
        .and_then(Value::as_u64)
        .map(|w| w.min(now_ms));
    let names = NameBook::read(object.remove("names"), now_ms, &[device, reader]);
    let (study, clean) = match object.remove("study").map(|v| decode_value(v, now_ms)) {
        Some(Decoded::Ok {
            state,
            dropped,
            clamped,
        }) => (state, dropped.is_empty() && !clamped),
        Some(Decoded::FromNewerVersion { version }) => {
            return Err(RemoteFileError::NewerFormat {
                format: u32::try_from(version).unwrap_or(u32::MAX),
            })
        }
        Some(Decoded::Corrupt { .. }) | None => return Err(RemoteFileError::Foreign),
    };
    Ok(Read {
        written_ms,
        names_fp: fingerprint(&[&names.to_json()]),
        study_fp: fingerprint(&[&crate::study::encode(&study)]),
        names,
        study,
        clean,
    })
}
