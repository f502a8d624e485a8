// Sample answers for the results page: 60 made-up customers walk the demo journey (order, help
// centre, moving home, invoices) and answer the surveys of demo/site/hetki.json, as wire-format v1
// records with their trails, over the six weeks before `now`. Deterministic (a seeded generator),
// so screenshots do not change by chance. The story in the numbers: a declined card sours the
// order, and a help article that did not help makes moving home hard. And over time: the Payments
// team fixed the card gateway two weeks ago, so no card has been declined since, and the weekly
// CSAT and NPS rise.
const people = 60
const DAY = 86_400_000
/** The sample covers the 42 days before `now`; cards were declined only in its first 28. */
const SPAN = 42
const FIXED = 28

const OWNERS = {
  checkout: 'Web shop team',
  'help-centre': 'Support',
  moving: 'Customer service',
  invoices: 'Billing team',
}

/** mulberry32: a tiny seeded generator; Math.random would give new screenshots on every run. */
function generator(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Wire-format v1 response records, one per answered survey, newest ending at `now`. */
export function sampleRecords(now = Date.now()) {
  const random = generator(7)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const visits = []

  for (let person = 0; person < people; person++) {
    // Times are in ms from the start of the visit until the visit is placed in the six weeks (below).
    let clock = 0
    const trail = []
    const records = []
    const step = (event, touchpoint, props) => {
      clock += 20_000 + random() * 90_000
      trail.push({ event, at: clock, touchpoint, ...(props ? { props } : {}) })
    }
    const answer = (surveyId, touchpoint, path, answers) => {
      const startedAt = clock + 1500
      clock += 9000
      records.push({
        id: `sample-${person}-${surveyId}`,
        kind: 'response',
        surveyId,
        responseId: `sample-${person}-${surveyId}`,
        touchpoint: { id: touchpoint, owner: OWNERS[touchpoint] },
        lang: 'en',
        path,
        trail: trail.slice(-12),
        answers,
        completed: true,
        startedAt,
        updatedAt: clock,
      })
    }

    step('page.viewed', 'checkout', undefined)
    const declined = random() < 0.3
    if (declined) {
      step('payment.failed', 'payment', { method: 'card' })
      if (random() < 0.5) step('payment.failed', 'payment', { method: 'card' })
    }
    step('order.completed', 'checkout', { plan: pick(['fixed-24', 'fixed-12', 'spot']) })
    const q1 = declined ? pick([1, 2, 2, 3, 4]) : pick([3, 4, 4, 5, 5, 5])
    const why = q1 <= 2 ? { why: pick(['My card was declined twice.', 'Payment failed, no idea why.', null]) } : {}
    answer('csat-order', 'checkout', '/', { q1, ...why })

    if (random() < 0.7) {
      step('page.viewed', 'help-centre', undefined)
      const topic = pick(['moving', 'moving', 'contract-start'])
      step('help.searched', 'help-centre', { topic })
      if (random() < 0.4) step('help.searched', 'help-centre', { topic })
      step('help.article_read', 'help-centre', { topic })
      const goal = random() < 0.7
      const feeling = goal ? pick(['pleased', 'delighted', 'neutral', 'pleased']) : pick(['frustrated', 'disappointed', 'neutral'])
      const weight = { frustrated: -100, disappointed: -50, neutral: 0, pleased: 50, delighted: 100 }[feeling]
      answer('goal-help', 'help-centre', '/help.html', { goal, feeling: { id: feeling, weight } })

      if (random() < 0.7) {
        step('page.viewed', 'moving', undefined)
        step('move.completed', 'moving', undefined)
        const effort = goal ? pick([5, 6, 6, 7, 7, 4]) : pick([2, 3, 3, 4, 5])
        const hard = effort <= 3 ? { hard: pick(['I had to call to find the form.', 'The help article was out of date.', null]) } : {}
        answer('ces-move', 'moving', '/move.html', { effort, ...hard })
      }
    }

    if (random() < 0.6) {
      step('page.viewed', 'invoices', undefined)
      step('invoice.viewed', 'invoices', undefined)
      const nps = declined ? pick([2, 5, 6, 7, 8]) : pick([6, 7, 8, 9, 9, 10, 10])
      answer('nps-invoice', 'invoices', '/invoices.html', { nps })
    }
    visits.push({ declined, records })
  }

  // When each visit happened: the customers who met a declined card before the fix (the first 28
  // days), the others evenly over all 42 days, the last a day before `now`. The answers themselves
  // do not depend on it.
  const declined = visits.filter((v) => v.declined)
  const others = visits.filter((v) => !v.declined)
  const place = (list, days) => list.forEach((v, i) => (v.start = now - SPAN * DAY + (i * days * DAY) / Math.max(1, list.length - 1)))
  place(declined, FIXED - 1)
  place(others, SPAN - 1)
  const iso = (start, at) => new Date(start + at).toISOString()
  return visits.flatMap(({ start, records }) =>
    records.map((r) => ({
      ...r,
      trail: r.trail.map((s) => ({ ...s, at: iso(start, s.at) })),
      startedAt: iso(start, r.startedAt),
      updatedAt: iso(start, r.updatedAt),
    })),
  )
}
