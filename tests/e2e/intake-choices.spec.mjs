// The page never analyses something other than what it says it will, and speaks its own language
// (a newcomer's trial): errors from the JS API name the page's controls, not the API's options; a
// label column the person chose is said to be theirs and stays chosen (and read) while other files
// come; a file dropped after a demo never pairs with the demo's files; the "Analyse" of a cancelled
// analysis goes once other files are listed; results of the files before are marked while new ones
// are read; a computation cancelled for other files goes back to the files analysed; the theme
// attribute keeps an embedded element light (or dark) whatever the visitor's system.
import { app, dropFiles, expect, HEADLINES, openApp, screenshotsAtSizes, test, waitReady } from './fixtures.mjs';
import { hold, heldCount, holdWorker, releaseHeld } from './hold-worker.mjs';

const CLASSES = ['billing', 'shipping', 'technical'];
/** 90 tickets: numbers that say the class, a given label and a reviewed one (every 10th differs); deterministic. */
function tickets() {
  return Array.from({ length: 90 }, (_, i) => {
    const c = i % 3;
    return {
      id: `T${1000 + i}`,
      wait: (c + 0.37 * ((i * 7) % 5)).toFixed(2),
      amount: (10 * c + 3.1 * ((i * 11) % 7)).toFixed(2),
      label: CLASSES[c],
      reviewed: CLASSES[(c + (i % 10 === 0 ? 1 : 0)) % 3],
    };
  });
}
const csv = (name, header, rowOf) => ({
  name,
  text: `${[header.join(','), ...tickets().map((r) => rowOf(r).join(','))].join('\n')}\n`,
});
const TWO_LABELS = csv('tickets.csv', ['ticket_id', 'wait_days', 'amount', 'label', 'reviewed'], (r) => [
  r.id,
  r.wait,
  r.amount,
  r.label,
  r.reviewed,
]);
const PROBS = csv('probs.csv', CLASSES, (r) => CLASSES.map((c) => (c === r.label ? 0.8 : 0.1)));
// A model that agrees with the reviewed labels: every 10th given label is flagged.
const REVIEWED_PROBS = csv('model.csv', CLASSES, (r) => CLASSES.map((c) => (c === r.reviewed ? 0.8 : 0.1)));

const alert = (page) => app(page).locator('.alert');
const fileRow = (page, name) =>
  app(page).locator('.file-list li', { has: page.locator('.file-name', { hasText: name }) });
const openFiles = (page) =>
  app(page).evaluate((el) => {
    el.shadowRoot.querySelector('details.files').open = true;
  });
const examples = (page) => app(page).locator('[data-stat=examples] .stat-value');
// Words of the JS API (its options, methods) or the CLI (flags) that mean nothing on the page.
const NOT_PAGE = /\boption\b|readDataset|labelColumn|allowUnnormalized|--[a-z]/;

/** Screenshots at both sizes, light and dark; `shown`: a locator scrolled into view first. */
const shots = (page, testInfo, name, shown = null) =>
  screenshotsAtSizes(page, testInfo, name, { show: shown && (() => shown.scrollIntoViewIfNeeded()) });

