// A catalogue job on the sources page, as the browser tests drive it: run an
// action and wait for the job it starts to end, and read what the page lists.

/** The job states that end a job (`p.catalogue-job[data-state]`). */
export const TERMINAL = ['applied', 'unchanged', 'refused', 'failed'];

/**
 * Runs `act` and resolves to the job's terminal state. The state is watched
 * from before `act`, so a previous job's terminal state is never taken for
 * this one's. Each state's first sighting is kept with its time
 * (`window.__jobTimes`, Date.now(): one clock for every tab), so a test can
 * tell whether two tabs' jobs overlapped.
 */
export async function runJob(page, act, timeout = 60_000) {
  await page.locator('p.catalogue-job[role="status"]').waitFor({ state: 'attached' });
  await page.evaluate(() => {
    const seen = (window.__jobStates = []);
    const times = (window.__jobTimes = []);
    const note = () => {
      const state = document.querySelector('p.catalogue-job')?.dataset.state;
      if (state && seen.at(-1) !== state) {
        seen.push(state);
        times.push([state, Date.now()]);
      }
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
  await act();
  const state = await page
    .waitForFunction(
      (terminal) => {
        const last = window.__jobStates.at(-1);
        return terminal.includes(last) && last;
      },
      TERMINAL,
      { timeout },
    )
    .catch(async (e) => {
      const seen = await page.evaluate(() => [window.__jobStates, document.querySelector('p.catalogue-job')?.textContent]);
      throw new Error(`the job did not end: states ${JSON.stringify(seen)} (${e.message})`);
    });
  return state.jsonValue();
}

/** The problems listed for a refused job, as `FILE:LINE: message` lines. */
export const problems = (page) =>
  page.locator('details.catalogue-problems li').evaluateAll((items) => items.map((li) => li.textContent.trim()));

/** The names of the sources the sources page lists. */
export const sourceNames = (page) =>
  page.locator('ul.source-list > li.source .source-name').evaluateAll((items) => items.map((n) => n.textContent.trim()));
