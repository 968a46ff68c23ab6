// Dropping the same table again (after a reload, under another name) brings back the person's choices about it —
// the label column, missing values filled, the columns' roles, the folds — with the decisions, so the same analysis
// shows without choosing again, and the page says so. Kept like decisions (this device, keyed by the bytes): a
// different file inherits nothing; "Forget everything" forgets them too.
import { app, dropFiles, expect, openApp, screenshot, screenshotsAtSizes, test, waitReady } from './fixtures.mjs';

const NOTES = {
  discharged: ['mild sprain, walking fine', 'headache resolved', 'feels better, no pain'],
  admitted: ['persistent fever, needs fluids', 'chest pain, observe overnight', 'infection, IV antibiotics'],
  deceased: ['cardiac arrest on arrival', 'septic shock', 'respiratory failure'],
};

/** A triage table whose label column is `outcome` (no known name), with empty cells at `missing` [row, column]. */
function triage({ rows = 60, labelName = 'outcome', missing = [], flips = [8, 21, 34, 47] } = {}) {
  const header = ['visit_id', 'age', 'heart_rate', 'temp_c', 'ward', 'triage_note', labelName];
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) {
    const y = i < 5 ? 'deceased' : i % 2 ? 'admitted' : 'discharged';
    const k = { discharged: 0, admitted: 1, deceased: 2 }[y];
    const given = flips.includes(i) ? (y === 'admitted' ? 'discharged' : 'admitted') : y; // a label error
    const cells = {
      visit_id: `V${1000 + i}`,
      age: String(35 + 15 * k + ((i * 7) % 11)),
      heart_rate: (75 + 20 * k + ((i * 13) % 9)).toFixed(1),
      temp_c: (36.6 + 0.8 * k + ((i * 3) % 5) / 10).toFixed(1),
      ward: ['cardio', 'ortho', 'general', 'neuro'][(i * 5) % 4],
      triage_note: `"${NOTES[y][i % 3]}"`,
      [labelName]: given,
    };
    for (const [row, column] of missing) if (row === i + 1) cells[column] = '';
    lines.push(header.map((c) => cells[c]).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const MISSING = [
  [13, 'heart_rate'],
  [40, 'age'],
];
const alert = (page) => app(page).locator('.alert');
const restored = (page) => app(page).locator('.restored-note');
const issues = (page) => app(page).evaluate((el) => Array.from(el.report.issues));
const decisions = (page) => app(page).evaluate((el) => el.decisions.map((d) => [d.index, d.decision, d.label]));
const computedOptions = (page) => app(page).evaluate((el) => el.data?.computed?.options ?? null);

async function openSaving(page) {
  await openApp(page); // the page saves decisions (its save-decisions attribute)
}

/** Two decisions on the first two flagged rows. */
async function decideTwo(page) {
  const flagged = await issues(page);
  expect(flagged.length).toBeGreaterThan(1);
  await app(page).evaluate((el) => {
    el.decide(el.report.issues[0], 'keep');
    el.decide(el.report.issues[1], 'accept');
  });
  // Written to storage before the reload.
  await expect(app(page).locator('.save-state')).toHaveText(/saved in this browser/);
}

test('label column and filling chosen, computed, decided; reload and drop again: the same analysis, no choosing', async ({
  page,
}, testInfo) => {
  const text = triage({ missing: MISSING });
  await openSaving(page);
  await dropFiles(page, [{ name: 'triage.csv', text }]);
  await app(page).locator('select.label-column').selectOption('outcome');
  await expect(alert(page).locator('.alert-title')).toHaveText('A value is missing in triage.csv');
  await alert(page)
    .getByRole('button', { name: /missing values/ })
    .click();
  await waitReady(page);
  const first = { issues: await issues(page), options: await computedOptions(page) };
  expect(first.options).toMatchObject({ labelColumn: 'outcome', impute: true });
  await decideTwo(page);
  const made = await decisions(page);

  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  // The same bytes under another name: no label column to choose, no filling to ask for.
  await dropFiles(page, [{ name: 'triage (copy).csv', text }]);
  await waitReady(page);
  expect(await issues(page)).toEqual(first.issues);
  expect(await computedOptions(page)).toEqual(first.options);
  expect(await decisions(page)).toEqual(made);
  await expect(restored(page)).toContainText(
    'Restored your choices: label column ‘outcome’ and missing values filled. Restored 2 decisions saved',
  );
  await expect(app(page).locator('select.label-column')).toHaveValue('outcome');
  for (const [name, viewport, colorScheme] of [
    ['desktop-light', { width: 1280, height: 800 }, 'light'],
    ['desktop-dark', { width: 1280, height: 800 }, 'dark'],
    ['phone-light', { width: 390, height: 844 }, 'light'],
    ['phone-dark', { width: 390, height: 844 }, 'dark'],
  ]) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    await restored(page).scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `redrop-restored-${name}`);
  }
});

