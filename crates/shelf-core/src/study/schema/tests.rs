use super::*;
use crate::study::stamp::{DeviceId, MAX_AHEAD_MS};
use crate::study::test_support::{v, A, B, NOW};

fn ok(raw: &str) -> (StudyState, Vec<Dropped>) {
    match decode(raw, NOW) {
        Decoded::Ok { state, dropped, .. } => (state, dropped),
        other => panic!("expected a state, got {other:?}"),
    }
}

fn clean(raw: &str) -> StudyState {
    let (state, dropped) = ok(raw);
    assert_eq!(dropped, [], "nothing dropped from {raw}");
    state
}

fn sample() -> StudyState {
    let mut s = StudyState::default().for_device(DeviceId::from_random(9));
    s.set_watch_state(&v(A), WatchState::Watched, NOW);
    s.set_resume(&v(B), Some(2050), NOW);
    s.set_note(&v(A), "see [12:34]", NOW).unwrap();
    let p1 = PlaylistId::parse("p1").unwrap();
    s.create_playlist(p1, "<img src=x onerror=alert(1)>", NOW)
        .unwrap();
    s.playlist_mut("p1", NOW)
        .unwrap()
        .add(&v(A), Default::default());
    s.create_playlist(PlaylistId::parse("p2").unwrap(), "gone", NOW)
        .unwrap();
    s.delete_playlist("p2", NOW);
    s.set_locale(Some(Locale::ZhTw), NOW);
    s
}

/// A store exactly as the schema-2 release wrote it.
const REAL_V2: &str = r#"{"schema":2,"progress":{"AAAAAAAAAAA":{"state":"watched","updated_at":1764000000000},"BBBBBBBBBBB":{"state":"in-progress","resume_secs":2050,"updated_at":1764000000001}},"notes":{"AAAAAAAAAAA":{"text":"at 34:10 attention","updated_at":1764000000002},"CCCCCCCCCCC":{"text":"","updated_at":1764000000003}},"playlists":{"pl-1764000000004-42":{"id":"pl-1764000000004-42","name":"Week 1","videos":["BBBBBBBBBBB","AAAAAAAAAAA","BBBBBBBBBBB"],"created_at":1764000000004,"updated_at":1764000000005},"pl-1764000000006-7":{"id":"pl-1764000000006-7","name":"Old","videos":[],"created_at":1764000000006,"updated_at":1764000000008,"deleted_at":1764000000008}},"settings":{"locale":{"value":"zh","updated_at":1764000000009},"theme":{"value":"dark","updated_at":1764000000010}}}"#;

