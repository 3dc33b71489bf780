//! Regression tests from a review of the study-state rewrite: each test
//! was a failing case (named for the bug it found) before its fix.
//! 1 migrated versions of a list merged into a mix; 2 a v1 fallback id
//! overwrote a list; 3 a long-used list or a long position made a store
//! unreadable; 4 two tabs re-saved forever; 5 a move between tied entries
//! did nothing; 6 the preview counted invisible changes; 7 undo missed a
//! setting; 8 an edit after absorbing clamped data lost at save; 9 a
//! repeated import lost the undo; 10 a decoded state's clock kept
//! unclamped stamps.

use super::playlist::{Duplicates, Playlist, MAX_STORED_ENTRIES};
use super::stamp::{Clock, DeviceId};
use super::*;
use crate::locale::{Locale, Theme};
use crate::study::test_support::{pid, tab, v, A, B, C, D, NOW, X};
use crate::watch::WatchState;

const DAY: u64 = 24 * 60 * 60 * 1000;

fn ok(raw: &str, now: u64) -> (StudyState, Vec<Dropped>, bool) {
    match decode(raw, now) {
        Decoded::Ok {
            state,
            dropped,
            clamped,
        } => (state, dropped, clamped),
        other => panic!("{other:?}"),
    }
}
fn ids(p: &Playlist) -> Vec<&str> {
    p.videos().into_iter().map(|v| v.as_str()).collect()
}

#[test]
fn r1_migrated_copies_of_one_list_merge_into_a_chimera() {
    // The same v2 list on two devices (one reordered it), both migrated, then merged (import).
    let one = r#"{"schema":2,"playlists":{"p":{"name":"L","videos":["AAAAAAAAAAA","BBBBBBBBBBB"],"created_at":1,"updated_at":1764000000000}}}"#;
    let two = r#"{"schema":2,"playlists":{"p":{"name":"L","videos":["BBBBBBBBBBB","AAAAAAAAAAA"],"created_at":1,"updated_at":1764000000005}}}"#;
    let merged = ok(one, NOW).0.merge(&ok(two, NOW).0);
    assert_eq!(ids(merged.playlist("p").unwrap()), [B, A]); // actual: [B, B]
}

#[test]
fn r2_v1_fallback_key_overwrites_a_list() {
    let raw = r#"{"schema":1,"playlists":[{"id":"v1-1","name":"First","videos":["AAAAAAAAAAA"]},{"name":"Second","videos":["BBBBBBBBBBB"]}]}"#;
    let (state, dropped, _) = ok(raw, NOW);
    assert_eq!((state.live_playlists().len(), dropped.len()), (2, 0));
}

#[test]
fn r3_a_long_used_queue_is_dropped_on_reload() {
    let mut s = tab(1);
    s.create_playlist(pid("q"), "Queue", NOW).unwrap();
    for i in 0..=MAX_STORED_ENTRIES as u64 {
        let mut e = s.playlist_mut("q", NOW + i).unwrap();
        e.add(&v(A), Duplicates::Skip);
        e.remove_at(0);
    }
    let (state, dropped, _) = ok(&encode(&s), NOW + 10_000);
    assert!(dropped.is_empty(), "{dropped:?}");
    assert!(state.any_playlist("q").is_some());
}

#[test]
fn r3b_swapping_the_top_two_makes_a_list_unreadable() {
    let mut s = tab(1);
    s.create_playlist(pid("q"), "Q", NOW).unwrap();
    s.playlist_mut("q", NOW)
        .unwrap()
        .add_many(&[v(A), v(B)], Duplicates::Skip);
    for i in 0..4200u64 {
        assert!(s.playlist_mut("q", NOW + i).unwrap().move_to(1, 0));
    }
    let (_, dropped, _) = ok(&encode(&s), NOW + 10_000);
    assert!(dropped.is_empty(), "{dropped:?}");
}

#[test]
fn r4_two_tabs_ping_pong_forever_over_an_unreadable_list() {
    let mut a = tab(1);
    a.create_playlist(pid("q"), "Queue", NOW).unwrap();
    for i in 0..MAX_STORED_ENTRIES as u64 {
        let mut e = a.playlist_mut("q", NOW + i).unwrap();
        e.add(&v(A), Duplicates::Skip);
        e.remove_at(0);
    }
    let mut b = a.clone().for_device(DeviceId::from_random(2)); // B saw the 4000-entry list
    a.playlist_mut("q", NOW + 5000)
        .unwrap()
        .add(&v(B), Duplicates::Skip); // 4001
    let save = |mine: &StudyState, stored: &str| match prepare_save(mine, Some(stored), NOW + 6000)
    {
        Save::Write { state, json } | Save::WriteAfterBackup { state, json, .. } => (state, json),
        other => panic!("{other:?}"),
    };
    let (na, mut stored) = save(&a, &encode(&b));
    a = na;
    let mut writes = 0;
    for _ in 0..10 {
        // what `absorb` does in the other tab: merge, and save again unless covered
        let mut wrote = false;
        for tab in [&mut b, &mut a] {
            let theirs = ok(&stored, NOW + 6000).0;
            let mine = tab.clone();
            *tab = mine.merge(&theirs);
            if !mine.is_covered_by(&theirs) {
                let (s, j) = save(tab, &stored);
                *tab = s;
                stored = j;
                wrote = true;
                writes += 1;
            }
        }
        if !wrote {
            break;
        }
    }
    assert!(writes < 4, "{writes} alternating writes, still not settled");
}

