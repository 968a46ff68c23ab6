// Writes src/native/help.cpp from the Node CLI's help texts (src/cli/args.mjs): `node src/native/help.gen.mjs`.
// The native CLI's variant of them: the Node CLI's commands and flags it does not run (a model trained on
// features: src/cli/cmd-cross-val.mjs, simulate-noise) are listed apart with where they are, not as its own.
// tests/cli/help-behaviour.test.mjs fails when help.cpp is not this file's output, or a help names what its
// CLI refuses.
import fs from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { COMMANDS, topHelp } from '../cli/args.mjs';
import { FEATURE_HELP } from '../cli/cmd-cross-val.mjs';

const NATIVE_COMMANDS = ['find-issues', 'scores', 'health', 'audit'];
const NODE_ONLY = Object.keys(COMMANDS).filter((name) => !NATIVE_COMMANDS.includes(name));
const nativeFeatureHelp = (
  command,
) => `Probabilities computed from the data's own features (--features, --text-column, --folds,
--seed, --c, --impute, --fold-case, --quiet) are the Node CLI's: npx labelscope ${command} --data FILE --features all
(this native build has no trainer: it reads --pred-probs, or --data with probability columns).`;

/** A command's help as the native CLI prints it. */
export function nativeCommandHelp(command) {
  const help = COMMANDS[command].help;
  if (!help.includes(FEATURE_HELP)) throw new Error(`the help of ${command} no longer holds FEATURE_HELP`);
  return help.replace(FEATURE_HELP, nativeFeatureHelp(command));
}

/** labelscope --help as the native CLI prints it. */
export const nativeTopHelp = (version) => topHelp(version, NODE_ONLY);
const literal = (text) => {
  if (text.includes(')"')) throw new Error('a help text holds )": pick another raw-string delimiter');
  return `R"(${text})"`;
};

let out = `// Help texts: the native variant of the Node CLI's (src/cli/args.mjs), written by help.gen.mjs; do not edit by hand.
#include "native/help.hpp"

namespace labelscope::cli {

namespace {

const char* const TOP = ${literal(nativeTopHelp('@').replace(/^labelscope @/, ''))};

}  // namespace

std::string top_help(const std::string& version) { return "labelscope " + version + TOP; }

const char* command_help(const std::string& command) {
`;
for (const name of NATIVE_COMMANDS)
  out += `    if (command == "${name}")\n        return ${literal(nativeCommandHelp(name))};\n`;
out += '    return nullptr;\n}\n\n}  // namespace labelscope::cli\n';
/** help.cpp's text. */
export const HELP_CPP = out;
// Imported by the tests for the texts; run as a script it writes help.cpp.
if (process.argv[1] && new URL(import.meta.url).pathname === fs.realpathSync(process.argv[1])) {
  fs.writeFileSync(new URL('./help.cpp', import.meta.url), out);
}
