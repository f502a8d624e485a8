// The demo's seed: ten weeks of made-up customers on the journey of demo/site/hetki.json, as
// wire-format v1 envelopes (docs/delivery.md): for every prompt a `shown` record, then the
// response (complete, or partial when closed halfway) and/or a `dismissed` record, each with the
// trail of events before it. Deterministic (a seeded generator), so screenshots and tests do not
// change by chance; `now` only places the ten weeks.
//
// The story the results should tell (test/demo-seed.test.ts checks it):
// - the Payments team fixed the card gateway FIXED_DAYS_AGO (28) days ago: cards are declined far
//   less since, and checkout CSAT rises from about 60 % to about 80 %, a real change;
// - the help centre's goal and feeling and the invoices' NPS only wobble (noise, no real change);
// - moving home gets about one prompt a day, so the "use" stage is under-covered (too few answers
//   for ±0.6 on CES);
// - people who met a declined card ignore the checkout prompt more often than the others
//   (non-response bias at the checkout), and a declined card sours the invoice NPS later (root
//   cause across touchpoints);
// - low answers come with open text ("What went wrong?", "What made it hard?");
// - a PM's preview answers (`preview: true`) are in the data and must be left out of the results.
import feelings from '../packages/sdk/src/pure/config/feelings.json' with { type: 'json' }
// mulberry32, the simulator's generator: Math.random would give new data on every run.
import { random as seeded } from '../packages/sdk/src/pure/simulate/random.mjs'

const DAY = 86_400_000
/**
 * The generator's seed. Chance alone makes about one metric in twenty look like a real change;
 * this seed is one where only the fixed checkout does (test/demo-seed.test.ts would say otherwise).
 */
export const SEED = 9
/** The seed covers the SPAN_DAYS days before `now`. */
export const SPAN_DAYS = 70
/** The card gateway was fixed this many days before `now`. */
export const FIXED_DAYS_AGO = 28

const OWNERS = {
  checkout: 'Web shop team',
  'help-centre': 'Support',
  moving: 'Customer service',
  invoices: 'Billing team',
}
const PATHS = {
  checkout: ['/', '/fi/'],
  'help-centre': ['/help.html', '/fi/help.html'],
  moving: ['/move.html', '/fi/move.html'],
  invoices: ['/invoices.html', '/fi/invoices.html'],
}
const WHY = {
  en: [
    'My card was declined twice.',
    'Payment failed, no idea why.',
    'The card payment took forever.',
    'I was charged but the order said failed.',
    'Too many steps to choose a plan.',
  ],
  fi: ['Korttini hylättiin kahdesti.', 'Maksu epäonnistui enkä tiedä miksi.', 'Korttimaksu kesti ikuisuuden.'],
}
const HARD = {
  en: [
    'I had to call to find the form.',
    'The help article was out of date.',
    'The new address was not accepted.',
    'It asked for my contract number, which I could not find.',
  ],
  fi: ['Jouduin soittamaan löytääkseni lomakkeen.', 'Ohjeartikkeli oli vanhentunut.'],
}
// The weights the widget sends with each built-in feeling: the config language's one table of them.
const FEELINGS = Object.fromEntries(feelings.map((f) => [f.id, f.weight]))

/**
 * The seed as the SDK would send it: one envelope per prompt (its shown, response and dismissed
 * records), oldest first, the last ending before `now`.
 * @param {number} [now] ms since the epoch
 * @param {{ seed?: number }} [options] the generator's seed (SEED: the one whose numbers tell the story)
 * @returns {{ v: 1, sentAt: string, records: object[] }[]}
 */
