/**
 * Setup for the `unit` project (happy-dom). happy-dom 21 already provides what @vue/test-utils,
 * Pinia and vue-router need (DOM, ResizeObserver, matchMedia, URL, fetch), so nothing is patched here.
 * The feed caches keep their last good answers in localStorage: each test starts with an empty one.
 */
import { beforeEach } from 'vitest';

beforeEach(() => {
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
