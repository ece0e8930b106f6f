import * as v from 'valibot';
import type { Rejection } from './result';

/**
 * Validates rows one by one: valid rows pass, invalid ones are quarantined with the field and the reason.
 * `check` adds rules that need context (a known indicator, a value inside its scale).
 */
export function partitionRows<S extends v.GenericSchema>(
  rows: unknown,
  schema: S,
  check?: (row: v.InferOutput<S>) => string | null,
): { valid: v.InferOutput<S>[]; rejected: Rejection[] } {
  const valid: v.InferOutput<S>[] = [];
  const rejected: Rejection[] = [];
  if (!Array.isArray(rows)) return { valid, rejected: [{ index: -1, reason: 'rows is not a list' }] };
  rows.forEach((row, index) => {
    const result = v.safeParse(schema, row);
    if (!result.success) {
      const issue = result.issues[0];
      rejected.push({ index, reason: `${v.getDotPath(issue) ?? 'row'}: ${issue.message}` });
      return;
    }
    const problem = check?.(result.output);
    if (problem) rejected.push({ index, reason: problem });
    else valid.push(result.output);
  });
  return { valid, rejected };
}
