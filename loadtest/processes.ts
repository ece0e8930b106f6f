import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

/** A child process the load test started, with the URL it printed. */
export interface Child {
  name: string;
  url: string;
  pid: number;
  process: ChildProcess;
  /** Stops it (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/**
 * Stops every child still running, at once: on exit, on an error, on Ctrl-C. SIGTERM, not SIGKILL: nginx's
 * master then stops its workers too (killed outright, it would leave them behind), and the sample server and
 * the proxy exit at once on it.
 */
export function killAll(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}
process.once('exit', killAll);

/**
 * Starts `command args` and waits for a line on stdout that `ready` matches (its first group is the URL), or
 * for `readyCheck` to resolve (nginx prints nothing). Rejects with the process's stderr if it exits first or
 * takes longer than `timeoutMs`.
 */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; ready?: RegExp; readyCheck?: () => Promise<string | null>; timeoutMs?: number; stopSignal?: NodeJS.Signals },
): Promise<Child> {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-16_384)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(options.stopSignal ?? 'SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<Child>((resolve, reject) => {
    let done = false;
    const fail = (message: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void stop();
      reject(new Error(`${name}: ${message}${stderr ? `\n${stderr.trim()}` : ''}`));
    };
    const succeed = (url: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ name, url, pid: child.pid ?? 0, process: child, stop });
    };
    const timer = setTimeout(() => fail(`not ready after ${options.timeoutMs ?? 20_000} ms`), options.timeoutMs ?? 20_000);
    child.once('error', (error) => fail(error.message));
    void exited.then(() => fail(`exited with ${child.exitCode ?? child.signalCode}`));
    if (options.ready && child.stdout) {
      const pattern = options.ready;
      createInterface({ input: child.stdout }).on('line', (line) => {
        const url = pattern.exec(line)?.[1];
        if (url) succeed(url);
      });
    } else child.stdout?.resume();
    if (options.readyCheck) {
      const check = options.readyCheck;
      const poll = async () => {
        while (!done) {
          const url = await check().catch(() => null);
          if (url) return succeed(url);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      void poll();
    }
  });
}

/** A free TCP port on 127.0.0.1 (for nginx, which cannot listen on port 0 and say which it got). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

let ticksPerSecond: number | undefined;

/** The kernel's clock ticks per second, the unit of /proc/<pid>/stat's CPU times (100 on Linux almost always). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null where there is no /proc. */
export function cpuSeconds(pid: number): number | null {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return null;
  const stat = readFileSync(file, 'utf8');
  // The command name (field 2) may hold spaces: the fields after it start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / clockTicks() : null;
}

/** The process and its children (nginx's master and workers), from /proc/<pid>/task/<pid>/children. */
export function processTree(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(file)) return [pid];
  const children = readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...children.flatMap((child) => processTree(child))];
}

/** CPU seconds of each process of a tree now (pid → seconds); null where there is no /proc. */
export function treeCpu(pid: number): Map<number, number> | null {
  const out = new Map<number, number>();
  for (const member of processTree(pid)) {
    const seconds = cpuSeconds(member);
    if (seconds !== null) out.set(member, seconds);
  }
  return out.size === 0 ? null : out;
}

/**
 * CPU seconds a tree used between two readings: the processes in both (nginx's cache loader exits a minute
 * after start; a worker may be replaced), plus the whole of those that appeared in between.
 */
export function treeCpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (before === null || after === null) return null;
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}
