// `npm run screenshots`: renders every question type in Chromium (light, dark, and right-to-left),
// and the survey on a phone (Chromium's mobile emulation: light, dark, Hebrew right to left), and
// writes PNGs into docs/screenshots/ (cropped to the widget, or the whole phone screen). Needs a
// fresh `npm run build`.
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
  // The five faces (inline SVG, drawn in the text colour) up close.
  faces: { scale: 3, questions: [{ id: 'q', type: 'rating', display: 'emoji', text: 'The faces' }] },
  yesno: { questions: [{ id: 'q', template: 'goal' }] },
  single: { questions: [{ id: 'q', type: 'choice', text: 'What matters most to you?', options }] },
  multiple: { questions: [{ id: 'q', type: 'choice', multiple: true, other: true, text: 'What could we do better?', options }] },
  text: { questions: [{ id: 'q', type: 'text', text: 'Anything else you want to tell us?', maxLength: 280 }] },
  'fi-emotion': { lang: 'fi', questions: [{ id: 'q', template: 'feeling' }] },
  'sv-nps': { lang: 'sv', questions: [{ id: 'q', template: 'nps' }] },
  'de-csat': { lang: 'de', questions: [{ id: 'q', template: 'csat' }] },
  'fr-effort': { lang: 'fr', questions: [{ id: 'q', template: 'effort' }] },
}

/** The survey on a phone, over a page of text: name → survey, page language and colour scheme. */
const PHONE = {
  'phone-light': [
    {
      questions: [
        { id: 'q', template: 'nps' },
        { id: 'why', type: 'text', text: 'What is the main reason for your score?' },
      ],
    },
    'en',
    'light',
  ],
  'phone-dark': [{ questions: [{ id: 'q', template: 'feeling' }] }, 'en', 'dark'],
  'phone-rtl-he': [
    {
      questions: [
        { id: 'q', template: 'feeling' },
        { id: 'n', template: 'nps' },
      ],
    },
    'he',
    'light',
  ],
}
// The page follows the phone's colour scheme too (a stylesheet: the fixture's CSP allows no inline style).
const ARTICLE =
  '<link rel="stylesheet" href="/fixture/phone.css"><article>' +
  '<p>Order #1042 is on its way. You can follow the parcel from the link in your e-mail, or from your account.</p>'.repeat(12) +
  '</article>'

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
fixtures.set('/fixture/phone.css', ':root{color-scheme:light dark;font:17px/1.5 system-ui,sans-serif}body{margin:0 16px}')
const demo = await startDemoCollector({ handle: fixtures.handle })
// Font hinting off: the same pixels on every machine.
const browser = await launchChromium(['--font-render-hinting=none'])
mkdirSync(OUT, { recursive: true })

async function shoot(name, { lang = 'en', scale = 1, ...survey }, colorScheme) {
  const id = name + '-' + colorScheme
  fixtures.set('/fixture/' + id + '.html', widgetPage({ id, ...survey }, { lang }))
  const context = await browser.newContext({ colorScheme, viewport: { width: 520, height: 480 }, deviceScaleFactor: scale, reducedMotion: 'reduce' })
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

/** The whole screen of a phone (390×844 CSS px, touch, shot at 2× to keep files small). */
async function phone(name, survey, lang, colorScheme) {
  fixtures.set('/fixture/' + name + '.html', widgetPage({ id: name, ...survey }, { lang, body: ARTICLE }))
  const context = await browser.newContext({
    colorScheme,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    reducedMotion: 'reduce',
  })
  const page = await context.newPage()
  await page.goto(demo.url + '/fixture/' + name + '.html')
  await page.waitForFunction(() => 'hetki' in window)
  await page.evaluate(() => window.hetki.track('go'))
  await page.locator('hetki-survey section').waitFor()
  await page.evaluate(() => document.fonts.ready)
  const file = `${OUT}/${name}.png`
  await page.screenshot({ path: file })
  await context.close()
  console.log(file)
}

try {
  for (const [name, [survey, lang, scheme]] of Object.entries(PHONE)) await phone(name, survey, lang, scheme)
  for (const [name, survey] of Object.entries(SHOTS)) for (const scheme of name.includes('-') ? ['light'] : ['light', 'dark']) await shoot(name, survey, scheme)
  await shoot('rtl', RTL, 'light')
} finally {
  await browser.close()
  await demo.close()
}
