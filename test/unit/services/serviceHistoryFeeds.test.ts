// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createFeedContext } from '../../../src/config/feedContext';
import { parseConfig } from '../../../src/config/load';
import { loadServiceCloses, loadServiceHistory } from '../../../src/feeds/serviceHistory';

const base = 'http://feeds.test/api/v1';
const raw = JSON.parse(readFileSync(resolve(process.cwd(), 'public/config.json'), 'utf8'));
raw.request = { timeoutMs: 1000, retries: 0, retryBaseMs: 50 };
const ctx = createFeedContext(parseConfig(raw), 'http://feeds.test/');
const asOf = '2026-03-10T00:00:00+07:00';

const row = (over: Record<string, unknown> = {}) => ({
  unit: '9901',
  level: 'commune',
  period: { kind: 'day', from: '2026-03-09', to: '2026-03-09' },
  counts: { received: 40, resolved: 38, resolvedOnTime: 37, pending: 90, overdue: 1 },
  rates: { 'on-time': 97.4 },
  ...over,
});
const calendar = [{ day: '2026-03-09', working: true, holiday: null }];

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('the closes adapter', () => {
  it('keeps the valid rows and quarantines those that contradict themselves or repeat a period, each with its reason', async () => {
    server.use(
      http.get(`${base}/service-kpis/closes`, () =>
        HttpResponse.json({
          asOf,
          sample: false,
          data: {
            today: '2026-03-10',
            lastWorkingDay: '2026-03-09',
            calendar,
            rows: [
              row(),
              row(),
              row({ unit: '9902', counts: { received: 1, resolved: 1, resolvedOnTime: 2, pending: 0, overdue: 0 } }),
              row({ unit: '9903', period: { kind: 'day', from: '2026-03-08', to: '2026-03-09' } }),
              row({ unit: '9904', period: { kind: 'week', from: '2026-03-02', to: '2026-03-08' } }),
            ],
          },
        }),
      ),
    );
    const result = await loadServiceCloses(ctx, {}, null);
    expect(result.ok && !result.notModified && result.data.rows.map((r) => r.unit)).toEqual(['9901']);
    expect(result.ok && !result.notModified && result.rejected.map((r) => r.reason)).toEqual([
      'second day row for 9901',
      '9902: more resolved on time than resolved',
      "9903: a day's close spans 2026-03-08 to 2026-03-09",
      expect.stringContaining('period.kind'),
    ]);
  });

  it('refuses an answer whose calendar is broken, naming the field: it would mislabel every row', async () => {
    server.use(
      http.get(`${base}/service-kpis/closes`, () =>
        HttpResponse.json({ asOf, sample: false, data: { today: '10/03/2026', lastWorkingDay: null, calendar, rows: [row()] } }),
      ),
    );
    const result = await loadServiceCloses(ctx, {}, null);
    expect(result).toMatchObject({ ok: false, error: { feed: 'service-closes', kind: 'schema', field: 'today' } });
  });
});

describe('the history adapter', () => {
  it("keeps one unit's days and months, oldest first, and quarantines another unit's rows", async () => {
    const month = (from: string, to: string) => row({ period: { kind: 'month', from, to } });
    server.use(
      http.get(`${base}/units/9901/service-history`, () =>
        HttpResponse.json({
          asOf,
          sample: false,
          data: {
            unit: '9901',
            today: '2026-03-10',
            calendar,
            days: [row(), row({ unit: '9902' })],
            months: [month('2026-02-01', '2026-02-28'), month('2026-01-01', '2026-01-31')],
          },
        }),
      ),
    );
    const result = await loadServiceHistory(ctx, '9901');
    if (!result.ok || result.notModified) throw new Error('expected an answer');
    expect(result.data.days.map((d) => d.period.from)).toEqual(['2026-03-09']);
    expect(result.data.months.map((m) => m.period.from)).toEqual(['2026-01-01', '2026-02-01']);
    expect(result.rejected.map((r) => r.reason)).toEqual(['row for unit 9902, not 9901']);
  });
});

describe('a config.json written before the service history', () => {
  it('still loads, reading the closes and the history at the contract paths', () => {
    const old = structuredClone(raw);
    delete old.feeds['service-closes'];
    delete old.feeds['service-history'];
    const config = parseConfig(old);
    expect(config.feeds['service-closes']).toEqual({ url: 'service-kpis/closes', refreshSeconds: 900, maxAgeSeconds: 129_600 });
    expect(config.feeds['service-history'].url).toBe('units/{code}/service-history');
  });
});
