/**
 * Finds the Chromium (or Chrome) the end-to-end tests and the benchmark drive. Browsers come from the
 * system (Debian's `chromium` package) or from CHROME_PATH; nothing is ever downloaded here.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { aptInstall, canInstallWithApt } from './apt';

/** Where Chromium and Chrome usually live, most likely first. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const HOW_TO_GET_CHROMIUM =
  "Install Debian's chromium package (as root: apt-get update && apt-get install -y --no-install-recommends chromium), " +
  'or set CHROME_PATH to a Chromium or Chrome binary (for example CHROME_PATH=/usr/bin/chromium npm test).';

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function firstExecutable(paths: readonly string[]): Promise<string | undefined> {
  for (const path of paths) if (await isExecutableFile(path)) return path;
  return undefined;
}

/**
 * The path of a Chromium or Chrome binary: CHROME_PATH when it points at one, else the usual install paths.
 * As root on Debian or Ubuntu with none installed, installs the `chromium` package with apt-get first.
 * Throws an Error that says how to get one otherwise.
 */
export async function findChromium(): Promise<string> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (await isExecutableFile(fromEnv)) return fromEnv;
    console.warn(`CHROME_PATH=${fromEnv} is not an executable file; looking for Chromium elsewhere.`);
  }
  const found = await firstExecutable(CHROMIUM_CANDIDATES);
  if (found) return found;
  if (canInstallWithApt()) {
    try {
      await aptInstall(['chromium'], 'No Chromium found');
    } catch (error) {
      throw new Error(`Installing Chromium with apt-get failed: ${(error as Error).message}. ${HOW_TO_GET_CHROMIUM}`);
    }
    if (await isExecutableFile(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  throw new Error(`No Chromium or Chrome found for the browser tests (looked in ${CHROMIUM_CANDIDATES.join(', ')}). ${HOW_TO_GET_CHROMIUM}`);
}
