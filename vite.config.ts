import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './mocks/server/csp.ts';
import { serviceWorker } from './src/sw/plugin.ts';

/**
 * The built index.html carries the Content-Security-Policy as a meta tag, for static hosts that cannot
 * send headers. `frame-ancestors` only works as a header, so it is left out of the meta version. The dev
 * server needs inline scripts for hot reload, so the tag is added to builds only. If the feed API is on
 * another origin, add it to connect-src (here and in the host's header).
 */
function cspMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split(';')
    .map((d) => d.trim())
    .filter((d) => d && !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'ioc-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

// The app is a static SPA: `vite build` writes dist/, which any static host can serve.
// The sample API server (mocks/server) is built separately with `vite build --ssr`.
export default defineConfig(({ isSsrBuild }) => ({
  // serviceWorker(): /sw.js with the build's precache list (app builds only; see src/sw/).
  plugins: [vue(), cspMeta(), serviceWorker()],
  define: {
    // Drop what the app does not use from Vue and vue-i18n: smaller and faster on a TV stick.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // The server bundle serves dist/; it needs no copy of public/.
    copyPublicDir: !isSsrBuild,
  },
  server: { port: 5173, strictPort: false },
}));
