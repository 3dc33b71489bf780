// The in-app YouTube player (issue 11): resume, saved position, watch state
// from playback, notes at the current time, time codes that seek, the next
// lecture, keys, and a page that stays usable when the player cannot load.
// Issue 23: answers the player cannot mean (NaN, Infinity, null, throws, odd
// state codes), choices made in any tab while it plays, late callbacks.
// YouTube is faked at the network boundary (support/youtube.mjs); the fake
// player's clock only moves when a test moves it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mounted, useApp } from './support/app.mjs';
import { collectErrors, openContext } from './support/browser.mjs';
import { fakeYouTube } from './support/youtube.mjs';
import { noteText, playlistVideos, resumeSecs, watchState } from './support/store.mjs';

const app = useApp();

const KEY = 'lecture-shelf/study';
const NOCOOKIE = 'https://www.youtube-nocookie.com';
// 【生成式AI導論 2024】, in lecture order (catalogue/catalogue.json).
const L1 = 'JGtqpQXfJis';
const L2 = 'glBhOQ1_RkE';
const L3 = 'A3Yx35KrSN0';
const L5 = 'inebiWdQW-4';
const L7 = 'Q9cNkUPXUB8';
const L8 = 'v12IKvF6Cj8';

/**
 * A fresh profile with YouTube faked (`youtube`: fakeYouTube's options) and,
 * with `clock`, Playwright's clock installed (it runs on until a test moves
 * it with runFor), opened at `path`. Waits for the DOM, not `load`: an API
 * script left hanging may hold `load` back.
 */
async function open(path, youtube = {}, { clock = false } = {}) {
  const context = await openContext(app.browser);
  const yt = await fakeYouTube(context, youtube);
  if (clock) await context.clock.install();
  const page = await context.newPage();
  const errors = collectErrors(page);
  await visit(page, path);
  return { context, page, errors, yt };
}
const visit = async (page, path) => {
  await page.goto(new URL(path, app.url).href, { waitUntil: 'domcontentloaded' });
  await mounted(page);
};
const player = (page) => page.locator('.player-area .player');
const playerIs = (page, state) => page.locator(`.player-area .player[data-player="${state}"]`).waitFor();
const message = (page, reason) => page.locator(`p.player-message[role="status"][data-reason="${reason}"]`);
const radio = (page, value) => page.locator(`.study-panel input[type="radio"][name="watch-state"][value="${value}"]`);
const youtubeLink = (page) => page.locator('a.button.primary[href*="youtube.com/watch"]:not(.resume-link)');

/** Waits for a fake player for `videoId` that the app shows as usable. */
async function ready(page, videoId) {
  await page.waitForFunction(
    (id) =>
      window.__fakeYouTube?.last()?.options.videoId === id &&
      ['ready', 'playing', 'paused'].includes(document.querySelector('.player-area .player')?.dataset.player),
    videoId,
  );
}
/** Calls a method (API or test control) of the newest fake player. */
const fake = (page, method, ...args) =>
  page.evaluate(([m, a]) => void window.__fakeYouTube.last()[m](...a), [method, args]);
/** What the newest fake player was made with and has been asked to do. */
const lastPlayer = (page) =>
  page.evaluate(() => {
    const p = window.__fakeYouTube.last();
    return { options: p.options, calls: p.calls, currentTime: p.currentTime, state: p.state };
  });
/** Waits for the app to call `name` on the newest player, with these leading arguments. */
const called = (page, name, ...args) =>
  page.waitForFunction(
    ([n, a]) => window.__fakeYouTube.last().calls.some((c) => c[0] === n && a.every((v, i) => c[i + 1] === v)),
    [name, args],
  );
const playPauseCalls = (calls) => calls.map(([m]) => m).filter((m) => m === 'playVideo' || m === 'pauseVideo');

/** The stored study state once `check` holds for it (re-read whenever storage changes). */
async function storedWhen(page, check) {
  let raw;
  try {
    for (;;) {
      await page.waitForFunction(() => document.documentElement.dataset.save !== 'saving');
      raw = await page.evaluate((key) => localStorage.getItem(key), KEY);
      const state = JSON.parse(raw ?? '{}');
      if (check(state)) return state;
      await page.waitForFunction(([key, seen]) => localStorage.getItem(key) !== seen, [KEY, raw], { timeout: 20_000 });
    }
  } catch (e) {
    throw new Error(`stored state never satisfied ${check}; last stored: ${raw}`, { cause: e });
  }
}

