// The build of @hetki/react: dist/index.js (ES module) and dist/index.d.ts, beside the SDK's build
// (the root rollup.config.mjs). `npx rollup -c packages/react/rollup.config.mjs` from the root.
// React and the SDK stay imports: the app has one React, and one Hetki per page.
import { fileURLToPath } from 'node:url'
import { dts } from 'rollup-plugin-dts'
import esbuild from 'rollup-plugin-esbuild'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const external = (id) => /^(react|react-dom|@hetki\/sdk)(\/|$)/.test(id)

export default [
  {
    input: here('src/index.ts'),
    external,
    // A client module for React Server Components (Next.js App Router): its provider and hooks run
    // in the browser. Rollup drops module-level directives of the sources, so the banner says it.
    output: { file: here('dist/index.js'), format: 'es', banner: "'use client';" },
    plugins: [esbuild({ target: 'es2020', tsconfig: here('../../tsconfig.json') })],
  },
  {
    input: here('src/index.ts'),
    external,
    output: { file: here('dist/index.d.ts'), format: 'es' },
    plugins: [dts({ tsconfig: here('../../tsconfig.json') })],
  },
]
