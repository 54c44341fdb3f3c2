import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The hub serves this build at /kiosk; the Electron shell loads it from the hub.
export default defineConfig({
  base: '/kiosk/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
