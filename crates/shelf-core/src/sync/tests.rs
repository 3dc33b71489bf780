//! Device ids, device files, hostile files, the memory, forgetting and
//! pruning, and the figures (file size, requests) for a realistic state.

use proptest::prelude::*;

use super::simulation::{end, start, sync, Device, Fault, Folder};
use super::*;
use crate::ids::{PlaylistId, VideoId};
use crate::study::{apply_import, Duplicates, StudyState};
use crate::watch::WatchState;

const NOW: u64 = 1_800_000_000_000;
const DAY: u64 = 24 * 60 * 60 * 1000;

fn v(id: &str) -> VideoId {
    VideoId::parse(id).unwrap()
}

fn lecture(i: usize) -> VideoId {
    VideoId::parse(&format!("lec{i:08}")).unwrap()
}

/// 448 lectures' progress (watched, or in progress with a resume time) and
/// 50 notes of about 120 characters, Chinese and time codes, and a playlist.
fn big_state(device: &mut Device) {
    let s = &mut device.study;
    for i in 0..448 {
        let at = NOW + i as u64;
        if i % 3 == 0 {
            s.set_resume(&lecture(i), Some(60 + i as u32), at);
        } else {
            s.set_watch_state(&lecture(i), WatchState::Watched, at);
        }
    }
    for i in 0..50 {
        let text = format!(
            "[{i}:34] 自注意力機制 self-attention：Q、K、V 的內積決定權重。第 {i} 講要回頭複習 positional encoding，作業 HW{i} 週五截止。"
        );
        s.set_note(&lecture(i * 7), &text, NOW + 1000).unwrap();
    }
    let list = PlaylistId::parse("pl-week-1").unwrap();
    s.create_playlist(list.clone(), "Week 1", NOW).unwrap();
    let ids: Vec<VideoId> = (0..20).map(lecture).collect();
    s.playlist_mut("pl-week-1", NOW)
        .unwrap()
        .add_many(&ids, Duplicates::Skip);
}

