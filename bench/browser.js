// In-page half of bench_browser.mjs: everything goes through createLabelScopeWorker, as the page's
// does, so times include postMessage, transfers and the worker's JS glue.
import { createLabelScopeWorker } from '../src/js/index.js';

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => Math.round(x * 1000) / 1000;
const summary = (step, ms, bytes = 0) => {
  const med = median(ms);
  const out = { step, reps: ms.length, median_ms: round(med), min_ms: round(Math.min(...ms)), first_ms: round(ms[0]) };
  if (bytes) Object.assign(out, { bytes, mb_per_s: Math.round((bytes / 1e3 / med) * 10) / 10 });
  return { ...out, all_ms: ms.map(round) };
};

async function times(reps, fn) {
  const ms = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    await fn(r);
    ms.push(performance.now() - t0);
  }
  return ms;
}

const file = (name) => [...document.getElementById('files').files].find((f) => f.name === name);

/** Returns one summary per step. `formats` picks the phases (csv, npy). */
window.runBench = async ({ reps = 3, formats = ['csv', 'npy'] } = {}) => {
  const results = [];
  const t0 = performance.now();
  const client = await createLabelScopeWorker();
  results.push(summary('worker_start', [performance.now() - t0]));
  try {
    if (formats.includes('csv')) {
      const labels = file('labels.csv'),
        predProbs = file('pred_probs.csv');
      const read = [],
        audit = [],
        e2e = [];
      let dataset = null;
      for (let r = 0; r < reps; r++) {
        await dataset?.free();
        const a = performance.now();
        dataset = await client.readDataset({ labels, predProbs });
        const b = performance.now();
        await client.audit(dataset);
        const c = performance.now();
        read.push(b - a);
        audit.push(c - b);
        e2e.push(c - a);
      }
      results.push(
        summary('csv_read', read, labels.size + predProbs.size),
        summary('audit', audit),
        summary('file_to_audit', e2e),
      );
      results.push(summary('find_label_issues', await times(reps, () => client.findLabelIssues({ dataset }))));
      for (const method of ['self_confidence', 'normalized_margin', 'confidence_weighted_entropy']) {
        results.push(
          summary(`scores_${method}`, await times(reps, () => client.getLabelQualityScores({ dataset, method }))),
        );
      }
      await dataset.free();
    }
    if (formats.includes('npy')) {
      const labels = file('labels.npy');
      for (const [bits, options] of [
        ['f64', {}],
        ['f32', { float32: true }],
      ]) {
        const predProbs = file(`pred_probs_${bits}.npy`);
        let dataset = null;
        const ms = await times(reps, async () => {
          await dataset?.free();
          dataset = await client.readDataset({ labels, predProbs }, options);
        });
        results.push(summary(`npy_read_${bits}`, ms, labels.size + predProbs.size));
        if (bits === 'f32') results.push(summary('audit_f32', await times(reps, () => client.audit(dataset))));
        await dataset.free();
      }
    }
  } finally {
    client.terminate();
  }
  return results;
};
document.getElementById('log').textContent = 'ready';
window.benchReady = true;
