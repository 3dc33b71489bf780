//! Per-item "newer wins" merging, shared by backup import and by the
//! read-modify-write that lets two browser tabs save without losing edits.
//!
//! Every stored item carries `updated_at` (milliseconds, passed in by the
//! caller). Merging two states keeps the union of their keys and, per key,
//! the item with the larger `(updated_at, item)` pair. Comparing the whole
//! item after the timestamp breaks ties deterministically, which makes the
//! merge commutative, associative and idempotent: a max over a total order.
//! Deletions are items too (tombstones), so a merge never brings back what
//! was deleted later than it was last edited.

use std::collections::BTreeMap;

/// An item that merges by "newer `updated_at` wins".
///
/// `Ord` is only the tie-break for equal timestamps; any total order works,
/// as long as both sides of a merge use the same one.
pub trait Stamped: Ord + Clone {
    fn updated_at(&self) -> u64;

    /// True when the item records a deletion (an emptied note, a deleted
    /// playlist, a cleared setting): kept so merges do not resurrect it.
    fn is_tombstone(&self) -> bool {
        false
    }
}

/// The timestamp for an edit made at `now_ms` to an item last stamped
/// `previous`.
///
/// Always later than `previous`, even when the clock went backwards (or a
/// device with a fast clock wrote the item): otherwise the edit would lose
/// the next merge against the very version it replaced.
pub fn next_stamp(previous: u64, now_ms: u64) -> u64 {
    now_ms.max(previous.saturating_add(1))
}

/// The winner of two versions of one item.
pub fn newer<'a, T: Stamped>(a: &'a T, b: &'a T) -> &'a T {
    if (a.updated_at(), a) >= (b.updated_at(), b) {
        a
    } else {
        b
    }
}

/// Union of keys; per key, the newer item.
pub fn merge_maps<T: Stamped>(
    a: &BTreeMap<String, T>,
    b: &BTreeMap<String, T>,
) -> BTreeMap<String, T> {
    let mut merged = a.clone();
    for (key, theirs) in b {
        let winner = match a.get(key) {
            Some(ours) => newer(ours, theirs),
            None => theirs,
        };
        merged.insert(key.clone(), winner.clone());
    }
    merged
}

/// What merging `incoming` into a local collection would do, item by item.
///
/// Lists hold item keys (video ids, playlist ids, setting names) so the UI
/// can show names from either side.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindDiff {
    /// New items that will appear.
    pub added: Vec<String>,
    /// Items present on both sides whose incoming version is newer.
    pub updated: Vec<String>,
    /// Items visible locally that an incoming, newer tombstone deletes.
    pub removed: Vec<String>,
    /// Identical on both sides, or an incoming tombstone for an item this
    /// side never had: nothing visible changes.
    pub unchanged: Vec<String>,
    /// The local version is newer: the incoming one is ignored.
    pub kept_local: Vec<String>,
}

impl KindDiff {
    /// True when applying the merge changes something the user can see.
    pub fn has_changes(&self) -> bool {
        !(self.added.is_empty() && self.updated.is_empty() && self.removed.is_empty())
    }

    /// Sorts one incoming item into its bucket.
    pub(crate) fn record<T: Stamped>(&mut self, key: &str, local: Option<&T>, incoming: &T) {
        let bucket = match local {
            None if incoming.is_tombstone() => &mut self.unchanged,
            None => &mut self.added,
            Some(ours) if ours == incoming => &mut self.unchanged,
            Some(ours) if newer(ours, incoming) == ours => &mut self.kept_local,
            Some(ours) if incoming.is_tombstone() && !ours.is_tombstone() => &mut self.removed,
            Some(ours) if ours.is_tombstone() && !incoming.is_tombstone() => &mut self.added,
            Some(_) => &mut self.updated,
        };
        bucket.push(key.to_string());
    }
}

/// The diff of merging `incoming` into `local`, for one map.
pub fn diff_maps<T: Stamped>(
    local: &BTreeMap<String, T>,
    incoming: &BTreeMap<String, T>,
) -> KindDiff {
    let mut diff = KindDiff::default();
    for (key, theirs) in incoming {
        diff.record(key, local.get(key), theirs);
    }
    diff
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
    struct Item {
        at: u64,
        text: &'static str,
    }

    impl Stamped for Item {
        fn updated_at(&self) -> u64 {
            self.at
        }
        fn is_tombstone(&self) -> bool {
            self.text.is_empty()
        }
    }

    fn map(items: &[(&str, u64, &'static str)]) -> BTreeMap<String, Item> {
        items
            .iter()
            .map(|&(k, at, text)| (k.to_string(), Item { at, text }))
            .collect()
    }

    #[test]
    fn edits_always_move_time_forward() {
        assert_eq!(next_stamp(10, 50), 50);
        assert_eq!(next_stamp(50, 10), 51, "clock went backwards");
        assert_eq!(
            next_stamp(u64::MAX, 0),
            u64::MAX,
            "saturates instead of overflowing"
        );
    }

    #[test]
    fn newer_wins_and_ties_are_deterministic() {
        let a = map(&[("x", 1, "old"), ("y", 5, "b")]);
        let b = map(&[("x", 2, "new"), ("y", 5, "a"), ("z", 0, "only")]);
        let ab = merge_maps(&a, &b);
        assert_eq!(ab, merge_maps(&b, &a));
        assert_eq!(ab["x"].text, "new");
        assert_eq!(ab["y"].text, "b");
        assert_eq!(ab["z"].text, "only");
    }

    #[test]
    fn diff_sorts_every_incoming_item() {
        let local = map(&[
            ("same", 1, "s"),
            ("old", 1, "o"),
            ("mine", 9, "m"),
            ("gone", 1, "g"),
        ]);
        let incoming = map(&[
            ("same", 1, "s"),
            ("old", 2, "o2"),
            ("mine", 3, "m3"),
            ("gone", 4, ""),
            ("new", 1, "n"),
            ("ghost", 1, ""),
        ]);
        let diff = diff_maps(&local, &incoming);
        assert_eq!(diff.added, ["new"]);
        assert_eq!(diff.updated, ["old"]);
        assert_eq!(diff.removed, ["gone"]);
        assert_eq!(diff.unchanged, ["ghost", "same"]);
        assert_eq!(diff.kept_local, ["mine"]);
        assert!(diff.has_changes());
        assert!(!diff_maps(&local, &local).has_changes());
    }
}
