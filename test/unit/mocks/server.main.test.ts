// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'vite';

// Builds mocks/server/main.ts the way `npm run build` does and runs the output with plain node.
// The build goes under node_modules/.cache so the bundle's bare imports (msw, valibot) resolve.
const projectRoot = process.cwd();
const work = resolve(projectRoot, 'node_modules/.cache/ioc-server-main-test');
const serverJs = join(work, 'app', 'dist-server', 'main.js');
const INDEX_HTML = '<!doctype html><title>IOC</title><div id="app"></div>';

const children: ChildProcess[] = [];

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await build({
    root: projectRoot,
    configFile: resolve(projectRoot, 'vite.config.ts'),
    logLevel: 'silent',
    publicDir: false,
    build: { ssr: 'mocks/server/main.ts', outDir: join(work, 'app', 'dist-server'), emptyOutDir: true },
  });
  await mkdir(join(work, 'app', 'dist'), { recursive: true });
  await writeFile(join(work, 'app', 'dist', 'index.html'), INDEX_HTML);
  await mkdir(join(work, 'unbuilt', 'dist-server'), { recursive: true });
  await copyFile(serverJs, join(work, 'unbuilt', 'dist-server', 'main.js'));
  // Under node_modules, node does not look further up for the project's "type": "module".
  for (const dir of ['app', 'unbuilt']) await writeFile(join(work, dir, 'package.json'), '{ "type": "module" }\n');
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(script: string, env: Record<string, string>, cwd = work): Run {
  const child = spawn(process.execPath, [script], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const stdout: string[] = [];
  let stderr = '';
  if (child.stdout) createInterface({ input: child.stdout }).on('line', (line) => stdout.push(line));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  return { child, stdout, stderr: () => stderr, exited };
}

async function firstLine(started: Run): Promise<string> {
  for (let i = 0; i < 200 && started.stdout.length === 0 && started.child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 25));
  const line = started.stdout[0];
  if (line === undefined) throw new Error(`the server printed nothing; stderr: ${started.stderr()}`);
  return line;
}

