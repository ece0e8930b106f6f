import { createApp } from 'vue';
import { createPinia } from 'pinia';
import './styles/theme.css';
import './styles/print.css';
import App from './App.vue';
import ConfigErrorView from './components/ConfigErrorView.vue';
import { createAppRouter } from './router';
import { createAppI18n } from './i18n';
import { ConfigError, loadConfig } from './config/load';
import { createFeedContext } from './config/feedContext';
import { useRuntimeStore } from './stores/runtime';
import { useCatalogueStore } from './stores/catalogue';
import { useGeographyStore } from './stores/geography';
import { useDisplayStore } from './stores/display';
import { useFeedRegistryStore } from './stores/feedRegistry';
import type { FeedId } from './contract/routes';
import { liveCharts, unitPoint } from './charts/registry';
import { registerServiceWorker } from './pwa/register';

async function boot() {
  // `npm run dev` answers the API from the MSW worker; builds never include the mocks.
  if (import.meta.env.DEV && import.meta.env.VITE_SAMPLE_API !== 'off') {
    const { startMockWorker } = await import('../mocks/browser');
    await startMockWorker();
  }

  let config;
  try {
    config = await loadConfig();
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : String(error);
    console.error(message);
    createApp(ConfigErrorView, { message }).mount('#app');
    return;
  }

  const app = createApp(App);
  const pinia = createPinia();
  app.use(pinia);
  useRuntimeStore().init(config, createFeedContext(config, window.location.href));
  const display = useDisplayStore();
  display.setDefaultLocale(config.locale);
  app.use(createAppI18n(display.locale));
  app.use(createAppRouter());
  useCatalogueStore().start();
  useGeographyStore().start();
  app.mount('#app');
  // Production builds only: the offline start of an installed app (src/pwa, src/sw).
  registerServiceWorker(app);
  // Hooks for the browser tests and the bench: live chart instances after many scene changes, a unit's point on a
  // map, and a feed's queries in use asked for again now (days of live refreshes in minutes).
  const registry = useFeedRegistryStore();
  const refresh = (feed: FeedId) => registry.refreshNow(feed);
  Object.assign(window, { __ioc: { liveCharts, unitPoint, refresh } });
}

void boot();
