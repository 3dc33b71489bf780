//! What the rest of a video page may ask of its player: seek (time-code
//! links) and the current time (notes at the moment). Provided by the video
//! page; absent elsewhere, so links fall back to opening YouTube. (A watch
//! state chosen by hand needs no message: the playback session sees it in
//! the study state, from this tab or any other.)

use std::rc::Rc;

use leptos::prelude::*;
use shelf_core::playback::Position;

use crate::web::youtube::Player;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Offline,
    LoadFailed,
    Unavailable,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::Offline => "offline",
            Reason::LoadFailed => "load-failed",
            Reason::Unavailable => "unavailable",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Loading,
    Ready,
    Playing,
    Paused,
    Ended,
    Failed(Reason),
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Loading => "loading",
            Status::Ready => "ready",
            Status::Playing => "playing",
            Status::Paused => "paused",
            Status::Ended => "ended",
            Status::Failed(Reason::Offline) => "offline",
            Status::Failed(_) => "failed",
        }
    }

    pub fn usable(self) -> bool {
        matches!(
            self,
            Status::Ready | Status::Playing | Status::Paused | Status::Ended
        )
    }
}

type NoteInserter = Rc<dyn Fn(u32)>;

#[derive(Clone, Copy)]
pub struct PlayerControl {
    pub status: RwSignal<Status>,
    player: StoredValue<Option<Player>, LocalStorage>,
    note_inserter: StoredValue<Option<NoteInserter>, LocalStorage>,
}

impl PlayerControl {
    pub fn provide() -> PlayerControl {
        let control = PlayerControl {
            status: RwSignal::new(Status::Loading),
            player: StoredValue::new_local(None),
            note_inserter: StoredValue::new_local(None),
        };
        provide_context(control);
        control
    }

    pub fn set_player(&self, player: Option<Player>) {
        self.player.set_value(player);
    }

    pub fn with_player<R>(&self, f: impl FnOnce(&Player) -> R) -> Option<R> {
        self.player.try_with_value(|p| p.as_ref().map(f)).flatten()
    }

    /// Seeks and plays; false when there is no usable player (the caller
    /// then opens YouTube instead).
    pub fn seek(&self, secs: u32) -> bool {
        if !self.status.get_untracked().usable() {
            return false;
        }
        self.with_player(|p| {
            p.seek(secs);
            p.play();
        })
        .is_some()
    }

    pub fn current_time(&self) -> Option<u32> {
        if !self.status.get_untracked().usable() {
            return None;
        }
        self.with_player(Player::current_time)
            .flatten()
            .map(Position::secs)
    }

    /// The note editor registers how to insert a time code.
    pub fn set_note_inserter(&self, insert: impl Fn(u32) + 'static) {
        self.note_inserter.set_value(Some(Rc::new(insert)));
    }

    /// Inserts the current time into the note; false without a player.
    pub fn note_at_current_time(&self) -> bool {
        let Some(secs) = self.current_time() else {
            return false;
        };
        match self.note_inserter.try_with_value(|i| i.clone()).flatten() {
            Some(insert) => {
                insert(secs);
                true
            }
            None => false,
        }
    }
}

pub fn use_player_control() -> Option<PlayerControl> {
    use_context::<PlayerControl>()
}
