// Copies into a built site (scripts/build-site.sh) the example files the page needs: every file the
// page's demos fetch (DEMOS in web/ui/demos.js, the one list), each demo folder's README.md, the
// lesson and embedding pages, and every data file under examples/ that README.md or those pages name
// (its CLI examples and embedding snippets: labels-src="examples/headlines/labels.csv" must not 404 on
// a built site). A demo added to DEMOS, or a file a snippet names, is in the built site without editing the script.
//   node scripts/site-examples.mjs SITE_DIR
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../tests/js/web-layout.mjs'; // web/ modules import the library as '../src/js/...' (served layout)

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PAGES = ['embed.html', 'lesson.html', 'lesson-quiz.js'];
// What a page or an embedding snippet loads: data, not the examples' programs (demo.cpp, make.mjs) or pictures.
const DATA = /\.(csv|tsv|txt|npy|parquet|json)$/i;

/** The data files under examples/ that `text` names (`examples/headlines/labels.csv` -> headlines/labels.csv). */
export function namedExampleFiles(text) {
  const files = new Set();
  for (const [, path] of String(text).matchAll(/\bexamples\/([\w./-]*[\w-])/g)) if (DATA.test(path)) files.add(path);
  return [...files].sort();
}

/** The paths under examples/ that the built site needs, sorted. */
export async function siteExampleFiles() {
  const { DEMOS } = await import('../web/ui/demos.js');
  const files = new Set(PAGES);
  for (const text of [join(ROOT, 'README.md'), ...PAGES.map((p) => join(ROOT, 'examples', p))].map(read)) {
    for (const file of namedExampleFiles(text)) files.add(file);
  }
  for (const demo of Object.values(DEMOS)) {
    for (const file of demo.files) {
      files.add(file);
      const readme = join(dirname(file), 'README.md');
      if (existsSync(join(ROOT, 'examples', readme))) files.add(readme);
    }
  }
  return [...files].sort();
}

function read(path) {
  return readFileSync(path, 'utf8');
}

/** Copies them to SITE/examples/; returns the paths copied. */
export async function copySiteExamples(site) {
  const files = await siteExampleFiles();
  for (const file of files) {
    const to = join(site, 'examples', file);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(ROOT, 'examples', file), to);
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const site = process.argv[2];
  if (!site) {
    console.error('usage: node scripts/site-examples.mjs SITE_DIR');
    process.exit(2);
  }
  const files = await copySiteExamples(site);
  console.log(`site-examples: copied ${files.length} example files to ${join(site, 'examples')}/`);
}
