import { describe, expect, it } from 'vitest';
import { mount, RouterLinkStub } from '@vue/test-utils';
import IndexHeadline from '../../../src/panels/IndexHeadline.vue';
import { createAppI18n } from '../../../src/i18n';
import type { Observation } from '../../../src/domain/types';

const obs = (period: number, value: number, rank: number, rankOf: number): Observation => ({
  indicator: 'par', unit: '99', level: 'province', period, value, rank, rankOf, components: {},
});

function headline(current: Observation, previous: Observation | null, locale: 'vi' | 'en' = 'vi', target: number | null = 90, unit: 'points' | 'percent' = 'points') {
  return mount(IndexHeadline, {
    props: {
      name: 'Chỉ số cải cách hành chính',
      shortName: 'PAR INDEX',
      scale: { min: 0, max: 100, unit, decimals: 2 },
      current,
      previous,
      series: [85, 86, null, 88.37],
      seriesFrom: 2021,
      seriesTo: 2024,
      breakIndex: 1,
      target,
      selected: true,
      to: '/?indicator=par',
    },
    global: { plugins: [createAppI18n(locale)], stubs: { RouterLink: RouterLinkStub } },
  });
}

describe('index headline', () => {
  it('shows the score in Vietnamese notation, the national rank and places gained', () => {
    const w = headline(obs(2024, 88.37, 12, 63), obs(2023, 86.98, 15, 63));
    expect(w.text()).toContain('88,37');
    expect(w.text()).toContain('Hạng 12/63');
    expect(w.text()).toContain('Tăng 3 bậc so với 2023');
  });

  it('does not call a rank among 34 provinces a gain over a rank among 63', () => {
    const w = headline(obs(2025, 89.1, 5, 34), obs(2024, 88.37, 12, 63), 'en');
    expect(w.text()).toContain('Rank 5/34');
    expect(w.text()).toContain('2024: rank 12 of 63 provinces (a different field)');
    expect(w.text()).not.toContain('Up');
  });

  it('says how far the score is from the target, or that it is met', () => {
    expect(headline(obs(2024, 88.37, 12, 63), null, 'en').text()).toContain('1.63 short of the target 90.00');
    expect(headline(obs(2024, 91, 2, 63), null, 'en').text()).toContain('Target 90.00 met');
  });

  it('gives the shortfall of a percentage index in points, not as "%"', () => {
    const text = headline(obs(2024, 83.8, 12, 63), null, 'vi', 85, 'percent').text();
    expect(text).toContain('Còn thiếu 1,20 so với mục tiêu 85,00\u00a0%');
  });

  it('links to the same view with this index chosen', () => {
    const w = headline(obs(2024, 88.37, 12, 63), null);
    expect(w.getComponent(RouterLinkStub).props('to')).toBe('/?indicator=par');
    expect(w.find('svg.sparkline').exists()).toBe(true);
  });
});
