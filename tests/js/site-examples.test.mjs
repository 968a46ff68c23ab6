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
import { copySiteExamples } from '../../scripts/site-examples.mjs';

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
