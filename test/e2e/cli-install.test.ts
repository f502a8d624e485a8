// The published package: `npm pack` of @hetki/sdk, installed into an empty project, must give a
// working `npx hetki validate` and ship config.schema.json under its export. Needs `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const repo = resolve(__dirname, '../..')
const project = mkdtempSync(join(tmpdir(), 'hetki-install-'))
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

beforeAll(() => {
  const tarball = npm(['pack', '--workspace', '@hetki/sdk', '--pack-destination', project, '--silent'], repo).trim().split('\n').pop()!
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }))
  // The package has no dependencies, so nothing is fetched from the registry.
  npm(['install', '--offline', '--no-audit', '--no-fund', './' + tarball], project)
}, 120_000)

describe('the installed package', () => {
  it('runs `npx hetki validate` with the exit codes CI relies on', () => {
    const good = {
      $schema: './node_modules/@hetki/sdk/config.schema.json',
      surveys: [{ id: 's', trigger: { event: 'e' }, questions: [{ id: 'q', template: 'csat' }] }],
    }
    writeFileSync(join(project, 'good.json'), JSON.stringify(good))
    writeFileSync(join(project, 'bad.json'), JSON.stringify({ surveys: [{ ...good.surveys[0], delay: 'soon' }] }))
    const run = (file: string) => spawnSync('npx', ['--no-install', 'hetki', 'validate', file], { cwd: project, encoding: 'utf8' })
    expect(run('good.json')).toMatchObject({ status: 0, stdout: 'good.json: no problems\n' })
    const bad = run('bad.json')
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain('error  surveys[0].delay  must be a duration such as "30m" (got "soon")')
  })

  it('exports config.schema.json, the same as the repository’s', () => {
    const path = execFileSync(process.execPath, ['-p', 'require.resolve("@hetki/sdk/config.schema.json")'], { cwd: project, encoding: 'utf8' }).trim()
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(resolve(repo, 'packages/sdk/config.schema.json'), 'utf8'))
  })
})