#[test]
fn current_schema_round_trips() {
    let state = sample();
    let json = encode(&state);
    assert!(json.starts_with("{\"schema\":5,"), "{json}");
    assert_eq!(clean(&json), state);
    assert_eq!(encode(&clean(&json)), json, "deterministic output");
    assert_eq!(
        clean(r#"{"schema":4}"#),
        StudyState::default(),
        "missing parts are empty"
    );
}

#[test]
fn migrates_a_real_v2_store_without_losing_anything() {
    let state = clean(REAL_V2);
    assert_eq!(state.watch_state(A), WatchState::Watched);
    assert_eq!(
        (state.watch_state(B), state.resume_secs(B)),
        (WatchState::InProgress, Some(2050))
    );
    assert_eq!(state.note(A), Some("at 34:10 attention"));
    assert_eq!(
        state.note("CCCCCCCCCCC"),
        None,
        "a cleared note stays cleared"
    );
    let live: Vec<(&str, Vec<&str>)> = state
        .live_playlists()
        .iter()
        .map(|p| {
            (
                p.name(),
                p.videos().into_iter().map(|v| v.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        live,
        [("Week 1", vec![B, A, B])],
        "order and duplicates kept"
    );
    assert!(state
        .any_playlist("pl-1764000000006-7")
        .is_some_and(Playlist::is_deleted));
    assert_eq!(
        state.settings().locale(),
        Some(Locale::ZhTw),
        "v2's \"zh\" still means Chinese"
    );
    assert_eq!(state.settings().theme(), Some(Theme::Dark));
    assert_eq!(
        clean(&encode(&state)),
        state,
        "saves as schema 3 and reads back"
    );
    assert_eq!(
        clean(REAL_V2),
        state,
        "migration is deterministic: two tabs agree"
    );
}

#[test]
fn migrated_items_lose_to_any_later_edit() {
    let mut state = clean(REAL_V2).for_device(DeviceId::from_random(3));
    assert!(state.set_watch_state(&v(A), WatchState::Unwatched, 1_764_000_000_000));
    let stored = clean(REAL_V2);
    assert_eq!(stored.merge(&state).watch_state(A), WatchState::Unwatched);
}

#[test]
fn migrates_v1() {
    let v1 = r#"{
        "schema": 1,
        "watched": {"AAAAAAAAAAA": true, "BBBBBBBBBBB": false, "not-an-id": true, "CCCCCCCCCCC": "yes"},
        "notes": {"AAAAAAAAAAA": "at 34:10 attention"},
        "playlists": [
            {"id": "zeta", "name": "  Later  ", "videos": ["BBBBBBBBBBB", "AAAAAAAAAAA", "junk"]},
            {"id": "zeta", "name": "Clash"},
            {"id": "", "name": ""}
        ],
        "locale": "zh",
        "theme": null
    }"#;
    let (state, dropped) = ok(v1);
    let keys: Vec<&str> = dropped.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(
        keys,
        ["CCCCCCCCCCC", "not-an-id"],
        "reported, the rest kept"
    );
    assert_eq!(state.watch_state(A), WatchState::Watched);
    assert_eq!(state.note(A), Some("at 34:10 attention"));
    let lists: Vec<(&str, &str, usize)> = state
        .live_playlists()
        .iter()
        .map(|p| (p.id().as_str(), p.name(), p.len()))
        .collect();
    assert_eq!(
        lists,
        [
            ("zeta", "Later", 2),
            ("v1-1", "Clash", 0),
            ("v1-2", "Playlist", 0)
        ]
    );
    assert_eq!(state.settings().locale(), Some(Locale::ZhTw));
    assert_eq!(state.settings().theme(), None);
}

#[test]
fn one_bad_item_hides_nothing_else() {
    let raw = r#"{"schema":2,
        "progress":{"AAAAAAAAAAA":{"state":"watched","updated_at":1},
                    "BBBBBBBBBBB":{"state":"in-progress","resume_secs":-3,"updated_at":1},
                    "CCCCCCCCCCC":{"state":"bogus","updated_at":1}},
        "notes":{"AAAAAAAAAAA":{"text":"kept","updated_at":1},"DDDDDDDDDDD":{"text":5,"updated_at":1}},
        "playlists":{"good":{"id":"good","name":"Good","videos":["AAAAAAAAAAA"],"updated_at":1},
                     "bad":{"id":"bad","name":12345,"videos":[]}},
        "settings":{"locale":{"value":"en","updated_at":1}}}"#;
    let (state, dropped) = ok(raw);
    assert_eq!(state.watch_state(A), WatchState::Watched);
    assert_eq!(state.note(A), Some("kept"));
    assert_eq!(state.playlist("good").map(Playlist::name), Some("Good"));
    assert_eq!(state.settings().locale(), Some(Locale::En));
    let mut found: Vec<(ItemKind, &str)> =
        dropped.iter().map(|d| (d.kind, d.key.as_str())).collect();
    found.sort();
    assert_eq!(
        found,
        [
            (ItemKind::Progress, "BBBBBBBBBBB"),
            (ItemKind::Progress, "CCCCCCCCCCC"),
            (ItemKind::Note, "DDDDDDDDDDD"),
            (ItemKind::Playlist, "bad"),
        ]
    );
    assert!(
        describe(&dropped).contains("\"bad\""),
        "{}",
        describe(&dropped)
    );
    let long = "字".repeat(crate::study::MAX_NOTE_CHARS + 1);
    let raw = format!(
        r#"{{"schema":2,"notes":{{"AAAAAAAAAAA":{{"text":"{long}","updated_at":1}}}},
        "progress":{{"BBBBBBBBBBB":{{"state":"in-progress","resume_secs":4000000000,"updated_at":1}}}}}}"#
    );
    let (_, dropped) = ok(&raw);
    assert_eq!(
        dropped.len(),
        2,
        "over-limit items are reported, never dropped silently"
    );
    let (_, dropped) = ok(r#"{"schema":3,"progress":[],"notes":{"AAAAAAAAAAA":"x"}}"#);
    assert_eq!(
        dropped.len(),
        2,
        "a wrong section shape is one report, not a lost store"
    );
}

#[test]
fn frozen_and_future_stamps_are_clamped_on_read() {
    let raw = r#"{"schema":2,
        "progress":{"AAAAAAAAAAA":{"state":"watched","updated_at":18446744073709551615}},
        "notes":{"BBBBBBBBBBB":{"text":"from 9999","updated_at":253402300799999}},
        "playlists":{"p":{"id":"p","name":"Frozen","videos":[],"updated_at":18446744073709551615}}}"#;
    let Decoded::Ok {
        state: loaded,
        clamped: true,
        ..
    } = decode(raw, NOW)
    else {
        panic!("frozen stamps are reported as clamped");
    };
    // The app writes the clamped state back at once: a read a moment later
    // clamps to a later limit, above the edits made in between...
    let Save::Write {
        state: stored,
        json: written,
    } = prepare_save(&loaded, Some(raw), NOW + 3)
    else {
        panic!("clamped data is written back");
    };
    let mut tab = stored.for_device(DeviceId::from_random(4));
    assert!(tab.set_watch_state(&v(A), WatchState::Unwatched, NOW + 5));
    assert_eq!(tab.set_note(&v(B), "later", NOW + 5), Ok(true));
    assert_eq!(
        tab.playlist_mut("p", NOW + 5).unwrap().rename("Thawed"),
        Ok(true)
    );
    // ...so the edits, saved a minute later, win.
    let Save::Write { json, .. } = prepare_save(&tab, Some(&written), NOW + 60_000) else {
        panic!("the edit is new to storage");
    };
    let reread = |now| match decode(&json, now) {
        Decoded::Ok {
            state,
            clamped: false,
            ..
        } => state,
        other => panic!("stored stamps need no more clamping: {other:?}"),
    };
    let (soon, a_day_later) = (reread(NOW + 60_000), reread(NOW + MAX_AHEAD_MS));
    assert_eq!(soon, a_day_later, "later reloads agree");
    let reread = soon;
    assert_eq!(
        reread.watch_state(A),
        WatchState::Unwatched,
        "the later edit sticks"
    );
    assert_eq!(reread.note(B), Some("later"));
    assert_eq!(reread.playlist("p").map(Playlist::name), Some("Thawed"));
}

