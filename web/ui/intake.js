// Getting data in: the drop zone (also a button that opens the file picker), the demo buttons, and
// the list of files with the role each was given — changeable, because a guess can be wrong.
import { h, replace, svg, uid } from './dom.js';
import { computedFacts, computedNotes, detectedLabelColumn, listsFeatures } from './computed.js';
import { DEMOS } from './demos.js';
import { canSwap, fileRow, readLabelColumn, wrappableName } from './file-rows.js';
import { formatCount, groupRowCount, isolate, listPhrase } from './format.js';

const ACCEPT = '.csv,.tsv,.txt,.npy,text/csv,text/tab-separated-values,text/plain';

/**
 * handlers: onFiles(File[]), onDemo(name, {keyboard}), onRole(entryIndex, role), onLabelColumn(name, entryIndex),
 * onSwap(), decisionsShown?() -> how many review decisions the results shown hold (a label column changed then is
 * asked about first).
 */
export function createIntake(handlers) {
  const input = h('input', {
    type: 'file',
    multiple: true,
    accept: ACCEPT,
    class: 'visually-hidden',
    tabindex: '-1',
    'aria-hidden': 'true',
    onchange: () => {
      if (input.files.length) handlers.onFiles([...input.files]);
      input.value = ''; // choosing the same file again must still fire change
    },
  });
  const hintId = uid('drop-hint');
  const zone = h(
    'div',
    {
      class: 'drop',
      role: 'button',
      tabindex: '0',
      'aria-describedby': hintId,
      'aria-label': 'Choose files, or drop them here',
      onclick: () => input.click(),
      onkeydown: (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          input.click();
        }
      },
    },
    h('div', { class: 'drop-icon', 'aria-hidden': 'true' }, uploadIcon()),
    h(
      'div',
      { class: 'drop-text' },
      h(
        'p',
        { class: 'drop-title' },
        h('strong', {}, 'Drop files here'),
        ' or ',
        h('span', { class: 'linkish' }, 'choose files'),
      ),
      h(
        'p',
        { class: 'drop-hint', id: hintId },
        'A labelled table of features, or labels + a features file (CSV, .npy or Parquet: the probabilities are ',
        'computed here), or given labels + ',
        'the model’s out-of-sample predicted probabilities (CSV, TSV or .npy), or one CSV with both. ',
        'Optional: a truth file (index, is_error) and a class-names file. Files never leave this device.',
      ),
    ),
  );
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, (e) => {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      zone.classList.add('dragging');
    });
  }
  zone.addEventListener('dragleave', (e) => {
    if (!zone.contains(e.relatedTarget)) zone.classList.remove('dragging');
  });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    e.stopPropagation(); // the page also listens for drops outside the zone
    zone.classList.remove('dragging');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) handlers.onFiles(files);
  });

  const demos = h(
    'div',
    { class: 'demos', role: 'group', 'aria-label': 'Demo datasets' },
    h('span', { class: 'demos-label' }, 'Try a demo:'),
    // The buttons wrap inside their own box beside the label, not under it.
    h(
      'div',
      { class: 'demo-list' },
      Object.entries(DEMOS).map(([name, demo]) =>
        h(
          'button',
          {
            // detail 0: pressed with Enter or Space, not clicked (focus then moves to the results).
            type: 'button',
            class: 'demo',
            'data-demo': name,
            onclick: async (e) => {
              await handlers.onDemo(name, { keyboard: e.detail === 0 });
              // On a phone the results come first: the demo's file list folds instead of pushing them down.
              if (files.ownerDocument.defaultView?.matchMedia('(max-width: 600px)').matches) files.open = false;
            },
          },
          h('span', { class: 'demo-title' }, demo.title),
          h('span', { class: 'demo-detail' }, demo.detail),
        ),
      ),
    ),
  );

  const files = h('details', { class: 'files', hidden: true, open: true });
  const resume = h('div', { class: 'resume-slot' });
  const guideSection = guide();
  const element = h('div', { class: 'intake' }, resume, zone, input, demos, files, guideSection);

  return {
    element,
    zone,
    input,
    /**
     * entries: [{file, role, reason, columns}]; dataset: what the reader found, or null.
     * open: true/false folds the list open or shut; undefined keeps it as the person left it.
     * @param {any[]} entries
     * @param {{problem?: any, labelColumn?: string|null, dataset?: any, open?: boolean}} [options]
     */
    showFiles(entries, { problem, labelColumn, dataset: read, open } = {}) {
      // Simulated noise (ui/lesson-mode.js): the files as read and what was flipped, not the noisy labels held in
      // memory.
      const dataset = read?.simulatedFrom ?? read;
      files.hidden = entries.length === 0;
      if (open !== undefined) files.open = open;
      // A table of features listed: the way on (compute the probabilities here) comes first, not the guide.
      guideSection.hidden = !dataset && listsFeatures(entries);
      replace(
        files,
        h(
          'summary',
          { class: 'files-summary' },
          h('h2', { class: 'section-title' }, 'Files'),
          h('span', { class: 'files-roles' }, rolesPhrase(entries, dataset)),
          dataset ? h('span', { class: 'files-found' }, foundPhrase(dataset)) : null,
          h('span', { class: 'files-toggle', 'aria-hidden': 'true' }),
        ),
        h(
          'ul',
          { class: 'file-list' },
          entries.map((entry, index) =>
            fileRow(
              entry,
              index,
              handlers,
              // What was read, else what the person chose for this file, else the table's own guess.
              readLabelColumn(entry, dataset) ?? entry.chosenLabelColumn ?? detectedLabelColumn(entry),
              dataset,
            ),
          ),
        ),
        canSwap(entries) && !dataset?.computed
          ? h(
              'button',
              { type: 'button', class: 'quiet swap', onclick: handlers.onSwap },
              'Swap labels ⇄ probabilities',
            )
          : null,
        problem ? h('p', { class: 'next-step', role: 'status' }, problem) : null,
        dataset ? readSummary(dataset, entries, labelColumn) : null,
      );
    },
    /**
     * The offer to pick up the last session: {title, text, resume() or null, forget(), forgetLabel},
     * or null to remove it.
     */
    setResume(offer) {
      if (!offer) {
        resume.replaceChildren();
        return;
      }
      const titleId = uid('resume');
      replace(
        resume,
        h(
          'section',
          { class: 'resume', 'aria-labelledby': titleId },
          h(
            'div',
            { class: 'resume-text' },
            h('p', { class: 'resume-title', id: titleId }, offer.title),
            h('p', { class: 'help' }, offer.text),
          ),
          h(
            'div',
            { class: 'resume-actions' },
            offer.resume ? h('button', { type: 'button', class: 'resume-go', onclick: offer.resume }, 'Resume') : null,
            h('button', { type: 'button', class: 'quiet resume-forget', onclick: offer.forget }, offer.forgetLabel),
          ),
        ),
      );
    },
    /** Unfolds the file list (after an error, so the person can fix a role). */
    openFiles() {
      files.open = true;
    },
  };
}

