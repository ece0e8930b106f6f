import type { Kysely } from 'kysely';
import type { EventRow, EventsResponse } from '../../src/contract/events';
import type { Database } from '../db/schema';
import { present } from './present';

/**
 * The events about the indicators asked for (all when undefined), by date then id. Events that name no
 * indicator (boundary changes, province-wide notes) concern every indicator, so they are always kept.
 */
export async function readEvents(db: Kysely<Database>, indicators: readonly string[] | undefined): Promise<EventsResponse['data']> {
  let query = db
    .selectFrom('events as e')
    .select((eb) => [
      'e.id',
      eb.cast<string>('e.date', 'text').as('date'),
      'e.kind',
      'e.indicator_id',
      'e.unit_code',
      'e.period',
      'e.title',
      'e.title_en',
      'e.note',
      'e.note_en',
    ])
    .orderBy('e.date')
    .orderBy('e.id');
  if (indicators !== undefined) query = query.where((eb) => eb.or([eb('e.indicator_id', 'is', null), eb('e.indicator_id', 'in', [...indicators])]));
  const rows = await query.execute();
  return {
    rows: rows.map(
      (row): EventRow => ({
        id: row.id,
        date: row.date,
        kind: row.kind,
        ...present('indicator', row.indicator_id),
        ...present('unit', row.unit_code),
        ...present('period', row.period),
        title: row.title,
        ...present('titleEn', row.title_en),
        ...present('note', row.note),
        ...present('noteEn', row.note_en),
      }),
    ),
  };
}
