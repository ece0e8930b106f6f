/**
 * Installing a Debian package for the tests, the way they get Chromium and PostgreSQL on a fresh machine: only
 * as root on Debian or Ubuntu, with apt-get, and never any other download.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Whether this process can install Debian packages: Linux, root, apt-get present. */
export function canInstallWithApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${String(code)}`})`)),
    );
  });
}

/** `apt-get update && apt-get install -y --no-install-recommends <packages>`, saying so first. */
export async function aptInstall(packages: readonly string[], why: string): Promise<void> {
  console.log(`${why}: installing ${packages.join(', ')} (apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')})...`);
  await run('apt-get', ['update']);
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages]);
}
