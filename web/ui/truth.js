// Known truth for the page: the truth-file format, combining sources and scoring live in
// src/js/truth.js (shared with the CLI); the page only calls them.
export { buildTruth, parseTruthFile, scoreFlags } from '../src/js/truth.js';
