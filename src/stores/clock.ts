import { defineStore } from 'pinia';
import { useNow } from '@vueuse/core';
import { computed } from 'vue';

/** One shared clock for freshness: ticks every 10 s, which is fine-grained enough for minute cadences. */
export const useClockStore = defineStore('clock', () => {
  const now = useNow({ interval: 10_000 });
  const nowMs = computed(() => now.value.getTime());
  return { nowMs };
});