const SHORT_ROLES = {
  labels: 'labels',
  predProbs: 'probabilities',
  features: 'features',
  combined: 'labels + probabilities',
  truth: 'known truth',
  classNames: 'class names',
  ignore: 'not used',
};

/** "labels.csv → labels · pred_probs.npy → probabilities · truth.csv, candidates.csv → known truth" */
function rolesPhrase(entries, dataset) {
  const byRole = new Map();
  for (const e of entries) {
    const role = shortRole(e, dataset);
    byRole.set(role, [...(byRole.get(role) ?? []), e.file.name]);
  }
  // A plain name may wrap after _ - . / (wrappableName); one with right-to-left text stays one isolate.
  const name = (n) => (isolate(n) === n ? wrappableName(n) : isolate(n));
  return [...byRole].flatMap(([role, names], r) => [
    r ? ' · ' : '',
    ...names.flatMap((n, i) => [i ? ', ' : '', name(n)]),
    ` → ${role}`,
  ]);
}

/** A file's role in a word or two: a table or file of features (probabilities computed here) says so. */
function shortRole(entry, dataset) {
  const features = dataset?.computed || (!dataset && entry.looksLikeFeatures);
  if (features && entry.role === 'combined') return 'labels + features';
  if (dataset?.computed && entry.role === 'predProbs') return SHORT_ROLES.features;
  return SHORT_ROLES[entry.role];
}

function foundPhrase(dataset) {
  const names = dataset.classNames.slice(0, 6).map(isolate); // each name in its own isolate (format.js)
  const shown = dataset.classNames.length > 6 ? `${names.slice(0, 5).join(', ')}, …` : names.join(', ');
  return `${formatCount(dataset.numExamples)} examples, ${formatCount(dataset.numClasses)} classes (${shown})`;
}