#[test]
fn corrupt_input_is_reported_not_guessed() {
    for raw in [
        "",
        "not json",
        "{\"schema\":3",
        "[]",
        "null",
        "{}",
        r#"{"schema":"2"}"#,
        r#"{"schema":-1}"#,
        r#"{"schema":1.5}"#,
        r#"{"schema":0}"#,
    ] {
        assert!(
            matches!(decode(raw, NOW), Decoded::Corrupt { .. }),
            "{raw:?}"
        );
    }
    let deep = "[".repeat(100_000);
    assert!(
        matches!(decode(&deep, NOW), Decoded::Corrupt { .. }),
        "deep nesting is refused, not a crash"
    );
}

#[test]
fn newer_schema_is_never_read() {
    for (raw, version) in [
        (r#"{"schema":6,"anything":"at all"}"#, 6),
        (r#"{"schema":18446744073709551615}"#, u64::MAX),
    ] {
        assert_eq!(decode(raw, NOW), Decoded::FromNewerVersion { version });
        assert_eq!(
            prepare_save(&sample(), Some(raw), NOW),
            Save::ReadOnly { version }
        );
    }
}

#[test]
fn saving_keeps_edits_from_another_tab_and_skips_needless_writes() {
    let loaded = sample();
    let mut tab_a = loaded.clone().for_device(DeviceId::from_random(1));
    let mut tab_b = loaded.clone().for_device(DeviceId::from_random(2));
    tab_a.set_note(&v(B), "tab A's note", NOW + 1).unwrap();
    tab_b.set_watch_state(&v(A), WatchState::InProgress, NOW + 1);
    tab_b
        .playlist_mut("p1", NOW + 1)
        .unwrap()
        .add(&v(B), Default::default());
    tab_a
        .playlist_mut("p1", NOW + 1)
        .unwrap()
        .add(&v("CCCCCCCCCCC"), Default::default());

    let Save::Write { json: stored, .. } = prepare_save(&tab_b, Some(&encode(&loaded)), NOW) else {
        panic!("plain write expected");
    };
    let Save::Write { state, json } = prepare_save(&tab_a, Some(&stored), NOW) else {
        panic!("plain write expected");
    };
    assert_eq!(state.note(B), Some("tab A's note"));
    assert_eq!(state.watch_state(A), WatchState::InProgress);
    assert_eq!(
        state.playlist("p1").unwrap().len(),
        3,
        "both adds to one list survive"
    );
    assert_eq!(clean(&json), state);
    assert!(matches!(
        prepare_save(&state, Some(&json), NOW),
        Save::UpToDate { .. }
    ));
}

#[test]
fn saving_over_unreadable_data_keeps_it_first() {
    let mine = sample();
    match prepare_save(&mine, Some("{oops"), NOW) {
        Save::WriteAfterBackup { damage, state, .. } => {
            assert_eq!(
                damage,
                Damage::Unreadable(Unreadable::NotJson { line: 1, column: 2 })
            );
            assert_eq!(state, mine);
        }
        other => panic!("{other:?}"),
    }
    let partly = r#"{"schema":3,"playlists":{"x":{"name":1}}}"#;
    assert!(matches!(
        prepare_save(&mine, Some(partly), NOW),
        Save::WriteAfterBackup { .. }
    ));
    assert_eq!(
        prepare_save(&mine, None, NOW),
        Save::Write {
            state: mine.clone(),
            json: encode(&mine)
        }
    );
}

#[test]
fn series_like_keys_get_a_free_id() {
    let raw = r#"{"schema":2,"playlists":{"series:ml2021":{"id":"series:ml2021","name":"Copy","videos":[]},
        "series-ml2021":{"id":"series-ml2021","name":"Other","videos":[]}}}"#;
    let state = clean(raw);
    let mut ids: Vec<&str> = state
        .live_playlists()
        .iter()
        .map(|p| p.id().as_str())
        .collect();
    ids.sort();
    assert_eq!(ids, ["series-ml2021", "series-ml2021-1"]);
}

