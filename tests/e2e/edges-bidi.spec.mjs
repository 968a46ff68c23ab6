// Issue 12: text from the person's files — class names, ids, cells, file names — may hold a
// right-to-left override (U+202E). It must stay inside that value: the page's own sentences around
// it still read left to right (the table's explanations, the detail pane, the summary, messages).
import { app, chooseFiles, expect, openApp, test, waitReady } from './fixtures.mjs';

const RLO = '\u202E';
const NAMES = [`left${RLO}right`, 'plain', 'other'];

/**
 * The places where `phrase` is drawn right to left inside the element (shadow root included):
 * each visible text node holding it, character by character, must go left to right on screen
 * (on each line).
 */
function reversed(page, phrases) {
  return app(page).evaluate((el, list) => {
    const bad = [];
    const found = Object.fromEntries(list.map((p) => [p, 0]));
    const walker = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const phrase of list) {
        const at = node.data.indexOf(phrase);
        if (at < 0) continue;
        const xs = [];
        for (let i = at; i < at + phrase.length; i++) {
          if (phrase[i - at] === ' ') continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (rect.width === 0 && rect.height === 0) break; // not shown
          xs.push({ x: rect.left, y: rect.top });
        }
        if (xs.length < 2) continue;
        found[phrase] += 1;
        // Left to right on each line (a phrase may wrap onto the next line).
        const ltr = xs.every((c, i) => i === 0 || Math.abs(c.y - xs[i - 1].y) > 2 || c.x > xs[i - 1].x);
        if (!ltr) bad.push(`${phrase} in "${node.data.slice(0, 80)}"`);
      }
    }
    return { bad, found };
  }, phrases);
}

function combinedCsv() {
  const rows = [];
  for (let i = 0; i < 12; i++) {
    const label = i % 3;
    const guess = i === 0 ? 0 : label; // row 1 is labelled 'plain' but looks like the first class
    const probs = [0, 1, 2].map((c) => (c === guess ? 0.9 : 0.05));
    const given = i === 0 ? 1 : label;
    rows.push([`r${i}${RLO}x`, `"text ${i} ${RLO}abc"`, NAMES[given], ...probs].join(','));
  }
  return `id,text,label,${NAMES.join(',')}\n${rows.join('\n')}\n`;
}

test("a right-to-left override in class names, ids and cells does not reverse the page's sentences", async ({
  page,
}) => {
  await openApp(page);
  await chooseFiles(page, [{ name: `data${RLO}.csv`, text: combinedCsv() }]);
  await waitReady(page);
  await expect(app(page).locator('[data-stat=flagged] .stat-value')).toHaveText('1');
  // The first flagged row's detail: its id, labels and explanation.
  await app(page).locator('.vt-row:not(.vt-head)').first().click();
  const phrases = [
    'Labelled',
    'the model gives',
    'threshold',
    'flagged',
    'labels + probabilities',
    'examples',
    'header not counted',
    'Label column',
    'Shown alongside',
  ];
  const { bad, found } = await reversed(page, phrases);
  expect(bad).toEqual([]);
  // The check did look at the explanations (table and detail), the file line and the detail's footer.
  for (const phrase of ['the model gives', 'Labelled', 'labels + probabilities', 'header not counted']) {
    expect(found[phrase], phrase).toBeGreaterThan(0);
  }
  // The file list, unfolded: what was read, with the label column and the columns shown alongside.
  await app(page).locator('.files summary').first().click();
  const unfolded = await reversed(page, ['Label column', 'one probability column per class', 'Shown alongside']);
  expect(unfolded.bad).toEqual([]);
  expect(unfolded.found['one probability column per class']).toBeGreaterThan(0);
});

test('a message quoting a label with a right-to-left override reads left to right', async ({ page }) => {
  await openApp(page);
  const probs = `${NAMES.join(',')}\n0.9,0.05,0.05\n0.05,0.9,0.05\n0.05,0.05,0.9\n`;
  await chooseFiles(page, [
    { name: 'labels.csv', text: `label\nplain\nother\nx${RLO}y\n` },
    { name: 'pred_probs.csv', text: probs },
  ]);
  const message = app(page).locator('.alert-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('matches no class');
  const { bad, found } = await reversed(page, ['matches no class', 'labels.csv']);
  expect(bad).toEqual([]);
  expect(found['matches no class']).toBe(1);
});
