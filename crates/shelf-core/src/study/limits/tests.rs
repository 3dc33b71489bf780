//! The limits held on every path (issue 23): tabs racing to add to a full
//! list (the extra entries wait, in every merge order), imports past a
//! limit, stores an older build let grow, backups with one bad entry or a
//! clashing entry id, many removal marks, and old-schema writes under a v3
//! tab. Each named case failed before its fix; the property tests run
//! random histories on lists at the real [`MAX_VIDEOS`].

use proptest::prelude::*;

use super::*;
use crate::study::playlist::{Duplicates, Playlist};
use crate::study::stamp::DeviceId;
use crate::study::test_support::{pid, tab, v, A, B, C, D, NOW, X};
use crate::study::{
    apply_import, decode, encode, export_backup, parse_backup, preview_import, Decoded, Dropped,
    StudyState,
};

/// `n` distinct well-formed video ids (`V0000000000`, …).
fn many(n: usize, from: usize) -> Vec<VideoId> {
    (from..from + n).map(|i| v(&format!("V{i:0>10}"))).collect()
}

fn read(raw: &str, now: u64) -> (StudyState, Vec<Dropped>) {
    match decode(raw, now) {
        Decoded::Ok { state, dropped, .. } => (state, dropped),
        other => panic!("{other:?}"),
    }
}

fn ids(p: &Playlist) -> Vec<&str> {
    p.videos().into_iter().map(|v| v.as_str()).collect()
}

/// One list `q` holding `n` entries, made on device 1.
fn list_of(n: usize) -> StudyState {
    let mut s = tab(1);
    s.create_playlist(pid("q"), "Queue", NOW).unwrap();
    s.playlist_mut("q", NOW)
        .unwrap()
        .add_many(&many(n, 0), Duplicates::Allow);
    s
}

/// What storage holds after a save of `state`: what a later read gets.
fn stored(state: &StudyState) -> StudyState {
    let (read_back, dropped) = read(&encode(state), NOW + 10 * 365 * 24 * 3_600_000);
    assert!(
        dropped.is_empty(),
        "a merge made what a read drops: {dropped:?}"
    );
    read_back
}

/// Two tabs of one list each add a video: `one` adds `A` at `at`, `two`
/// adds `B` a millisecond later (the scene the limit tests start from).
fn each_adds(one: &mut StudyState, two: &mut StudyState, at: u64) {
    one.playlist_mut("q", at)
        .unwrap()
        .add(&v(A), Duplicates::Skip);
    two.playlist_mut("q", at + 1)
        .unwrap()
        .add(&v(B), Duplicates::Skip);
}

#[test]
fn two_tabs_adding_to_a_full_list_show_the_limit_and_keep_the_other_waiting() {
    let base = list_of(MAX_VIDEOS - 1);
    let mut one = base.clone();
    let mut two = base.clone().for_device(DeviceId::from_random(2));
    each_adds(&mut one, &mut two, NOW + 1);
    let merged = one.merge(&two);
    assert_eq!(merged, two.merge(&one));
    let list = merged.playlist("q").expect("the list survives");
    assert_eq!((list.len(), list.waiting()), (MAX_VIDEOS, 1));
    assert_eq!(ids(list).last(), Some(&A), "the earlier add is shown");
    assert!(!ids(list).contains(&B), "the later add waits, unshown");
    // What storage would hold after either tab saves: the same list, so
    // neither tab holds anything a save could add, and saving stops.
    assert_eq!(stored(&merged), merged);
    assert_eq!(merged.merge(&one), merged);
    assert_eq!(merged.merge(&two), merged);
    // The tab that said "Added" learns its video waits.
    let waiting = two.waiting_in(&merged);
    assert_eq!(waiting.len(), 1);
    assert_eq!(
        (waiting[0].id.as_str(), waiting[0].videos.clone()),
        ("q", vec![v(B)])
    );
    assert!(one.waiting_in(&merged).is_empty());
    // Making room shows it, with no further edit.
    let mut room = merged.clone();
    room.playlist_mut("q", NOW + 3).unwrap().remove_at(0);
    let list = room.playlist("q").unwrap();
    assert_eq!((list.len(), list.waiting()), (MAX_VIDEOS, 0));
    assert_eq!(ids(list)[MAX_VIDEOS - 2..], [A, B]);
    assert_eq!(stored(&room), room);
}

