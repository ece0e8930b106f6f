import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { PREPARE_AFTER_MS, useNextScenePreparation } from '../../../src/pages/wall/useNextScenePreparation';

describe('preparing the next wall scene', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits until the scene on screen has had its second, and starts again at each change of scene', async () => {
    const scope = effectScope();
    const index = ref(0);
    const ready = scope.run(() => useNextScenePreparation(index))!;
    expect(ready.value).toBe(false);
    vi.advanceTimersByTime(PREPARE_AFTER_MS - 1);
    expect(ready.value).toBe(false);
    vi.advanceTimersByTime(1);
    expect(ready.value).toBe(true);

    index.value = 1;
    await nextTick();
    expect(ready.value).toBe(false);
    vi.advanceTimersByTime(PREPARE_AFTER_MS);
    expect(ready.value).toBe(true);
    scope.stop();
  });

  it('leaves no timer behind when the wall goes away mid-scene', () => {
    const scope = effectScope();
    scope.run(() => useNextScenePreparation(ref(0)));
    expect(vi.getTimerCount()).toBe(1);
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
