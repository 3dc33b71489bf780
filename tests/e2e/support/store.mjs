// Readers for the stored study state (schema 3), so tests assert what is in
// storage without repeating its shape: registers are `{value, at}`, playlist
// entries are `{video, pos, moved?, removed?}` shown by position.

export const watchState = (store, id) => store.progress?.[id]?.state?.value ?? 'unwatched';
export const resumeSecs = (store, id) => store.progress?.[id]?.resume?.value ?? undefined;
export const noteText = (store, id) => store.notes?.[id]?.value ?? '';
export const playlistName = (store, id) => store.playlists?.[id]?.name?.value;
export const playlistDeleted = (store, id) => store.playlists?.[id]?.deleted?.value === true;

/** The videos of a stored playlist in the order the app shows them. */
export function playlistVideos(store, id) {
  const entries = Object.entries(store.playlists?.[id]?.entries ?? {}).filter(([, e]) => !e.removed);
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  entries.sort(([ka, a], [kb, b]) => cmp(a.pos, b.pos) || cmp(ka, kb));
  return entries.map(([, e]) => e.video);
}
