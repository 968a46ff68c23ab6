// A labelled table whose label column spells one class in several ways ('cat', 'Cat'; 'dog', 'DOG'): the page offers
// to read each group as one class (crossValProbs' foldCase), beside the model computed here and under the error when
// a spelling has too few rows for the folds; what is then analysed is the JS API's, and the way back is there too.
import { createLabelScope } from '../../src/js/index.js';
import { app, dropFiles, expect, openApp, pageIssues, screenshotsAtSizes, test, waitReady } from './fixtures.mjs';

const AUDIT = { filterBy: 'prune_by_noise_rate', rankBy: 'self_confidence' }; // the page's defaults

/** Two numeric features around a centre per class; `cat` rows spelt 'Cat', `dog` rows spelt 'DOG'. */
function petsTable({ cat, dog }) {
  let seed = 11;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const centres = { cat: [0, 0], dog: [3, 0], bird: [0, 3] };
  const spellings = [
    ...Array(30).fill('cat'),
    ...Array(cat).fill('Cat'),
    ...Array(30).fill('dog'),
    ...Array(dog).fill('DOG'),
    ...Array(30).fill('bird'),
  ];
  const rows = spellings.map((name, i) => {
    const [a, b] = centres[name.toLowerCase()];
    const shift = i % 10 === 0 ? 1.5 : 0; // some rows nearer another class
    return `${(a + next() + shift).toFixed(3)},${(b + next()).toFixed(3)},${name}`;
  });
  return `x1,x2,label\n${rows.join('\n')}\n`;
}

const classesShown = (page) => app(page).evaluate((el) => [...el.data.classNames]);

async function apiIssues(text, options) {
  const ls = await createLabelScope();
  const cv = await ls.crossValProbs({ combined: { name: 'pets.csv', data: text } }, options);
  return { classNames: cv.classNames, issues: Array.from(ls.audit(cv, AUDIT).issues) };
}

test('the spellings of a class read as one beside the model computed here, and apart again', async ({
  page,
}, testInfo) => {
  const text = petsTable({ cat: 6, dog: 5 });
  const apart = await apiIssues(text, {});
  const folded = await apiIssues(text, { foldCase: true });
  expect(apart.classNames).toEqual(['Cat', 'DOG', 'bird', 'cat', 'dog']);
  expect(folded.classNames).toEqual(['bird', 'cat', 'dog']);

  await openApp(page);
  await dropFiles(page, [{ name: 'pets.csv', text }]);
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  const panel = app(page).locator('.cv-panel');
  await expect(panel).toHaveAttribute('data-state', 'done');
  expect(await classesShown(page)).toEqual(apart.classNames);
  expect(await pageIssues(page)).toEqual(apart.issues);
  // The warnings name the page's button, not the API's option.
  const warnings = app(page).locator('.warnings');
  await expect(warnings).toContainText("Classes 'cat' and 'Cat' differ only in capitals");
  await expect(warnings).toContainText('(“Read these spellings as one class”)');
  await expect(warnings).not.toContainText('foldCase');
  const line = panel.locator('.cv-fold-case');
  await expect(line).toContainText('4 class names differ only in capitals or spacing (2 groups');
  await screenshotsAtSizes(page, testInfo, 'fold-case-offer', { show: () => line.scrollIntoViewIfNeeded() });

  await line.getByRole('button', { name: 'Read these spellings as one class' }).click();
  await waitReady(page);
  await expect(panel).toHaveAttribute('data-state', 'done');
  await expect(line).toHaveAttribute('data-fold-case', 'merged');
  await expect(line).toContainText('were read as one class each, named by the most common spelling: 3 classes');
  expect(await classesShown(page)).toEqual(folded.classNames);
  expect(await pageIssues(page)).toEqual(folded.issues);
  await expect(app(page).locator('.warnings', { hasText: 'differ only in' })).toHaveCount(0);
  await screenshotsAtSizes(page, testInfo, 'fold-case-merged', { show: () => line.scrollIntoViewIfNeeded() });

  // The way back: the spellings apart again, as first computed.
  await line.getByRole('button', { name: 'Read them apart again' }).click();
  await waitReady(page);
  await expect(line).toHaveAttribute('data-fold-case', 'apart');
  expect(await classesShown(page)).toEqual(apart.classNames);
  expect(await pageIssues(page)).toEqual(apart.issues);
});

test('too few rows of a spelling for the folds: the error offers to read the spellings as one class', async ({
  page,
}, testInfo) => {
  const text = petsTable({ cat: 3, dog: 2 });
  const folded = await apiIssues(text, { foldCase: true });
  await openApp(page);
  await dropFiles(page, [{ name: 'pets.csv', text }]);
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  const alert = app(page).locator('.alert');
  await expect(alert).toContainText("read apart here: 'cat' and 'Cat'; 'dog' and 'DOG'");
  await expect(alert).toContainText('(“Read these spellings as one class”)');
  await expect(alert).not.toContainText('foldCase');
  const button = alert.getByRole('button', { name: 'Read these spellings as one class' });
  await screenshotsAtSizes(page, testInfo, 'fold-case-error', { show: () => button.scrollIntoViewIfNeeded() });
  await button.click();
  await waitReady(page);
  await expect(app(page).locator('.cv-panel')).toHaveAttribute('data-state', 'done');
  await expect(app(page).locator('.cv-fold-case')).toHaveAttribute('data-fold-case', 'merged');
  expect(await classesShown(page)).toEqual(folded.classNames);
  expect(await pageIssues(page)).toEqual(folded.issues);
});
