//! Sync among 2–4 simulated devices through an in-memory folder with
//! ETags: random interleavings of edits, offline periods (a device skips
//! rounds), rounds cut short after the PUT, rounds whose PUT meets a 412,
//! rounds split around another device's whole round, and weeks passing
//! (so stale files are pruned, and written again). Then everyone
//! syncs with no edits: every device must hold the same state, that state
//! must be exactly the join of every edit made (nothing lost, nothing
//! invented), and a further round of every device writes nothing.

use proptest::prelude::*;
use proptest::sample::select;
use std::collections::BTreeMap;

use super::*;
use crate::ids::{PlaylistId, VideoId};
use crate::study::{DeviceId, Duplicates, StudyState};
use crate::watch::WatchState;

const NOW: u64 = 1_800_000_000_000;
const HOUR: i64 = 60 * 60 * 1000;
const DAY: u64 = 24 * HOUR as u64;
/// Clock errors: exact, 3 h ahead, 5 h behind, 40 min ahead. Readers clamp
/// stamps more than a day ahead, so clocks further apart than that do not
/// converge stamp for stamp (see `tests.rs`, hostile stamps).
const SKEW: [i64; 4] = [0, 3 * HOUR, -5 * HOUR, 2 * HOUR / 3];
const VIDEOS: [&str; 4] = ["AAAAAAAAAAA", "BBBBBBBBBBB", "CCCCCCCCCCC", "-2r4cqDP4BY"];
const LISTS: [&str; 2] = ["p1", "p2"];

fn v(i: usize) -> VideoId {
    VideoId::parse(VIDEOS[i % VIDEOS.len()]).unwrap()
}

fn pid(i: usize) -> PlaylistId {
    PlaylistId::parse(LISTS[i % LISTS.len()]).unwrap()
}

/// A remote folder with ETags, counting requests.
#[derive(Default, Debug)]
pub(super) struct Folder {
    files: BTreeMap<String, (String, String)>,
    next: u64,
    pub(super) lists: usize,
    pub(super) gets: usize,
    pub(super) puts: usize,
    pub(super) deletes: usize,
    pub(super) bytes_down: usize,
    pub(super) bytes_up: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) struct Conflict;

impl Folder {
    pub(super) fn list(&mut self) -> Vec<RemoteEntry> {
        self.lists += 1;
        self.files
            .iter()
            .map(|(name, (etag, body))| RemoteEntry {
                name: name.clone(),
                etag: etag.clone(),
                size: Some(body.len() as u64),
            })
            .collect()
    }

    pub(super) fn get(&mut self, name: &str) -> Option<(String, String)> {
        self.gets += 1;
        let file = self.files.get(name).cloned();
        self.bytes_down += file.as_ref().map_or(0, |(_, body)| body.len());
        file
    }

    /// Writes as a remote would for anyone (a test forging files too).
    pub(super) fn force(&mut self, name: &str, body: &str) -> String {
        self.next += 1;
        let etag = format!("\"e{}\"", self.next);
        self.files
            .insert(name.to_string(), (etag.clone(), body.to_string()));
        etag
    }

    pub(super) fn put(&mut self, upload: &Upload) -> Result<String, Conflict> {
        self.puts += 1;
        let current = self.files.get(&upload.name).map(|(etag, _)| etag);
        if current != upload.if_match.as_ref() {
            return Err(Conflict);
        }
        self.bytes_up += upload.body.len();
        Ok(self.force(&upload.name, &upload.body))
    }

    pub(super) fn delete(&mut self, delete: &Delete) -> Result<(), Conflict> {
        self.deletes += 1;
        match self.files.get(&delete.name) {
            Some((etag, _)) if Some(etag) == delete.if_match.as_ref() => {
                self.files.remove(&delete.name);
                Ok(())
            }
            _ => Err(Conflict),
        }
    }

    pub(super) fn body(&self, name: &str) -> Option<&str> {
        self.files.get(name).map(|(_, body)| body.as_str())
    }

    pub(super) fn names(&self) -> Vec<String> {
        self.files.keys().cloned().collect()
    }
}

