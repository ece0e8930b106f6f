import { describe, expect, it } from 'vitest';
import { route, type RouteScope } from '../../../src/sw/routing';

const ORIGIN = 'https://ioc.example.gov.vn';
const scope: RouteScope = {
  origin: ORIGIN,
  precached: new Set(['/index.html', '/assets/index-abc.js', '/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png']),
};
const at = (path: string) => `${ORIGIN}${path}`;

describe('the service worker routing', () => {
  it('answers page loads of any route with the app shell, network first', () => {
    for (const path of ['/', '/wall', '/wall?rotate=0&scene=par', '/index/pci', '/unit/99003?period=2025', '/compare?units=1,2', '/status', '/no/such/view', '/index.html']) {
      expect(route(at(path), 'navigate', scope), path).toBe('network-first-shell');
    }
  });

  it('takes hashed build files from the cache first', () => {
    expect(route(at('/assets/index-abc.js'), 'cors', scope)).toBe('cache-first');
    expect(route(at('/assets/WallPage-xyz.css'), 'no-cors', scope)).toBe('cache-first');
    // A file of the build that was not precached (an older page's chunk) is still cache-first.
    expect(route(at('/assets/Other-123.js'), 'cors', scope)).toBe('cache-first');
    expect(route(at('/assets/'), 'cors', scope)).toBe('passthrough');
  });

  it('handles config.json on its own: network first, else the last copy', () => {
    expect(route(at('/config.json'), 'cors', scope)).toBe('config');
    expect(route(at('/config.json'), 'same-origin', scope)).toBe('config');
    expect(route(at('/config.json?v=2'), 'cors', scope)).toBe('config');
    // Opened in a tab: the file, not the app shell.
    expect(route(at('/config.json'), 'navigate', scope)).toBe('config');
  });

  it('serves the rest of the shell from the precache', () => {
    expect(route(at('/manifest.webmanifest'), 'cors', scope)).toBe('precache');
    expect(route(at('/favicon.svg'), 'no-cors', scope)).toBe('precache');
    expect(route(at('/icons/icon-192.png'), 'no-cors', scope)).toBe('precache');
    expect(route(at('/index.html'), 'cors', scope)).toBe('precache');
    expect(route(at('/icons/icon-192.png'), 'navigate', scope)).toBe('precache');
  });

  it('never touches the feed API or the sample server controls, whatever the mode', () => {
    for (const path of ['/api', '/api/v1/meta', '/api/v1/observations?indicator=par&period=2025', '/api/v1/boundaries?level=commune', '/__mock', '/__mock/faults', '/__mock/requests']) {
      for (const mode of ['cors', 'same-origin', 'navigate', 'no-cors']) expect(route(at(path), mode, scope), `${mode} ${path}`).toBe('passthrough');
    }
    // Only those roots: a view named like them is still a view.
    expect(route(at('/apis'), 'navigate', scope)).toBe('network-first-shell');
    expect(route(at('/%61pi/v1/meta'), 'cors', scope)).toBe('passthrough');
  });

  it('leaves the service workers, other origins, unknown files and bad URLs to the network', () => {
    expect(route(at('/sw.js'), 'same-origin', scope)).toBe('passthrough');
    expect(route(at('/mockServiceWorker.js'), 'same-origin', scope)).toBe('passthrough');
    expect(route(at('/robots.txt'), 'no-cors', scope)).toBe('passthrough');
    expect(route(at('/data/boundaries.geojson'), 'cors', scope)).toBe('passthrough');
    expect(route('https://api.example.gov.vn/api/v1/meta', 'cors', scope)).toBe('passthrough');
    expect(route('https://cdn.example.com/assets/index-abc.js', 'cors', scope)).toBe('passthrough');
    expect(route('https://other.example/', 'navigate', scope)).toBe('passthrough');
    expect(route('not a url', 'navigate', scope)).toBe('passthrough');
    expect(route(at('/%E0%A4%A'), 'navigate', scope)).toBe('passthrough');
  });

  it('accepts a URL object', () => {
    expect(route(new URL(at('/wall')), 'navigate', scope)).toBe('network-first-shell');
  });
});
