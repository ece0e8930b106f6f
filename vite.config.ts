import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The app is a static SPA: `vite build` writes dist/, which any static host can serve.
// The sample API server (mocks/server) is built separately with `vite build --ssr`.
export default defineConfig({
  plugins: [vue()],
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { port: 5173, strictPort: false },
});
