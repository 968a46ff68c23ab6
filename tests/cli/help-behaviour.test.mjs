// Each CLI's help against what that CLI does (newcomer trial: the native help listed cross-val and
// --features, which the native CLI refuses). Every command listed under "Commands:" runs; the ones
// listed apart as the Node CLI's are refused by the native CLI with a pointer to it; every flag a
// help names is taken by that CLI, unless the entry naming it says it is the Node CLI's. The native
// help is src/native/help.gen.mjs's output (run `node src/native/help.gen.mjs` after changing a help).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { COMMANDS, parseCommandLine } from '../../src/cli/args.mjs';
import { HELP_CPP, nativeCommandHelp, nativeTopHelp } from '../../src/native/help.gen.mjs';
import { limited, NATIVE_CLI, ROOT, runCli, runCliAsync } from './helpers.mjs';

const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const REFUSED = /unknown (option|command)|is available in the Node CLI/;

/** The commands under a heading of the top help (its lines up to the next blank line). */
function listed(help, heading) {
  const lines = help.split('\n');
  const at = lines.findIndex((line) => heading.test(line));
  if (at < 0) return [];
  const end = lines.indexOf('', at);
  return lines.slice(at + 1, end < 0 ? undefined : end).map((line) => line.trim().split(/\s+/)[0]);
}

/**
 * The entries of a help text: an option's line with the lines continuing it, or a paragraph's prose.
 * A line indented by two spaces starts an entry; prose lines and deeper lines continue one.
 */
function entries(help) {
  const out = [];
  for (const paragraph of help.split(/\n\s*\n/)) {
    for (const line of paragraph.split('\n')) {
      if (/^ {2}\S/.test(line) || out.length === 0 || out.at(-1).end) out.push({ text: line, end: false });
      else out.at(-1).text += `\n${line}`;
    }
    out.at(-1).end = true;
  }
  return out.map((e) => e.text);
}

const flagsOf = (text) => [...new Set(text.match(/(?<![\w-])--[a-z][a-z0-9-]*/g) ?? [])];

/** Whether the Node CLI takes `flag` for `command` (its own parser: a refused flag is 'unknown option'). */
function nodeTakes(command, flag) {
  try {
    parseCommandLine([command, `${flag}=x`]);
  } catch (e) {
    return !REFUSED.test(e.message);
  }
  return true;
}

/** Whether the native CLI takes `flag` for `command`. */
async function nativeTakes(command, flag) {
  const r = await runCliAsync([command, `${flag}=x`], 'native');
  return !REFUSED.test(r.stderr);
}

/** Every flag named in `help` that no command of `commands` takes, outside an entry saying it is the Node CLI's. */
async function refusedFlags(help, commands, takes) {
  const wrong = [];
  for (const entry of entries(help)) {
    for (const flag of flagsOf(entry)) {
      const taken = await Promise.all(commands.map((c) => takes(c, flag)));
      if (!taken.some(Boolean) && !/Node CLI/.test(entry)) wrong.push(`${flag} in: ${entry.trim()}`);
    }
  }
  return wrong;
}

test('help.cpp is help.gen.mjs output, and the native CLI prints it', () => {
  assert.ok(fs.existsSync(NATIVE_CLI), `${NATIVE_CLI} is missing: npm run build:native`);
  const cpp = fs.readFileSync(path.join(ROOT, 'src/native/help.cpp'), 'utf8');
  assert.ok(cpp === HELP_CPP, 'src/native/help.cpp is stale: run node src/native/help.gen.mjs');
  assert.equal(runCli(['--help'], {}, 'native').stdout, `${nativeTopHelp(VERSION)}\n`);
  for (const command of listed(nativeTopHelp(VERSION), /^Commands:/)) {
    assert.equal(runCli([command, '--help'], {}, 'native').stdout, `${nativeCommandHelp(command)}\n`);
  }
});

test('the commands each help lists are the ones its CLI runs; the Node-only ones point to the Node CLI', async () => {
  const all = Object.keys(COMMANDS);
  for (const which of ['node', 'native']) {
    const help = runCli(['--help'], {}, which).stdout;
    const runs = listed(help, /^Commands:/);
    const elsewhere = listed(help, /Node CLI only/);
    assert.deepEqual([...runs, ...elsewhere].sort(), [...all].sort(), `${which}: every command is in its help`);
    const results = await limited(all.map((command) => () => runCliAsync([command], which)));
    all.forEach((command, i) => {
      const r = results[i];
      assert.equal(r.status, 2, `${which} ${command}: ${r.stderr}`); // no input given: a usage error
      if (runs.includes(command)) assert.doesNotMatch(r.stderr, REFUSED, `${which} ${command}`);
      else assert.match(r.stderr, new RegExp(`^labelscope: '${command}' is available in the Node CLI: npx labelscope`));
    });
    if (which === 'node') assert.deepEqual(elsewhere, []);
  }
  // The native help says the trainer is the Node CLI's, and does not offer --features as its own.
  const native = runCli(['--help'], {}, 'native').stdout;
  assert.doesNotMatch(native, /--features \(or cross-val\) computes/);
  assert.match(native, /--features, --text-column\) are\nthe Node CLI's: npx labelscope/);
});

// A help may name another command's flag ('find-issues: ... ranked by --rank-by'): it is taken by a command.
test("every flag a help names is one its CLI takes, or said to be the Node CLI's", async () => {
  const all = Object.keys(COMMANDS);
  const nativeCommands = listed(runCli(['--help'], {}, 'native').stdout, /^Commands:/);
  const wrong = [
    ...(await refusedFlags(runCli(['--help'], {}, 'node').stdout, all, nodeTakes)),
    ...(await refusedFlags(runCli(['--help'], {}, 'native').stdout, nativeCommands, nativeTakes)),
  ];
  for (const command of all) {
    wrong.push(...(await refusedFlags(COMMANDS[command].help, all, nodeTakes)).map((w) => `node ${command}: ${w}`));
  }
  for (const command of nativeCommands) {
    const help = runCli([command, '--help'], {}, 'native').stdout;
    wrong.push(...(await refusedFlags(help, nativeCommands, nativeTakes)).map((w) => `native ${command}: ${w}`));
  }
  assert.deepEqual(wrong, []);
  // The flags of the trainer, refused by the native CLI, are named in its help as the Node CLI's.
  const audit = runCli(['audit', '--help'], {}, 'native').stdout;
  for (const flag of ['--features', '--text-column', '--folds', '--seed', '--c', '--impute', '--quiet']) {
    assert.equal(await nativeTakes('audit', flag), false, flag);
    assert.ok(audit.includes(flag), flag);
  }
});
