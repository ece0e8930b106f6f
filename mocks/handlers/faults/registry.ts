import { FEED_IDS, type FeedId } from '../../../src/contract/routes';
import { FAULT_KEYS, type FaultSettings, type FaultTarget } from './settings';

/** Drops settings that do nothing (false, zero latency, zero trickle), so an empty fault means healthy. */
function normalise(fault: FaultSettings): FaultSettings | undefined {
  const kept: Record<string, unknown> = {};
  for (const key of FAULT_KEYS) {
    const value = fault[key];
    if (value === undefined || value === false || (value === 0 && (key === 'latencyMs' || key === 'trickle'))) continue;
    kept[key] = value;
  }
  return Object.keys(kept).length === 0 ? undefined : (kept as FaultSettings);
}

/** Current faults per feed. One registry per set of handlers; tests may also drive it directly. */
export interface FaultRegistry {
  /** The fault on one feed, if any. */
  get(feed: FeedId): Readonly<FaultSettings> | undefined;
  /** Replaces the fault on one feed (or every feed for `*`); a fault with nothing on heals it. */
  set(target: FaultTarget, fault: FaultSettings): void;
  /** Heals one feed, or every feed when no target (or `*`) is given. */
  heal(target?: FaultTarget): void;
  /** Feeds that have a fault now, with their settings. */
  list(): Partial<Record<FeedId, FaultSettings>>;
}

export function createFaultRegistry(): FaultRegistry {
  const faults = new Map<FeedId, FaultSettings>();
  const targets = (target: FaultTarget): readonly FeedId[] => (target === '*' ? FEED_IDS : [target]);
  return {
    get: (feed) => faults.get(feed),
    set(target, fault) {
      const kept = normalise(fault);
      for (const feed of targets(target)) {
        if (kept) faults.set(feed, { ...kept });
        else faults.delete(feed);
      }
    },
    heal(target = '*') {
      for (const feed of targets(target)) faults.delete(feed);
    },
    list() {
      const out: Partial<Record<FeedId, FaultSettings>> = {};
      for (const feed of FEED_IDS) {
        const fault = faults.get(feed);
        if (fault) out[feed] = { ...fault };
      }
      return out;
    },
  };
}
