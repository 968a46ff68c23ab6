// `npm run build` (scripts/build-site.sh) copies the example files the page fetches into dist/site:
// every file of every demo in DEMOS (web/ui/demos.js), so no demo answers 404 on a static host (the
// News topics demo did: examples/multilabel was not copied), and every demo a page names exists.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEMOS } from '../../web/ui/demos.js';
import { copySiteExamples, namedExampleFiles } from '../../scripts/site-examples.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('the built site has every file of every demo, and the lesson pages', async () => {
  const site = mkdtempSync(join(tmpdir(), 'site-examples-'));
  try {
    await copySiteExamples(site);
    for (const [name, demo] of Object.entries(DEMOS)) {
      for (const file of demo.files) {
        const built = join(site, 'examples', file);
        assert.ok(existsSync(built), `demo '${name}': ${file} is not in the built site`);
        assert.deepEqual(readFileSync(built), readFileSync(join(ROOT, 'examples', file)), `${file} copied whole`);
      }
    }
    for (const page of ['lesson.html', 'lesson-quiz.js', 'embed.html'])
      assert.ok(existsSync(join(site, 'examples', page)), `${page} is in the built site`);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test('build-site.sh copies the examples with that script, and every demo a page names is in DEMOS', () => {
  assert.match(readFileSync(join(ROOT, 'scripts/build-site.sh'), 'utf8'), /node scripts\/site-examples\.mjs "\$site"/);
  const pages = [
    join(ROOT, 'web/index.html'),
    ...readdirSync(join(ROOT, 'examples'))
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(ROOT, 'examples', f)),
  ];
  for (const page of pages) {
    for (const [, name] of readFileSync(page, 'utf8').matchAll(/\bdemo="([^"]*)"/g)) {
      assert.ok(Object.hasOwn(DEMOS, name), `${page} names demo="${name}", which DEMOS does not have`);
    }
  }
});

test('the built site has every data file the README names: its CLI examples and embedding snippets', async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const named = namedExampleFiles(readme);
  // A newcomer's labels-src="examples/headlines/labels.csv" answered 404 on a built site: only dataset.csv was there.
  for (const file of ['headlines/labels.csv', 'headlines/pred_probs.csv', 'multilabel/news.csv'])
    assert.ok(named.includes(file), `README.md names examples/${file}`);
  // Every address an embedding snippet in the README loads from examples/.
  const snippets = [...readme.matchAll(/\b(?:src|labels-src|pred-probs-src|truth-src)="([^"]+)"/g)]
    .map(([, address]) => address)
    .filter((address) => /(^|\/)examples\//.test(address));
  assert.ok(snippets.length > 0, 'the Embedding section has a snippet with its own data');
  const site = mkdtempSync(join(tmpdir(), 'site-examples-'));
  try {
    const copied = await copySiteExamples(site);
    for (const file of named) {
      assert.ok(existsSync(join(ROOT, 'examples', file)), `README.md names examples/${file}, which does not exist`);
      assert.ok(copied.includes(file) && existsSync(join(site, 'examples', file)), `${file} is not in the built site`);
    }
    for (const address of snippets) {
      const path = address.replace(/^.*?examples\//, '');
      assert.ok(existsSync(join(site, 'examples', path)), `a snippet loads ${address}, which the built site lacks`);
    }
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});
