//! A schema-2 store written by the previous release itself (driven in
//! Chromium: two videos marked, a resume time, a note, a playlist of two, a
//! deleted playlist, language and theme chosen), read by this build.
//! Nothing may be lost, and the first save in schema 3 must keep everything.

use shelf_core::locale::{Locale, Theme};
use shelf_core::study::{decode, encode, prepare_save, Decoded, DeviceId, Save};
use shelf_core::watch::WatchState;

const STORE: &str = include_str!("fixtures/v2-store-from-release.json");
/// A moment after the store was written (its stamps are ms since 1970).
const NOW: u64 = 1_796_156_000_000;

fn read(raw: &str) -> shelf_core::study::StudyState {
    match decode(raw, NOW) {
        Decoded::Ok {
            state,
            dropped,
            clamped,
        } => {
            assert_eq!(
                (dropped.len(), clamped),
                (0, false),
                "a real store needs no repair"
            );
            state
        }
        other => panic!("the release's own store must read: {other:?}"),
    }
}

#[test]
fn a_store_written_by_the_previous_release_loses_nothing() {
    let state = read(STORE);
    assert_eq!(state.watch_state("Q9cNkUPXUB8"), WatchState::InProgress);
    assert_eq!(state.watch_state("fIoCxwVobEo"), WatchState::Watched);
    assert_eq!(state.watch_state("QLiKmca4kzI"), WatchState::InProgress);
    assert_eq!(state.resume_secs("QLiKmca4kzI"), Some(2050));
    assert_eq!(
        state.note("QLiKmca4kzI"),
        Some("Lecture 1 — see 5:00 and 1:02:03 <b>not bold</b>")
    );
    let live = state.live_playlists();
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].name(), "Week 1 必看");
    let videos: Vec<&str> = live[0].videos().into_iter().map(|v| v.as_str()).collect();
    assert_eq!(videos, ["M2Yg1kwPpts", "QLiKmca4kzI"], "order kept");
    let gone = state.any_playlist("pl-1796155896639-871225662").unwrap();
    assert!(
        gone.is_deleted(),
        "the deletion is kept, so no merge brings it back"
    );
    assert_eq!(state.settings().locale(), Some(Locale::ZhTw));
    assert_eq!(state.settings().theme(), Some(Theme::Dark));
}

#[test]
fn the_first_edit_writes_the_current_schema_with_everything_kept() {
    let mut tab = read(STORE).for_device(DeviceId::from_random(7));
    assert!(
        matches!(prepare_save(&tab, Some(STORE), NOW), Save::UpToDate { .. }),
        "no edit, no write: the old store already holds it all"
    );
    let id = shelf_core::ids::VideoId::parse("fIoCxwVobEo").unwrap();
    assert!(tab.set_watch_state(&id, WatchState::Unwatched, NOW));
    let Save::Write { json, .. } = prepare_save(&tab, Some(STORE), NOW + 1) else {
        panic!("the edit is new");
    };
    assert!(json.starts_with("{\"schema\":5,"));
    let after = read(&json);
    assert_eq!(after.watch_state("fIoCxwVobEo"), WatchState::Unwatched);
    assert_eq!(after.note("QLiKmca4kzI"), read(STORE).note("QLiKmca4kzI"));
    assert_eq!(after.live_playlists().len(), 1);
    assert_eq!(after.resume_secs("QLiKmca4kzI"), Some(2050));
    assert_eq!(encode(&after), json, "stable once migrated");
}
