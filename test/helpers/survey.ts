import { expect } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { outboxSize } from './in-page'
import type { Demo, StoredResponse } from './demo'

/** A response as the customer gave it, to compare with what the collector stored. */
export interface Given {
  id: string
  answers: Record<string, number>
  completed: boolean
}

/** A two-question survey that only `show()` triggers: goal reached, then effort. */
export const twoQuestions = {
  id: 'journey',
  questions: [
    { id: 'goal', type: 'rating', scale: 5, text: 'Did you get what you came for?' },
    { id: 'effort', type: 'rating', scale: 5, text: 'How easy was it?' },
  ],
}

/**
 * Every question type in a row (CSAT, feeling, goal, choice, open text) and a keyboard user's way
 * through it, for the widget suites (Chromium, test/e2e, and every engine, test/engines): at each
 * question, by its heading, the keys pressed there; at the last the user types `typed`, then Tab
 * and Enter send it. `answers` is what the collector then stores.
 */
export const everyType = {
  questions: [
    { id: 'csat', template: 'csat' },
    { id: 'feel', template: 'feeling' },
    { id: 'goal', template: 'goal' },
    {
      id: 'pick',
      type: 'choice',
      text: 'What matters most?',
      options: [
        { id: 'a', label: 'Price' },
        { id: 'b', label: 'Speed' },
      ],
    },
    { id: 'say', type: 'text', text: 'Anything else?' },
  ],
  steps: [
    ['How satisfied are you?', 'Tab', 'Tab', 'End', 'Enter'],
    ['How did it feel?', 'ArrowDown', 'Enter'],
    ['Did you get done what you came for?', 'Enter'],
    ['What matters most?', 'ArrowDown', 'Tab', 'Enter'],
    ['Anything else?'],
  ] as [heading: string, ...keys: string[]][],
  typed: 'All good',
  answers: { csat: 5, feel: { id: 'disappointed', weight: -50 }, goal: true, pick: 'b', say: 'All good' },
}

/** A page that loads the script tag with `configPath`. */
export const scriptPage = (configPath: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script async src="/hetki/hetki.js" data-config="${configPath}"></script></head><body><h1>Shop</h1></body></html>`

/** Resolves once `window.hetki` is the real API (not the loader's queue). */
export const hetkiReady = (page: Page) => page.waitForFunction(() => typeof (window as any).hetki?.on == 'function' && !(window as any).hetki.q)

export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(url)
  await hetkiReady(page)
  return page
}

/**
 * Shows the two-question survey through the API and answers it like a customer (ratings derived
 * from `n`); `partial` answers the first question only and closes the prompt.
 */
export async function answer(page: Page, n: number, partial = false): Promise<Given> {
  const id = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const hetki = (window as any).hetki
        const seen = (e: { responseId: string }) => {
          hetki.off('survey:shown', seen)
          resolve(e.responseId)
        }
        hetki.on('survey:shown', seen)
        hetki.show('journey')
      }),
  )
  const prompt = page.locator('[data-hetki-survey="journey"]')
  const goal = (n % 5) + 1
  const effort = ((n * 3) % 5) + 1
  await prompt.getByRole('dialog', { name: 'Did you get what you came for?' }).waitFor()
  await prompt.getByRole('button', { name: new RegExp('^' + goal + '\\b') }).click()
  if (!partial) {
    await prompt.getByRole('dialog', { name: 'How easy was it?' }).waitFor()
    await prompt.getByRole('button', { name: new RegExp('^' + effort + '\\b') }).click()
    await prompt.getByRole('status').filter({ hasText: 'Thank you' }).waitFor()
  }
  const close = prompt.getByRole('button', { name: 'Close survey' })
  // A completed prompt also closes itself after the thank-you; on a busy machine that may win the
  // race with this click, which is fine: either way the prompt goes.
  if (partial) await close.click()
  else await close.click({ timeout: 2000 }).catch(() => {})
  await expect.poll(() => prompt.count(), { timeout: 10_000 }).toBe(0)
  return partial ? { id, answers: { goal }, completed: false } : { id, answers: { goal, effort }, completed: true }
}

/** How many records the page's outbox still holds (not counting the eviction counter). */
export const leftInOutbox = (page: Page) => page.evaluate(outboxSize)

/** Chromium logs each failed request itself ("Failed to load resource", net::ERR_…): the browser's network log, not the SDK. */
export const sdkErrors = (errors: string[]) => errors.filter((e) => !/^console: (Failed to load resource|.*net::ERR_)/.test(e))

/**
 * The delivery promise, read from the collector's database (the reliability suite in Chromium and
 * the outbox suite on every engine): every answer given stored exactly once, as given; one "shown"
 * per prompt; one "dismissed" per answer closed before its last question; nothing evicted.
 * Resolves to what was stored.
 */
export async function expectDeliveredOnce(demo: Demo, given: Given[]): Promise<StoredResponse[]> {
  const stored = await demo.store.all()
  const byId = new Map(stored.map((r) => [r.id, r]))
  expect(byId.size).toBe(stored.length)
  for (const g of given) expect(byId.get(g.id), g.id).toMatchObject({ answers: g.answers, completed: g.completed })
  expect(stored.map((r) => r.id).sort()).toEqual(given.map((g) => g.id).sort())
  const moments = await demo.store.moments()
  expect(
    moments
      .filter((m) => m.kind == 'shown')
      .map((m) => m.response_id)
      .sort(),
  ).toEqual(given.map((g) => g.id).sort())
  // A partial answer was closed before its last question: dismissed, once.
  expect(moments.filter((m) => m.kind == 'dismissed').map((m) => m.response_id)).toEqual(given.filter((g) => !g.completed).map((g) => g.id))
  expect(await demo.store.dropped()).toBe(0)
  return stored
}
