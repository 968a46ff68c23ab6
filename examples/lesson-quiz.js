// The quizzes of lesson.html: each question's choices and right answer come from the live results of
// the <label-scope> elements on the page (their labelscope-result and labelscope-step events), so the
// lesson stays right whatever data or settings the elements are given.

const percent = (v) => `${Math.round(v * 100)}%`;
const count = (n) => n.toLocaleString('en-US');

/** Distinct whole-number choices around the right one, ascending. */
function countChoices(right, max = Infinity) {
  const set = new Set([right]);
  for (const f of [0.5, 1.6, 0.25, 2.5, 0.75, 1.3]) {
    const v = Math.min(max, Math.max(0, Math.round(right * f + (f > 1 ? 3 : -3))));
    if (set.size < 4 && !set.has(v)) set.add(v);
  }
  for (let v = right + 7; set.size < 4; v += 7) set.add(v);
  return [...set].sort((a, b) => a - b).map((v) => ({ value: String(v), label: count(v) }));
}

/** Distinct percentage choices (whole percents) around the right share, ascending. */
function shareChoices(right) {
  const r = Math.round(right * 100);
  const set = new Set([r]);
  for (const d of [-20, 15, -40, 30, -10, 8, -60]) {
    const v = r + d;
    if (set.size < 4 && v >= 0 && v <= 100 && !set.has(v)) set.add(v);
  }
  return [...set].sort((a, b) => a - b).map((v) => ({ value: String(v), label: `${v}%` }));
}

const QUIZZES = {
  'real-flagged': {
    source: 'real',
    build: (d) => ({
      answer: String(d.numIssues),
      choices: countChoices(d.numIssues, d.numExamples),
      right: `Right: ${count(d.numIssues)} of ${count(d.numExamples)} rows are flagged.`,
      wrong: (pick) => `Not quite: labelscope flags ${count(d.numIssues)} rows, not ${count(Number(pick))}.`,
      more: d.truth
        ? `Reviewers confirmed ${d.truth.numErrors} real errors in this set, and ` +
          `${d.truth.flaggedConfirmed} of them are among the flags. Flags are candidates for a second look, not ` +
          `verdicts.`
        : '',
    }),
  },
  'perfect-grade': {
    source: 'real',
    build: (d) => {
      const errors = d.truth?.numErrors;
      if (!errors) return null;
      // Accuracy of a model right about every image, graded against the labels as given: each wrong label
      // costs it a point. The other choices are whole multiples of that cost away, so none is a near-tie.
      const cost = (errors / d.numExamples) * 100;
      const grade = (v) => (100 - v).toFixed(2);
      const right = grade(cost);
      const values = [...new Set([grade(0), right, grade(5 * cost), grade(10 * cost)])];
      return {
        answer: right,
        choices: values.sort((a, b) => Number(a) - Number(b)).map((v) => ({ value: v, label: `${Number(v)}%` })),
        right:
          `Right: ${Number(right)}%. It is marked wrong on each of the ${count(errors)} images ` +
          'whose label is wrong — for giving the right answer.',
        wrong: (pick) =>
          `Not quite: it would get ${Number(right)}%, not ${Number(pick)}%. Each of the ${count(errors)} ` +
          `wrong labels costs it a point out of ${count(d.numExamples)}, for giving the right answer.`,
        more:
          `${count(errors)} images in ${count(d.numExamples)} is ${cost.toFixed(2)} percentage points lost to the ` +
          'answer key, not the model: close to the few tenths of a percent that can separate two models.',
      };
    },
  },
  found: {
    source: 'noisy',
    build: (d) => {
      const s = d.simulation;
      return {
        answer: String(s.found),
        choices: countChoices(s.found, s.flipped),
        right: `Right: it finds ${count(s.found)} of the ${count(s.flipped)} flipped labels.`,
        wrong: (pick) =>
          `Not quite: it finds ${count(s.found)} of the ${count(s.flipped)} flips, not ${count(Number(pick))}.`,
        more: `That is a recall of ${percent(s.recall)}. It flagged ${count(d.numIssues)} rows in all.`,
      };
    },
  },
  'off-diagonal': {
    source: 'steps-step',
    build: (step) => ({
      answer: String(step.offDiagonal),
      choices: countChoices(step.offDiagonal),
      right: `Right: ${count(step.offDiagonal)} rows are counted under a class other than their label.`,
      wrong: () => `Not quite: ${count(step.offDiagonal)} rows land off the diagonal.`,
      more: 'Calibration (step 3) then rescales these counts before pruning decides how many rows to flag.',
    }),
  },
  precision: {
    source: 'noisy',
    build: (d) => {
      const s = d.simulation;
      return {
        answer: String(Math.round(s.precision * 100)),
        choices: shareChoices(s.precision),
        right:
          `Right: ${percent(s.precision)} of the flags are real flips (${count(s.found)} of ` +
          `${count(d.numIssues)}).`,
        wrong: (pick) =>
          `Not quite: precision is ${percent(s.precision)}, not ${pick}%: ${count(s.found)} of ` +
          `the ${count(d.numIssues)} flags are flips.`,
        more:
          'The rest are rows the model disagrees with although their label was never changed — some of them ' +
          'are among MNIST’s own real errors.',
      };
    },
  },
  'pair-recall': {
    source: 'steps',
    build: (d) => {
      const s = d.simulation;
      return {
        answer: String(Math.round(s.recall * 100)),
        choices: shareChoices(s.recall),
        right: `Right: ${percent(s.recall)} of the ${count(s.flipped)} swapped labels were found.`,
        wrong: (pick) =>
          `Not quite: recall is ${percent(s.recall)}, not ${pick}% (${count(s.found)} of ${count(s.flipped)}).`,
        more: 'Swaps between two similar classes are the kind of noise real annotators make most.',
      };
    },
  },
};

