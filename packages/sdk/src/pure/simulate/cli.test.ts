// `hetki simulate` as a PM or a CI job runs it: spawned, reading files and stdin, with its exit
// codes. It needs the build's dist/simulate.mjs (built here when missing).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const repo = resolve(__dirname, '../../../../..')
const bin = resolve(repo, 'packages/sdk/bin/hetki.mjs')
const dir = mkdtempSync(join(tmpdir(), 'hetki-simulate-'))

const file = (name: string, content: unknown) => {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}
const hetki = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [bin, 'simulate', ...args], { cwd: dir, input, encoding: 'utf8' })
  return { status: r.status, out: r.stdout, err: r.stderr }
}

const q = [{ id: 'q1', template: 'csat' }]
const config = {
  touchpoints: [{ id: 'checkout', events: ['order.completed'] }],
  pacing: { cooldownDays: 3 },
  surveys: [
    { id: 'csat', touchpoint: 'checkout', trigger: { event: 'order.completed' }, questions: q },
    { id: 'help', trigger: { event: 'help.opened' }, questions: q },
  ],
}
const T0 = Date.UTC(2026, 0, 5, 9)
const lines = [
  { person: 'a', at: T0, event: 'order.completed', path: '/shop' },
  { person: 'a', at: new Date(T0 + 864e5).toISOString(), event: 'help.opened' },
  { person: 'a', at: T0 + 4 * 864e5, event: 'help.opened' },
  { person: 'b', at: T0 + 6e4, event: 'help.opened' },
]
const ndjson = lines.map((l) => JSON.stringify(l)).join('\n') + '\n'

beforeAll(() => {
  if (!existsSync(resolve(repo, 'dist/simulate.mjs'))) spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: repo, stdio: 'inherit' })
}, 300_000)

describe('hetki simulate', () => {
  it('replays NDJSON journeys from stdin and prints the forecast as JSON, with every prompt when asked', () => {
    const r = hetki([file('config.json', config), '--journeys', '-', '--json', '--prompts', '--response-rate', '0'], ndjson)
    expect(r.err).toBe('')
    expect(r.status).toBe(0)
    const f = JSON.parse(r.out)
    expect(f.surveys.map((s: any) => [s.id, s.prompts, s.people])).toEqual([
      ['csat', 1, 1],
      ['help', 2, 2],
    ])
    expect(f.surveys[1].blockedBy).toEqual([{ survey: 'csat', code: 'cooldown', times: 1 }])
    expect(f.prompts).toEqual([
      { person: 'a', survey: 'csat', at: '2026-01-05T09:00:00.000Z', answered: false },
      { person: 'a', survey: 'help', at: '2026-01-09T09:00:00.000Z', answered: false },
      { person: 'b', survey: 'help', at: '2026-01-05T09:01:00.000Z', answered: false },
    ])
    expect(f).toMatchObject({ version: 1, responseRate: 0, journeys: { people: 2, events: 4 }, overall: { prompts: 3, people: 2 } })
  })

  it('reads text for a PM by default', () => {
    const r = hetki([file('config.json', config), '--journeys', file('j.ndjson', ndjson)])
    expect(r.status).toBe(0)
    expect(r.out).toMatch(/^Forecast for \S*config\.json: 2 people, 4 events over 4 days/)
    expect(r.out).toContain('help: 1× by csat (the shared cooldownDays)')
  })

  it('compares with an earlier config replayed on the same journeys, and with a saved forecast', () => {
    // A longer cooldown before: the help survey of day 4 was held by the CSAT of day 0.
    const old = file('old.json', { ...config, pacing: { cooldownDays: 5 } })
    const r = hetki([file('config.json', config), '--journeys', file('j.ndjson', ndjson), '--against', old])
    expect(r.status).toBe(0)
    expect(r.out).toMatch(/Against \S*old\.json:\n/)
    expect(r.out).toMatch(/survey help +prompts +1 +2 +\+1\n/)
    const saved = file('saved.json', hetki([old, '--journeys', file('j.ndjson', ndjson), '--json']).out)
    const json = JSON.parse(hetki([file('config.json', config), '--journeys', file('j.ndjson', ndjson), '--json', '--against', saved]).out)
    expect(json.against.changes).toContainEqual({ scope: 'survey', id: 'help', field: 'prompts', before: 1, after: 2 })
  })

  it('synthesizes journeys from a traffic profile given as flags', () => {
    const r = hetki([file('config.json', config), '--visitors', '300', '--days', '14', '--rate', 'checkout=0.2', '--rate', 'help.opened=0.1', '--json'])
    expect(r.status).toBe(0)
    const f = JSON.parse(r.out)
    expect(f.journeys.days).toBe(14)
    expect(f.surveys[0].triggered / (300 * 14)).toBeCloseTo(0.2, 1)
    expect(f.surveys[0].prompts).toBeGreaterThan(0)
    expect(f.touchpoints[0]).toMatchObject({ id: 'checkout', metric: 'csat', needed: 97 })
  })

  it('refuses a config with errors (1), and unreadable journeys or wrong options (2), saying why', () => {
    const broken = hetki([file('broken.json', { surveys: [{ id: 'x', trigger: { event: 'e' }, questions: [] }] }), '--journeys', '-'], ndjson)
    expect(broken).toMatchObject({ status: 1, err: expect.stringMatching(/broken\.json has 1 error\(s\)[\s\S]*surveys\[0\]\.questions/) })
    const bad = hetki([file('config.json', config), '--journeys', '-'], ndjson + '{"person":"c","event":"x"}\n')
    expect(bad).toMatchObject({ status: 2, err: expect.stringContaining('line 5: "at" is not a time') })
    expect(hetki([file('config.json', config), '--journeys', 'missing.ndjson'])).toMatchObject({
      status: 2,
      err: expect.stringContaining('cannot read journeys missing.ndjson (ENOENT)'),
    })
    expect(hetki([file('config.json', config)])).toMatchObject({ status: 2, err: expect.stringContaining('name the journeys') })
    expect(hetki([file('config.json', config), '--journeys', '-', '--response-rate', '2'], ndjson)).toMatchObject({ status: 2 })
    expect(hetki(['--help'])).toMatchObject({ status: 0, out: expect.stringContaining('Usage: hetki simulate') })
  })
})
