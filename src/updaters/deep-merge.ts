type Data = Record<string, unknown>;

export function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges declared data where it does not clash: records merge key by key, any other value must be
 * equal on both sides. Two features that contribute to one compose service use this; a real clash
 * is a bug in the manifests, reported with the path.
 */
export function mergeDeclared(a: Data, b: Data, path: string): Data {
  const merged: Data = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const current = merged[key];
    if (current === undefined) merged[key] = value;
    else if (isRecord(current) && isRecord(value)) merged[key] = mergeDeclared(current, value, `${path}.${key}`);
    else if (JSON.stringify(current) !== JSON.stringify(value)) throw new Error(`Conflicting values for ${path}.${key}`);
  }
  return merged;
}
