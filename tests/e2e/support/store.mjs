// Readers for the stored study state (schema 4), so tests assert what is in
// storage without repeating its shape: registers are `{value, at}`, notes
// `{values: {stamp: text}, seen?, floor?}`, playlist entries are
// `{video, pos, moved?, removed?}` shown by position.

/** Where the app keeps the study state (`STATE_KEY`, src/web/storage.rs). */
export const STUDY_KEY = 'lecture-shelf/study';

/** The stored study state once the app's save has settled (`{}` when none). */
export async function savedStudy(page) {
  await page.waitForFunction(() => document.documentElement.dataset.save !== 'saving');
  return JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STUDY_KEY)) ?? '{}');
}

export const watchState = (store, id) => store.progress?.[id]?.state?.value ?? 'unwatched';
export const resumeSecs = (store, id) => store.progress?.[id]?.resume?.value ?? undefined;
/** Every stored version of a note, newest first (stamps order as the app orders them). */
export function noteVersions(store, id) {
  const values = Object.entries(store.notes?.[id]?.values ?? {});
  const key = (stamp) => stamp.split('.').map((part, i) => (i < 2 ? BigInt(part) : BigInt(`0x${part}`)));
  const cmp = (a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? 1 : -1;
    return 0;
  };
  values.sort(([a], [b]) => cmp(a, b));
  return values.map(([, text]) => text).filter((text) => text !== '');
}
export const noteText = (store, id) => noteVersions(store, id)[0] ?? '';
export const playlistName = (store, id) => store.playlists?.[id]?.name?.value;
export const playlistDeleted = (store, id) => store.playlists?.[id]?.deleted?.value === true;

/** The videos of a stored playlist in the order the app shows them. */
export function playlistVideos(store, id) {
  const entries = Object.entries(store.playlists?.[id]?.entries ?? {}).filter(([, e]) => !e.removed);
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  entries.sort(([ka, a], [kb, b]) => cmp(a.pos, b.pos) || cmp(ka, kb));
  return entries.map(([, e]) => e.video);
}
