//! A deleted playlist that can still be brought back: what a row hands the
//! playlists page when it deletes (its own home, so the row and the page
//! each import it and neither imports the other).

#[derive(Clone, PartialEq)]
pub struct Deleted {
    pub id: String,
    pub name: String,
}
