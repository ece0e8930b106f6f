import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The app is a static SPA: `vite build` writes dist/, which any static host can serve.
// The sample API server (mocks/server) is built separately with `vite build --ssr`.
export default defineConfig(({ isSsrBuild }) => ({
  plugins: [vue()],
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
