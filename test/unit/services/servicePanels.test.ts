import { describe, expect, it } from 'vitest';
import { mount, RouterLinkStub } from '@vue/test-utils';
import ServiceKpiSummary from '../../../src/panels/ServiceKpiSummary.vue';
import ServiceMonthRanking from '../../../src/panels/ServiceMonthRanking.vue';
import ServiceUnitTable from '../../../src/panels/ServiceUnitTable.vue';
import { createAppI18n } from '../../../src/i18n';

const global = (locale: 'vi' | 'en' = 'vi') => ({ plugins: [createAppI18n(locale)], stubs: { RouterLink: RouterLinkStub } });

describe('the service figures panel', () => {
  it('names the period it shows, why it is not today, and each KPI over the month with its trend in words', () => {
    const w = mount(ServiceKpiSummary, {
      props: {
        tiles: [{ id: 'on-time', name: 'Tỷ lệ đúng hạn', value: 97.8, band: 'ok', alertBelow: 90, month: { value: 98.1, band: 'ok', rank: { rank: 3, of: 78 } } }],
        counts: { received: 6034, resolved: 5909, overdue: 161 },
        period: { title: 'Ngày làm việc gần nhất: Thứ Sáu, 06/03', note: 'Hôm nay, Chủ Nhật, 08/03, là ngày nghỉ.' },
        monthLabel: 'Từ đầu tháng 3/2026 đến 07/03',
        trends: { 'on-time': { values: [97.9, 98.2, 98.0], label: 'Tỷ lệ đúng hạn theo ngày làm việc, 02/03 đến 06/03' } },
        showBreaches: false,
      },
      global: global(),
    });
    const text = w.text().replace(/\u00a0/g, ' ');
    expect(text).toContain('Ngày làm việc gần nhất: Thứ Sáu, 06/03');
    expect(text).toContain('Hôm nay, Chủ Nhật, 08/03, là ngày nghỉ.');
    expect(text).toContain('Từ đầu tháng 3/2026 đến 07/03');
    expect(text).toContain('97,8 %');
    expect(text).toContain('Lũy kế tháng: 98,1 % · Hạng 3/78');
    expect(w.find('svg[role="img"]').attributes('aria-label')).toBe('Tỷ lệ đúng hạn theo ngày làm việc, 02/03 đến 06/03');
  });
});

describe('the month ranking of units', () => {
  const units = [
    { code: 'a', name: 'Xã A', value: 99.1, rank: 1, band: 'ok' as const, to: '/unit/a' },
    { code: 'b', name: 'Xã B', value: 88.4, rank: 2, band: 'alert' as const, to: '/unit/b' },
    { code: 'c', name: 'Đặc khu C', value: null, rank: null, band: 'unknown' as const, to: '/unit/c' },
  ];
  const kpis = [
    { id: 'on-time', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', shortName: 'Đúng hạn' },
    { id: 'online', name: 'Tỷ lệ hồ sơ trực tuyến', shortName: 'Trực tuyến' },
  ];

  it('ranks the units with files, and says of a unit without files that it has none instead of ranking it', () => {
    const w = mount(ServiceMonthRanking, { props: { units, kpis, kpi: 'on-time' }, global: global() });
    const words = (li: { findAll: (s: string) => { text: () => string }[] }) => li.findAll(':scope > *').map((e) => e.text().replace(/\s+/g, ' '));
    expect(w.findAll('ol li').map(words)).toEqual([
      ['1', 'Xã A', '✓ 99,1 %'],
      ['2', 'Xã B', '✖Dưới ngưỡng: 88,4 %'],
    ]);
    expect(w.text()).toContain('1 đơn vị không có hồ sơ trong kỳ, không xếp hạng.');
    expect(words(w.find('ul li'))).toEqual(['–', 'Đặc khu C', 'Không có hồ sơ']);
  });

  it('changes the KPI with a button that says which one is pressed', async () => {
    const w = mount(ServiceMonthRanking, { props: { units, kpis, kpi: 'on-time' }, global: global() });
    const buttons = w.findAll('button');
    expect(buttons.map((b) => [b.text(), b.attributes('aria-pressed'), b.attributes('aria-label')])).toEqual([
      ['Đúng hạn', 'true', 'Tỷ lệ hồ sơ giải quyết đúng hạn'],
      ['Trực tuyến', 'false', 'Tỷ lệ hồ sơ trực tuyến'],
    ]);
    await buttons[1]?.trigger('click');
    expect(w.emitted('pick-kpi')).toEqual([['online']]);
  });
});

describe('the units table of a closed day', () => {
  it('says once that a unit had no files, instead of a row of dashes', () => {
    const w = mount(ServiceUnitTable, {
      props: {
        rows: [{ code: 'c', name: 'Đặc khu C', cells: [{ kpi: 'on-time', value: null, band: 'unknown' }], overdue: 0, worst: 'unknown', noFiles: true }],
        kpis: [
          { id: 'on-time', name: 'Đúng hạn', alertBelow: 90 },
          { id: 'online', name: 'Trực tuyến', alertBelow: 10 },
        ],
        maxRows: 10,
        more: (n: number) => `${n} more`,
      },
      global: global('en'),
    });
    const cells = w.findAll('tbody td');
    expect(cells[0]?.text()).toBe('No applications');
    expect(cells[0]?.attributes('colspan')).toBe('2');
    expect(cells).toHaveLength(2);
  });
});
