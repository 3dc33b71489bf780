//! When an edit happened: hybrid logical clock stamps.
//!
//! A [`Stamp`] is physical time (ms) + a counter + the id of the device
//! (browser tab) that made the edit, compared in that order. [`Clock`]
//! hands them out: an edit is always stamped after every stamp this
//! device has seen, so a device whose clock is behind still orders its
//! later edits after what it has read; the device id makes two edits'
//! stamps differ even at the same millisecond.
//!
//! No clock and no file can freeze an item: physical time is clamped to
//! [`FLOOR_MS`]..=[`CEILING_MS`] when stamping, and stamps read from
//! storage or a backup are clamped to at most [`MAX_AHEAD_MS`] ahead of
//! the reader's clock ([`Stamp::clamped`]), so a stamp of `u64::MAX` or
//! the year 9999 becomes "a day from now" and the next edit beats it.

use std::fmt;

/// 2024-01-01T00:00:00Z: no edit can be older (the app did not exist).
/// A clock reading earlier is wrong; stamping uses this instead.
pub const FLOOR_MS: u64 = 1_704_067_200_000;
/// 2100-01-01T00:00:00Z: a clock reading later is wrong; stamping uses
/// this instead, and counters keep ordering edits.
pub const CEILING_MS: u64 = 4_102_444_800_000;
/// How far ahead of the reader's clock a stored stamp may be: devices'
/// clocks differ by minutes, not days.
pub const MAX_AHEAD_MS: u64 = 24 * 60 * 60 * 1000;

const HOUR_MS: u64 = 60 * 60 * 1000;

/// Which device (browser tab) made an edit. [`DeviceId::LEGACY`] marks
/// items migrated from schemas without devices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct DeviceId(u32);

impl DeviceId {
    pub const LEGACY: DeviceId = DeviceId(0);

    /// From random bits chosen by the caller (the core has no randomness).
    /// Never [`DeviceId::LEGACY`].
    pub fn from_random(bits: u32) -> DeviceId {
        DeviceId(bits.max(1))
    }
}

/// A point in the edit order. Serialized as `"<ms>.<counter>.<device hex>"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Stamp {
    millis: u64,
    counter: u32,
    device: DeviceId,
}

impl Stamp {
    /// Older than any edit: what items migrated without a time get.
    pub const ZERO: Stamp = Stamp {
        millis: 0,
        counter: 0,
        device: DeviceId::LEGACY,
    };

    /// A stamp for migrated data (no device, maybe no counter).
    pub fn legacy(millis: u64, counter: u32) -> Stamp {
        Stamp {
            millis,
            counter,
            device: DeviceId::LEGACY,
        }
    }

    pub fn millis(self) -> u64 {
        self.millis
    }

    /// The next stamp of the same device and time (the next millisecond
    /// once the counter is spent): a fresh identity next to this one.
    pub(super) fn next_counter(self) -> Stamp {
        match self.counter.checked_add(1) {
            Some(counter) => Stamp { counter, ..self },
            None => Stamp {
                millis: self.millis.saturating_add(1),
                counter: 0,
                ..self
            },
        }
    }

    pub fn device(self) -> DeviceId {
        self.device
    }

    /// This stamp, pulled back to at most [`MAX_AHEAD_MS`] past `now_ms`
    /// (itself clamped to the sane window). Order among stamps that need
    /// no clamping is kept.
    pub fn clamped(self, now_ms: u64) -> Stamp {
        // Whole hours, so two reads a moment apart clamp a stamp to the same
        // value: an edit ordered after the first read stays after the second.
        let limit = physical(now_ms).saturating_add(MAX_AHEAD_MS) / HOUR_MS * HOUR_MS;
        if self.millis <= limit {
            self
        } else {
            Stamp {
                millis: limit,
                ..self
            }
        }
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{:x}", self.millis, self.counter, self.device.0)
    }
}

impl std::str::FromStr for Stamp {
    type Err = String;
    fn from_str(s: &str) -> Result<Stamp, String> {
        let bad = || format!("{s:?} is not a stamp");
        let mut parts = s.split('.');
        let (Some(millis), Some(counter), Some(device), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        let hex =
            |p: &str| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_hexdigit());
        if !(digits(millis) && digits(counter) && hex(device)) {
            return Err(bad());
        }
        Ok(Stamp {
            millis: millis.parse().map_err(|_| bad())?,
            counter: counter.parse().map_err(|_| bad())?,
            device: DeviceId(u32::from_str_radix(device, 16).map_err(|_| bad())?),
        })
    }
}

crate::text_form::text_form!(Stamp);

/// Physical time as stamping uses it: inside the sane window.
fn physical(now_ms: u64) -> u64 {
    now_ms.clamp(FLOOR_MS, CEILING_MS)
}

