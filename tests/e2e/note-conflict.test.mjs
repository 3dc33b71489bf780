// No text lost (issue 20): a note edited on two devices keeps both texts,
// shows "edited on two devices" with each version on the video page, and
// the student keeps one, keeps both or edits; a backup import shows the
// texts it would change (both, for a conflict) and keeps both; playlists
// that ended up identical are offered as one; a pasted assignment gets a
// name from its course and lectures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mounted, useApp } from './support/app.mjs';
import { assertAccessible } from './support/axe.mjs';
import { STUDY_KEY as KEY, noteVersions, savedStudy as stored } from './support/store.mjs';

const app = useApp();

// 【生成式AI導論 2024】第7講 and the two lectures of ML 2025.
const LECTURE_7 = 'Q9cNkUPXUB8';
const ML2025_1 = 'QLiKmca4kzI';
const ML2025_2 = 'M2Yg1kwPpts';
const PHONE = 'phone: HW1 due 3/14';
const LAPTOP = '筆電：12:34 監督式微調的重點';

const visit = async (page, path) => {
  await page.goto(new URL(path, app.url).href);
  await mounted(page);
};
const settled = (page) => page.waitForFunction(() => document.documentElement.dataset.save !== 'saving');
/** Waits until storage holds exactly `versions` of the note on `id`. */
const storedVersions = (page, id, versions) =>
  page.waitForFunction(
    ([key, id, want]) => {
      const notes = JSON.parse(localStorage.getItem(key) ?? '{}').notes ?? {};
      const texts = Object.values(notes[id]?.values ?? {}).filter((t) => t !== '');
      return texts.length === want.length && want.every((t) => texts.includes(t));
    },
    [KEY, id, versions],
  );

/** A browser profile (one device); `store` (raw text) is stored before the app opens. */
async function device({ store, locale = 'zh-TW', ...options } = {}) {
  const profile = await app.openBrowser({ locale, ...options });
  if (store !== undefined) {
    const page = await profile.context.newPage();
    const blank = new URL('seed', app.url).href;
    await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html>' }));
    await page.goto(blank);
    await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [KEY, store]);
    await page.close();
  }
  return profile;
}

/** A schema-4 store whose note on LECTURE_7 holds `texts`, each from its own device, oldest first. */
function conflictStore(texts) {
  const values = {};
  texts.forEach((text, i) => {
    values[`${Date.now() - 60_000 + i * 1000}.0.${(0xa1 + i).toString(16)}`] = text;
  });
  return JSON.stringify({ schema: 4, notes: { [LECTURE_7]: { values } } });
}

async function writeNote(page, text) {
  await page.locator('#note-text').fill(text);
  await page.locator('#note-text').blur();
  await page.locator('.note-status [role="status"]', { hasText: /筆記已儲存|Note saved/ }).waitFor();
  await settled(page);
}

async function exportBackup(page) {
  await visit(page, 'backup');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export-backup').click()]);
  return readFile(await download.path(), 'utf8');
}

async function previewImport(page, text) {
  await visit(page, 'backup');
  await page
    .locator('#import-file')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.locator('table.import-preview-table').waitFor();
}