/** The seconds a `.next-up` text counts down: its one number once lecture names are left out. */
function secondsShown(text) {
  const numbers =
    text
      .replace(/【[^】]*】/g, '')
      .replace(/第\s*\d+\s*講/g, '')
      .replace(/\b20\d\d\b/g, '')
      .match(/\d+/g) ?? [];
  assert.equal(numbers.length, 1, `one countdown number in ${JSON.stringify(text)}`);
  return Number(numbers[0]);
}

/** Puts the note editor's cursor at `at` (default: the end). */
const cursorAt = (page, at = null) =>
  page.locator('#note-text').evaluate((el, at) => {
    const pos = at ?? el.value.length;
    el.focus();
    el.setSelectionRange(pos, pos);
  }, at);

test('no YouTube request is made before a video page opens; then the nocookie player is made', async () => {
  const { page, context, errors, yt } = await open('');
  await page.locator('li.video-card').first().waitFor();
  await page.locator('.site-nav a', { hasText: '學習進度' }).click();
  await page.locator('h1#progress-heading').waitFor();
  assert.deepEqual(yt.playerRequests(), [], 'catalogue and progress pages load nothing from YouTube');
  assert.equal(await page.locator('.player-area').count(), 0);

  await visit(page, `video/${L7}`);
  await ready(page, L7);
  const { options } = await lastPlayer(page);
  assert.equal(options.videoId, L7);
  assert.equal(options.host, NOCOOKIE);
  const frame = player(page).locator('iframe');
  assert.ok((await frame.getAttribute('src')).startsWith(`${NOCOOKIE}/embed/${L7}`), 'a nocookie frame');
  assert.equal(await player(page).getAttribute('tabindex'), '0');
  assert.equal(await player(page).getAttribute('role'), 'region');
  assert.equal(await page.locator('p.player-message').count(), 0, 'no message while the player works');
  assert.ok(yt.playerRequests().some((url) => url.startsWith('https://www.youtube.com/iframe_api')), 'the API was loaded');
  assert.ok(yt.playerRequests().some((url) => url.startsWith(`${NOCOOKIE}/embed/${L7}`)), 'the player frame loaded');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a saved resume position is where the player starts', async () => {
  // Set the position with no player on the page, so nothing else writes it.
  const { page, context, errors, yt } = await open(`video/${L7}`, { mode: 'fail', duration: 3600 });
  await message(page, 'load-failed').waitFor();
  const resume = page.locator('.study-panel #resume-time');
  await resume.fill('34:10');
  await resume.press('Enter');
  await storedWhen(page, (s) => resumeSecs(s, L7) === 2050);

  yt.set({ mode: 'ok' });
  await page.reload({ waitUntil: 'domcontentloaded' });
  await mounted(page);
  await ready(page, L7);
  const { options, calls } = await lastPlayer(page);
  const startsThere = Number(options.playerVars?.start) === 2050;
  const seeksThere = calls.some(([m, secs]) => m === 'seekTo' && secs === 2050);
  assert.ok(startsThere || seeksThere, `starts at 2050 s: playerVars ${JSON.stringify(options.playerVars)}, calls ${JSON.stringify(calls)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the position is saved when the student pauses', async () => {
  const { page, context, errors } = await open(`video/${L7}`);
  await ready(page, L7);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  await fake(page, 'advance', 120);
  await fake(page, 'userPause');
  await playerIs(page, 'paused');
  await storedWhen(page, (s) => resumeSecs(s, L7) === 120);
  assert.equal(await page.locator('.study-panel #resume-time').inputValue(), '2:00');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the position is saved when the student leaves the page mid-play', async () => {
  const { page, context, errors } = await open(`video/${L8}`);
  await ready(page, L8);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  await fake(page, 'advance', 95);
  await page.locator('.breadcrumb a').first().click();
  await page.waitForURL((url) => url.pathname === '/');
  await storedWhen(page, (s) => Math.abs(resumeSecs(s, L8) - 95) <= 1);
  assert.equal(await page.locator('.player-area').count(), 0, 'the player left with its page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('playing past 10 seconds marks an unwatched lecture in progress', async () => {
  const { page, context, errors } = await open(`video/${L7}`, {}, { clock: true });
  await ready(page, L7);
  assert.equal(await radio(page, 'unwatched').isChecked(), true);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  await fake(page, 'advance', 11);
  // Past 10 s of position and of playing time, whichever the app counts; any polling (≤ 15 s) has run.
  await context.clock.runFor(16_000);
  await page.waitForFunction(
    () => document.querySelector('.study-panel input[name="watch-state"][value="in-progress"]')?.checked,
  );
  await storedWhen(page, (s) => watchState(s, L7) === 'in-progress');
  assert.deepEqual(errors, []);
  await context.close();
});

test('reaching the end marks the lecture watched', async () => {
  const { page, context, errors } = await open(`video/${L7}`);
  await ready(page, L7);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  await fake(page, 'advance', 30);
  await fake(page, 'end');
  await playerIs(page, 'ended');
  await page.waitForFunction(() => document.querySelector('.study-panel input[name="watch-state"][value="watched"]')?.checked);
  await storedWhen(page, (s) => watchState(s, L7) === 'watched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('playing past 90 % marks the lecture watched', async () => {
  const { page, context, errors } = await open(`video/${L7}`, { duration: 600 }, { clock: true });
  await ready(page, L7);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  await fake(page, 'advance', 545);
  await context.clock.runFor(16_000);
  await page.waitForFunction(() => document.querySelector('.study-panel input[name="watch-state"][value="watched"]')?.checked);
  await storedWhen(page, (s) => watchState(s, L7) === 'watched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a state the student picks during playback is not overridden while it continues', async () => {
  const { page, context, errors } = await open(`video/${L7}`, {}, { clock: true });
  await ready(page, L7);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  await fake(page, 'advance', 20);
  await context.clock.runFor(16_000);
  await page.waitForFunction(
    () => document.querySelector('.study-panel input[name="watch-state"][value="in-progress"]')?.checked,
  );

  await radio(page, 'unwatched').check();
  await storedWhen(page, (s) => watchState(s, L7) === 'unwatched');
  await fake(page, 'advance', 100);
  await context.clock.runFor(16_000);
  await fake(page, 'userPause');
  await playerIs(page, 'paused');
  // The pause was handled when the player says paused; once any save it
  // started is done, the choice still stands, and no position was kept
  // (a position would make an unwatched lecture "in progress" again).
  const state = await storedWhen(page, (s) => watchState(s, L7) === 'unwatched');
  assert.equal(resumeSecs(state, L7), undefined, 'no position written over the choice');
  assert.equal(await radio(page, 'unwatched').isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Sets what the fake players' getters answer (see fixtures/youtube/iframe_api.js); a page load resets them. */
const answers = (page, changes) => page.evaluate((c) => window.__fakeYouTube.set(c), changes);
/** Every answer a player gave a tester that is not a time; 'throw' makes the getter throw. */
const UNREADABLE = [NaN, Infinity, -Infinity, -1, null, 'throw', 1e12];
/** Once the app has handled an event it reacts to at once, whatever it saved is saved. */
const settled = (page) => page.waitForFunction(() => document.documentElement.dataset.save !== 'saving');

test('a time the player cannot tell never replaces the stored resume position', async () => {
  const { page, context, errors } = await open(`video/${L7}`, { duration: 3600 });
  await ready(page, L7);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  await fake(page, 'advance', 1200);
  await fake(page, 'userPause');
  await playerIs(page, 'paused');
  await storedWhen(page, (s) => resumeSecs(s, L7) === 1200);

  // At a pause: the player has moved on, but says nothing readable about where.
  for (const value of UNREADABLE) {
    await answers(page, { getCurrentTime: value });
    await fake(page, 'advance', 60);
    await fake(page, 'userPlay');
    await playerIs(page, 'playing');
    await fake(page, 'userPause');
    await playerIs(page, 'paused');
    await settled(page);
    const state = await storedWhen(page, () => true);
    assert.equal(resumeSecs(state, L7), 1200, `a pause reading ${value} kept 1200`);
  }
  // On leaving mid-play (a new page each time, whose fake answers the truth
  // until told otherwise; what is stored when a page opens is no choice).
  for (const value of UNREADABLE) {
    await visit(page, `video/${L7}`);
    await ready(page, L7);
    await answers(page, { getCurrentTime: value });
    await fake(page, 'userPlay');
    await playerIs(page, 'playing');
    await page.locator('.breadcrumb a').first().click();
    await page.waitForURL((url) => url.pathname === '/');
    await settled(page);
    const state = await storedWhen(page, () => true);
    assert.equal(resumeSecs(state, L7), 1200, `leaving on a reading of ${value} kept 1200`);
  }
  // The same steps with a readable time do save: the checks above could fail.
  await visit(page, `video/${L7}`);
  await ready(page, L7);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  await fake(page, 'userSeek', 1500);
  await fake(page, 'userPause');
  await storedWhen(page, (s) => resumeSecs(s, L7) === 1500);
  assert.equal(watchState(await storedWhen(page, () => true), L7), 'in-progress');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a state code the API does not document changes nothing; "ended" still marks watched', async () => {
  const { page, context, errors } = await open(`video/${L7}`);
  await ready(page, L7);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  // NaN was read as 0, "ended", and marked the lecture watched.
  for (const code of [NaN, 4, 0.5, -2, Infinity, null, '0']) await fake(page, 'emit', 'onStateChange', code);
  assert.equal(await player(page).getAttribute('data-player'), 'playing');
  await fake(page, 'userPause');
  await playerIs(page, 'paused');
  await settled(page);
  assert.equal(watchState(await storedWhen(page, () => true), L7), 'unwatched');
  assert.equal(await radio(page, 'unwatched').isChecked(), true);

  await fake(page, 'emit', 'onStateChange', 0);
  await playerIs(page, 'ended');
  await storedWhen(page, (s) => watchState(s, L7) === 'watched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('with a length the player never tells, the end still marks the lecture watched', async () => {
  const { page, context, errors } = await open('');
  const lectures = [L1, L2, L3, L5, L8];
  const lengths = [NaN, 0, -1, Infinity, 'throw'];
  for (const [i, video] of lectures.entries()) {
    await visit(page, `video/${video}`);
    await ready(page, video);
    await answers(page, { getDuration: lengths[i] });
    await fake(page, 'userPlay');
    await playerIs(page, 'playing');
    await fake(page, 'end');
    await playerIs(page, 'ended');
    await storedWhen(page, (s) => watchState(s, video) === 'watched');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('"not watched" picked in another tab while this one plays stands until the student plays on past it', async () => {
  const { page, context, errors } = await open(`video/${L7}`, {}, { clock: true });
  await ready(page, L7);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  await fake(page, 'advance', 20);
  await context.clock.runFor(16_000);
  await storedWhen(page, (s) => watchState(s, L7) === 'in-progress');

  const other = await context.newPage();
  const otherErrors = collectErrors(other);
  await visit(other, `video/${L7}`);
  await radio(other, 'unwatched').check();
  await storedWhen(other, (s) => watchState(s, L7) === 'unwatched');
  // The first tab hears of it through the storage event.
  await page.waitForFunction(
    () => document.querySelector('.study-panel input[name="watch-state"][value="unwatched"]')?.checked,
  );

  // A jump ahead and many polls of a still position, with a periodic save due.
  await fake(page, 'advance', 100);
  await context.clock.runFor(16_000);
  // Twenty seconds of playing on.
  for (let i = 0; i < 20; i++) {
    await fake(page, 'advance', 1);
    await context.clock.runFor(1_000);
  }
  await settled(page);
  let state = await storedWhen(page, () => true);
  assert.equal(watchState(state, L7), 'unwatched', 'the choice stands');
  assert.equal(resumeSecs(state, L7), undefined, 'no position written over it');
  assert.equal(await radio(page, 'unwatched').isChecked(), true);

  // Playing on (30 s in all, playback/hold.rs): the student is watching again.
  let seconds = 20;
  while (!(await radio(page, 'in-progress').isChecked())) {
    assert.ok(seconds < 40, 'playback marks again once the student plays on');
    await fake(page, 'advance', 1);
    await context.clock.runFor(1_000);
    seconds += 1;
  }
  assert.ok(seconds >= 30, `held for 30 s of playing on, not ${seconds}`);
  state = await storedWhen(page, (s) => watchState(s, L7) === 'in-progress');
  await storedWhen(other, (s) => watchState(s, L7) === 'in-progress');
  assert.deepEqual(errors, []);
  assert.deepEqual(otherErrors, []);
  await context.close();
});

test('"not watched" picked after finishing, then rewatching from the start, marks and saves again', async () => {
  // The reviewer's case: the hold stood at the end, where no playing could
  // get 30 s past it, so the whole rewatch was neither marked nor saved.
  const { page, context, errors } = await open(`video/${L7}`, { duration: 600 }, { clock: true });
  await ready(page, L7);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  // A first poll early on (one near the end would start the video over),
  // then on to 590 s, so the session's last position is near the end.
  await fake(page, 'advance', 1);
  await context.clock.runFor(1_000);
  await fake(page, 'advance', 589);
  await context.clock.runFor(1_000);
  await storedWhen(page, (s) => watchState(s, L7) === 'watched');
  await fake(page, 'end');
  await playerIs(page, 'ended');
  await storedWhen(page, (s) => watchState(s, L7) === 'watched');

  await radio(page, 'unwatched').check();
  await storedWhen(page, (s) => watchState(s, L7) === 'unwatched');
  // Played again from the start, a second at a time.
  await fake(page, 'userSeek', 0);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  let seconds = 0;
  while (!(await radio(page, 'in-progress').isChecked())) {
    assert.ok(seconds < 40, 'playback marks again once the student plays on');
    await fake(page, 'advance', 1);
    await context.clock.runFor(1_000);
    seconds += 1;
  }
  assert.ok(seconds >= 30, `held for 30 s of playing on, not ${seconds}`);
  // And the place is kept: paused, the position is saved.
  await fake(page, 'userPause');
  await playerIs(page, 'paused');
  const state = await storedWhen(page, (s) => watchState(s, L7) === 'in-progress' && resumeSecs(s, L7) >= 30);
  assert.ok(resumeSecs(state, L7) <= 40, JSON.stringify(state));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a resume time typed while the video plays survives the next periodic save and the pause', async () => {
  const { page, context, errors } = await open(`video/${L7}`, {}, { clock: true });
  await ready(page, L7);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  await fake(page, 'advance', 20);
  await context.clock.runFor(16_000);
  await storedWhen(page, (s) => resumeSecs(s, L7) === 20);

  const resume = page.locator('.study-panel #resume-time');
  await resume.fill('5:00');
  await resume.press('Enter');
  await storedWhen(page, (s) => resumeSecs(s, L7) === 300);
  await fake(page, 'advance', 10);
  await context.clock.runFor(16_000);
  await fake(page, 'userPause');
  await playerIs(page, 'paused');
  await settled(page);
  assert.equal(resumeSecs(await storedWhen(page, () => true), L7), 300, 'the typed time stands');
  assert.equal(await resume.inputValue(), '5:00');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a destroyed player\'s callbacks throw nothing and change nothing', async () => {
  const { page, context, errors } = await open(`video/${L7}`);
  await ready(page, L7);
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');
  await page.locator('.breadcrumb a').first().click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.waitForFunction(() => window.__fakeYouTube.players[0].destroyed);
  const thrown = await page.evaluate(() => {
    const p = window.__fakeYouTube.players[0];
    const out = [];
    for (const [name, data] of [['onStateChange', 0], ['onStateChange', 1], ['onStateChange', 2], ['onReady'], ['onError', 150]]) {
      try {
        p.callLate(name, data);
      } catch (e) {
        out.push(`${name}(${data}): ${e.message}`);
      }
    }
    return out;
  });
  assert.deepEqual(thrown, [], 'no call threw');
  await settled(page);
  assert.equal(watchState(await storedWhen(page, () => true), L7), 'unwatched', 'the late "ended" marked nothing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"note at current time" inserts the player time at the cursor and saves it like a typed note', async () => {
  const { page, context, errors } = await open(`video/${L7}`, { duration: 4000 });
  await ready(page, L7);
  const note = page.locator('#note-text');
  const button = page.locator('button.note-at-time');
  await note.fill('開頭 結尾');
  await fake(page, 'userPlay');
  await playerIs(page, 'playing');

  await fake(page, 'advance', 754);
  await cursorAt(page, 3);
  await button.click();
  await page.waitForFunction(() => /12:34/.test(document.querySelector('#note-text').value));
  assert.match(await note.inputValue(), /^開頭 .*12:34.*結尾$/s, 'inserted at the cursor');
  await storedWhen(page, (s) => /^開頭 .*12:34.*結尾$/s.test(noteText(s, L7)));
  await page.locator('.note-view a.timecode', { hasText: '12:34' }).waitFor();

  // Past an hour: h:mm:ss.
  await fake(page, 'advance', 3723 - 754);
  await cursorAt(page);
  await button.click();
  await storedWhen(page, (s) => /結尾\s*1:02:03\s*$/.test(noteText(s, L7)));

  // Under ten minutes: m:ss.
  await fake(page, 'userSeek', 65);
  await cursorAt(page);
  await button.click();
  const state = await storedWhen(page, (s) => /1:02:03\s*1:05\s*$/.test(noteText(s, L7)));
  assert.match(await note.inputValue(), /1:05\s*$/);
  assert.doesNotMatch(noteText(state, L7), /0:01:05|01:05/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a time code in a note seeks the player, without leaving the page', async () => {
  const { page, context, errors, yt } = await open(`video/${L7}`, { duration: 3600 });
  await ready(page, L7);
  await page.locator('#note-text').fill('重點 12:34 這裡');
  await page.locator('#note-text').blur();
  const link = page.locator('.note-view a.timecode', { hasText: '12:34' });
  await link.waitFor();
  const url = page.url();
  const popups = [];
  context.on('page', (p) => popups.push(p.url()));

  await link.click();
  await called(page, 'seekTo', 754);
  assert.equal(page.url(), url, 'no navigation');
  assert.equal((await lastPlayer(page)).currentTime, 754);
  assert.deepEqual(popups, [], 'no new tab');
  assert.deepEqual(yt.playerRequests().filter((u) => u.includes('/watch')), [], 'YouTube was not opened');

  // Summaries that link times (if any) seek too.
  const summaryTimes = page.locator('.summary-section a.timecode');
  if ((await summaryTimes.count()) > 0) {
    const before = (await lastPlayer(page)).calls.length;
    await summaryTimes.first().click();
    await page.waitForFunction((n) => window.__fakeYouTube.last().calls.slice(n).some((c) => c[0] === 'seekTo'), before);
    assert.equal(page.url(), url);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('at the end the next lecture in course order is offered with a countdown, which can be cancelled', async () => {
  const { page, context, errors } = await open(`video/${L7}`, {}, { clock: true });
  await ready(page, L7);
  await fake(page, 'userPlay');
  await fake(page, 'end');
  const nextUp = page.locator('.next-up[role="status"]');
  await nextUp.waitFor();
  const text = await nextUp.innerText();
  assert.match(text, /第8講/, 'names lecture 8');
  const first = secondsShown(text);
  assert.ok(first > 0 && first <= 30, `a countdown in seconds: ${text}`);
  await context.clock.runFor(2_000);
  let now = await nextUp.innerText();
  while (secondsShown(now) === first) {
    await page.waitForFunction((old) => document.querySelector('.next-up')?.innerText !== old, now);
    now = await nextUp.innerText();
  }
  assert.ok(secondsShown(now) < first, `counts down: ${first} then ${now}`);

  await nextUp.locator('button.next-cancel').click();
  await nextUp.waitFor({ state: 'hidden' });
  const url = page.url();
  await context.clock.runFor(15_000);
  assert.equal(page.url(), url, 'cancelled: no navigation');
  assert.match(new URL(url).pathname, new RegExp(`/video/${L7}$`));
  assert.equal(await nextUp.isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('left alone, the countdown opens the next lecture', async () => {
  const { page, context, errors } = await open(`video/${L7}`, {}, { clock: true });
  await ready(page, L7);
  await fake(page, 'userPlay');
  await fake(page, 'end');
  await page.locator('.next-up').waitFor();
  await context.clock.runFor(15_000);
  await page.waitForURL(new RegExp(`/video/${L8}(\\?|$)`));
  await ready(page, L8);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"next now" opens the next lecture at once', async () => {
  const { page, context, errors } = await open(`video/${L2}`);
  await ready(page, L2);
  await fake(page, 'userPlay');
  await fake(page, 'end');
  const nextUp = page.locator('.next-up[role="status"]');
  await nextUp.waitFor();
  assert.match(await nextUp.innerText(), /第3講/);
  await nextUp.locator('button.next-now').click();
  await page.waitForURL(new RegExp(`/video/${L3}(\\?|$)`));
  await ready(page, L3);
  assert.match(await page.locator('h1#video-title').innerText(), /第3講/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('opened from a playlist, the countdown, the next card and the back link all follow the playlist', async () => {
  // Build the playlist [第5講, 第1講 (watched), 第3講] with no player in the way.
  const { page, context, errors, yt } = await open(`video/${L5}`, { mode: 'fail' });
  const add = page.locator('.add-to-playlist');
  await add.getByLabel('新播放清單名稱').fill('順序測試');
  const added = add.locator('.in-playlists a', { hasText: '順序測試' });
  await add.getByRole('button', { name: '加入', exact: true }).click();
  await added.waitFor();
  const list = (await added.getAttribute('href')).split('/').pop();
  for (const video of [L1, L3]) {
    await visit(page, `video/${video}`);
    await add.getByRole('button', { name: '加入', exact: true }).click();
    await added.waitFor();
    if (video === L1) await radio(page, 'watched').check();
  }
  const state = await storedWhen(page, (s) => playlistVideos(s, list).length === 3 && watchState(s, L1) === 'watched');
  assert.deepEqual(playlistVideos(state, list), [L5, L1, L3]);

  yt.set({ mode: 'ok' });
  await visit(page, `video/${L5}?list=${list}`);
  await ready(page, L5);
  await fake(page, 'userPlay');
  await fake(page, 'end');
  const nextUp = page.locator('.next-up[role="status"]');
  await nextUp.waitFor();
  const text = await nextUp.innerText();
  assert.match(text, /第3講/, 'the playlist\'s next unwatched lecture');
  assert.doesNotMatch(text, /第6講|第1講/, 'not the course\'s next, not the watched one');
  // The page's "next" card and its back link say the same playlist.
  const nextCard = page.locator('nav.series-nav a[rel="next"]');
  assert.match(await nextCard.innerText(), /第3講/);
  assert.match(await nextCard.getAttribute('href'), new RegExp(`/video/${L3}\\?list=${list}`));
  const back = page.locator('.video-page .breadcrumb a');
  assert.equal(await back.innerText(), '回到播放清單');
  assert.match(await back.getAttribute('href'), new RegExp(`/playlists/${list}$`));
  await nextUp.locator('button.next-now').click();
  await page.waitForURL(new RegExp(`/video/${L3}(\\?|$)`));
  await ready(page, L3);
  // Still in the playlist: its previous entry (watched or not), and back to it.
  assert.match(await page.locator('nav.series-nav a[rel="prev"]').innerText(), /第1講/);
  assert.equal(await back.innerText(), '回到播放清單');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keys in the player area: k and space play and pause, j and l seek 10 s, n notes the time', async () => {
  const { page, context, errors } = await open(`video/${L7}`);
  await ready(page, L7);
  const keys = await page.locator('p.player-keys').innerText();
  for (const key of ['k', 'j', 'l', 'n']) {
    assert.match(keys, new RegExp(`(^|[^a-z])${key}([^a-z]|$)`, 'i'), `${key} is listed in ${JSON.stringify(keys)}`);
  }
  await fake(page, 'userPause');
  await playerIs(page, 'paused');
  const before = (await lastPlayer(page)).calls.length;
  const newCalls = async () => (await lastPlayer(page)).calls.slice(before);

  await player(page).focus();
  await page.keyboard.press('k');
  await playerIs(page, 'playing');
  await page.keyboard.press('k');
  await playerIs(page, 'paused');
  await page.keyboard.press('Space');
  await playerIs(page, 'playing');
  assert.deepEqual(playPauseCalls(await newCalls()), ['playVideo', 'pauseVideo', 'playVideo']);

  await fake(page, 'userSeek', 100);
  await page.keyboard.press('l');
  await called(page, 'seekTo', 110);
  await page.keyboard.press('j');
  await called(page, 'seekTo', 100);
  assert.equal((await lastPlayer(page)).currentTime, 100);

  await page.keyboard.press('n');
  await page.waitForFunction(() => /1:40/.test(document.querySelector('#note-text').value));
  await storedWhen(page, (s) => /1:40/.test(noteText(s, L7)));

  // Typing in a text field is typing.
  const seen = (await newCalls()).length;
  await cursorAt(page);
  await page.keyboard.type('k j l n');
  await page.waitForFunction(() => document.querySelector('#note-text').value.endsWith('k j l n'));
  assert.deepEqual((await newCalls()).slice(seen), [], 'no player call');
  assert.deepEqual(errors, []);
  await context.close();
});

/** The rest of the video page works with no player: summary, link out, watch state, note times open YouTube. */
async function assertUsableWithoutPlayer(page, context, videoId) {
  await page.locator('.summary-section').waitFor();
  assert.equal(await youtubeLink(page).first().isVisible(), true);
  await radio(page, 'watched').check();
  await storedWhen(page, (s) => watchState(s, videoId) === 'watched');
  await page.locator('#note-text').fill('回看 1:00');
  await page.locator('#note-text').blur();
  const link = page.locator('.note-view a.timecode', { hasText: '1:00' });
  await link.waitFor();
  assert.match(await link.getAttribute('href'), new RegExp(`youtube\\.com/watch\\?v=${videoId}&t=60s?$`));
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForURL(new RegExp(`^https://www\\.youtube\\.com/watch\\?v=${videoId}&t=60`));
  await tab.close();
  await storedWhen(page, (s) => /1:00/.test(noteText(s, videoId)));
}

function assertOneLine(text) {
  assert.ok(text.trim().length > 0, 'a message');
  assert.doesNotMatch(text.trim(), /\n/, 'one line');
}

test('when the IFrame API fails to load, the page says so and stays usable', async () => {
  const { page, context, errors } = await open(`video/${L7}`, { mode: 'fail' });
  const shown = message(page, 'load-failed');
  await shown.waitFor();
  assertOneLine(await shown.innerText());
  if ((await player(page).count()) > 0) assert.equal(await player(page).getAttribute('data-player'), 'failed');
  await assertUsableWithoutPlayer(page, context, L7);
  assert.deepEqual(errors, [], 'nothing but the failed load (filtered) in the console');
  await context.close();
});

test('when the IFrame API never answers, the page gives up on it and stays usable', async () => {
  const { page, context, errors } = await open(`video/${L7}`, { mode: 'hang' }, { clock: true });
  await page.locator('.player-area').waitFor();
  assert.equal(await message(page, 'load-failed').count(), 0, 'not yet');
  await context.clock.runFor(60_000);
  await message(page, 'load-failed').waitFor();
  await assertUsableWithoutPlayer(page, context, L7);
  assert.deepEqual(errors, []);
  // The API request is still pending: drop the route without waiting for it.
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});

test('a video YouTube will not play (onError) shows why and the page stays usable', async () => {
  // Refused as soon as it is ready (150: embedding not allowed)...
  {
    const { page, context, errors } = await open(`video/${L7}`, { videoError: 150 });
    const shown = message(page, 'unavailable');
    await shown.waitFor();
    assertOneLine(await shown.innerText());
    if ((await player(page).count()) > 0) assert.equal(await player(page).getAttribute('data-player'), 'failed');
    await assertUsableWithoutPlayer(page, context, L7);
    assert.deepEqual(errors, []);
    await context.close();
  }
  // ...or later, mid-play (101).
  {
    const { page, context, errors } = await open(`video/${L8}`);
    await ready(page, L8);
    await fake(page, 'userPlay');
    await fake(page, 'fail', 101);
    await message(page, 'unavailable').waitFor();
    await radio(page, 'watched').check();
    await storedWhen(page, (s) => watchState(s, L8) === 'watched');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('offline, the page says the player needs a connection and asks YouTube for nothing', async () => {
  const { page, context, errors, yt } = await open('');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);

  await visit(page, `video/${L7}`);
  const shown = message(page, 'offline');
  await shown.waitFor();
  assertOneLine(await shown.innerText());
  if ((await player(page).count()) > 0) assert.equal(await player(page).getAttribute('data-player'), 'offline');
  await page.locator('.summary-section').waitFor();
  assert.equal(await youtubeLink(page).first().isVisible(), true);
  await radio(page, 'watched').check();
  await storedWhen(page, (s) => watchState(s, L7) === 'watched');
  assert.deepEqual(yt.playerRequests(), [], 'no request to a YouTube host');
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});
