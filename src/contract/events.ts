import * as v from 'valibot';
import { Code, IsoDate, Text, Year, envelope } from './common';

/** An annotation for charts and timelines: a methodology break, a boundary change, a publication. */
export const EventRow = v.object({
  id: Code,
  date: IsoDate,
  kind: v.picklist(['methodology-break', 'boundary-change', 'publication', 'note']),
  indicator: v.optional(Code),
  unit: v.optional(Code),
  period: v.optional(Year),
  title: Text,
  titleEn: v.optional(Text),
  note: v.optional(Text),
  noteEn: v.optional(Text),
});
export type EventRow = v.InferOutput<typeof EventRow>;

export const EventsData = v.object({ rows: v.array(EventRow) });
export const EventsResponse = envelope(EventsData);
export type EventsResponse = v.InferOutput<typeof EventsResponse>;
