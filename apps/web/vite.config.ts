import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const sharedEntry = fileURLToPath(new URL('../../libs/shared/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@app/shared': sharedEntry },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The strict CSP (script-src 'self') forbids inline scripts, including Vite's module preload polyfill.
    modulePreload: { polyfill: false },
    // Fonts and icons must be files served from 'self'; inlined data: fonts would break font-src 'self'.
    assetsInlineLimit: 0,
  },
  server: {
    // The live assembly's socket.io connection goes to the API as well (WebSocket upgrade included).
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } },
  },
});
