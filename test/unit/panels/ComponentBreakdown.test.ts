import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ComponentBreakdown from '../../../src/panels/ComponentBreakdown.vue';
import { createAppI18n } from '../../../src/i18n';

const scores = [
  { id: 'direction', name: 'Chỉ đạo', value: 9, max: 10, share: 0.9 },
  { id: 'procedures', name: 'Thủ tục', value: 11.6, max: 14.5, share: 0.8 },
];

function breakdown(list = scores, locale: 'vi' | 'en' = 'vi') {
  return mount(ComponentBreakdown, {
    props: { scores: list, decimals: 2, fontSize: 14, label: 'Chỉ số thành phần' },
    global: { plugins: [createAppI18n(locale)] },
  });
}

describe('component breakdown', () => {
  it('lists every component in catalogue order, each bar its share of the maximum, labelled with real points', () => {
    const w = breakdown();
    const rows = w.findAll('li');
    expect(rows.map((r) => r.attributes('data-component'))).toEqual(['direction', 'procedures']);
    expect(rows.map((r) => r.find('.breakdown-name').text())).toEqual(['Chỉ đạo', 'Thủ tục']);
    expect(rows.map((r) => r.find('.breakdown-fill').attributes('style'))).toEqual(['width: 90%;', 'width: 80%;']);
    expect(rows[1]?.find('.breakdown-value').text()).toBe('11,60 / 14,50');
    expect(w.find('ol').attributes('aria-label')).toBe('Chỉ số thành phần');
  });

  it('writes numbers in the reader\'s language, and says when there is nothing to show', () => {
    expect(breakdown(scores, 'en').findAll('.breakdown-value')[1]?.text()).toBe('11.60 / 14.50');
    expect(breakdown([]).text()).not.toContain('Thủ tục');
    expect(breakdown([]).find('ol').exists()).toBe(false);
  });
});
