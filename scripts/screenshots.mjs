// `npm run screenshots`: renders every question type in Chromium (light, dark, and right-to-left)
// and writes PNGs cropped to the widget into docs/screenshots/. Needs a fresh `npm run build`.
import { mkdirSync } from 'node:fs'
import { launchChromium } from '../test/fixtures/chromium.mjs'
import { startDemoCollector } from '../test/fixtures/collector.mjs'
import { fixtureServer, widgetPage } from '../test/fixtures/pages.mjs'

const OUT = 'docs/screenshots'
const options = [
  { id: 'price', label: 'Price' },
  { id: 'speed', label: 'Delivery time' },
  { id: 'service', label: 'Customer service' },
]

/** name → survey (and page language). Each question type once, the templates as customers see them. */
const SHOTS = {
  csat: { questions: [{ id: 'q', template: 'csat' }] },
  nps: { questions: [{ id: 'q', template: 'nps' }] },
  ces: {
    questions: [
      { id: 'q', template: 'effort' },
      { id: 'why', type: 'text', text: 'What made it hard?', when: { question: 'q', atMost: 3 } },
    ],
  },
  stars: { questions: [{ id: 'q', type: 'rating', display: 'stars', text: 'How would you rate the delivery?', lowLabel: 'Poor', highLabel: 'Excellent' }] },
  emoji: { questions: [{ id: 'q', type: 'rating', display: 'emoji', text: 'How was checking out today?' }] },
  emotion: { questions: [{ id: 'q', template: 'feeling' }] },
  yesno: { questions: [{ id: 'q', template: 'goal' }] },
  single: { questions: [{ id: 'q', type: 'choice', text: 'What matters most to you?', options }] },
  multiple: { questions: [{ id: 'q', type: 'choice', multiple: true, other: true, text: 'What could we do better?', options }] },
  text: { questions: [{ id: 'q', type: 'text', text: 'Anything else you want to tell us?', maxLength: 280 }] },
  'fi-emotion': { lang: 'fi', questions: [{ id: 'q', template: 'feeling' }] },
  'sv-nps': { lang: 'sv', questions: [{ id: 'q', template: 'nps' }] },
}

const RTL = {
  lang: 'ar',
  questions: [
    {
      id: 'q',
      type: 'rating',
      text: { en: 'How satisfied are you with your order?', ar: 'ما مدى رضاك عن طلبك؟' },
      lowLabel: { ar: 'غير راضٍ إطلاقًا' },
      highLabel: { ar: 'راضٍ جدًا' },
    },
  ],
}

const fixtures = fixtureServer()
const demo = await startDemoCollector({ handle: fixtures.handle })
// Font hinting off: the same pixels on every machine.
const browser = await launchChromium(['--font-render-hinting=none'])
mkdirSync(OUT, { recursive: true })

async function shoot(name, { lang = 'en', ...survey }, colorScheme) {
  const id = name + '-' + colorScheme
  fixtures.set('/fixture/' + id + '.html', widgetPage({ id, ...survey }, { lang }))
  const context = await browser.newContext({ colorScheme, viewport: { width: 520, height: 480 }, reducedMotion: 'reduce' })
  const page = await context.newPage()
  await page.goto(demo.url + '/fixture/' + id + '.html')
  await page.waitForFunction(() => 'hetki' in window)
  await page.evaluate(() => window.hetki.track('go'))
  const card = page.locator('hetki-survey section')
  await card.waitFor()
  await page.evaluate(() => document.fonts.ready)
  const file = `${OUT}/${id}.png`
  await card.screenshot({ path: file })
  await context.close()
  console.log(file)
}

try {
  for (const [name, survey] of Object.entries(SHOTS))
    for (const scheme of name.includes('-') ? ['light'] : ['light', 'dark']) await shoot(name, survey, scheme)
  await shoot('rtl', RTL, 'light')
} finally {
  await browser.close()
  await demo.close()
}
