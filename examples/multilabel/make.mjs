// Writes the multi-label demo (news.csv, labels.csv, pred_probs.csv) from the items below: short
// news items written for labelscope, each with its true topics and, for a few, the topics a
// hurried annotator gave instead. The probabilities stand in for a one-vs-rest classifier's
// out-of-sample output: seeded, high for true topics, low for the others, a few borderline.
// Run: node examples/multilabel/make.mjs
import fs from 'node:fs';

const TOPICS = ['politics', 'sport', 'business', 'tech', 'health', 'science', 'culture'];
// [text, true topics, given topics if the annotator erred]
const ITEMS = [
  ['Parliament passes budget after late-night vote', 'politics;business'],
  ['Local team wins the regional football final', 'sport'],
  ['Chipmaker shares jump on record quarterly sales', 'business;tech'],
  ['New vaccine trial shows strong immune response', 'health;science'],
  ['Film festival opens with a documentary on jazz', 'culture'],
  ['Minister resigns over hospital funding dispute', 'politics;health', 'politics'],
  ['Marathon runner breaks national record in Berlin', 'sport'],
  ['Startup raises funds for battery recycling plant', 'business;tech;science', 'business;tech'],
  ['Astronomers spot water vapour on distant planet', 'science'],
  ['Museum returns looted statues to their homeland', 'culture;politics'],
  ['Streaming service cuts prices as subscribers fall', 'business;tech;culture', 'business;tech'],
  ['Olympic committee reviews doping test procedures', 'sport;health'],
  ['Central bank holds interest rates steady', 'business;politics', 'business;sport'],
  ['Study links sleep loss to heart disease risk', 'health;science'],
  ['Open-source browser adds built-in translation', 'tech'],
  ['Tennis star announces retirement after injury', 'sport;health'],
  ['Election debate focuses on housing and jobs', 'politics'],
  ['Orchestra premieres symphony written by an AI model', 'culture;tech'],
  ['Drought pushes grain prices to five-year high', 'business;science', 'business;culture'],
  ['City council bans cars from the old town centre', 'politics'],
  ['Cycling federation approves new helmet standard', 'sport;health'],
  ['Quantum computer solves chemistry problem faster', 'tech;science'],
  ['Bookshop chain reports best holiday season in years', 'business;culture'],
  ['Hospitals trial robots for routine deliveries', 'health;tech'],
  ['Senate committee questions social media executives', 'politics;tech'],
  ['Football club sold to overseas investment group', 'sport;business'],
  ['Researchers map the genome of an ancient wheat', 'science'],
  ['Theatre revives a forgotten comedy from 1890', 'culture', 'culture;sport'],
  ['Pharmacy prices rise as generic supply tightens', 'health;business'],
  ['Satellite launch delayed by a fuel valve fault', 'science;tech'],
  ['Swimmers protest pool closures in three towns', 'sport;politics'],
  ['Smartphone maker recalls chargers over fire risk', 'tech;business'],
  ['Painter wins national prize for city portraits', 'culture'],
  ['Clinic waiting times fall after new booking system', 'health;tech', 'health'],
  ['Trade talks stall over farm subsidies', 'politics;business'],
  ['Chess prodigy becomes youngest grandmaster', 'sport;culture', 'culture'],
  ['Volcano monitoring network gets new sensors', 'science;tech'],
  ['Heatwave warning issued for the weekend', 'health;science', 'politics'],
  ['Video game studio opens a school for coders', 'tech;culture;business'],
  ['Rowing crew trains at altitude before the final', 'sport'],
  ['Mayor unveils plan for free school meals', 'politics;health'],
  ['Telescope images reveal a newborn star cluster', 'science'],
  ['Fashion week goes digital with virtual runways', 'culture;tech'],
  ['Insurers raise premiums after storm season', 'business'],
  ['Basketball league expands to two new cities', 'sport;business'],
  ['Doctors warn about a rise in measles cases', 'health', 'health;sport'],
  ['Poetry slam draws record crowd downtown', 'culture'],
  ['Electric bus fleet doubles in the capital', 'tech;politics'],
];

let seed = 20260601;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const round = (x) => Math.round(x * 1000) / 1000;

const news = ['id,text,labels'];
const labels = ['labels'];
const probs = [TOPICS.join(',')];
ITEMS.forEach(([text, truth, given], i) => {
  const trueSet = truth.split(';');
  const givenSet = (given ?? truth).split(';');
  const quote = (s) => `"${s.replace(/"/g, '""')}"`;
  news.push(`${i + 1},${quote(text)},${givenSet.join(';')}`);
  labels.push(givenSet.join(';'));
  probs.push(
    TOPICS.map((t) => {
      const borderline = random() < 0.08;
      const p = trueSet.includes(t) ? 0.72 + 0.26 * random() : 0.02 + 0.18 * random();
      return round(borderline ? 0.35 + 0.3 * random() : p);
    }).join(','),
  );
});
const dir = new URL('./', import.meta.url);
fs.writeFileSync(new URL('news.csv', dir), `${news.join('\n')}\n`);
fs.writeFileSync(new URL('labels.csv', dir), `${labels.join('\n')}\n`);
fs.writeFileSync(new URL('pred_probs.csv', dir), `${probs.join('\n')}\n`);
