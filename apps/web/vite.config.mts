import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** During `nx dev web` the API (`nx serve api`, port 8000) answers everything the SPA does not. */
const apiProxy = {
  '/api': 'http://127.0.0.1:8000',
  '/docs': 'http://127.0.0.1:8000',
  '/redoc': 'http://127.0.0.1:8000',
  '/openapi.json': 'http://127.0.0.1:8000',
};

export default defineConfig(() => ({
  root: import.meta.dirname,
  // The API serves the build at `/` and falls back to index.html for client-side routes,
  // so asset URLs must be absolute.
  base: '/',
  cacheDir: '../../node_modules/.vite/apps/web',
  server: {
    port: 4200,
    host: 'localhost',
    proxy: apiProxy,
  },
  preview: {
    port: 4300,
    host: 'localhost',
    proxy: apiProxy,
  },
  plugins: [react()],
  // Resolves the workspace libraries (`@borgitory/api-client`) through the paths in tsconfig.base.json.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    reportCompressedSize: true,
    // Pages are split into chunks of their own (see src/app/pages.ts), the styles are not: one small file keeps
    // the cascade in the order the stylesheets are written, and a page never waits for its own styles.
    cssCodeSplit: false,
  },
}));