test("errors on the page name the page's controls, not the JS API's options", async ({ page }, testInfo) => {
  // Scores named after the classes, rows not summing to 1: read as probabilities, refused as implausible.
  const scores = csv('scores.csv', ['ticket_id', 'wait', 'amount', 'category', ...CLASSES], (r) => [
    r.id,
    r.wait,
    r.amount,
    r.label,
    ...CLASSES.map((c) => (c === r.label ? 0.7 : 0.4)),
  ]);
  await openApp(page);
  await dropFiles(page, [scores]);
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  // The trainer sees the class-named columns: "analyse it as it is, or name the feature columns".
  const message = alert(page).locator('.alert-message');
  await expect(message).toContainText('Analyse it as it is (used as one table in the list of files)');
  await expect(message).toContainText('(“Choose the columns first”, then set how each column is used)');
  expect(await message.textContent()).not.toMatch(NOT_PAGE);
  await shots(page, testInfo, 'page-words-features', alert(page));

  const implausible = {
    name: 'given.csv',
    text: `label,billing,shipping,technical\n${tickets()
      .map((r) => [r.label, ...CLASSES.map((c) => (c === r.label ? 0.9 : 0.3))].join(','))
      .join('\n')}\n`,
  };
  await openApp(page);
  await dropFiles(page, [implausible]);
  await expect(message).toContainText('(“These are probabilities — analyse anyway”, below)');
  await expect(alert(page).getByLabel('These are probabilities — analyse anyway')).toBeVisible();
  expect(await message.textContent()).not.toMatch(NOT_PAGE);
  await shots(page, testInfo, 'page-words-implausible', alert(page));
});

test('a label column chosen: said to be yours, and still the one read after probabilities are added', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await dropFiles(page, [TWO_LABELS]);
  const reason = fileRow(page, 'tickets.csv').locator('.file-reason');
  await expect(reason).toHaveText("Guessed from: a 'label' column next to numbers that look like features");
  await fileRow(page, 'tickets.csv').locator('select.label-column').selectOption('reviewed');
  await expect(reason).toHaveText('Chosen by you: the label column ‘reviewed’');
  await expect(alert(page)).toContainText("the label column 'reviewed' next to columns that look like features");
  await shots(page, testInfo, 'label-chosen', fileRow(page, 'tickets.csv'));

  await dropFiles(page, [PROBS]);
  await waitReady(page);
  await openFiles(page);
  await expect(fileRow(page, 'tickets.csv').locator('select.label-column')).toHaveValue('reviewed');
  await expect(reason).toHaveText('Chosen by you: the label column ‘reviewed’');
  await expect(app(page).locator('.files .read-summary')).toContainText(
    'Shown alongside: ticket_id, wait_days, amount and label.',
  );
  const read = await app(page).evaluate((el) => ({ labels: Array.from(el.data.labels), names: el.data.classNames }));
  expect(read.labels.map((k) => read.names[k])).toEqual(tickets().map((r) => r.reviewed));
  await shots(page, testInfo, 'label-chosen-pair', fileRow(page, 'tickets.csv'));

  // The probabilities set aside and used again: the person's roles and label column are still theirs.
  await fileRow(page, 'probs.csv').locator('.file-field select').first().selectOption('ignore');
  await expect(fileRow(page, 'probs.csv').locator('.file-reason')).toHaveText('Chosen by you: its use');
  await fileRow(page, 'probs.csv').locator('.file-field select').first().selectOption('predProbs');
  await waitReady(page);
  await openFiles(page);
  await expect(fileRow(page, 'tickets.csv').locator('select.label-column')).toHaveValue('reviewed');
  const again = await app(page).evaluate((el) => Array.from(el.data.labels));
  expect(again).toEqual(read.labels);
});

