//! Video positions written the way YouTube shows them: `m:ss`, `mm:ss` or
//! `h:mm:ss` (`34:10` is 2050 seconds).
//!
//! One grammar serves typed resume positions and timestamps found in notes,
//! so what the note linker recognises is exactly what the resume field
//! accepts:
//!
//! * `m:ss` / `mm:ss`: one or two digits of minutes (up to 99, since people
//!   write `75:30` for a long lecture), exactly two digits of seconds < 60;
//! * `h:mm:ss`: one or two digits of hours, then exactly two digits each of
//!   minutes and seconds, both < 60.

/// Seconds for a whole string such as `"34:10"` or `" 1:02:03 "`.
pub fn parse_time(text: &str) -> Option<u32> {
    match_exact(text.trim())
}

/// `m:ss` below an hour, `h:mm:ss` from an hour on (YouTube's own style).
///
/// Round-trips through [`parse_time`] for anything below 100 hours.
pub fn format_time(secs: u32) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h == 0 {
        format!("{m}:{s:02}")
    } else {
        format!("{h}:{m:02}:{s:02}")
    }
}

/// Seconds for a string that is exactly one time code, nothing around it.
pub(crate) fn match_exact(text: &str) -> Option<u32> {
    let parts: Vec<&str> = text.split(':').collect();
    match parts.as_slice() {
        [m, s] => Some(number(m, 1..=2, 99)? * 60 + number(s, 2..=2, 59)?),
        [h, m, s] => {
            Some(number(h, 1..=2, 99)? * 3600 + number(m, 2..=2, 59)? * 60 + number(s, 2..=2, 59)?)
        }
        _ => None,
    }
}

/// An all-ASCII-digit field of an allowed width, at most `max`.
fn number(field: &str, width: std::ops::RangeInclusive<usize>, max: u32) -> Option<u32> {
    if !width.contains(&field.len()) || !field.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    field.parse().ok().filter(|&n| n <= max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_youtube_style_positions() {
        assert_eq!(parse_time("34:10"), Some(2050));
        assert_eq!(parse_time("0:05"), Some(5));
        assert_eq!(parse_time("75:30"), Some(4530));
        assert_eq!(parse_time(" 1:02:03\n"), Some(3723));
        assert_eq!(parse_time("01:00:00"), Some(3600));
    }

    #[test]
    fn refuses_what_is_not_a_position() {
        for bad in [
            "",
            ":",
            "12",
            "12:",
            ":12",
            "1:2",
            "12:345",
            "12:60",
            "2024:01",
            "123:45",
            "1:60:00",
            "1:5:00",
            "100:00:00",
            "1:02:03:04",
            "+1:00",
            "-1:00",
            "1:0x",
            "１２:３４",
            "12 :34",
        ] {
            assert_eq!(parse_time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn formats_like_youtube() {
        assert_eq!(format_time(0), "0:00");
        assert_eq!(format_time(2050), "34:10");
        assert_eq!(format_time(3600), "1:00:00");
        assert_eq!(format_time(3723), "1:02:03");
        assert_eq!(format_time(u32::MAX), "1193046:28:15");
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips(secs in 0u32..100 * 3600) {
            prop_assert_eq!(parse_time(&format_time(secs)), Some(secs));
        }

        #[test]
        fn parse_never_panics(text in "\\PC{0,12}") {
            let _ = parse_time(&text);
        }
    }
}
