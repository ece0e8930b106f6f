/**
 * The seed of the sample province when none is given: the dev worker, `npm start` (SEED overrides it)
 * and the Vitest helper all serve the same province, so a screenshot, a test and a demo agree.
 */
export const DEFAULT_SEED = 766;
