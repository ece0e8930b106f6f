import { CONTRACT_VERSION } from '../contract/common';

/**
 * The last good answer of each query, kept in the browser so a reload (or a tablet offline in a meeting)
 * shows it, marked as cached, until fresh data arrives. Versioned by the contract: entries written for
 * another contract version are dropped. Bounded: an item over MAX_ITEM_CHARS is not kept, and the oldest
 * items go first when the total passes BUDGET_CHARS. Each copy keeps the ETag it came with, so that after a
 * reload the first request for it can be conditional and a 304 confirms it without sending it again.
 */
const ROOT = 'ioc.cache.';
const PREFIX = `${ROOT}v${CONTRACT_VERSION}.`;
export const MAX_ITEM_CHARS = 1_500_000;
export const BUDGET_CHARS = 3_500_000;

export interface CachedAnswer<T> {
  data: T;
  asOf: string | null;
  sample: boolean;
  savedAt: number;
  /** The answer's ETag; absent in copies written before ETags were kept. */
  etag?: string | null;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const itemKey = (feed: string, key: string) => `${PREFIX}${feed}.${key}`;

export function readCached<T>(feed: string, key: string): CachedAnswer<T> | null {
  const store = storage();
  if (!store) return null;
  try {
    const raw = store.getItem(itemKey(feed, key));
    return raw ? (JSON.parse(raw) as CachedAnswer<T>) : null;
  } catch {
    return null;
  }
}

/** Our items in storage: key and size, oldest first; items of other contract versions are removed. */
function ourItems(store: Storage): { key: string; size: number; savedAt: number }[] {
  const items: { key: string; size: number; savedAt: number }[] = [];
  for (let i = store.length - 1; i >= 0; i--) {
    const key = store.key(i);
    if (!key?.startsWith(ROOT)) continue;
    if (!key.startsWith(PREFIX)) {
      store.removeItem(key);
      continue;
    }
    const raw = store.getItem(key) ?? '';
    const savedAt = Number(/"savedAt":(\d+)/.exec(raw)?.[1] ?? 0);
    items.push({ key, size: raw.length, savedAt });
  }
  return items.sort((a, b) => a.savedAt - b.savedAt);
}

export function writeCached<T>(feed: string, key: string, answer: CachedAnswer<T>): void {
  const store = storage();
  if (!store) return;
  const name = itemKey(feed, key);
  let text: string;
  try {
    text = JSON.stringify(answer);
  } catch {
    return;
  }
  if (text.length > MAX_ITEM_CHARS) {
    store.removeItem(name);
    return;
  }
  const items = ourItems(store).filter((item) => item.key !== name);
  let total = items.reduce((sum, item) => sum + item.size, 0) + text.length;
  while (total > BUDGET_CHARS && items.length) {
    const oldest = items.shift() as { key: string; size: number };
    store.removeItem(oldest.key);
    total -= oldest.size;
  }
  try {
    store.setItem(name, text);
  } catch {
    // The browser's own quota: drop the oldest half of our items and give up on this one.
    for (const item of items.slice(0, Math.ceil(items.length / 2))) store.removeItem(item.key);
  }
}
