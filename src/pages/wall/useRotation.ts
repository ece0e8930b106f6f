import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import { useEventListener } from '@vueuse/core';
import { findScene, sceneDurationMs, sceneKey, stepScene, type SceneRef } from '../../domain/wall';

const STORAGE_KEY = 'ioc.wall.position';
/** A saved position older than this is not resumed. */
const RESUME_WITHIN_MS = 24 * 3600_000;

interface SavedPosition {
  key: string;
  elapsedMs: number;
  savedAt: number;
}

export interface RotationOptions {
  playlist: Ref<readonly SceneRef[]>;
  /** `rotate` from the URL: seconds per scene for every scene, 0 = no rotation, null = each scene's own. */
  rotate: Ref<number | null>;
  /** `scene` from the URL, read once at start. */
  startAt: string | null;
  now?: () => number;
}

/**
 * The wall's rotation: one timer for the scene on screen, pause and step from the keyboard, a priority
 * interrupt that takes over and then gives the scene back with the time it had left, and the position
 * kept across a reload (localStorage).
 */
export function useRotation(options: RotationOptions) {
  const now = options.now ?? Date.now;
  const length = computed(() => options.playlist.value.length);
  const index = ref(0);
  const paused = ref(false);
  /** An interrupt on screen: until when, and which breaches brought it. */
  const interrupt = ref<{ until: number; keys: string[] } | null>(null);
  /** The current run of the scene on screen: when it (re)started and with how much time left. */
  const run = ref({ startedAt: now(), remainingMs: 0, durationMs: 0, serial: 0 });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let resumeRemaining: number | null = null;

  const scene = computed(() => options.playlist.value[index.value] ?? null);
  const durationMs = computed(() => (scene.value ? sceneDurationMs(scene.value, options.rotate.value) : null));

  function clearTimer() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  /** Starts (or restarts) the scene on screen with `remainingMs` to go. */
  function startRun(remainingMs: number | null) {
    clearTimer();
    const total = durationMs.value;
    const remaining = total === null ? 0 : Math.max(0, Math.min(total, remainingMs ?? total));
    run.value = { startedAt: now(), remainingMs: remaining, durationMs: total ?? 0, serial: run.value.serial + 1 };
    if (total !== null && !paused.value) timer = setTimeout(() => go(1), remaining);
    save();
  }

  function elapsedMs(): number {
    const r = run.value;
    if (paused.value) return r.durationMs - r.remainingMs;
    return Math.min(r.durationMs, r.durationMs - r.remainingMs + (now() - r.startedAt));
  }

  function go(step: number) {
    interrupt.value = null;
    resumeRemaining = null;
    if (length.value === 0) return;
    index.value = stepScene(index.value, step, length.value);
    startRun(null);
  }

  function togglePause() {
    if (interrupt.value) return;
    if (paused.value) {
      paused.value = false;
      startRun(run.value.remainingMs);
    } else {
      const left = run.value.durationMs - elapsedMs();
      clearTimer();
      paused.value = true;
      run.value = { ...run.value, remainingMs: left, startedAt: now(), serial: run.value.serial + 1 };
    }
  }

  /** The alert scene takes over for `ms`; then the interrupted scene resumes with the time it had left. */
  function startInterrupt(ms: number, keys: string[]) {
    if (interrupt.value) {
      interrupt.value = { until: interrupt.value.until, keys: [...new Set([...interrupt.value.keys, ...keys])] };
      return;
    }
    resumeRemaining = durationMs.value === null ? null : durationMs.value - elapsedMs();
    clearTimer();
    interrupt.value = { until: now() + ms, keys };
    run.value = { startedAt: now(), remainingMs: ms, durationMs: ms, serial: run.value.serial + 1 };
    timer = setTimeout(endInterrupt, ms);
  }

  function endInterrupt() {
    interrupt.value = null;
    const left = resumeRemaining;
    resumeRemaining = null;
    startRun(left);
  }

  function save() {
    const current = scene.value;
    if (!current) return;
    const position: SavedPosition = { key: sceneKey(current), elapsedMs: interrupt.value ? 0 : elapsedMs(), savedAt: now() };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(position));
    } catch {
      // storage full or disabled: the wall still rotates, it only forgets its place on reload
    }
  }

  function restore(): { index: number; elapsedMs: number } | null {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as SavedPosition | null;
      if (!saved || now() - saved.savedAt > RESUME_WITHIN_MS) return null;
      const at = options.playlist.value.findIndex((s) => sceneKey(s) === saved.key);
      return at >= 0 ? { index: at, elapsedMs: Math.max(0, saved.elapsedMs) } : null;
    } catch {
      return null;
    }
  }

  // Start: the URL's scene wins; otherwise where this screen was before a reload.
  const fromUrl = findScene(options.playlist.value, options.startAt);
  const restored = fromUrl === null ? restore() : null;
  index.value = fromUrl ?? restored?.index ?? 0;
  startRun(durationMs.value === null || !restored ? null : durationMs.value - restored.elapsedMs);

  watch([options.playlist, options.rotate], () => {
    if (index.value >= length.value) index.value = 0;
    if (!interrupt.value) startRun(null);
  });
  useEventListener(window, 'pagehide', save);
  onScopeDispose(() => {
    save();
    clearTimer();
  });

  return {
    index,
    scene,
    paused,
    interrupt,
    run,
    durationMs,
    next: () => go(1),
    previous: () => go(-1),
    togglePause,
    startInterrupt,
    save,
  };
}
