// <label-scope simulate-noise seed noise-pair>: the element flips the same rows as the JS API, and
// its result event scores the flags against the flips exactly as the API's scoreDetection does.
import { readFileSync } from 'node:fs';
import { createLabelScope } from '../../src/js/index.js';
import { expect, HEADLINES, MNIST, screenshot, test } from './fixtures.mjs';

let lsPromise = null;
const api = () => (lsPromise ??= createLabelScope());

/** What the JS API says for MNIST with this noise: flips, and the default method's score. */
async function expected({ rate, seed, pair }) {
  const ls = await api();
  const classNames = readFileSync(`${MNIST}classes.txt`, 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const dataset = await ls.readDataset(
    {
      labels: { name: 'labels.csv', data: new Uint8Array(readFileSync(`${MNIST}labels.csv`)) },
      predProbs: { name: 'pred_probs.npy', data: new Uint8Array(readFileSync(`${MNIST}pred_probs.npy`)) },
    },
    { classNames },
  );
  try {
    const simulation = ls.simulateNoise({ dataset, rate, seed, ...(pair ? { pair } : {}) });
    const predProbs = dataset.probabilityRows(0, dataset.numExamples);
    const { indices } = ls.findLabelIssues({
      labels: simulation.noisyLabels,
      predProbs,
      numClasses: dataset.numClasses,
      filterBy: 'prune_by_noise_rate',
    });
    const score = ls.scoreDetection({ simulation, flagged: indices });
    const flippedRows = [];
    simulation.isError.forEach((v, i) => {
      if (v) flippedRows.push(i);
    });
    return {
      score,
      flippedRows,
      noisyLabels: Array.from(simulation.noisyLabels),
      indices: Array.from(indices).sort((a, b) => a - b),
    };
  } finally {
    dataset.free();
  }
}

/** Adds an element with these attributes to a page and waits for its result event. */
async function addElement(page, attributes) {
  await page.goto('/examples/embed.html');
  return page.evaluate(
    (attrs) =>
      new Promise((resolve, reject) => {
        const el = document.createElement('label-scope');
        el.id = 'sim';
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        el.addEventListener('labelscope-result', (e) => resolve(e.detail), { once: true });
        el.addEventListener('labelscope-error', (e) => reject(new Error(e.detail.message)), { once: true });
        document.querySelector('main').prepend(el);
      }),
    attributes,
  );
}

const sim = (page) => page.locator('label-scope#sim');

test('simulate-noise="0.1" seed="7": the same flips and the same scores as the JS API', async ({ page }, testInfo) => {
  const want = await expected({ rate: 0.1, seed: 7 });
  const detail = await addElement(page, { demo: 'mnist', 'simulate-noise': '0.1', seed: '7' });
  expect(detail.simulation).toEqual({
    rate: 0.1,
    seed: 7,
    flipped: want.score.flipped,
    found: want.score.found,
    precision: want.score.precision,
    recall: want.score.recall,
  });
  expect(want.score.flipped).toBe(1000);
  const page_ = await sim(page).evaluate((el) => ({
    flippedRows: el.simulation.flippedRows,
    labels: Array.from(el.data.labels),
    issues: Array.from(el.report.issues).sort((a, b) => a - b),
  }));
  expect(page_.flippedRows).toEqual(want.flippedRows);
  expect(page_.labels).toEqual(want.noisyLabels);
  expect(page_.issues).toEqual(want.indices);
  // The flips are the known truth: the page scores against them, and says the probabilities were kept.
  await expect(sim(page).locator('.lz-sim')).toContainText('1,000 of 10,000 labels were flipped');
  await expect(sim(page).locator('.lz-sim')).toContainText('probabilities were kept as given');
  await expect(sim(page).locator('.lz-scores [data-key=found]')).toContainText(`${want.score.found} of 1,000`);
  await expect(sim(page).locator('.truth')).toContainText('Against the known truth');
  await screenshot(page, testInfo, 'simulate-desktop');
});

test('another seed flips other rows; noise-pair flips only between the two classes', async ({ page }) => {
  const want = await expected({ rate: 0.2, seed: 3, pair: '3,5' });
  const detail = await addElement(page, { demo: 'mnist', 'simulate-noise': '0.2', seed: '3', 'noise-pair': '3,5' });
  expect(detail.simulation).toMatchObject({ rate: 0.2, seed: 3, flipped: want.score.flipped, found: want.score.found });
  expect(detail.simulation.precision).toBe(want.score.precision);
  expect(detail.simulation.recall).toBe(want.score.recall);
  const rows = await sim(page).evaluate((el) => ({
    flipped: el.simulation.flippedRows,
    truth: Array.from(el.simulation.trueLabels),
  }));
  expect(rows.flipped).toEqual(want.flippedRows);
  for (const i of rows.flipped) expect([3, 5]).toContain(rows.truth[i]);
  await expect(sim(page).locator('.lz-sim')).toContainText('between 3 and 5');

  // Changing the seed reads the same files again and flips other rows.
  const other = await expected({ rate: 0.2, seed: 4, pair: '3,5' });
  const next = await sim(page).evaluate(
    (el) =>
      new Promise((resolve) => {
        el.addEventListener('labelscope-result', (e) => resolve(e.detail.simulation), { once: true });
        el.setAttribute('seed', '4');
      }),
  );
  expect(next).toMatchObject({ seed: 4, flipped: other.score.flipped, found: other.score.found });
  expect(await sim(page).evaluate((el) => el.simulation.flippedRows)).toEqual(other.flippedRows);
});

test('a bad simulate-noise value is an error that says what to give', async ({ page }) => {
  await page.goto('/examples/embed.html');
  const message = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.createElement('label-scope');
        el.setAttribute('demo', 'headlines');
        el.setAttribute('simulate-noise', 'lots');
        el.addEventListener('labelscope-error', (e) => resolve(e.detail.message), { once: true });
        document.querySelector('main').prepend(el);
      }),
  );
  expect(message).toContain("simulate-noise is 'lots'");
});

