/** The load test's command line (loadtest/cli.mjs checks the spelling before the build). */
export interface LoadTestOptions {
  /** Light clients, each a wall screen. */
  screens: number;
  /** How long each mode runs, switch-on included, in real seconds. */
  seconds: number;
  /** Every cadence is divided by this (30: the 60 s cadence comes every 2 s); the sample's clock runs this much faster. */
  timeScale: number;
  /** Mode (b) through a real nginx (on PATH), configured as the README's example, instead of the Node proxy. */
  nginx: boolean;
  /** Only one of the two modes. */
  only: 'direct' | 'proxy' | null;
}

export const DEFAULT_OPTIONS: LoadTestOptions = { screens: 200, seconds: 60, timeScale: 30, nginx: false, only: null };

/** Reads `--screens=N --seconds=S --time-scale=K --nginx --only=direct|proxy`; other flags (--no-build) are the CLI's. */
export function parseOptions(args: readonly string[]): LoadTestOptions {
  const options: LoadTestOptions = { ...DEFAULT_OPTIONS };
  for (const arg of args) {
    const [name = '', value = ''] = arg.replace(/^--/, '').split('=');
    const number = Number(value);
    switch (name) {
      case 'screens':
        if (!Number.isInteger(number) || number < 1 || number > 5000) throw new Error(`--screens must be a whole number from 1 to 5000; got "${value}".`);
        options.screens = number;
        break;
      case 'seconds':
        if (!Number.isFinite(number) || number < 5 || number > 3600) throw new Error(`--seconds must be from 5 to 3600; got "${value}".`);
        options.seconds = number;
        break;
      case 'time-scale':
        if (!Number.isInteger(number) || number < 1 || number > 600) throw new Error(`--time-scale must be a whole number from 1 to 600; got "${value}".`);
        options.timeScale = number;
        break;
      case 'nginx':
        options.nginx = true;
        break;
      case 'only':
        if (value !== 'direct' && value !== 'proxy') throw new Error(`--only is direct or proxy; got "${value}".`);
        options.only = value;
        break;
      default:
        break;
    }
  }
  return options;
}
