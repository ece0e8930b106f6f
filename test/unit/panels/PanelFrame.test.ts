import { describe, expect, it } from 'vitest';
import { mount, RouterLinkStub } from '@vue/test-utils';
import { h } from 'vue';
import PanelFrame from '../../../src/components/PanelFrame.vue';
import { createAppI18n } from '../../../src/i18n';
import type { PanelState } from '../../../src/components/panelState';

function frame(state: PanelState, locale: 'vi' | 'en' = 'vi') {
  return mount(PanelFrame, {
    props: { id: 'ranking', title: 'Xếp hạng', state },
    slots: { default: () => h('p', { class: 'content' }, 'the chart') },
    global: { plugins: [createAppI18n(locale)], stubs: { RouterLink: RouterLinkStub } },
  });
}

const asOf = '2026-01-05T09:30:00+07:00';

describe('panel frame', () => {
  it('carries the test surface: id, status and as-of', () => {
    const w = frame({ status: 'ready', asOf, error: null, rejected: 0 });
    const section = w.get('section');
    expect(section.attributes('data-panel')).toBe('ranking');
    expect(section.attributes('data-status')).toBe('ready');
    expect(section.attributes('data-as-of')).toBe(asOf);
    expect(w.find('.content').exists()).toBe(true);
    expect(w.text()).toContain('Cập nhật 09:30 05/01/2026');
  });

  it('says it is loading, without content, until data arrives', () => {
    const w = frame({ status: 'loading', asOf: null, error: null, rejected: 0 });
    expect(w.get('section').attributes('data-status')).toBe('loading');
    expect(w.get('section').attributes('data-as-of')).toBeUndefined();
    expect(w.text()).toContain('Đang tải');
    expect(w.find('.content').exists()).toBe(false);
  });

  it('keeps the content on screen when stale, with a badge and the reason in words', () => {
    const w = frame({ status: 'stale', asOf, error: { feed: 'observations', kind: 'http', status: 503, message: 'HTTP 503' }, rejected: 0 }, 'en');
    expect(w.find('.content').exists()).toBe(true);
    expect(w.text()).toContain('Out of date');
    expect(w.text()).toContain('The server reported an error (HTTP 503)');
  });

  it('shows an error with its reason when there never was data', () => {
    const w = frame({ status: 'error', asOf: null, error: { feed: 'observations', kind: 'schema', field: 'rows.0.value', message: '' }, rejected: 0 }, 'en');
    expect(w.get('[role="alert"]').text()).toContain('Wrong data structure in field rows.0.value');
  });

  it('counts rejected rows', () => {
    const w = frame({ status: 'ready', asOf, error: null, rejected: 3 }, 'en');
    expect(w.text()).toContain('3 bad rows rejected');
  });

  it('renders a hostile error text as text, not markup', () => {
    const w = frame({ status: 'error', asOf: null, error: { feed: 'meta', kind: 'schema', field: '<img src=x onerror=alert(1)>', message: '' }, rejected: 0 });
    expect(w.find('img').exists()).toBe(false);
    expect(w.text()).toContain('<img src=x onerror=alert(1)>');
  });
});