test('a different file (one label changed) inherits no choice; Forget everything forgets them', async ({ page }) => {
  const text = triage({ missing: MISSING });
  await openSaving(page);
  await dropFiles(page, [{ name: 'triage.csv', text }]);
  await app(page).locator('select.label-column').selectOption('outcome');
  await alert(page)
    .getByRole('button', { name: /missing values/ })
    .click();
  await waitReady(page);

  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  await dropFiles(page, [{ name: 'triage.csv', text: triage({ missing: MISSING, flips: [8, 21, 34, 47, 50] }) }]);
  await expect(alert(page).locator('.alert-title')).toHaveText('Which column holds the labels?');
  await expect(app(page)).not.toContainText('Restored your choices');

  // The first file again: its choices are back; then "Forget everything", and they are gone.
  await dropFiles(page, [{ name: 'triage.csv', text }]);
  await waitReady(page);
  await expect(restored(page)).toContainText('Restored your choices');
  const privacy = app(page).locator('.privacy');
  await privacy.locator('.forget-everything').click();
  const confirm = privacy.locator('.forget-confirm').getByRole('button', { name: 'Forget everything' });
  if (await confirm.isVisible()) await confirm.click(); // asked first when decisions would go
  await expect(app(page)).toContainText('Forgotten: this browser no longer keeps');
  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  await dropFiles(page, [{ name: 'triage.csv', text }]);
  await expect(alert(page).locator('.alert-title')).toHaveText('Which column holds the labels?');
});

test('columns chosen first and 3 folds: both come back with the file', async ({ page }) => {
  const text = triage({ labelName: 'label', rows: 40 });
  await openSaving(page);
  await dropFiles(page, [{ name: 'visits.csv', text }]);
  await alert(page).getByRole('button', { name: 'Choose the columns first' }).click();
  const panel = app(page).locator('.cv-panel');
  await expect(panel).toHaveAttribute('data-state', 'columns');
  await panel.locator('select[data-column=triage_note]').selectOption('ignore');
  await panel.locator('.cv-folds-select').first().selectOption('3');
  await panel.getByRole('button', { name: 'Compute with these columns' }).click();
  await waitReady(page);
  const options = await computedOptions(page);
  expect(options).toMatchObject({ columnRoles: { triage_note: 'ignore' }, folds: 3 });
  const first = await issues(page);

  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  await dropFiles(page, [{ name: 'visits.csv', text }]);
  await waitReady(page);
  expect(await computedOptions(page)).toEqual(options);
  expect(await issues(page)).toEqual(first);
  await expect(restored(page)).toContainText('the columns’ roles you set');
  await expect(restored(page)).toContainText('3 folds');
});

test('the table dropped again without the probabilities it came with: its label column comes back, not the pair’s', async ({
  page,
}, testInfo) => {
  const text = triage({ rows: 60 });
  const classes = ['admitted', 'deceased', 'discharged'];
  const probs = [
    classes.join(','),
    ...Array.from({ length: 60 }, (_, i) => {
      const y = i < 5 ? 'deceased' : i % 2 ? 'admitted' : 'discharged';
      return classes.map((c) => (c === y ? 0.8 : 0.1)).join(',');
    }),
  ].join('\n');
  await openSaving(page);
  await dropFiles(page, [
    { name: 'triage.csv', text },
    { name: 'model.csv', text: `${probs}\n` },
  ]);
  await app(page).locator('select.label-column').selectOption('outcome');
  await waitReady(page);
  const analysed = await issues(page);
  expect(analysed.length).toBeGreaterThan(0);

  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  await dropFiles(page, [{ name: 'triage.csv', text }]);
  // Alone, the table is labels + features: its label column is the one chosen, so computing is offered at once.
  await expect(alert(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ })).toBeVisible();
  await expect(alert(page).locator('.alert-title')).not.toHaveText('Which column holds the labels?');
  await expect(app(page).locator('select.label-column')).toHaveValue('outcome');
  await expect(app(page).locator('.file-reason')).toHaveText('Chosen by you: the label column ‘outcome’');
  await screenshotsAtSizes(page, testInfo, 'redrop-part', { show: () => alert(page).scrollIntoViewIfNeeded() });
});
