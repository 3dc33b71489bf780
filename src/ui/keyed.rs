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
