import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, parseConfig } from '../../../src/config/load';

const text = readFileSync(resolve(process.cwd(), 'public/config.json'), 'utf8');
const shipped: unknown = JSON.parse(text);
/** A fresh, freely editable copy of the shipped config. */
const clone = () => JSON.parse(text);

function errorOf(raw: unknown): ConfigError {
  try {
    parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('config was accepted');
}

describe('runtime config.json', () => {
  it('accepts the shipped config', () => {
    expect(parseConfig(shipped).apiBase).toBe('/api/v1');
  });

  it('names a missing key', () => {
    const raw = clone();
    delete raw.feeds.observations.refreshSeconds;
    const error = errorOf(raw);
    expect(error.key).toBe('feeds.observations.refreshSeconds');
    expect(error.message).toBe('config.json: "feeds.observations.refreshSeconds" is missing');
  });

  it('names a key of the wrong type', () => {
    const raw = clone();
    raw.request.timeoutMs = '10s';
    const error = errorOf(raw);
    expect(error.key).toBe('request.timeoutMs');
    expect(error.message).toContain('"request.timeoutMs" is wrong');
  });

  it('names an unknown feed', () => {
    const raw = clone();
    raw.feeds.weather = { url: 'weather', refreshSeconds: 60, maxAgeSeconds: 120 };
    const error = errorOf(raw);
    expect(error.key).toBe('feeds.weather');
    expect(error.message).toBe('config.json: "feeds.weather" is not a known setting');
  });

  it('rejects a threshold whose alert line is above its warning line', () => {
    const raw = clone();
    raw.thresholds['on-time'] = { warn: 80, alert: 90 };
    expect(errorOf(raw).key).toBe('thresholds.on-time');
  });

  it('names geo.codeProperty when it is blank or not text', () => {
    for (const codeProperty of ['  ', 7]) {
      const raw = clone();
      raw.geo = { url: 'geo/{level}.geojson', codeProperty };
      const error = errorOf(raw);
      expect(error.key).toBe('geo.codeProperty');
      expect(error.message).toContain('feature property');
    }
  });
});
