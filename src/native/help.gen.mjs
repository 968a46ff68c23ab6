// Writes src/native/help.cpp from the Node CLI's help texts (src/cli/args.mjs), so both CLIs print
// the same help: `node src/native/help.gen.mjs`. tests/cli/native.test.mjs fails when they drift.
import fs from 'node:fs';
import { COMMANDS, topHelp } from '../cli/args.mjs';

const NATIVE_COMMANDS = ['find-issues', 'scores', 'health', 'audit'];
const literal = (text) => {
  if (text.includes(')"')) throw new Error('a help text holds )": pick another raw-string delimiter');
  return `R"(${text})"`;
};

let out = `// Help texts: the Node CLI's (src/cli/args.mjs), written by help.gen.mjs; do not edit by hand.
#include "native/help.hpp"

namespace labelscope::cli {

namespace {

const char* const TOP = ${literal(topHelp('@').replace(/^labelscope @/, ''))};

}  // namespace

std::string top_help(const std::string& version) { return "labelscope " + version + TOP; }

const char* command_help(const std::string& command) {
`;
for (const name of NATIVE_COMMANDS)
  out += `    if (command == "${name}")\n        return ${literal(COMMANDS[name].help)};\n`;
out += '    return nullptr;\n}\n\n}  // namespace labelscope::cli\n';
fs.writeFileSync(new URL('./help.cpp', import.meta.url), out);
