// Finding lectures: Chinese-aware search, facets with live counts, the URL as
// the state, keyboard use and the empty state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listed, mounted, useApp } from './support/app.mjs';

const app = useApp();
const results = (page) => page.locator('ul.result-list > li.video-card');
const count = async (page) => Number((await page.locator('.count').innerText()).match(/\d+/)[0]);
const facet = (page, name, value) => page.locator(`fieldset[data-facet="${name}"] input[value="${value}"]`);
const facetCount = async (page, name, value) =>
  Number(await facet(page, name, value).locator('xpath=..').locator('.facet-count').innerText());

async function search(page, text) {
  await page.locator('#catalogue-search').fill(text);
  await page.waitForFunction((t) => new URLSearchParams(location.search).get('q') === t || (!t && !location.search.includes('q=')), text);
}

test('a Simplified-Chinese query finds Traditional titles and highlights them', async () => {
  const { page, errors, context } = await app.open('');
  await search(page, '机器学习');
  const rows = await results(page).evaluateAll((lis) =>
    lis.map((li) => ({
      title: li.querySelector('.video-title').textContent,
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    })),
  );
  assert.ok(rows.filter((r) => r.title.includes('機器學習')).length >= 10, `${rows.length} results`);
  // Every result shows where it matched: in its title or in its summary snippet.
  for (const row of rows) assert.ok(row.marks.length > 0 && row.marks.every((m) => m === '機器學習'), JSON.stringify(row));
  // Title matches rank before summary-only matches.
  const firstSummaryOnly = rows.findIndex((r) => !r.title.includes('機器學習'));
  if (firstSummaryOnly >= 0) assert.ok(rows.slice(firstSummaryOnly).every((r) => !r.title.includes('機器學習')));
  // Characters fold, words do not: 强化学习 is not 增強式學習.
  await search(page, '增强式学习');
  const rl = await page.locator('.result-list .video-title').allInnerTexts();
  assert.ok(rl.some((t) => t.includes('增強式學習')));
  await search(page, '强化学习');
  assert.ok((await page.locator('.result-list .video-title').allInnerTexts()).every((t) => !t.includes('增強式學習')));
  // Full-width letters fold to half-width.
  await search(page, 'ＧＡＮ');
  assert.ok((await count(page)) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('facet counts follow the query; OR within a facet, AND across', async () => {
  const { page, errors, context } = await app.open('');
  assert.equal(await count(page), 98);
  const all2024 = await facetCount(page, 'year', '2024');
  const all2023 = await facetCount(page, 'year', '2023');
  assert.ok(all2024 > 0 && all2023 > 0);

  await search(page, 'diffusion');
  const found = await count(page);
  assert.ok(found > 0 && found < 98);
  const q2024 = await facetCount(page, 'year', '2024');
  const q2023 = await facetCount(page, 'year', '2023');
  assert.ok(q2024 < all2024 || q2023 < all2023, 'counts narrowed by the query');
  // A year without matches stays visible but disabled.
  assert.equal(await facetCount(page, 'year', '2022'), 0);
  assert.equal(await facet(page, 'year', '2022').isDisabled(), true);

  await facet(page, 'year', '2023').check();
  await page.waitForURL(/year=2023/);
  assert.equal(await count(page), q2023);
  // The other year's count still says what adding it would give (OR within the facet).
  assert.equal(await facetCount(page, 'year', '2024'), q2024);
  await facet(page, 'year', '2024').check();
  await page.waitForURL(/year=2023&year=2024/);
  assert.equal(await count(page), q2023 + q2024);
  // Across facets: AND.
  await facet(page, 'lang', 'en').check();
  await page.waitForURL(/lang=en/);
  assert.ok((await count(page)) <= q2023 + q2024);

  await page.locator('.facets button', { hasText: '清除全部' }).click();
  await page.waitForFunction(() => location.search === '');
  assert.equal(await count(page), 98);
  assert.equal(await page.locator('#catalogue-search').inputValue(), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the URL is the state: reload, back and pasted links restore query, facets and sort', async () => {
  const { page, errors, context } = await app.open('?q=GPT&year=2023&sort=date-asc');
  assert.equal(await page.locator('#catalogue-search').inputValue(), 'GPT');
  assert.equal(await facet(page, 'year', '2023').isChecked(), true);
  assert.equal(await page.locator('.sort select').inputValue(), 'date-asc');
  const dates = await page.locator('.result-list time.when').evaluateAll((ts) => ts.map((t) => t.dateTime));
  assert.ok(dates.length >= 2);
  assert.deepEqual([...dates].sort(), dates, 'ascending by date');
  const before = await page.locator('.result-list .video-title').allInnerTexts();

  await page.locator('.sort select').selectOption('title-desc');
  await page.waitForURL(/sort=title-desc/);
  await page.locator('fieldset[data-facet="summary"] input[type="radio"]').nth(2).check();
  await page.waitForURL(/summary=0/);
  const url = page.url();

  await page.reload();
  await mounted(page);
  assert.equal(page.url(), url);
  assert.equal(await page.locator('.sort select').inputValue(), 'title-desc');
  assert.equal(await page.locator('fieldset[data-facet="summary"] input[type="radio"]').nth(2).isChecked(), true);
  assert.equal(await page.locator('#catalogue-search').inputValue(), 'GPT');

  await page.goBack();
  await page.waitForURL(/sort=title-desc/);
  assert.doesNotMatch(page.url(), /summary=0/);
  await page.goBack();
  await page.waitForURL(/sort=date-asc/);
  await listed(page);
  assert.deepEqual(await page.locator('.result-list .video-title').allInnerTexts(), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing a query adds one history entry, not one per keystroke', async () => {
  const { page, errors, context } = await app.open('');
  const start = await page.evaluate(() => history.length);
  await page.locator('#catalogue-search').click();
  await page.keyboard.type('transformer', { delay: 20 });
  await page.waitForURL(/q=transformer/);
  assert.equal(await page.evaluate(() => history.length), start + 1);
  assert.deepEqual(errors, []);
  await context.close();
});


test('results follow each keystroke before the URL does; a result opened mid-typing keeps the search for Back', async () => {
  const { page, errors, context } = await app.open('');
  const all = await count(page);
  await page.locator('#catalogue-search').click();
  await page.keyboard.type('gan');
  // The list answers the keystrokes themselves, whatever the URL holds yet.
  await page.waitForFunction((all) => Number(document.querySelector('.count').textContent.match(/\d+/)[0]) < all, all);
  const first = results(page).first();
  assert.match(await first.locator('.video-title').innerText(), /GAN/i);
  const title = await first.locator('.video-title').innerText();
  // Straight from the field to a result: its link carries the search, and
  // the catalogue's history entry holds it, so Back returns to it.
  await first.locator('a.video-link').click();
  await page.waitForURL(/\/video\//);
  assert.match(new URL(page.url()).search, /q=gan/);
  await page.goBack();
  await page.waitForURL((url) => url.pathname.endsWith('/') && url.searchParams.get('q') === 'gan');
  assert.equal(await page.locator('#catalogue-search').inputValue(), 'gan');
  await page.waitForFunction((t) => document.querySelector('.result-list .video-title')?.textContent === t, title);
  assert.deepEqual(errors, []);
  await context.close();
});
test('keyboard: / focuses search, Esc clears, j/k and arrows move, Enter opens', async () => {
  const { page, errors, context } = await app.open('');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'catalogue-search');
  await page.keyboard.type('RL');
  await page.waitForURL(/q=RL/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !location.search.includes('q='));
  assert.equal(await page.locator('#catalogue-search').inputValue(), '');
  await page.keyboard.type('Meta');
  await page.waitForURL(/q=Meta/);

  const focusedId = () => page.evaluate(() => document.activeElement.closest('li.video-card')?.dataset.videoId ?? null);
  const ids = await results(page).evaluateAll((lis) => lis.map((li) => li.dataset.videoId));
  assert.ok(ids.length >= 2);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedId(), ids[0]);
  await page.keyboard.press('j');
  assert.equal(await focusedId(), ids[1]);
  await page.keyboard.press('k');
  assert.equal(await focusedId(), ids[0]);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedId(), ids[1]);
  await page.keyboard.press('Enter');
  // The video page carries the search it was opened from.
  await page.waitForURL(new RegExp(`/video/${ids[1]}\\?q=Meta$`));
  await page.locator('h1#video-title').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('no results says what was searched and offers a way out; hostile queries are harmless', async () => {
  const { page, errors, context } = await app.open('');
  await search(page, 'zzqqxx 沒有這種課');
  const empty = page.locator('.no-results');
  assert.match(await empty.innerText(), /zzqqxx 沒有這種課/);
  await empty.locator('button').click();
  await page.waitForFunction(() => location.search === '');
  assert.equal(await count(page), 98);

  for (const hostile of ['.*+?()[]{}|\\^$', '😀🎉'.repeat(40), 'a'.repeat(5000), '\uFFFD\uD800x', '<img src=x onerror=alert(1)>', '%E0%A4%A', '"&amp;']) {
    const before = await page.evaluate(() => location.search);
    await page.locator('#catalogue-search').fill(hostile);
    // The app has taken the query once the URL carries it.
    await page.waitForFunction((previous) => location.search !== previous, before);
    assert.ok((await page.locator('.result-list, .no-results').count()) > 0);
  }
  // Hostile URLs too.
  await page.goto(new URL('?q=%E0%A4%A&year=abc&year=99999&series=%3Cscript%3E&sort=nope&lang=xx&summary=maybe', app.url).href);
  await mounted(page);
  // A truncated UTF-8 escape decodes lossily (U+FFFD) instead of failing the page.
  assert.equal(await page.locator('#catalogue-search').inputValue(), '\uFFFD%A');
  assert.equal(await page.locator('fieldset[data-facet="year"] input:checked').count(), 0);
  assert.equal(await page.locator('#app img[src="x"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a video page links its series neighbours and the other-language version', async () => {
  const { page, errors, context } = await app.open('video/kk6DqWreLeU');
  const nav = page.locator('nav.series-nav');
  assert.match(await nav.locator('a[rel="next"]').innerText(), /\(四\)/);
  await nav.locator('a.other').click();
  await page.waitForURL(/\/video\/Cf-WkM-Xef0(\?[^/]*)?$/);
  assert.match(await page.locator('h1#video-title').innerText(), /Lecture 30: Introduction of Reinforcement Learning \(RL\) \(3\/5\)/);
  assert.match(await page.locator('nav.series-nav a.other').innerText(), /概述增強式學習.*\(三\)/);
  assert.match(await page.locator('nav.series-nav a[rel="prev"]').innerText(), /Lecture 29/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('students\u2019 ways of asking: a course and a lecture number, a pasted link, and words no lecture has together', async () => {
  const { page, errors, context } = await app.open('');
  // 生成式AI導論 2024 第8講, however it is written.
  for (const text of ['GenAI 2024 第八講', '生成式AI導論 2024 lecture 8', 'genai2024 L8']) {
    await search(page, text);
    assert.deepEqual(
      // (The link also carries the search, for the video page's way back.)
      await results(page).evaluateAll((lis) => lis.map((li) => li.querySelector('a.video-link').pathname)),
      ['/video/v12IKvF6Cj8'],
      text,
    );
    assert.equal(await page.locator('.search-partial').count(), 0);
  }
  // A pasted YouTube link finds that video.
  await search(page, 'https://youtu.be/Q9cNkUPXUB8?si=x');
  assert.equal(await count(page), 1);
  // No lecture has both words: the page says so and shows lectures with some.
  await search(page, 'diffusion agent');
  await page.locator('.search-partial[role="status"]').waitFor();
  assert.ok((await count(page)) > 0);
  assert.match(await page.locator('.search-partial').innerText(), /部分字詞/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Back from a video restores the rows shown, the scroll position and the search; the back link keeps the search', async () => {
  const { page, errors, context } = await app.open('?q=a&sort=title-asc');
  const shownRows = (n) => page.waitForFunction((n) => document.querySelectorAll('ul.result-list > li.video-card').length === n, n);
  assert.ok((await count(page)) > 72, `${await count(page)} results: enough for three pages`);
  await shownRows(24);
  await page.locator('button.show-more').click();
  await shownRows(48);
  await page.locator('button.show-more').click();
  await shownRows(72);
  // The rows are in the URL, next to the search, and no new history entry was made.
  await page.waitForURL(/\?q=a&sort=title-asc&rows=72$/);
  const list = page.url();

  // Deep in the list: open the 61st row.
  const row = results(page).nth(60);
  await row.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => scrollY);
  assert.ok(y > 1000, `scrolled to ${y}`);
  const id = await row.getAttribute('data-video-id');
  await row.locator('a.video-link').click();
  await page.locator('h1#video-title').waitFor();
  assert.equal(new URL(page.url()).pathname, `/video/${id}`);

  await page.goBack();
  await shownRows(72);
  await page.waitForFunction((y) => Math.abs(scrollY - y) <= 3, y);
  // And it stays there once the page has settled (two more frames).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.ok(Math.abs((await page.evaluate(() => scrollY)) - y) <= 3);
  assert.equal(page.url(), list);
  assert.equal(await page.locator('#catalogue-search').inputValue(), 'a');
  assert.equal(await page.locator('.sort select').inputValue(), 'title-asc');

  // The video page's "back to all lectures" link returns to the same search and rows.
  await row.locator('a.video-link').click();
  await page.locator('h1#video-title').waitFor();
  const back = page.locator('.video-page .breadcrumb a');
  assert.equal(new URL(await back.getAttribute('href'), page.url()).href, list);
  // So do links to other lectures on the way (the series' neighbours).
  for (const href of await page.locator('.series-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    assert.match(href, /\?q=a&sort=title-asc&rows=72$/);
  }
  await back.click();
  await page.waitForURL(list);
  await shownRows(72);
  assert.equal(await page.locator('#catalogue-search').inputValue(), 'a');

  // A reload keeps the rows; a new search starts again at the first page.
  await page.reload();
  await mounted(page);
  await shownRows(72);
  await page.locator('#catalogue-search').fill('ai');
  await page.waitForURL(/\?q=ai&sort=title-asc$/);
  assert.ok((await results(page).count()) <= 24);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a keystroke that rebuilds the list paints a screenful first and a screenful per frame after, busy until whole; narrowing keeps every row; leaving stops the batches', async () => {
  const { page, errors, context } = await app.open('');
  await results(page).nth(23).waitFor();
  // What the list holds in the frame after a keystroke (a frame callback
  // runs before that frame's paint), and once it is no longer busy.
  const type = (text) =>
    page.evaluate(async (text) => {
      const input = document.getElementById('catalogue-search');
      const list = () => document.querySelector('ul.result-list');
      const ids = () => [...list().querySelectorAll(':scope > li.video-card')].map((li) => li.dataset.videoId);
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      const painted = await new Promise((done) => requestAnimationFrame(() => done({ ids: ids(), busy: list().getAttribute('aria-busy') })));
      // Rows shown in each frame after that one, until the list is whole.
      const frames = [];
      await new Promise((done) => {
        const check = () => !list().hasAttribute('aria-busy') && (observer.disconnect(), done());
        const observer = new MutationObserver(check);
        observer.observe(list(), { attributes: true, attributeFilter: ['aria-busy'] });
        const count = () => {
          frames.push(ids().length);
          if (list().hasAttribute('aria-busy')) requestAnimationFrame(count);
        };
        requestAnimationFrame(count);
        check();
      });
      return { painted, frames, settled: ids() };
    }, text);
  const newest = await results(page).evaluateAll((lis) => lis.map((li) => li.dataset.videoId));

  // "t" ranks other lectures first: the list is made again.
  const t = await type('t');
  assert.equal(t.painted.busy, 'true');
  assert.equal(t.painted.ids.length, 8, 'a screenful in the first frame');
  assert.equal(t.settled.length, 24, 'then the whole first page');
  // A screenful per frame: a key typed meanwhile waits for one batch at most.
  const growth = [t.painted.ids.length, ...t.frames, t.settled.length].map((n, i, all) => n - (all[i - 1] ?? 0)).slice(1);
  assert.ok(growth.every((n) => n <= 8), `rows added per frame: ${growth}`);
  assert.deepEqual(t.settled.slice(0, 8), t.painted.ids, 'the rest come after the first rows, which stay');
  assert.notDeepEqual(t.settled, newest);
  // "agen" after "age" only narrows (fewer rows, in the same order): the
  // rows that stay are kept, and all show in the first frame.
  const age = await type('age');
  await page.evaluate(() => (window.keptRows = new Set(document.querySelectorAll('ul.result-list > li.video-card'))));
  const agen = await type('agen');
  assert.ok(agen.settled.length > 0 && agen.settled.length < age.settled.length, `${age.settled.length} → ${agen.settled.length} rows`);
  assert.deepEqual(agen.settled, age.settled.filter((id) => agen.settled.includes(id)), 'a narrowing');
  assert.equal(agen.painted.busy, null);
  assert.deepEqual(agen.painted.ids, agen.settled);
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('ul.result-list > li.video-card')].every((li) => window.keptRows.has(li))));

  // The list built in two steps is the list the URL gives at once.
  await type('t');
  await page.waitForURL(/\?q=t$/);
  await page.reload();
  await mounted(page);
  assert.equal(await page.locator('ul.result-list').getAttribute('aria-busy'), null);
  assert.deepEqual(await results(page).evaluateAll((lis) => lis.map((li) => li.dataset.videoId)), t.settled);

  // Leaving the page while rows are still to come: the batches stop with it.
  const busyWhenLeft = await page.evaluate(async () => {
    const input = document.getElementById('catalogue-search');
    input.value = 'd';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    return new Promise((done) =>
      requestAnimationFrame(() => {
        const busy = document.querySelector('ul.result-list').getAttribute('aria-busy');
        document.querySelector('header a[href$="/progress"]').click();
        done(busy);
      }),
    );
  });
  assert.equal(busyWhenLeft, 'true');
  await page.waitForURL(/\/progress$/);
  // Two frames and a timeout: every batch that was due has had its turn.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
  assert.deepEqual(errors, []);
  await context.close();
});

test('ticking a course in the facet lists it in lecture order, as opening its URL does', async () => {
  const { page, errors, context } = await app.open('');
  const titles = () => page.locator('.result-list .video-title').allInnerTexts();
  // The newest uploads show first, some of this course's among them.
  const n = await facetCount(page, 'series', 'genai2024');
  await facet(page, 'series', 'genai2024').check();
  await page.waitForURL(/\?series=genai2024$/);
  assert.equal(await page.locator('.sort select').inputValue(), 'lecture');
  await page.waitForFunction((n) => document.querySelectorAll('.result-list > li.video-card').length === n, n);
  const ticked = await titles();
  const lectures = ticked.map((t) => Number(t.match(/第(\d+)講/)?.[1]));
  assert.deepEqual(lectures, [...lectures].sort((a, b) => a - b), ticked.join('\n'));
  // The same list as the URL opened directly.
  await page.goto(new URL('?series=genai2024', app.url).href);
  await mounted(page);
  assert.deepEqual(await titles(), ticked);
  assert.deepEqual(errors, []);
  await context.close();
});
