// What this browser keeps (finding 9, 14): dropped files only with the person's consent (asked
// once, default no), decisions without file or class names, one "Forget everything" that clears
// it all — checked by reading IndexedDB itself — and no files at all for embedding pages that do
// not opt in with `store-files`.
import { readFileSync } from 'node:fs';
import { app, dropFiles, expect, HEADLINES, openApp, test, waitReady } from './fixtures.mjs';

const PAIR = [`${HEADLINES}labels.csv`, `${HEADLINES}pred_probs.csv`];

/** Everything in the page's IndexedDB database, blobs described by name and size; null if there is none. */
function storedData(page) {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'labelscope')) return null;
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('labelscope');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const out = {};
    for (const name of db.objectStoreNames) {
      out[name] = await new Promise((resolve) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
      });
    }
    db.close();
    const describe = (v) => {
      if (v instanceof Blob) return { blob: v.name ?? 'blob', size: v.size };
      if (ArrayBuffer.isView(v)) return Array.from(v);
      if (Array.isArray(v)) return v.map(describe);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, describe(x)]));
      return v;
    };
    return describe(out);
  });
}

const isEmpty = (data) => data == null || Object.values(data).every((records) => records.length === 0);
const consent = (page) => page.evaluate(() => localStorage.getItem('labelscope:keep-files'));

test('files are kept only after the person says so; decisions hold no names; Forget everything clears it all', async ({
  page,
}) => {
  await openApp(page);
  await dropFiles(page, PAIR);
  await waitReady(page);
  const ask = app(page).locator('.keep-files');
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('Keep these files in this browser?');
  const line = app(page).locator('.privacy');
  await expect(line).toContainText('The files you drop are not kept.');
  await expect(line.getByRole('button', { name: 'Forget everything' })).toBeVisible();

  // A decision is saved (said in the review bar) — as row and class indices only.
  await app(page).locator('[role=grid]').focus();
  await page.keyboard.press('a');
  await expect(app(page).locator('.save-state')).toHaveText(
    'All decisions saved in this browser (on this device only).',
  );
  const before = await storedData(page);
  expect(before.sessions).toEqual([]);
  expect(before.decisions).toHaveLength(1);
  const text = JSON.stringify(before);
  for (const secret of ['labels.csv', 'pred_probs', 'sports', 'weather', 'blob']) expect(text).not.toContain(secret);
  expect(await consent(page)).toBeNull();

  // Yes: the files (and their names) are kept from now on.
  await ask.getByRole('button', { name: 'Keep them here' }).click();
  await expect(ask).toBeHidden();
  await expect(line).toContainText('The files you drop are kept too (your choice).');
  await expect.poll(async () => JSON.stringify((await storedData(page)).sessions)).toContain('"blob":"labels.csv"');
  await page.reload();
  await expect(app(page).locator('.resume')).toContainText(/Resume labels\.csv and pred_probs\.csv — 1 decision/);

  // Forget everything: nothing left in IndexedDB, the answer forgotten too.
  await app(page).locator('.privacy').getByRole('button', { name: 'Forget everything' }).click();
  // The decision saved last time goes too: asked first, answered beside the button.
  await expect(app(page).locator('.forget-confirm')).toContainText('your 1 decision saved from your last visit');
  await app(page).locator('.forget-confirm').getByRole('button', { name: 'Forget everything' }).click();
  await expect(app(page).locator('.privacy-result')).toContainText('no longer keeps any file, decision or name');
  await expect(app(page).locator('.resume')).toHaveCount(0);
  await expect.poll(async () => isEmpty(await storedData(page))).toBe(true);
  expect(await consent(page)).toBeNull();
  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  await expect(app(page).locator('.resume')).toHaveCount(0);
  await dropFiles(page, PAIR);
  await waitReady(page);
  await expect(app(page).locator('.restored-note')).toBeHidden();
  await expect(ask).toBeVisible(); // asked again: the answer went with everything else
});

test('"Don’t keep" is remembered: no question on the next drop and no file stored', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, PAIR);
  await waitReady(page);
  await app(page).locator('.keep-files').getByRole('button', { name: 'Don’t keep' }).click();
  await expect(app(page).locator('.keep-files')).toBeHidden();
  expect(await consent(page)).toBe('no');
  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  await dropFiles(page, [{ name: 'patients_confidential.csv', buffer: readFileSync(`${HEADLINES}dataset.csv`) }]);
  await waitReady(page);
  await expect(app(page).locator('.keep-files')).toBeHidden();
  expect(JSON.stringify(await storedData(page))).not.toContain('patients_confidential');
});

test('an embedding page stores no files unless it opts in with store-files', async ({ page }) => {
  await page.goto('/examples/embed.html');
  await page.evaluate(async () => {
    const el = document.createElement('label-scope');
    el.id = 'embedded';
    el.setAttribute('save-decisions', 'lesson');
    document.querySelector('main').prepend(el);
    const bytes = (url) => fetch(url).then((r) => r.blob());
    await el.loadFiles([new File([await bytes('../examples/headlines/dataset.csv')], 'private.csv')]);
  });
  const el = page.locator('label-scope#embedded');
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('.keep-files')).toBeHidden();
  await expect(el.locator('.privacy')).toContainText('Dropped files are never stored.');
  await el.locator('[role=grid]').focus();
  await page.keyboard.press('k');
  await expect(el.locator('.save-state')).toHaveText('All decisions saved in this browser (on this device only).');
  const data = await storedData(page);
  expect(data.decisions).toHaveLength(1);
  expect(JSON.stringify(data)).not.toContain('private.csv');
  expect(JSON.stringify(data)).not.toContain('"blob"');
});
