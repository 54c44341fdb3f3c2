import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// One build serves every role: the hub mounts it at /counter, /door, /board (and
// /rate); the page picks its role from the path. Assets live under /counter/.
export default defineConfig({
  base: '/counter/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
