import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { registerServiceWorker, SW_SCOPE, SW_URL, watchForNewBuild, type RegistrationHost } from '../../../src/pwa/register';

const Empty = defineComponent({ render: () => h('div') });

function fakeHost(options: { controlled?: boolean; fails?: unknown } = {}) {
  const listeners = new Map<string, (() => void)[]>();
  const container = {
    controller: (options.controlled ? {} : null) as ServiceWorker | null,
    register: vi.fn(() => (options.fails === undefined ? Promise.resolve({} as ServiceWorkerRegistration) : Promise.reject(options.fails))),
    addEventListener: vi.fn((type: string, listener: () => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener])),
  };
  let start: (() => void) | null = null;
  const host = {
    container: container as unknown as RegistrationHost['container'],
    afterLoad: vi.fn((run: () => void) => void (start = run)),
    load: vi.fn<(href: string) => void>(),
  } satisfies RegistrationHost;
  return {
    host,
    container,
    /** The page's load event. */
    loaded: () => start?.(),
    /** A worker takes over the page (clients.claim or skipWaiting of a new build). */
    takeOver: () => listeners.get('controllerchange')?.forEach((listener) => listener()),
  };
}

async function makeRouter(): Promise<Router> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Empty },
      { path: '/wall', component: Empty },
      { path: '/status', component: Empty },
    ],
  });
  await router.push('/wall?scene=headline');
  return router;
}

afterEach(() => vi.restoreAllMocks());

describe('registering the service worker', () => {
  it('does nothing outside production builds: in `npm run dev` the MSW worker owns the scope', () => {
    const fake = fakeHost();
    registerServiceWorker(undefined, fake.host, false);
    fake.loaded();
    expect(fake.host.afterLoad).not.toHaveBeenCalled();
    expect(fake.container.register).not.toHaveBeenCalled();
  });

  it('does nothing where the browser has no service workers', () => {
    expect(() => registerServiceWorker(undefined, null, true)).not.toThrow();
  });

  it('registers /sw.js for the whole app once the page has loaded', () => {
    const fake = fakeHost();
    registerServiceWorker(undefined, fake.host, true);
    expect(fake.container.register).not.toHaveBeenCalled();
    fake.loaded();
    expect(fake.container.register).toHaveBeenCalledTimes(1);
    expect(fake.container.register).toHaveBeenCalledWith(SW_URL, { scope: SW_SCOPE });
    expect(SW_URL).toBe('/sw.js');
    expect(SW_SCOPE).toBe('/');
  });

  it('logs a failed registration as a warning, never an error, and never throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fake = fakeHost({ fails: new DOMException('The operation is insecure.', 'SecurityError') });
    registerServiceWorker(undefined, fake.host, true);
    fake.loaded();
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/Service worker not registered.*insecure/);
    expect(error).not.toHaveBeenCalled();

    const broken = fakeHost();
    broken.host.afterLoad.mockImplementation(() => {
      throw new Error('no load event');
    });
    expect(() => registerServiceWorker(undefined, broken.host, true)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it("finds the app's router", async () => {
    const router = await makeRouter();
    const app = createApp(Empty).use(router);
    const fake = fakeHost({ controlled: true });
    registerServiceWorker(app, fake.host, true);
    fake.takeOver();
    await router.push('/status');
    expect(fake.host.load).toHaveBeenCalledWith('/status');
  });
});

describe('a new build taking over an open page', () => {
  it('is not a new build on the first visit (the first worker claims a page that had none)', async () => {
    const router = await makeRouter();
    const fake = fakeHost({ controlled: false });
    const state = watchForNewBuild(fake.host, router);
    fake.takeOver();
    expect(state.newBuild).toBe(false);
    await router.push('/status');
    expect(fake.host.load).not.toHaveBeenCalled();
    expect(router.currentRoute.value.path).toBe('/status');
    // A later worker is one.
    fake.takeOver();
    expect(state.newBuild).toBe(true);
  });

  it('loads the next view in full, once, and leaves changes of the query alone (the wall rotating)', async () => {
    const router = await makeRouter();
    const fake = fakeHost({ controlled: true });
    const state = watchForNewBuild(fake.host, router);
    await router.push('/wall?scene=par');
    fake.takeOver();
    expect(state.newBuild).toBe(true);
    await router.push('/wall?scene=services');
    expect(fake.host.load).not.toHaveBeenCalled();
    expect(router.currentRoute.value.fullPath).toBe('/wall?scene=services');

    await router.push('/status?x=1');
    expect(fake.host.load).toHaveBeenCalledTimes(1);
    expect(fake.host.load).toHaveBeenCalledWith('/status?x=1');
    // The page is about to be replaced: the router stays where it was.
    expect(router.currentRoute.value.path).toBe('/wall');
  });

  it('works without a router', () => {
    const fake = fakeHost({ controlled: true });
    const state = watchForNewBuild(fake.host, null);
    fake.takeOver();
    expect(state.newBuild).toBe(true);
  });
});
