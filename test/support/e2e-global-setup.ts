/**
 * Global setup of the `e2e` project: runs once before the browser tests. Finds Chromium (installing
 * Debian's package as root if need be) and checks that the app and the sample server are built, so a
 * missing prerequisite fails once, with one clear message, instead of in every test.
 */
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';
import { assertBuilt } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium binary the browser tests drive (also in process.env.CHROME_PATH). */
    chromePath: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  assertBuilt();
  const chromePath = await findChromium();
  // Test workers start after this and inherit the environment; launchBrowser() reads CHROME_PATH.
  process.env.CHROME_PATH = chromePath;
  project.provide('chromePath', chromePath);
}