test('a note edited on two devices keeps both texts through a backup: the preview shows both, the page offers keep this one', async () => {
  const laptop = await device();
  const phone = await device();
  const { page: onLaptop, errors: laptopErrors } = await laptop.tab(`video/${LECTURE_7}`);
  const { page: onPhone, errors: phoneErrors } = await phone.tab(`video/${LECTURE_7}`);

  // Both start from one note (the laptop's, carried over by a backup)...
  await writeNote(onLaptop, '共同的筆記');
  const first = await exportBackup(onLaptop);
  await previewImport(onPhone, first);
  await onPhone.locator('.apply-import').click();
  await onPhone.locator('.undo-import').waitFor();
  // ...then each edits it without seeing the other.
  await visit(onPhone, `video/${LECTURE_7}`);
  await writeNote(onPhone, PHONE);
  await visit(onLaptop, `video/${LECTURE_7}`);
  await writeNote(onLaptop, LAPTOP);

  // The phone's backup imported on the laptop: the preview shows both texts, and says both stay.
  await previewImport(onLaptop, await exportBackup(onPhone));
  const change = onLaptop.locator(`.import-note[data-video="${LECTURE_7}"]`);
  await change.waitFor();
  const now = change.locator('dd').nth(0);
  const after = change.locator('dd').nth(1);
  assert.deepEqual(await now.locator('.note-text').allInnerTexts(), [LAPTOP]);
  assert.deepEqual((await after.locator('.note-text').allInnerTexts()).sort(), [LAPTOP, PHONE].sort());
  await change.locator('.import-note-both', { hasText: '兩段文字都會保留' }).waitFor();
  await assertAccessible(onLaptop, 'import preview with a note edited on both sides', { include: ['.import-preview'] });
  await onLaptop.locator('.apply-import').click();
  await storedVersions(onLaptop, LECTURE_7, [PHONE, LAPTOP]);

  // The video page: "edited on two devices", each version with "keep this one".
  await visit(onLaptop, `video/${LECTURE_7}`);
  const conflict = onLaptop.locator('.note-conflict');
  await conflict.getByRole('heading', { name: '在兩台裝置上編輯過' }).waitFor();
  const versions = conflict.locator('.note-version');
  assert.equal(await versions.count(), 2);
  assert.deepEqual((await versions.locator('.note-text').allInnerTexts()).sort(), [LAPTOP, PHONE].sort());
  // The editor starts from both texts, so typing there resolves it too.
  const draft = await onLaptop.locator('#note-text').inputValue();
  assert.ok(draft.includes(PHONE) && draft.includes(LAPTOP), draft);
  assert.equal(await onLaptop.locator('.note-view').count(), 0, 'the versions are the view');

  const phoneVersion = versions.filter({ hasText: PHONE });
  await phoneVersion.getByRole('button', { name: '保留這個版本' }).click();
  await conflict.waitFor({ state: 'detached' });
  await storedVersions(onLaptop, LECTURE_7, [PHONE]);
  assert.equal(await onLaptop.locator('#note-text').inputValue(), PHONE);
  await onLaptop.locator('.note-view .note-text', { hasText: PHONE }).waitFor();

  assert.deepEqual([...laptopErrors, ...phoneErrors], []);
  await laptop.context.close();
  await phone.context.close();
});

test('keep both joins the versions into one note; editing resolves too; another tab follows', async () => {
  const profile = await device({ store: conflictStore([LAPTOP, PHONE]) });
  const { page, errors } = await profile.tab(`video/${LECTURE_7}`);
  const { page: other } = await profile.tab(`video/${LECTURE_7}`);
  const conflict = page.locator('.note-conflict');
  await conflict.waitFor();
  // The newest first, numbered.
  assert.deepEqual(await conflict.locator('.note-version h4').allInnerTexts(), ['版本 1', '版本 2']);
  assert.deepEqual(await conflict.locator('.note-version .note-text').allInnerTexts(), [PHONE, LAPTOP]);
  // Time codes inside a version are links, as in a note.
  await conflict.locator('.note-version a.timecode', { hasText: '12:34' }).waitFor();

  await conflict.getByRole('button', { name: '兩個都保留' }).click();
  await conflict.waitFor({ state: 'detached' });
  const [kept] = noteVersions(await stored(page), LECTURE_7);
  assert.equal(noteVersions(await stored(page), LECTURE_7).length, 1);
  assert.ok(kept.indexOf(LAPTOP) >= 0 && kept.indexOf(LAPTOP) < kept.indexOf(PHONE), `oldest first: ${kept}`);
  // The other tab hears of it through storage.
  await other.locator('.note-conflict').waitFor({ state: 'detached' });
  assert.equal(await other.locator('#note-text').inputValue(), kept);

  // A fresh conflict, resolved by just editing.
  await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [KEY, conflictStore(['甲', '乙'])]);
  await visit(page, `video/${LECTURE_7}`);
  await page.locator('.note-conflict').waitFor();
  await writeNote(page, '甲和乙，整理過');
  await page.locator('.note-conflict').waitFor({ state: 'detached' });
  await storedVersions(page, LECTURE_7, ['甲和乙，整理過']);
  assert.deepEqual(errors, []);
  await profile.context.close();
});

