// Takes the README screenshots from the real app in headless Chromium:
//   scripts/screenshots   (builds, serves dist/ on 127.0.0.1, writes docs/screenshots/*.png)
import { mkdir } from 'node:fs/promises';
import { serve } from '../tests/e2e/support/server.mjs';
import { launch, openPage } from '../tests/e2e/support/browser.mjs';
import { mounted } from '../tests/e2e/support/app.mjs';

const OUT = 'docs/screenshots';
const now = Date.UTC(2026, 10, 1);
// A student a few weeks into the 2024 course, with one exam playlist.
const study = {
  schema: 2,
  progress: Object.fromEntries(
    [
      ['AVIKFXLCPY8', 'watched'],
      ['JGtqpQXfJis', 'watched'],
      ['glBhOQ1_RkE', 'watched'],
      ['A3Yx35KrSN0', 'in-progress', 2050],
    ].map(([id, state, resume_secs]) => [id, { state, ...(resume_secs ? { resume_secs } : {}), updated_at: now }]),
  ),
  notes: {
    A3Yx35KrSN0: { text: '12:30 神奇咒語的例子很好懂；34:10 之後再看一次。', updated_at: now },
  },
  playlists: {
    exam: {
      id: 'exam',
      name: '期中考複習',
      videos: ['AVIKFXLCPY8', 'JGtqpQXfJis', 'glBhOQ1_RkE', 'A3Yx35KrSN0', 'lwe3_x50_uw'],
      created_at: now,
      updated_at: now,
    },
  },
  settings: { locale: { value: 'zh-TW', updated_at: now } },
};

const shots = [
  { name: 'catalogue', path: '', viewport: { width: 1280, height: 860 } },
  { name: 'search', path: '?q=%E6%89%A9%E6%95%A3&sort=date-desc', viewport: { width: 1280, height: 860 } },
  { name: 'video', path: 'video/A3Yx35KrSN0', viewport: { width: 1280, height: 1000 } },
  { name: 'progress', path: 'progress', viewport: { width: 1280, height: 860 } },
  { name: 'playlist', path: 'playlists/exam', viewport: { width: 1280, height: 860 } },
  { name: 'phone-dark', path: '?q=agent', viewport: { width: 360, height: 780 }, colorScheme: 'dark' },
  // Phones (issue 12): results first, the filter panel opened from its button, a video.
  { name: 'phone-catalogue', path: '', phone: true },
  {
    name: 'phone-filters',
    path: '?year=2024',
    phone: true,
    act: async (page) => {
      await page.locator('#filters-toggle').click();
      await page.locator('#facet-panel').waitFor({ state: 'visible' });
    },
  },
  { name: 'phone-video', path: 'video/A3Yx35KrSN0', phone: true },
];
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

await mkdir(OUT, { recursive: true });
const server = await serve(process.argv[2] ?? 'dist');
const browser = await launch();
for (const shot of shots) {
  const { context, page } = await openPage(browser, {
    ...(shot.phone ? PHONE : {}),
    viewport: shot.viewport ?? PHONE.viewport,
    colorScheme: shot.colorScheme ?? 'light',
    deviceScaleFactor: 1,
    thumbnails: 'unreachable',
  });
  await context.addInitScript((state) => localStorage.setItem('lecture-shelf/study', JSON.stringify(state)), study);
  await page.goto(new URL(shot.path, server.url).href);
  await mounted(page);
  await shot.act?.(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${shot.name}.png` });
  console.log(`${OUT}/${shot.name}.png`);
  await context.close();
}
await browser.close();
await server.close();
