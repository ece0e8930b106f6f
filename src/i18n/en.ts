import type vi from './vi';

/** English, complete: the same keys as vi.ts. */
const en: typeof vi = {
  app: {
    title: 'Intelligent Operations Center KPI dashboard',
    sample: 'Sample data',
    sampleHint: 'Machine-generated figures for demonstration, not real data',
    language: 'Language',
    notFound: 'There is no such page.',
    backHome: 'Back to the overview',
  },
  panel: {
    loading: 'Loading…',
    stale: 'Out of date',
    error: 'No data',
    asOf: 'As of {time}',
    rejected: '{n} bad rows rejected',
    empty: 'No figures for this selection yet.',
  },
  feedError: {
    timeout: 'The API did not answer in time',
    network: 'The API cannot be reached',
    http: 'The server reported an error (HTTP {status})',
    auth: 'Access denied (HTTP {status})',
    'not-found': 'Data source not found (HTTP 404)',
    malformed: 'The answer is not valid JSON',
    'not-json': 'The API answered with a web page instead of data',
    schema: 'Wrong data structure in field {field}',
    cancelled: 'Request cancelled',
  },
  overview: {
    heading: 'Overview {year}',
    rank: 'Rank {rank}/{of}',
    noRank: 'Not ranked',
    rankUp: 'Up {n} since {year}',
    rankDown: 'Down {n} since {year}',
    rankSame: 'Same rank as {year}',
    rankOtherField: '{year}: rank {rank} of {of} provinces (a different field)',
    targetMet: 'Target {value} met',
    targetGap: '{gap} short of the target {value}',
    trend: 'Trend {from}–{to}',
    components: 'Components: {index} {year}',
    ranking: '{level} ranking by {index}, {year}',
    services: 'Online public services today',
    select: 'Show {index}',
  },
  services: {
    received: 'Applications received',
    resolved: 'Resolved',
    overdue: 'Overdue',
    breaches: 'Units below threshold',
    noBreach: 'No unit is below its threshold.',
    threshold: 'threshold {value}',
    band: { ok: 'On track', warn: 'Watch', alert: 'Below threshold', unknown: 'No applications yet today' },
  },
  chart: {
    ofMax: '{value} / {max}',
    provinceAverage: 'Province average {value}',
  },
};
export default en;
