// The package as published: what `npm pack` puts in the tarball, judged by the tools registries
// and users run (publint, @arethetypeswrong/cli), by TypeScript in a user's project, and by the
// documented `npx -p @hetki/sdk hetki validate`. Needs `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { packSdk, repo, tempDir } from './harness'

const dir = tempDir('hetki-package-')
const bin = (name: string) => join(repo, 'node_modules/.bin', name)
let tarball = ''
let project = ''

beforeAll(() => {
  tarball = packSdk(dir)
  project = join(dir, 'project')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }))
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-save', tarball], { cwd: project, stdio: 'pipe' })
}, 120_000)

const run = (cmd: string, args: string[], cwd = dir) => spawnSync(cmd, args, { cwd, encoding: 'utf8' })

describe('the packed @hetki/sdk', () => {
  it('is clean under publint, warnings and suggestions included', () => {
    const r = run(bin('publint'), ['run', '--strict', tarball])
    expect(r.stdout + r.stderr).toContain('All good!')
    expect(r.status).toBe(0)
  })

  it('is clean under @arethetypeswrong/cli for ESM consumers (node16 from ESM, bundler)', () => {
    // The esm-only profile: the package is ESM only by design (type: module, `import` conditions,
    // no CommonJS build), so node10 and require() from CommonJS are out of scope; every entry
    // point must resolve with types for node16 ESM and bundler resolution.
    const r = run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--no-color'])
    expect(r.status, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).not.toMatch(/^(?!.*\(ignored\)).*❌/m)
  }, 120_000)

  it('holds README, LICENSE and every file its exports name', () => {
    const root = join(project, 'node_modules/@hetki/sdk')
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('npx -p @hetki/sdk hetki validate')
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 Hetki contributors/)
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const targets = (v: unknown): string[] => (typeof v == 'string' ? [v] : Object.values(v as object).flatMap(targets))
    for (const t of targets(pkg.exports)) {
      // A pattern names at least one file: the adapters, the locale files.
      const [head, tail = ''] = join(root, t).split('*') as [string, string?]
      const dir = head.endsWith('/') ? head : dirname(head)
      const some = () => readdirSync(dir).some((f) => join(dir, f).startsWith(head) && f.endsWith(tail))
      expect(t.includes('*') ? some() : existsSync(join(root, t)), t).toBe(true)
    }
    // The chunks the module build imports are all exported, and all present.
    for (const chunk of ['hetki-engine.js', 'hetki-widget.js', 'hetki-delivery.js', 'hetki-sources.js', 'hetki-debug.js']) {
      expect(pkg.exports['./' + chunk].default).toBe('./dist/' + chunk)
      expect(readFileSync(join(root, 'dist/hetki.mjs'), 'utf8')).toContain(`import("./${chunk}")`)
    }
  })

  it('type-checks in a user project: the API, its config type and an adapter', () => {
    writeFileSync(
      join(project, 'app.ts'),
      `import { init, track, type Config } from '@hetki/sdk'
import { webhook } from '@hetki/sdk/adapters/webhook'
const config: Config = { surveys: [{ id: 's', trigger: { event: 'e' }, questions: [{ id: 'q', type: 'rating', text: 'Q?' }] }] }
init(config, { transport: webhook({ url: 'https://hooks.example/hetki' }) })
track('e', { plan: 'x' })
// @ts-expect-error a typo in the API is caught
track(42)
`,
    )
    // nodenext, the strictest resolution (exports and their types conditions only); attw above
    // covers bundler resolution entry by entry. The package's own .d.ts files are checked too.
    const r = run(bin('tsc'), ['--noEmit', '--strict', '--skipLibCheck', 'false', '--lib', 'es2022,dom', '--module', 'nodenext', 'app.ts'], project)
    expect(r.stdout + r.stderr).toBe('')
    expect(r.status).toBe(0)
  }, 120_000)

  it('runs the documented `npx -p @hetki/sdk hetki validate` from the installed copy', () => {
    writeFileSync(join(project, 'hetki.json'), JSON.stringify({ surveys: [{ id: 's', trigger: { event: 'e' }, questions: [{ id: 'q', template: 'csat' }] }] }))
    const r = run('npx', ['--offline', '-p', '@hetki/sdk', 'hetki', 'validate', 'hetki.json'], project)
    expect(r.stdout).toBe('hetki.json: no problems\n')
    expect(r.status).toBe(0)
  })
})