/// The reviewer's case: 999 entries; tab a adds x, tab c adds y, tab b
/// removes an old entry. Capping inside merge made `(a⊔c)⊔b` lose y for
/// good while `a⊔(c⊔b)` kept it; every order must now end alike, with y.
#[test]
fn every_merge_order_ends_with_the_limit_shown_and_room_made_shows_the_waiting() {
    let base = list_of(MAX_VIDEOS - 1);
    let mut a = base.clone().for_device(DeviceId::from_random(11));
    let mut b = base.clone().for_device(DeviceId::from_random(12));
    let mut c = base.clone().for_device(DeviceId::from_random(13));
    a.playlist_mut("q", NOW + 1)
        .unwrap()
        .add(&v(X), Duplicates::Skip);
    c.playlist_mut("q", NOW + 2)
        .unwrap()
        .add(&v(C), Duplicates::Skip);
    let old = b.playlist_mut("q", NOW + 3).unwrap().remove_at(0);
    assert!(old.is_some());
    let orders = [
        a.merge(&c).merge(&b),
        a.merge(&c.merge(&b)),
        a.merge(&b).merge(&c),
        b.merge(&a).merge(&c),
        c.merge(&b).merge(&a),
        b.merge(&c.merge(&a)),
    ];
    for merged in &orders {
        assert_eq!(merged, &orders[0], "merge order decides nothing");
        let list = merged.playlist("q").unwrap();
        assert_eq!((list.len(), list.waiting()), (MAX_VIDEOS, 0));
        assert!(ids(list).contains(&X) && ids(list).contains(&C));
        assert_eq!(&stored(merged), merged);
    }
    // Before b's removal lands, y waits; the removal shows it.
    let full = a.merge(&c);
    let list = full.playlist("q").unwrap();
    assert_eq!((list.len(), list.waiting()), (MAX_VIDEOS, 1));
    assert!(!ids(list).contains(&C));
    assert_eq!(full.merge(&b), orders[0]);
}

/// Many removal marks once pruned the capped entries first (marked at the
/// zero stamp, the oldest), so a capped add vanished without a word.
/// Pruning forgets only removal marks: a waiting entry stays.
#[test]
fn many_removal_marks_never_hide_a_live_entry() {
    let mut base = list_of(MAX_VIDEOS - 1);
    {
        let mut p = base.playlist_mut("q", NOW).unwrap();
        for _ in 0..MAX_STORED_ENTRIES - MAX_VIDEOS + 20 {
            p.add(&v(X), Duplicates::Allow);
            p.remove_at(MAX_VIDEOS - 1);
        }
    }
    let mut one = base.clone();
    let mut two = base.clone().for_device(DeviceId::from_random(2));
    each_adds(&mut one, &mut two, NOW + 1);
    let mut merged = one.merge(&two);
    assert_eq!(merged, two.merge(&one));
    let list = merged.playlist("q").unwrap();
    assert_eq!((list.len(), list.waiting()), (MAX_VIDEOS, 1));
    let merged_again = stored(&merged).merge(&one).merge(&two);
    assert_eq!(merged_again, merged, "nothing pruned comes back or goes");
    merged.playlist_mut("q", NOW + 3).unwrap().remove_at(0);
    let list = merged.playlist("q").unwrap();
    assert_eq!(list.waiting(), 0);
    assert_eq!(ids(list).last(), Some(&B), "the waiting add is shown");
}

