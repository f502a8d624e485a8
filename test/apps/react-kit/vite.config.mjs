// A React app using @hetki/react, built by test/e2e/kits.test.ts into a temp folder and served
// under /react/. By hand: `npm run build && npx vite build test/apps/react-kit --outDir /tmp/react-kit`.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const repo = (path) => fileURLToPath(new URL('../../../' + path, import.meta.url))

export default defineConfig({
  base: '/react/',
  logLevel: 'warn',
  resolve: {
    // @hetki/react resolves to its built package (packages/react/dist); the SDK's package ships a
    // copy of dist/ made at `npm pack`, so before a pack the build is taken where it is written.
    alias: [{ find: /^@hetki\/sdk$/, replacement: repo('dist/hetki.mjs') }],
  },
})
