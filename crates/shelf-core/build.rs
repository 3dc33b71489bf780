//! Turns `fast2s`' Traditional→Simplified map into a sorted table of
//! `(traditional, simplified)` pairs at build time (`search/fold.rs` reads it
//! with a binary search). `fast2s` stays the source of the data; what the
//! app no longer carries is its runtime: a bincode-decoded hash map built on
//! first use, with bincode, hashbrown and lazy_static behind it.

use std::fmt::Write as _;
use std::path::PathBuf;

/// The ideograph blocks `search::fold::is_han` sends to the table.
const HAN: [(u32, u32); 3] = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut pairs = Vec::new();
    for (first, last) in HAN {
        for c in (first..=last).filter_map(char::from_u32) {
            // One character alone: no neighbours, so no phrase exceptions.
            let mut buf = [0u8; 4];
            let converted = fast2s::convert(c.encode_utf8(&mut buf));
            let mut chars = converted.chars();
            if let (Some(s), None) = (chars.next(), chars.next()) {
                if s != c {
                    pairs.push((c as u32, s as u32));
                }
            }
        }
    }
    // Every pair is in the Basic Multilingual Plane, so it packs into u16s.
    let mut table = String::from("/// `(traditional, simplified)`, sorted by the first.\n");
    writeln!(table, "pub static T2S: [(u16, u16); {}] = [", pairs.len()).unwrap();
    for (t, s) in &pairs {
        let (t, s) = (u16::try_from(*t).unwrap(), u16::try_from(*s).unwrap());
        writeln!(table, "    ({t:#06x}, {s:#06x}),").unwrap();
    }
    table.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("t2s.rs"), table).expect("OUT_DIR is writable");
}
