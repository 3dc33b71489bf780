//! Where an entry sits in a playlist: a fractional index.
//!
//! A position is a fraction in (0, 1) written as base-256 digits with no
//! trailing zero (`[0x80]` = ½). Between any two positions there is
//! another, so a move rewrites one entry's position instead of the whole
//! list, and concurrent moves of different entries both take effect.
//!
//! (The `fractional_index` crate was considered: its `new_between`
//! underflows a `u8` when the right-hand bound has a 0 digit, which its own
//! `new_before` produces — so this small, tested module instead.)

use std::fmt;

/// Longest position read from storage: far above anything edits make
/// (playlists rebalance past [`REBALANCE_DIGITS`]); only a guard against
/// forged data.
const MAX_DIGITS: usize = 4096;
/// A position this long (from many inserts at one spot) makes the list
/// renumber its entries evenly.
pub const REBALANCE_DIGITS: usize = 24;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position(Vec<u8>);

impl Default for Position {
    /// The middle: where the first entry of an empty list goes.
    fn default() -> Position {
        Position(vec![0x80])
    }
}

impl Position {
    /// A position strictly between `before` and `after` (either end may be
    /// open). `None` when `before >= after` (forged or tied positions).
    pub fn between(before: Option<&Position>, after: Option<&Position>) -> Option<Position> {
        let low: &[u8] = before.map_or(&[], |p| &p.0);
        if let Some(high) = after {
            if low >= high.0.as_slice() {
                return None;
            }
        }
        Some(Position(midpoint(low, after.map(|p| p.0.as_slice()))))
    }

    /// The position after `last` (or the first one): the first digit that
    /// can grow grows, so appending adds a digit only every 255 entries.
    pub fn after(last: Option<&Position>) -> Position {
        let Some(last) = last else {
            return Position::default();
        };
        match last.0.iter().position(|&d| d < u8::MAX) {
            Some(i) => {
                let mut digits = last.0[..=i].to_vec();
                digits[i] += 1;
                Position(digits)
            }
            // All digits full: one more, started low, so the next 254
            // appends fit in it.
            None => Position([last.0.as_slice(), &[0x01]].concat()),
        }
    }

    /// `count` increasing positions spread evenly (as few digits as the
    /// count needs), for lists migrated, copied or renumbered whole.
    pub fn sequence(count: usize) -> Vec<Position> {
        let mut width = 1u32;
        while 256u128.pow(width) <= count as u128 + 1 {
            width += 1;
        }
        let span = 256u128.pow(width);
        let step = span / (count as u128 + 1);
        (1..=count as u128)
            .map(|i| {
                let value = i * step;
                let mut digits: Vec<u8> =
                    (0..width).rev().map(|k| (value >> (8 * k)) as u8).collect();
                while digits.last() == Some(&0) {
                    digits.pop();
                }
                Position(digits)
            })
            .collect()
    }

    /// How many digits it has (see [`REBALANCE_DIGITS`]).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn is_valid(digits: &[u8]) -> bool {
        !digits.is_empty() && digits.len() <= MAX_DIGITS && digits.last() != Some(&0)
    }
}

/// Digits strictly between `low` and `high` (`None` = 1), given
/// `low < high`. Missing digits of `low` count as 0.
fn midpoint(low: &[u8], high: Option<&[u8]>) -> Vec<u8> {
    let mut prefix = Vec::new();
    let mut i = 0;
    if let Some(high) = high {
        // Shared leading digits stay.
        while i < high.len() && low.get(i).copied().unwrap_or(0) == high[i] {
            prefix.push(high[i]);
            i += 1;
        }
    }
    let low_digit = u16::from(low.get(i).copied().unwrap_or(0));
    let high_rest = high.map(|h| &h[i.min(h.len())..]);
    let high_digit = high_rest
        .and_then(|h| h.first())
        .map_or(256, |&d| u16::from(d));
    if high_digit - low_digit > 1 {
        prefix.push(((low_digit + high_digit) / 2) as u8);
    } else if high_rest.is_some_and(|h| h.len() > 1) {
        // `high` goes on past this digit, so the digit alone is below it.
        prefix.push(high_digit as u8);
    } else {
        prefix.push(low_digit as u8);
        prefix.extend(midpoint(low.get(i + 1..).unwrap_or(&[]), None));
    }
    prefix
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|d| write!(f, "{d:02x}"))
    }
}

impl std::str::FromStr for Position {
    type Err = String;
    fn from_str(s: &str) -> Result<Position, String> {
        let bad = || format!("{s:?} is not a playlist position");
        if !s.len().is_multiple_of(2) || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let digits: Vec<u8> = (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16))
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        Position::is_valid(&digits)
            .then_some(Position(digits))
            .ok_or_else(bad)
    }
}

crate::text_form::text_form!(Position);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(hex: &str) -> Position {
        hex.parse().unwrap()
    }

    #[test]
    fn between_is_strictly_between() {
        assert_eq!(Position::between(None, None), Some(p("80")));
        assert_eq!(Position::between(Some(&p("80")), None), Some(p("c0")));
        assert_eq!(Position::between(None, Some(&p("80"))), Some(p("40")));
        assert_eq!(
            Position::between(Some(&p("01")), Some(&p("02"))),
            Some(p("0180"))
        );
        assert_eq!(
            Position::between(Some(&p("01")), Some(&p("0201"))),
            Some(p("02"))
        );
        assert_eq!(Position::between(None, Some(&p("0001"))), Some(p("000080")));
        assert_eq!(Position::between(Some(&p("ff")), None), Some(p("ff80")));
        assert_eq!(Position::between(Some(&p("80")), Some(&p("80"))), None);
        assert_eq!(Position::between(Some(&p("81")), Some(&p("80"))), None);
        for n in [0, 1, 5, 254, 255, 256, 1000, 70_000] {
            let seq = Position::sequence(n);
            assert_eq!(seq.len(), n);
            assert!(seq.windows(2).all(|w| w[0] < w[1]), "{n}");
            assert!(
                seq.iter().all(|p| Position::is_valid(&p.0) && p.len() <= 3),
                "{n}"
            );
        }
        let mut last = Position::default();
        for _ in 0..1000 {
            let next = Position::after(Some(&last));
            assert!(next > last);
            last = next;
        }
        assert!(last.len() <= 5, "appends stay short: {} digits", last.len());
    }

    #[test]
    fn junk_is_refused() {
        for bad in ["", "0", "8g", "8000", "00", &"11".repeat(4097)] {
            assert!(bad.parse::<Position>().is_err(), "{bad:?}");
        }
        assert_eq!(p("7f80").to_string(), "7f80");
    }

    proptest! {
        /// Any sequence of inserts keeps positions strictly ordered and
        /// short: the property every move and add relies on.
        #[test]
        fn inserts_stay_ordered(slots in proptest::collection::vec(0usize..1000, 1..200)) {
            let mut list: Vec<Position> = Vec::new();
            for slot in slots {
                let at = slot % (list.len() + 1);
                let new = Position::between(at.checked_sub(1).map(|i| &list[i]), list.get(at));
                let new = new.expect("neighbours are ordered");
                prop_assert!(Position::is_valid(&new.0), "{new:?}");
                list.insert(at, new);
                prop_assert!(list.windows(2).all(|w| w[0] < w[1]));
            }
        }

        #[test]
        fn front_inserts_grow_slowly(n in 1usize..400) {
            let mut first = Position::default();
            for _ in 0..n {
                first = Position::between(None, Some(&first)).unwrap();
            }
            prop_assert!(first.0.len() <= n / 7 + 2, "{} digits after {n}", first.0.len());
        }
    }
}
