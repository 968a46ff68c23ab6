// Findings of a newcomer trial (a teacher and a learner) on the lesson, the simulation and embedding:
// the panel of probabilities computed here describes and downloads the probabilities analysed; a
// hidden-truth exercise never says "error" for a flip; panels of a previous analysis go; compact
// multi-label; the lesson's layout at 720 px and on a phone; a lesson step shows only its own demo.
import {
  app,
  dropFiles,
  expect,
  HEADLINES,
  openApp,
  ROOT,
  screenshot,
  screenshotsAtSizes,
  test,
  waitReady,
} from './fixtures.mjs';

const TRAINING = { timeout: 300_000 };

/** Adds a <label-scope id="sim"> with these attributes to the embedding page; resolves with its first result. */
async function addElement(page, attributes, { wait = true } = {}) {
  await page.goto('/examples/embed.html');
  return page.evaluate(
    ([attrs, waitForResult]) => {
      const el = document.createElement('label-scope');
      el.id = 'sim';
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      const result = new Promise((resolve, reject) => {
        el.addEventListener('labelscope-result', (e) => resolve(e.detail), { once: true });
        el.addEventListener('labelscope-error', (e) => reject(new Error(e.detail.message)), { once: true });
      });
      document.querySelector('main').prepend(el);
      return waitForResult ? result : null;
    },
    [attributes, wait],
  );
}
const sim = (page) => page.locator('label-scope#sim');

/** Screenshots at both sizes, light and dark; `shown`: a locator scrolled into view first. */
const shots = (page, testInfo, name, shown = null) =>
  screenshotsAtSizes(page, testInfo, name, { show: shown && (() => shown.scrollIntoViewIfNeeded()) });

test('simulated noise, trained again: the panel and its download are of the probabilities analysed', async ({
  page,
}, testInfo) => {
  test.setTimeout(600_000);
  await addElement(page, { demo: 'fashion', 'simulate-noise': '0.1', seed: '7' }, { wait: false });
  const panel = sim(page).locator('.cv-panel');
  await expect(sim(page).locator('.lz-probs')).toHaveAttribute('data-probabilities', 'recomputed', TRAINING);
  await expect(sim(page)).toHaveAttribute('data-state', 'ready');
  await expect(panel.locator('.cv-title')).toContainText('trained on the noisy labels');
  await expect(panel).toHaveAttribute('data-model', 'noisy-labels');
  // The accuracy in the title is the model analysed (the lesson card gives the same); the first one is named as such.
  const lessonAccuracy = await sim(page)
    .locator('.lz-probs')
    .innerText()
    .then((t) => t.match(/accuracy ([\d.]+%)/)[1]);
  await expect(panel.locator('.cv-title')).toContainText(`${lessonAccuracy} accuracy`);
  await expect(panel.locator('.cv-what')).toContainText('The model trained on the original labels scored');
  await expect(panel.locator('.cv-what')).not.toContainText(lessonAccuracy);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download probabilities' }).click(),
  ]);
  const csv = await download.createReadStream().then(
    (s) =>
      new Promise((resolve) => {
        let text = '';
        s.on('data', (d) => (text += d));
        s.on('end', () => resolve(text));
      }),
  );
  const lines = csv.trim().split('\n');
  const analysed = await sim(page).evaluate(async (el) => ({
    n: el.data.numExamples,
    first: Array.from(await el.data.probabilityRows(0, 1)),
    last: Array.from(await el.data.probabilityRows(el.data.numExamples - 1, 1)),
  }));
  expect(lines.length).toBe(analysed.n + 1);
  expect(lines[1].split(',').map(Number)).toEqual(analysed.first);
  expect(lines[analysed.n].split(',').map(Number)).toEqual(analysed.last);
  await shots(page, testInfo, 'cv-panel-noisy', panel);
});

