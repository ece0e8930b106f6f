import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { useLocalStorage, useMediaQuery, useWindowSize } from '@vueuse/core';
import type { Locale } from '../domain/format';
import { chartPalette, type ThemeName } from '../charts/palette';

/** How the app looks here: language, theme, and type sized to the real screen. */
export const useDisplayStore = defineStore('display', () => {
  const storedLocale = useLocalStorage<Locale | ''>('ioc.locale', '');
  const defaultLocale = ref<Locale>('vi');
  const locale = computed<Locale>({
    get: () => (storedLocale.value === 'vi' || storedLocale.value === 'en' ? storedLocale.value : defaultLocale.value),
    set: (value) => {
      storedLocale.value = value;
    },
  });

  // Light by default on touch screens (tablets in bright meeting rooms), dark on walls and desks.
  const coarse = useMediaQuery('(pointer: coarse)');
  const themeOverride = ref<ThemeName | null>(null);
  const theme = computed<ThemeName>(() => themeOverride.value ?? (coarse.value ? 'light' : 'dark'));
  const palette = computed(() => chartPalette(theme.value));

  const { height } = useWindowSize();
  /** Chart text in px: about 1.3 % of the viewport height, never under 12 px. */
  const chartFontSize = computed(() => Math.max(12, Math.round(height.value * 0.013)));

  watch(theme, (value) => document.documentElement.setAttribute('data-theme', value), { immediate: true });

  function setDefaultLocale(value: Locale) {
    defaultLocale.value = value;
  }

  return { locale, theme, themeOverride, palette, chartFontSize, setDefaultLocale };
});
