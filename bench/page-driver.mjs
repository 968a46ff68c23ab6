// What the headless-Chromium benchmarks share (bench/bench_browser.mjs, bench/learn/chromium.mjs):
// a temporary site root for scripts/serve.mjs, the server (plain or cross-origin isolated), Chromium,
// and /proc readings of the processes below this one (CPU time, the renderers' peak memory).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = fileURLToPath(new URL('..', import.meta.url));

/**
 * A temp root laid out as the served site: src/js, dist/wasm, examples and bench as symlinks, and
 * with `web` the page's own files at the top (as `npm run build` lays them out). Remove it with
 * fs.rmSync(root, { recursive: true, force: true }).
 */
export function siteRoot(prefix, { web = false } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (web && fs.existsSync(path.join(REPO, 'web'))) {
    for (const entry of fs.readdirSync(path.join(REPO, 'web'))) {
      fs.symlinkSync(path.join(REPO, 'web', entry), path.join(root, entry));
    }
  }
  fs.mkdirSync(path.join(root, 'src'));
  fs.mkdirSync(path.join(root, 'dist'));
  for (const dir of ['src/js', 'dist/wasm', 'examples', 'bench']) {
    fs.symlinkSync(path.join(REPO, dir), path.join(root, dir));
  }
  return root;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

/**
 * scripts/serve.mjs on `root` at a free port, once `readyPath` answers: { server, base }.
 * isolate: cross-origin isolated, as `npm start` serves the page (the worker loads the threaded core).
 */
export async function startServer(root, { readyPath, isolate = false }) {
  const port = await freePort();
  const args = [path.join(REPO, 'scripts/serve.mjs'), '--root', root, '--port', String(port)];
  const server = spawn(process.execPath, isolate ? [...args, '--isolate'] : args, { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}${readyPath}`)).ok) return { server, base };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('serve.mjs did not start');
}

/** Debian's Chromium, headless. */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic'],
    headless: true,
  });
}

/**
 * The processes below this one (Chromium, its renderers and workers, the servers):
 * [{ pid, name, cpuSeconds (user + system, 10 ms ticks), renderer }].
 */
export function descendants() {
  const procs = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(pid), { parent: Number(fields[1]), name, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      /* gone */
    }
  }
  const ours = (pid) => {
    for (let p = procs.get(pid)?.parent, hops = 0; p > 1 && hops < 20; p = procs.get(p)?.parent ?? 0, hops++) {
      if (p === process.pid) return true;
    }
    return false;
  };
  const isRenderer = (pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  };
  return [...procs]
    .filter(([pid]) => ours(pid))
    .map(([pid, { name, ticks }]) => ({
      pid,
      name,
      cpuSeconds: ticks / 100,
      renderer: isRenderer(pid), // USER_HZ = 100 on Linux
    }));
}

/** CPU seconds of Chromium's processes below this one: steadier than wall time on a loaded machine. */
export function chromiumCpuSeconds() {
  return descendants()
    .filter((p) => p.name === 'chromium' || p.name === 'chrome')
    .reduce((sum, p) => sum + p.cpuSeconds, 0);
}

const rendererPids = () =>
  descendants()
    .filter((p) => p.renderer)
    .map((p) => p.pid);

/** Resets the renderers' peak memory (VmHWM), to measure one phase. */
export function resetRendererPeaks() {
  for (const pid of rendererPids()) {
    try {
      fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      /* gone, or not allowed */
    }
  }
}

/** The largest renderer's peak resident memory in MB (the worker's WebAssembly heap lives there). */
export function rendererPeakMb() {
  return Math.max(
    0,
    ...rendererPids().map((pid) => {
      try {
        return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
      } catch {
        return 0;
      }
    }),
  );
}
