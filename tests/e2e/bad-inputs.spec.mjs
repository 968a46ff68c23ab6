// The bad-input catalogue (tests/fixtures/bad) dropped on the page, one after another on one page:
// each error is shown with its file/row/column and message, warning-only cases are analysed with
// their warnings, and a good file is accepted after every case. Then: data stays inert (no markup,
// no script from cells or class names, in the page and in a second <label-scope>), and exported
// CSVs neutralise spreadsheet formulas.
import { readFileSync } from 'node:fs';
import { badCases, GOOD } from '../fixtures/bad/catalogue.mjs';
import { errorWhere } from './bad-inputs-helpers.mjs';
import { app, chooseFiles, expect, openApp, parseCsv, test, waitReady } from './fixtures.mjs';

const GOOD_FILES = [
  { name: 'labels.csv', text: GOOD.labels },
  { name: 'pred_probs.csv', text: GOOD.predProbs },
];

test('every catalogue case: a visible error naming the place (or warnings), then a good file works', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openApp(page);
  const el = app(page);
  for (const c of badCases()) {
    await chooseFiles(page, [
      { name: c.files.labels, buffer: c.bytes.labels },
      { name: c.files.predProbs, buffer: c.bytes.predProbs },
    ]);
    if (c.error) {
      // A file the reader refuses on sight is turned away at once; the other file may stay, waiting.
      await expect.soft(el.locator('.alert'), c.name).toBeVisible();
      await expect.soft(el, c.name).not.toHaveAttribute('data-state', 'ready');
      const where = errorWhere(c.error);
      if (where) await expect.soft(el.locator('.alert-where'), c.name).toHaveText(`${where}:`);
      await expect.soft(el.locator('.alert-message'), c.name).toHaveText(c.error.message);
    } else {
      await expect.soft(el, c.name).toHaveAttribute('data-state', 'ready');
      for (const w of c.warnings) await expect.soft(el.locator('.warnings'), c.name).toContainText(w.message);
      if (c.warnings.length === 0) await expect.soft(el.locator('.warnings'), c.name).toHaveCount(0);
    }
    await chooseFiles(page, GOOD_FILES);
    await waitReady(page);
    await expect(el.locator('.alert'), `${c.name}: the error goes away`).toBeHidden();
  }
});

// ---- inert data ---------------------------------------------------------------------------------

const HOSTILE_CLASS = '<script>alert(1)</script>';
const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';
const DATASET = [
  `id,text,label,${HOSTILE_CLASS},=1+2,@SUM(A1)`,
  `1,${HOSTILE_TEXT},${HOSTILE_CLASS},0.1,0.8,0.1`,
  '2,=HYPERLINK(1),=1+2,0.1,0.8,0.1',
  '3,+cmd,@SUM(A1),0.1,0.1,0.8',
  '4,-cmd,@SUM(A1),0.1,0.1,0.8',
  `5,@me,${HOSTILE_CLASS},0.8,0.1,0.1`,
  '6,-0.5,=1+2,0.1,0.8,0.1',
  `7,plain,${HOSTILE_CLASS},0.8,0.1,0.1`,
  '8,plain,=1+2,0.1,0.8,0.1',
  '9,plain,@SUM(A1),0.1,0.1,0.8',
  `10,plain,${HOSTILE_CLASS},0.1,0.1,0.8`,
].join('\n');

async function watchForScripts(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  return dialogs;
}

async function checkInert(page, scope, dialogs) {
  await expect(scope).toHaveAttribute('data-state', 'ready');
  await expect(scope.locator('.vt-row').first()).toBeVisible();
  // The hostile class name shows as text somewhere in the element.
  await expect(scope.getByText(HOSTILE_CLASS).first()).toBeVisible();
  // No element was created from data: no <img> anywhere, no <script> inside the element.
  const counts = await scope.evaluate((el) => {
    const all = (root) =>
      [root, ...root.querySelectorAll('*')].flatMap((n) => (n.shadowRoot ? [n, ...all(n.shadowRoot)] : [n]));
    const nodes = all(el.shadowRoot ?? el);
    return {
      // The page's own logo is an <img>; one made from data would carry src=x or an onerror.
      img: [...nodes, ...document.querySelectorAll('img')].filter(
        (n) => n.tagName === 'IMG' && (n.getAttribute('src') === 'x' || n.hasAttribute('onerror')),
      ).length,
      script: nodes.filter((n) => n.tagName === 'SCRIPT').length,
      text: nodes.some((n) => n.textContent?.includes('<script>alert(1)</script>')),
    };
  });
  expect(counts).toEqual({ img: 0, script: 0, text: true });
  await page.waitForTimeout(300); // an onerror would fire right away
  expect(dialogs).toEqual([]);
}

test('a text cell with markup and a class named <script> show literally and run nothing (page)', async ({ page }) => {
  const dialogs = await watchForScripts(page);
  await openApp(page);
  await chooseFiles(page, [{ name: 'dataset.csv', text: DATASET }]);
  await checkInert(page, app(page), dialogs);
  // Open a row's detail too: the text cell is shown there as text.
  await app(page).locator('.vt-row').first().click();
  await expect(app(page).locator('.detail')).toBeVisible();
  await checkInert(page, app(page), dialogs);
});

test("the same inside another page's <label-scope> (examples/embed.html)", async ({ page }) => {
  const dialogs = await watchForScripts(page);
  await page.goto('/examples/embed.html');
  await expect(page.locator('label-scope').first()).toHaveAttribute('data-state', 'ready');
  await page.evaluate(() => {
    const el = document.createElement('label-scope');
    el.id = 'hostile';
    document.body.append(el);
  });
  const scope = page.locator('label-scope#hostile');
  await scope
    .locator('input[type=file]')
    .setInputFiles([{ name: 'dataset.csv', mimeType: 'text/csv', buffer: Buffer.from(DATASET) }]);
  await checkInert(page, scope, dialogs);
});

// ---- formula injection ------------------------------------------------------------------------

test('exported CSVs neutralise cells a spreadsheet would run as formulas, numbers stay numbers', async ({ page }) => {
  await openApp(page);
  await chooseFiles(page, [{ name: 'dataset.csv', text: DATASET }]);
  await waitReady(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app(page).getByRole('button', { name: 'Download all rows + audit (CSV)' }).click(),
  ]);
  const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
  const [header, ...data] = rows;
  // Probability columns are p_<class> (so a header never starts a formula, and the export reads back).
  expect(header).toEqual([
    'index',
    'row',
    'id',
    'text',
    'label',
    `p_${HOSTILE_CLASS}`,
    'p_=1+2',
    'p_@SUM(A1)',
    'suggested_label',
    'is_label_issue',
    'label_quality',
    'decision',
    'final_label',
  ]);
  expect(data.map((r) => r[3])).toEqual([
    HOSTILE_TEXT,
    "'=HYPERLINK(1)",
    "'+cmd",
    "'-cmd",
    "'@me",
    '-0.5',
    'plain',
    'plain',
    'plain',
    'plain',
  ]);
  expect(data.map((r) => r[4])).toEqual([
    HOSTILE_CLASS,
    "'=1+2",
    "'@SUM(A1)",
    "'@SUM(A1)",
    HOSTILE_CLASS,
    "'=1+2",
    HOSTILE_CLASS,
    "'=1+2",
    "'@SUM(A1)",
    HOSTILE_CLASS,
  ]);
  for (const row of [...rows])
    for (const cell of row) expect(cell, 'no cell starts a formula').not.toMatch(/^[=+@\t\r]|^-(?![\d.])/);
});
