//! Prints the stored size of the worst-case study state, in UTF-8 bytes and
//! UTF-16 units (what localStorage counts), and of its restore point.
use shelf_core::study::{apply_import, encode, worst_case_state, StudyState, WORST_CASE_VIDEOS};

fn main() {
    let state = worst_case_state(WORST_CASE_VIDEOS, 500);
    let json = encode(&state);
    println!(
        "state: {} B UTF-8, {} UTF-16 units",
        json.len(),
        json.encode_utf16().count()
    );
    let (_, point) = apply_import(&StudyState::default(), &state);
    let point = point
        .expect("importing into an empty state changes it")
        .encode();
    println!(
        "restore point of importing it: {} B UTF-8, {} UTF-16 units",
        point.len(),
        point.encode_utf16().count()
    );
    if let Some(sample) = json.find("\"entries\":{") {
        println!("one entry: {}", &json[sample..sample + 160]);
    }
}
