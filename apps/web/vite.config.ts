import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The server serves `dist/` and falls back to index.html for client routes. In development, `/api` is proxied
// to a running server (KC_API, default http://localhost:3000).
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The manifest lets bench/web-bundle-size.ts tell the initial chunks from the lazily loaded ones.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': { target: process.env.KC_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
