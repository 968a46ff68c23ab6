// Type declarations of labelscope's JS API (hand-written; checked by `npx tsc -p tests/types`).
//
// labelscope finds likely label errors in classification data from the given labels and a model's
// out-of-sample predicted probabilities (confident learning, as in cleanlab 2.9.0), in a
// WebAssembly core. Option names are camelCase; option *values* are cleanlab's
// (`filterBy: 'prune_by_noise_rate'`, `returnIndicesRankedBy: 'self_confidence'`).
//
// These declarations use the DOM types Blob, File, AbortSignal and URL: compile with
// `"lib": ["dom", ...]` (browser) or with @types/node (Node >= 20 has the same globals).
//
// The declarations live by area in ./types/*.d.ts; this file re-exports them all.

export * from './types/core.js';
export * from './types/datasets.js';
export * from './types/errors.js';
export * from './types/api.js';
export * from './types/simulate.js';
export * from './types/cross-val.js';
export * from './types/multilabel.js';
export * from './types/files.js';