#[test]
fn r5_a_move_between_tied_entries_reports_success_but_does_not_move() {
    let (mut a, mut b) = (
        Clock::new(DeviceId::from_random(1)),
        Clock::new(DeviceId::from_random(2)),
    );
    let mut base = Playlist::new(pid("p"), "L", &mut a, NOW).unwrap();
    base.add(&v(A), Duplicates::Skip, &mut a, NOW);
    let (mut in_a, mut in_b) = (base.clone(), base);
    in_a.add(&v(B), Duplicates::Skip, &mut a, NOW + 1);
    in_b.add(&v(C), Duplicates::Skip, &mut b, NOW + 1);
    let mut m = in_a.merge(&in_b); // A, then B and C at one position
    m.add_many(&[v(D), v(X)], Duplicates::Skip, &mut a, NOW + 2);
    assert!(m.move_to(4, 2, &mut a, NOW + 3), "reported as moved");
    assert_eq!(m.videos()[2].as_str(), X, "{:?}", ids(&m)); // actual: X still last
}

#[test]
fn r6_preview_reports_a_change_nobody_can_see() {
    let (mut local, mut other) = (tab(1), tab(2));
    local.set_watch_state(&v(A), WatchState::Watched, NOW);
    other.set_watch_state(&v(A), WatchState::Watched, NOW + 5);
    let preview = preview_import(&local, &other);
    assert!(!preview.has_changes(), "{:?}", preview.progress); // updated: [A]
}

#[test]
fn r7_undo_of_an_import_leaves_its_theme_after_a_language_change() {
    let (local, mut incoming) = (tab(1), tab(2));
    incoming.set_theme(Some(Theme::Dark), NOW);
    let (mut merged, point) = apply_import(&local, &incoming);
    let point = point.unwrap();
    merged.set_locale(Some(Locale::En), NOW + 1);
    point.undo(&mut merged, NOW + 2);
    assert_eq!(merged.settings().theme(), None); // stays Dark
}

#[test]
fn r8_an_edit_after_absorbing_a_clamped_store_is_lost_at_save() {
    let mut ahead = tab(9); // a tab whose clock was a week ahead wrote the store
    ahead.set_note(&v(A), "theirs", NOW + 7 * DAY).unwrap();
    let stored = encode(&ahead);
    let (theirs, _, clamped) = ok(&stored, NOW);
    assert!(clamped);
    let mut mine = tab(1).merge(&theirs); // absorb: no write-back
    mine.set_note(&v(A), "mine", NOW + 1_000).unwrap();
    match prepare_save(&mine, Some(&stored), NOW + 2_000) {
        Save::Write { state, .. } => assert_eq!(state.note(A), Some("mine")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn r9_reimporting_the_same_file_replaces_the_undo() {
    let (local, mut incoming) = (tab(1), tab(2));
    incoming.set_note(&v(A), "imported", NOW).unwrap();
    let (merged, first) = apply_import(&local, &incoming);
    let (mut again, second) = apply_import(&merged, &incoming);
    assert!(
        second.is_none(),
        "a second import that changes nothing gives no restore point"
    );
    assert!(
        first.unwrap().undo(&mut again, NOW + 1) > 0,
        "so the first import can still be undone"
    );
}

mod pos {
    use crate::study::position::Position;
    use proptest::prelude::*;
    fn valid() -> impl Strategy<Value = Position> {
        proptest::collection::vec(
            prop_oneof![
                Just(0u8),
                Just(1u8),
                Just(0x7f),
                Just(0x80),
                Just(0xfe),
                Just(0xff),
                any::<u8>()
            ],
            1..6,
        )
        .prop_filter_map("no trailing zero", |d| {
            let hex: String = d.iter().map(|b| format!("{b:02x}")).collect();
            hex.parse::<Position>().ok()
        })
    }
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]
        #[test]
        fn between_any_two(a in valid(), b in valid()) {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            if let Some(m) = Position::between(Some(&lo), Some(&hi)) {
                prop_assert!(lo < m && m < hi, "{lo} {m} {hi}");
                prop_assert!(m.to_string().parse::<Position>().is_ok(), "{m}");
            } else { prop_assert!(lo == hi); }
            let f = Position::between(None, Some(&lo)).unwrap();
            prop_assert!(f < lo && f.to_string().parse::<Position>().is_ok());
            let l = Position::after(Some(&hi));
            prop_assert!(l > hi && l.to_string().parse::<Position>().is_ok());
        }
    }
}

#[test]
fn r10_decoded_state_clock_is_poisoned_before_clamping() {
    let mut w = tab(3);
    w.set_note(&v(A), "x", u64::MAX).unwrap();
    let (mut s, _, clamped) = ok(&encode(&w), NOW);
    assert!(clamped);
    s.set_note(&v(B), "y", NOW).unwrap();
    assert!(s.version().millis() <= NOW + DAY, "{}", s.version());
}
