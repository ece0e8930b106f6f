import { CrosswalkRow, Unit } from '../contract/units';
import { fetchEnvelope } from './envelope';
import { feedUrl, type FeedContext, type FeedRequest } from './context';
import { partitionRows } from './rows';
import type { FeedResult } from './result';

export interface UnitTable {
  units: Unit[];
  crosswalk: CrosswalkRow[];
}

/** Units with their validity dates, and the crosswalk across boundary changes. */
export async function loadUnits(ctx: FeedContext, request: FeedRequest = {}): Promise<FeedResult<UnitTable>> {
  const got = await fetchEnvelope(ctx.client, 'units', feedUrl(ctx, 'units'), undefined, request);
  if (!got.ok || got.notModified) return got;
  const seen = new Set<string>();
  const units = partitionRows(got.envelope.data.units, Unit, (unit) => {
    if (seen.has(unit.code)) return `unit ${unit.code} listed twice`;
    seen.add(unit.code);
    return null;
  });
  const crosswalk = partitionRows(got.envelope.data.crosswalk ?? [], CrosswalkRow, (row) =>
    seen.has(row.from) && seen.has(row.to) ? null : `crosswalk ${row.from} → ${row.to} names a unit not in the unit table`,
  );
  return {
    ok: true,
    data: { units: units.valid, crosswalk: crosswalk.valid },
    asOf: got.envelope.asOf,
    sample: got.envelope.sample,
    rejected: [...units.rejected, ...crosswalk.rejected.map((r) => ({ ...r, reason: `crosswalk ${r.reason}` }))],
    etag: got.etag,
  };
}
