/**
 * The bench's page-side probe, added with `context.addInitScript({ content: PROBE_SCRIPT })` before the first
 * navigation. It runs in the page and keeps, as `window.__bench`:
 *
 * - **readiness**: once per animation frame it checks that the page shows at least one visible `[data-panel]`,
 *   that every visible panel has `data-status="ready"`, and that every visible `.base-chart` has `data-drawn`
 *   (the chart finished drawing, its entry animation included). `readyAt` is the `performance.now()` of the
 *   frame in which that last became true (null while it is not), so a panel that turns back to loading resets it.
 *   `arm({ require, forbid, scene })` starts a new measurement: the page is ready only once an element matching
 *   `require` is there, none matching `forbid` is, and (on the wall) `.wall[data-scene]` equals `scene`.
 *   `arm({ until })` instead waits for any element matching `until` (the info card, say).
 * - **input times**: the `timeStamp` of the last `click` and `keydown`, seen on window in the capture phase, the
 *   moment the browser took the input (the start of a drill-down or a scene change).
 * - **long tasks**: every `longtask` entry (start, duration) since the page started (or `clearTasks()`).
 *
 * `stop()` ends the per-frame check, so an idle page can be measured without the probe's own work.
 *
 * Plain JavaScript in a string, for the same reason as test/support/instrument.ts: a transpiled function could
 * refer to helpers that do not exist in the page.
 */
export const PROBE_SCRIPT = String.raw`(() => {
  'use strict';
  if (window.__bench) return;
  const state = {
    readyAt: null,
    armedAt: 0,
    lastClick: null,
    lastKey: null,
    longTasks: [],
    spec: {},
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    state.longTaskError = String(error);
  }
  addEventListener('click', (event) => { state.lastClick = event.timeStamp; }, true);
  addEventListener('keydown', (event) => { state.lastKey = event.timeStamp; }, true);

  const visible = (el) => el.checkVisibility({ visibilityProperty: true });
  const isReady = () => {
    const spec = state.spec;
    if (spec.until) return document.querySelector(spec.until) !== null;
    if (spec.require && !document.querySelector(spec.require)) return false;
    if (spec.forbid && document.querySelector(spec.forbid)) return false;
    if (spec.scene && document.querySelector('.wall')?.getAttribute('data-scene') !== spec.scene) return false;
    const panels = [...document.querySelectorAll('[data-panel]')].filter(visible);
    if (panels.length === 0 || panels.some((el) => el.getAttribute('data-status') !== 'ready')) return false;
    if (spec.charts === 'canvas') return [...document.querySelectorAll('.base-chart')].filter(visible).every((el) => el.querySelector('canvas'));
    return [...document.querySelectorAll('.base-chart')].filter(visible).every((el) => el.hasAttribute('data-drawn'));
  };
  let running = true;
  const frame = () => {
    if (!running) return;
    const now = performance.now();
    if (isReady()) {
      if (state.readyAt === null) state.readyAt = now;
    } else state.readyAt = null;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  Object.defineProperty(window, '__bench', {
    value: {
      state,
      arm(spec) {
        state.spec = spec || {};
        state.readyAt = null;
        state.armedAt = performance.now();
      },
      /** Stops checking each frame (so an idle page is measured without the probe's own work). */
      stop() {
        running = false;
      },
      /** Forgets the long tasks so far (the soak keeps the page for thousands of scenes). */
      clearTasks() {
        state.longTasks.length = 0;
      },
      /** Ready, and still ready after stableMs. */
      settled(stableMs) {
        return state.readyAt !== null && performance.now() - state.readyAt >= stableMs;
      },
    },
    enumerable: false,
  });
})();`;

/** What `window.__bench.state` holds. */
export interface ProbeState {
  readyAt: number | null;
  armedAt: number;
  lastClick: number | null;
  lastKey: number | null;
  longTasks: { start: number; duration: number }[];
  longTaskError?: string;
}

/** What `arm` takes: see PROBE_SCRIPT. */
export interface ReadySpec {
  require?: string;
  forbid?: string;
  scene?: string;
  until?: string;
  /** `canvas`: a chart counts once its canvas is there, without waiting for it to finish (the soak's pace). */
  charts?: 'drawn' | 'canvas';
}