/// One device: its study (as saved locally) and its sync memory.
#[derive(Debug, Clone)]
pub(super) struct Device {
    pub(super) study: StudyState,
    pub(super) memory: SyncMemory,
}

impl Device {
    pub(super) fn new(n: u8, name: &str) -> Device {
        Device {
            study: StudyState::default().for_device(DeviceId::from_random(u32::from(n) + 1)),
            memory: SyncMemory::new(SyncDeviceId::from_random([n; 10]), name),
        }
    }
}

/// How a round goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fault {
    None,
    /// The tab closes after the PUT, before `finish`: the memory is not saved.
    StopAfterPut,
    /// The PUT meets 412 (someone wrote meanwhile): the round is dropped.
    ConflictOnPut,
}

/// The first half of a round: list, download, absorb (saving locally).
pub(super) fn start(device: &mut Device, folder: &mut Folder, now: u64) -> Round {
    let mut round = device.memory.begin(folder.list(), now);
    for name in round.to_download() {
        if let Some((etag, body)) = folder.get(&name) {
            if let Ok(Some(theirs)) = round.absorb(&name, &etag, &body, now) {
                device.study = device.study.merge(&theirs);
            }
        }
    }
    round
}

/// The second half: upload, delete, finish. False when the round was dropped.
pub(super) fn end(
    device: &mut Device,
    folder: &mut Folder,
    mut round: Round,
    now: u64,
    fault: Fault,
) -> RoundOutcome {
    if let Some(upload) = round.upload(&device.study, now) {
        let result = match fault {
            Fault::ConflictOnPut => {
                folder.puts += 1;
                Err(Conflict)
            }
            _ => folder.put(&upload),
        };
        match result {
            Ok(etag) => round.uploaded(&etag),
            Err(Conflict) => return round.outcome(),
        }
        if fault == Fault::StopAfterPut {
            return round.outcome();
        }
    }
    for delete in round.to_delete() {
        // 412 or gone: someone else decided first; the next round sees.
        if folder.delete(&delete).is_ok() {
            round.deleted(&delete.name);
        }
    }
    let outcome = round.outcome();
    device.memory = round.finish(now);
    outcome
}

pub(super) fn sync(device: &mut Device, folder: &mut Folder, now: u64) -> RoundOutcome {
    let round = start(device, folder, now);
    end(device, folder, round, now, Fault::None)
}