#[test]
fn a_store_an_older_build_let_grow_keeps_the_list() {
    // An older build stored 1,001 entries; reading once dropped the list.
    let mut one = list_of(MAX_VIDEOS - 1);
    let mut two = one.clone().for_device(DeviceId::from_random(2));
    each_adds(&mut one, &mut two, NOW + 1);
    // Splice two's entry into one's JSON, as the old merge wrote it.
    let mut json: serde_json::Value = serde_json::from_str(&encode(&one)).unwrap();
    let theirs: serde_json::Value = serde_json::from_str(&encode(&two)).unwrap();
    let their_entries = theirs["playlists"]["q"]["entries"]
        .as_object()
        .unwrap()
        .clone();
    let entries = json["playlists"]["q"]["entries"].as_object_mut().unwrap();
    entries.extend(their_entries);
    assert_eq!(entries.len(), MAX_VIDEOS + 1);
    let (state, dropped) = read(&json.to_string(), NOW + 10);
    let list = state.playlist("q").expect("not dropped whole");
    assert_eq!((list.len(), list.waiting()), (MAX_VIDEOS, 1));
    assert!(dropped.is_empty(), "nothing is lost: {dropped:?}");
    assert_eq!(state, one.merge(&two), "the same rule as merging");
}

#[test]
fn an_import_past_the_limit_keeps_every_local_entry_and_says_what_it_left_out() {
    let local = list_of(600);
    // The same list on another device, with 600 other entries.
    let mut other = StudyState::default().for_device(DeviceId::from_random(7));
    other = other.merge(&list_of(0));
    other
        .playlist_mut("q", NOW - 5)
        .unwrap()
        .add_many(&many(600, 5000), Duplicates::Allow);
    let incoming = parse_backup(&export_backup(&other, NOW), NOW)
        .unwrap()
        .state;
    let preview = preview_import(&local, &incoming);
    assert_eq!(preview.over_limit.lists.len(), 1);
    let over = &preview.over_limit.lists[0];
    assert_eq!(
        (over.id.as_str(), over.name.as_str(), over.videos.len()),
        ("q", "Queue", 200)
    );
    let (merged, _) = apply_import(&local, &incoming);
    let list = merged.playlist("q").unwrap();
    assert_eq!((list.len(), list.waiting()), (MAX_VIDEOS, 0));
    let shown = list.videos();
    for video in local.playlist("q").unwrap().videos() {
        assert!(
            shown.contains(&video),
            "{video} was stored before the import"
        );
    }
    assert_eq!(stored(&merged), merged, "reload keeps the list");
}

#[test]
fn creating_and_importing_stop_at_the_playlist_limit() {
    // Made directly: creating one by one checks every name each time.
    let mut clock = crate::study::stamp::Clock::new(DeviceId::from_random(1));
    let lists = (0..MAX_PLAYLISTS)
        .map(|i| {
            let id = pid(&format!("l{i}"));
            let list = Playlist::new(id.clone(), &format!("L{i}"), &mut clock, NOW).unwrap();
            (id, list)
        })
        .collect();
    let mut s = StudyState::from_parts(
        Default::default(),
        Default::default(),
        lists,
        Default::default(),
    );
    assert_eq!(
        s.create_playlist(pid("one-more"), "One more", NOW),
        Err(crate::study::PlaylistError::TooMany { max: MAX_PLAYLISTS })
    );
    let mut other = tab(2);
    other.create_playlist(pid("theirs"), "Theirs", NOW).unwrap();
    let preview = preview_import(&s, &other);
    assert_eq!(preview.over_limit.playlists, ["Theirs"]);
    let (merged, _) = apply_import(&s, &other);
    assert!(merged.playlist("theirs").is_none());
}

#[test]
fn one_bad_entry_in_a_backup_costs_that_entry_not_the_list() {
    let mut s = tab(1);
    s.create_playlist(pid("q"), "Queue", NOW).unwrap();
    s.playlist_mut("q", NOW)
        .unwrap()
        .add_many(&[v(A), v(B), v(C)], Duplicates::Allow);
    let mut json: serde_json::Value = serde_json::from_str(&export_backup(&s, NOW)).unwrap();
    let entries = json["playlists"]["q"]["entries"].as_object_mut().unwrap();
    let second = entries.keys().nth(1).unwrap().clone();
    entries[&second]["pos"] = serde_json::json!("not a position!");
    entries.insert(
        "no-stamp".into(),
        serde_json::json!({"video": "DDDDDDDDDDD", "pos": "8"}),
    );
    let parsed = parse_backup(&json.to_string(), NOW).unwrap();
    let list = parsed.state.playlist("q").expect("the list is kept");
    assert_eq!(ids(list), [A, C]);
    assert_eq!(parsed.dropped.len(), 2, "{:?}", parsed.dropped);
    assert!(parsed
        .dropped
        .iter()
        .any(|d| d.key == format!("q entry {second}")));
}

