// Runs in the bench page (chromium.html): labels + features fetched as Files, crossValProbs in the
// worker (createLabelScopeWorker, as web/ computes probabilities), timed from the call to the result.
/* global window, performance, fetch, File */
import { createLabelScopeWorker } from '../../src/js/index.js';

async function file(url) {
  const response = await fetch(url);
  return new File([await response.arrayBuffer()], url.split('/').pop());
}

window.runTrainer = async (labelsUrl, featuresUrl, reps = 1) => {
  const client = await createLabelScopeWorker();
  try {
    const input = { labels: await file(labelsUrl), features: await file(featuresUrl) };
    const runs = [];
    for (let r = 0; r < reps; r++) {
      const folds = [];
      const start = performance.now();
      const result = await client.crossValProbs(input, {
        onProgress: (p) => {
          if (p.stage === 'training') folds.push([p.foldsDone, performance.now() - start]);
        },
      });
      const seconds = (performance.now() - start) / 1000;
      const accuracy = result.folds.reduce((s, f) => s + f.accuracy * f.testRows, 0) / result.numExamples;
      runs.push({
        seconds,
        accuracy,
        c: result.settings.c,
        folds: folds.filter(([d], i) => i === 0 || d !== folds[i - 1][0]),
      });
    }
    return { threads: client.threads ?? null, crossOriginIsolated: globalThis.crossOriginIsolated, runs };
  } finally {
    client.terminate();
  }
};
window.benchReady = true;
