// `npm pack` / `npm publish` of @hetki/sdk: the build writes dist/ at the repository root; the
// package ships a copy of it, so the published files are exactly what the tests ran against.
import { cpSync, existsSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const target = root + 'packages/sdk/dist'
if (!existsSync(root + 'dist/hetki.js')) throw new Error('run `npm run build` first')
rmSync(target, { recursive: true, force: true })
cpSync(root + 'dist', target, { recursive: true })
