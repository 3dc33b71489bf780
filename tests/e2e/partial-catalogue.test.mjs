// A partial catalogue at the point of need (issue 19): the seed dist holds
// entries 351–448 only, so an assignment's early lectures, a course's first
// lectures, a backup's or a share link's videos may be lectures not loaded
// yet. Each place says so with the one action that loads the rest, and that
// action loads (raw.githubusercontent.com faked with fixtures/catalogue/,
// support/github.mjs) and the note goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mounted, useApp } from './support/app.mjs';
import { fakeGitHub, fulfillFromFixtures } from './support/github.mjs';

const app = useApp();
const open = (path, options = {}) => app.open(path, { locale: 'zh-TW', ...options });

const TALK = 'fIoCxwVobEo'; // in the seed
const ABSENT = 'ZZZZZZZZZZZ'; // a valid id no page has
const ML2021_FIRST = 'mbeQyJjvUHd'; // #1 in fixtures/catalogue/docs/01-index.md: 課程開場
const LOAD = '載入完整目錄';

/** Opens an app path in the same page (a full load, as a student would). */
async function visit(page, path) {
  await page.goto(new URL(path, app.url).href);
  await mounted(page);
}

/** The note inside `scope` and its load button, which must be usable. */
async function noteWithLoad(scope, text) {
  const note = scope.locator('.not-loaded-note');
  await note.waitFor();
  assert.match(await note.locator('.not-loaded-text').innerText(), text);
  const button = note.locator('button.load-missing');
  assert.equal(await button.innerText(), LOAD);
  assert.equal(await button.isEnabled(), true);
  return { note, button };
}

