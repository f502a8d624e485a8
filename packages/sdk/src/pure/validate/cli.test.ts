// `hetki validate` as a CI job runs it: spawned, reading files and stdin, with its exit codes. It
// needs the build's dist/validate.mjs (npm test builds before the e2e tests, so this file builds
// the validator alone when it is missing).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const repo = resolve(__dirname, '../../../../..')
const bin = resolve(repo, 'packages/sdk/bin/hetki.mjs')
const dir = mkdtempSync(join(tmpdir(), 'hetki-cli-'))

const file = (name: string, content: unknown) => {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}
const hetki = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: 'utf8' })
  return { status: r.status, out: r.stdout, err: r.stderr }
}

const survey = { id: 'csat', trigger: { event: 'order.completed' }, questions: [{ id: 'q1', type: 'rating', text: 'How was it?' }] }

beforeAll(() => {
  if (!existsSync(resolve(repo, 'dist/validate.mjs'))) spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: repo, stdio: 'inherit' })
}, 120_000)

describe('hetki validate', () => {
  it('prints nothing but the summary and exits 0 for a valid config', () => {
    const r = hetki(['validate', file('good.json', { surveys: [survey] })])
    expect(r).toMatchObject({ status: 0, out: expect.stringMatching(/^\S*good\.json: no problems\n$/) })
  })

  it('reads a file saved with a byte order mark, as browsers do', () => {
    const r = hetki(['validate', file('bom.json', '\uFEFF' + JSON.stringify({ surveys: [survey] }))])
    expect(r).toMatchObject({ status: 0, out: expect.stringMatching(/bom\.json: no problems/) })
  })

  it('prints one line per problem with path and hint, a summary, and exits 1 on errors', () => {
    const bad = {
      surveys: [
        { ...survey, trigger: { event: 'e', within: 'ten minutes' } },
        { id: 'x', questions: survey.questions },
      ],
    }
    const r = hetki(['validate', file('bad.json', bad)])
    expect(r.status).toBe(1)
    expect(r.out.split('\n')).toEqual([
      'error  surveys[0].trigger.within  must be a duration such as "30m" (got "ten minutes") — hint: a number followed by s, m, h or d, e.g. "90s", "10m", "2h", "7d"; a bare number counts seconds',
      'warning  surveys[1].trigger  is not set, so the survey shows only through show(id) — hint: add { "event": "…" } to show it when that event is tracked',
      expect.stringMatching(/bad\.json: 1 error, 1 warning$/),
      '',
    ])
  })

  it('exits 0 on warnings alone', () => {
    expect(hetki(['validate', file('warn.json', { surveys: [{ id: 'x', questions: survey.questions }] })]).status).toBe(0)
  })

  it('reads stdin with -, and gives JSON with --json', () => {
    const r = hetki(['validate', '--json', '-'], JSON.stringify({ surveys: [{ ...survey, delay: 'soon' }] }))
    expect(r.status).toBe(1)
    expect(JSON.parse(r.out)).toEqual([
      {
        file: '<stdin>',
        errors: 1,
        warnings: 0,
        problems: [expect.objectContaining({ path: 'surveys[0].delay', severity: 'error', expected: 'a duration such as "30m"' })],
      },
    ])
  })

  it('exits 2 with the line and column of bad JSON, and on a file it cannot read', () => {
    const broken = hetki(['validate', file('broken.json', '{\n  "surveys": [\n    { "id": "a", }\n  ]\n}')])
    expect(broken.status).toBe(2)
    expect(broken.err).toMatch(/broken\.json: not valid JSON at line 3, column 18/)
    const missing = hetki(['validate', 'missing.json', file('ok.json', { surveys: [survey] })])
    expect(missing.status).toBe(2)
    expect(missing.err).toMatch(/missing\.json: cannot read it \(ENOENT\)/)
    expect(missing.out).toMatch(/ok\.json: no problems/)
  })

  it('has --help, and refuses an unknown command', () => {
    expect(hetki(['--help'])).toMatchObject({ status: 0, out: expect.stringContaining('Usage: hetki validate') })
    expect(hetki(['check', 'x.json']).status).toBe(2)
  })
})