#[test]
fn an_entry_id_clash_keeps_both_videos_and_undo_restores() {
    let mut local = tab(1);
    local.create_playlist(pid("q"), "Queue", NOW).unwrap();
    local
        .playlist_mut("q", NOW)
        .unwrap()
        .add_many(&[v(A), v(B)], Duplicates::Allow);
    // A hand-edited backup: the same entry ids, other videos.
    let text = export_backup(&local, NOW).replace(A, D).replace(B, X);
    let incoming = parse_backup(&text, NOW).unwrap().state;
    let (mut merged, point) = apply_import(&local, &incoming);
    let list = merged.playlist("q").unwrap();
    assert_eq!(list.len(), 4, "{:?}", ids(list));
    for video in [A, B, D, X] {
        assert!(ids(list).contains(&video), "{video} kept");
    }
    let (again, _) = apply_import(&merged, &incoming);
    assert_eq!(again, merged, "importing again adds nothing");
    point
        .expect("the import changed something")
        .undo(&mut merged, NOW + 10);
    assert_eq!(ids(merged.playlist("q").unwrap()), [A, B]);
}

/// An old (schema 2) tab and a v3 tab open on one store.
#[test]
fn a_v2_write_under_a_v3_tab_duplicates_nothing() {
    let v2 = |videos: &[&str], at: u64| {
        let list: Vec<String> = videos.iter().map(|v| format!("\"{v}\"")).collect();
        format!(
            r#"{{"schema":2,"playlists":{{"p":{{"name":"L","videos":[{}],"created_at":1,"updated_at":{at}}}}}}}"#,
            list.join(",")
        )
    };
    // The v3 tab migrates the store, the old tab removes the first A.
    let (v3_tab, _) = read(&v2(&[A, B, A], 1_764_000_000_000), NOW);
    let (old_write, _) = read(&v2(&[B, A], 1_764_000_000_005), NOW);
    let merged = v3_tab.merge(&old_write);
    assert_eq!(ids(merged.playlist("p").unwrap()), [B, A]);
    assert_eq!(merged, old_write.merge(&v3_tab));
    assert_eq!(stored(&merged), merged);
    // An entry the old tab removed does not come back.
    let (old_write, _) = read(&v2(&[B], 1_764_000_000_009), NOW);
    assert_eq!(ids(merged.merge(&old_write).playlist("p").unwrap()), [B]);
    // What the v3 tab added or moved since is newer than the old write: kept.
    let mut edited = merged.clone().for_device(DeviceId::from_random(3));
    edited
        .playlist_mut("p", NOW)
        .unwrap()
        .add(&v(C), Duplicates::Skip);
    assert_eq!(ids(edited.merge(&old_write).playlist("p").unwrap()), [B, C]);
}

// ---- random histories at the real limit --------------------------------

/// Every entry live on side `a` is live after merging with `b` unless `b`
/// removed it: a full list leaves entries waiting, never takes them.
fn keeps_live(a: &Playlist, b: &Playlist, merged: &Playlist) -> bool {
    let (mine, theirs, after) = (a.entry_states(), b.entry_states(), merged.entry_states());
    mine.iter()
        .filter(|(_, live)| **live)
        .all(|(id, _)| after.get(id) == Some(&true) || theirs.get(id) == Some(&false))
}

