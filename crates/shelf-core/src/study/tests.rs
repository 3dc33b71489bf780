//! Property tests across modules: the merge laws on random edit histories
//! from up to three devices with skewed clocks (one a day slow, one a hundred
//! years ahead), and the storage and backup round trips.

use proptest::prelude::*;
use proptest::sample::select;

use super::*;
use crate::ids::{PlaylistId, VideoId};
use crate::locale::Theme;
use crate::watch::WatchState;

const VIDEOS: [&str; 4] = ["AAAAAAAAAAA", "BBBBBBBBBBB", "CCCCCCCCCCC", "-2r4cqDP4BY"];
const LISTS: [&str; 2] = ["p1", "p2"];
const NOW: u64 = 1_800_000_000_000;
const DAY: u64 = 24 * 60 * 60 * 1000;
/// How far each device's clock is off: exact, a day slow, a century ahead.
const SKEW: [i64; 3] = [0, -(DAY as i64), 100 * 365 * DAY as i64];

fn v(i: usize) -> VideoId {
    VideoId::parse(VIDEOS[i % VIDEOS.len()]).unwrap()
}

fn pid(i: usize) -> PlaylistId {
    PlaylistId::parse(LISTS[i % LISTS.len()]).unwrap()
}

#[derive(Debug, Clone)]
enum Op {
    Watch(usize, WatchState),
    Resume(usize, Option<u32>),
    Note(usize, &'static str),
    Create(usize, &'static str),
    Rename(usize, &'static str),
    Delete(usize),
    Restore(usize),
    Add(usize, usize),
    RemoveAt(usize, usize),
    Move(usize, usize, usize),
    Theme(Option<Theme>),
    /// The player reports a lecture's length (raw, as YouTube gives it).
    Length(usize, f64),
    Speed(u16),
    Due(usize, Option<i32>),
    /// The device reads another device's state (a storage event, an import).
    SyncFrom(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let text = select(vec!["", "a", "b 1:00", "c"]);
    let name = select(vec!["One", "Two", "三"]);
    prop_oneof![
        (0..4usize, select(WatchState::ALL.to_vec())).prop_map(|(i, s)| Op::Watch(i, s)),
        (0..4usize, proptest::option::of(0u32..5000)).prop_map(|(i, r)| Op::Resume(i, r)),
        (0..4usize, text).prop_map(|(i, t)| Op::Note(i, t)),
        (0..2usize, name.clone()).prop_map(|(i, n)| Op::Create(i, n)),
        (0..2usize, name).prop_map(|(i, n)| Op::Rename(i, n)),
        (0..2usize).prop_map(Op::Delete),
        (0..2usize).prop_map(Op::Restore),
        (0..2usize, 0..4usize).prop_map(|(l, i)| Op::Add(l, i)),
        (0..2usize, 0..4usize).prop_map(|(l, i)| Op::RemoveAt(l, i)),
        (0..2usize, 0..4usize, 0..4usize).prop_map(|(l, a, b)| Op::Move(l, a, b)),
        proptest::option::of(select(vec![Theme::Light, Theme::Dark])).prop_map(Op::Theme),
        (0..3usize).prop_map(Op::SyncFrom),
        (
            0..4usize,
            select(vec![0.0, 59.6, 1800.0, 2710.4, f64::NAN, 1e9])
        )
            .prop_map(|(i, s)| Op::Length(i, s)),
        select(vec![100u16, 125, 150, 200, 333]).prop_map(Op::Speed),
        (0..2usize, proptest::option::of(20_500i32..20_510)).prop_map(|(l, d)| Op::Due(l, d)),
    ]
}

fn history() -> impl Strategy<Value = Vec<(usize, Op)>> {
    proptest::collection::vec((0..3usize, op()), 0..40)
}

/// Runs a history; each step is one millisecond later on the true clock.
fn run(history: &[(usize, Op)]) -> Vec<StudyState> {
    let mut devices: Vec<StudyState> = (0..3)
        .map(|d| StudyState::default().for_device(DeviceId::from_random(d as u32 + 1)))
        .collect();
    for (step, (d, op)) in history.iter().enumerate() {
        let now = (NOW as i64 + SKEW[*d] + step as i64) as u64;
        apply(&mut devices, *d, op, now);
    }
    devices
}

fn apply(devices: &mut [StudyState], d: usize, op: &Op, now: u64) {
    if let Op::SyncFrom(from) = op {
        let theirs = devices[*from].clone();
        devices[d] = devices[d].merge(&theirs);
        return;
    }
    let s = &mut devices[d];
    match op {
        Op::Watch(i, state) => drop(s.set_watch_state(&v(*i), *state, now)),
        Op::Resume(i, secs) => drop(s.set_resume(&v(*i), *secs, now)),
        Op::Note(i, text) => drop(s.set_note(&v(*i), text, now)),
        Op::Create(l, name) => drop(s.create_playlist(pid(*l), name, now)),
        Op::Rename(l, name) => drop(s.playlist_mut(&pid(*l), now).map(|mut p| p.rename(name))),
        Op::Delete(l) => drop(s.delete_playlist(&pid(*l), now)),
        Op::Restore(l) => drop(s.restore_playlist(&pid(*l), now)),
        Op::Add(l, i) => drop(
            s.playlist_mut(&pid(*l), now)
                .map(|mut p| p.add(&v(*i), Duplicates::Allow)),
        ),
        Op::RemoveAt(l, i) => drop(s.playlist_mut(&pid(*l), now).map(|mut p| p.remove_at(*i))),
        Op::Move(l, a, b) => drop(s.playlist_mut(&pid(*l), now).map(|mut p| p.move_to(*a, *b))),
        Op::Theme(theme) => drop(s.set_theme(*theme, now)),
        Op::Length(i, raw) => drop(s.learn_duration(&v(*i), *raw, now)),
        Op::Speed(p) => drop(s.set_speed(*p, now)),
        Op::Due(l, day) => drop(
            s.playlist_mut(&pid(*l), now)
                .map(|mut p| p.set_due(day.map(plan::Day))),
        ),
        Op::SyncFrom(_) => unreachable!("handled above"),
    }
}

fn all(devices: &[StudyState]) -> StudyState {
    devices
        .iter()
        .fold(StudyState::default(), |acc, s| acc.merge(s))
}

proptest! {
    #[test]
    fn merge_is_a_join_on_real_histories(h in history()) {
        let [a, b, c] = <[StudyState; 3]>::try_from(run(&h)).unwrap();
        prop_assert_eq!(a.merge(&b), b.merge(&a), "commutative");
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)), "associative");
        prop_assert_eq!(a.merge(&a), a.clone(), "idempotent");
        prop_assert_eq!(a.merge(&StudyState::default()), a.clone(), "empty is neutral");
    }

    /// Every tab ends up showing the same thing, whatever order it hears
    /// about the others in.
    #[test]
    fn replicas_converge_in_any_order(h in history()) {
        let devices = run(&h);
        let expected = all(&devices);
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            let got = order.iter().fold(StudyState::default(), |acc, &i| acc.merge(&devices[i]));
            prop_assert_eq!(&got, &expected);
        }
    }

