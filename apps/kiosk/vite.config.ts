import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The hub serves this build at /kiosk; the Electron shell loads it from the hub.
export default defineConfig({
  base: '/kiosk/',
  plugins: [react()],
  // The board's voice clips, shipped once: the kiosk reads the issued number aloud with the same set.
  publicDir: '../counter-display/public',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
