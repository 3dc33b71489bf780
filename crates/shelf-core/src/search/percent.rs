//! Percent-encoding for URL query values (`application/x-www-form-urlencoded`
//! style: `+` is a space). Small enough to keep here rather than add a crate.

/// Decodes `%XX` escapes and `+`; a `%` not followed by two hex digits stays
/// as it is, and bytes that are not UTF-8 become U+FFFD.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(hi), Some(lo)) => {
                    out.push((hi << 4) | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: Option<&u8>) -> Option<u8> {
    let b = *b?;
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Appends `s` encoded: unreserved characters as they are, a space as `+`,
/// every other byte as `%XX`, so the result is safe in any URL position.
pub fn encode(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0xF)] as char);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn enc(s: &str) -> String {
        let mut out = String::new();
        encode(s, &mut out);
        out
    }

    #[test]
    fn decodes_escapes_plus_and_utf8() {
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%E6%A9%9F%e5%99%a8"), "機器");
        assert_eq!(decode("%2B%26%3D%25"), "+&=%");
        assert_eq!(decode("機器+學習"), "機器 學習");
    }

    #[test]
    fn bad_escapes_are_harmless() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%G1%%41"), "%G1%A");
        assert_eq!(decode("%E6%A9"), "\u{FFFD}");
        assert_eq!(decode("%FF%FE"), "\u{FFFD}\u{FFFD}");
        assert_eq!(decode("%ED%A0%80"), "\u{FFFD}\u{FFFD}\u{FFFD}"); // a lone surrogate
    }

    #[test]
    fn encodes_everything_but_unreserved() {
        assert_eq!(enc("GAN & VAE"), "GAN+%26+VAE");
        assert_eq!(enc("a+b=c#d?e/f%"), "a%2Bb%3Dc%23d%3Fe%2Ff%25");
        assert_eq!(enc("機"), "%E6%A9%9F");
        assert_eq!(enc("-._~"), "-._~");
    }

    proptest! {
        #[test]
        fn decode_inverts_encode(s in any::<String>()) {
            prop_assert_eq!(decode(&enc(&s)), s);
        }

        #[test]
        fn decode_never_panics(s in any::<String>()) {
            let _ = decode(&s);
        }
    }
}
