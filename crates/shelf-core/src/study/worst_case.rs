//! A deliberately heavy state, for measuring what storage must hold.
//!
//! Nothing here measures (no clock, no I/O): callers serialize the result
//! with `schema::encode` and report its size against the localStorage
//! quota, which browsers count in UTF-16 code units
//! (`cargo run -p shelf-core --example store_size` prints both).

use super::playlist::{Duplicates, MAX_NAME_CHARS};
use super::stamp::DeviceId;
use super::state::StudyState;
use crate::ids::{PlaylistId, VideoId};
use crate::locale::{Locale, Theme};
use crate::watch::WatchState;

/// Videos in the full catalogue the app is sized for.
pub const WORST_CASE_VIDEOS: usize = 448;
/// Playlists in the worst case, each holding every video.
pub const WORST_CASE_PLAYLISTS: usize = 10;

/// Text notes are cut from: Chinese (3 bytes a character in UTF-8),
/// English and time codes, like real lecture notes.
const NOTE_SAMPLE: &str = "[12:34] 自注意力機制 self-attention：Q、K、V 的內積決定權重。\
    1:02:03 講到 Transformer 的 decoder，要回頭複習 positional encoding。";

/// `videos` videos, each in progress with a resume position and a note of
/// `note_chars` characters, plus [`WORST_CASE_PLAYLISTS`] playlists with
/// names at the length cap holding all of them, and both settings set.
/// Video ids are synthetic but well-formed; timestamps are 13-digit
/// millisecond values, as real ones are.
pub fn worst_case_state(videos: usize, note_chars: usize) -> StudyState {
    const NOW: u64 = 1_760_000_000_000;
    let ids: Vec<VideoId> = (0..videos)
        .filter_map(|i| VideoId::parse(&format!("wc{i:09}")))
        .collect();
    let note: String = NOTE_SAMPLE.chars().cycle().take(note_chars).collect();
    let mut state = StudyState::default().for_device(DeviceId::from_random(u32::MAX));
    for (i, id) in ids.iter().enumerate() {
        let at = NOW + i as u64;
        state.set_watch_state(id, WatchState::InProgress, at);
        state.set_resume(id, Some(5025), at);
        // Capped notes only: the worst case the app can store.
        let _ = state.set_note(id, &note, at);
    }
    for n in 0..WORST_CASE_PLAYLISTS {
        let name = format!("{n:>width$}", width = MAX_NAME_CHARS).replace(' ', "清");
        let Some(id) = PlaylistId::parse(&format!("pl-{NOW}-{n:04}")) else {
            continue;
        };
        if state.create_playlist(id.clone(), &name, NOW).is_ok() {
            if let Some(mut list) = state.playlist_mut(&id, NOW) {
                list.add_many(&ids, Duplicates::Skip);
            }
        }
    }
    state.set_locale(Some(Locale::ZhTw), NOW);
    state.set_theme(Some(Theme::Dark), NOW);
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::schema::{decode, encode, Decoded};

    #[test]
    fn worst_case_fits_comfortably_in_local_storage() {
        let state = worst_case_state(WORST_CASE_VIDEOS, 500);
        assert_eq!(
            (state.progress().len(), state.noted_videos().count()),
            (WORST_CASE_VIDEOS, WORST_CASE_VIDEOS)
        );
        assert!(state
            .live_playlists()
            .iter()
            .all(|p| p.len() == WORST_CASE_VIDEOS));
        let json = encode(&state);
        let utf16 = json.encode_utf16().count();
        eprintln!(
            "worst-case study state ({WORST_CASE_VIDEOS} videos, 500-character notes, \
             {WORST_CASE_PLAYLISTS} full playlists): {} bytes UTF-8, {utf16} UTF-16 code units",
            json.len()
        );
        // localStorage holds 5 M UTF-16 units per origin in Chromium and Firefox.
        assert!(utf16 < 2 * 1024 * 1024, "{utf16} UTF-16 units");
        assert_eq!(
            decode(&json, 1_760_000_000_000),
            Decoded::Ok {
                state,
                dropped: Vec::new(),
                clamped: false,
            }
        );
    }
}