test('columns chosen in "Choose the columns first" stay chosen, and computed, when a known-truth file is added', async ({
  page,
}, testInfo) => {
  const table = csv('tickets_plan.csv', ['ticket_id', 'wait_days', 'amount', 'plan', 'category'], (r) => [
    r.id,
    r.wait,
    r.amount,
    r.id.endsWith('1') ? 'pro' : 'free',
    r.label,
  ]);
  const truth = { name: 'truth.csv', text: 'index,is_error\n0,1\n' };
  const panel = app(page).locator('.cv-panel');
  const plan = panel.locator('select[data-column=plan]');
  const summary = app(page).locator('.files .read-summary');
  const chooseFirst = async () => {
    await openApp(page);
    await dropFiles(page, [table]);
    await alert(page).getByRole('button', { name: 'Choose the columns first' }).click();
    await expect(panel).toHaveAttribute('data-state', 'columns');
    await plan.selectOption('ignore');
    await dropFiles(page, [truth]);
    await expect(fileRow(page, 'truth.csv')).toBeAttached();
    await expect(plan).toHaveValue('ignore');
  };
  // Computed from the button under the error: the roles the table shows.
  await chooseFirst();
  await shots(page, testInfo, 'columns-kept', panel);
  await alert(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  await expect(summary).toContainText('Features: wait_days and amount.');
  // The table of columns asked for again: the same selections.
  await chooseFirst();
  await alert(page).getByRole('button', { name: 'Choose the columns first' }).click();
  await expect(panel).toHaveAttribute('data-state', 'columns');
  await expect(plan).toHaveValue('ignore');
  await panel.getByRole('button', { name: 'Compute with these columns' }).click();
  await waitReady(page);
  await expect(summary).toContainText('Features: wait_days and amount.');
});

test('another label column while decisions are shown: asked first; kept, nothing is read; read, the decisions come back with the first column', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await dropFiles(page, [TWO_LABELS, REVIEWED_PROBS]);
  await waitReady(page);
  const made = await app(page).evaluate((el) => {
    el.decide(el.report.issues[0], 'keep');
    el.decide(el.report.issues[1], 'accept');
    return el.decisions.map((d) => [d.index, d.decision, d.label]);
  });
  const issues = await app(page).evaluate((el) => Array.from(el.report.issues));
  const reads = (await app(page).evaluate((el) => el.stats)).reads;
  await openFiles(page);
  const column = fileRow(page, 'tickets.csv').locator('select.label-column');
  await expect(column).toHaveValue('label');
  await column.selectOption('reviewed');
  const ask = fileRow(page, 'tickets.csv').locator('.column-ask');
  await expect(ask).toContainText(
    'Read the labels from ‘reviewed’ instead of ‘label’? The results below go. Your 2 decisions on them are kept ' +
      'with ‘label’ and come back when you choose it again.',
  );
  // Nothing read or hidden while asked.
  await expect(app(page)).toHaveAttribute('data-state', 'ready');
  expect((await app(page).evaluate((el) => el.stats)).reads).toBe(reads);
  await expect(app(page).locator('.results')).toBeVisible();
  await shots(page, testInfo, 'label-column-ask', fileRow(page, 'tickets.csv'));
  await ask.getByRole('button', { name: 'Keep ‘label’' }).click();
  await expect(ask).toHaveCount(0);
  await expect(column).toHaveValue('label');
  expect((await app(page).evaluate((el) => el.stats)).reads).toBe(reads);
  expect(await app(page).evaluate((el) => el.decisions.length)).toBe(2);

  await column.selectOption('reviewed');
  await ask.getByRole('button', { name: 'Read ‘reviewed’' }).click();
  await waitReady(page);
  await expect(app(page).locator('.files .read-summary')).toContainText(
    'Shown alongside: ticket_id, wait_days, amount and label.',
  );
  const read = await app(page).evaluate((el) => ({ labels: Array.from(el.data.labels), names: el.data.classNames }));
  expect(read.labels.map((k) => read.names[k])).toEqual(tickets().map((r) => r.reviewed));
  expect(await app(page).evaluate((el) => el.decisions.length)).toBe(0);
  // No decisions on these results: the first column comes back at once, with its results and decisions.
  await openFiles(page);
  await fileRow(page, 'tickets.csv').locator('select.label-column').selectOption('label');
  await waitReady(page);
  expect(await app(page).evaluate((el) => Array.from(el.report.issues))).toEqual(issues);
  expect(await app(page).evaluate((el) => el.decisions.map((d) => [d.index, d.decision, d.label]))).toEqual(made);
});

