//! Lecture Shelf's entry point; the app itself is the library (`lib.rs`).

fn main() {
    lecture_shelf::start();
}
