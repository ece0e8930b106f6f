import { defineStore } from 'pinia';
import { reactive } from 'vue';

export interface CoverageFinding {
  level: string;
  /** Units of the level with no outline in the GeoJSON. */
  missingShapes: string[];
  /** Outlines whose code names no unit of the level. */
  orphanShapes: string[];
}

/** What the data does not cover, found while drawing (a unit without a shape, a shape without a unit), for /status. */
export const useDataQualityStore = defineStore('dataQuality', () => {
  const coverage = reactive(new Map<string, CoverageFinding>());

  function reportCoverage(finding: CoverageFinding) {
    coverage.set(finding.level, finding);
  }

  return { coverage, reportCoverage };
});
