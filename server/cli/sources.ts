import { userInfo } from 'node:os';
import { recordAudit } from '../write/audit';
import { fail, openCliStore } from './store';
import { issueSourceToken, listSources, revokeSource, SourceError } from '../write/sources';

/**
 * `npm run hub:sources -- add ID NAME…` | `list` | `revoke ID`: the systems that may push live figures to
 * POST /api/v1/service-kpis. `add` prints the new token once, to stdout (the hub keeps only its hash); adding an
 * id again replaces its token. Same environment as the hub (DATABASE_URL, or DATA_DIR while the hub is stopped:
 * a PGlite folder is one process's).
 */

const USAGE = 'Usage: npm run hub:sources -- add ID NAME… | list | revoke ID';

const [command, id, ...nameWords] = process.argv.slice(2);
if (command !== 'add' && command !== 'list' && command !== 'revoke') fail(USAGE);
if (command !== 'list' && !id) fail(USAGE);

const actor = `cli:${userInfo().username}`;
const db = await openCliStore();
try {
  if (command === 'add') {
    const token = await db.transaction().execute(async (trx) => {
      const issued = await issueSourceToken(trx, id ?? '', nameWords.join(' '));
      await recordAudit(trx, { actor, action: 'source-add', outcome: 'done', detail: { source: id } });
      return issued;
    });
    console.error(`Source "${id}" may now push to POST /api/v1/service-kpis with this token (shown once; the hub keeps only its hash):`);
    console.log(token);
  } else if (command === 'revoke') {
    const revoked = await db.transaction().execute(async (trx) => {
      const done = await revokeSource(trx, id ?? '');
      if (done) await recordAudit(trx, { actor, action: 'source-revoke', outcome: 'done', detail: { source: id } });
      return done;
    });
    if (!revoked) fail(`No source "${id}" with a token in force; \`npm run hub:sources -- list\` lists them.`);
    console.error(`Source "${id}" was revoked: its token no longer works.`);
  } else {
    for (const source of await listSources(db)) {
      console.log([source.id, source.revokedAt ? `revoked ${source.revokedAt.toISOString()}` : 'in force', `since ${source.createdAt.toISOString()}`, source.name].join('\t'));
    }
  }
} catch (error) {
  fail(error instanceof SourceError ? error.message : `The sources command failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await db.destroy();
}