test('hide-truth on simulated noise: a decided row says flipped / not flipped, never "error"; the rest stays hidden', async ({
  page,
}, testInfo) => {
  const detail = await addElement(page, { demo: 'headlines', 'simulate-noise': '0.2', seed: '1', 'hide-truth': '' });
  const rows = await sim(page).evaluate((el) => {
    const issues = Array.from(el.report.issues);
    const flipped = issues.find((i) => el.simulation.isError[i]);
    const notFlipped = issues.find((i) => !el.simulation.isError[i]);
    return { flipped, notFlipped, issues };
  });
  expect(detail.numIssues).toBeGreaterThan(2);
  await expect(sim(page).locator('.vt-c-truth')).toHaveCount(0); // nothing decided: no truth column
  for (const [index, word] of [
    [rows.flipped, 'flipped'],
    [rows.notFlipped, 'not flipped'],
  ]) {
    if (index == null) continue;
    await sim(page).evaluate((el, i) => el.decide(i, 'keep'), index);
    const badge = sim(page).locator(`.vt-spacer .vt-row[data-index="${index}"] .vt-c-truth .badge`);
    await expect(badge).toHaveText(word);
    await expect(badge).not.toHaveAttribute('title', /confirmed label error|label is correct/);
  }
  // An undecided row says why its truth is not shown (and never a verdict).
  const undecided = rows.issues.find((i) => i !== rows.flipped && i !== rows.notFlipped);
  const other = sim(page).locator(`.vt-spacer .vt-row[data-index="${undecided}"] .vt-c-truth .badge`);
  await expect(other).toHaveText('—');
  await expect(other).toHaveAttribute('title', /Hidden: decide this row, or press Reveal the truth/);
  await expect(sim(page).locator('.vt-spacer')).not.toContainText(/\berror\b/);
  await shots(page, testInfo, 'hidden-truth-decided', sim(page).locator('.vt'));
  await sim(page).getByRole('button', { name: 'Reveal the truth' }).click();
  await expect(sim(page).locator(`.vt-spacer .vt-row[data-index="${undecided}"] .vt-c-truth .badge`)).toHaveText(
    /^(flipped|not flipped)$/,
  );
});

test('compact on multi-label data: the health and the top rows, no class table, settings or decisions', async ({
  page,
}, testInfo) => {
  const detail = await addElement(page, { demo: 'news', compact: '' });
  expect(detail.multiLabel).toBe(true);
  const panel = sim(page).locator('[data-testid="multilabel"]');
  await expect(panel).toBeVisible();
  await expect(panel.locator('.ml-summary')).toContainText('Overall label health');
  await expect(panel.locator('.ml-row')).toHaveCount(Math.min(5, detail.numIssues));
  await expect(panel.locator('.ml-row').first().locator('.ml-suggest')).toBeVisible();
  for (const part of ['[data-testid="ml-class-table"]', '.ml-actions', '.ml-filters', '.ml-exports', '.settings'])
    await expect(panel.locator(part)).toHaveCount(0);
  if (detail.numIssues > 5) await expect(panel).toContainText(`…and ${detail.numIssues - 5} more.`);
  await shots(page, testInfo, 'news-compact', panel);
  // max-rows sets how many, as in the single-label compact view.
  const three = await addElement(page, { demo: 'news', compact: '', 'max-rows': '3' });
  expect(three.numIssues).toBe(detail.numIssues);
  await expect(sim(page).locator('.ml-row')).toHaveCount(Math.min(3, detail.numIssues));
});

