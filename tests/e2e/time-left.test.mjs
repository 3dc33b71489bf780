// Time (issue 21): lecture lengths learned from the (fake) player, time left
// and pace for a pasted slide's playlist with its due date, finishing a
// lecture updating them, the plan as an .ics file, the remembered playback
// speed, "continue" on the home page, the phone width and axe.
// YouTube is faked at the network boundary (support/youtube.mjs); Date.now
// is fixed (Playwright's clock) so the due date and pace are known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mounted, useApp } from './support/app.mjs';
import { collectErrors, openContext } from './support/browser.mjs';
import { fakeYouTube } from './support/youtube.mjs';
import { assertAccessible } from './support/axe.mjs';
import { savedStudy as stored } from './support/store.mjs';

const app = useApp();
// 【生成式AI導論 2024】 lectures 1–3 (catalogue/catalogue.json).
const L1 = 'JGtqpQXfJis';
const L2 = 'glBhOQ1_RkE';
const L3 = 'A3Yx35KrSN0';
// Monday 2 March 2026, noon UTC: the slide's "3/07" is five days on.
const NOW = new Date('2026-03-02T12:00:00Z');

/** A slide written for this test, in the style of a course's assignment slide. */
const SLIDE = [
  '作業一：預習影片',
  '請在下一次上課前 (3/07) 看完以下影片',
  `https://youtu.be/${L1}`,
  `https://youtu.be/${L2}`,
  `https://youtu.be/${L3}`,
  '助教時間另行公告',
].join('\n');

async function profile(youtube = { duration: 2700 }, options = {}) {
  const context = await openContext(app.browser, { timezoneId: 'UTC', ...options });
  const yt = await fakeYouTube(context, youtube);
  await context.clock.setFixedTime(NOW);
  const page = await context.newPage();
  const errors = collectErrors(page);
  return { context, page, errors, yt };
}
const visit = async (page, path) => {
  await page.goto(new URL(path, app.url).href, { waitUntil: 'domcontentloaded' });
  await mounted(page);
};
const ready = (page, id) =>
  page.waitForFunction(
    (id) =>
      window.__fakeYouTube?.last()?.options.videoId === id &&
      ['ready', 'playing', 'paused'].includes(document.querySelector('.player-area .player')?.dataset.player),
    id,
  );
const timeLeft = (page) => page.locator('p.time-left');

/** Pastes the slide on the playlists page and opens the list it makes. */
async function pasteSlide(page) {
  await visit(page, 'playlists');
  await page.locator('#assignment-text').fill(SLIDE);
  await page.locator('.preview-assignment').click();
  await page.locator('.assignment-due', { hasText: '2026-03-07' }).waitFor();
  await page.locator('.create-from-assignment').click();
  await page.locator('.assignment-paste a.open-created').click();
  await page.locator('h1#playlist-title').waitFor();
  return new URL(page.url()).pathname.split('/').pop();
}