#[test]
fn ids_are_sixteen_safe_characters_and_name_their_file() {
    let id = SyncDeviceId::from_random([0xff; 10]);
    assert_eq!(id.as_str(), "7777777777777777");
    let id = SyncDeviceId::from_random([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert_eq!(id.as_str().len(), 16);
    assert!(id
        .as_str()
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    assert_eq!(
        SyncDeviceId::from_file_name(&id.file_name()),
        Some(id.clone())
    );
    assert_eq!(id.file_name(), format!("{id}.json"));
    for bad in [
        "",
        "short",
        "ABCDEFGHIJKLMNOP",
        "abcdefghijklmno.",
        "abcdefghijklmnopq",
        "../../etc/passwd",
    ] {
        assert_eq!(SyncDeviceId::parse(bad), None, "{bad:?}");
    }
    for bad in ["abcdefghijklmnop", "abcdefghijklmnop.json.tmp", "x.json"] {
        assert_eq!(SyncDeviceId::from_file_name(bad), None, "{bad:?}");
    }
    let json = serde_json::to_string(&id).unwrap();
    assert_eq!(serde_json::from_str::<SyncDeviceId>(&json).unwrap(), id);
    assert!(serde_json::from_str::<SyncDeviceId>("\"NOPE\"").is_err());
}

/// The figures the issue asks for: a realistic state's file size, and the
/// requests of a first and a quiescent sync between two devices.
#[test]
fn a_big_state_round_trips_and_syncs_in_few_requests() {
    let mut folder = Folder::default();
    let mut laptop = Device::new(1, "Laptop");
    let mut phone = Device::new(2, "Phone");
    big_state(&mut laptop);

    let first = sync(&mut laptop, &mut folder, NOW + DAY);
    let name = laptop.memory.device().file_name();
    let body = folder.body(&name).unwrap().to_string();
    assert_eq!((folder.lists, folder.gets, folder.puts), (1, 0, 1));
    assert!(first.uploaded && first.refused.is_empty());

    // Read back by another device, a century later (no stamp clamped): the same state.
    let mut round = phone.memory.begin(folder.list(), NOW + 100 * 365 * DAY);
    let read = round.absorb(&name, "\"x\"", &body, NOW + 100 * 365 * DAY);
    assert_eq!(read, Ok(Some(laptop.study.clone())));
    eprintln!(
        "device file, 448 lectures' progress + 50 notes + one 20-entry playlist: {} bytes",
        body.len()
    );
    assert!(body.len() < 100_000, "{} bytes", body.len());

    let before = (folder.gets, folder.puts, folder.bytes_down, folder.bytes_up);
    sync(&mut phone, &mut folder, NOW + DAY + 1000);
    let phone_first = (
        folder.gets - before.0,
        folder.puts - before.1,
        folder.bytes_down - before.2,
        folder.bytes_up - before.3,
    );
    assert_eq!(
        (phone_first.0, phone_first.1),
        (1, 1),
        "GET laptop's, PUT its own"
    );
    assert_eq!(phone.study, laptop.study);
    // The laptop reads the phone's file once (it only adds the phone's name) and writes nothing new.
    let before = (folder.gets, folder.puts);
    sync(&mut laptop, &mut folder, NOW + DAY + 2000);
    assert_eq!((folder.gets - before.0, folder.puts - before.1), (1, 0));
    // Quiescent: lists only.
    let before = (folder.lists, folder.gets, folder.puts, folder.deletes);
    sync(&mut laptop, &mut folder, NOW + DAY + 3000);
    sync(&mut phone, &mut folder, NOW + DAY + 4000);
    assert_eq!(
        (folder.lists, folder.gets, folder.puts, folder.deletes),
        (before.0 + 2, before.1, before.2, before.3)
    );
    eprintln!(
        "first sync of the laptop: 1 LIST, 0 GET, 1 PUT ({} bytes up); first sync of the phone: \
         1 LIST, {} GET ({} bytes down), {} PUT ({} bytes up); quiescent sync: 1 LIST, 0 GET, 0 PUT",
        body.len(),
        phone_first.0,
        phone_first.2,
        phone_first.1,
        phone_first.3
    );
}

#[test]
fn the_heaviest_state_fits_under_the_cap() {
    let state = crate::study::worst_case_state(crate::study::WORST_CASE_VIDEOS, 500);
    let mut device = Device::new(3, "Heavy");
    device.study = state;
    let round = device.memory.begin(Vec::new(), NOW);
    let upload = round.upload(&device.study, NOW).expect("a first upload");
    eprintln!("worst-case device file: {} bytes", upload.body.len());
    assert!((upload.body.len() as u64) < MAX_DEVICE_FILE_BYTES / 2);
}

/// A well-formed file of device `id` with this study JSON.
fn file_of(id: &SyncDeviceId, study: &str) -> String {
    file::write(id, "Forged", NOW, "{}", study)
}

#[test]
fn hostile_files_are_refused_and_change_nothing() {
    let mut folder = Folder::default();
    let mut me = Device::new(1, "Me");
    me.study
        .set_note(&v("AAAAAAAAAAA"), "my text", NOW)
        .unwrap();
    sync(&mut me, &mut folder, NOW);
    let other = SyncDeviceId::from_random([9; 10]);
    let name = other.file_name();
    let empty = crate::study::encode(&StudyState::default());
    let ten_mb = format!("{{\"pad\":\"{}\"}}", "x".repeat(10_000_000));
    let cases: Vec<(String, RemoteFileError)> = vec![
        ("{not json".into(), RemoteFileError::NotJson),
        ("".into(), RemoteFileError::NotJson),
        ("[1,2]".into(), RemoteFileError::Foreign),
        ("{\"schema\":3}".into(), RemoteFileError::Foreign),
        (
            r#"{"format":"other-app","version":1,"device":"x","study":{"schema":3}}"#.into(),
            RemoteFileError::Foreign,
        ),
        (
            file_of(&other, &empty).replace("\"version\":1", "\"version\":2"),
            RemoteFileError::NewerFormat { format: 2 },
        ),
        (
            file_of(&other, &empty).replace("\"version\":1", "\"version\":0"),
            RemoteFileError::Foreign,
        ),
        (
            file_of(&other, "{\"schema\":99}"),
            RemoteFileError::NewerFormat { format: 99 },
        ),
        (file_of(&other, "[]"), RemoteFileError::Foreign),
        (
            file_of(&other, "null").replace(",\"study\":null", ""),
            RemoteFileError::Foreign,
        ),
        // Claims to be another device than its file name says.
        (
            file_of(&SyncDeviceId::from_random([8; 10]), &empty),
            RemoteFileError::Foreign,
        ),
        (
            ten_mb.clone(),
            RemoteFileError::TooLarge {
                bytes: ten_mb.len() as u64,
            },
        ),
    ];
    for (body, expected) in cases {
        let etag = folder.force(&name, &body);
        let before = (me.study.clone(), me.memory.clone());
        let mut round = me.memory.begin(folder.list(), NOW + 1000);
        let listed_too_large = body.len() as u64 > MAX_DEVICE_FILE_BYTES;
        let fetch = if listed_too_large {
            vec![]
        } else {
            vec![name.clone()]
        };
        assert_eq!(round.to_download(), fetch, "listed too large: not fetched");
        let got = round.absorb(&name, &etag, &body, NOW + 1000);
        assert_eq!(got, Err(expected.clone()));
        assert_eq!(
            round.upload(&me.study, NOW + 1000),
            None,
            "nothing new to write"
        );
        assert!(
            round.to_delete().is_empty(),
            "an unreadable file is never deleted"
        );
        let outcome = round.outcome();
        assert_eq!(outcome.refused.len(), 1 + usize::from(listed_too_large));
        assert_eq!(outcome.refused[0].error, expected);
        assert_eq!(me.study, before.0);
        me.memory = round.finish(NOW + 1000);
        // Not fetched again until it changes, and still said to be unreadable.
        let next = me.memory.begin(folder.list(), NOW + 2000);
        assert!(next.to_download().is_empty());
        let outcome = next.outcome();
        assert_eq!(
            outcome.refused.len() + outcome.still_refused,
            1,
            "one unreadable file, every round it stays"
        );
        assert_eq!(
            me.memory.names, before.1.names,
            "no names from a refused file"
        );
    }
    // Listed as too large: not even fetched.
    let mut round = me.memory.begin(
        vec![RemoteEntry {
            name: name.clone(),
            etag: "\"big\"".into(),
            size: Some(10_000_000),
        }],
        NOW,
    );
    assert!(round.to_download().is_empty());
    assert_eq!(
        round.outcome().refused[0].error,
        RemoteFileError::TooLarge { bytes: 10_000_000 }
    );
    assert_eq!(
        round.absorb("notes.txt", "\"e\"", "{}", NOW),
        Err(RemoteFileError::Foreign)
    );
}

proptest! {
    #[test]
    fn garbage_files_and_memories_never_panic(text in "\\PC{0,300}") {
        let me = Device::new(1, "Me");
        let other = SyncDeviceId::from_random([9; 10]);
        let mut round = me.memory.begin(Vec::new(), NOW);
        let _ = round.absorb(&other.file_name(), "\"e\"", &text, NOW);
        let _ = round.absorb(&other.file_name(), "\"e\"", &file_of(&other, &text), NOW);
        let _ = SyncMemory::decode(&text);
    }
}

#[test]
fn a_huge_or_bad_name_costs_only_itself() {
    let mut folder = Folder::default();
    let mut me = Device::new(1, "Me");
    let mut other = Device::new(2, "Other");
    other
        .study
        .set_watch_state(&v("AAAAAAAAAAA"), WatchState::Watched, NOW);
    sync(&mut other, &mut folder, NOW);
    let name = other.memory.device().file_name();
    let huge = "名".repeat(1_000_000);
    let body = folder
        .body(&name)
        .unwrap()
        .replace("\"Other\"", &format!("\"{huge}\""));
    assert!(body.len() > 3_000_000 && (body.len() as u64) < MAX_DEVICE_FILE_BYTES);
    folder.force(&name, &body);
    sync(&mut me, &mut folder, NOW + 1000);
    assert_eq!(me.study.watch_state("AAAAAAAAAAA"), WatchState::Watched);
    let listed = me.memory.devices(NOW + 1000);
    assert_eq!(listed.len(), 2);
    assert_eq!(
        listed[1].name, "",
        "the name is left out, the device is not"
    );
    // Direction controls (spoofing) are left out too.
    let spoof = folder
        .body(&name)
        .unwrap()
        .replace(&format!("\"{huge}\""), "\"\\u202eenohP\"");
    folder.force(&name, &spoof);
    let mut fresh = Device::new(3, "Fresh");
    sync(&mut fresh, &mut folder, NOW + 2000);
    assert_eq!(fresh.memory.names.name(other.memory.device()), None);
}

/// The millis of a forger's edits, replaced by `u64::MAX` in its file.
const FORGE_MS: u64 = 1_800_000_777_777;

fn forge(folder: &mut Folder, device: &Device) {
    let name = device.memory.device().file_name();
    let body = folder
        .body(&name)
        .unwrap()
        .replace(&format!("\"{FORGE_MS}."), &format!("\"{}.", u64::MAX));
    assert!(body.contains(&u64::MAX.to_string()));
    folder.force(&name, &body);
}

#[test]
fn forged_stamps_cannot_freeze_an_item() {
    let mut folder = Folder::default();
    let mut me = Device::new(1, "Me");
    let mut forger = Device::new(2, "Forger");
    forger
        .study
        .set_watch_state(&v("AAAAAAAAAAA"), WatchState::Watched, FORGE_MS);
    sync(&mut forger, &mut folder, FORGE_MS);
    forge(&mut folder, &forger);
    sync(&mut me, &mut folder, NOW);
    assert_eq!(me.study.watch_state("AAAAAAAAAAA"), WatchState::Watched);
    // The next edit here wins, here and for everyone who reads it.
    assert!(me
        .study
        .set_watch_state(&v("AAAAAAAAAAA"), WatchState::Unwatched, NOW + 1));
    sync(&mut me, &mut folder, NOW + 2);
    let mut third = Device::new(3, "Third");
    sync(&mut third, &mut folder, NOW + 3);
    assert_eq!(
        third.study.watch_state("AAAAAAAAAAA"),
        WatchState::Unwatched
    );
    // A file that needed clamping is never judged covered, so never pruned.
    let far = NOW + 100 * DAY;
    me.study.set_note(&v("BBBBBBBBBBB"), "later", far).unwrap();
    sync(&mut me, &mut folder, far);
    assert!(folder.body(&forger.memory.device().file_name()).is_some());
}

/// What a hostile "everything deleted" file can and cannot do. A deletion
/// in a device file is an edit like any other: a newer one wins item by
/// item, as it must for a real deletion made on another device. So it *can*
/// clear notes older than itself. It cannot: delete any file, be newer than
/// a day from now (clamped), beat an edit made after it was read, or make
/// the loss silent and final — the app absorbs through
/// `study::apply_import`, whose restore point gives every text back.
#[test]
fn a_file_deleting_everything() {
    let mut folder = Folder::default();
    let mut me = Device::new(1, "Me");
    let [a, b] = [v("AAAAAAAAAAA"), v("BBBBBBBBBBB")];
    me.study.set_note(&a, "HW1 due 3/14", NOW).unwrap();
    me.study.set_watch_state(&b, WatchState::Watched, NOW);
    me.study
        .create_playlist(PlaylistId::parse("p1").unwrap(), "Week 1", NOW)
        .unwrap();
    sync(&mut me, &mut folder, NOW);
    let mut forger = Device::new(2, "Forger");
    sync(&mut forger, &mut folder, FORGE_MS - 1);
    forger.study.set_note(&a, "", FORGE_MS).unwrap();
    forger
        .study
        .set_watch_state(&b, WatchState::Unwatched, FORGE_MS);
    assert!(forger.study.delete_playlist("p1", FORGE_MS));
    sync(&mut forger, &mut folder, FORGE_MS);
    forge(&mut folder, &forger);
    let files_before = folder.names();

    let local = me.study.clone();
    let mut round = me.memory.begin(folder.list(), NOW + 10);
    let mut point = None;
    for name in round.to_download() {
        let (etag, body) = folder.get(&name).unwrap();
        if let Ok(Some(theirs)) = round.absorb(&name, &etag, &body, NOW + 10) {
            let (merged, restore) = apply_import(&me.study, &theirs);
            me.study = merged;
            point = restore.or(point);
        }
    }
    let upload = round.upload(&me.study, NOW + 10).unwrap();
    round.uploaded(&folder.put(&upload).unwrap());
    assert!(round.to_delete().is_empty(), "a file deletes no file");
    me.memory = round.finish(NOW + 10);
    assert_eq!(folder.names(), files_before);
    // What it did: the newer deletions won, item by item.
    assert_eq!(me.study.note("AAAAAAAAAAA"), None);
    assert_eq!(me.study.watch_state("BBBBBBBBBBB"), WatchState::Unwatched);
    assert!(me.study.playlist("p1").is_none());
    // Not silently, not for good: the round's restore point gives it all back,
    // as edits newer than the clamped forgery, which reach every device.
    let restored = point
        .expect("the round changed something")
        .undo(&mut me.study, NOW + 20);
    assert_eq!(restored, 3);
    assert_eq!(me.study.note("AAAAAAAAAAA"), local.note("AAAAAAAAAAA"));
    assert_eq!(me.study.watch_state("BBBBBBBBBBB"), WatchState::Watched);
    assert_eq!(me.study.playlist("p1").map(|p| p.name()), Some("Week 1"));
    sync(&mut me, &mut folder, NOW + 30);
    let mut third = Device::new(3, "Third");
    sync(&mut third, &mut folder, NOW + 40);
    assert_eq!(third.study.note("AAAAAAAAAAA"), Some("HW1 due 3/14"));
}

#[test]
fn memory_round_trips_and_salvages() {
    let mut folder = Folder::default();
    let mut me = Device::new(1, "Laptop");
    let mut other = Device::new(2, "Phone");
    sync(&mut other, &mut folder, NOW);
    sync(&mut me, &mut folder, NOW + 1);
    let text = me.memory.encode();
    assert_eq!(SyncMemory::decode(&text), Some(me.memory.clone()));
    for garbage in [
        "",
        "null",
        "[]",
        "{}",
        "{\"sync_memory\":2,\"device\":\"aaaaaaaaaaaaaaaa\"}",
        "{\"sync_memory\":1,\"device\":\"NOT AN ID\"}",
        "{\"sync_memory\":1}",
    ] {
        assert_eq!(SyncMemory::decode(garbage), None, "{garbage:?}");
    }
    // A damaged section is forgotten; the next round downloads again.
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["files"] = serde_json::json!({"x": 1});
    value["own"] = serde_json::json!("junk");
    value["names"]["not an id"] = serde_json::json!({"name": 5});
    let salvaged = SyncMemory::decode(&value.to_string()).expect("the device id survives");
    assert_eq!(salvaged.device(), me.memory.device());
    assert_eq!(salvaged.names, me.memory.names);
    let round = salvaged.begin(folder.list(), NOW + 2);
    assert_eq!(round.to_download().len(), 2, "both files read again");
}

#[test]
fn renames_are_synced_and_this_device_is_listed_first() {
    let mut folder = Folder::default();
    let mut laptop = Device::new(1, "Laptop");
    let mut phone = Device::new(2, "Phone");
    let mut tablet = Device::new(3, "Tablet");
    sync(&mut phone, &mut folder, NOW);
    sync(&mut tablet, &mut folder, NOW + 10);
    sync(&mut laptop, &mut folder, NOW + 20);
    let names = |d: &Device, now| {
        d.memory
            .devices(now)
            .into_iter()
            .map(|i| (i.name, i.this_device))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&laptop, NOW + 30),
        [
            ("Laptop".to_string(), true),
            ("Tablet".into(), false),
            ("Phone".into(), false)
        ]
    );
    let phone_id = phone.memory.device().clone();
    assert_eq!(
        laptop.memory.rename(&phone_id, "  My phone ", NOW + 40),
        Ok(true)
    );
    assert_eq!(
        laptop.memory.rename(&phone_id, "My phone", NOW + 41),
        Ok(false)
    );
    assert!(laptop.memory.rename(&phone_id, "   ", NOW + 42).is_err());
    assert_eq!(laptop.study, StudyState::default());
    let outcome = sync(&mut laptop, &mut folder, NOW + 50);
    assert!(outcome.uploaded, "a rename alone is something new");
    assert_eq!(outcome.devices, 3);
    sync(&mut phone, &mut folder, NOW + 60);
    assert_eq!(names(&phone, NOW + 70)[0], ("My phone".to_string(), true));
    assert_eq!(phone.memory.last_synced_ms(), Some(NOW + 60));
}

#[test]
fn a_forgotten_device_loses_its_file_and_learns_it() {
    let mut folder = Folder::default();
    let mut a = Device::new(1, "A");
    let mut b = Device::new(2, "B");
    let mut c = Device::new(3, "C");
    for (i, d) in [&mut a, &mut b, &mut c].into_iter().enumerate() {
        sync(d, &mut folder, NOW + i as u64);
    }
    b.study
        .set_note(&v("BBBBBBBBBBB"), "from b", NOW + 10)
        .unwrap();
    sync(&mut b, &mut folder, NOW + 11);
    let b_id = b.memory.device().clone();
    let a_id = a.memory.device().clone();
    assert!(
        !a.memory.forget(&a_id, NOW),
        "not this device: disconnect instead"
    );
    assert!(a.memory.forget(&b_id, NOW + 20));
    assert!(!a.memory.forget(&b_id, NOW + 21));
    // B edits again and starts a round just before A's round forgets it.
    b.study
        .set_note(&v("CCCCCCCCCCC"), "b, late", NOW + 22)
        .unwrap();
    let b_round = start(&mut b, &mut folder, NOW + 23);
    let outcome = sync(&mut a, &mut folder, NOW + 24);
    assert_eq!(outcome.deleted, 1);
    assert!(folder.body(&b_id.file_name()).is_none());
    assert_eq!(
        a.study.note("BBBBBBBBBBB"),
        Some("from b"),
        "its data is kept"
    );
    // B's PUT meets 412 (its file is gone); its next round learns it was forgotten.
    let late = end(&mut b, &mut folder, b_round, NOW + 25, Fault::None);
    assert!(!late.uploaded);
    let puts = folder.puts;
    let outcome = sync(&mut b, &mut folder, NOW + 26);
    assert!(outcome.forgotten && !outcome.uploaded && outcome.deleted == 0);
    assert_eq!(folder.puts, puts, "a forgotten device writes nothing");
    assert!(folder.body(&b_id.file_name()).is_none());
    assert_eq!(
        b.study.note("CCCCCCCCCCC"),
        Some("b, late"),
        "local data is kept"
    );
    sync(&mut c, &mut folder, NOW + 27);
    assert_eq!(c.study.note("BBBBBBBBBBB"), Some("from b"));
    assert!(c.memory.devices(NOW + 28).iter().all(|d| d.id != b_id));
    assert_eq!(c.memory.devices(NOW + 28).len(), 2);
    // A stale or forged file cannot bring B back.
    let mut fresh = Device::new(4, "Fresh");
    sync(&mut fresh, &mut folder, NOW + 29);
    assert!(fresh.memory.names.is_forgotten(&b_id));
}

#[test]
fn stale_covered_files_are_pruned_by_the_newer_file_only() {
    let mut folder = Folder::default();
    let mut a = Device::new(1, "A");
    let mut b = Device::new(2, "B");
    b.study.set_note(&v("BBBBBBBBBBB"), "from b", NOW).unwrap();
    sync(&mut b, &mut folder, NOW);
    sync(&mut a, &mut folder, NOW + 1);
    sync(&mut b, &mut folder, NOW + 2);
    let b_file = b.memory.device().file_name();
    let a_file = a.memory.device().file_name();
    // Fifty-nine days on, nothing is old enough.
    a.study
        .set_note(&v("AAAAAAAAAAA"), "a1", NOW + 59 * DAY)
        .unwrap();
    let outcome = sync(&mut a, &mut folder, NOW + 59 * DAY);
    assert_eq!(outcome.deleted, 0);
    // Say A's tab closed before its study reached storage, after its memory
    // did: A no longer holds B's note, and remembers B's file as read.
    let mut lost = Device::new(1, "A").study;
    lost.set_note(&v("AAAAAAAAAAA"), "a2", NOW + 61 * DAY)
        .unwrap();
    a.study = lost;
    // Past sixty days of silence, B's file is read again before it is judged:
    // its note comes back, A's newer file covers it, and then it goes.
    let gets = folder.gets;
    let outcome = sync(&mut a, &mut folder, NOW + 61 * DAY);
    assert_eq!(folder.gets - gets, 1, "B's stale file is read again");
    assert_eq!(outcome.deleted, 1);
    assert_eq!(a.study.note("BBBBBBBBBBB"), Some("from b"));
    assert!(folder.body(&b_file).is_none());
    // B is not lost: its data is in A's file, and B writes its file again when it sees it gone.
    let mut c = Device::new(3, "C");
    sync(&mut c, &mut folder, NOW + 62 * DAY);
    assert_eq!(c.study.note("BBBBBBBBBBB"), Some("from b"));
    let outcome = sync(&mut b, &mut folder, NOW + 62 * DAY);
    assert!(outcome.uploaded && folder.body(&b_file).is_some());
    let seen_b = |d: &Device| {
        d.memory
            .devices(NOW + 62 * DAY)
            .into_iter()
            .find(|i| i.id == *b.memory.device())
            .and_then(|i| i.last_seen_ms)
    };
    assert_eq!(
        seen_b(&a),
        Some(NOW),
        "last seen (its last write) is kept after pruning"
    );
    assert_eq!(b.study.note("AAAAAAAAAAA"), Some("a2"));
    // Two quiet devices: only the newer file prunes the older, never both.
    let later = NOW + 200 * DAY;
    sync(&mut a, &mut folder, later);
    sync(&mut b, &mut folder, later + 1);
    sync(&mut c, &mut folder, later + 2);
    let files = folder.names().len();
    assert!(files >= 2, "{files} files left");
    assert!(folder.body(&a_file).is_some() || folder.body(&b_file).is_some());
}

#[test]
fn an_interrupted_round_costs_one_get_and_no_second_put() {
    let mut folder = Folder::default();
    let mut me = Device::new(1, "Me");
    me.study.set_note(&v("AAAAAAAAAAA"), "x", NOW).unwrap();
    let round = start(&mut me, &mut folder, NOW);
    end(&mut me, &mut folder, round, NOW, Fault::StopAfterPut);
    assert_eq!(folder.puts, 1);
    assert_eq!(me.memory.last_synced_ms(), None, "memory not saved");
    let before = (folder.gets, folder.puts);
    sync(&mut me, &mut folder, NOW + 1);
    assert_eq!((folder.gets - before.0, folder.puts - before.1), (1, 0));
    let before = (folder.gets, folder.puts);
    sync(&mut me, &mut folder, NOW + 2);
    assert_eq!((folder.gets, folder.puts), before);
}

#[test]
fn a_412_is_retried_next_round_and_own_file_changes_are_read_first() {
    let mut folder = Folder::default();
    let mut me = Device::new(1, "Me");
    me.study.set_note(&v("AAAAAAAAAAA"), "x", NOW).unwrap();
    let round = start(&mut me, &mut folder, NOW);
    let outcome = end(&mut me, &mut folder, round, NOW, Fault::ConflictOnPut);
    assert!(!outcome.uploaded && me.memory.last_synced_ms().is_none());
    let outcome = sync(&mut me, &mut folder, NOW + 1);
    assert!(outcome.uploaded);
    let name = me.memory.device().file_name();
    // Someone wrote the own file (an old copy of this device, say): read and merged, then written over.
    let mut twin = Device::new(1, "Me");
    twin.study
        .set_note(&v("BBBBBBBBBBB"), "twin", NOW + 2)
        .unwrap();
    let twin_body = twin
        .memory
        .begin(Vec::new(), NOW + 2)
        .upload(&twin.study, NOW + 2)
        .unwrap()
        .body;
    let etag = folder.force(&name, &twin_body);
    let mut round = me.memory.begin(folder.list(), NOW + 3);
    assert_eq!(round.to_download(), std::slice::from_ref(&name));
    // Not read: never written over.
    assert_eq!(round.upload(&me.study, NOW + 3), None);
    let body = folder.get(&name).unwrap().1;
    me.study = me
        .study
        .merge(&round.absorb(&name, &etag, &body, NOW + 3).unwrap().unwrap());
    let upload = round.upload(&me.study, NOW + 3).unwrap();
    assert_eq!(upload.if_match.as_deref(), Some(etag.as_str()));
    assert_eq!(me.study.note("BBBBBBBBBBB"), Some("twin"));
    // A newer app wrote the own file: never written over by this one.
    let newer = twin_body.replace("\"version\":1", "\"version\":2");
    let etag = folder.force(&name, &newer);
    let mut round = me.memory.begin(folder.list(), NOW + 4);
    assert!(round.absorb(&name, &etag, &newer, NOW + 4).is_err());
    assert_eq!(round.upload(&me.study, NOW + 4), None);
    // The own file deleted by someone: created again.
    folder
        .delete(&Delete {
            name: name.clone(),
            if_match: Some(etag),
        })
        .unwrap();
    let round = me.memory.begin(folder.list(), NOW + 5);
    assert_eq!(round.upload(&me.study, NOW + 5).unwrap().if_match, None);
}

/// remoteStorage lists `"ETag": "abc"` but answers a PUT with `ETag: "\"abc\""`:
/// the same tag, so a quiescent round still reads nothing.
#[test]
fn etags_compare_without_quotes() {
    let mut folder = Folder::default();
    let mut me = Device::new(1, "Me");
    let mut other = Device::new(2, "Other");
    sync(&mut other, &mut folder, NOW);
    sync(&mut me, &mut folder, NOW + 1);
    let unquoted = |listing: Vec<RemoteEntry>| {
        listing
            .into_iter()
            .map(|e| RemoteEntry {
                etag: format!("W/{}", e.etag.trim_matches('"')),
                ..e
            })
            .collect::<Vec<_>>()
    };
    let round = me.memory.begin(unquoted(folder.list()), NOW + 2);
    assert!(round.to_download().is_empty());
    assert_eq!(round.upload(&me.study, NOW + 2), None);
}

/// Requests for four devices joining one after another (the first with the
/// 448-lecture state), then settling, then a quiescent pass.
#[test]
fn four_devices_join_settle_and_go_quiet() {
    let mut folder = Folder::default();
    let mut devices: Vec<Device> = (1..=4).map(|n| Device::new(n, "Device")).collect();
    big_state(&mut devices[0]);
    let mut passes = Vec::new();
    for pass in 0..3u64 {
        let before = (folder.gets, folder.puts, folder.deletes);
        for (i, device) in devices.iter_mut().enumerate() {
            sync(device, &mut folder, NOW + DAY + pass * 1000 + i as u64);
        }
        passes.push((
            folder.gets - before.0,
            folder.puts - before.1,
            folder.deletes - before.2,
        ));
    }
    eprintln!("four devices, (GET, PUT, DELETE) per pass: {passes:?}");
    // Joining: each reads the files before it and writes its own. Settling:
    // each reads the files written after its round, writes nothing. Then quiet.
    assert_eq!(passes, [(6, 4, 0), (6, 0, 0), (0, 0, 0)]);
    assert!(devices.iter().all(|d| d.study == devices[0].study));
}
