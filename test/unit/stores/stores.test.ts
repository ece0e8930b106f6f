// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope } from 'vue';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useSampleApi, SAMPLE_API_ORIGIN } from '../../support/msw';
import { parseConfig } from '../../../src/config/load';
import { createFeedContext } from '../../../src/config/feedContext';
import { useRuntimeStore } from '../../../src/stores/runtime';
import { useCatalogueStore } from '../../../src/stores/catalogue';
import { useGeographyStore } from '../../../src/stores/geography';
import { useObservationsStore } from '../../../src/stores/observations';
import { useServiceKpisStore } from '../../../src/stores/serviceKpis';

const api = useSampleApi();

// The sample API and the stores read the same Date: pinned to a working Tuesday at 10:00 Vietnam time, and
// running on in real time (only Date is faked: timers, and msw's, stay real).
beforeAll(() => {
  vi.useFakeTimers({ now: new Date('2026-03-10T10:00:00+07:00'), toFake: ['Date'], shouldAdvanceTime: true });
});
afterAll(() => {
  vi.useRealTimers();
});

function until(check: () => boolean, timeout = 3000): Promise<void> {
  const start = Date.now();
  return new Promise((resolvePromise, reject) => {
    const tick = () => {
      if (check()) return resolvePromise();
      if (Date.now() - start > timeout) return reject(new Error('condition not met in time'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

beforeEach(() => {
  setActivePinia(createPinia());
  const raw = JSON.parse(readFileSync(resolve(process.cwd(), 'public/config.json'), 'utf8'));
  raw.request = { timeoutMs: 2000, retries: 0, retryBaseMs: 50 };
  const config = parseConfig(raw);
  useRuntimeStore().init(config, createFeedContext(config, `${SAMPLE_API_ORIGIN}/`));
});

describe('stores over the sample API', () => {
  it('load the province, its levels and the catalogue at start', async () => {
    const catalogue = useCatalogueStore();
    const geography = useGeographyStore();
    catalogue.start();
    geography.start();
    await until(() => catalogue.ready && geography.units.length > 0);
    expect(catalogue.meta?.province.code).toBe(api.province.meta.province.code);
    expect(catalogue.annualIndices.map((i) => i.id)).toEqual(['par', 'sipas', 'pci', 'papi', 'ict', 'dti']);
    expect(catalogue.metaView.status).toBe('ready');
    expect(catalogue.metaView.sample).toBe(true);
    expect(geography.units).toHaveLength(api.province.units.length);
    expect(geography.crosswalk.length).toBeGreaterThan(0);
  });

  it('give a view exactly the observations it asked for, validated against the catalogue', async () => {
    const catalogue = useCatalogueStore();
    catalogue.start();
    await until(() => catalogue.ready);
    const scope = effectScope();
    const view = scope.run(() => useObservationsStore().use({ indicator: ['par'], period: [2024], level: 'district' }))!;
    await until(() => view.value.status === 'ready');
    const expected = api.province.observations.filter((o) => o.indicator === 'par' && o.period === 2024 && o.level === 'district');
    expect(view.value.data?.map((o) => [o.unit, o.value, o.rank])).toEqual(expected.map((o) => [o.unit, o.value, o.rank]));
    expect(view.value.rejected).toEqual([]);
    scope.stop();
  });

  it('keep showing live KPIs as stale when the feed fails after a good answer', async () => {
    const scope = effectScope();
    const store = useServiceKpisStore();
    const view = scope.run(() => store.use({}))!;
    await until(() => view.value.status === 'ready');
    const first = view.value.data;
    // The day the clock is pinned to, with files received by mid-morning.
    expect(first?.[0]).toMatchObject({ day: '2026-03-10' });
    expect(first?.[0]?.counts.received).toBeGreaterThan(0);
    api.faults.set('service-kpis', { status: 502 });
    await store.cache.refreshDue(0);
    expect(view.value.status).toBe('stale');
    expect(view.value.data).toBe(first);
    expect(view.value.error).toMatchObject({ feed: 'service-kpis', kind: 'http', status: 502 });
    api.faults.heal();
    await store.cache.refreshDue(0);
    expect(view.value.status).toBe('ready');
    scope.stop();
  });
});