/** An arrow rising out of a tray. */
function uploadIcon() {
  return svg(
    'svg',
    {
      viewBox: '0 0 24 24',
      width: 24,
      height: 24,
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': 2,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
    },
    svg('path', { d: 'M12 15V4' }),
    svg('path', { d: 'M7 9l5-5 5 5' }),
    svg('path', { d: 'M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3' }),
  );
}

/** What a newcomer needs to bring, shown until the first dataset is read. */
function guide() {
  const item = (title, text, example) =>
    h(
      'li',
      { class: 'guide-item' },
      h('p', { class: 'guide-title' }, title),
      h('p', { class: 'help' }, text),
      h('code', { class: 'guide-example' }, example),
    );
  return h(
    'section',
    { class: 'guide', 'aria-label': 'What you need' },
    h('h2', { class: 'section-title' }, 'What you need'),
    h(
      'ol',
      { class: 'guide-list' },
      item(
        'Given labels',
        'One label per row: a class name or a class index from 0. A header such as “label” is optional.',
        'label\ncat\ndog',
      ),
      item(
        'Predicted probabilities',
        'One column per class, rows in the same order, from a model that did not ' +
          'train on those rows (e.g. cross-validation).',
        'cat,dog\n0.91,0.09\n0.12,0.88',
      ),
      item(
        'Or one table',
        'A label column next to one probability column per class — or next to features, and ' +
          'the probabilities are computed here by cross-validation. Other columns (id, text) are shown alongside.',
        'id,text,label,cat,dog',
      ),
      item(
        'Optional: known truth',
        'A file with index and is_error columns — or a true_label column in the table — scores the flags.',
        'index,is_error\n17,1',
      ),
    ),
  );
}

/** Simulated noise on the labels read: how many flipped and what the analysis below uses. */
function simulatedFact(sim, n) {
  const how = sim.matrix ? 'by a noise matrix' : sim.pair ? 'within a pair of classes' : `rate ${sim.rate}`;
  const probs =
    sim.probabilities === 'recomputed' ? 'probabilities trained again on them' : 'the probabilities read, kept';
  return (
    `Simulated noise: ${formatCount(sim.flipped)} of these ${formatCount(n)} labels flipped in memory (${how}, ` +
    `seed ${sim.seed}); the analysis below uses the noisy labels with ${probs}, and the flips as known truth. ` +
    'The files are unchanged.'
  );
}

/** "Read 49 examples and 4 classes: ..." — what the reader actually took from the files. */
function readSummary(dataset, entries, labelColumn) {
  const names = dataset.classNames;
  const shownNames =
    names.length > 12
      ? [...names.slice(0, 12).map(isolate), `${formatCount(names.length - 12)} more`]
      : names.map(isolate);
  const combined = entries.find((e) => e.role === 'combined');
  const facts = [];
  if (dataset.computed) {
    facts.push(...computedFacts(dataset.computed));
  } else if (combined) {
    const label = readLabelColumn(combined, dataset) ?? labelColumn;
    facts.push(`Label column: ${label == null ? '?' : isolate(label)}, one probability column per class.`);
  }
  if (dataset.extraColumns.length)
    facts.push(`Shown alongside: ${listPhrase(dataset.extraColumns.map((c) => isolate(c.name)))}.`);
  const sim = dataset.simulation;
  if (dataset.trueLabels)
    facts.push(
      sim ? 'A true_label column (set aside while noise is simulated).' : 'Known truth: the true_label column.',
    );
  if (dataset.knownErrors)
    facts.push(sim ? 'An is_error column (set aside while noise is simulated).' : 'Known truth: the is_error column.');
  if (sim) facts.push(simulatedFact(sim, dataset.numExamples));
  // Computed here: the reader's notes would describe the computed table, not the person's files.
  const noteList = dataset.computed ? computedNotes(dataset.computed) : (dataset.notes ?? []);
  const notes = noteList.length
    ? h(
        'details',
        { class: 'notes' },
        h('summary', {}, 'How the files were read'),
        h(
          'ul',
          {},
          noteList.map((n) => h('li', {}, groupRowCount(n))),
        ),
      )
    : null;
  return h(
    'div',
    { class: 'read-summary', role: 'status' },
    h(
      'p',
      {},
      'Read ',
      h('strong', {}, `${formatCount(dataset.numExamples)} examples`),
      ' and ',
      h('strong', {}, `${formatCount(dataset.numClasses)} classes`),
      `: ${listPhrase(shownNames)}. `,
      h('span', { class: 'read-facts' }, facts.join(' ')),
    ),
    notes,
  );
}
