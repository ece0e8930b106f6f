/**
 * Counts of what a page keeps alive (pending timers and frames, window and document listeners, chart
 * instances, canvases), so a browser test can show that 200 wall scene changes leave as much behind as 2.
 *
 *   await page.addInitScript({ content: INSTRUMENT_SCRIPT });   // before the first navigation
 *   await page.goto(url);
 *   const after2 = await liveResources(page);
 *
 * The script is plain JavaScript in a string, not a TypeScript function turned into text: a transpiled
 * function may refer to helpers (esbuild's __name, say) that do not exist in the page.
 */
import type { Page } from 'playwright-core';

/** What the script exposes as `window.__instrument`. */
export interface InstrumentCounts {
  /** Intervals set and not cleared. */
  intervals(): number;
  /** Timeouts set that have neither fired nor been cleared. */
  timeouts(): number;
  /** Animation frames requested that have neither run nor been cancelled. */
  frames(): number;
  /** Listeners on window and document, one per (target, type, listener, capture) as the DOM keeps them. */
  listeners(): number;
}

/**
 * For `page.addInitScript({ content: INSTRUMENT_SCRIPT })`: runs in every frame before any page script and
 * wraps, on that frame's window:
 * - setInterval / clearInterval, setTimeout / clearTimeout (which clear each other's ids, as in the DOM; a
 *   timeout stops counting once its callback runs);
 * - requestAnimationFrame / cancelAnimationFrame (a frame stops counting once it runs);
 * - EventTarget.prototype.addEventListener / removeEventListener, counted for window and document only:
 *   a listener added twice with the same type and capture counts once; a `once` listener stops counting
 *   when it fires and one with a `signal` when the signal aborts, as the DOM removes them then.
 * Listeners added with `on…` properties, and other targets (elements, observers), are not counted.
 * It installs once per window and keeps the original functions' behaviour and return values.
 */
export const INSTRUMENT_SCRIPT = String.raw`(() => {
  'use strict';
  if (window.__instrument) return;

  const intervals = new Set();
  const timeouts = new Set();
  const frames = new Set();

  const setInterval0 = window.setInterval;
  const clearInterval0 = window.clearInterval;
  const setTimeout0 = window.setTimeout;
  const clearTimeout0 = window.clearTimeout;
  const requestAnimationFrame0 = window.requestAnimationFrame;
  const cancelAnimationFrame0 = window.cancelAnimationFrame;

  // A string handler is code to evaluate in the global scope, as the DOM does with it.
  const callable = (handler) => (typeof handler === 'function' ? handler : () => (0, eval)(String(handler)));

  window.setInterval = function (handler, ...rest) {
    const id = setInterval0.call(window, handler, ...rest);
    intervals.add(id);
    return id;
  };
  window.setTimeout = function (handler, ...rest) {
    const run = callable(handler);
    let id;
    id = setTimeout0.call(window, function (...args) {
      timeouts.delete(id);
      return run.apply(this, args);
    }, ...rest);
    timeouts.add(id);
    return id;
  };
  // Timeouts and intervals share one list of ids: either clear function clears either kind.
  window.clearInterval = function (id) {
    intervals.delete(id);
    timeouts.delete(id);
    return clearInterval0.call(window, id);
  };
  window.clearTimeout = function (id) {
    intervals.delete(id);
    timeouts.delete(id);
    return clearTimeout0.call(window, id);
  };
  window.requestAnimationFrame = function (callback) {
    // Not a function: let the DOM throw its own TypeError.
    if (typeof callback !== 'function') return requestAnimationFrame0.call(window, callback);
    let id;
    id = requestAnimationFrame0.call(window, function (time) {
      frames.delete(id);
      return callback.call(this, time);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = function (id) {
    frames.delete(id);
    return cancelAnimationFrame0.call(window, id);
  };

  // Listeners on window and document: target → "type capture" → listener → undo (drops its helpers).
  const listeners = new Map();
  const add0 = EventTarget.prototype.addEventListener;
  const remove0 = EventTarget.prototype.removeEventListener;
  const watched = (target) => target === window || target === document;
  const captureOf = (options) => (typeof options === 'boolean' ? options : Boolean(options && options.capture));
  const slot = (target, type, capture) => {
    let byKey = listeners.get(target);
    if (!byKey) listeners.set(target, (byKey = new Map()));
    const key = type + ' ' + capture;
    let byListener = byKey.get(key);
    if (!byListener) byKey.set(key, (byListener = new Map()));
    return byListener;
  };
  const forget = (target, type, capture, listener) => {
    const byListener = slot(target, type, capture);
    const undo = byListener.get(listener);
    if (!undo) return;
    byListener.delete(listener);
    undo();
  };

  EventTarget.prototype.addEventListener = function (type, listener, options) {
    const result = add0.call(this, type, listener, options);
    if (!watched(this) || listener === null || listener === undefined) return result;
    const capture = captureOf(options);
    const signal = options && typeof options === 'object' ? options.signal : undefined;
    const byListener = slot(this, type, capture);
    // The DOM ignores a second registration, and one with an aborted signal.
    if (byListener.has(listener) || (signal && signal.aborted)) return result;
    const target = this;
    const undos = [];
    if (options && typeof options === 'object' && options.once) {
      // Runs right after the listener in the same dispatch (same target, type and phase), as the DOM drops it.
      const fired = () => forget(target, type, capture, listener);
      add0.call(target, type, fired, { capture, once: true });
      undos.push(() => remove0.call(target, type, fired, { capture }));
    }
    if (signal) {
      const aborted = () => forget(target, type, capture, listener);
      add0.call(signal, 'abort', aborted, { once: true });
      undos.push(() => remove0.call(signal, 'abort', aborted));
    }
    byListener.set(listener, () => undos.forEach((undo) => undo()));
    return result;
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const result = remove0.call(this, type, listener, options);
    if (watched(this) && listener !== null && listener !== undefined) forget(this, type, captureOf(options), listener);
    return result;
  };

  const countListeners = () => {
    let n = 0;
    for (const byKey of listeners.values()) for (const byListener of byKey.values()) n += byListener.size;
    return n;
  };

  Object.defineProperty(window, '__instrument', {
    value: Object.freeze({
      intervals: () => intervals.size,
      timeouts: () => timeouts.size,
      frames: () => frames.size,
      listeners: countListeners,
    }),
    enumerable: false,
  });
})();`;

/** What a page keeps alive at one moment. */
export interface LiveResources {
  intervals: number;
  timeouts: number;
  frames: number;
  listeners: number;
  /** ECharts instances not yet disposed, from `window.__ioc.liveCharts()`; -1 when the app does not expose it. */
  charts: number;
  /** `canvas` elements in the document. */
  canvases: number;
}

/**
 * Reads the counts from a page opened with INSTRUMENT_SCRIPT. Throws when the script is missing, so a test
 * that forgot `addInitScript` does not pass on zeros.
 */
export async function liveResources(page: Page): Promise<LiveResources> {
  return page.evaluate(() => {
    const probe = window as unknown as {
      __instrument?: InstrumentCounts;
      __ioc?: { liveCharts?: () => number };
    };
    const counts = probe.__instrument;
    if (!counts) throw new Error('window.__instrument is missing: add INSTRUMENT_SCRIPT with page.addInitScript before navigating');
    const ioc = probe.__ioc;
    return {
      intervals: counts.intervals(),
      timeouts: counts.timeouts(),
      frames: counts.frames(),
      listeners: counts.listeners(),
      charts: typeof ioc?.liveCharts === 'function' ? ioc.liveCharts() : -1,
      canvases: document.querySelectorAll('canvas').length,
    };
  });
}
