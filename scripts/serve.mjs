#!/usr/bin/env node
// Static file server for the page and the module: 127.0.0.1 only, correct MIME types
// (application/wasm lets browsers compile while downloading), no directory listing.
// Without --root it serves the site straight from the source tree, laid out as `npm run build`
// lays out dist/site/: web/ at the top, plus src/js/, dist/wasm/ and examples/.
// Usage: node scripts/serve.mjs [--root DIR] [--port N] [--isolate]
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.npy': 'application/octet-stream',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    port: { type: 'string', default: '8123' },
    isolate: { type: 'boolean', default: false },
  },
});
const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
// URL prefix -> folder, most specific first.
const mounts = values.root
  ? [['/', resolve(values.root)]]
  : [
      ['/src/js/', join(repo, 'src/js')],
      ['/dist/wasm/', join(repo, 'dist/wasm')],
      ['/examples/', join(repo, 'examples')],
      // The Parquet reader's packages, which src/js/parquet.js loads from the page's own origin.
      ...['hyparquet', 'hyparquet-compressors', 'fzstd'].map((p) => [
        `/node_modules/${p}/`,
        join(repo, 'node_modules', p),
      ]),
      ['/', join(repo, 'web')],
    ];

function locate(pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(dir, pathname.slice(prefix.length)));
    return file === dir || file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return send(res, 400, 'Bad request');
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = locate(pathname);
  if (!file) return send(res, 403, 'Forbidden');
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return send(res, 404, 'Not found');
  }
  if (stat.isDirectory()) {
    res.writeHead(301, { Location: url.pathname + '/' });
    return res.end();
  }
  const headers = {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-cache',
  };
  // Cross-origin isolation enables SharedArrayBuffer (threads) for pages that want it.
  if (values.isolate) {
    headers['Cross-Origin-Opener-Policy'] = 'same-origin';
    headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
});

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`labelscope: serving at http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
});
