import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page is served by `paycodes serve` from web/dist; in `vite dev` the API comes from a running server.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an extra script; every browser we target has modulepreload.
    modulePreload: { polyfill: false },
    // Inlined assets would become data: URLs; keep every asset a file under the CSP.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/v1': 'http://127.0.0.1:8787', '/catalog.json': 'http://127.0.0.1:8787' },
  },
});
