import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The staff workbench. Built into the parents' app's dist/ under staff/, so the same server serves
// it at /staff/ from one origin; build it after the parents' app, which empties dist/.
export default defineConfig({
  root: import.meta.dirname,
  base: '/staff/',
  plugins: [react()],
  build: { outDir: '../citizen/dist/staff', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
