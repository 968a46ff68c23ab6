// The printed table: one row per dataset x step, the three builds side by side, ratios measured in
// the same run, and the targets that apply to the row.
const STEPS = [
  ['csv_read', 'CSV read'],
  ['csv_read:first', 'CSV read, 1st rep (cold)'],
  ['npy_read_f64', '.npy read f64'],
  ['npy_read_f32', '.npy read f32'],
  ['find_label_issues', 'find_label_issues'],
  ['scores_self_confidence', 'scores self_confidence'],
  ['scores_normalized_margin', 'scores normalized_margin'],
  ['scores_confidence_weighted_entropy', 'scores conf_weighted_entropy'],
  ['audit', 'audit'],
  ['audit_f32', 'audit (f32 storage)'],
  ['file_to_audit', 'File -> read + audit'],
  ['cli_find_issues', 'CLI find-issues (process)'],
  ['cli_find_issues_single_thread', 'CLI find-issues --single-thread'],
  ['native_cli_find_issues', 'native CLI find-issues (process)'],
  ['cleanlab_find_issues', 'cleanlab + pandas (process)'],
  ['page_drop_to_first_row', 'page: drop -> first row'],
  ['page_drop_to_first_row_single_thread', 'page, not isolated (1 thread)'],
];

const fmtMs = (x) => (x == null ? '' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const cell = (r) =>
  r?.median_ms == null
    ? ''
    : r.median_cpu_ms == null
      ? fmtMs(r.median_ms)
      : `${fmtMs(r.median_ms)} (${fmtMs(r.median_cpu_ms)})`;
const fmtRatio = (a, b) => (a == null || b == null || b === 0 ? '' : (a / b).toFixed(2));
const fmtMb = (x) => (x == null ? '-' : x.toFixed(0));

function pad(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c < 2 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

const SHORT = { native: 'nat', 'wasm-node': 'node', chromium: 'chr', cli: 'cli', 'chromium-page': 'page' };
const mark = (met) => (met == null ? '?' : met ? 'yes' : 'NO');
// The verdict on wall time, and on CPU time where it differs (a busy machine inflates wall time).
const verdict = (t) =>
  t.met_cpu == null || t.met_cpu === t.met ? mark(t.met) : `${mark(t.met)} (cpu ${mark(t.met_cpu)})`;
const limitText = (t) => `${t.atMost != null ? '<=' : '>='}${t.atMost ?? t.atLeast} ${t.unit}`;

export function renderTable(results, datasets, targets) {
  const get = (impl, dataset, step) => results.find((r) => r.impl === impl && r.dataset === dataset && r.step === step);
  const header = [
    'dataset',
    'step',
    'native ms (cpu)',
    'wasm-node ms (cpu)',
    'chromium ms (cpu)',
    'node/nat',
    'chr/nat',
    'MB/s nat/node/chr',
    'target',
    'met?',
  ];
  const rows = [header];
  for (const d of datasets) {
    for (const [key, label] of STEPS) {
      // "step:first": the first repetition, which pays for fresh memory (and, in WASM, for code
      // not yet optimised) as a one-shot CLI run or a page load always does.
      const [step, first] = key.split(':');
      const pick = (r) =>
        r && first
          ? {
              median_ms: r.first_ms,
              bytes: r.bytes,
              mb_per_s: r.first_ms ? Math.round(r.bytes / 1e3 / r.first_ms) : null,
            }
          : r;
      const native = pick(get('native', d.name, step));
      const node = pick(get('wasm-node', d.name, step) ?? get('cli', d.name, step));
      const chrome = pick(get('chromium', d.name, step) ?? get('chromium-page', d.name, step));
      if (!native && !node && !chrome) continue;
      // Scaling checks compare two rows: they are listed under the table only.
      const own = first
        ? []
        : targets.filter(
            (t) => t.dataset === d.name && t.step === step && !t.phase && !/^(linear|k-scaling)/.test(t.id),
          );
      const mbps = [native, node, chrome].some((r) => r?.mb_per_s != null)
        ? [native, node, chrome].map((r) => fmtMb(r?.mb_per_s)).join('/')
        : '';
      rows.push([
        d.name,
        label,
        cell(native),
        cell(node),
        cell(chrome),
        step.startsWith('cli_') ? '' : fmtRatio(node?.median_ms, native?.median_ms),
        fmtRatio(chrome?.median_ms, native?.median_ms),
        mbps,
        own
          .map((t) => `${SHORT[t.impl]}${limitText(t).replace(' x native', 'x').replace(' x raw read', 'x raw')}`)
          .join(' '),
        own.map(verdict).join('/'),
      ]);
    }
    const rss = results.find((r) => r.impl === 'native' && r.dataset === d.name && r.phase === 'csv_read+analysis');
    const heap = results.find(
      (r) => r.impl === 'wasm-node' && r.dataset === d.name && r.step === 'wasm_heap' && r.phase === 'csv_read',
    );
    const page =
      results.find((r) => r.dataset === d.name && r.step === 'renderer_peak_rss' && r.impl === 'chromium-page') ??
      results.find((r) => r.dataset === d.name && r.step === 'renderer_peak_rss');
    const heapTarget = targets.find((t) => t.id === `heap-csv_read-${d.name}`);
    rows.push([
      d.name,
      'peak MB (RSS / WASM heap / renderer)',
      fmtMb(rss?.mb),
      fmtMb(heap?.mb),
      fmtMb(page?.mb),
      '',
      '',
      '',
      heapTarget ? `wasm heap ${limitText(heapTarget)}` : '',
      heapTarget ? mark(heapTarget.met) : '',
    ]);
  }
  const lines = pad(rows);
  lines.splice(1, 0, '-'.repeat(lines[0].length));
  const summary = targets.map(
    (t) =>
      `  ${mark(t.met).padEnd(3)}  ${t.what}: ${t.value ?? 'not measured'} ` +
      `${t.value == null ? '' : t.unit}` +
      `${t.value_cpu != null ? ` (on CPU time: ${t.value_cpu}, ${mark(t.met_cpu)})` : ''} (target ${limitText(t)})`,
  );
  const met = targets.filter((t) => t.met === true).length,
    missed = targets.filter((t) => t.met === false).length;
  return [
    ...lines,
    '',
    `Targets: ${met} met, ${missed} missed, ${targets.length - met - missed} not measured`,
    ...summary,
  ].join('\n');
}