test('the holdings line counts lectures and lists courses, with no entry numbers', async () => {
  const { page, errors, context } = await open('');
  const holdings = page.locator('p.holdings');
  assert.equal(await holdings.locator('.holdings-text').innerText(), '已載入 448 部中的 98 部影片（來自內建頁面）。');
  assert.equal(await holdings.locator('button.load-catalogue').innerText(), LOAD);
  const courses = page.locator('details.holdings-courses');
  assert.equal(await courses.getAttribute('open'), null, 'closed: one short line on a phone');
  await courses.locator('summary').click();
  const lines = await courses.locator('li').allInnerTexts();
  assert.ok(lines.includes('機器學習 2021（英文版）：36 講中有 9 講（缺第 1–26, 28 講）'), lines.join('\n'));
  assert.ok(lines.includes('生成式AI導論 2024：19 講中有 19 講'), lines.join('\n'));
  assert.ok(lines.includes('機器學習 2021：10 部影片（較早的幾講可能還沒載入）'), lines.join('\n'));
  assert.ok(lines.includes('研究演講與研討會：8 部影片'), lines.join('\n'));
  assert.doesNotMatch(await page.locator('.holdings-box').innerText(), /編號|351/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pasted assignment says its unmatched lines may be lectures not loaded yet, and its action loads them', async () => {
  const { context, tab } = await app.openBrowser({ locale: 'zh-TW' });
  await fakeGitHub(context);
  const { page, errors } = await tab('playlists');
  await page.getByLabel(/貼上作業或課程清單/).fill(
    ['【生成式AI導論 2024】第1講：生成式AI是什麼？', '【機器學習2021】找出房價的函式 (上)', '【機器學習2021】訓練卡住了怎麼辦 (一)'].join('\n'),
  );
  await page.getByRole('button', { name: '預覽' }).click();
  const preview = page.locator('.assignment-preview');
  await preview.waitFor();
  assert.equal(await preview.locator('ol.assignment-videos > li').count(), 1);
  assert.equal(await preview.locator('ul.assignment-unmatched > li').count(), 2);
  const { button } = await noteWithLoad(preview, /^這 2 行可能是還沒載入的影片。$/);
  await button.click();
  // Loaded: the page is made anew and the same text previewed again, every line found.
  await page.waitForFunction(() => document.querySelectorAll('.assignment-preview ol.assignment-videos > li').length === 3);
  assert.equal(await page.locator('.not-loaded-note').count(), 0);
  assert.equal(await page.locator('ul.assignment-unmatched').count(), 0);
  assert.match(await page.getByLabel(/貼上作業或課程清單/).inputValue(), /找出房價的函式/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('course pages say which lectures are not loaded yet, or that earlier ones may not be', async () => {
  const { page, errors, context } = await open('series/ml2021-en');
  const { note } = await noteWithLoad(page.locator('.playlist-page'), /^目前只有 9 \/ 36 講；第 1–26, 28 講尚未載入。$/);
  assert.match(await note.getAttribute('class'), /coverage-note/);
  await visit(page, 'series/ml2021');
  await noteWithLoad(page.locator('.playlist-page'), /^這門課較早的幾講可能還沒載入。$/);
  // Whole by its numbers: nothing to say.
  await visit(page, 'series/genai2024');
  await page.locator('h1#playlist-title').waitFor();
  await page.locator('ol.entries > li').first().waitFor();
  assert.equal(await page.locator('.not-loaded-note').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('progress says a course\'s first lectures may not be loaded yet, and its action loads them', async () => {
  const { context, tab } = await app.openBrowser({ locale: 'zh-TW' });
  // The index waits until the test has seen the button busy.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await fakeGitHub(context, {
    'README.md': async (route) => {
      await held;
      await fulfillFromFixtures(route, 'README.md');
    },
  });
  const { page, errors } = await tab('progress');
  const row = page.locator('li.series-row[data-series="ml2021"]');
  await row.waitFor();
  // "Start with" names a late lecture: the note says why.
  assert.doesNotMatch(await row.locator('a.continue-link').getAttribute('href'), new RegExp(ML2021_FIRST));
  const { button } = await noteWithLoad(row, /^這門課較早的幾講可能還沒載入。$/);
  await button.click();
  // Busy: every load action on the page waits, saying so.
  await page.waitForFunction(() => {
    const buttons = [...document.querySelectorAll('button.load-missing')];
    return buttons.length > 1 && buttons.every((b) => b.disabled && b.textContent === '載入中…');
  });
  release();
  // Loaded: the page is made anew around the larger catalogue, the note is gone
  // and the course starts at its first lecture.
  await page.waitForFunction(
    (first) => document.querySelector('li.series-row[data-series="ml2021"] a.continue-link')?.getAttribute('href')?.includes(first),
    ML2021_FIRST,
  );
  assert.equal(await row.locator('.not-loaded-note').count(), 0);
  // The English course still lacks lectures the fixture does not have.
  await noteWithLoad(page.locator('li.series-row[data-series="ml2021-en"]'), /^目前只有 9 \/ 36 講；/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a backup\'s videos this catalogue lacks are not loaded yet, with the load action', async () => {
  const { page, errors, context } = await open('backup');
  const backup = {
    kind: 'lecture-shelf-backup',
    schema: 2,
    progress: {
      [TALK]: { state: 'watched', updated_at: 1764000000000 },
      [ABSENT]: { state: 'watched', updated_at: 1764000000000 },
    },
  };
  await page.getByLabel('選擇備份檔').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  const preview = page.locator('.import-preview');
  await preview.waitFor();
  await noteWithLoad(preview, /^備份裡有 1 部影片尚未載入；/);
  assert.match(await preview.locator('dl.import-names').innerText(), new RegExp(`尚未載入 \\(${ABSENT}\\)`));
  assert.doesNotMatch(await preview.innerText(), /不在目錄中/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link\'s videos this catalogue lacks are not loaded yet, in both languages', async () => {
  const { page, errors, context } = await open(`shared#share=v1;Mixed;${TALK},${ABSENT}`);
  const entries = page.locator('ol.shared-entries > li');
  assert.match(await entries.nth(1).innerText(), new RegExp(`尚未載入\\s+${ABSENT}`));
  await noteWithLoad(page.locator('.shared-page'), /^有 1 部影片尚未載入；/);
  await context.close();

  const en = await app.open(`shared#share=v1;Mixed;${TALK},${ABSENT}`, { locale: 'en' });
  assert.match(await en.page.locator('ol.shared-entries > li').nth(1).innerText(), new RegExp(`Not loaded yet\\s+${ABSENT}`));
  const note = en.page.locator('.shared-page .not-loaded-note');
  assert.match(await note.innerText(), /1 video is not loaded yet; it is kept/);
  assert.equal(await note.locator('button.load-missing').innerText(), 'Load the full catalogue');
  assert.deepEqual([...errors, ...en.errors], []);
  await en.context.close();
});