export function sampleEnvelopes(now = Date.now(), { seed = SEED } = {}) {
  const random = seeded(seed)
  const chance = (p) => random() < p
  const pick = (list) => list[Math.floor(random() * list.length)]
  const start = now - SPAN_DAYS * DAY
  const fixedAt = now - FIXED_DAYS_AGO * DAY
  const envelopes = []
  let seq = 0

  /**
   * One prompt at `touchpoint`: the trail so far, the answers if any (partial when `complete` is
   * false), whether it was dismissed.
   */
  const prompt = (at, touchpoint, surveyId, lang, trail, outcome, preview = false) => {
    const n = ++seq
    const responseId = `seed-${n}`
    const path = PATHS[touchpoint][lang === 'fi' ? 1 : 0]
    const common = {
      surveyId,
      responseId,
      touchpoint: { id: touchpoint, owner: OWNERS[touchpoint] },
      lang,
      path,
      trail: trail.slice(-12).map((s) => ({ ...s, at: new Date(s.at).toISOString() })),
      ...(preview ? { preview: true } : {}),
    }
    const records = [{ id: `${responseId}-shown`, kind: 'shown', ...common, at: new Date(at).toISOString() }]
    let last = at
    if (outcome.answers) {
      last = at + 8000 + Math.floor(random() * 30_000)
      records.push({
        id: responseId,
        kind: 'response',
        ...common,
        answers: outcome.answers,
        completed: outcome.complete,
        startedAt: new Date(at).toISOString(),
        updatedAt: new Date(last).toISOString(),
      })
    }
    if (outcome.dismissed) {
      last += 2000 + Math.floor(random() * 5000)
      records.push({ id: `${responseId}-dismissed`, kind: 'dismissed', ...common, at: new Date(last).toISOString() })
    }
    envelopes.push({ v: 1, sentAt: new Date(last + 500).toISOString(), records })
  }

  /** A visit's trail builder: events a minute or two apart, ending at `at`. */
  const journey = (at, steps) => {
    const trail = []
    let t = at - steps.length * 90_000
    for (const [event, touchpoint, props] of steps) {
      t += 20_000 + Math.floor(random() * 60_000)
      trail.push({ event, at: t, touchpoint, ...(props ? { props } : {}) })
    }
    return trail
  }

  /** Whether a shown prompt is answered (rate), else dismissed (share of the rest) or ignored. */
  const fate = (rate, dismissShare = 0.35) => (chance(rate) ? 'answered' : chance(dismissShare) ? 'dismissed' : 'ignored')

  for (let day = 0; day < SPAN_DAYS; day++) {
    const dayStart = start + day * DAY
    const when = () => dayStart + Math.floor((7 + random() * 15) * 3_600_000)
    // Weekends are quieter; each day's traffic varies, as days do.
    const weekday = new Date(dayStart).getUTCDay()
    const traffic = (weekday === 0 || weekday === 6 ? 0.7 : 1.1) * (0.8 + 0.4 * random())

    for (let i = Math.round(25 * traffic); i > 0; i--) {
      const at = when()
      const fixed = at >= fixedAt
      const lang = chance(0.25) ? 'fi' : 'en'
      const declined = chance(fixed ? 0.08 : 0.3)
      const steps = [['page.viewed', 'checkout']]
      if (declined) {
        steps.push(['payment.failed', 'payment', { method: 'card' }])
        if (chance(0.5)) steps.push(['payment.failed', 'payment', { method: 'card' }])
      }
      steps.push(['order.completed', 'checkout', { plan: pick(['fixed-24', 'fixed-12', 'spot']) }])
      const trail = journey(at, steps)
      // Those who just met a declined card mostly close or ignore the prompt: non-response bias.
      const end = fate(declined ? 0.12 : 0.42)
      if (end !== 'answered') {
        prompt(at, 'checkout', 'csat-order', lang, trail, { dismissed: end === 'dismissed' })
        continue
      }
      // Before the fix the gateway was also slow for cards that went through.
      const q1 = declined ? pick([1, 2, 2, 3, 4]) : chance(fixed ? 0.82 : 0.68) ? pick([4, 5, 5]) : pick([2, 3, 3])
      if (q1 > 2) prompt(at, 'checkout', 'csat-order', lang, trail, { answers: { q1 }, complete: true })
      else if (chance(0.75)) prompt(at, 'checkout', 'csat-order', lang, trail, { answers: { q1, why: pick(WHY[lang]) }, complete: true })
      // Closed at "What went wrong?": a partial response, and the dismissal that ended it.
      else prompt(at, 'checkout', 'csat-order', lang, trail, { answers: { q1 }, complete: false, dismissed: true })
    }

    for (let i = Math.round(10 * traffic); i > 0; i--) {
      const at = when()
      const lang = chance(0.25) ? 'fi' : 'en'
      const topic = pick(['moving', 'moving', 'contract-start', 'invoices'])
      const steps = [
        ['page.viewed', 'help-centre'],
        ['help.searched', 'help-centre', { topic }],
      ]
      const searchedAgain = chance(0.35)
      if (searchedAgain) steps.push(['help.searched', 'help-centre', { topic }])
      steps.push(['help.article_read', 'help-centre', { topic }])
      const end = fate(0.45)
      if (end !== 'answered') {
        prompt(at, 'help-centre', 'goal-help', lang, journey(at, steps), { dismissed: end === 'dismissed' })
        continue
      }
      const goal = chance(searchedAgain ? 0.55 : 0.78)
      const feeling = goal ? pick(['pleased', 'delighted', 'neutral', 'pleased']) : pick(['frustrated', 'disappointed', 'neutral'])
      const answers = chance(0.93) ? { goal, feeling: { id: feeling, weight: FEELINGS[feeling] } } : { goal }
      prompt(at, 'help-centre', 'goal-help', lang, journey(at, steps), { answers, complete: 'feeling' in answers, dismissed: !('feeling' in answers) })
    }

    // Moving home: about one prompt a day, too few answers for a precise CES.
    if (chance(0.9)) {
      const at = when()
      const lang = chance(0.25) ? 'fi' : 'en'
      const readArticle = chance(0.5)
      const steps = [
        ...(readArticle ? [['help.article_read', 'help-centre', { topic: 'moving' }]] : []),
        ['page.viewed', 'moving'],
        ['move.completed', 'moving'],
      ]
      const end = fate(0.5)
      if (end !== 'answered') prompt(at, 'moving', 'ces-move', lang, journey(at, steps), { dismissed: end === 'dismissed' })
      else {
        const effort = readArticle ? pick([2, 3, 3, 4, 5, 5]) : pick([4, 5, 6, 6, 7, 7])
        const answers = effort <= 3 && chance(0.7) ? { effort, hard: pick(HARD[lang]) } : { effort }
        prompt(at, 'moving', 'ces-move', lang, journey(at, steps), {
          answers,
          complete: effort > 3 || 'hard' in answers,
          dismissed: effort <= 3 && !('hard' in answers),
        })
      }
    }

    for (let i = Math.round(10 * traffic); i > 0; i--) {
      const at = when()
      const lang = chance(0.25) ? 'fi' : 'en'
      // Some invoice readers had a card declined at an earlier order: it shows in their NPS.
      const declined = chance(0.15)
      const steps = [...(declined ? [['payment.failed', 'payment', { method: 'card' }]] : []), ['page.viewed', 'invoices'], ['invoice.viewed', 'invoices']]
      const end = fate(0.4)
      if (end !== 'answered') prompt(at, 'invoices', 'nps-invoice', lang, journey(at, steps), { dismissed: end === 'dismissed' })
      else
        prompt(at, 'invoices', 'nps-invoice', lang, journey(at, steps), {
          answers: { nps: declined ? pick([1, 3, 5, 6, 7, 8]) : pick([5, 6, 7, 8, 8, 9, 9, 10, 10, 10]) },
          complete: true,
        })
    }
  }

  // A PM checking the checkout survey yesterday: previews, which the results leave out.
  for (let i = 0; i < 6; i++) {
    const at = now - DAY + i * 600_000
    prompt(
      at,
      'checkout',
      'csat-order',
      'en',
      journey(at, [['order.completed', 'checkout']]),
      { answers: { q1: 1, why: 'Testing the survey' }, complete: true },
      true,
    )
  }

  envelopes.sort((a, b) => a.sentAt.localeCompare(b.sentAt))
  return envelopes
}

/** Every record of the seed, oldest envelope first. @param {number} [now] */
export const sampleRecords = (now = Date.now()) => sampleEnvelopes(now).flatMap((e) => e.records)
