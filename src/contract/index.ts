/**
 * The REST contract v1: the single source of every payload's shape. Feed adapters validate with these
 * schemas, the sample API is typed by them, and docs/openapi.yaml is checked against them by a test.
 */
export * from './common';
export * from './meta';
export * from './units';
export * from './indicators';
export * from './observations';
export * from './national';
export * from './serviceKpis';
export * from './serviceHistory';
export * from './events';
export * from './boundaries';