test('compact + hide-truth: no verdicts until Reveal, then the flips show as known truth', async ({ page }) => {
  const detail = await addElement(page, {
    demo: 'headlines',
    compact: '',
    'simulate-noise': '0.2',
    seed: '1',
    'hide-truth': '',
  });
  expect(detail.simulation.flipped).toBe(10); // round(0.2 x 49)
  const html = () => sim(page).evaluate((el) => el.shadowRoot.innerHTML);
  expect(await html()).not.toMatch(/Known truth:|real error|label correct/);
  await sim(page).getByRole('button', { name: 'Reveal the truth' }).click();
  await expect(sim(page).locator('.compact-summary')).toContainText('Known truth:');
  await expect(sim(page).getByRole('button', { name: 'Reveal the truth' })).toHaveCount(0);
});

test('compact + lesson: the steps are shown and each fires labelscope-step', async ({ page }) => {
  await page.goto('/examples/embed.html');
  const steps = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const seen = [];
        const el = document.createElement('label-scope');
        el.id = 'sim';
        for (const [k, v] of Object.entries({ demo: 'headlines', compact: '', lesson: '' })) el.setAttribute(k, v);
        el.addEventListener('labelscope-step', (e) => seen.push([e.detail.step, e.detail.index]));
        el.addEventListener('labelscope-result', () => resolve(seen), { once: true });
        document.querySelector('main').prepend(el);
      }),
  );
  expect(steps.map(([, i]) => i)).toEqual([0, 1, 2, 3, 4, 5]);
  await expect(sim(page).locator('.lz-step')).toHaveCount(6);
  await expect(sim(page).locator('.compact-item').first()).toBeVisible();
});

test('a learner makes the noise on the page: the form sets the attributes; the flips found and missed are listed', async ({
  page,
}, testInfo) => {
  const ls = await api();
  const dataset = await ls.readDataset({
    labels: { name: 'labels.csv', data: new Uint8Array(readFileSync(`${HEADLINES}labels.csv`)) },
    predProbs: { name: 'pred_probs.csv', data: new Uint8Array(readFileSync(`${HEADLINES}pred_probs.csv`)) },
  });
  const want = (args) => {
    const simulation = ls.simulateNoise({ dataset, ...args });
    const { indices } = ls.findLabelIssues({
      labels: simulation.noisyLabels,
      predProbs: dataset.probabilityRows(0, dataset.numExamples),
      numClasses: dataset.numClasses,
    });
    const s = ls.scoreDetection({ simulation, flagged: indices });
    return {
      rate: args.rate,
      seed: args.seed,
      flipped: s.flipped,
      found: s.found,
      precision: s.precision,
      recall: s.recall,
    };
  };
  const uniform = want({ rate: 0.2, seed: 1 });
  const paired = want({ rate: 0.2, seed: 1, pair: 'sports,weather' });
  dataset.free();

  await addElement(page, { demo: 'headlines' });
  const form = sim(page).locator('details.lz-make');
  await form.locator('summary').click();
  await form.getByLabel('Labels to flip (%)').fill('20');
  await form.getByLabel('Seed').fill('1');
  const result = () =>
    sim(page).evaluate(
      (el) =>
        new Promise((resolve) => {
          el.addEventListener('labelscope-result', (e) => resolve(e.detail.simulation ?? null), { once: true });
        }),
    );
  let next = result();
  await form.getByRole('button', { name: 'Flip labels' }).click();
  expect(await next).toEqual(uniform);
  expect(await sim(page).getAttribute('simulate-noise')).toBe('0.2');
  // The noisy data keeps the table's id and text columns: the learner can read the flagged headlines.
  const shown = await sim(page).evaluate((el) => ({
    columns: el.data.extraColumns.map((c) => c.name),
    text: el.data.extraColumns.find((c) => c.name === 'text').values[el.report.issues[0]],
  }));
  expect(shown.columns).toEqual(['id', 'text']);
  await expect(sim(page).locator('.results')).toContainText(shown.text);
  // Which flips were found and which missed, row by row (the missed ones with why).
  const lists = sim(page).locator('details.lz-flips');
  await lists.locator('summary').click();
  await expect(lists.locator('section[aria-label="Flips found"] li')).toHaveCount(uniform.found);
  await expect(lists.locator('section[aria-label="Flips missed"] li')).toHaveCount(uniform.flipped - uniform.found);
  await screenshot(page, testInfo, 'make-noise', { fullPage: true });

  // A pair needs both classes; then only those two swap.
  await form.locator('select').first().selectOption({ label: 'sports' });
  await form.getByRole('button', { name: 'Flip labels' }).click();
  await expect(form.getByRole('alert')).toHaveText('Choose both classes of the pair, or neither.');
  await form.locator('select').nth(1).selectOption({ label: 'weather' });
  next = result();
  await form.getByRole('button', { name: 'Flip labels' }).click();
  expect(await next).toEqual(paired);
  expect(await sim(page).getAttribute('noise-pair')).toBe('sports,weather');

  // Remove the noise: the data as given again.
  next = result();
  await form.getByRole('button', { name: 'Remove the noise' }).click();
  expect(await next).toBeNull();
  await expect(sim(page).locator('.lz-sim')).toHaveCount(0);
});

