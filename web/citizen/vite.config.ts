import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The parents' app. Built into dist/ and served at `/` by the API server (src/http/web.ts); during
// development `vite` proxies the API to a running `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/verify': 'http://127.0.0.1:3000' } },
});