#[derive(Debug, Clone)]
enum Op {
    /// A note edit on one of two videos: a short text or one at the cap.
    Note(usize, usize),
    Add(usize),
    RemoveAt(usize),
    Move(usize, usize),
    Delete,
    Restore,
    SyncFrom(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..5usize).prop_map(Op::Add),
        2 => (0..2usize, 0..4usize).prop_map(|(i, t)| Op::Note(i, t)),
        1 => (0..MAX_VIDEOS + 2).prop_map(Op::RemoveAt),
        1 => (0..MAX_VIDEOS, 0..MAX_VIDEOS).prop_map(|(a, b)| Op::Move(a, b)),
        1 => Just(Op::Delete),
        1 => Just(Op::Restore),
        2 => (0..3usize).prop_map(Op::SyncFrom),
    ]
}

/// Three devices that share a list a few entries short of the limit.
fn run(history: &[(usize, Op)]) -> Vec<StudyState> {
    let base = list_of(MAX_VIDEOS - 3);
    let mut devices: Vec<StudyState> = (0..3)
        .map(|d| base.clone().for_device(DeviceId::from_random(d as u32 + 1)))
        .collect();
    let videos = [A, B, C, D, X];
    for (step, (d, op)) in history.iter().enumerate() {
        let now = NOW + 1 + step as u64;
        if let Op::SyncFrom(from) = op {
            let theirs = devices[*from].clone();
            devices[*d] = devices[*d].merge(&theirs);
            continue;
        }
        let s = &mut devices[*d];
        match op {
            Op::Note(i, t) => {
                let long = format!("{t}{}", "字".repeat(MAX_NOTE_CHARS - 1));
                let text = ["", "short", "另一個", long.as_str()][*t];
                let _ = s.set_note(&v(videos[*i]), text, now);
            }
            Op::Add(i) => drop(
                s.playlist_mut("q", now)
                    .map(|mut p| p.add(&v(videos[*i]), Duplicates::Allow)),
            ),
            Op::RemoveAt(i) => drop(s.playlist_mut("q", now).map(|mut p| p.remove_at(*i))),
            Op::Move(a, b) => drop(s.playlist_mut("q", now).map(|mut p| p.move_to(*a, *b))),
            Op::Delete => drop(s.delete_playlist("q", now)),
            Op::Restore => drop(s.restore_playlist("q", now)),
            Op::SyncFrom(_) => unreachable!("handled above"),
        }
    }
    devices
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// What a merge makes reads back as itself and drops nothing; merging
    /// it again with either side changes nothing (so a tab that absorbed it
    /// has nothing to save); it commutes and associates (the order saves
    /// land in decides nothing); no list shows past the limit, and every
    /// entry live on both sides stays live (shown or waiting).
    #[test]
    fn merges_at_the_limit_read_back_whole_and_settle(
        h in proptest::collection::vec((0..3usize, op()), 0..30),
    ) {
        let devices = run(&h);
        for a in &devices {
            for b in &devices {
                let merged = a.merge(b);
                prop_assert_eq!(&stored(&merged), &merged);
                prop_assert_eq!(&merged, &b.merge(a));
                prop_assert_eq!(&merged.merge(a), &merged);
                prop_assert_eq!(&merged.merge(b), &merged);
                for video in [A, B] {
                    // A text both sides show survives their merge.
                    for text in a.note_versions(video) {
                        if b.note_versions(video).contains(&text) {
                            prop_assert!(merged.note_versions(video).contains(&text), "{} lost", text);
                        }
                    }
                }
                let list = merged.any_playlist("q").expect("never dropped");
                prop_assert!(list.len() <= MAX_VIDEOS);
                let (pa, pb) = (a.any_playlist("q").unwrap(), b.any_playlist("q").unwrap());
                prop_assert!(keeps_live(pa, pb, list) && keeps_live(pb, pa, list));
                for c in &devices {
                    prop_assert_eq!(&merged.merge(c), &a.merge(&b.merge(c)));
                }
            }
        }
    }
}