    /// A device that has read everything orders its next edit after all of
    /// it, however wrong its clock: the edit wins everywhere.
    #[test]
    fn an_edit_after_reading_wins_whatever_the_clock(h in history(), d in 0..3usize, video in 0..4usize) {
        let devices = run(&h);
        let everything = all(&devices);
        let mut editor = devices[d].merge(&everything);
        let now = (NOW as i64 + SKEW[d] + 1000) as u64;
        editor.set_note(&v(video), "final word", now).unwrap();
        editor.set_theme(Some(Theme::Dark), now);
        let merged = everything.merge(&editor);
        prop_assert_eq!(merged.note(&v(video)), Some("final word"));
        prop_assert_eq!(merged.settings().theme(), Some(Theme::Dark));
    }

    /// No text lost: notes typed on devices that had not seen each other's
    /// keep every text, in any merge order, until one device, having seen
    /// them, edits or picks; then that edit is the only version everywhere.
    #[test]
    fn concurrent_note_edits_keep_every_text(
        h in history(),
        texts in proptest::collection::vec(select(vec!["phone: HW1 due 3/14", "laptop", "第三份", ""]), 3),
        video in 0..4usize,
        pick in 0..3usize,
    ) {
        let mut devices = run(&h);
        for (d, text) in texts.iter().enumerate() {
            let now = (NOW as i64 + SKEW[d] + 500) as u64;
            devices[d].set_note(&v(video), text, now).unwrap();
        }
        let merged = all(&devices);
        let mut typed: Vec<&str> = texts.iter().copied().filter(|t| !t.is_empty()).collect();
        typed.sort_unstable();
        typed.dedup();
        let mut kept = merged.note_versions(&v(video));
        kept.sort_unstable();
        prop_assert_eq!(&kept, &typed, "every text typed concurrently is kept");
        prop_assert_eq!(merged.note(&v(video)).is_some(), !typed.is_empty());
        let mut resolver = devices[pick].merge(&merged);
        let now = (NOW as i64 + SKEW[pick] + 1000) as u64;
        if typed.len() >= 2 {
            prop_assert!(resolver.keep_note_version(&v(video), 1, now));
            let chosen = merged.note_versions(&v(video))[1];
            let after = all(&devices).merge(&resolver);
            prop_assert_eq!(after.note_versions(&v(video)), vec![chosen]);
            prop_assert_eq!(resolver.keep_all_note_versions(&v(video), now + 1), Ok(false), "already one version");
        }
        let mut both = devices[pick].merge(&merged);
        prop_assert_eq!(both.keep_all_note_versions(&v(video), now).is_ok(), true);
        let after = merged.merge(&both);
        prop_assert!(after.note_versions(&v(video)).len() <= 1);
        for text in &typed {
            prop_assert!(after.note(&v(video)).unwrap_or_default().contains(text), "keep both keeps {}", text);
        }
    }

