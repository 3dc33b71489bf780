//! The smallest unit of merging: a last-writer-wins register, and the
//! [`Merge`] trait every part of the study state implements.
//!
//! Merging is a join: commutative, associative and idempotent, so tabs,
//! devices and backups can exchange states in any order, any number of
//! times, and end up equal (`tests.rs` proves it on random histories).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::stamp::{Clock, Stamp};

/// A join: `a.merge(b) == b.merge(a)`, `a.merge(b.merge(c)) ==
/// a.merge(b).merge(c)`, `a.merge(a) == a`.
pub trait Merge: Clone {
    fn merge(&self, other: &Self) -> Self;

    /// Every ordering stamp inside, pulled back to at most a day past
    /// `now_ms` (see [`Stamp::clamped`]). Identities are not stamps here.
    fn clamp_stamps(&mut self, now_ms: u64);

    /// The latest ordering stamp inside, for the clock to observe.
    fn latest(&self) -> Stamp;
}

/// A value and the stamp of the edit that wrote it. The later stamp wins;
/// equal stamps (only the same edit, or forged data) tie-break on the
/// value, so the merge stays a join.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Lww<T> {
    pub(super) value: T,
    pub(super) at: Stamp,
}

impl<T> Lww<T> {
    pub fn new(value: T, at: Stamp) -> Lww<T> {
        Lww { value, at }
    }

    pub fn get(&self) -> &T {
        &self.value
    }

    pub fn at(&self) -> Stamp {
        self.at
    }
}

impl<T: PartialEq> Lww<T> {
    /// Writes `value` with a fresh stamp; false (and no stamp) when it is
    /// already the value, so a no-op never wins against a real edit.
    pub fn set(&mut self, value: T, clock: &mut Clock, now_ms: u64) -> bool {
        if self.value == value {
            return false;
        }
        self.value = value;
        self.at = clock.tick(now_ms);
        true
    }
}

impl<T: Ord + Clone> Merge for Lww<T> {
    fn merge(&self, other: &Self) -> Self {
        if (self.at, &self.value) >= (other.at, &other.value) {
            self.clone()
        } else {
            other.clone()
        }
    }

    fn clamp_stamps(&mut self, now_ms: u64) {
        self.at = self.at.clamped(now_ms);
    }

    fn latest(&self) -> Stamp {
        self.at
    }
}

/// Union of keys; per key, the merge of both versions.
impl<K: Ord + Clone, V: Merge> Merge for BTreeMap<K, V> {
    fn merge(&self, other: &Self) -> Self {
        let mut merged = self.clone();
        for (key, theirs) in other {
            let value = match self.get(key) {
                Some(ours) => ours.merge(theirs),
                None => theirs.clone(),
            };
            merged.insert(key.clone(), value);
        }
        merged
    }

    fn clamp_stamps(&mut self, now_ms: u64) {
        self.values_mut().for_each(|v| v.clamp_stamps(now_ms));
    }

    fn latest(&self) -> Stamp {
        self.values()
            .map(Merge::latest)
            .max()
            .unwrap_or(Stamp::ZERO)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::stamp::DeviceId;

    #[test]
    fn later_write_wins_and_no_ops_leave_the_stamp() {
        let mut clock = Clock::new(DeviceId::from_random(1));
        let mut a = Lww::new("x".to_string(), Stamp::ZERO);
        assert!(!a.set("x".into(), &mut clock, 1_800_000_000_000));
        assert_eq!(a.at(), Stamp::ZERO);
        let mut b = a.clone();
        assert!(a.set("from a".into(), &mut clock, 1_800_000_000_000));
        assert!(b.set("from b".into(), &mut clock, 1_800_000_000_000));
        assert_eq!(a.merge(&b).get(), "from b");
        assert_eq!(b.merge(&a), a.merge(&b));
        let forged = Lww::new("forged".to_string(), b.at());
        assert_eq!(forged.merge(&b), b.merge(&forged), "ties still commute");
    }
}
