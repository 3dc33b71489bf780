// Study features (issue 4): progress, notes, playlists, sharing, backup and
// how the app behaves when storage is unreadable, newer, full or disabled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mounted, useApp } from './support/app.mjs';
import { noteText, playlistDeleted, playlistName, playlistVideos, resumeSecs, watchState } from './support/store.mjs';

const app = useApp();
// The UI follows the browser's language; these tests read the Chinese UI.
const open = (path, options = {}) => app.open(path, { locale: 'zh-TW', ...options });

const KEY = 'lecture-shelf/study';
// 【生成式AI導論 2024】第7講, a talk, and the two lectures of ML 2025: all on
// the catalogue's first page (newest first).
const LECTURE_7 = 'Q9cNkUPXUB8';
const TALK = 'fIoCxwVobEo';
const ML2025_1 = 'QLiKmca4kzI';
const ML2025_2 = 'M2Yg1kwPpts';

// Saves wait for a cross-tab lock: read storage once this tab's save is done.
const settled = (page) => page.waitForFunction(() => document.documentElement.dataset.save !== 'saving');
const raw = async (page) => {
  await settled(page);
  return page.evaluate((key) => localStorage.getItem(key), KEY);
};
const stored = async (page) => JSON.parse(await raw(page));
// A catalogue row's watch control: one radio per state, the state in data-state.
const pill = (page, id) => page.locator(`li.video-card[data-video-id="${id}"] fieldset.watch-pill`);
const choice = (page, id, state) => pill(page, id).locator(`input[value="${state}"]`);
const mark = (page, id, state) => choice(page, id, state).check();
const shown = (page, id) => pill(page, id).getAttribute('data-state');
const showsIn = (page, id, state) =>
  page.waitForFunction(
    ([id, state]) => document.querySelector(`li.video-card[data-video-id="${id}"] .watch-pill`)?.dataset.state === state,
    [id, state],
  );
const reload = async (page) => {
  await page.reload();
  await mounted(page);
};
/** Opens an app path in the same page (a full load, as a student would). */
const visit = async (page, path) => {
  await page.goto(new URL(path, app.url).href);
  await mounted(page);
};
const entryIds = (page) =>
  page.locator('ol.entries > li').evaluateAll((items) => items.map((li) => li.dataset.videoId));

async function createPlaylist(page, name) {
  await visit(page, 'playlists');
  await page.getByLabel('新播放清單名稱').fill(name);
  await page.getByLabel('新播放清單名稱').press('Enter');
  await page.locator('.undo-toast', { hasText: `已建立「${name}」` }).waitFor();
  return page.locator('.playlist-row[data-playlist]', { hasText: name }).getAttribute('data-playlist');
}