test('panels of a previous analysis go when other data replaces it', async ({ page }, testInfo) => {
  await openApp(page);
  await dropFiles(page, [`${HEADLINES}dataset.csv`]);
  await waitReady(page);
  const ask = app(page).locator('.keep-files');
  const lesson = app(page).locator('.lz');
  await expect(ask).toBeVisible();
  await expect(lesson).toContainText('Simulate label noise');
  // A demo analysed: the question was about the files before.
  await app(page)
    .getByRole('button', { name: /MNIST test set/ })
    .click();
  await waitReady(page);
  await expect(app(page).locator('.summary [data-stat="examples"]')).toContainText('10,000');
  await expect(ask).toBeHidden();
  await expect(lesson).toBeVisible();
  // Files that still need more input: the results go, and the panels about them too.
  await dropFiles(page, [`${ROOT}examples/multilabel/news.csv`]);
  await expect(app(page)).toHaveAttribute('data-state', 'waiting');
  await expect(app(page).locator('.results')).toBeHidden();
  await expect(lesson).toBeHidden();
  await expect(ask).toBeHidden();
  await shots(page, testInfo, 'news-waiting');
  // Label sets shown after single-label data: the lesson's noise form (single-label) is not theirs.
  await app(page)
    .getByRole('button', { name: /MNIST test set/ })
    .click();
  await waitReady(page);
  await expect(lesson).toBeVisible();
  await app(page)
    .getByRole('button', { name: /News topics/ })
    .click();
  await expect(app(page).locator('[data-testid="multilabel"] .ml-row').first()).toBeVisible();
  await expect(lesson).toBeHidden();
});

test('a lesson step on a named demo shows only its own demo: no drop zone, demo buttons or file list', async ({
  page,
}, testInfo) => {
  await addElement(page, { demo: 'headlines', 'simulate-noise': '0.2', seed: '7', lesson: '' });
  await expect(sim(page).locator('.lz-step').first()).toBeVisible();
  await expect(sim(page).locator('.intake')).toBeHidden();
  await expect(sim(page).getByRole('button', { name: /MNIST test set/ })).toBeHidden();
  await expect(sim(page).getByText('Drop files here')).toBeHidden();
  await shots(page, testInfo, 'lesson-step-own-demo', sim(page));
});

test('the flips missed are counted per reason in words ("1 flip: …"), not as row numbers ("1: …")', async ({
  page,
}) => {
  const detail = await addElement(page, { demo: 'headlines', 'simulate-noise': '0.2', seed: '7' });
  expect(detail.simulation.flipped).toBeGreaterThan(detail.simulation.found); // some missed
  const items = await sim(page).locator('.lz-missed li').allInnerTexts();
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) expect(item).toMatch(/^\d[\d,]* flips?: /);
  const total = items.reduce((a, t) => a + Number(t.match(/^([\d,]+)/)[1].replace(/,/g, '')), 0);
  expect(total).toBe(detail.simulation.flipped - detail.simulation.found);
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('the heatmap says Tap, not Hover', async ({ page }, testInfo) => {
    await openApp(page);
    await app(page)
      .getByRole('button', { name: /Headlines/ })
      .click();
    await waitReady(page);
    const readout = app(page).locator('.readout').first();
    await expect(readout).not.toContainText('Hover'); // one touch hint, in the help (card-fit.spec.mjs)
    await expect(app(page).locator('.matrix-card .help').first()).toContainText(
      'Tap a cell to see its value and list those rows.',
    );
    await readout.scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, 'heatmap-touch-phone-light');
  });
});

test('with a mouse the heatmap says Hover over or focus', async ({ page }) => {
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Headlines/ })
    .click();
  await waitReady(page);
  await expect(app(page).locator('.readout').first()).toHaveText('Hover over or focus a cell to see its value.');
});

test('the MNIST exercise asks only what the page can show: no digit images in the demo, and it says so', async ({
  page,
}) => {
  // The demo's files: labels and probabilities, no pixels (a pixels file here would let the page show the digits).
  const { DEMOS } = await import('../../web/ui/demos.js');
  expect(DEMOS.mnist.files.some((f) => /pixels|images/.test(f))).toBe(false);
  await page.goto('/examples/lesson.html');
  const judge = page.locator('#judge');
  await expect(judge).toContainText('This demo has no digit images');
  await expect(judge).not.toContainText('would you have caught');
});

/** Per row of tiles (by their top), how many tiles it holds. */
function tilesPerRow(locator) {
  return locator.evaluateAll((tiles) => {
    const rows = new Map();
    for (const t of tiles.filter((x) => x.offsetParent)) {
      const top = Math.round(t.getBoundingClientRect().top);
      rows.set(top, (rows.get(top) ?? 0) + 1);
    }
    return [...rows.values()];
  });
}

