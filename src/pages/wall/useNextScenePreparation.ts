import { onScopeDispose, ref, watch, type Ref } from 'vue';

/** How long a scene is on screen before the next one is prepared. */
export const PREPARE_AFTER_MS = 1000;

/**
 * True once the scene at `index` has been on screen for PREPARE_AFTER_MS, false again at each change of scene:
 * the moment to fetch the next scene's data and code, after the one on screen has had the network and the CPU.
 */
export function useNextScenePreparation(index: Ref<number>, afterMs = PREPARE_AFTER_MS): Ref<boolean> {
  const ready = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  watch(
    index,
    () => {
      clear();
      ready.value = false;
      timer = setTimeout(() => {
        timer = null;
        ready.value = true;
      }, afterMs);
    },
    { immediate: true },
  );
  onScopeDispose(clear);
  return ready;
}
