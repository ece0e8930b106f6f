import { inject, type App } from 'vue';
import { routerKey, type Router } from 'vue-router';

/** The service worker the build writes (src/sw/), for the whole app. */
export const SW_URL = '/sw.js';
export const SW_SCOPE = '/';

/** What registration needs from the browser; a test passes its own. */
export interface RegistrationHost {
  container: Pick<ServiceWorkerContainer, 'register' | 'controller' | 'addEventListener'>;
  /** Runs `start` once the page has loaded, so the precache never competes with the first view's data. */
  afterLoad: (start: () => void) => void;
  /** A full page load of `href`: how the next navigation picks up a new build. */
  load: (href: string) => void;
}

function browserHost(): RegistrationHost | null {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
  return {
    container: navigator.serviceWorker,
    afterLoad: (start) => {
      if (document.readyState === 'complete') start();
      else window.addEventListener('load', () => start(), { once: true });
    },
    load: (href) => window.location.assign(href),
  };
}

/**
 * Registers the service worker that lets the installed app start without a network. Production builds only:
 * in `npm run dev` the sample API's MSW worker owns the scope, and there is no /sw.js. Call it once, after
 * the app has mounted. It never throws: a browser without service workers, a private window or a failed
 * registration only costs the offline start, and is logged as a warning.
 *
 * A new build's worker takes over open pages at once (it skips waiting). The page keeps running the build it
 * started with, whose files may now be gone from the server, so its next change of view is a full page
 * load, which gets the new build: once, no reload loop, and a wall rotating its scenes (query changes only)
 * is left alone.
 */
export function registerServiceWorker(app?: App, host: RegistrationHost | null = browserHost(), production = import.meta.env.PROD): void {
  if (!production || !host) return;
  try {
    const router = app?.runWithContext(() => inject(routerKey, null)) ?? null;
    watchForNewBuild(host, router);
    host.afterLoad(() => {
      host.container.register(SW_URL, { scope: SW_SCOPE }).catch((error: unknown) => warn(error));
    });
  } catch (error) {
    warn(error);
  }
}

function warn(error: unknown): void {
  console.warn(`Service worker not registered: the app works, but will not start offline (${error instanceof Error ? error.message : String(error)})`);
}

/**
 * After a worker replaced the one this page started under, the next navigation to another view loads the
 * page anew. The first worker of a page that had none (the first visit) is not a new build.
 */
export function watchForNewBuild(host: Pick<RegistrationHost, 'container' | 'load'>, router: Router | null): { readonly newBuild: boolean } {
  let controlled = host.container.controller !== null;
  const state = { newBuild: false };
  host.container.addEventListener('controllerchange', () => {
    if (controlled) state.newBuild = true;
    controlled = true;
  });
  router?.beforeEach((to, from) => {
    if (!state.newBuild || from.matched.length === 0 || to.path === from.path) return true;
    host.load(router.resolve(to).href);
    return false;
  });
  return state;
}
