/**
 * Every ECharts instance the app created, held weakly, so tests and the bench can count the ones not yet
 * disposed (a chart left behind by a scene that went away would show here).
 */
interface Disposable {
  isDisposed(): boolean;
}

const instances = new Set<WeakRef<Disposable>>();

export function trackChart(chart: Disposable): void {
  for (const ref of instances) if (ref.deref() === chart) return;
  instances.add(new WeakRef(chart));
}

/** Instances created and not disposed. */
export function liveCharts(): number {
  let live = 0;
  for (const ref of instances) {
    const chart = ref.deref();
    if (!chart || chart.isDisposed()) instances.delete(ref);
    else live++;
  }
  return live;
}
