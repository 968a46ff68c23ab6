// Tables for the tests of warnings about probabilities computed here (model-trust.test.mjs, the e2e spec
// model-trust.spec.mjs): generated, so the same bytes every run and no fixture file to keep.

/** A small deterministic generator (an LCG): the same table every run. */
export function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];

/**
 * A Titanic-like table: 'class' (First/Second/Third) is the label the reader guesses by its name, 'pclass' its
 * copy as 1/2/3, 'survived' (first column, 0/1) and 'alone' (last) other candidates; fare depends on the class.
 */
export function titanic(rows = 240) {
  const r = random(7);
  const lines = ['survived,pclass,sex,age,fare,embarked,class,who,alone'];
  for (let i = 0; i < rows; i++) {
    const p = 1 + Math.floor(r() * 3);
    const fare = (80 / p + r() * 60).toFixed(2);
    const sex = pick(r, ['male', 'female']);
    lines.push(
      [
        r() < 0.4 ? 1 : 0,
        p,
        sex,
        Math.floor(2 + r() * 70),
        fare,
        pick(r, ['S', 'C', 'Q']),
        ['First', 'Second', 'Third'][p - 1],
        pick(r, ['man', 'woman', 'child']),
        pick(r, ['True', 'False']),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Support tickets: the category written in several cases and spacings, a date column, words that tell them apart. */
export function tickets(rows = 300) {
  const r = random(11);
  const words = {
    billing: ['refund', 'invoice', 'charge', 'card', 'price'],
    technical: ['error', 'crash', 'login', 'screen', 'bug'],
    shipping: ['parcel', 'courier', 'late', 'address', 'box'],
  };
  const lines = ['ticket_id,opened,plan,message,category'];
  for (let i = 0; i < rows; i++) {
    const c = pick(r, Object.keys(words));
    const spelling = i % 20 === 3 ? c.toUpperCase() : i % 20 === 7 ? ` ${c[0].toUpperCase()}${c.slice(1)}` : c;
    const message = Array.from({ length: 5 }, () => pick(r, words[c]))
      .concat(['hello', 'please'])
      .join(' ');
    const day = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    lines.push([`T${i}`, day, pick(r, ['free', 'pro', 'team']), message, spelling].join(','));
  }
  return `${lines.join('\n')}\n`;
}
