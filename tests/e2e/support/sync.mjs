// What the sync tests (remoteStorage and Google Drive) read of a tab's sync:
// the stored connection and the round's state on <html data-sync>.

/** Where the app keeps the storage it syncs with (src/web/remote_folder.rs). */
export const CONNECTION_KEY = 'lecture-shelf/sync/connection';
export const syncState = (page) => page.evaluate(() => document.documentElement.dataset.sync);
/** Waits until no round runs in this tab. */
export const idle = (page) => page.waitForFunction(() => document.documentElement.dataset.sync !== 'syncing');
/** Waits for a round that ended in `synced`. */
export const synced = (page) => page.waitForFunction(() => document.documentElement.dataset.sync === 'synced');
