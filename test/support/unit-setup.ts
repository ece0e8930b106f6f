/**
 * Setup for the `unit` project (happy-dom). happy-dom 21 already provides what @vue/test-utils,
 * Pinia and vue-router need (DOM, ResizeObserver, matchMedia, URL, fetch), so nothing is patched here.
 * Add global stubs in this file only when several test files need the same one; prefer local stubs.
 */
export {};
