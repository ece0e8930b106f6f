import type { Indicator } from '../contract/indicators';
import type { Observation } from './types';

export interface ComponentScore {
  id: string;
  name: string;
  value: number;
  max: number;
  /** value / max, 0–1. */
  share: number;
}

/** The components of an observation in catalogue order, each against its maximum; missing ones are left out. */
export function componentScores(
  observation: Pick<Observation, 'components' | 'period'>,
  indicator: Pick<Indicator, 'components'>,
  name: (c: Indicator['components'][number]) => string,
): ComponentScore[] {
  const scores: ComponentScore[] = [];
  for (const c of indicator.components) {
    const value = observation.components[c.id];
    if (value === undefined) continue;
    if (c.validFrom !== undefined && observation.period < c.validFrom) continue;
    if (c.validTo !== undefined && observation.period > c.validTo) continue;
    scores.push({ id: c.id, name: name(c), value, max: c.max, share: c.max > 0 ? value / c.max : 0 });
  }
  return scores;
}
