import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The admin console: the hub serves this build at /admin.
export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
