//! Keys for `<For>` lists whose order can change arbitrarily (search
//! results, the playlists a sync merges in).
//!
//! Leptos' keyed diff (tachys 0.2 `view::keyed::diff`, unchanged in 0.3)
//! decides whether a kept row must move in the DOM from the rows added and
//! removed *before its old place*, not before its new one. When one update
//! both adds and removes rows, a kept row can stay where it was: ticking a
//! course in the facet showed its lectures 12 and 13 (already on the newest
//! page) before lecture 0. The diff is right for the common cases (rows only
//! removed, as typing narrows a search; rows only appended, as "show more"
//! does), so those keep their rows; any other change stamps every key anew
//! and the list is built again, in the right order.
//!
//! A list built again costs most of a keystroke (under a phone's 4× slower
//! CPU, ~200 ms for 24 result rows: making the rows, then laying them out),
//! so [`first_screen_first`] shows a screenful in the frame that follows and
//! the rest a screenful per frame after it.

use std::time::Duration;

use leptos::prelude::*;

/// `list`'s items, each with the generation it was made in: use the pair as
/// the `<For>` key.
pub fn stamped<K>(list: impl Fn() -> Vec<K> + Send + Sync + 'static) -> Memo<Vec<(u32, K)>>
where
    K: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |previous: Option<&Vec<(u32, K)>>| {
        let next = list();
        let generation = match previous {
            None => 0,
            Some(old) => {
                let generation = old.first().map_or(0, |(g, _)| *g);
                let old_keys: Vec<&K> = old.iter().map(|(_, k)| k).collect();
                if diff_keeps_order(&old_keys, &next.iter().collect::<Vec<_>>()) {
                    generation
                } else {
                    generation.wrapping_add(1)
                }
            }
        };
        next.into_iter().map(|k| (generation, k)).collect()
    })
}

/// Rows a list made anew shows per frame: more than a phone's screen holds
/// below the search field.
pub const ROWS_PER_FRAME: usize = 8;

/// `list` (from [`stamped`]) as it is shown: a generation made before
/// (rows removed or appended) in full; a new generation `batch` rows at a
/// time, the first in the frame after the change and each next one once the
/// frame before it is painted, so a key typed meanwhile waits for one batch
/// at most. Also whether rows are still to come (for `aria-busy`).
pub fn first_screen_first<K>(
    list: Memo<Vec<(u32, K)>>,
    batch: usize,
) -> (Memo<Vec<(u32, K)>>, Signal<bool>)
where
    K: Clone + PartialEq + Send + Sync + 'static,
{
    // `None` once the list is gone (the page left while batches were due).
    let generation = move || list.try_with_untracked(|l| l.first().map(|(g, _)| *g));
    // How far a generation is shown: its rows up to a count, or all (`None`).
    // The first list shows in full at once: it replaces the prerendered
    // rows, which must not shrink under the reader.
    let reach = RwSignal::new((generation().flatten(), None::<usize>));
    let shown = Memo::new(move |_| {
        let (at, rows) = reach.get();
        list.with(|l| {
            let limit = match l.first() {
                Some((g, _)) if Some(*g) == at => rows.unwrap_or(l.len()),
                _ => batch,
            };
            l[..limit.min(l.len())].to_vec()
        })
    });
    let pending = Signal::derive(move || shown.with(Vec::len) < list.with(Vec::len));
    Effect::new(move |_| {
        if !pending.get() {
            return;
        }
        let (at, rows, total) = (
            generation().flatten(),
            shown.with(Vec::len),
            list.with(Vec::len),
        );
        // After the paint: a timeout set in the frame's callback runs once
        // the frame is on screen.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // A later list has its own batches; a list gone has none.
                    if generation() == Some(at) {
                        let next = rows + batch;
                        reach.try_set((at, (next < total).then_some(next)));
                    }
                },
                Duration::ZERO,
            );
        });
    });
    (shown, pending)
}

/// True when `new` is `old` with rows removed, or `old` with rows appended:
/// the changes the keyed diff places right.
fn diff_keeps_order<K: PartialEq>(old: &[K], new: &[K]) -> bool {
    new.starts_with(old) || is_subsequence(new, old)
}

fn is_subsequence<K: PartialEq>(short: &[K], long: &[K]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|k| rest.any(|l| l == k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removals_and_appends_keep_rows_other_changes_do_not() {
        let old = [1, 2, 3, 4];
        assert!(diff_keeps_order(&old, &[1, 3]));
        assert!(diff_keeps_order(&old, &[1, 2, 3, 4, 5, 6]));
        assert!(diff_keeps_order(&old, &[]));
        assert!(diff_keeps_order(&[] as &[i32], &[7]));
        // The facet case: rows kept, others added before them.
        assert!(!diff_keeps_order(&[9, 12, 13], &[0, 1, 12, 13]));
        assert!(!diff_keeps_order(&old, &[2, 1, 3, 4]));
        assert!(!diff_keeps_order(&old, &[1, 5, 2]));
    }
}
