/**
 * English singular ⇄ plural for resource names, deliberately small: the regular rules plus the
 * irregular nouns a backend is likely to name. A user whose noun is not covered can pass the form
 * that reads right; both forms are accepted and the other is derived.
 */

const IRREGULAR: Readonly<Record<string, string>> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  mouse: 'mice',
  goose: 'geese',
  tooth: 'teeth',
  foot: 'feet',
  ox: 'oxen',
  leaf: 'leaves',
  life: 'lives',
  knife: 'knives',
  wife: 'wives',
  half: 'halves',
  shelf: 'shelves',
  criterion: 'criteria',
  phenomenon: 'phenomena',
  datum: 'data',
  medium: 'media',
  index: 'indices',
  matrix: 'matrices',
  vertex: 'vertices',
  quiz: 'quizzes',
};

const IRREGULAR_SINGULAR: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(IRREGULAR).map(([one, many]) => [many, one]));

/** Nouns whose plural is the same word: the table and the type share the name. */
const UNCOUNTABLE = new Set(['series', 'species', 'news', 'sheep', 'fish', 'deer', 'equipment', 'information', 'metadata', 'feedback', 'software', 'staff']);

export function pluralize(word: string): string {
  if (UNCOUNTABLE.has(word)) return word;
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/is$/.test(word)) return `${word.slice(0, -2)}es`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** Singular nouns that end in a plural-looking "s" (besides -ss, -us, -is, which are handled by rule). */
const SINGULAR_WITH_S = new Set(['alias', 'atlas', 'bias', 'canvas', 'gas', 'lens', 'chaos', 'pancreas']);

/** The singular of `word`, which may already be singular. */
export function singularize(word: string): string {
  if (UNCOUNTABLE.has(word)) return word;
  const irregular = IRREGULAR_SINGULAR[word];
  if (irregular !== undefined) return irregular;
  if (IRREGULAR[word] !== undefined || SINGULAR_WITH_S.has(word) || /(ss|us|is)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  // boxes, classes, dishes, matches, buzzes; statuses and buses (but houses and causes keep their e).
  if (/(sses|shes|ches|xes|zzes)$/.test(word) || /[^aeiou]uses$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
