import { ProblemError } from '../../mocks/handlers/respond';

/**
 * The `level` parameter against the levels the hub holds, with the sample API's words (mocks/handlers/query.ts
 * reads it against the generated province; the csv and integer parameters are read by its functions as they are).
 */
export function readLevel(url: URL, levelIds: readonly string[]): string | undefined {
  const raw = url.searchParams.getAll('level');
  if (raw.length === 0) return undefined;
  if (raw.length > 1) throw new ProblemError(400, 'Query parameter "level" takes one value.');
  const level = (raw[0] ?? '').trim();
  if (!levelIds.includes(level)) {
    throw new ProblemError(400, `Query parameter "level" has an unknown level "${level}"; one of ${levelIds.join(', ')}.`);
  }
  return level;
}