describe('node dist-server/main.js', () => {
  it('prints one line with its URL, serves the app and the API there, and stops on SIGTERM', async () => {
    const server = run(serverJs, { PORT: '0', HOST: '127.0.0.1', COMMUNES: '25' });
    const line = await firstLine(server);
    expect(line).toMatch(/^Sample API and dashboard: http:\/\/127\.0\.0\.1:\d+\/$/);
    const origin = line.replace('Sample API and dashboard: ', '');
    expect(await (await fetch(`${origin}wall`)).text()).toBe(INDEX_HTML);
    const units = (await (await fetch(`${origin}api/v1/units?level=commune`)).json()) as { data: { units: unknown[] } };
    expect(units.data.units).toHaveLength(25);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stdout).toHaveLength(1);
  }, 20_000);

  it('serves the same province for the same SEED and another one for another SEED', async () => {
    const bodies: string[] = [];
    for (const seed of ['11', '11', '12']) {
      const server = run(serverJs, { PORT: '0', SEED: seed });
      const origin = (await firstLine(server)).replace('Sample API and dashboard: ', '');
      const body = (await (await fetch(`${origin}api/v1/observations?level=province`)).json()) as { data: unknown };
      bodies.push(JSON.stringify(body.data));
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[2]).not.toBe(bodies[0]);
  }, 20_000);

  it('without a built app, exits 1 and says to run npm run build', async () => {
    const server = run(join(work, 'unbuilt', 'dist-server', 'main.js'), { PORT: '0' }, join(work, 'unbuilt'));
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('npm run build');
    expect(server.stdout).toEqual([]);
  }, 20_000);

  it('with AUTH_TOKEN, asks /api/v1 for that bearer token and leaves the app and /__mock open', async () => {
    const server = run(serverJs, { PORT: '0', AUTH_TOKEN: 'tok_3n.v' }, join(work, 'app'));
    const origin = (await firstLine(server)).replace('Sample API and dashboard: ', '');
    const refused = await fetch(`${origin}api/v1/meta`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${origin}api/v1/meta`, { headers: { Authorization: 'Bearer tok_3n.v' } })).status).toBe(200);
    expect((await fetch(`${origin}wall`)).status).toBe(200);
    expect((await fetch(`${origin}__mock/requests`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 20_000);

  it('refuses an AUTH_TOKEN that cannot be sent as a bearer token, without echoing it', async () => {
    const server = run(serverJs, { PORT: '0', AUTH_TOKEN: 'two words' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('AUTH_TOKEN');
    expect(server.stderr()).not.toContain('two words');
  }, 20_000);

  it('frees its port on SIGTERM, so a new server starts on the same port', async () => {
    const first = run(serverJs, { PORT: '0' }, join(work, 'app'));
    const origin = (await firstLine(first)).replace('Sample API and dashboard: ', '');
    // A keep-alive connection left open must not hold the port.
    expect((await fetch(`${origin}api/v1/meta`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    await expect(fetch(`${origin}api/v1/meta`)).rejects.toThrow();
    const second = run(serverJs, { PORT: new URL(origin).port }, join(work, 'app'));
    expect(await firstLine(second)).toBe(`Sample API and dashboard: ${origin}`);
    expect((await fetch(`${origin}api/v1/meta`)).status).toBe(200);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 20_000);

  it('with SAMPLE_TIME_SCALE, runs the sample clock that many times faster and shortens max-age with it', async () => {
    const server = run(serverJs, { PORT: '0', SAMPLE_TIME_SCALE: '30' }, join(work, 'app'));
    const origin = (await firstLine(server)).replace('Sample API and dashboard: ', '');
    const first = await fetch(`${origin}api/v1/service-kpis`);
    expect(first.headers.get('cache-control')).toBe('max-age=2');
    expect((await fetch(`${origin}api/v1/meta`)).headers.get('cache-control')).toBe('max-age=120');
    expect((await fetch(`${origin}api/v1/observations?level=province`)).headers.get('cache-control')).toBe('max-age=30');
    const asOf = Date.parse(((await first.json()) as { asOf: string }).asOf);
    // Two real seconds later, a minute of the sample's clock has passed: the live KPIs are a minute on.
    await new Promise((r) => setTimeout(r, 2_100));
    const later = await fetch(`${origin}api/v1/service-kpis`, { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });
    expect(later.status).toBe(200);
    expect(Date.parse(((await later.json()) as { asOf: string }).asOf)).toBeGreaterThanOrEqual(asOf + 60_000);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 20_000);

  it('refuses a SAMPLE_TIME_SCALE that is not a whole number from 1', async () => {
    const server = run(serverJs, { PORT: '0', SAMPLE_TIME_SCALE: '0.5' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('SAMPLE_TIME_SCALE');
  }, 20_000);

  it('with SAMPLE_NOW, serves that day so far, whatever the real time, and /__mock/clock runs on from it', async () => {
    const start = Date.parse('2026-03-10T10:00:00+07:00');
    const server = run(serverJs, { PORT: '0', SAMPLE_NOW: '2026-03-10T10:00:00+07:00' }, join(work, 'app'));
    const origin = (await firstLine(server)).replace('Sample API and dashboard: ', '');
    const first = (await (await fetch(`${origin}__mock/clock`)).json()) as { now: string; epochMs: number };
    expect(first.now).toMatch(/^2026-03-10T10:00:0\d\+07:00$/);
    expect(first.epochMs).toBeGreaterThanOrEqual(start);
    expect(first.epochMs).toBeLessThan(start + 5_000);
    // A Tuesday at 10:00: the one-stop shops have been open for hours, so the province has files today.
    const live = (await (await fetch(`${origin}api/v1/service-kpis?level=province`)).json()) as { asOf: string; data: { rows: { counts: { received: number } }[] } };
    expect(live.asOf).toBe('2026-03-10T10:00:00+07:00');
    expect(live.data.rows[0]?.counts.received).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_100));
    const later = (await (await fetch(`${origin}__mock/clock`)).json()) as { epochMs: number };
    expect(later.epochMs - first.epochMs).toBeGreaterThanOrEqual(1_000);
    expect(later.epochMs - first.epochMs).toBeLessThan(5_000);
    expect(server.stderr()).toContain("The sample's clock started at 2026-03-10T10:00:00+07:00 (SAMPLE_NOW)");
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 20_000);

  it('with SAMPLE_NOW and SAMPLE_TIME_SCALE, runs on from SAMPLE_NOW that many times faster', async () => {
    const server = run(serverJs, { PORT: '0', SAMPLE_NOW: '2026-03-08T03:00:00Z', SAMPLE_TIME_SCALE: '60' }, join(work, 'app'));
    const origin = (await firstLine(server)).replace('Sample API and dashboard: ', '');
    await new Promise((r) => setTimeout(r, 1_100));
    const clock = (await (await fetch(`${origin}__mock/clock`)).json()) as { now: string; epochMs: number; timeScale: number };
    expect(clock.timeScale).toBe(60);
    expect(clock.epochMs).toBeGreaterThanOrEqual(Date.parse('2026-03-08T03:01:00Z'));
    expect(clock.epochMs).toBeLessThan(Date.parse('2026-03-08T03:10:00Z'));
    expect(clock.now.slice(0, 13)).toBe('2026-03-08T10');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 20_000);

  it.each(['2026-03-10 10:00', '2026-03-10T10:00:00', '2026-02-30T10:00:00+07:00', 'tomorrow'])('refuses SAMPLE_NOW=%s, showing the form it takes', async (value) => {
    const server = run(serverJs, { PORT: '0', SAMPLE_NOW: value });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('SAMPLE_NOW');
    expect(server.stderr()).toContain('2026-03-10T10:00:00+07:00');
    expect(server.stderr()).toContain(`"${value}"`);
    expect(server.stdout).toEqual([]);
  }, 20_000);

  it('refuses a PORT that is not a port number', async () => {
    const server = run(serverJs, { PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('PORT');
  }, 20_000);
});
