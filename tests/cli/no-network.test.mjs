// The CLI never opens a network connection: with net/http/https/dns/fetch made to throw (a preload
// via NODE_OPTIONS), every command still works and nothing tried to connect.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, HEADLINES, ROOT } from './helpers.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-nonet-'));
const log = path.join(dir, 'attempts.log');
const preload = path.join(dir, 'no-network.cjs');
fs.writeFileSync(
  preload,
  `
const fs = require('node:fs');
const block = (what) => function () {
  fs.appendFileSync(${JSON.stringify(log)}, what + '\\n');
  throw new Error('network access blocked by the test: ' + what);
};
const net = require('node:net');
for (const k of ['connect', 'createConnection']) net[k] = block('net.' + k);
net.Socket.prototype.connect = block('net.Socket.connect');
require('node:tls').connect = block('tls.connect');
for (const m of ['node:http', 'node:https']) {
  const mod = require(m);
  mod.request = block(m + '.request');
  mod.get = block(m + '.get');
}
const dns = require('node:dns');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns[k] = block('dns.' + k);
dns.promises.lookup = block('dns.promises.lookup');
require('node:dgram').createSocket = block('dgram.createSocket');
globalThis.fetch = block('fetch');
globalThis.WebSocket = block('WebSocket');
`,
);
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args) =>
  spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}` },
  });

test('the preload really blocks the network', () => {
  const r = spawnSync(
    process.execPath,
    ['-e', "fetch('http://127.0.0.1:9/').catch((e) => { console.log(e.message); })"],
    {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--require ${preload}` },
    },
  );
  assert.match(r.stdout + r.stderr, /network access blocked by the test: fetch/);
  fs.rmSync(log, { force: true });
});

test('every command runs with the network blocked, and never tried it', () => {
  const files = [
    '--labels',
    path.join(HEADLINES, 'labels.csv'),
    '--pred-probs',
    path.join(HEADLINES, 'pred_probs.csv'),
  ];
  for (const command of ['find-issues', 'scores', 'health', 'audit']) {
    for (const format of ['json', 'csv']) {
      if (command === 'health' && format === 'csv') continue;
      const r = run([command, ...files, '--format', format]);
      assert.equal(r.status, 0, `${command} ${format}: ${r.stderr}`);
      assert.ok(r.stdout.length > 0);
    }
  }
  const bad = run([
    'find-issues',
    '--labels',
    path.join(HEADLINES, 'labels.csv'),
    '--pred-probs',
    path.join(ROOT, 'tests/fixtures/bad/nan/pred_probs.csv'),
  ]);
  assert.equal(bad.status, 3, bad.stderr);
  assert.equal(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '', '');
});