    /// Every length any device learned is known everywhere after a merge,
    /// as the longest reading.
    #[test]
    fn lengths_merge_as_the_longest_reading(h in history()) {
        let devices = run(&h);
        let merged = all(&devices);
        for video in VIDEOS {
            let longest = devices.iter().filter_map(|d| d.durations().get(video).copied()).max();
            prop_assert_eq!(merged.durations().get(video).copied(), longest);
        }
    }

    /// Concurrent adds to one list are never lost: every add shows.
    #[test]
    fn concurrent_adds_all_survive(adds in proptest::collection::vec((0..3usize, 0..4usize), 1..30)) {
        let mut h = vec![(0, Op::Create(0, "One")), (1, Op::SyncFrom(0)), (2, Op::SyncFrom(0))];
        h.extend(adds.iter().map(|&(d, i)| (d, Op::Add(0, i))));
        let merged = all(&run(&h));
        prop_assert_eq!(merged.playlist("p1").map(Playlist::len), Some(adds.len()));
    }

    #[test]
    fn storage_round_trips(h in history()) {
        for state in run(&h) {
            // Read back a century later, so no stamp needs clamping.
            let later = NOW + 101 * 365 * DAY;
            prop_assert_eq!(
                decode(&encode(&state), later),
                Decoded::Ok { state: state.clone(), dropped: Vec::new(), clamped: false }
            );
        }
    }

    #[test]
    fn importing_twice_equals_importing_once(h in history()) {
        let devices = run(&h);
        let later = NOW + 101 * 365 * DAY;
        let file = export_backup(&devices[1], 7);
        let incoming = parse_backup(&file, later).unwrap().state;
        prop_assert_eq!(&incoming, &devices[1]);
        let (once, _) = apply_import(&devices[0], &incoming);
        let (twice, _) = apply_import(&once, &incoming);
        prop_assert_eq!(&twice, &once);
        prop_assert!(!preview_import(&once, &incoming).has_changes());
    }

    #[test]
    fn undo_restores_what_the_import_changed(h in history()) {
        let devices = run(&h);
        let local = devices[0].clone();
        let (mut merged, point) = apply_import(&local, &devices[1]);
        if let Some(point) = point {
            point.undo(&mut merged, NOW + 200 * 365 * DAY);
        }
        for video in VIDEOS {
            // A conflict the import changed comes back as one text holding both.
            let expected = match local.note_versions(video) {
                versions if versions.len() >= 2 && merged.note_versions(video).len() < 2 => {
                    Some(joined_versions(&versions))
                }
                _ => local.note(video).map(str::to_string),
            };
            prop_assert_eq!(merged.note(video).map(str::to_string), expected);
            prop_assert_eq!(merged.watch_state(video), local.watch_state(video));
            prop_assert_eq!(merged.resume_secs(video), local.resume_secs(video));
        }
        for list in LISTS {
            let shown = |s: &StudyState| s.playlist(list).map(|p| (p.name().to_string(), p.videos().into_iter().cloned().collect::<Vec<_>>()));
            prop_assert_eq!(shown(&merged), shown(&local));
        }
        prop_assert_eq!(merged.settings().theme(), local.settings().theme());
    }

    #[test]
    fn garbage_in_storage_or_backups_never_panics(text in "\\PC{0,200}") {
        let _ = decode(&text, NOW);
        let _ = parse_backup(&text, NOW);
        let _ = RestorePoint::decode(&text);
    }

    /// Near misses of real stores: valid envelopes with junk inside.
    #[test]
    fn near_miss_stores_salvage_or_report(
        key in "[A-Za-z0-9:_ -]{0,12}",
        junk in prop_oneof![Just("1".to_string()), Just("null".into()), Just("[]".into()), Just("\"x\"".into()), "\\{\"[a-z_]{1,8}\":(1|\"x\"|null|\\[\\]|\\{\\})\\}"],
        schema in 1u64..=3,
    ) {
        for section in ["progress", "notes", "playlists", "settings", "watched"] {
            let raw = format!("{{\"schema\":{schema},\"{section}\":{{\"{key}\":{junk}}}}}");
            prop_assert!(matches!(decode(&raw, NOW), Decoded::Ok { .. }), "{}", raw);
        }
    }
}
