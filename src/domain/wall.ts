import { VN_OFFSET_MINUTES } from './time';

/** A scene of the wall playlist, as far as rotation is concerned. */
export interface SceneRef {
  scene: 'headline' | 'index' | 'services' | 'alerts';
  indicator?: string;
  seconds: number;
}

/** A stable key for a scene: `headline`, `index:par`, `services`, `alerts`. */
export function sceneKey(scene: Pick<SceneRef, 'scene' | 'indicator'>): string {
  return scene.scene === 'index' ? `index:${scene.indicator}` : scene.scene;
}

/**
 * The scene to start at from the `scene` URL parameter: a key (`services`, `index:pci`), an indicator id
 * (`pci`), or a 1-based position (`3`). Unknown or missing: null.
 */
export function findScene(playlist: readonly SceneRef[], param: string | null): number | null {
  if (!param) return null;
  const byKey = playlist.findIndex((s) => sceneKey(s) === param || (s.scene === 'index' && s.indicator === param));
  if (byKey >= 0) return byKey;
  if (/^\d+$/.test(param)) {
    const position = Number(param) - 1;
    return position >= 0 && position < playlist.length ? position : null;
  }
  return null;
}

/** How long a scene stays: its own duration, or the `rotate` override in seconds; null when rotation is off (rotate=0). */
export function sceneDurationMs(scene: SceneRef, rotate: number | null): number | null {
  if (rotate === 0) return null;
  return (rotate ?? scene.seconds) * 1000;
}

/** Position after moving `step` scenes (wrapping both ways). */
export function stepScene(index: number, step: number, length: number): number {
  return (((index + step) % length) + length) % length;
}

/** The next time the clock in Vietnam shows `hhmm` strictly after `now`. */
export function nextDailyTime(now: Date, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const offset = VN_OFFSET_MINUTES * 60_000;
  const local = new Date(now.getTime() + offset);
  const candidate = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), h, m) - offset;
  return new Date(candidate > now.getTime() ? candidate : candidate + 86_400_000);
}

/**
 * The layout's offset against burn-in at a step: a slow walk around a small square, never more than
 * `maxShift` px from the centre, whole pixels only (sub-pixel shifts would blur text).
 */
export function burnInOffset(step: number, maxShift: number): { x: number; y: number } {
  if (maxShift <= 0) return { x: 0, y: 0 };
  const path: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1], [0, -1], [1, -1]];
  const [dx, dy] = path[((step % path.length) + path.length) % path.length] as [number, number];
  return { x: dx * maxShift, y: dy * maxShift };
}

/**
 * How many of `count` rows of `rowPx` fit in `roomPx`: all of them if they do; otherwise as many as leave one
 * row's room for the line that says how many more there are. Never fewer than one.
 */
export function rowsThatFit(roomPx: number, rowPx: number, count: number): number {
  if (rowPx <= 0) return Math.max(1, count);
  const room = Math.floor(roomPx / rowPx);
  if (count <= room) return Math.max(1, count);
  return Math.max(1, room - 1);
}

/**
 * The room one row of a list takes: from one row's top to the next one's, so a gap between rows counts; a single
 * row's own height when there is only one; 0 when none is drawn yet.
 */
export function rowPitch(rows: readonly { top: number; height: number }[]): number {
  const [first, second] = rows;
  if (!first) return 0;
  return second ? second.top - first.top : first.height;
}
