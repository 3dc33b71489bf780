//! A video's watch state: shared by the study model (which stores it) and
//! search (which filters and counts by it).

use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum WatchState {
    #[default]
    Unwatched,
    InProgress,
    Watched,
}

impl WatchState {
    pub const ALL: [WatchState; 3] = [
        WatchState::Unwatched,
        WatchState::InProgress,
        WatchState::Watched,
    ];

    /// The form used in URLs (`?watched=in-progress`).
    pub fn code(self) -> &'static str {
        match self {
            WatchState::Unwatched => "unwatched",
            WatchState::InProgress => "in-progress",
            WatchState::Watched => "watched",
        }
    }

    pub fn from_code(code: &str) -> Option<WatchState> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}
