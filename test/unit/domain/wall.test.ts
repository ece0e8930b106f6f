import { describe, expect, it } from 'vitest';
import { burnInOffset, findScene, nextDailyTime, rowPitch, rowsThatFit, sceneDurationMs, sceneKey, stepScene, type SceneRef } from '../../../src/domain/wall';

const playlist: SceneRef[] = [
  { scene: 'headline', seconds: 20 },
  { scene: 'index', indicator: 'par', seconds: 15 },
  { scene: 'index', indicator: 'pci', seconds: 15 },
  { scene: 'services', seconds: 30 },
];

describe('wall playlist', () => {
  it('names scenes by a stable key', () => {
    expect(playlist.map(sceneKey)).toEqual(['headline', 'index:par', 'index:pci', 'services']);
  });

  it('starts at the scene the URL names, by key, indicator or position', () => {
    expect(findScene(playlist, 'services')).toBe(3);
    expect(findScene(playlist, 'index:pci')).toBe(2);
    expect(findScene(playlist, 'pci')).toBe(2);
    expect(findScene(playlist, '2')).toBe(1);
    expect(findScene(playlist, '9')).toBeNull();
    expect(findScene(playlist, 'weather')).toBeNull();
    expect(findScene(playlist, null)).toBeNull();
  });

  it('uses each scene its own duration unless rotate overrides it, and rotate=0 stops rotation', () => {
    expect(sceneDurationMs(playlist[3]!, null)).toBe(30_000);
    expect(sceneDurationMs(playlist[3]!, 5)).toBe(5_000);
    expect(sceneDurationMs(playlist[3]!, 0)).toBeNull();
  });

  it('wraps around at both ends', () => {
    expect(stepScene(3, 1, 4)).toBe(0);
    expect(stepScene(0, -1, 4)).toBe(3);
  });
});

describe('days of uptime', () => {
  it('schedules the soft reload at the next 03:00 in Vietnam, whatever the device zone', () => {
    expect(nextDailyTime(new Date('2026-11-21T10:00:00Z'), '03:00').toISOString()).toBe('2026-11-21T20:00:00.000Z');
    expect(nextDailyTime(new Date('2026-11-21T19:00:00Z'), '03:00').toISOString()).toBe('2026-11-21T20:00:00.000Z');
    expect(nextDailyTime(new Date('2026-11-21T20:00:00Z'), '03:00').toISOString()).toBe('2026-11-22T20:00:00.000Z');
  });

  it('shifts the layout by whole pixels within the allowed distance and comes back round', () => {
    const offsets = Array.from({ length: 18 }, (_, i) => burnInOffset(i, 4));
    for (const o of offsets) {
      expect(Math.abs(o.x)).toBeLessThanOrEqual(4);
      expect(Math.abs(o.y)).toBeLessThanOrEqual(4);
      expect(Number.isInteger(o.x) && Number.isInteger(o.y)).toBe(true);
    }
    expect(new Set(offsets.map((o) => `${o.x},${o.y}`)).size).toBe(9);
    expect(offsets[9]).toEqual(offsets[0]);
    expect(burnInOffset(5, 0)).toEqual({ x: 0, y: 0 });
  });
});

describe('rows that fit a panel', () => {
  it('shows every row when all fit, and keeps a row for "N more" when they do not', () => {
    expect(rowsThatFit(500, 25, 20)).toBe(20);
    expect(rowsThatFit(500, 25, 21)).toBe(19);
    expect(rowsThatFit(420, 24.8, 80)).toBe(15);
  });

  it('shows at least one row, and every row until it can measure one', () => {
    expect(rowsThatFit(10, 25, 80)).toBe(1);
    expect(rowsThatFit(500, 0, 7)).toBe(7);
  });

  // The breach cards are 55 px tall with 8 px between them: counted by height alone, ten were let into room for nine.
  it("counts a row's room from one row's top to the next, so the gap between rows counts", () => {
    expect(rowPitch([{ top: 100, height: 55 }, { top: 163, height: 55 }])).toBe(63);
    expect(rowPitch([{ top: 100, height: 24 }])).toBe(24);
    expect(rowPitch([])).toBe(0);
    expect(rowsThatFit(600, rowPitch([{ top: 0, height: 55 }, { top: 63, height: 55 }]), 10)).toBe(8);
  });
});
