/**
 * Finding units by name the way people type them: without Vietnamese diacritics, in any case, with extra
 * spaces ("thu dau mot" finds "Thủ Dầu Một", "DAK" finds "Đắk Lắk").
 */

/** A name reduced for matching: NFD, combining marks removed, đ/Đ → d, lower case, spaces collapsed. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How well a name matches; lower is better. */
export const MatchRank = {
  /** The whole name starts with the query. */
  namePrefix: 0,
  /** A word of the name (or the code) starts with the query. */
  wordPrefix: 1,
  /** Every word of the query starts a word of the name, in any order. */
  allWords: 2,
  /** The query is somewhere inside the name. */
  substring: 3,
} as const;

/** The best rank of `query` (already folded) in `name` (already folded), or null when it does not match. */
export function matchRank(query: string, name: string): number | null {
  if (!query) return null;
  if (name.startsWith(query)) return MatchRank.namePrefix;
  const at = name.indexOf(query);
  if (at > 0 && name.includes(` ${query}`)) return MatchRank.wordPrefix;
  const words = name.split(' ');
  const parts = query.split(' ');
  if (parts.length > 1 && parts.every((p) => words.some((w) => w.startsWith(p)))) return MatchRank.allWords;
  return at >= 0 ? MatchRank.substring : null;
}

export interface Searchable {
  code: string;
  /** Every name the item goes by (Vietnamese, English), matched without diacritics. */
  names: readonly string[];
}

/**
 * The items matching `query`, best first: the name starts with it, then a word (or the code) starts with it,
 * then all its words start words of the name, then it is anywhere inside; ties by where it matched, then by
 * the first name (Vietnamese collation).
 */
export function searchUnits<T extends Searchable>(query: string, items: readonly T[], limit = 12): T[] {
  const q = foldVietnamese(query);
  if (!q) return [];
  const hits: { item: T; rank: number; at: number; name: string }[] = [];
  for (const item of items) {
    let best: { rank: number; at: number } | null = null;
    if (item.code.toLowerCase().startsWith(q)) best = { rank: MatchRank.wordPrefix, at: 0 };
    for (const name of item.names) {
      const folded = foldVietnamese(name);
      const rank = matchRank(q, folded);
      if (rank === null) continue;
      const at = Math.max(0, folded.indexOf(q));
      if (!best || rank < best.rank || (rank === best.rank && at < best.at)) best = { rank, at };
    }
    if (best) hits.push({ item, ...best, name: item.names[0] ?? item.code });
  }
  hits.sort((a, b) => a.rank - b.rank || a.at - b.at || a.name.localeCompare(b.name, 'vi'));
  return hits.slice(0, limit).map((h) => h.item);
}
