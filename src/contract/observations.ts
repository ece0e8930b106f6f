import * as v from 'valibot';
import { Code, FiniteNumber, Year, envelope } from './common';

const Rank = v.pipe(v.number(), v.integer(), v.minValue(1));

/**
 * One value of one indicator for one unit and one year. For the province itself, `rank` is its national
 * rank among `rankOf` provinces; for districts and communes it is their rank inside the province.
 * Ranks are competition ranks: tied values share a rank and the next rank is skipped (1, 2, 2, 4).
 */
export const ObservationRow = v.object({
  indicator: Code,
  unit: Code,
  level: Code,
  period: Year,
  value: FiniteNumber,
  rank: v.optional(Rank),
  rankOf: v.optional(Rank),
  /** Component id → score, for the components valid in that period. */
  components: v.optional(v.record(Code, FiniteNumber)),
});
export type ObservationRow = v.InferOutput<typeof ObservationRow>;

export const ObservationsData = v.object({ rows: v.array(ObservationRow) });
export const ObservationsResponse = envelope(ObservationsData);
export type ObservationsResponse = v.InferOutput<typeof ObservationsResponse>;
