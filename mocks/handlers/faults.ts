/**
 * Switchable faults of the sample API, per feed: what a fault may say (faults/settings.ts), how each kind
 * acts and in which order (faults/effects.ts), the row rewrites (faults/rewrites.ts, faults/xss.ts), the
 * byte faults (faults/bytes.ts), the registry and the control endpoint (faults/registry.ts,
 * faults/control.ts). To add a kind: add its setting to FaultSettings (with how it reads in an error
 * message) and its effect to EFFECTS; the control endpoint, validation and application pick it up.
 */
export { countsOnTime } from './faults/breach';
export { createFaultControlHandlers } from './faults/control';
export { applyFault, type FaultContext } from './faults/effects';
export { createFaultRegistry, type FaultRegistry } from './faults/registry';
export { UNKNOWN_INDICATOR, UNKNOWN_UNIT } from './faults/rewrites';
export {
  DRIFT_KINDS,
  FAULT_KEYS,
  FAULTS_PATH,
  FaultSettings,
  NON_FINITE_KINDS,
  OUT_OF_RANGE_KINDS,
  TRICKLE_DEFAULT_MS,
  parseFaultBody,
  type DriftKind,
  type FaultBody,
  type FaultKey,
  type FaultTarget,
  type NonFiniteKind,
  type OutOfRangeKind,
} from './faults/settings';
export { HUGE_BODY_BYTES } from './faults/bytes';
export { XSS_PAYLOADS } from './faults/xss';
