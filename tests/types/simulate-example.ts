// Typed use of simulated noise (src/js/simulate.js, compare.js), checked by `npx tsc -p tests/types`.
import { createLabelScope, createLabelScopeWorker, type DetectionScore, type NoiseSimulation } from 'labelscope';

export async function lesson(file: File): Promise<void> {
  const ls = await createLabelScope();
  const dataset = await ls.readDataset({ combined: file });
  const sim: NoiseSimulation = ls.simulateNoise({ dataset, rate: 0.1, seed: 7, pair: 'Shirt,T-shirt' });
  ls.simulateNoise({ labels: [0, 1, 2], numClasses: 3, rate: 0.5, pair: [0, 'two'] });
  ls.simulateNoise({
    labels: new Int32Array(3),
    numClasses: 2,
    noiseMatrix: [
      [0.9, 0.2],
      [0.1, 0.8],
    ],
  });
  // @ts-expect-error a noise matrix sets the rate itself
  ls.simulateNoise({
    dataset,
    rate: 0.1,
    noiseMatrix: [
      [1, 0],
      [0, 1],
    ],
  });
  // @ts-expect-error rate (or a noise matrix) is required
  ls.simulateNoise({ dataset, seed: 1 });
  const predProbs = dataset.probabilityRows(0, dataset.numExamples);
  const found = ls.findLabelIssues({ labels: sim.noisyLabels, predProbs, numClasses: dataset.numClasses });
  const score: DetectionScore = ls.scoreDetection({ simulation: sim, flagged: found });
  const recall: number | null = score.recall;
  ls.scoreDetection({ isError: sim.isError, flagged: found.indices });
  const table = ls.compareMethods({ dataset, simulation: sim });
  for (const m of table.methods) console.log(m.filterBy, m.precision, m.recall, recall);
  for (const r of table.rankings) console.log(r.rankBy, r.precisionAtK);
  const sweep: DetectionScore[] = ls.sweepNoiseRate({ dataset, rates: [0, 0.1, 0.2], filterBy: 'both' });
  // @ts-expect-error filterBy takes cleanlab's method names
  ls.sweepNoiseRate({ dataset, filterBy: 'prune' });
  console.log(sweep.map((s) => s.recall));

  const worker = await createLabelScopeWorker();
  const wd = await worker.readDataset({ combined: file });
  const wsim = await worker.simulateNoise({ dataset: wd, rate: 0.2 });
  await worker.scoreDetection({ simulation: wsim, flagged: [1, 2] });

  // Probabilities for the noisy labels: recomputed on them from features, or kept.
  const pixels = { name: 'pixels.npy', data: new Uint8Array(16) };
  const noisy = await ls.simulateNoisyData({ dataset, rate: 0.1, seed: 7, features: pixels, crossVal: { folds: 3 } });
  const how: 'recomputed' | 'kept' = noisy.probabilities;
  ls.audit({ labels: noisy.labels, predProbs: noisy.predProbs, numClasses: noisy.numClasses });
  console.log(how, noisy.crossVal?.settings.c);
  await ls.simulateNoisyData({ dataset, rate: 0.1, probabilities: 'keep', returnDataset: true });
  // @ts-expect-error probabilities is 'recompute' or 'keep'
  await ls.simulateNoisyData({ dataset, rate: 0.1, probabilities: 'retrain' });
  const honest = await ls.sweepNoisyData({
    dataset,
    rates: [0, 0.1],
    features: pixels,
    onProgress: (p) => console.log(p.rateIndex),
  });
  console.log(honest.map((h) => [h.recall, h.probabilities]));
  const wnoisy = await worker.simulateNoisyData({
    dataset: wd,
    rate: 0.1,
    features: new Blob([]),
    returnDataset: true,
  });
  await wnoisy.dataset?.free();
}
