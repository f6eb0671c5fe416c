/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), enough to check what
 * GET /metrics serves: any line it does not understand, a sample before its family's TYPE, or a family
 * declared twice fails the test, so the scrape is proved parseable, not just present.
 */

export interface Sample {
  /** The sample's own name: a histogram's samples are `<family>_bucket`, `_sum` and `_count`. */
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: string;
  help: string;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+-?\\d+)?$`);
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;
const SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['_sum', '_count'] };

function parseValue(text: string): number {
  // As Prometheus reads them (Go's ParseFloat): case-insensitive; prom-client writes NaN as `Nan`.
  if (/^\+?inf$/i.test(text)) return Infinity;
  if (/^-inf$/i.test(text)) return -Infinity;
  if (/^nan$/i.test(text)) return NaN;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`not a sample value: ${text}`);
  return value;
}

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (match === null) throw new Error(`malformed labels: {${text}}`);
    const [, name = '', raw = ''] = match;
    if (name in labels) throw new Error(`label ${name} repeated in {${text}}`);
    labels[name] = raw.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
  }
  return labels;
}

/** The families of `text` by name. Throws on anything that is not valid exposition text. */
export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const familyOf = (sampleName: string): MetricFamily | undefined => {
    for (const family of families.values()) {
      const names = [family.name, ...(SUFFIXES[family.type] ?? []).map((suffix) => family.name + suffix)];
      if (names.includes(sampleName)) return family;
    }
    return undefined;
  };
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const where = `line ${index + 1}: ${line}`;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta !== null) {
      const [, kind, name = '', rest = ''] = meta;
      const family = families.get(name) ?? { name, type: 'untyped', help: '', samples: [] };
      if (kind === 'TYPE') {
        if (family.type !== 'untyped' || family.samples.length > 0) throw new Error(`family declared twice or typed late, ${where}`);
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest)) throw new Error(`unknown type, ${where}`);
        family.type = rest;
      } else {
        family.help = rest;
      }
      families.set(name, family);
      continue;
    }
    if (line.startsWith('#')) continue;
    const sample = SAMPLE.exec(line);
    if (sample === null) throw new Error(`not a sample, ${where}`);
    const [, name = '', labels, value = ''] = sample;
    const family = familyOf(name);
    if (family === undefined) throw new Error(`sample without a TYPE, ${where}`);
    family.samples.push({ name, labels: labels === undefined ? {} : parseLabels(labels), value: parseValue(value) });
  }
  return families;
}

/** Every sample named `name` whose labels include `labels`. */
export function samplesOf(families: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}): Sample[] {
  return [...families.values()]
    .flatMap((family) => family.samples)
    .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}

/** The value of the one sample `name` with exactly these labels' values among its own; 0 when there is none yet. */
export function sampleValue(families: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}): number {
  const found = samplesOf(families, name, labels);
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value ?? 0;
}