const answered = new Map(); // quiz -> right?

function updateScore() {
  const score = document.getElementById('score');
  if (!score) return;
  const right = [...answered.values()].filter(Boolean).length;
  score.textContent = answered.size ? `Your score: ${right} of ${Object.keys(QUIZZES).length} right so far.` : '';
}

function fill(form, spec) {
  if (!spec) return;
  form.dataset.answer = spec.answer;
  form.spec = spec;
  const box = form.querySelector('.choices');
  const name = `q-${form.dataset.quiz}`;
  const checked = form.querySelector('input:checked')?.value;
  box.replaceChildren(
    ...spec.choices.map((c) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      Object.assign(input, { type: 'radio', name, value: c.value, checked: c.value === checked });
      label.append(input, ` ${c.label}`);
      return label;
    }),
  );
  form.querySelector('button').disabled = false;
}

function check(form) {
  const spec = form.spec;
  const feedback = form.querySelector('.feedback');
  const pick = form.querySelector('input:checked')?.value;
  if (!spec) return;
  feedback.replaceChildren();
  if (pick == null) {
    feedback.className = 'feedback';
    feedback.textContent = 'Choose an answer first.';
    return;
  }
  const right = pick === spec.answer;
  answered.set(form.dataset.quiz, right);
  openGate(form.dataset.quiz);
  feedback.className = `feedback ${right ? 'right' : 'wrong'}`;
  feedback.append(right ? spec.right : spec.wrong(pick));
  if (spec.more) {
    const more = document.createElement('span');
    more.className = 'more';
    more.textContent = spec.more;
    feedback.append(more);
  }
  updateScore();
}

/** An element that would show a question's answer stays hidden (still computing) until that question is answered. */
function openGate(quiz) {
  const gate = document.querySelector(`.gated[data-gate="${quiz}"]`);
  if (!gate?.hasAttribute('data-locked')) return;
  gate.removeAttribute('data-locked');
  for (const el of gate.querySelectorAll('label-scope')) el.hidden = false;
}

for (const gate of document.querySelectorAll('.gated')) {
  gate.setAttribute('data-locked', '');
  gate.querySelector('.gate-open')?.addEventListener('click', () => openGate(gate.dataset.gate));
}

for (const form of document.querySelectorAll('form.quiz')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check(form);
  });
}

function forSource(source, detail, el) {
  for (const [quiz, def] of Object.entries(QUIZZES)) {
    if (def.source !== source) continue;
    const form = document.querySelector(`form.quiz[data-quiz="${quiz}"]`);
    if (form) fill(form, def.build(detail, el));
  }
}

document.addEventListener('labelscope-result', (event) => {
  const el = event.target;
  if (el.id) forSource(el.id, event.detail, el);
});

document.addEventListener('labelscope-step', (event) => {
  const el = event.target;
  if (el.id && event.detail.step === 'confident-joint') forSource(`${el.id}-step`, event.detail, el);
});

// The honest check, on demand (it trains a model in the browser): Fashion-MNIST with 10 % noise,
// probabilities computed again on the noisy labels.
document.getElementById('honest-run')?.addEventListener('click', (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  button.textContent = 'Training in your browser…';
  const el = document.createElement('label-scope');
  el.id = 'honest';
  for (const [k, v] of Object.entries({ demo: 'fashion', 'simulate-noise': '0.1', seed: '7', 'max-rows': '5' }))
    el.setAttribute(k, v);
  el.addEventListener(
    'labelscope-result',
    () => {
      button.textContent = 'Done: see the card below';
    },
    { once: true },
  );
  el.addEventListener('labelscope-error', () => {
    button.disabled = false;
    button.textContent = 'Run the honest check again';
  });
  document.getElementById('honest-slot').replaceChildren(el);
});