test('the learner chooses the row followed through the steps; a bad row number says what to give', async ({ page }) => {
  await addElement(page, { demo: 'headlines', lesson: '' });
  const form = sim(page).locator('.lz-follow-form');
  await expect(sim(page).locator('.lz-follow')).toContainText('Following row');
  const steps = sim(page).evaluate(
    (el) =>
      new Promise((resolve) => {
        const seen = [];
        el.addEventListener('labelscope-step', (e) => {
          seen.push(e.detail);
          if (seen.length === 6) resolve(seen);
        });
      }),
  );
  await form.getByRole('spinbutton').fill('5');
  await form.getByRole('button', { name: 'Follow' }).click();
  const got = await steps;
  expect(got.map((s) => s.row)).toEqual([5, 5, 5, 5, 5, 5]);
  expect(got[0].rowSentence).toMatch(/^Row 5 is labelled /);
  await expect(sim(page).locator('.lz-follow')).toContainText('Following row 5 ');
  await expect(sim(page).locator('.lz-walk')).toContainText('Row 5: labelled');
  await expect(form.getByRole('spinbutton')).toBeFocused();
  await form.getByRole('spinbutton').fill('50');
  await form.getByRole('button', { name: 'Follow' }).click();
  await expect(form.getByRole('alert')).toHaveText('Give a row number from 1 to 49.');
  await expect(sim(page).locator('.lz-follow')).toContainText('Following row 5 ');
});

test('noise-matrix="[[...]]": asymmetric noise by a matrix, the JS API\'s flips and scores', async ({ page }) => {
  // 30 % of the 4s labelled 9, nothing else (column = true class, each summing to 1).
  const m = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (__, j) => (i === j ? 1 : 0)));
  m[4][4] = 0.7;
  m[9][4] = 0.3;
  const ls = await api();
  const classNames = readFileSync(`${MNIST}classes.txt`, 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const dataset = await ls.readDataset(
    {
      labels: { name: 'labels.csv', data: new Uint8Array(readFileSync(`${MNIST}labels.csv`)) },
      predProbs: { name: 'pred_probs.npy', data: new Uint8Array(readFileSync(`${MNIST}pred_probs.npy`)) },
    },
    { classNames },
  );
  const simulation = ls.simulateNoise({ dataset, noiseMatrix: m, seed: 5 });
  const { indices } = ls.findLabelIssues({
    labels: simulation.noisyLabels,
    predProbs: dataset.probabilityRows(0, dataset.numExamples),
    numClasses: 10,
  });
  const s = ls.scoreDetection({ simulation, flagged: indices });
  dataset.free();

  const detail = await addElement(page, { demo: 'mnist', 'noise-matrix': JSON.stringify(m), seed: '5' });
  expect(detail.simulation).toEqual({
    rate: null,
    seed: 5,
    flipped: s.flipped,
    found: s.found,
    precision: s.precision,
    recall: s.recall,
  });
  expect(await sim(page).evaluate((el) => el.simulation.flippedRows)).toEqual(Array.from(simulation.flipped));
  await expect(sim(page).locator('.lz-sim')).toContainText('by the noise matrix given');
});
