import { z } from 'zod';

/**
 * A whole number carried in a string (env vars, query strings). Stricter than z.coerce.number(),
 * which would accept '' as 0 and '1e3' as 1000. At most 16 digits: more cannot be a safe integer.
 */
export const intString = (min: number, max: number) =>
  z
    .string()
    .trim()
    .max(16)
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