/// v3 notes were last-writer-wins registers: each reads as one version,
/// two devices' v3 copies of one note merge as before (the later edit,
/// no false conflict), and the store is written back as v4; edits made
/// after the upgrade on two devices keep both texts.
#[test]
fn v3_notes_read_as_one_version_and_upgrade_to_v4() {
    let laptop = format!(
        r#"{{"schema":3,"notes":{{"{A}":{{"value":"laptop, later","at":"1800000000500.0.a1"}},"{B}":{{"value":"","at":"1800000000000.0.a1"}}}}}}"#
    );
    let phone = format!(
        r#"{{"schema":3,"notes":{{"{A}":{{"value":"phone, earlier","at":"1800000000100.0.b2"}}}}}}"#
    );
    let (laptop, phone) = (clean(&laptop), clean(&phone));
    assert_eq!(laptop.note_versions(A), ["laptop, later"]);
    assert_eq!(laptop.note(B), None, "a cleared v3 note stays cleared");
    let merged = phone.merge(&laptop);
    assert_eq!(
        merged.note_versions(A),
        ["laptop, later"],
        "v3 data keeps its rule"
    );
    let json = encode(&merged);
    assert!(json.starts_with(r#"{"schema":5,"#), "{json}");
    assert!(
        json.contains(r#""AAAAAAAAAAA":{"values":{"1800000000500.0.a1":"laptop, later"},"floor":"1800000000500.0.a1"}"#),
        "{json}"
    );
    assert_eq!(clean(&json), merged);
    let mut on_laptop = merged.clone().for_device(DeviceId::from_random(0xc3));
    let mut on_phone = merged.for_device(DeviceId::from_random(0xd4));
    on_laptop.set_note(&v(A), "laptop v4", NOW + 1).unwrap();
    on_phone.set_note(&v(A), "phone v4", NOW + 2).unwrap();
    let both = clean(&encode(&on_laptop.merge(&on_phone)));
    assert_eq!(both.note_versions(A), ["phone v4", "laptop v4"]);
    // A v3 build reading this store sees a newer schema and goes read-only
    // (`newer_schema_is_never_read`), so it never writes over the versions.
}
