// A person's own table of label sets: 300 articles with id, headline, words and length columns and a set column
// (tags written a;b), some sets missing a tag. Shared by the multi-label specs that drop a table of sets.

const TAGS = {
  news: ['today', 'report', 'breaking', 'city', 'said', 'official', 'update', 'week'],
  sport: ['match', 'goal', 'team', 'league', 'coach', 'win', 'season', 'player'],
  politics: ['vote', 'election', 'minister', 'party', 'bill', 'senate', 'policy', 'campaign'],
  tech: ['app', 'chip', 'software', 'startup', 'ai', 'phone', 'cloud', 'data'],
  health: ['doctor', 'vaccine', 'hospital', 'diet', 'study', 'patients', 'virus', 'sleep'],
};

/**
 * 300 articles: headline words from their tags, words and length columns, a tag dropped from some sets. */
export function articlesCsv() {
  let seed = 3;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = (list, n) => [...list].sort(() => rand() - 0.5).slice(0, n);
  const lines = ['id,headline,words,length,labels'];
  for (let i = 0; i < 300; i++) {
    const tags = pick(Object.keys(TAGS), [1, 1, 2, 2, 3][Math.floor(rand() * 5)]);
    const words = pick(
      tags.flatMap((t) => pick(TAGS[t], 3)),
      99,
    );
    const given = rand() < 0.1 && tags.length > 1 ? tags.slice(0, -1) : tags;
    const headline = words.join(' ');
    lines.push(
      `${i},${headline[0].toUpperCase()}${headline.slice(1)},${words.length},${200 + Math.floor(rand() * 1800)},` +
        `${given.join(';')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