#[derive(Debug, Clone)]
enum Op {
    Watch(usize, WatchState),
    Resume(usize, Option<u32>),
    Note(usize, &'static str),
    Create(usize, &'static str),
    Add(usize, usize),
    RemoveAt(usize, usize),
    DeleteList(usize),
    Rename(usize, &'static str),
    Sync(Fault),
    /// This device lists and downloads, then device `.0` (mod count) does a
    /// whole round, then this one uploads and finishes.
    SplitAround(usize),
    /// Time passes for everyone (past [`STALE_AFTER_MS`]: pruning starts).
    Wait(u64),
}

fn op() -> impl Strategy<Value = Op> {
    let text = select(vec!["", "a", "b 1:00", "長い筆記"]);
    let name = select(vec!["One", "Two", "三"]);
    let device_name = select(vec!["Phone", "Laptop", "平板"]);
    let fault = select(vec![
        Fault::None,
        Fault::None,
        Fault::StopAfterPut,
        Fault::ConflictOnPut,
    ]);
    prop_oneof![
        1 => (0..4usize, select(WatchState::ALL.to_vec())).prop_map(|(i, s)| Op::Watch(i, s)),
        1 => (0..4usize, proptest::option::of(0u32..5000)).prop_map(|(i, r)| Op::Resume(i, r)),
        2 => (0..4usize, text).prop_map(|(i, t)| Op::Note(i, t)),
        1 => (0..2usize, name).prop_map(|(i, n)| Op::Create(i, n)),
        1 => (0..2usize, 0..4usize).prop_map(|(l, i)| Op::Add(l, i)),
        1 => (0..2usize, 0..4usize).prop_map(|(l, i)| Op::RemoveAt(l, i)),
        1 => (0..2usize).prop_map(Op::DeleteList),
        1 => (0..4usize, device_name).prop_map(|(d, n)| Op::Rename(d, n)),
        4 => fault.prop_map(Op::Sync),
        1 => (0..4usize).prop_map(Op::SplitAround),
        1 => select(vec![DAY, 30 * DAY, 61 * DAY]).prop_map(Op::Wait),
    ]
}

/// Device count, then (device, op) steps: a device not chosen for a while
/// is offline for that while.
fn scenario() -> impl Strategy<Value = (usize, Vec<(usize, Op)>)> {
    (2..=4usize).prop_flat_map(|n| (Just(n), proptest::collection::vec((0..n, op()), 0..60)))
}

/// Each step is a second later on the true clock, plus the waits so far;
/// device `d` reads its own.
fn clock(d: usize, step: usize, waited: u64) -> u64 {
    (NOW as i64 + SKEW[d] + 1000 * step as i64) as u64 + waited
}

fn apply(
    devices: &mut [Device],
    folder: &mut Folder,
    d: usize,
    op: &Op,
    step: usize,
    waited: &mut u64,
) {
    let now = clock(d, step, *waited);
    let n = devices.len();
    let s = &mut devices[d].study;
    match op {
        Op::Watch(i, state) => drop(s.set_watch_state(&v(*i), *state, now)),
        Op::Resume(i, secs) => drop(s.set_resume(&v(*i), *secs, now)),
        Op::Note(i, text) => drop(s.set_note(&v(*i), text, now)),
        Op::Create(l, name) => drop(s.create_playlist(pid(*l), name, now)),
        Op::Add(l, i) => drop(
            s.playlist_mut(&pid(*l), now)
                .map(|mut p| p.add(&v(*i), Duplicates::Allow)),
        ),
        Op::RemoveAt(l, i) => drop(s.playlist_mut(&pid(*l), now).map(|mut p| p.remove_at(*i))),
        Op::DeleteList(l) => drop(s.delete_playlist(&pid(*l), now)),
        Op::Rename(target, name) => {
            let id = devices[target % n].memory.device().clone();
            let _ = devices[d].memory.rename(&id, name, now);
        }
        Op::Sync(fault) => {
            let round = start(&mut devices[d], folder, now);
            end(&mut devices[d], folder, round, now, *fault);
        }
        Op::SplitAround(other) => {
            let other = other % n;
            let round = start(&mut devices[d], folder, now);
            if other != d {
                sync(&mut devices[other], folder, clock(other, step, *waited));
            }
            end(&mut devices[d], folder, round, now, Fault::None);
        }
        Op::Wait(ms) => *waited += ms,
    }
}

proptest! {
    #[test]
    fn devices_converge_keep_every_edit_and_go_quiet((n, steps) in scenario()) {
        let mut folder = Folder::default();
        let mut devices: Vec<Device> = (0..n).map(|d| Device::new(d as u8, "Device")).collect();
        // Every state any device held after an edit: the final state must hold them all.
        let mut held: Vec<StudyState> = Vec::new();
        let mut names_held: Vec<_> = devices.iter().map(|d| d.memory.names.clone()).collect();
        let mut waited = 0;
        for (step, (d, op)) in steps.iter().enumerate() {
            apply(&mut devices, &mut folder, *d, op, step, &mut waited);
            held.push(devices[*d].study.clone());
            names_held.push(devices[*d].memory.names.clone());
        }
        let join = held.iter().fold(StudyState::default(), |acc, s| acc.merge(s));
        let names_join = names_held.iter().fold(super::names::NameBook::default(), |acc, b| acc.merge(b));

        // Everyone syncs, with no edits, until a pass writes nothing.
        let mut step = steps.len();
        let mut passes = 0;
        loop {
            let puts = (folder.puts, folder.deletes);
            for (d, device) in devices.iter_mut().enumerate() {
                step += 1;
                let outcome = sync(device, &mut folder, clock(d, step, waited));
                prop_assert!(!outcome.forgotten && outcome.refused.is_empty(), "{:?}", outcome);
            }
            passes += 1;
            if (folder.puts, folder.deletes) == puts {
                break;
            }
            // Three passes reach the join; after a long wait, files pruned in
            // one pass are written again in the next.
            prop_assert!(passes <= 5, "still writing after {} passes", passes);
        }
        let encoded: Vec<String> = devices.iter().map(|d| crate::study::encode(&d.study)).collect();
        for (d, text) in encoded.iter().enumerate() {
            prop_assert_eq!(text, &encoded[0], "device {} differs", d);
        }
        prop_assert_eq!(&devices[0].study, &join, "exactly the join of every edit");
        for device in &devices {
            prop_assert_eq!(&device.memory.names, &names_join, "names converge too");
        }
        // A further quiescent round of everyone writes nothing and reads nothing.
        let before = (folder.gets, folder.puts, folder.deletes);
        for (d, device) in devices.iter_mut().enumerate() {
            step += 1;
            sync(device, &mut folder, clock(d, step, waited));
        }
        prop_assert_eq!((folder.gets, folder.puts, folder.deletes), before);
        prop_assert_eq!(folder.names().len(), n, "one file per device");
    }
}

proptest! {
    /// One device is forgotten part way through (it keeps editing and
    /// syncing until it learns it). The others still converge on a state
    /// that holds every edit they made, its file is gone, and when it syncs
    /// it learns it was forgotten and writes nothing.
    #[test]
    fn a_forgotten_device_is_removed_and_the_rest_converge(
        (n, steps) in scenario(),
        at in 0..60usize,
        forgetter in 0..4usize,
        offset in 0..3usize,
    ) {
        let forgetter = forgetter % n;
        let target = (forgetter + 1 + offset % (n - 1)) % n;
        let mut folder = Folder::default();
        let mut devices: Vec<Device> = (0..n).map(|d| Device::new(d as u8, "Device")).collect();
        let target_id = devices[target].memory.device().clone();
        let mut held: Vec<StudyState> = Vec::new();
        let mut waited = 0;
        for (step, (d, op)) in steps.iter().enumerate() {
            if step == at.min(steps.len().saturating_sub(1)) {
                let now = clock(forgetter, step, waited);
                prop_assert!(devices[forgetter].memory.forget(&target_id, now));
            }
            apply(&mut devices, &mut folder, *d, op, step, &mut waited);
            if *d != target {
                held.push(devices[*d].study.clone());
            }
        }
        if steps.is_empty() {
            prop_assert!(devices[forgetter].memory.forget(&target_id, NOW));
        }
        let mut step = steps.len();
        let mut passes = 0;
        loop {
            let writes = (folder.puts, folder.deletes);
            for (d, device) in devices.iter_mut().enumerate().filter(|(d, _)| *d != target) {
                step += 1;
                sync(device, &mut folder, clock(d, step, waited));
            }
            passes += 1;
            if (folder.puts, folder.deletes) == writes {
                break;
            }
            prop_assert!(passes <= 5, "still writing after {} passes", passes);
        }
        prop_assert!(folder.body(&target_id.file_name()).is_none(), "its file is gone");
        let first = devices.iter().position(|d| d.memory.device() != &target_id).unwrap();
        for (d, device) in devices.iter().enumerate().filter(|(d, _)| *d != target) {
            prop_assert_eq!(&device.study, &devices[first].study, "device {} differs", d);
            prop_assert!(device.memory.devices(NOW).iter().all(|i| i.id != target_id));
            for state in &held {
                prop_assert!(state.is_covered_by(&device.study), "an edit was lost");
            }
        }
        // The forgotten device learns it, writes nothing and keeps its data.
        let kept = devices[target].study.clone();
        let before = (folder.puts, folder.deletes);
        step += 1;
        let outcome = sync(&mut devices[target], &mut folder, clock(target, step, waited));
        prop_assert!(outcome.forgotten);
        prop_assert_eq!((folder.puts, folder.deletes), before);
        prop_assert!(kept.is_covered_by(&devices[target].study));
        prop_assert!(folder.body(&target_id.file_name()).is_none());
    }
}
