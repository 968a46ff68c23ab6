// Shared by the browser tests: every test fails if a request leaves 127.0.0.1 or the console shows
// an error or a MIME-type warning; helpers to drive <label-scope> and to compute, with the JS API in
// Node, what the page should show.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { createLabelScope } from '../../src/js/index.js';

export { expect };
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const HEADLINES = `${ROOT}examples/headlines/`;
export const MNIST = `${ROOT}examples/mnist/`;

export const test = base.extend({
  // Auto fixture: guards every page of every test.
  guard: [
    async ({ context }, use) => {
      const offsite = [];
      const problems = [];
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'http:' && url.hostname === '127.0.0.1') return route.continue();
        offsite.push(url.href);
        return route.abort();
      });
      const watch = (page) => {
        page.on('console', (message) => {
          const text = message.text();
          if (message.type() === 'error' || /MIME type|falling back to ArrayBuffer/i.test(text)) {
            problems.push(`${message.type()}: ${text}`);
          }
        });
        page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      // LABELSCOPE_E2E_WASM_DIR=DIR: the page and its worker load DIR's labelscope-core.{mjs,wasm}
      // instead of dist/wasm's (a helper's own build of the core, while dist/ is the lead's).
      const wasmDir = process.env.LABELSCOPE_E2E_WASM_DIR;
      if (wasmDir) {
        await context.route(/\/dist\/wasm\/labelscope-core\.(mjs|wasm)$/, (route) => {
          const name = new URL(route.request().url()).pathname.split('/').pop();
          const contentType = name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
          return route.fulfill({ path: join(wasmDir, name), contentType });
        });
      }
      await use({ offsite, problems });
      expect(offsite, 'requests that left 127.0.0.1').toEqual([]);
      expect(problems, 'console errors and warnings').toEqual([]);
    },
    { auto: true },
  ],
});

/** The page's <label-scope>. */
export const app = (page) => page.locator('label-scope#app');

export async function openApp(page, path = '/') {
  await page.goto(path);
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
}

export async function waitReady(page, element = app(page)) {
  await expect(element).toHaveAttribute('data-state', 'ready');
}

/** The page with the Headlines demo analysed. */
export async function openHeadlines(page) {
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Headlines/ })
    .click();
  await waitReady(page);
}

/** Example indices of the rows the table shows, top to bottom (only rendered rows). */
export function tableIndices(page) {
  return app(page)
    .locator('.vt-spacer .vt-row')
    .evaluateAll((rows) =>
      rows
        .map((row) => ({ pos: Number(row.dataset.position), index: Number(row.dataset.index) }))
        .sort((a, b) => a.pos - b.pos)
        .map((r) => r.index),
    );
}

/** The page's last report, flagged indices in rank order. */
export function pageIssues(page) {
  return app(page).evaluate((el) => Array.from(el.report.issues));
}

/** Unfolds the settings (folded by default, their values shown in the summary line). */
export async function openSettings(page) {
  const card = app(page).locator('.settings-card');
  if ((await card.getAttribute('open')) === null) await card.locator('summary').click();
  await expect(card).toHaveAttribute('open', '');
}

export function pageStats(page) {
  return app(page).evaluate((el) => el.stats);
}

/** Files for setInputFiles from paths (name kept) or {name, text|buffer}. */
export function filePayload(spec) {
  if (typeof spec === 'string') {
    return { name: spec.split('/').pop(), mimeType: mimeOf(spec), buffer: readFileSync(spec) };
  }
  return { name: spec.name, mimeType: mimeOf(spec.name), buffer: spec.buffer ?? Buffer.from(spec.text) };
}

function mimeOf(name) {
  return name.endsWith('.npy') ? 'application/octet-stream' : name.endsWith('.txt') ? 'text/plain' : 'text/csv';
}

/** Sets files on the element's file input, as the file picker would. */
export async function chooseFiles(page, specs) {
  await app(page).locator('input[type=file]').setInputFiles(specs.map(filePayload));
}

/** Drops files on the drop zone with a real DataTransfer, as a drag from the desktop would. */
export async function dropFiles(page, specs) {
  // Bytes travel as base64: a JSON array of numbers is slow for files of a few MB.
  const files = specs
    .map(filePayload)
    .map((f) => ({ name: f.name, type: f.mimeType, base64: f.buffer.toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, files);
  await app(page).locator('.drop').dispatchEvent('drop', { dataTransfer: transfer });
}

// ---- the expected answers, from the JS API in Node -------------------------------------------------

let core = null;
const labelScope = () => (core ??= createLabelScope());

/** Reads and audits like the page does; returns {dataset info, report}. */
export async function apiAudit(input, readOptions = {}, auditOptions = {}) {
  const ls = await labelScope();
  const named = Object.fromEntries(
    Object.entries(input).map(([role, spec]) => {
      const f = filePayload(spec);
      return [role, { name: f.name, data: new Uint8Array(f.buffer) }];
    }),
  );
  const dataset = await ls.readDataset(named, readOptions);
  try {
    const report = ls.audit(dataset, { filterBy: 'prune_by_noise_rate', rankBy: 'self_confidence', ...auditOptions });
    return { dataset, report, issues: Array.from(report.issues) };
  } finally {
    dataset.free();
  }
}

/** Rows listed in a truth-style CSV (index, is_error, ...). */
export function truthRows(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return { index: Number(cells[cols.indexOf('index')]), isError: cells[cols.indexOf('is_error')] === '1' };
  });
}

/** Parses CSV text (RFC 4180: quotes, doubled quotes, CRLF) into rows of cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Screenshots of one page state at desktop (1280 x 800) and phone (390 x 844) width, light and dark, named
 * `${name}-${width}-${scheme}`, as people look at every state a change touches. `show` (optional) brings the part
 * to look at into view before each; other options go to page.screenshot. Leaves the page at 1280 x 800, light.
 */
export async function screenshotsAtSizes(page, testInfo, name, { show = null, ...options } = {}) {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await show?.();
      await screenshot(page, testInfo, `${name}-${width}-${scheme}`, options);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Saves a screenshot into the test output folder (looked at by people, not compared). */
export async function screenshot(page, testInfo, name, options = {}) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), ...options });
}