test('another label column chosen in the list of files: the table of columns read with the old one goes', async ({
  page,
}) => {
  await openApp(page);
  await dropFiles(page, [TWO_LABELS]);
  await alert(page).getByRole('button', { name: 'Choose the columns first' }).click();
  const panel = app(page).locator('.cv-panel');
  await expect(panel.locator('select[data-column=label]')).toHaveValue('label');
  await fileRow(page, 'tickets.csv').locator('select.label-column').selectOption('reviewed');
  await expect(panel).toBeHidden(); // it said 'label' is the label
  await alert(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  await expect(app(page).locator('.files .read-summary')).toContainText('Label column: reviewed.');
  const read = await app(page).evaluate((el) => ({ labels: Array.from(el.data.labels), names: el.data.classNames }));
  expect(read.labels.map((k) => read.names[k])).toEqual(tickets().map((r) => r.reviewed));
});

test("a file dropped after a demo starts the person's own set: never paired with the demo's table", async ({
  page,
}) => {
  await openApp(page);
  await app(page).locator('button[data-demo=headlines]').click();
  await waitReady(page);
  const probs = {
    name: 'my_probs.csv',
    text: `sports,weather,cooking,technology\n${Array.from({ length: 49 }, (_, i) =>
      [0, 1, 2, 3].map((k) => (k === i % 4 ? 0.7 : 0.1)).join(','),
    ).join('\n')}\n`,
  };
  await dropFiles(page, [probs]);
  await expect(app(page)).toHaveAttribute('data-state', 'waiting');
  await expect(app(page).locator('.file-name')).toHaveText(['my_probs.csv']);
  await expect(app(page).locator('.files .next-step')).toContainText('Now add the given labels');
  await expect(app(page).locator('.results')).toBeHidden();
});

test.describe('with the worker held', () => {
  test.beforeEach(async ({ page }) => {
    await holdWorker(page, ['readDataset', 'audit']);
  });

  test('an analysis cancelled, then other files: its "Analyse" goes, nothing else is analysed', async ({ page }) => {
    await openApp(page);
    await dropFiles(page, [TWO_LABELS, PROBS]);
    await waitReady(page);
    await openFiles(page);
    await hold(page, true);
    await fileRow(page, 'tickets.csv').locator('select.label-column').selectOption('reviewed');
    await expect.poll(() => heldCount(page)).toBe(1); // the read
    await releaseHeld(page);
    await expect.poll(() => heldCount(page)).toBe(1); // the analysis
    await app(page).locator('.status .progress').getByRole('button', { name: 'Cancel' }).click();
    await hold(page, false);
    await releaseHeld(page);
    const notice = app(page).locator('.notice');
    await expect(notice.getByRole('button', { name: 'Analyse' })).toBeVisible();
    await dropFiles(page, [
      {
        name: 'labels_only.csv',
        text: `label\n${tickets()
          .map((r) => r.label)
          .join('\n')}\n`,
      },
    ]);
    await expect(app(page)).toHaveAttribute('data-state', 'waiting');
    await expect(notice).toBeHidden();
    await expect(app(page).locator('.results')).toBeHidden();
    expect(await app(page).evaluate((el) => el.report)).toBeNull();
  });

  test('while other files are read, the results of the files before are marked and cannot be used', async ({
    page,
  }, testInfo) => {
    await openApp(page);
    await dropFiles(page, [TWO_LABELS, PROBS]);
    await waitReady(page);
    const results = app(page).locator('.results');
    await expect(results).not.toHaveClass(/stale/);
    await hold(page, true);
    await dropFiles(page, [
      { name: 'labels.csv', buffer: await readExample('labels.csv') },
      { name: 'pred_probs.csv', buffer: await readExample('pred_probs.csv') },
    ]);
    await expect.poll(() => heldCount(page)).toBe(1);
    await expect(results).toHaveClass(/stale/);
    expect(await results.evaluate((node) => node.inert)).toBe(true);
    const note = app(page).locator('.stale-note');
    await expect(note).toHaveText(
      'The results below are of the files read before; the files listed above are being read.',
    );
    await shots(page, testInfo, 'stale-results');
    await hold(page, false);
    await releaseHeld(page);
    await waitReady(page);
    await expect(examples(page)).toHaveText('49');
    await expect(results).not.toHaveClass(/stale/);
    await expect(note).toBeHidden();
    expect(await results.evaluate((node) => node.inert)).toBe(false);

    // Cancelled while read: the files before are listed again, their results usable again.
    await hold(page, true);
    await dropFiles(page, [TWO_LABELS, PROBS]);
    await expect.poll(() => heldCount(page)).toBe(1);
    await expect(results).toHaveClass(/stale/);
    await app(page).locator('.status .progress').getByRole('button', { name: 'Cancel' }).click();
    await expect(app(page).locator('.notice')).toHaveText('Cancelled. Showing the previous results.');
    await expect(results).not.toHaveClass(/stale/);
    await expect(app(page).locator('.file-name')).toHaveText(['labels.csv', 'pred_probs.csv']);
    await hold(page, false);
    await releaseHeld(page);
  });
});

test('a demo computed here, cancelled: the files listed go back to those whose results are shown', async ({ page }) => {
  await openApp(page);
  await app(page).locator('button[data-demo=headlines]').click();
  await waitReady(page);
  await app(page).locator('button[data-demo=fashion]').click();
  await expect(app(page).locator('.file-name')).toHaveText(['labels.csv', 'pixels.npy']);
  await expect(app(page).locator('.results')).toHaveClass(/stale/);
  await app(page).locator('.cv-panel .cv-cancel').click();
  await expect(app(page).locator('.notice')).toHaveText('Cancelled. Showing the previous results.');
  await expect(app(page).locator('.cv-panel')).toBeHidden(); // it was about the demo's files
  await expect(app(page).locator('.file-name')).toHaveText(['dataset.csv']);
  await expect(app(page).locator('.results')).not.toHaveClass(/stale/);
  await expect(examples(page)).toHaveText('49');
});

test('theme="light" stays light on a dark system, theme="dark" is dark on a light one; auto follows', async ({
  page,
}, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/examples/embed.html');
  await expect(page.locator('label-scope')).toHaveAttribute('data-state', 'ready');
  const bg = (theme) =>
    page.evaluate((value) => {
      const el = document.createElement('label-scope');
      if (value) el.setAttribute('theme', value);
      document.querySelector('main').prepend(el);
      const style = getComputedStyle(el);
      const out = {
        bg: style.getPropertyValue('--ls-bg').trim(),
        scheme: style.colorScheme,
        paint: style.backgroundColor,
      };
      el.remove();
      return out;
    }, theme);
  expect((await bg(null)).bg).toBe('#12151b'); // today's behaviour: the system's dark
  expect((await bg('light')).bg).toBe('#ffffff');
  expect((await bg('light')).scheme).toBe('light');
  expect((await bg('LIGHT')).bg).toBe('#ffffff');
  expect((await bg('dark')).bg).toBe('#12151b');
  expect((await bg('auto')).bg).toBe('#12151b');
  await page.emulateMedia({ colorScheme: 'light' });
  expect((await bg('dark')).bg).toBe('#12151b');
  expect((await bg('dark')).paint).toBe('rgb(18, 21, 27)');
  expect((await bg(null)).bg).toBe('#ffffff');
  // The lesson's element, light on a dark system.
  await page.locator('label-scope').evaluate((el) => el.setAttribute('theme', 'light'));
  await page.locator('#analysis').evaluate((details) => {
    details.open = true; // the lesson folds its analysis away
  });
  await screenshotsAtSizes(page, testInfo, 'theme-light', {
    show: () => page.locator('label-scope').scrollIntoViewIfNeeded(),
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(
    await page.locator('label-scope').evaluate((el) => getComputedStyle(el).getPropertyValue('--ls-text').trim()),
  ).toBe('#1a1d23');
});

async function readExample(name) {
  const { readFile } = await import('node:fs/promises');
  return readFile(`${HEADLINES}${name}`);
}
