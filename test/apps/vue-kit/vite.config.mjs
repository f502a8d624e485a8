// A Vue 3 app using @hetki/vue, built by test/e2e/kits.test.ts into a temp folder and served
// under /vue/. By hand: `npm run build && npx vite build test/apps/vue-kit --outDir /tmp/vue-kit`.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const repo = (path) => fileURLToPath(new URL('../../../' + path, import.meta.url))

export default defineConfig({
  base: '/vue/',
  logLevel: 'warn',
  // Vue's compile-time flags, which @vitejs/plugin-vue would set (render functions need no compiler).
  define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  resolve: {
    // @hetki/vue resolves to its built package (packages/vue/dist); the SDK's package ships a
    // copy of dist/ made at `npm pack`, so before a pack the build is taken where it is written.
    alias: [{ find: /^@hetki\/sdk$/, replacement: repo('dist/hetki.mjs') }],
  },
})
