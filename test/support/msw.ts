import { afterAll, afterEach, beforeAll } from 'vitest';
import { setupServer, type SetupServer } from 'msw/node';
import { API_PREFIX } from '../../src/contract/routes';
import { generateProvince } from '../../mocks/generator';
import type { SampleProvince } from '../../mocks/generator/types';
import { createFaultRegistry, createHandlers, type FaultRegistry } from '../../mocks/handlers';
import { DEFAULT_SEED } from '../../mocks/handlers/defaults';

/** The origin the sample API answers on in unit tests; nothing real lives there. */
export const SAMPLE_API_ORIGIN = 'http://api.test';

export interface SampleApi {
  /** Base URL of contract v1, e.g. `${baseUrl}/meta`. */
  baseUrl: string;
  /** The province the API serves, to compute expected values from. */
  province: SampleProvince;
  server: SetupServer;
  /** Switch faults directly: `faults.set('observations', { status: 503 })`. Healed after each test. */
  faults: FaultRegistry;
}

const provinces = new Map<string, SampleProvince>();

/** One province per seed and size per test file: generating is deterministic, so reuse it. */
function provinceFor(seed: number, communes: number | undefined): SampleProvince {
  const key = `${seed}:${communes ?? ''}`;
  let province = provinces.get(key);
  if (!province) {
    province = generateProvince({ seed, communes });
    provinces.set(key, province);
  }
  return province;
}

/**
 * Serves the sample API to fetch/axios in this test file through msw/node: started before the
 * tests, handlers and faults reset after each test, closed after the file. Any request it has no
 * handler for fails the test.
 */
export function useSampleApi(options: { seed?: number; communes?: number; now?: () => Date; province?: SampleProvince } = {}): SampleApi {
  const province = options.province ?? provinceFor(options.seed ?? DEFAULT_SEED, options.communes);
  const faults = createFaultRegistry();
  const server = setupServer(...createHandlers(province, { faults, now: options.now }));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    faults.heal();
  });
  afterAll(() => server.close());
  return { baseUrl: `${SAMPLE_API_ORIGIN}${API_PREFIX}`, province, server, faults };
}
