/**
 * Every ECharts instance the app created, held weakly, so tests and the bench can count the ones not yet
 * disposed (a chart left behind by a scene that went away would show here).
 */
interface Disposable {
  isDisposed(): boolean;
}

const instances = new Set<WeakRef<Disposable>>();

/** Counts a chart; forgets the ones disposed or collected meanwhile, so a wall that runs for weeks keeps few refs. */
export function trackChart(chart: Disposable): void {
  let known = false;
  for (const ref of instances) {
    const held = ref.deref();
    if (held === chart) known = true;
    else if (!held || held.isDisposed()) instances.delete(ref);
  }
  if (!known) instances.add(new WeakRef(chart));
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

/** Where a unit is drawn on screen (its outline's centroid), from the maps on the page. */
type UnitLocator = (code: string) => { x: number; y: number } | null;
const locators = new Set<UnitLocator>();

export function registerUnitLocator(locator: UnitLocator): () => void {
  locators.add(locator);
  return () => locators.delete(locator);
}

/** The screen point of a unit on any map on the page, so a script or a test can tap it; null if none shows it. */
export function unitPoint(code: string): { x: number; y: number } | null {
  for (const locate of locators) {
    const point = locate(code);
    if (point) return point;
  }
  return null;
}
