import { describe, expect, it } from 'vitest';
import { liveCharts, trackChart } from '../../../src/charts/registry';

class FakeChart {
  private disposed = false;
  dispose() {
    this.disposed = true;
  }
  isDisposed() {
    return this.disposed;
  }
}

describe('the chart registry', () => {
  it('counts each chart once, and none once disposed', () => {
    const before = liveCharts();
    const a = new FakeChart();
    const b = new FakeChart();
    trackChart(a);
    trackChart(a); // a chart finishes drawing many times
    trackChart(b);
    expect(liveCharts() - before).toBe(2);
    a.dispose();
    expect(liveCharts() - before).toBe(1);
    b.dispose();
    expect(liveCharts()).toBe(before);
  });

  it('keeps counting right through thousands of charts made and disposed, as on a wall after weeks', () => {
    const before = liveCharts();
    const kept = new FakeChart();
    trackChart(kept);
    for (let i = 0; i < 5000; i++) {
      const chart = new FakeChart();
      trackChart(chart);
      chart.dispose();
    }
    expect(liveCharts() - before).toBe(1);
    kept.dispose();
  });
});
