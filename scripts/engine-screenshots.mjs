// `npm run screenshots:engines`: the survey as each engine draws it (Chromium, Firefox, WebKit),
// light and dark, into docs/screenshots/engine-<engine>-<scheme>.png: the same page, the same
// prompt, a 560 × 300 viewport with the card resting in its corner. Needs a fresh `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { launchEngine, ENGINES } from '../test/engines/index.mjs'
import { startDemoCollector } from '../test/fixtures/collector.mjs'
import { fixtureServer, widgetPage } from '../test/fixtures/pages.mjs'

const OUT = 'docs/screenshots'
const SURVEY = {
  questions: [
    { id: 'q', template: 'csat' },
    { id: 'why', type: 'text', text: 'What could we do better?', when: { question: 'q', atMost: 3 } },
  ],
}

const fixtures = fixtureServer()
const demo = await startDemoCollector({ handle: fixtures.handle })
mkdirSync(OUT, { recursive: true })

/** Resolves once `fn()` in the page is truthy (polled; every wait has a ceiling). */
async function until(win, fn, what, timeout = 15_000) {
  const end = Date.now() + timeout
  while (!(await win.evaluate(fn))) {
    if (Date.now() > end) throw new Error('waited in vain for ' + what)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const only = process.argv.slice(2)
try {
  for (const name of only.length ? only : ENGINES) {
    const engine = await launchEngine(name)
    try {
      for (const mode of ['light', 'dark']) {
        const id = `engine-${name}-${mode}`
        fixtures.set(`/fixture/${id}.html`, widgetPage({ id, ...SURVEY, theme: { mode } }))
        const profile = await engine.profile({ width: 560, height: 300 })
        const win = await profile.open(`${demo.url}/fixture/${id}.html`)
        await until(win, () => typeof window.hetki?.track == 'function' && !window.hetki.q, 'Hetki')
        await win.evaluate(() => window.hetki.track('go'))
        // The card at rest, its fonts loaded: not halfway through its entrance.
        await until(
          win,
          () => {
            const card = document.querySelector('hetki-survey')?.shadowRoot?.querySelector('section')
            return !!card && getComputedStyle(card).opacity == '1' && card.getAnimations().every((a) => a.playState != 'running')
          },
          'the card',
        )
        await win.evaluate(() => document.fonts.ready.then(() => true))
        const file = `${OUT}/${id}.png`
        writeFileSync(file, await win.screenshot())
        console.log(`${file} (${engine.version})`)
        await profile.close()
      }
    } finally {
      await engine.close()
    }
  }
} finally {
  await demo.close()
}