test('a pasted slide shows its due date, time left and pace; a length learned from the player and a finished lecture update them; the .ics parses', async () => {
  const { context, page, errors } = await profile();
  const list = await pasteSlide(page);
  assert.equal(await page.locator('input.due-date').inputValue(), '2026-03-07');
  // No length known yet: three lectures of unknown length, no row lengths.
  await page.locator('p.time-left[data-unknown="3"]', { hasText: '還有 3 講，長度未知' }).waitFor();
  assert.equal(await page.locator('ol.entries .length').count(), 0);

  // The player learns lecture 1's length (45 min) as it loads.
  await page.locator(`ol.entries li[data-video-id="${L1}"] a.entry-title`).click();
  await ready(page, L1);
  await page.locator('.facts .length', { hasText: '45 分鐘' }).waitFor();
  assert.equal((await stored(page)).durations?.[L1], 2700);

  await visit(page, `playlists/${list}`);
  await page.locator(`ol.entries li[data-video-id="${L1}"] .length`, { hasText: '45 分鐘' }).waitFor();
  await page.locator('p.time-left[data-left-secs="2700"][data-unknown="2"]').waitFor();
  assert.match(await timeLeft(page).innerText(), /還剩 45 分鐘 · 2 講長度未知 · 共 45 分鐘/);
  // Five days before 3/07: 45 min / 5 = 9 min a day.
  assert.equal(await page.locator('p.pace').innerText(), '還有 5 天 · 每天約 9 分鐘');

  // The .ics: a calendar with a day event and the deadline, CRLF and folded.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.ics-export').click()]);
  assert.match(download.suggestedFilename(), /\.ics$/);
  const ics = await readFile(await download.path(), 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'), ics);
  assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!/[^\r]\n/.test(ics), 'every line ends CRLF');
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
  const unfolded = ics.replace(/\r\n /g, '');
  const events = unfolded.split('BEGIN:VEVENT').length - 1;
  assert.ok(events >= 2, `day events and the deadline: ${events}`);
  assert.match(unfolded, /DTSTART;VALUE=DATE:20260302\r\n/);
  assert.match(unfolded, /DTSTART;VALUE=DATE:20260307\r\n/);
  assert.match(unfolded, /UID:[^\r]+@lecture-shelf\r\n/);
  assert.match(unfolded, /DTSTAMP:20260302T120000Z\r\n/);
  assert.ok(unfolded.includes(`https://youtu.be/${L1}`));

  // Finishing lecture 1 in the player: nothing known is left.
  await page.locator(`ol.entries li[data-video-id="${L1}"] a.entry-title`).click();
  await ready(page, L1);
  await page.evaluate(() => window.__fakeYouTube.last().end());
  await page.waitForFunction((id) => JSON.parse(localStorage.getItem('lecture-shelf/study') ?? '{}').progress?.[id]?.state?.value === 'watched', L1);
  await visit(page, `playlists/${list}`);
  await page.locator('p.time-left[data-left-secs="0"][data-unknown="2"]').waitFor();
  // Not "0 min left": what is left is of unknown length.
  assert.equal(await timeLeft(page).innerText(), '還有 2 講，長度未知 · 共 45 分鐘');

  // Home: continue with the next lecture due, one tap away.
  await visit(page, '');
  const next = page.locator('.continue-card a.continue-link');
  await next.waitFor();
  assert.equal(new URL(await next.getAttribute('href'), app.url).pathname.endsWith(`/video/${L2}`), true);
  await next.click();
  await ready(page, L2);

  // Clearing the due date takes the pace away.
  await visit(page, `playlists/${list}`);
  await page.locator('p.pace').waitFor();
  await page.locator('button.due-clear').click();
  await page.locator('p.pace').waitFor({ state: 'detached' });
  assert.equal(await page.locator('input.due-date').inputValue(), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the playback speed is remembered, applied to every player and used in time left', async () => {
  const { context, page, errors } = await profile();
  const list = await pasteSlide(page);
  await page.locator(`ol.entries li[data-video-id="${L1}"] a.entry-title`).click();
  await ready(page, L1);
  await page.locator('select.speed-select').selectOption('150');
  await page.waitForFunction(() => window.__fakeYouTube.last().calls.some((c) => c[0] === 'setPlaybackRate' && c[1] === 1.5));
  assert.equal((await stored(page)).settings?.speed?.value, 150);
  // Another lecture starts at the remembered speed.
  await visit(page, `video/${L2}`);
  await ready(page, L2);
  await page.waitForFunction(() => window.__fakeYouTube.last().calls.some((c) => c[0] === 'setPlaybackRate' && c[1] === 1.5));
  assert.equal(await page.locator('select.speed-select').inputValue(), '150');
  // A speed chosen in YouTube's own menu is remembered too; one the app
  // does not offer (0.25×) is not.
  await page.evaluate(() => window.__fakeYouTube.last().emit('onPlaybackRateChange', 1.25));
  await page.waitForFunction(() => document.querySelector('select.speed-select').value === '125');
  assert.equal((await stored(page)).settings?.speed?.value, 125);
  await page.evaluate(() => window.__fakeYouTube.last().emit('onPlaybackRateChange', 0.25));
  await page.evaluate(() => window.__fakeYouTube.last().emit('onPlaybackRateChange', 1.5));
  await page.waitForFunction(() => document.querySelector('select.speed-select').value === '150');
  assert.equal((await stored(page)).settings?.speed?.value, 150);
  // Two 45-minute lectures at 1.5×: one hour.
  await visit(page, `playlists/${list}`);
  await page.locator('p.time-left[data-left-secs="3600"][data-unknown="1"]').waitFor();
  assert.match(await timeLeft(page).innerText(), /還剩 1 小時 0 分鐘/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a fresh profile shows no "continue"; the playlist and video pages fit a 390 px phone and are axe-clean', async () => {
  const { context, page, errors } = await profile(
    { duration: 2700 },
    { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-TW' },
  );
  await visit(page, '');
  await page.locator('li.video-card').first().waitFor();
  assert.equal(await page.locator('.continue-card').count(), 0);
  const list = await pasteSlide(page);
  await page.locator(`ol.entries li[data-video-id="${L1}"] a.entry-title`).click();
  await ready(page, L1);
  await page.locator('.facts .length').waitFor();
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(await fits(), 'video page fits');
  await assertAccessible(page, 'video page with length and speed (phone)');
  await visit(page, `playlists/${list}`);
  await page.locator('p.pace').waitFor();
  assert.ok(await fits(), 'playlist page fits');
  await assertAccessible(page, 'playlist page with time left and due date (phone)');
  await visit(page, '');
  await page.locator('.continue-card').waitFor();
  assert.ok(await fits(), 'home fits');
  await assertAccessible(page, 'home with continue (phone)', { include: ['.continue-card'] });
  assert.deepEqual(errors, []);
  await context.close();
});
