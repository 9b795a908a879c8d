// Builds the dashboard (web/) into web/dist, which the server serves at `/` (src/web/dashboard.ts).
// `npm run build:web` (also run by `npm install`); `npm run dev:web` for a dev server with hot reload
// that forwards the API to a server on :8080.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { initialJavaScriptBudget } from './build/budget.js';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), initialJavaScriptBudget({ maxGzipBytes: 250 * 1024 })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Chunk sizes are printed with their gzipped size; the budget plugin adds the initial total.
    reportCompressedSize: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/auth': 'http://127.0.0.1:8080',
    },
  },
});
