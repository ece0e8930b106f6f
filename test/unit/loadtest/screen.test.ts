// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Screen, type Sample } from '../../../loadtest/screen';
import { useSampleApi } from '../../support/msw';

// A still clock: the sample's data does not change while the screen polls, so every refresh is a 304.
const api = useSampleApi({ now: () => new Date('2026-03-02T03:04:05Z') });
const REQUESTS = 'http://api.test/__mock/requests';

async function poll(steady: boolean, ms: number): Promise<{ samples: Sample[]; counts: Record<string, number>; notModified: Record<string, number> }> {
  await fetch(REQUESTS, { method: 'DELETE' });
  const samples: Sample[] = [];
  const screen = new Screen({
    base: `${api.baseUrl}/`,
    queries: [
      { feed: 'meta', path: 'meta' },
      { feed: 'service-kpis', path: 'service-kpis' },
      { feed: 'service-kpis', path: 'service-kpis?level=province' },
    ],
    cadenceMs: () => 600,
    timeoutMs: 2_000,
    retry: { retries: 0, baseMs: 50, maxMs: 800 },
    record: (sample) => samples.push(sample),
    steady,
    random: () => 0.5, // every feed's ticks at 300 ms, 900 ms, 1,500 ms… after switch-on
  });
  await screen.start();
  await new Promise((resolve) => setTimeout(resolve, ms));
  await screen.stop();
  const read = (await (await fetch(REQUESTS)).json()) as { counts: Record<string, number>; notModified: Record<string, number> };
  return { samples, ...read };
}

describe('a light client of the load test', () => {
  it('loads every query at switch-on, then asks each once per cadence with the ETag it holds', async () => {
    const { samples, counts, notModified } = await poll(false, 2_000);
    const first = samples.filter((sample) => sample.first);
    expect(first.map((sample) => [sample.feed, sample.status])).toEqual(
      expect.arrayContaining([
        ['meta', 200],
        ['service-kpis', 200],
        ['service-kpis', 200],
      ]),
    );
    expect(first).toHaveLength(3);
    const refreshes = samples.filter((sample) => !sample.first);
    // As the app: the tick at 300 ms finds the switch-on load too recent; 900 ms and 1,500 ms ask again.
    expect(refreshes.length).toBeGreaterThanOrEqual(2 * 3 - 1);
    expect(refreshes.length).toBeLessThanOrEqual(3 * 3);
    expect(refreshes.every((sample) => sample.status === 304)).toBe(true);
    expect(counts.meta).toBe(1 + refreshes.filter((sample) => sample.feed === 'meta').length);
    expect(notModified['service-kpis']).toBe(refreshes.filter((sample) => sample.feed === 'service-kpis').length);
  });

  it('as a screen that has been on for a while, asks again at its first tick', async () => {
    const { samples } = await poll(true, 2_000);
    const meta = samples.filter((sample) => !sample.first && sample.feed === 'meta');
    // Ticks at 300, 900 and 1,500 ms (± timers): three refreshes.
    expect(meta.length).toBeGreaterThanOrEqual(3);
    expect(meta.length).toBeLessThanOrEqual(4);
  });
});
