// The reference page every SDK is measured on: the same ordinary content page, differing only in
// the SDK snippet its vendor documents for a script-tag install.
import { POSTHOG_TOKEN } from './posthog-stub.mjs'

const CONTENT = `<header><h1>Order history</h1><nav>${Array.from({ length: 12 }, (_, i) => `<a href="#s${i}">Section ${i}</a>`).join(' ')}</nav></header>
<main>${Array.from({ length: 40 }, (_, i) => `<section id="s${i}"><h2>Order ${1000 + i}</h2><p>Delivered to the parcel locker on time. ${'Lorem ipsum dolor sit amet. '.repeat(6)}</p><button type="button">Details</button></section>`).join('\n')}</main>`

export const page = (head) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reference page</title>${head}</head><body>${CONTENT}</body></html>`

/** Hetki's config for the bench: three surveys, one of them on the event `bench.trigger`. */
export const hetkiConfig = (triggerSurveyId = 'bench-csat') => ({
  endpoint: '/collect',
  surveys: [
    { id: triggerSurveyId, trigger: { event: 'bench.trigger' }, questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'How was it?' }] },
    { id: 'bench-ces', trigger: { event: 'help.closed' }, questions: [{ id: 'q1', template: 'effort' }] },
    {
      id: 'bench-nps',
      trigger: { event: 'order.completed', count: 3, within: '30d' },
      questions: [{ id: 'q1', type: 'rating', scale: 11, text: 'Recommend us?' }],
    },
  ],
})

export const SNIPPETS = {
  'no SDK': '',
  Hetki: (survey) =>
    `<script type="application/json" id="hetki-config">${JSON.stringify(hetkiConfig(survey))}</script><script async src="/hetki/hetki.js"></script>`,
  // opt_out_useragent_filter: headless Chromium looks like a bot to posthog-js, which would then drop
  // every event (the trigger too); a real visitor is not, so start-up does the work a visitor gets.
  'posthog-js': () =>
    `<script src="/peers/posthog-js/dist/array.js"></script><script>posthog.init(${JSON.stringify(POSTHOG_TOKEN)},{api_host:location.origin,person_profiles:'identified_only',opt_out_useragent_filter:true})</script>`,
}
