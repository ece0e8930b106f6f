import type { ImportCounts, ImportScope } from '../db/schema';
import type { ImportRecord } from '../read/imports';
import type { ImportProblem } from '../import';
import type { ResultChange, ResultValues } from '../write/imports/diff';
import type { ImportReport } from '../write/imports/results';
import type { UndoReport } from '../write/imports/undo';

/**
 * What `npm run import` prints, as lines of text. Pure. Problems are printed in the language asked for (the
 * messages come in Vietnamese and English); the command's own words are English, like the hub's other commands.
 */

export type Lang = 'vi' | 'en';

/** Changes printed after a report; the rest are counted (`--json` gives the report's whole list). */
export const PRINTED_CHANGES = 20;

const kB = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`);

export const scopeText = (s: ImportScope) => `${s.indicator} ${s.period} ${s.level}`;

export const countsText = (c: ImportCounts) => `${c.added} added, ${c.changed} changed, ${c.removed} removed, ${c.unchanged} unchanged`;

const rankText = (v: ResultValues) => (v.rank === null ? 'no rank' : `rank ${v.rank}${v.rankOf === null ? '' : `/${v.rankOf}`}`);

const componentsText = (v: ResultValues) => {
  const n = Object.keys(v.components ?? {}).length;
  return n === 0 ? 'no components' : `${n} component${n === 1 ? '' : 's'}`;
};

const valuesText = (v: ResultValues) => `${v.value}, ${rankText(v)}, ${componentsText(v)}`;

/** Components whose scores differ, the first three named. */
function componentChanges(before: ResultValues, after: ResultValues): string | null {
  const a = before.components ?? {};
  const b = after.components ?? {};
  if (Object.keys(a).length === 0 || Object.keys(b).length === 0) {
    return Object.keys(a).length === Object.keys(b).length ? null : `${componentsText(before)} → ${componentsText(after)}`;
  }
  const ids = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort().filter((id) => a[id] !== b[id]);
  if (ids.length === 0) return null;
  const named = ids.slice(0, 3).map((id) => `${id} ${a[id] ?? '—'} → ${b[id] ?? '—'}`);
  return `${named.join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}`;
}

/** Only what differs: the score, the rank, the components. */
function differenceText(before: ResultValues, after: ResultValues): string {
  const parts = [
    before.value === after.value ? null : `score ${before.value} → ${after.value}`,
    before.rank === after.rank && before.rankOf === after.rankOf ? null : `${rankText(before)} → ${rankText(after)}`,
    componentChanges(before, after),
  ].filter((part) => part !== null);
  return parts.join('; ');
}

export function changeText(change: ResultChange): string {
  const where = `${change.kind.padEnd(7)} ${change.indicator} ${change.period} ${change.unit}`;
  if (change.before && change.after) return `${where}: ${differenceText(change.before, change.after)}`;
  if (change.after) return `${where}: ${valuesText(change.after)}`;
  return `${where}: was ${change.before ? valuesText(change.before) : '—'}`;
}

export function problemText(p: ImportProblem, lang: Lang): string {
  const place = [p.sheet, p.row === null ? null : `row ${p.row}`, p.column === null ? null : `column ${p.column}`].filter((part) => part !== null).join(', ');
  return `${place ? `[${place}] ` : ''}${p.message[lang]}`;
}

const HEADLINE: Record<ImportReport['outcome'], string> = {
  'dry-run': 'Dry run: nothing was written.',
  imported: 'Imported.',
  unchanged: 'Nothing to import: the hub already holds exactly these figures. Nothing was written.',
  refused: 'Refused: nothing was written. Correct the file and import it again.',
};

export function reportLines(report: ImportReport, lang: Lang, fileArgument: string): string[] {
  const rows = report.outcome === 'refused' ? '' : `: ${report.rows} row${report.rows === 1 ? '' : 's'}`;
  const lines = [`${report.file.name} (${kB(report.file.bytes)}, sha256 ${report.file.sha256.slice(0, 12)}…)${rows}.`, HEADLINE[report.outcome]];
  if (report.outcome === 'refused') {
    lines.push(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}:`);
    for (const p of report.problems) lines.push(`  ${problemText(p, lang)}`);
    return lines;
  }
  if (report.importId !== null) lines.push(`Import ${report.importId}; to undo it: npm run import -- --undo ${report.importId}`);
  for (const scope of report.scopes) lines.push(`  ${scopeText(scope)}: ${countsText(scope.counts)}`);
  if (report.scopes.length > 1) lines.push(`  in all: ${countsText(report.counts)}`);
  const total = report.counts.added + report.counts.changed + report.counts.removed;
  if (total > 0) {
    lines.push(report.outcome === 'dry-run' ? 'Would change:' : 'Changed:');
    for (const change of report.changes.slice(0, PRINTED_CHANGES)) lines.push(`  ${changeText(change)}`);
    if (total > PRINTED_CHANGES) lines.push(`  … and ${total - PRINTED_CHANGES} more (--json lists up to ${report.changes.length}).`);
  }
  if (report.outcome === 'dry-run' && total > 0) lines.push(`To import it: npm run import -- ${fileArgument}`);
  return lines;
}

export function undoLines(report: UndoReport): string[] {
  return [
    `Import ${report.importId} was undone: ${report.restored} row${report.restored === 1 ? '' : 's'} put back as they were, ${report.removed} of the import's taken out.`,
    ...report.scopes.map((scope) => `  ${scopeText(scope)}`),
  ];
}

/** One line per import, newest first: id, when, who, file, what it changed, and whether it was undone. */
export function listLines(records: readonly ImportRecord[]): string[] {
  if (records.length === 0) return ['No imports yet.'];
  return records.map((r) =>
    [r.id, r.at, r.actor, r.fileName, r.scopes.map(scopeText).join('; '), countsText(r.counts), r.undone ? `undone ${r.undone.at} by ${r.undone.by}` : 'in force'].join('\t'),
  );
}