for (const [locale, heading, keep] of [
  ['zh-TW', '在兩台裝置上編輯過', '保留這個版本'],
  ['en', 'Edited on two devices', 'Keep this one'],
]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`the conflict view is accessible and fits a 390 px phone (${locale}, ${colorScheme})`, async () => {
      const long = `${'很長的一段筆記'.repeat(30)} https://example.com/${'x'.repeat(120)}`;
      const profile = await device({
        store: conflictStore([long, PHONE]),
        locale,
        colorScheme,
        viewport: { width: 390, height: 844 },
      });
      const { page, errors } = await profile.tab(`video/${LECTURE_7}`);
      const conflict = page.locator('.note-conflict');
      await conflict.getByRole('heading', { name: heading }).waitFor();
      assert.equal(await conflict.getByRole('button', { name: keep }).count(), 2);
      await assertAccessible(page, `conflict (${locale}, ${colorScheme})`, { include: ['.study-panel'] });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      const box = await conflict.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
      assert.deepEqual(errors, []);
      await profile.context.close();
    });
  }
}

test('playlists that ended up identical are offered as one; keeping one deletes the others, with undo', async () => {
  const list = (name, at) => ({
    id: `pl-${at}`,
    name,
    videos: [ML2025_1, ML2025_2],
    created_at: Date.now() - at,
    updated_at: Date.now() - at,
  });
  const store = JSON.stringify({
    schema: 2,
    progress: {},
    notes: {},
    playlists: {
      'pl-3000': list('作業', 3000),
      'pl-2000': list('作業', 2000),
      'pl-1000': { ...list('作業', 1000), videos: [ML2025_2, ML2025_1] },
    },
  });
  const profile = await device({ store });
  const { page, errors } = await profile.tab('playlists');
  const offer = page.locator('.identical-playlists');
  await offer.waitFor();
  assert.equal(await offer.count(), 1, 'the list in another order is not the same');
  assert.match(await offer.innerText(), /這 2 個播放清單完全相同（「作業」/);
  assert.equal(await page.locator('.playlist-row[data-playlist]').count(), 3, 'nothing combined on its own');
  await assertAccessible(page, 'identical playlists offered as one', { include: ['.playlists-page'] });

  await offer.getByRole('button', { name: '只保留一個' }).click();
  await page.locator('.identical-status', { hasText: '已只保留一個「作業」' }).waitFor();
  await offer.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelectorAll('.playlist-row[data-playlist]').length === 2);
  assert.equal(await page.locator('.playlist-row[data-playlist="pl-3000"]').count(), 1, 'the oldest is kept');
  const deleted = (await stored(page)).playlists['pl-2000'].deleted?.value;
  assert.equal(deleted, true);

  await page.locator('.identical-status').getByRole('button', { name: '復原' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.playlist-row[data-playlist]').length === 3);
  await offer.waitFor();
  assert.deepEqual(errors, []);
  await profile.context.close();
});

test('a pasted assignment is named by its course and lectures, not just 作業', async () => {
  const profile = await device();
  const { page, errors } = await profile.tab('playlists');
  const slide = [
    'HW2 公告日期：2025/03/07',
    '寫作業前請先看完以下課程：',
    '生成式AI導論 2024',
    '【生成式AI導論 2024】第1講：生成式AI是什麼？',
    '(至少看到第八講，能看完最好)',
  ].join('\n');
  await page.locator('#assignment-text').fill(slide);
  await page.locator('.preview-assignment').click();
  await page.locator('.assignment-preview').waitFor();
  assert.equal(await page.locator('#assignment-name').getAttribute('placeholder'), 'GenAI 2024 第0–8講');
  await page.locator('.create-from-assignment').click();
  await page.locator('.assignment-paste [role="status"]', { hasText: '已建立「GenAI 2024 第0–8講」' }).waitFor();

  // Nothing matched: the slide's date names it.
  await page.locator('#assignment-text').fill('HW3 截止日期：2025/03/28\n請自行複習');
  await page.locator('.preview-assignment').click();
  await page.locator('.assignment-preview').waitFor();
  assert.equal(await page.locator('#assignment-name').getAttribute('placeholder'), '作業 2025/03/28');
  assert.deepEqual(errors, []);
  await profile.context.close();
});
