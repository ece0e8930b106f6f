import { getResponse } from 'msw';
import { generateProvince } from '../../../../mocks/generator';
import type { SampleProvince } from '../../../../mocks/generator/types';
import { createHandlers } from '../../../../mocks/handlers';
import { DEFAULT_SEED } from '../../../../mocks/handlers/defaults';
import { parseInstant } from '../../../../mocks/server/clock';
import type { FetchHandler } from '../../../../server/http/hub';

/** The instant both implementations answer at: the browser tests' SAMPLE_NOW (a Tuesday, 10:00 in Vietnam). */
export const AT = parseInstant('2026-03-10T10:00:00+07:00') ?? new Date(Number.NaN);
export const fixedClock = (): Date => AT;

let sample: SampleProvince | undefined;
/** The sample province of the default seed, generated once per file. */
export function sampleProvince(): SampleProvince {
  sample ??= generateProvince({ seed: DEFAULT_SEED });
  return sample;
}

/** The MSW handlers over the sample, as a Fetch handler (the way mocks/server/app.ts serves them). */
export function sampleApi(province: SampleProvince, now: () => Date = fixedClock): FetchHandler {
  const handlers = createHandlers(province, { now });
  return async (request) => {
    const response = await getResponse(handlers, request);
    if (!response) throw new Error(`The sample API has no answer to ${request.method} ${request.url}`);
    return response;
  };
}
