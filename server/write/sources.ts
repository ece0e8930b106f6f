import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** What a source's token starts with, so a leaked one is easy to recognise (and to search for in logs). */
export const SOURCE_TOKEN_PREFIX = 'ioc_src_';

/** The SHA-256 of a token, as stored: the hub never keeps a token itself. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface SourceRecord {
  id: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export class SourceError extends Error {
  override name = 'SourceError';
}

/**
 * Registers a source that may push live figures, and returns its new token: shown once, stored only as a hash.
 * Registering an id again gives it a new token (the old one stops working) and brings a revoked source back.
 */
export async function issueSourceToken(db: Kysely<Database>, id: string, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) throw new SourceError(`A source id is 1–64 lower-case letters, digits and hyphens, starting with a letter or digit; got "${id}".`);
  if (name.trim() === '' || name.length > 500) throw new SourceError('A source needs a name of 1–500 characters (what the audit log shows).');
  const token = SOURCE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  await db
    .insertInto('sources')
    .values({ id, name: name.trim(), token_hash: tokenHash(token) })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: name.trim(), token_hash: tokenHash(token), revoked_at: null }))
    .execute();
  return token;
}

/** Revokes a source's token; false when there is no such source. */
export async function revokeSource(db: Kysely<Database>, id: string, at: Date = new Date()): Promise<boolean> {
  const result = await db.updateTable('sources').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every source, by id. */
export async function listSources(db: Kysely<Database>): Promise<SourceRecord[]> {
  const rows = await db.selectFrom('sources').select(['id', 'name', 'created_at', 'revoked_at']).orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: new Date(row.created_at), revokedAt: row.revoked_at && new Date(row.revoked_at) }));
}

/** The source a bearer token belongs to, unless it is unknown or revoked. */
export async function sourceOfToken(db: Kysely<Database>, token: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('sources').select(['id', 'name']).where('token_hash', '=', tokenHash(token)).where('revoked_at', 'is', null).executeTakeFirst();
}
