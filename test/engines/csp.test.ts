// A strict Content Security Policy on every engine, with and without Trusted Types: the whole flow
// (config by URL, the trigger, the engine, widget, sources and delivery chunks, the answer at the
// collector) with no violation report, while the policy visibly holds for the page's own inline script.
import { describe, expect, it } from 'vitest'
import { STRICT_CSP, yesno } from '../hostile/harness'
import { click, textOf } from './dom'
import { hetki, problems, useEngine } from './setup'

const env = useEngine()

const policies: [string, string][] = [
  ["default-src 'self'; style-src 'self'", STRICT_CSP],
  ["with Trusted Types required (trusted-types 'none')", STRICT_CSP + "; require-trusted-types-for 'script'; trusted-types 'none'"],
  ['with Trusted Types required and a named policy of the page', STRICT_CSP + "; require-trusted-types-for 'script'; trusted-types shop"],
]

describe('a strict Content Security Policy', () => {
  it.each(policies)('%s: the whole flow works and the page gets no violation report', async (_, csp) => {
    await env.demo.store.clear()
    const profile = await env.profile()
    const name = 'csp'
    // Every chunk, so that each is loaded under the page's policy.
    const config = { surveys: [yesno(name)], sources: { pageViews: true }, journey: { props: ['plan'] } }
    const win = await env.open(profile, name, { csp, config })
    await hetki(win, 'track', 'go')
    await click(win, { survey: name, role: 'button', name: 'Yes' })
    await expect.poll(() => textOf(win, { survey: name, role: 'status' })).toBe('Thank you for your answer!')
    const find = async () => (await env.demo.store.all()).find((r) => r.survey_id == name && r.completed)
    await expect.poll(find).toBeTruthy()
    expect((await find())!.answers).toEqual({ q: true })
    const chunks = await win.evaluate(() =>
      [
        ...new Set(
          performance
            .getEntriesByType('resource')
            .map((e) => new URL(e.name).pathname)
            .filter((p) => p.startsWith('/hetki/')),
        ),
      ].sort(),
    )
    expect(chunks).toEqual(['/hetki/hetki-delivery.js', '/hetki/hetki-engine.js', '/hetki/hetki-sources.js', '/hetki/hetki-widget.js', '/hetki/hetki.js'])
    expect(await problems(win)).toEqual([])
    // The policy is in force: the page's own inline script is refused, and reported.
    const threw = await win.evaluate(() => {
      // Under Trusted Types the assignment itself throws (and is reported).
      try {
        const s = document.createElement('script')
        s.textContent = 'window.inlineRan = 1'
        document.head.append(s)
        return false
      } catch {
        return true
      }
    })
    // Every engine here enforces Trusted Types: the policy tested is the policy in force.
    expect(threw).toBe(csp.includes('trusted-types'))
    await expect.poll(async () => (await problems(win)).length).toBeGreaterThan(0)
    expect(await win.evaluate(() => (window as any).inlineRan ?? null)).toBeNull()
    await profile.close()
  })
})
