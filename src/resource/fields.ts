import { CliError } from '../core/errors.js';
import { FIELD_TYPE_ALIASES, FIELD_TYPES, type FieldType } from './field-types.js';
import { isJsReserved, isSqlReserved } from './reserved-words.js';

/** One field of `--fields "title:string,price:number,published:boolean?"`. */
export interface FieldSpec {
  /** camelCase: the property in TypeScript and JSON. */
  name: string;
  /** snake_case: the column. */
  column: string;
  type: FieldType;
  /** `?` after the type: the column is nullable and the field may be omitted or null. */
  optional: boolean;
}

const NAME_PATTERN = /^[a-z][a-zA-Z0-9]*$/;
const MAX_NAME_LENGTH = 40;

/**
 * Names every resource already has (its own columns), and the list query's own parameters, which a
 * field's equality filter (`?title=`) would collide with.
 */
const RESERVED_FIELD_NAMES = new Set(['id', 'createdAt', 'updatedAt', 'page', 'limit', 'cursor', 'sort', 'fields', 'search']);

const EXAMPLE = 'e.g. --fields "title:string,price:number,published:boolean?"';

function invalid(message: string, hint: string): CliError {
  return new CliError('INVALID_RESOURCE', message, hint);
}

/** `publishedAt` → `published_at`, `line2` → `line2`. */
export function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function parseType(raw: string, entry: string): { type: FieldType; optional: boolean } {
  const optional = raw.endsWith('?');
  const word = (optional ? raw.slice(0, -1) : raw).trim().toLowerCase();
  const type = (FIELD_TYPES as readonly string[]).includes(word) ? (word as FieldType) : FIELD_TYPE_ALIASES[word];
  if (type === undefined) {
    throw invalid(`Unknown type "${raw}" in "${entry}"`, `Use one of: ${FIELD_TYPES.join(', ')}; add "?" for an optional field.`);
  }
  return { type, optional };
}

function checkName(name: string, entry: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw invalid(`Invalid field name "${name}" in "${entry}"`, 'Field names are camelCase: a lowercase letter, then letters and digits (publishedAt, line2).');
  }
  if (/[A-Z]{2}/.test(name)) {
    throw invalid(`Invalid field name "${name}": two capitals in a row`, `Write acronyms as words (${name.replace(/[A-Z]+/g, (run) => `${run.charAt(0)}${run.slice(1).toLowerCase()}`)}), so the column name reads back the same.`);
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw invalid(`Field name "${name}" is too long`, `Keep field names at most ${MAX_NAME_LENGTH} characters: PostgreSQL cuts identifiers (and the index names built from them) at 63.`);
  }
  if (RESERVED_FIELD_NAMES.has(name)) {
    throw invalid(`The field name "${name}" is reserved`, 'id, createdAt and updatedAt are added to every resource; page, limit, cursor, sort, fields and search are list parameters.');
  }
  const column = toSnakeCase(name);
  if (isSqlReserved(column) || isSqlReserved(name)) {
    throw invalid(`The field name "${name}" is an SQL reserved word`, 'Choose another name, e.g. "sortOrder" instead of "order".');
  }
  if (isJsReserved(name)) {
    throw invalid(`The field name "${name}" is a JavaScript reserved word`, 'Choose another name, e.g. "className" instead of "class".');
  }
}

/**
 * Parses and validates a `--fields` list. Every problem is a CliError (exit 2) naming the entry, so a
 * typo never reaches the generated code.
 */
export function parseFields(spec: string): FieldSpec[] {
  const entries = spec.split(',').map((entry) => entry.trim());
  if (spec.trim().length === 0) throw invalid('No fields given', `List at least one, ${EXAMPLE}.`);
  if (entries.some((entry) => entry.length === 0)) {
    throw invalid(`Empty entry in the field list "${spec}"`, `Separate fields with single commas, ${EXAMPLE}.`);
  }
  const fields: FieldSpec[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const parts = entry.split(':');
    const [rawName = '', rawType = ''] = parts.map((part) => part.trim());
    if (parts.length !== 2 || rawName.length === 0 || rawType.length === 0) {
      throw invalid(`Invalid field "${entry}": expected name:type`, EXAMPLE);
    }
    checkName(rawName, entry);
    const { type, optional } = parseType(rawType, entry);
    const column = toSnakeCase(rawName);
    const previous = seen.get(column);
    if (previous !== undefined) {
      throw invalid(`Duplicate field "${rawName}"`, previous === rawName ? 'Each field may appear once.' : `"${previous}" and "${rawName}" would both be the column ${column}.`);
    }
    seen.set(column, rawName);
    fields.push({ name: rawName, column, type, optional });
  }
  return fields;
}