#[test]
fn a_migrated_list_keeps_its_entries_when_two_tabs_fill_it() {
    // Migrated ids pack the video, not a time: they still count as added first.
    let videos: Vec<String> = many(MAX_VIDEOS - 1, 0)
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect();
    let raw = format!(
        r#"{{"schema":2,"playlists":{{"q":{{"name":"Q","videos":[{}],"created_at":1,"updated_at":1764000000000}}}}}}"#,
        videos.join(",")
    );
    let (base, _) = read(&raw, NOW);
    let mut one = base.clone().for_device(DeviceId::from_random(1));
    let mut two = base.clone().for_device(DeviceId::from_random(2));
    each_adds(&mut one, &mut two, NOW);
    let merged = one.merge(&two);
    let list = merged.playlist("q").unwrap();
    assert_eq!(list.len(), MAX_VIDEOS);
    assert_eq!(
        &ids(list)[..MAX_VIDEOS - 1],
        &ids(base.playlist("q").unwrap())[..]
    );
    assert_eq!(ids(list).last(), Some(&A));
    assert_eq!(stored(&merged), merged);
}

/// Notes from hostile files: thousands of versions, huge contexts and
/// stamps at `u64::MAX` read within the bounds, merge as a join and
/// read back as written; a later edit replaces them all.
#[test]
fn hostile_notes_are_bounded_and_an_edit_still_wins() {
    let values: Vec<String> = (0..10_000u32)
        .map(|i| {
            format!(
                "\"{}.{i}.{:x}\":\"v{i}\"",
                NOW - 50_000 + u64::from(i),
                i + 1
            )
        })
        .collect();
    let seen: Vec<String> = (0..100_000u32)
        .map(|i| format!("\"{}.0.{:x}\"", NOW - 1_000_000 + u64::from(i), i + 20_000))
        .collect();
    let raw = format!(
        r#"{{"schema":4,"notes":{{"{A}":{{"values":{{{}}},"seen":[{}]}},
        "{B}":{{"values":{{"18446744073709551615.4294967295.ffffffff":"frozen","1.0.1":"old"}},"seen":["18446744073709551615.0.2"],"floor":"18446744073709551615.0.0"}}}}}}"#,
        values.join(","),
        seen.join(",")
    );
    let (hostile, dropped) = read(&raw, NOW);
    assert!(dropped.is_empty(), "{dropped:?}");
    let versions = hostile.note_versions(A);
    assert_eq!(
        versions.len(),
        MAX_NOTE_VERSIONS,
        "the newest versions are kept"
    );
    assert_eq!(versions[0], "v9999");
    assert!(hostile.note_versions(B).contains(&"frozen"));
    let stored_form = encode(&hostile);
    assert!(
        stored_form.len() < 16 * 1024,
        "bounded: {} bytes",
        stored_form.len()
    );
    assert_eq!(stored(&hostile), hostile, "reads back as written");
    let mut honest = tab(7);
    honest.set_note(&v(A), "mine", NOW).unwrap();
    let merged = hostile.merge(&honest);
    assert_eq!(merged, honest.merge(&hostile));
    assert_eq!(merged.merge(&hostile), merged);
    assert_eq!(stored(&merged), merged);
    assert!(
        merged.note_versions(A).contains(&"mine"),
        "a concurrent honest edit is kept"
    );
    // A tab that read the hostile note edits after it: the edit replaces every version.
    let mut editor = merged.clone().for_device(DeviceId::from_random(8));
    editor.set_note(&v(A), "resolved", NOW + 1).unwrap();
    editor.set_note(&v(B), "thawed", NOW + 1).unwrap();
    let everywhere = hostile.merge(&honest).merge(&editor);
    assert_eq!(everywhere.note_versions(A), ["resolved"]);
    assert_eq!(everywhere.note_versions(B), ["thawed"]);
    // Over-long versions are refused on read like over-long v3 notes.
    let long = "字".repeat(MAX_NOTE_CHARS + 1);
    let raw = format!(r#"{{"schema":4,"notes":{{"{A}":{{"values":{{"1.0.1":"{long}"}}}}}}}}"#);
    let (state, dropped) = read(&raw, NOW);
    assert_eq!((state.note(A), dropped.len()), (None, 1));
}
