// Trigger → visible, shared by bench/visible.mjs (Chromium) and bench/engines.mjs (Firefox, WebKit):
// each SDK's page, readiness, trigger and prompt, and the in-page timer.
import { page as referencePage, SNIPPETS } from './pages.mjs'

export const SDKS = {
  Hetki: {
    // Each load asks a survey of its own: a survey is asked once per person, and the cached run
    // reuses the person.
    page: (n) => referencePage(SNIPPETS.Hetki(`bench-csat-${n}`)),
    ready: () => !!window.hetki?.track,
    trigger: () => window.hetki.track('bench.trigger'),
    host: '[data-hetki-survey]',
  },
  'posthog-js': {
    page: () => referencePage(SNIPPETS['posthog-js']()),
    // posthog-js shows a survey once per person too: the cached run forgets the person (local and
    // session storage) first.
    ready: () => !!window.posthog?.surveys?.getSurveys,
    trigger: () => window.posthog.capture('bench.trigger'),
    host: '[class^="PostHogSurvey"]',
  },
}

/** Runs in the page: sends the trigger and resolves to the ms until the prompt is painted. */
export const timeToVisible = ({ host, trigger }) =>
  new Promise((resolve, reject) => {
    const send = new Function(`return (${trigger})()`)
    const painted = () => {
      const button = document.querySelector(host)?.shadowRoot?.querySelector('button')
      const box = button?.getBoundingClientRect()
      return box && box.width > 0 && box.height > 0
    }
    const start = performance.now()
    send()
    const frame = () => {
      if (painted()) return setTimeout(() => resolve(performance.now() - start))
      if (performance.now() - start > 10_000) return reject(new Error('no prompt within 10 s'))
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  })
