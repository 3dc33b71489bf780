//! Chinese numerals, as lecture titles and assignments write them: one
//! reading shared by the importer (第十二講 in titles) and the assignment
//! matcher (第八講 in pasted text).

/// Chinese digits, in both scripts (兩/两), and 〇, the zero of dates and
/// years.
const DIGITS: [(char, u32); 13] = [
    ('零', 0),
    ('〇', 0),
    ('一', 1),
    ('二', 2),
    ('兩', 2),
    ('两', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];

/// Multipliers, largest last.
const UNITS: [(char, u32); 2] = [('十', 10), ('百', 100)];

/// True for a character a Chinese numeral is made of.
pub(crate) fn is_numeral_char(c: char) -> bool {
    digit(c).is_some() || unit(c).is_some()
}

fn digit(c: char) -> Option<u32> {
    DIGITS.iter().find(|(d, _)| *d == c).map(|(_, n)| *n)
}

fn unit(c: char) -> Option<u32> {
    UNITS.iter().find(|(u, _)| *u == c).map(|(_, n)| *n)
}

/// 八 = 8, 十二 = 12, 二十 = 20, 一百零五 = 105, 一百五 = 150, and digit by
/// digit when there is no 十/百 (二〇二四 = 2024). Below 1000.
pub(crate) fn chinese_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return None;
    }
    if chars.iter().all(|&c| unit(c).is_none()) {
        return chars
            .iter()
            .try_fold(0u32, |acc, &c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let mut total = 0;
    let mut pending: Option<u32> = None;
    let mut last_unit = u32::MAX;
    // A digit right after 百 with no 零 between is its tens (一百五 = 150).
    let mut after_unit = 0;
    for &c in &chars {
        if let Some(u) = unit(c) {
            let n = pending.take().unwrap_or(1);
            if u >= last_unit || n == 0 {
                return None;
            }
            total += n * u;
            last_unit = u;
            after_unit = u;
        } else {
            let d = digit(c)?;
            if pending.is_some_and(|p| p != 0) {
                return None; // two digits in a row: 十二三
            }
            if d == 0 {
                after_unit = 0;
            }
            pending = Some(d);
        }
    }
    let tail = pending.unwrap_or(0);
    Some(
        total
            + if after_unit >= 100 && tail != 0 {
                tail * after_unit / 10
            } else {
                tail
            },
    )
}
