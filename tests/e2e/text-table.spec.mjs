// A labelled table of ids and free text (id,text,label), no numbers and no model: the page offers to
// compute the probabilities from the text, as the CLI's `cross-val --data` does, and its ranking is
// the JS API's. It was taken as a labels file waiting for probabilities (a newcomer's dead end). The
// same table dropped with a probabilities file is still analysed with those probabilities.
import { readFileSync } from 'node:fs';
import { createLabelScope } from '../../src/js/index.js';
import { app, dropFiles, expect, HEADLINES, openApp, pageIssues, screenshot, test, waitReady } from './fixtures.mjs';

const AUDIT = { filterBy: 'prune_by_noise_rate', rankBy: 'self_confidence' }; // the page's defaults

/** examples/headlines/dataset.csv cut to its id, text and label columns. */
function textTable() {
  const lines = readFileSync(`${HEADLINES}dataset.csv`, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const keep = ['id', 'text', 'label'].map((name) => header.indexOf(name));
  const cut = (line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, ''));
    return keep.map((k) => cells[k]).join(',');
  };
  return `${lines.map(cut).join('\n')}\n`;
}

test('id, text and label only: compute the probabilities from the text, ranked as the JS API ranks them', async ({
  page,
}, testInfo) => {
  const text = textTable();
  expect(text.split('\n')[0]).toBe('id,text,label');
  const ls = await createLabelScope();
  const cv = await ls.crossValProbs({ combined: { name: 'headlines_text.csv', data: text } });
  const expected = Array.from(ls.audit(cv, AUDIT).issues);

  await openApp(page);
  await dropFiles(page, [{ name: 'headlines_text.csv', text }]);
  const compute = app(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ });
  await expect(compute).toBeVisible();
  await expect(app(page)).not.toContainText('Now add the predicted probabilities');
  // The next step of a normal path, in the page's neutral colours: not the reader's complaint.
  const alert = app(page).locator('.alert');
  await expect(alert).toContainText('headlines_text.csv is a labelled table (id, text, label)');
  await expect(alert).not.toContainText('No probability columns found');
  await expect(alert).toHaveClass(/alert-question/);
  await screenshot(page, testInfo, 'text-table-offer');
  await compute.click();
  await waitReady(page);
  await expect(app(page).locator('.cv-panel')).toHaveAttribute('data-state', 'done');
  await expect(app(page).locator('.cv-panel select.cv-role[data-column="text"]')).toHaveValue('text');
  expect(await pageIssues(page)).toEqual(expected);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('49');
  // 49 headlines are too few to learn 4 topics from their words: the page says so with the results.
  expect(cv.warnings.map((w) => w.code)).toEqual(['weak_model']);
  await expect(app(page).locator('.warnings')).toContainText('The model computed here learned little');
  await screenshot(page, testInfo, 'text-table-weak-model');
});

test('the same table dropped with a probabilities file is analysed with those probabilities', async ({ page }) => {
  const text = textTable();
  const ls = await createLabelScope();
  const dataset = await ls.readDataset({
    labels: { name: 'headlines_text.csv', data: text },
    predProbs: { name: 'pred_probs.csv', data: readFileSync(`${HEADLINES}pred_probs.csv`, 'utf8') },
  });
  const expected = Array.from(ls.audit(dataset, AUDIT).issues);
  dataset.free();

  await openApp(page);
  await dropFiles(page, [{ name: 'headlines_text.csv', text }, `${HEADLINES}pred_probs.csv`]);
  await waitReady(page);
  expect(await pageIssues(page)).toEqual(expected);
  await expect(app(page)).toContainText('headlines_text.csv → labels · pred_probs.csv → probabilities');
  await expect(app(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ })).toHaveCount(0);
});
