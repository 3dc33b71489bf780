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

/// Longest position read from storage; real lists stay far below.
const MAX_DIGITS: usize = 512;

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

    /// The position after `last` (or the first one).
    pub fn after(last: Option<&Position>) -> Position {
        Position(midpoint(last.map_or(&[], |p| &p.0), None))
    }

    /// `count` increasing positions, for lists migrated or copied whole.
    pub fn sequence(count: usize) -> Vec<Position> {
        let mut out: Vec<Position> = Vec::with_capacity(count);
        for _ in 0..count {
            let next = Position::after(out.last());
            out.push(next);
        }
        out
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
        let seq = Position::sequence(5);
        assert!(seq.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn junk_is_refused() {
        for bad in ["", "0", "8g", "8000", "00", &"11".repeat(513)] {
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