/// One device's hybrid logical clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clock {
    device: DeviceId,
    last: Stamp,
}

impl Clock {
    pub fn new(device: DeviceId) -> Clock {
        Clock {
            device,
            last: Stamp::ZERO,
        }
    }

    pub fn device(&self) -> DeviceId {
        self.device
    }

    /// The latest stamp handed out or seen.
    pub fn last(&self) -> Stamp {
        self.last
    }

    /// Remembers a stamp seen in data read from elsewhere, so later edits
    /// here are ordered after it.
    pub fn observe(&mut self, seen: Stamp) {
        if seen > self.last {
            self.last = seen;
        }
    }

    /// The stamp for an edit made now: later than everything seen.
    pub fn tick(&mut self, now_ms: u64) -> Stamp {
        let now = physical(now_ms);
        let (millis, counter) = if now > self.last.millis {
            (now, 0)
        } else if self.last.counter < u32::MAX {
            (self.last.millis, self.last.counter + 1)
        } else {
            // Counter exhausted (only by absurd input): borrow a millisecond.
            (self.last.millis.saturating_add(1), 0)
        };
        self.last = Stamp {
            millis,
            counter,
            device: self.device,
        };
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_764_614_400_000; // 2025-12-01
    const DAY: u64 = 24 * 60 * 60 * 1000;

    #[test]
    fn edits_are_ordered_after_what_was_seen_even_with_a_slow_clock() {
        let mut fast = Clock::new(DeviceId::from_random(1));
        let mut slow = Clock::new(DeviceId::from_random(2));
        let theirs = fast.tick(NOW);
        slow.observe(theirs);
        let mine = slow.tick(NOW - DAY);
        assert!(
            mine > theirs,
            "a day-slow device still edits after what it read"
        );
        let again = slow.tick(NOW - DAY);
        assert!(again > mine, "same millisecond, counter moves on");
    }

    #[test]
    fn no_clock_or_file_can_freeze_an_item() {
        let frozen = Stamp {
            millis: u64::MAX,
            counter: u32::MAX,
            device: DeviceId(u32::MAX),
        };
        let read = frozen.clamped(NOW);
        let limit = (NOW + MAX_AHEAD_MS) / HOUR_MS * HOUR_MS;
        assert_eq!(read.millis(), limit, "a day ahead, in whole hours");
        assert_eq!(
            frozen.clamped(NOW + 60_000),
            read,
            "a read a minute later agrees"
        );
        let mut clock = Clock::new(DeviceId::from_random(7));
        clock.observe(read);
        assert!(clock.tick(NOW) > read, "the next edit wins");
        let year_9999 = Stamp::legacy(253_402_300_799_999, 0).clamped(NOW);
        assert_eq!(year_9999.millis(), limit);
        let fine = Stamp::legacy(NOW + 5_000, 3);
        assert_eq!(fine.clamped(NOW), fine, "small skews are kept");
    }

    #[test]
    fn wrong_clocks_stamp_inside_the_window() {
        let mut clock = Clock::new(DeviceId::from_random(3));
        assert_eq!(clock.tick(0).millis(), FLOOR_MS);
        let mut future = Clock::new(DeviceId::from_random(4));
        let far = NOW + 100 * 365 * DAY;
        assert_eq!(future.tick(far).millis(), CEILING_MS);
        let a = future.tick(far);
        let b = future.tick(far);
        assert!(b > a, "at the ceiling the counter keeps order");
        let mut exhausted = Clock::new(DeviceId::from_random(5));
        exhausted.observe(Stamp::legacy(NOW, u32::MAX));
        let next = exhausted.tick(NOW);
        assert_eq!(
            (next.millis(), next > Stamp::legacy(NOW, u32::MAX)),
            (NOW + 1, true)
        );
    }

    #[test]
    fn stamps_round_trip_as_text_and_refuse_junk() {
        let stamp = Stamp {
            millis: NOW,
            counter: 12,
            device: DeviceId(0x3fa9_1c2d),
        };
        assert_eq!(stamp.to_string(), "1764614400000.12.3fa91c2d");
        assert_eq!(stamp.to_string().parse::<Stamp>(), Ok(stamp));
        for bad in [
            "",
            "1.2",
            "1.2.3.4",
            "a.1.1",
            "1.-1.1",
            "1.1.g",
            "1.1.123456789",
            "99999999999999999999.0.1",
            " 1.1.1",
        ] {
            assert!(bad.parse::<Stamp>().is_err(), "{bad:?}");
        }
        assert_eq!(DeviceId::from_random(0), DeviceId(1), "never the legacy id");
    }
}
