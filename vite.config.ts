/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { proxyTable } from './scripts/dev-proxy.ts'
import { aladinGridLabels } from './scripts/aladinLabels.ts'

// The dev and preview servers forward the proxy prefixes of public/config.json to the services,
// so the app works in a browser even where a service sends no CORS headers.
const proxy = proxyTable(new URL('./public/config.json', import.meta.url))

export default defineConfig({
  plugins: [react(), aladinGridLabels()],
  // aladin-lite is served as it is (not pre-bundled), so that the grid-label patch applies in development too
  optimizeDeps: { exclude: ['aladin-lite'] },
  server: { proxy },
  preview: { proxy },
  // the views, the editor, the grid and the plots are lazy chunks under 1 MB; only aladin-lite (one prebuilt 2.3 MB
  // file with its WebAssembly inline, loaded with the sky view alone) is over it, and says so at each build
  build: { chunkSizeWarningLimit: 1000, sourcemap: true },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // limits, not speed checks: CI shares two cores with a database, a web server and Chromium
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
