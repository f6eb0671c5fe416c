import { CliError } from '../core/errors.js';
import { pluralize, singularize } from './inflect.js';
import { isJsReserved, isSqlReserved } from './reserved-words.js';

/**
 * Every spelling of a resource name the generated code needs, derived once from what the user typed
 * ("product", "products", "blog-post", "BlogPosts" …), so templates only print.
 */
export interface ResourceNames {
  /** kebab-case, singular: `blog-post` (file names of the type, schema and rules modules). */
  singular: string;
  /** kebab-case, plural: `blog-posts` (URL path, permissions, file names of the layers). */
  plural: string;
  /** `blogPost`, `blogPosts`: identifiers and dependency keys. */
  camelSingular: string;
  camelPlural: string;
  /** `BlogPost`, `BlogPosts`: types and classes. */
  pascalSingular: string;
  pascalPlural: string;
  /** `BLOG_POST`: constants (`BLOG_POST_FIELDS`). */
  constantSingular: string;
  /** `blog_posts`: the table. */
  table: string;
  /** `blog post`, `blog posts`, `Blog post`, `Blog posts`: messages and docs. */
  humanSingular: string;
  humanPlural: string;
  titleSingular: string;
  titlePlural: string;
}

const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/;
const MAX_TABLE_LENGTH = 40;

/**
 * Names the generated code already uses for its own types and modules (`Page`, `Cache`, `Rule` …) or
 * whose routes exist in every project: a resource named so would shadow an import or a route.
 */
const TAKEN_SINGULARS = new Set([
  'page', 'cache', 'rule', 'cursor', 'route', 'dependency', 'app', 'env', 'config', 'database', 'db', 'logger',
  'event', 'health', 'doc', 'auth', 'me', 'account', 'error', 'api', 'test', 'helper', 'schema', 'migration',
  'plugin', 'service', 'repository', 'controller', 'middleware', 'type', 'util', 'lib', 'job', 'worker',
]);

function invalid(message: string, hint: string): CliError {
  return new CliError('INVALID_RESOURCE', message, hint);
}

/** `BlogPosts`, `blog_posts`, `blog-posts` → ['blog', 'posts']. */
function words(input: string): string[] {
  return input
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .split(/[-_]/)
    .map((word) => word.toLowerCase());
}

const capitalize = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
const camel = (parts: string[]) => parts.map((part, i) => (i === 0 ? part : capitalize(part))).join('');

export function resourceNames(input: string): ResourceNames {
  const raw = input.trim();
  if (raw.length === 0) throw invalid('No resource name given', 'Pass one, e.g. `solid-backend generate resource product --fields "title:string"`.');
  const parts = NAME_PATTERN.test(raw) ? words(raw) : [];
  if (parts.length === 0 || parts.some((part) => !/^[a-z][a-z0-9]*$/.test(part))) {
    throw invalid(
      `Invalid resource name "${raw}"`,
      'Use letters and digits, words separated by "-" or "_" or in camelCase, each word starting with a letter: product, blog-post, BlogPost.',
    );
  }
  const last = parts.at(-1) ?? '';
  const singularWords = [...parts.slice(0, -1), singularize(last)];
  const pluralWords = [...parts.slice(0, -1), pluralize(singularize(last))];
  const names: ResourceNames = {
    singular: singularWords.join('-'),
    plural: pluralWords.join('-'),
    camelSingular: camel(singularWords),
    camelPlural: camel(pluralWords),
    pascalSingular: singularWords.map(capitalize).join(''),
    pascalPlural: pluralWords.map(capitalize).join(''),
    constantSingular: singularWords.join('_').toUpperCase(),
    table: pluralWords.join('_'),
    humanSingular: singularWords.join(' '),
    humanPlural: pluralWords.join(' '),
    titleSingular: capitalize(singularWords.join(' ')),
    titlePlural: capitalize(pluralWords.join(' ')),
  };
  checkUsable(raw, names);
  return names;
}

function checkUsable(raw: string, names: ResourceNames): void {
  if (TAKEN_SINGULARS.has(names.camelSingular) || TAKEN_SINGULARS.has(names.camelPlural)) {
    throw invalid(`The resource name "${raw}" is taken by the generated code itself`, 'Choose a more specific name, e.g. "product-page" instead of "page".');
  }
  // The table is SQL; the camelCase names are JavaScript identifiers (variables, properties).
  const reserved = [names.table].filter(isSqlReserved).concat([names.camelSingular, names.camelPlural].filter(isJsReserved));
  if (reserved.length > 0) {
    throw invalid(`The resource name "${raw}" is a reserved word ("${reserved[0]}")`, 'Choose another name, or add a word: "school-class" instead of "class".');
  }
  if (names.table.length > MAX_TABLE_LENGTH) {
    throw invalid(`The resource name "${raw}" is too long`, `Keep the table name (${names.table}) at most ${MAX_TABLE_LENGTH} characters: PostgreSQL cuts identifiers at 63, and index names add to it.`);
  }
}
