import type { Kysely } from 'kysely';
import { vnDay } from '../../src/domain/time';
import type { SampleProvince } from '../../mocks/generator/types';
import type { Database } from '../db/schema';
import { feedSample } from './sampleService';

export interface SampleFeeder {
  /** Stops the ticks; a feed under way finishes. */
  stop: () => void;
}

export interface SampleFeederOptions {
  now: () => Date;
  /** How often the sample sends a snapshot (default: every minute, as the sample API's figures move). */
  everyMs?: number;
  log?: (message: string, error: unknown) => void;
}

/**
 * Feeds the sample's snapshot every minute, and back-fills the day just closed once the day changes, so a hub
 * that runs for weeks keeps its sample's history whole. A failed feed is logged and tried again at the next tick.
 */
export function startSampleFeeder(db: Kysely<Database>, province: SampleProvince, options: SampleFeederOptions): SampleFeeder {
  const log = options.log ?? ((message, error) => console.error(message, error));
  let fedDay = vnDay(options.now());
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const at = options.now();
    const day = vnDay(at);
    feedSample(db, province, at, { backfill: day !== fedDay })
      .then(() => {
        fedDay = day;
      })
      .catch((error: unknown) => log('The sample feeder failed; it tries again in a minute:', error))
      .finally(() => {
        running = false;
      });
  }, options.everyMs ?? 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
