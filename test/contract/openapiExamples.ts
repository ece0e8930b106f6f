/**
 * One small example per feed (and one problem), shown in docs/openapi.yaml. The contract test parses each
 * with the feed's valibot schema and checks it against the document's JSON Schema, so an example can never
 * show a shape the dashboard would reject. Values are illustrative, in the ranges of DOMAIN.md.
 */
import type { FeedId } from '../../src/contract/routes';

const asOf = '2026-11-21T09:30:00+07:00';

const polygon = [
  [
    [105.6, 18.7],
    [105.8, 18.7],
    [105.8, 18.9],
    [105.6, 18.9],
    [105.6, 18.7],
  ],
];

const seriesRows = [2023, 2024, 2025].map((period, index) => ({
  indicator: 'par',
  unit: '00',
  level: 'province',
  period,
  value: [86.12, 88.37, 89.05][index] as number,
  rank: [31, 21, 12][index] as number,
  rankOf: period < 2025 ? 63 : 34,
}));

export const FEED_EXAMPLES: Record<FeedId, unknown> = {
  meta: {
    asOf,
    sample: true,
    data: {
      contractVersion: '1.0.0',
      province: { code: '00', name: 'Tỉnh Mẫu', nameEn: 'Sample Province', region: 'Bắc Trung Bộ', regionEn: 'North Central Coast' },
      levels: [
        { id: 'province', name: 'Tỉnh', nameEn: 'Province', depth: 0, validFrom: null, validTo: null },
        { id: 'district', name: 'Huyện', nameEn: 'District', depth: 1, validFrom: null, validTo: '2025-06-30' },
        { id: 'commune', name: 'Xã', nameEn: 'Commune', depth: 1, validFrom: '2025-07-01', validTo: null },
      ],
      periods: { first: 2016, last: 2025 },
      timezone: 'Asia/Ho_Chi_Minh',
      note: 'Dữ liệu mẫu, không phải số liệu thật.',
      noteEn: 'Synthetic sample data, not real figures.',
    },
  },
  units: {
    asOf,
    sample: true,
    data: {
      units: [
        { code: '00', name: 'Tỉnh Mẫu', level: 'province', kind: 'tỉnh', parent: null, validFrom: null, validTo: null },
        { code: '001', name: 'Huyện Đông', level: 'district', kind: 'huyện', parent: '00', validFrom: null, validTo: '2025-06-30' },
        { code: '002', name: 'Huyện Tây', level: 'district', kind: 'huyện', parent: '00', validFrom: null, validTo: '2025-06-30' },
        { code: '00101', name: 'Xã Đông Tây', level: 'commune', kind: 'xã', parent: '00', validFrom: '2025-07-01', validTo: null },
      ],
      crosswalk: [
        { from: '001', to: '00101', weight: 0.62, effective: '2025-07-01' },
        { from: '002', to: '00101', weight: 0.38, effective: '2025-07-01' },
      ],
    },
  },
  indicators: {
    asOf,
    sample: true,
    data: {
      indicators: [
        {
          id: 'par',
          kind: 'annual-index',
          name: 'Chỉ số cải cách hành chính',
          nameEn: 'PAR Index',
          shortName: 'PAR Index',
          publisher: 'Bộ Nội vụ',
          publisherEn: 'Ministry of Home Affairs',
          unitIndexName: 'Chỉ số CCHC nội bộ',
          unitIndexNameEn: 'Internal PAR Index',
          scale: { min: 0, max: 100, unit: 'points', decimals: 2 },
          direction: 'higher-is-better',
          cadence: 'P1Y',
          components: [
            { id: 'par-direction', name: 'Công tác chỉ đạo, điều hành', nameEn: 'Direction of reform', max: 10 },
            { id: 'par-procedures', name: 'Cải cách thủ tục hành chính', nameEn: 'Administrative procedures', max: 14.5 },
          ],
          breaks: [{ period: 2022, note: 'Phương pháp mới (Quyết định 876/QĐ-BNV).', noteEn: 'New methodology (Decision 876/QĐ-BNV).' }],
          levels: ['province', 'district', 'commune'],
          firstPeriod: 2012,
        },
      ],
    },
  },
  observations: {
    asOf,
    sample: true,
    data: {
      rows: [
        { indicator: 'par', unit: '00', level: 'province', period: 2024, value: 88.37, rank: 21, rankOf: 63, components: { 'par-direction': 9.1, 'par-procedures': 13.2 } },
        { indicator: 'par', unit: '001', level: 'district', period: 2024, value: 84.5, rank: 2, rankOf: 9 },
        { indicator: 'par', unit: '002', level: 'district', period: 2024, value: 84.5, rank: 2, rankOf: 9 },
      ],
    },
  },
  series: { asOf, sample: true, data: { rows: seriesRows } },
  national: {
    asOf,
    sample: true,
    data: {
      rows: [
        { indicator: 'dti', period: 2024, province: '01', name: 'Hà Nội', nameEn: 'Ha Noi', region: 'Đồng bằng sông Hồng', regionEn: 'Red River Delta', value: 0.824, rank: 1, rankOf: 63, own: false },
        { indicator: 'dti', period: 2024, province: '00', name: 'Tỉnh Mẫu', region: 'Bắc Trung Bộ', value: 0.696, rank: 30, rankOf: 63, own: true },
      ],
    },
  },
  'service-kpis': {
    asOf,
    sample: true,
    data: {
      rows: [
        {
          unit: '00101',
          level: 'commune',
          day: '2026-11-21',
          at: asOf,
          counts: { received: 42, resolved: 30, resolvedOnTime: 29, pending: 12, overdue: 1 },
          rates: { 'on-time': 96.7, 'online-application': 38.1, 'online-payment': null },
        },
      ],
    },
  },
  'service-closes': {
    asOf: '2026-11-23T00:00:00+07:00',
    sample: true,
    data: {
      today: '2026-11-23',
      lastWorkingDay: '2026-11-20',
      calendar: [
        { day: '2026-11-20', working: true, holiday: null },
        { day: '2026-11-21', working: false, holiday: null },
        { day: '2026-11-22', working: false, holiday: null },
        { day: '2026-11-23', working: true, holiday: null },
      ],
      rows: [
        {
          unit: '00101',
          level: 'commune',
          period: { kind: 'day', from: '2026-11-20', to: '2026-11-20' },
          counts: { received: 61, resolved: 58, resolvedOnTime: 57, pending: 140, overdue: 2 },
          rates: { 'on-time': 98.3, online: 31.2, 'online-payment': 44.0 },
        },
        {
          unit: '00101',
          level: 'commune',
          period: { kind: 'month-to-date', from: '2026-11-01', to: '2026-11-22' },
          counts: { received: 905, resolved: 887, resolvedOnTime: 871, pending: 140, overdue: 2 },
          rates: { 'on-time': 98.2, online: 30.8, 'online-payment': 43.1 },
        },
      ],
    },
  },
  'service-history': {
    asOf: '2026-11-23T00:00:00+07:00',
    sample: true,
    data: {
      unit: '00101',
      today: '2026-11-23',
      calendar: [{ day: '2026-11-20', working: true, holiday: null }],
      days: [
        {
          unit: '00101',
          level: 'commune',
          period: { kind: 'day', from: '2026-11-20', to: '2026-11-20' },
          counts: { received: 61, resolved: 58, resolvedOnTime: 57, pending: 140, overdue: 2 },
          rates: { 'on-time': 98.3, online: 31.2 },
        },
      ],
      months: [
        {
          unit: '00101',
          level: 'commune',
          period: { kind: 'month', from: '2026-10-01', to: '2026-10-31' },
          counts: { received: 1290, resolved: 1262, resolvedOnTime: 1240, pending: 151, overdue: 3 },
          rates: { 'on-time': 98.3, online: 29.9 },
        },
      ],
    },
  },
  events: {
    asOf,
    sample: true,
    data: {
      rows: [
        { id: 'reform-2025', date: '2025-07-01', kind: 'boundary-change', title: 'Sắp xếp đơn vị hành chính hai cấp', titleEn: 'Two-tier local government' },
        { id: 'par-2022-method', date: '2023-05-01', kind: 'methodology-break', indicator: 'par', period: 2022, title: 'PAR Index: phương pháp mới', titleEn: 'PAR Index: new methodology' },
      ],
    },
  },
  boundaries: {
    type: 'FeatureCollection',
    asOf,
    sample: true,
    features: [{ type: 'Feature', properties: { code: '00101', name: 'Xã Đông Tây' }, geometry: { type: 'Polygon', coordinates: polygon } }],
  },
};

export const PROBLEM_EXAMPLES = {
  BadRequest: { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'period must be years separated by commas, e.g. 2023,2024.' },
  NotFound: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No unit with code 99999.', instance: '/api/v1/units/99999/series' },
  ServerError: { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'The one-stop-shop system did not answer in time.' },
} as const;
