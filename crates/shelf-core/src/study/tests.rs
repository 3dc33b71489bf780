//! Property tests across modules: the merge laws that make import and
//! multi-tab saving safe, and the storage round trip.

use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use std::collections::{BTreeMap, BTreeSet};

use super::merge::{newer, Stamped};
use super::*;
use crate::watch::WatchState;

/// Few keys and few timestamps, so states overlap and ties are common.
fn video_id() -> impl Strategy<Value = String> {
    select(vec![
        "AAAAAAAAAAA",
        "BBBBBBBBBBB",
        "CCCCCCCCCCC",
        "-2r4cqDP4BY",
    ])
    .prop_map(String::from)
}

fn stamp() -> impl Strategy<Value = u64> {
    0u64..4
}

fn progress() -> impl Strategy<Value = Progress> {
    (
        select(WatchState::ALL.to_vec()),
        option::of(0u32..5000),
        stamp(),
    )
        .prop_map(|(state, resume_secs, updated_at)| Progress {
            state,
            resume_secs,
            updated_at,
        })
}

fn note() -> impl Strategy<Value = Note> {
    ("[a-z 0-9:]{0,6}", stamp()).prop_map(|(text, updated_at)| Note { text, updated_at })
}

fn playlist() -> impl Strategy<Value = Playlist> {
    (
        select(vec!["p1", "p2", "p3"]),
        "[a-z<>]{1,5}",
        vec(video_id(), 0..4),
        stamp(),
        stamp(),
        option::of(stamp()),
    )
        .prop_map(
            |(id, name, videos, created_at, updated_at, deleted_at)| Playlist {
                id: id.to_string(),
                name,
                videos,
                created_at,
                updated_at,
                deleted_at,
            },
        )
}

fn setting() -> impl Strategy<Value = Setting> {
    (option::of(select(vec!["zh", "en", "dark"])), stamp()).prop_map(|(value, updated_at)| {
        Setting {
            value: value.map(String::from),
            updated_at,
        }
    })
}

fn state() -> impl Strategy<Value = StudyState> {
    (
        btree_map(video_id(), progress(), 0..4),
        btree_map(video_id(), note(), 0..4),
        vec(playlist(), 0..4),
        setting(),
        setting(),
    )
        .prop_map(|(progress, notes, playlists, locale, theme)| StudyState {
            progress,
            notes,
            playlists: playlists.into_iter().map(|p| (p.id.clone(), p)).collect(),
            settings: Settings { locale, theme },
        })
}

/// Keys are the union, and each key holds the newer of the two versions.
fn check_map<T: Stamped + std::fmt::Debug>(
    merged: &BTreeMap<String, T>,
    a: &BTreeMap<String, T>,
    b: &BTreeMap<String, T>,
) -> Result<(), TestCaseError> {
    let union: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    prop_assert_eq!(merged.keys().collect::<BTreeSet<_>>(), union);
    for (key, item) in merged {
        let expected = match (a.get(key), b.get(key)) {
            (Some(x), Some(y)) => newer(x, y),
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => unreachable!("key comes from the union"),
        };
        prop_assert_eq!(item, expected);
        let latest = a
            .get(key)
            .into_iter()
            .chain(b.get(key))
            .map(Stamped::updated_at)
            .max();
        prop_assert_eq!(Some(item.updated_at()), latest);
    }
    Ok(())
}

proptest! {
    #[test]
    fn merge_is_commutative_and_loses_nothing(a in state(), b in state()) {
        let ab = a.merge(&b);
        prop_assert_eq!(&ab, &b.merge(&a));
        check_map(&ab.progress, &a.progress, &b.progress)?;
        check_map(&ab.notes, &a.notes, &b.notes)?;
        check_map(&ab.playlists, &a.playlists, &b.playlists)?;
        prop_assert_eq!(&ab.settings.locale, newer(&a.settings.locale, &b.settings.locale));
        prop_assert_eq!(&ab.settings.theme, newer(&a.settings.theme, &b.settings.theme));
    }

    #[test]
    fn merge_is_associative(a in state(), b in state(), c in state()) {
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
    }

    #[test]
    fn merging_with_empty_is_identity(a in state()) {
        let empty = StudyState::default();
        prop_assert_eq!(&a.merge(&empty), &a);
        prop_assert_eq!(&empty.merge(&a), &a);
        prop_assert_eq!(&a.merge(&a), &a);
    }

    #[test]
    fn importing_twice_equals_importing_once(local in state(), backup in state()) {
        let file = export_backup(&backup, 7);
        let incoming = parse_backup(&file).unwrap();
        prop_assert_eq!(&incoming, &backup);
        let once = apply_import(&local, &incoming);
        let twice = apply_import(&once, &parse_backup(&file).unwrap());
        prop_assert_eq!(&twice, &once);
        prop_assert!(!preview_import(&once, &incoming).has_changes());
    }

    #[test]
    fn preview_predicts_the_import(local in state(), incoming in state()) {
        let preview = preview_import(&local, &incoming);
        let merged = apply_import(&local, &incoming);
        for (diff, before, after) in [
            (&preview.notes, key_set(&local.notes), key_set(&merged.notes)),
            (&preview.progress, key_set(&local.progress), key_set(&merged.progress)),
            (&preview.playlists, key_set(&local.playlists), key_set(&merged.playlists)),
        ] {
            let new_keys: BTreeSet<String> = after.difference(&before).cloned().collect();
            let reported = diff.added.iter().chain(&diff.unchanged).cloned().collect::<BTreeSet<_>>();
            prop_assert!(new_keys.is_subset(&reported));
        }
        let changed = merged != local;
        prop_assert!(!preview.has_changes() || changed);
    }

    #[test]
    fn storage_round_trips(state in state()) {
        prop_assert_eq!(decode(&encode(&state)), Decoded::Ok(state));
    }
}

fn key_set<T>(map: &BTreeMap<String, T>) -> BTreeSet<String> {
    map.keys().cloned().collect()
}
