/**
 * Rotation: the wall at `/wall?rotate=0`, stepped with → `steps` times, each scene left on screen until every panel
 * is ready and every chart has drawn (and 300 ms more). Every long task from the first key press to the end is
 * collected with a `longtask` PerformanceObserver; each step's time from the key press to the scene ready too.
 * Then the wall sits still on one scene and its main-thread time is read over a few seconds (idle CPU).
 */
import type { Browser } from 'playwright-core';
import { sceneKey, type SceneRef } from '../../src/domain/wall';
import { arm, cdpMetrics, openSession, probeState, waitSettled } from '../lib/session';
import { summarise, type Summary } from '../lib/stats';

export interface RotationResult {
  steps: number;
  /** The longest task (ms) and the number of tasks over 50 ms during the steps. */
  longestTaskMs: number;
  longTasks: number;
  /** Long tasks over 100 ms, by the scene they happened in. */
  over100: { scene: string; durationMs: number }[];
  /** Key press → scene ready, per step (ms). */
  sceneReady: Summary;
  /** Per scene key: the slowest step into it and its longest task. */
  byScene: Record<string, { readyMs: number; longestTaskMs: number }>;
}

export interface IdleResult {
  scene: string;
  seconds: number;
  /** Main-thread task time while the scene sits on screen (ms), and as a share of one core (%). */
  busyMs: number;
  cpuPercent: number;
}

/** The scene keys of the served config's playlist, in order. */
export async function playlistKeys(origin: string): Promise<string[]> {
  const config = (await (await fetch(new URL('config.json', origin))).json()) as { wall: { playlist: SceneRef[] } };
  return config.wall.playlist.map(sceneKey);
}

export async function rotation(browser: Browser, origin: string, options: { steps: number; log?: (line: string) => void }): Promise<RotationResult> {
  const keys = await playlistKeys(origin);
  const session = await openSession(browser, { origin });
  try {
    const { page } = session;
    await page.goto(new URL(`/wall?rotate=0&scene=${keys[0]}`, origin).href, { waitUntil: 'commit' });
    await waitSettled(page, { stableMs: 500 });
    const startedAt = await page.evaluate(() => performance.now());
    const steps: { scene: string; from: number; to: number; readyMs: number }[] = [];
    for (let i = 1; i <= options.steps; i++) {
      const scene = keys[i % keys.length] as string;
      await arm(page, { scene });
      const from = await page.evaluate(() => performance.now());
      await page.keyboard.press('ArrowRight');
      const state = await waitSettled(page, { stableMs: 300 });
      const readyMs = (state.readyAt ?? Number.NaN) - (state.lastKey ?? Number.NaN);
      steps.push({ scene, from, to: await page.evaluate(() => performance.now()), readyMs });
      if (i % 10 === 0) options.log?.(`  ${i} scene changes`);
    }
    const tasks = (await probeState(page)).longTasks.filter((t) => t.start >= startedAt);
    const sceneAt = (t: number) => steps.find((s) => t >= s.from && t < s.to)?.scene ?? '?';
    const byScene: RotationResult['byScene'] = {};
    for (const step of steps) {
      const longest = Math.max(0, ...tasks.filter((t) => t.start >= step.from && t.start < step.to).map((t) => t.duration));
      const entry = byScene[step.scene] ?? { readyMs: 0, longestTaskMs: 0 };
      byScene[step.scene] = { readyMs: Math.max(entry.readyMs, Math.round(step.readyMs)), longestTaskMs: Math.max(entry.longestTaskMs, Math.round(longest)) };
    }
    return {
      steps: steps.length,
      longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      longTasks: tasks.length,
      over100: tasks.filter((t) => t.duration > 100).map((t) => ({ scene: sceneAt(t.start), durationMs: Math.round(t.duration) })),
      sceneReady: summarise(steps.map((s) => s.readyMs)),
      byScene,
    };
  } finally {
    await session.close();
  }
}

/** Main-thread time of the wall sitting on one scene (rotation off) for `seconds`, after it settled. */
export async function idleCpu(browser: Browser, origin: string, options: { scene: string; seconds: number }): Promise<IdleResult> {
  const session = await openSession(browser, { origin });
  try {
    const { page, cdp } = session;
    await page.goto(new URL(`/wall?rotate=0&scene=${options.scene}`, origin).href, { waitUntil: 'commit' });
    await waitSettled(page, { stableMs: 1000 });
    await page.evaluate(() => (window as unknown as { __bench: { stop(): void } }).__bench.stop());
    const before = await cdpMetrics(cdp);
    await page.waitForTimeout(options.seconds * 1000);
    const after = await cdpMetrics(cdp);
    const busy = (after.TaskDuration ?? 0) - (before.TaskDuration ?? 0);
    const elapsed = (after.Timestamp ?? 0) - (before.Timestamp ?? 0);
    return { scene: options.scene, seconds: options.seconds, busyMs: Math.round(busy * 1000), cpuPercent: Math.round((busy / elapsed) * 1000) / 10 };
  } finally {
    await session.close();
  }
}
