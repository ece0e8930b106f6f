import { computed, nextTick, ref, watch, type Ref } from 'vue';
import { useElementSize } from '@vueuse/core';
import { rowPitch, rowsThatFit } from '../../domain/wall';

export interface RowsThatFitOptions {
  /** A selector for the rows of the list inside the box. */
  row: string;
  /** Selectors for what the box always shows besides the rows (a table's header). */
  fixed?: readonly string[];
  /** How many rows there are to show. */
  count: () => number;
  /** A row's height in px until one has been drawn to measure. */
  estimatePx: () => number;
}

/**
 * How many rows of a list fit in `box`, with one row's room kept for the "and N more" line when not all do.
 * Measured on the page, not guessed from the screen's height: type has a floor in px, so on a 720p screen a row
 * is taller than any share of the height would say. Measured again when the box changes size or the rows change.
 */
export function useRowsThatFit(box: Ref<HTMLElement | null>, options: RowsThatFitOptions): Ref<number> {
  const { height } = useElementSize(box);
  const rowPx = ref(0);
  const fixedPx = ref(0);
  const measure = () => {
    const el = box.value;
    if (!el) return;
    rowPx.value = rowPitch([...el.querySelectorAll(options.row)].slice(0, 2).map((row) => row.getBoundingClientRect()));
    fixedPx.value = (options.fixed ?? []).reduce((sum, selector) => sum + (el.querySelector(selector)?.getBoundingClientRect().height ?? 0), 0);
  };
  watch([height, options.count], () => void nextTick(measure), { immediate: true });
  return computed(() => rowsThatFit(height.value - fixedPx.value, rowPx.value || options.estimatePx(), options.count()));
}
