// The build of @hetki/vue: dist/index.js (ES module) and dist/index.d.ts, beside the SDK's build
// (the root rollup.config.mjs). `npx rollup -c packages/react/rollup.config.mjs` from the root.
// Vue and the SDK stay imports: the app has one Vue, and one Hetki per page.
import { fileURLToPath } from 'node:url'
import { dts } from 'rollup-plugin-dts'
import esbuild from 'rollup-plugin-esbuild'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const external = (id) => /^(vue|@vue\/[^/]+|@hetki\/sdk)(\/|$)/.test(id)

export default [
  {
    input: here('src/index.ts'),
    external,
    output: { file: here('dist/index.js'), format: 'es' },
    plugins: [esbuild({ target: 'es2020', tsconfig: here('../../tsconfig.json') })],
  },
  {
    input: here('src/index.ts'),
    external,
    output: { file: here('dist/index.d.ts'), format: 'es' },
    plugins: [dts({ tsconfig: here('../../tsconfig.json') })],
  },
]