test('the watch control on a catalogue row sets each state directly: a double click is one choice, keys and labels work', async () => {
  const { page, errors, context } = await open('');
  const group = page
    .locator(`li.video-card[data-video-id="${LECTURE_7}"]`)
    .getByRole('group', { name: /^觀看狀態：【生成式AI導論 2024】第7講/ });
  const radio = (name) => group.getByRole('radio', { name, exact: true });
  assert.equal(await radio('未觀看').isChecked(), true);
  assert.equal(await shown(page, LECTURE_7), 'unwatched');
  assert.match(await pill(page, LECTURE_7).innerText(), /未觀看/);
  const url = page.url();

  // A double click on "in progress" is what one click is: not "watched".
  await radio('看到一半').dblclick();
  await showsIn(page, LECTURE_7, 'in-progress');
  assert.equal(watchState(await stored(page), LECTURE_7), 'in-progress');
  assert.equal(await radio('看到一半').isChecked(), true);
  assert.match(await pill(page, LECTURE_7).innerText(), /看到一半/);

  await radio('已看完').dblclick();
  await showsIn(page, LECTURE_7, 'watched');
  assert.equal(watchState(await stored(page), LECTURE_7), 'watched');
  assert.equal(page.url(), url, 'the row link was not followed');

  // Keys: arrows move between the states (and stay in the group, not the list).
  await radio('已看完').focus();
  await page.keyboard.press('ArrowLeft');
  await showsIn(page, LECTURE_7, 'in-progress');
  await page.keyboard.press('ArrowDown');
  await showsIn(page, LECTURE_7, 'watched');
  assert.equal(await page.evaluate(() => document.activeElement.value), 'watched', 'focus stays on the control');
  await page.keyboard.press('ArrowRight');
  await showsIn(page, LECTURE_7, 'unwatched');
  assert.equal(watchState(await stored(page), LECTURE_7), 'unwatched');
  assert.equal(page.url(), url);

  // English labels.
  await page.locator('.lang-switch').click();
  const en = page
    .locator(`li.video-card[data-video-id="${LECTURE_7}"]`)
    .getByRole('group', { name: /^Watch state: 【生成式AI導論 2024】第7講/ });
  for (const name of ['Not watched', 'In progress', 'Watched']) {
    assert.equal(await en.getByRole('radio', { name, exact: true }).count(), 1, name);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('marking a video watched in one tab shows in another tab without a reload', async () => {
  const { page: tabA, errors, context } = await open('');
  const tabB = await context.newPage();
  await tabB.goto(app.url);
  await mounted(tabB);
  assert.equal(await shown(tabB, TALK), 'unwatched');

  await mark(tabA, TALK, 'watched');
  assert.equal(await shown(tabA, TALK), 'watched');
  await showsIn(tabB, TALK, 'watched');
  assert.equal(await choice(tabB, TALK, 'watched').isChecked(), true);
  // And back: an edit in B reaches A, and neither tab loses the other's edit.
  await mark(tabB, LECTURE_7, 'in-progress');
  await showsIn(tabA, LECTURE_7, 'in-progress');
  const state = await stored(tabA);
  assert.equal(watchState(state, TALK), 'watched');
  assert.equal(watchState(state, LECTURE_7), 'in-progress');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a playlist of three keeps its order after reordering by keyboard and by drag and drop, and a reload', async () => {
  const { page, errors, context } = await open('');
  const id = await createPlaylist(page, '期末複習');

  // Bulk add from the catalogue: select three rows (newest first: #448, #447, #446).
  await visit(page, '');
  for (const video of [ML2025_2, ML2025_1, 'zxFTrb_xGD0']) {
    await page.locator(`li.video-card[data-video-id="${video}"] input.select-video`).check();
  }
  const bulk = page.locator('.bulk-add');
  assert.equal(await bulk.getByLabel('播放清單').inputValue(), id);
  await bulk.getByRole('button', { name: '加入選取的 3 部' }).click();
  await bulk.locator('[role="status"]', { hasText: '已加入 3 部影片到「期末複習」。' }).waitFor();

  await visit(page, 'playlists');
  await page.locator('.playlist-row a', { hasText: '期末複習' }).click();
  await page.waitForURL(new RegExp(`/playlists/${id}$`));
  assert.equal(await page.locator('h1#playlist-title').innerText(), '期末複習');
  assert.deepEqual(await entryIds(page), [ML2025_2, ML2025_1, 'zxFTrb_xGD0']);

  // Keyboard: move the first entry down; focus follows it to its new place.
  const first = page.locator('ol.entries > li').first();
  assert.equal(await first.locator('.move-up').isDisabled(), true);
  await first.locator('.move-down').focus();
  await page.keyboard.press('Enter');
  await page.locator('.playlist-page [role="status"]', { hasText: '移到第 2 個（共 3 個）' }).waitFor();
  assert.deepEqual(await entryIds(page), [ML2025_1, ML2025_2, 'zxFTrb_xGD0']);
  await page.waitForFunction(() => document.activeElement?.closest('li')?.dataset.index === '1');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /^下移：/);
  await page.keyboard.press('Enter');
  assert.deepEqual(await entryIds(page), [ML2025_1, 'zxFTrb_xGD0', ML2025_2]);
  // At the bottom "move down" is disabled, so focus lands on "move up".
  await page.waitForFunction(() => document.activeElement?.classList.contains('move-up'));

  // Drag and drop: the last entry onto the first.
  await page.locator('ol.entries > li').nth(2).dragTo(page.locator('ol.entries > li').nth(0));
  assert.deepEqual(await entryIds(page), [ML2025_2, ML2025_1, 'zxFTrb_xGD0']);

  await reload(page);
  assert.deepEqual(await entryIds(page), [ML2025_2, ML2025_1, 'zxFTrb_xGD0']);
  assert.deepEqual(playlistVideos(await stored(page), id), [ML2025_2, ML2025_1, 'zxFTrb_xGD0']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('unreadable stored data is kept, reported with a download, and the app keeps saving', async () => {
  const { page, errors, context } = await open('');
  await page.evaluate((key) => localStorage.setItem(key, '{not json'), KEY);
  await reload(page);

  const notice = page.locator('.store-notice[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /儲存的學習資料無法讀取/);
  assert.match(await notice.innerText(), /沒有被刪除/);
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('lecture-shelf/unreadable/'))
      .map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(backups, ['{not json']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    notice.getByRole('button', { name: '下載原始資料' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^lecture-shelf-unreadable-\d{4}-\d{2}-\d{2}\.txt$/);
  assert.equal(await readFile(await download.path(), 'utf8'), '{not json');

  // Still usable: a change is saved as readable data, the backup stays.
  await mark(page, LECTURE_7, 'in-progress');
  assert.equal(watchState(await stored(page), LECTURE_7), 'in-progress');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lecture-shelf/unreadable/')).length), 1);

  // Dismissed, it stays away while the same problem is reported again.
  await notice.getByRole('button', { name: '關閉' }).click();
  assert.equal(await notice.count(), 0);
  await mark(page, LECTURE_7, 'watched');
  assert.equal(await notice.count(), 0);
  await reload(page);
  assert.equal(await notice.count(), 0, 'readable again: no notice after a reload');
  assert.equal(await shown(page, LECTURE_7), 'watched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('data written by a newer version makes the app read-only and is never overwritten', async () => {
  const { page, errors, context } = await open('');
  await page.evaluate((key) => localStorage.setItem(key, '{"schema":99,"future":true}'), KEY);
  await reload(page);
  const notice = page.locator('.store-notice[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /較新版本/);
  assert.match(await notice.innerText(), /不會被儲存/);

  // Changes still work in this tab...
  await mark(page, LECTURE_7, 'in-progress');
  assert.equal(await shown(page, LECTURE_7), 'in-progress');
  await createPlaylist(page, '暫時的清單');
  // ...but nothing is written over the newer data.
  assert.equal(await raw(page), '{"schema":99,"future":true}');
  assert.deepEqual(errors, []);
  await context.close();
});

test('when storage is full, changes stay in this tab and what was stored is untouched', async () => {
  const { page, errors, context } = await open('');
  await mark(page, TALK, 'in-progress');
  const before = await raw(page);
  assert.equal(watchState(JSON.parse(before), TALK), 'in-progress');

  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await reload(page);
  assert.equal(await shown(page, TALK), 'in-progress', 'stored data still loads');
  await mark(page, LECTURE_7, 'in-progress');
  const notice = page.locator('.store-notice[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /儲存空間已滿/);
  assert.match(await notice.innerText(), /只會留在這個分頁/);
  assert.equal(await shown(page, LECTURE_7), 'in-progress', 'the change lives in memory');
  await page.locator('.site-nav a', { hasText: '學習進度' }).click();
  await page.locator('.overall-progress .tally-text', { hasText: '2 部看到一半' }).waitFor();
  assert.equal(await raw(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('when storage is disabled, the app says so and works in memory', async () => {
  const { page, errors, context } = await open('');
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await reload(page);
  const notice = page.locator('.store-notice[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /停用了網站資料儲存/);
  await mark(page, LECTURE_7, 'watched');
  assert.equal(await shown(page, LECTURE_7), 'watched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the video page sets progress, a checked resume time, a note with linked times, and adds to a playlist', async () => {
  const { page, errors, context } = await open(`video/${LECTURE_7}`);
  const panel = page.locator('section.study-panel');
  await panel.getByRole('radio', { name: '已看完' }).check();
  assert.equal(watchState(await stored(page), LECTURE_7), 'watched');

  const resume = panel.getByLabel('看到哪裡');
  await resume.fill('34:99');
  await resume.press('Enter');
  assert.equal(await resume.getAttribute('aria-invalid'), 'true');
  assert.match(await panel.locator('#resume-error').innerText(), /時間格式不對/);
  assert.equal(resumeSecs(await stored(page), LECTURE_7), undefined, 'bad input is not saved');

  await panel.getByRole('radio', { name: '看到一半' }).check();
  await resume.fill('34:10');
  await resume.press('Enter');
  assert.equal(await resume.getAttribute('aria-invalid'), null);
  assert.equal(await panel.locator('#resume-error').innerText(), '');
  const link = panel.locator('a.resume-link');
  assert.equal(await link.getAttribute('href'), `https://www.youtube.com/watch?v=${LECTURE_7}&t=2050s`);
  assert.match(await link.innerText(), /從 34:10 繼續/);
  assert.equal(resumeSecs(await stored(page), LECTURE_7), 2050);

  const note = panel.getByLabel('筆記');
  assert.equal(await note.getAttribute('maxlength'), '5000');
  await note.fill('<b>not bold</b> 回顧 12:34，重點在1:02:03講；v1:23 不是時間');
  await note.blur();
  const view = panel.locator('.note-view .note-text');
  await view.waitFor();
  assert.equal(await view.innerText(), '<b>not bold</b> 回顧 12:34，重點在1:02:03講；v1:23 不是時間');
  assert.equal(await view.locator('b').count(), 0, 'note text is never markup');
  const times = await view.locator('a.timecode').evaluateAll((links) => links.map((a) => [a.textContent, a.href]));
  assert.deepEqual(times, [
    ['12:34', `https://www.youtube.com/watch?v=${LECTURE_7}&t=754s`],
    ['1:02:03', `https://www.youtube.com/watch?v=${LECTURE_7}&t=3723s`],
  ]);
  assert.match(noteText(await stored(page), LECTURE_7), /12:34/);

  // No playlist yet: the picker offers a new one by name.
  const add = panel.locator('.add-to-playlist');
  await add.getByRole('button', { name: '加入', exact: true }).click();
  await add.locator('[role="status"]', { hasText: '請輸入播放清單名稱' }).waitFor();
  await add.getByLabel('新播放清單名稱').fill('必看');
  await add.getByRole('button', { name: '加入', exact: true }).click();
  await add.locator('[role="status"]', { hasText: '已加入「必看」。' }).waitFor();
  assert.equal(await add.getByLabel('播放清單', { exact: true }).locator('option:checked').innerText(), '必看');
  await add.getByRole('button', { name: '加入', exact: true }).click();
  await add.locator('[role="status"]', { hasText: '「必看」裡已經有這部影片了。' }).waitFor();
  assert.equal(await add.locator('.in-playlists a', { hasText: '必看' }).count(), 1);

  await reload(page);
  assert.equal(await panel.getByRole('radio', { name: '看到一半' }).isChecked(), true);
  assert.equal(await panel.getByLabel('看到哪裡').inputValue(), '34:10');
  assert.match(await panel.getByLabel('筆記').inputValue(), /^<b>not bold<\/b> 回顧 12:34/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('export, clear storage and import give back the identical state, after a preview', async () => {
  const { page, errors, context } = await open('');
  await mark(page, LECTURE_7, 'in-progress');
  await mark(page, TALK, 'watched');
  const playlist = await createPlaylist(page, '備份測試 <i>');
  await visit(page, `video/${ML2025_1}`);
  await page.getByLabel('筆記').fill('第一講 5:00 開始');
  await page.getByLabel('筆記').blur();
  await page.locator('.note-view').waitFor();
  const before = await raw(page);
  assert.ok(JSON.parse(before).playlists[playlist]);

  await page.locator('.site-nav a', { hasText: '備份' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下載備份檔' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^lecture-shelf-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const backup = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(backup.kind, 'lecture-shelf-backup');
  assert.equal(backup.schema, 5);

  await page.evaluate(() => localStorage.clear());
  await reload(page);
  assert.equal(await raw(page), null);

  await page.getByLabel('選擇備份檔').setInputFiles(file);
  const table = page.locator('table.import-preview-table');
  await table.waitFor();
  const row = async (kind) => (await table.locator('tr', { hasText: kind }).locator('td').allInnerTexts()).map(Number);
  // added, updated, removed, unchanged, kept
  assert.deepEqual(await row('觀看進度'), [2, 0, 0, 0, 0]);
  assert.deepEqual(await row('筆記'), [1, 0, 0, 0, 0]);
  assert.deepEqual(await row('播放清單'), [1, 0, 0, 0, 0]);
  assert.equal(await raw(page), null, 'nothing is applied before the student says so');
  await page.getByRole('button', { name: '套用匯入' }).click();
  await page.locator('.backup-import [role="status"]', { hasText: '匯入完成，資料已經合併。' }).waitFor();
  assert.equal(await raw(page), before);

  // Importing the same file again changes nothing and says so.
  await page.getByLabel('選擇備份檔').setInputFiles(file);
  await page.locator('.import-preview', { hasText: '匯入不會改變任何東西' }).waitFor();
  await visit(page, '');
  assert.equal(await shown(page, TALK), 'watched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad backup files get a clear message and change nothing', async () => {
  const { page, errors, context } = await open('backup');
  const input = page.getByLabel('選擇備份檔');
  const status = page.locator('.backup-import [role="status"]');
  const cases = [
    // The JSON reader's own (English) words never reach the Chinese UI: where it stopped does.
    ['notes.txt', 'hello, not JSON', /^無法把這個檔案讀成備份：從第 1 行第 1 字起不是有效的 JSON。$/],
    ['other.json', '{"kind":"another-app","schema":2}', /不是 Lecture Shelf 的備份檔/],
    ['future.json', '{"kind":"lecture-shelf-backup","schema":7}', /較新版本.*格式 7/],
    ['big.json', ' '.repeat(17 * 1024 * 1024), /檔案太大/],
    ['array.json', '[1,2,3]', /^無法把這個檔案讀成備份：內容不是一個 JSON 物件。$/],
  ];
  for (const [name, text, message] of cases) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await status.filter({ hasText: message }).waitFor();
    assert.equal(await page.locator('table.import-preview-table').count(), 0, name);
  }
  assert.equal(await raw(page), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an import that cannot be saved says so, and stays in this tab', async () => {
  const { page, errors, context } = await open('backup');
  await context.addInitScript((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  }, KEY);
  await reload(page);
  const backup = { kind: 'lecture-shelf-backup', schema: 2, progress: { [TALK]: { state: 'watched', updated_at: 1764000000000 } } };
  await page.getByLabel('選擇備份檔').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByRole('button', { name: '套用匯入' }).click();
  await page.locator('.backup-import [role="status"]', { hasText: '已匯入，但無法儲存：變更只存在這個分頁。' }).waitFor();
  await page.locator('.store-notice', { hasText: '儲存空間已滿' }).waitFor();
  assert.equal(await raw(page), null, 'nothing claims to be stored');
  await page.locator('.site-nav a', { hasText: '課程' }).click();
  assert.equal(await shown(page, TALK), 'watched', 'the import lives in this tab');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link opens in a fresh browser, shows names as text and can be saved', async () => {
  const { page, errors, context } = await open('');
  const hostile = '<img src=x onerror=alert(1)> 清單;#1';
  const id = await createPlaylist(page, hostile);
  await visit(page, '?series=ml2025&sort=relevance');
  await page.locator('.bulk-add').getByLabel('播放清單').selectOption(id);
  await page.locator('.bulk-add').getByRole('button', { name: '加入全部 2 筆結果' }).click();
  await page.locator('.bulk-add [role="status"]', { hasText: '已加入 2 部影片' }).waitFor();
  await visit(page, `playlists/${id}`);
  await page.getByRole('button', { name: '複製分享連結' }).click();
  const link = await page.getByLabel('分享連結').inputValue();
  assert.ok(link.startsWith(`${app.url}shared#share=v1;`), link);
  await context.close();

  const fresh = await open(link.slice(app.url.length));
  assert.equal(await fresh.page.evaluate((key) => localStorage.getItem(key), KEY), null);
  assert.equal(await fresh.page.locator('h1.shared-name').innerText(), hostile);
  assert.equal(await fresh.page.locator('main img').count(), 0, 'the name is text, not markup');
  assert.deepEqual(
    await fresh.page.locator('ol.shared-entries > li').evaluateAll((items) => items.map((li) => li.dataset.videoId)),
    [ML2025_2, ML2025_1],
  );
  await fresh.page.getByRole('button', { name: '儲存到我的播放清單' }).click();
  await fresh.page.locator('a.open-saved').click();
  await fresh.page.waitForURL(/\/playlists\/pl-/);
  assert.equal(await fresh.page.locator('h1#playlist-title').innerText(), hostile);
  assert.deepEqual(await entryIds(fresh.page), [ML2025_2, ML2025_1]);
  const store = await stored(fresh.page);
  const saved = Object.keys(store.playlists);
  assert.equal(saved.length, 1);
  assert.equal(playlistName(store, saved[0]), hostile);
  assert.deepEqual(errors, []);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
});

test('shared links keep unknown videos, count dropped ids, and bad links say what is wrong', async () => {
  const { page, errors, context } = await open(`shared#share=v1;Mixed%20bag;${TALK},ZZZZZZZZZZZ,bad!id,${TALK},<x>`);
  assert.equal(await page.locator('h1.shared-name').innerText(), 'Mixed bag');
  assert.match(await page.locator('.share-warning').innerText(), /2 個無效的影片 ID/);
  const entries = page.locator('ol.shared-entries > li');
  assert.equal(await entries.count(), 3);
  assert.match(await entries.nth(1).innerText(), /尚未載入\s+ZZZZZZZZZZZ/);
  await page.getByRole('button', { name: '儲存到我的播放清單' }).click();
  await page.locator('a.open-saved').click();
  await page.waitForURL(/\/playlists\/pl-/);
  assert.deepEqual(await entryIds(page), [TALK, 'ZZZZZZZZZZZ', TALK]);
  assert.match(await page.locator('ol.entries > li').nth(1).innerText(), /尚未載入/);
  // The duplicate the sender left in can be cleaned up here.
  await page.getByRole('button', { name: '移除重複項目' }).click();
  await page.locator('.playlist-page [role="status"]', { hasText: '已移除 1 個重複項目。' }).waitFor();
  assert.deepEqual(await entryIds(page), [TALK, 'ZZZZZZZZZZZ']);

  for (const [path, message] of [
    ['shared', /這個網址裡沒有播放清單/],
    ['shared#share=v1;only-a-name', /連結已損毀或不完整/],
    ['shared#share=v9;x;y', /較新版本/],
    ['shared#share=v1;%E0%A4;', /名稱已損毀/],
    [`shared#share=v1;x;${'A'.repeat(17000)}`, /連結太長/],
  ]) {
    await visit(page, path);
    assert.match(await page.locator('.share-error[role="alert"]').innerText(), message, path);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the progress page shows overall and per-series progress and where to continue', async () => {
  const { page, errors, context } = await open('');
  await mark(page, ML2025_1, 'watched');
  await page.locator('.site-nav a', { hasText: '學習進度' }).click();
  await page.locator('h1#progress-heading').waitFor();
  assert.match(await page.locator('.overall-progress .tally-text').innerText(), /^已看完 1 \/ 98 部（1%）$/);
  const row = page.locator('li.series-row[data-series="ml2025"]');
  assert.match(await row.locator('.tally-text').innerText(), /^已看完 1 \/ 2 部（50%）$/);
  assert.equal(await row.locator('progress').getAttribute('value'), '1');
  assert.equal(await row.locator('progress').getAttribute('max'), '2');
  const next = row.locator('a.continue-link');
  assert.match(await next.innerText(), /^繼續看：.*第二講/);
  await next.click();
  await page.waitForURL(new RegExp(`/video/${ML2025_2}$`));
  await page.locator('section.study-panel').getByRole('radio', { name: '已看完' }).check();
  await page.goBack();
  await row.locator('.done', { hasText: '這個系列全部看完了' }).waitFor();
  assert.equal(await row.locator('a.continue-link').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the progress page lists what is being studied first, most recent first, finished last, then the rest compactly', async () => {
  const { page, errors, context } = await open('progress');
  const order = (list) =>
    page.locator(`${list} > li`).evaluateAll((items) => items.map((li) => li.dataset.series ?? `list:${li.dataset.playlist}`));
  const started = () => order('ol.started-tracks');
  const notStarted = () => order('ul.not-started-tracks');
  const COURSES = ['ml2025', 'genai2024', 'ml2023', 'ml2022', 'ml2021', 'ml2021-en', 'linalg', 'talks', 'other'];
  // Nothing started: no one is told to "continue".
  await page.locator('.nothing-started').waitFor();
  assert.deepEqual(await notStarted(), COURSES);
  assert.equal(await page.locator('ul.not-started-tracks > li:not(.compact)').count(), 0);
  assert.match(await page.locator('li[data-series="ml2025"] a.continue-link').innerText(), /^從這部開始：.*第一講/);
  assert.equal(await page.locator('li[data-series="ml2025"] .track-size').innerText(), '2 部影片');

  // A playlist (ML 2025 lecture 2, then the talk), ML 2025 lecture 1 watched, then lecture 7 of GenAI 2024 started.
  const id = await createPlaylist(page, '期中複習');
  await visit(page, '');
  for (const video of [ML2025_2, TALK]) await page.locator(`li.video-card[data-video-id="${video}"] input.select-video`).check();
  await page.locator('.bulk-add').getByRole('button', { name: '加入選取的 2 部' }).click();
  await page.locator('.bulk-add [role="status"]', { hasText: '已加入 2 部影片' }).waitFor();
  await mark(page, ML2025_1, 'watched');
  await mark(page, LECTURE_7, 'in-progress');
  await page.locator('.site-nav a', { hasText: '學習進度' }).click();
  await page.locator('h1#progress-heading').waitFor();
  assert.deepEqual(await started(), ['genai2024', 'ml2025'], 'most recently studied first');
  assert.deepEqual(await notStarted(), [...COURSES.filter((c) => !['genai2024', 'ml2025'].includes(c)), `list:${id}`]);
  const genai = page.locator('ol.started-tracks > li[data-series="genai2024"]');
  assert.match(await genai.locator('.tally-text').innerText(), /^已看完 0 \/ 19 部（0%），1 部看到一半$/);
  assert.match(await genai.locator('a.continue-link').innerText(), /^繼續看：/);
  const list = page.locator(`li[data-playlist="${id}"]`);
  assert.match(await list.getAttribute('class'), /\bcompact\b/);
  assert.equal(await list.locator('.track-size').innerText(), '2 部影片');

  // Finishing ML 2025 (its lecture 2, also the playlist's first entry) starts the playlist:
  // the playlist is now the most recent; the finished course goes last among the started.
  await page.locator('ol.started-tracks > li[data-series="ml2025"] a.continue-link').click();
  await page.waitForURL(new RegExp(`/video/${ML2025_2}$`));
  await page.locator('section.study-panel').getByRole('radio', { name: '已看完' }).check();
  await page.goBack();
  await page.waitForFunction(
    (id) => [...document.querySelectorAll('ol.started-tracks > li')].map((li) => li.dataset.series ?? li.dataset.playlist).join() === `${id},genai2024,ml2025`,
    id,
  );
  const ml2025 = page.locator('ol.started-tracks > li[data-series="ml2025"]');
  assert.match(await ml2025.getAttribute('class'), /\bfinished\b/);
  await ml2025.locator('.done', { hasText: '這個系列全部看完了' }).waitFor();
  assert.match(await list.locator('.series-name').innerText(), /期中複習\s*播放清單/);
  assert.match(await list.locator('.tally-text').innerText(), /^已看完 1 \/ 2 部（50%）$/);
  assert.equal(await list.locator('progress').getAttribute('value'), '1');
  assert.equal(await list.locator('progress').getAttribute('max'), '2');
  const next = list.locator('a.continue-link');
  assert.match(await next.innerText(), /^繼續看：NeuralAudioCodecs/);
  assert.ok(!(await notStarted()).includes(`list:${id}`));
  // Its next entry plays in the app, with "next" following the playlist.
  await next.click();
  await page.waitForURL(new RegExp(`/video/${TALK}\\?list=${id}$`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a series is a read-only playlist in lecture order that can be saved as a copy', async () => {
  const catalogue = JSON.parse(await readFile(new URL('../../catalogue/catalogue.json', import.meta.url), 'utf8'));
  const inOrder = catalogue.videos
    .filter((v) => v.series === 'genai2024')
    .sort((a, b) => a.order - b.order)
    .map((v) => v.id);
  const { page, errors, context } = await open('playlists');
  await page.locator('.series-playlists a', { hasText: '生成式AI導論 2024' }).click();
  await page.waitForURL(/\/series\/genai2024$/);
  assert.equal(await page.locator('h1#playlist-title').innerText(), '生成式AI導論 2024');
  assert.deepEqual(await entryIds(page), inOrder);
  assert.equal(await page.locator('ol.entries .move-up, ol.entries .remove, ol.entries li[draggable="true"]').count(), 0);
  assert.equal(await page.getByRole('button', { name: '移除已看完的' }).count(), 0);

  await page.getByRole('button', { name: '另存為我的播放清單' }).click();
  await page.waitForURL(/\/playlists\/pl-/);
  assert.equal(await page.locator('h1#playlist-title').innerText(), '生成式AI導論 2024');
  assert.deepEqual(await entryIds(page), inOrder);
  assert.ok((await page.locator('ol.entries .move-up').count()) > 0, 'the copy is editable');
  assert.deepEqual(errors, []);
  await context.close();
});

test('playlists can be renamed, and a deleted one can be brought back with undo', async () => {
  const { page, errors, context } = await open('');
  const id = await createPlaylist(page, '舊名字');
  const row = page.locator(`.playlist-row[data-playlist="${id}"]`);
  await row.getByRole('button', { name: '重新命名「舊名字」' }).click();
  const field = row.getByRole('textbox', { name: '重新命名「舊名字」' });
  await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT' && document.activeElement.id.startsWith('rename-'));
  await field.fill('   ');
  await field.press('Enter');
  await row.locator('.field-error', { hasText: '請輸入播放清單名稱' }).waitFor();
  await field.fill('新名字');
  await field.press('Enter');
  await row.locator('a.playlist-name', { hasText: '新名字' }).waitFor();
  assert.equal(playlistName(await stored(page), id), '新名字');

  await row.getByRole('button', { name: '刪除「新名字」' }).click();
  assert.equal(await row.count(), 0);
  const toast = page.locator('.undo-toast');
  assert.match(await toast.innerText(), /已刪除「新名字」/);
  await page.waitForFunction(() => document.activeElement?.classList.contains('undo'));
  await page.keyboard.press('Enter');
  await row.waitFor();
  assert.match(await toast.innerText(), /已復原「新名字」/);
  assert.equal(playlistDeleted(await stored(page), id), false);

  await row.getByRole('button', { name: '刪除「新名字」' }).click();
  await reload(page);
  assert.equal(await row.count(), 0);
  assert.ok(playlistDeleted(await stored(page), id), 'kept as a tombstone');
  await visit(page, `playlists/${id}`);
  assert.equal(await page.locator('h1').innerText(), '找不到這個播放清單');
  assert.deepEqual(errors, []);
  await context.close();
});

test('playlist tools: play next unwatched, remove watched, remove an entry, export Markdown', async () => {
  const { page, errors, context } = await open('');
  const id = await createPlaylist(page, 'Tools *test*');
  await visit(page, '?series=ml2025&sort=relevance');
  const bulk = page.locator('.bulk-add');
  await bulk.getByRole('button', { name: '加入全部 2 筆結果' }).click();
  await bulk.locator('[role="status"]', { hasText: '已加入 2 部影片到「Tools *test*」。' }).waitFor();
  await bulk.getByRole('button', { name: '加入全部 2 筆結果' }).click();
  await bulk.locator('[role="status"]', { hasText: '已加入 0 部影片到「Tools *test*」，2 部原本就在清單裡。' }).waitFor();
  await visit(page, '');
  await page.locator(`li.video-card[data-video-id="${TALK}"] input.select-video`).check();
  await bulk.getByRole('button', { name: '加入選取的 1 部' }).click();
  await bulk.locator('[role="status"]', { hasText: '已加入 1 部影片' }).waitFor();
  // The first entry (ML 2025 lecture 2) is watched; lecture 1 has a resume time.
  await mark(page, ML2025_2, 'watched');
  await visit(page, `video/${ML2025_1}`);
  await page.getByLabel('看到哪裡').fill('1:05:00');
  await page.getByLabel('看到哪裡').press('Enter');

  await visit(page, `playlists/${id}`);
  assert.deepEqual(await entryIds(page), [ML2025_2, ML2025_1, TALK]);
  assert.match(await page.locator('.tally-text').first().innerText(), /已看完 1 \/ 3 部/);
  const next = page.locator('a.play-next');
  // In the app's player (which starts at the resume time), following this list.
  assert.equal(await next.getAttribute('href'), `/video/${ML2025_1}?list=${id}`);
  assert.match(await next.innerText(), /第一講/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '匯出 Markdown' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'Tools _test_.md');
  const markdown = await readFile(await download.path(), 'utf8');
  assert.match(markdown, /^# Tools \\\*test\\\*\n\n- \[/);
  assert.equal(markdown.match(/^- \[.*\]\(https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}\)$/gm).length, 3);

  await page.getByRole('button', { name: '移除已看完的' }).click();
  await page.locator('.playlist-page [role="status"]', { hasText: '已移除 1 部已看完的影片。' }).waitFor();
  assert.deepEqual(await entryIds(page), [ML2025_1, TALK]);
  await page.locator('ol.entries > li').nth(0).getByRole('button', { name: /^移除：/ }).click();
  await page.locator('.playlist-page [role="status"]', { hasText: '已移除「' }).waitFor();
  assert.deepEqual(await entryIds(page), [TALK]);
  await page.waitForFunction(() => document.activeElement?.classList.contains('remove'));
  assert.deepEqual(playlistVideos(await stored(page), id), [TALK]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a course lists in lecture order by default, and adding picked lectures keeps that order', async () => {
  const { page, errors, context } = await open('');
  const id = await createPlaylist(page, '作業 3/07');
  await visit(page, '?series=genai2024');
  const LECTURES = ['AVIKFXLCPY8', 'JGtqpQXfJis', 'glBhOQ1_RkE']; // 第0講, 第1講, 第2講
  const rows = await page.locator('li.video-card').evaluateAll((items) => items.slice(0, 3).map((li) => li.dataset.videoId));
  assert.deepEqual(rows, LECTURES, 'lecture order, not newest first');
  assert.equal(await page.locator('label.sort select').inputValue(), 'lecture');
  // Ticked out of order: the playlist still follows the list on screen.
  for (const video of [LECTURES[2], LECTURES[0], LECTURES[1]]) {
    await page.locator(`li.video-card[data-video-id="${video}"] input.select-video`).check();
  }
  const bulk = page.locator('.bulk-add');
  await bulk.getByLabel('播放清單').selectOption(id);
  await bulk.getByRole('button', { name: '加入選取的 3 部' }).click();
  await bulk.locator('[role="status"]', { hasText: '已加入 3 部影片' }).waitFor();
  await visit(page, `playlists/${id}`);
  assert.deepEqual(await entryIds(page), LECTURES);
  // A chosen order wins over the default.
  await visit(page, '?series=genai2024&sort=relevance');
  assert.equal(await page.locator('label.sort select').inputValue(), 'relevance');
  assert.notEqual(await page.locator('li.video-card').first().getAttribute('data-video-id'), LECTURES[0]);
  assert.deepEqual(errors, []);
  await context.close();
});

// The assignment block of the ML 2025 first-lecture slides, as a student copies it.
const SLIDE_ASSIGNMENT = `下一次上課前 (3/07) 預習以下課程
生成式AI導論 2024
【生成式AI導論 2024】第0講：課程說明 (17:15 有茉莉蓮雷)
Hung-yi Lee · 觀看次數：27萬次 · 11 個月前
【生成式AI導論 2024】第1講：生成式AI是什麼？
Hung-yi Lee · 觀看次數：25萬次 · 11 個月前
https://www.youtube.com/playlist?list=PLJV_el3uVTsPz6CTopeRp2L2t4aL_Kgil
(至少看到第八講，能看完最好)
機器學習 2021
【機器學習2021】預測本頻道觀看人數 (上) - 機器學習基本概念簡介
Hung-yi Lee · 觀看次數：53萬次 · 3 年前
(至少看到「Transformer (下)」，能看完最好)`;

const seriesInOrder = async (series) => {
  const catalogue = JSON.parse(await readFile(new URL('../../catalogue/catalogue.json', import.meta.url), 'utf8'));
  return catalogue.videos.filter((v) => v.series === series).sort((a, b) => a.order - b.order).map((v) => v.id);
};

test('a pasted assignment becomes a previewed playlist, with what could not be matched listed', async () => {
  const { page, errors, context } = await open('playlists');
  const genai = (await seriesInOrder('genai2024')).slice(0, 9); // 第0講 … 第8講
  await page.getByLabel(/貼上作業或課程清單/).fill(SLIDE_ASSIGNMENT);
  await page.getByRole('button', { name: '預覽' }).click();
  const preview = page.locator('.assignment-preview');
  await preview.waitFor();
  assert.match(await preview.locator('.assignment-count').innerText(), /找到的影片：9 部/);
  assert.deepEqual(await preview.locator('ol.assignment-videos > li').evaluateAll((li) => li.map((x) => x.dataset.videoId)), genai);
  // This catalogue holds only the end of ML 2021: its lines are listed, not guessed.
  const unmatched = await preview.locator('ul.assignment-unmatched').innerText();
  assert.match(unmatched, /預測本頻道觀看人數/);
  assert.match(unmatched, /Transformer \(下\)/);
  await page.getByLabel('這份作業清單的名稱').fill('3/07 預習');
  await page.getByRole('button', { name: '建立播放清單' }).click();
  await page.locator('.assignment-paste [role="status"]', { hasText: '已建立「3/07 預習」' }).waitFor();
  await page.locator('a.open-created').click();
  await page.waitForURL(/\/playlists\/pl-/);
  assert.deepEqual(await entryIds(page), genai);
  await reload(page);
  assert.deepEqual(await entryIds(page), genai, 'kept after reload');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a course page saves lectures A to B as a playlist and says how complete the course is', async () => {
  const { page, errors, context } = await open('series/genai2024');
  const genai = await seriesInOrder('genai2024');
  await page.locator('select.range-from').selectOption(genai[2]);
  await page.locator('select.range-to').selectOption(genai[5]);
  await page.getByRole('button', { name: '存成播放清單' }).click();
  await page.waitForURL(/\/playlists\/pl-/);
  assert.deepEqual(await entryIds(page), genai.slice(2, 6));
  assert.match(await page.locator('h1#playlist-title').innerText(), /第 2 講 到 第 5 講/);
  // GenAI 2024 is whole here; the English ML 2021 holds 9 of its 36 numbered lectures.
  await visit(page, 'series/genai2024');
  assert.equal(await page.locator('.coverage-note').count(), 0);
  await visit(page, 'series/ml2021-en');
  assert.match(await page.locator('.coverage-note').innerText(), /目前只有 9 \/ 36 講/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('states that tell the truth: a taken name is refused, an empty list is not "all watched", summaries say they are AI-written', async () => {
  const { page, errors, context } = await open('');
  const id = await createPlaylist(page, '重複的名字');
  await page.getByLabel('新播放清單名稱').fill(' 重複的名字 ');
  await page.getByLabel('新播放清單名稱').press('Enter');
  await page.locator('.undo-toast', { hasText: '已經有同名的播放清單了' }).waitFor();
  assert.equal(await page.locator('.playlist-list:not(.series-playlists) .playlist-row').count(), 1);
  await visit(page, `playlists/${id}`);
  await page.locator('.entries, .playlist-page p.muted').first().waitFor();
  assert.equal(await page.locator('.next-unwatched').count(), 0, 'nothing to watch is not "all watched"');
  await visit(page, `video/${LECTURE_7}`);
  assert.match(await page.locator('.summary-section .summary-origin').innerText(), /由 AI 自動產生/);
  await visit(page, 'video/8AKqH6V9kjE');
  assert.equal(await page.locator('.summary-origin').count(), 0, 'no label without a summary');
  assert.deepEqual(errors, []);
  await context.close();
});
