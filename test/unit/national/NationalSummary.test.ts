import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import NationalSummary from '../../../src/panels/NationalSummary.vue';
import { createAppI18n } from '../../../src/i18n';
import { nationalStanding } from '../../../src/domain/national';
import type { NationalRow } from '../../../src/contract';

const row = (period: number, province: string, rank: number, rankOf: number, value: number, extra: Partial<NationalRow> = {}): NationalRow => ({
  indicator: 'par',
  period,
  province,
  name: province === '99' ? 'Sông Mẫu' : `Tỉnh ${province}`,
  region: 'Tây Nguyên',
  regionEn: 'Central Highlands',
  value,
  rank,
  rankOf,
  own: province === '99',
  ...extra,
});

const rows = [
  row(2023, '46', 1, 63, 92),
  row(2023, '99', 19, 63, 88.14),
  row(2024, '46', 1, 63, 96.17, { name: 'Thừa Thiên Huế', nameEn: 'Thua Thien Hue' }),
  row(2024, '99', 9, 63, 90.75),
  row(2024, '01', 20, 63, 78.16, { region: 'Đồng bằng sông Hồng', regionEn: 'Red River Delta' }),
  row(2025, '46', 1, 34, 95.5, { name: 'Huế', nameEn: 'Hue', region: 'Bắc Trung Bộ' }),
  row(2025, '99', 14, 34, 89.58),
  row(2025, '66', 20, 34, 81.56),
];

function summary(period: number, locale: 'vi' | 'en' = 'vi', unit: 'points' | 'percent' = 'points') {
  return mount(NationalSummary, {
    props: {
      standing: nationalStanding(rows, period, 'higher-is-better'),
      scale: { min: 0, max: 100, unit, decimals: 2 },
      direction: 'higher-is-better',
    },
    global: { plugins: [createAppI18n(locale)] },
  });
}

describe('the province standing in one year', () => {
  it('shows score, rank, position, average, best and region rank in Vietnamese notation', () => {
    const text = summary(2025).text();
    expect(text).toContain('89,58');
    expect(text).toContain('Hạng 14/34');
    expect(text).toContain('39\u00a0% từ đầu bảng');
    expect(text).toContain('Bình quân cả nước');
    expect(text).toContain('88,88');
    expect(text).toContain('hơn bình quân 0,70');
    expect(text).toContain('Huế 95,50');
    expect(text).toContain('Sông Mẫu kém 5,92');
    expect(text).toContain('Hạng 1/2 vùng Tây Nguyên');
  });

  it('counts places gained within the same 63 provinces', () => {
    const text = summary(2024).text();
    expect(text).toContain('So với 2023');
    expect(text).toContain('Tăng 10 bậc (năm 2023: hạng 19/63)');
    expect(text).toContain('Điểm +2,61 so với 2023');
    expect(summary(2024).find('[data-field-note]').exists()).toBe(false);
  });

  it('compares the position, not places, across the change from 63 to 34 provinces, and says why', () => {
    const w = summary(2025, 'en');
    expect(w.text()).toContain('Position down 26 percentage points (rank 9 of 63 in 2024, 13\u00a0% from the top)');
    expect(w.text()).not.toMatch(/Up \d+ places|Down \d+ places/);
    expect(w.find('[data-field-note]').text()).toContain('The field changed from 63 to 34 provinces');
    expect(w.text()).toContain('Rank 1 of 2 in Central Highlands');
    expect(w.text()).toContain('Hue 95.50');
  });

  it('gives changes and gaps of a percentage index in points, never as "%", while its values keep their "%"', () => {
    const text = summary(2024, 'vi', 'percent').text();
    expect(text).toContain('90,75\u00a0%');
    expect(text).toContain('Điểm +2,61 so với 2023');
    expect(text).toContain('kém 5,42');
    expect(text).not.toMatch(/[+−±]\d+,\d+\u00a0%|kém \d+,\d+\u00a0%|hơn bình quân \d+,\d+\u00a0%/);
  });

  it('says there is nothing to compare with in the first year', () => {
    expect(summary(2023).text()).toContain('Chưa có năm trước để so sánh');
  });
});