test('in the lesson’s 720 px column: five tiles as three and two, names break at underscores, "393 of 398" on one line', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/examples/lesson.html');
  const steps = page.locator('label-scope#steps');
  await expect(steps).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
  const tiles = steps.locator('dl.summary[aria-label="Summary"] > .stat');
  await expect(tiles).toHaveCount(5);
  const rows = await tilesPerRow(tiles);
  expect(Math.min(...rows), `tiles per row: ${rows}`).toBeGreaterThan(1);
  // Each part of overall_label_health_score stays whole on its line (a break only after an underscore).
  const split = await steps.locator('[data-stat="health"] .stat-help').evaluate((help) => {
    const broken = [];
    const walker = document.createTreeWalker(help, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[^\s_]+_?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
  expect(split).toEqual([]);
  // The truth's numbers ("393 of 398") each on one line.
  const values = steps.locator('.truth-stats .stat-value');
  await expect(values.first()).toBeVisible();
  const heights = await values.evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)),
  );
  for (const lines of heights) expect(lines).toBeLessThan(1.5);
  await steps.locator('dl.summary[aria-label="Summary"]').scrollIntoViewIfNeeded();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, testInfo, `lesson-720-tiles-${scheme}`);
    await steps.locator('.truth').scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `lesson-720-truth-${scheme}`);
    await steps.locator('dl.summary[aria-label="Summary"]').scrollIntoViewIfNeeded();
  }
});

/** For each card drawn: the blank band between its explanation and its numbers, and whether a number is cut. */
function cardGaps(table) {
  return table.locator('.vt-spacer .vt-row').evaluateAll((rows) =>
    rows.map((row) => {
      const box = (sel) => row.querySelector(sel)?.getBoundingClientRect();
      const example = row.querySelector('.vt-c-example');
      const content = [...example.children].reduce((b, c) => Math.max(b, c.getBoundingClientRect().bottom), 0);
      const numbers = box('.vt-c-quality');
      const cut = [...row.querySelectorAll('.vt-c-quality, .vt-c-pGiven, .vt-c-pSuggested')].some(
        (c) => c.scrollWidth > c.clientWidth + 1,
      );
      return { band: Math.round(numbers.top - content), height: Math.round(row.getBoundingClientRect().height), cut };
    }),
  );
}

for (const demo of ['MNIST test set', 'Headlines']) {
  test(`phone cards (${demo}): no blank band under the explanation, no number cut`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page);
    await app(page)
      .getByRole('button', { name: new RegExp(demo) })
      .click();
    await waitReady(page);
    const table = app(page).locator('.vt');
    await expect(table).toHaveClass(/narrow/);
    await table.scrollIntoViewIfNeeded();
    const cards = await cardGaps(table);
    expect(cards.length).toBeGreaterThan(2);
    for (const card of cards) {
      expect(card.band, JSON.stringify(cards)).toBeLessThan(12);
      expect(card.cut).toBe(false);
    }
    // Deciding keeps every card's height (the decision line was kept free).
    const before = cards[0].height;
    await page.keyboard.press('Escape');
    await app(page).evaluate((el) => el.decide(el.report.issues[0], 'accept'));
    await expect(table.locator('.vt-spacer .vt-row').first().locator('.decision-badge')).toBeVisible();
    expect((await cardGaps(table))[0].height).toBe(before);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, testInfo, `cards-${demo.split(' ')[0]}-phone-${scheme}`);
    }
  });
}

test('the lesson’s 720 px column: its cards have no blank band either', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/examples/lesson.html');
  const noisy = page.locator('label-scope#noisy');
  await expect(noisy).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
  const table = noisy.locator('.vt');
  await table.scrollIntoViewIfNeeded();
  await expect(table).toHaveClass(/narrow/);
  for (const card of await cardGaps(table)) {
    expect(card.band).toBeLessThan(12);
    expect(card.cut).toBe(false);
  }
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, testInfo, `lesson-720-cards-${scheme}`);
  }
});
