import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { expect } from 'vitest'
import { fixtureServer, widgetPage } from '../fixtures/pages.mjs'
import { watchErrors } from './browser'
import { focusedName, nextRender } from './in-page'
import type { Demo } from './demo'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core (WCAG 2.x A and AA rules and best practices) on the whole page, shadow roots included; returns the violations, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluate() is not subject to the page's CSP, so axe runs on the page exactly as served.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE)
  return page.evaluate(async () => {
    const axe = (window as any).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v: any) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n: any) => JSON.stringify(n.target)).join(', '))
  })
}

/** The accessible name (or text) of the focused element, looking through open shadow roots. */
export const focused = (page: Page): Promise<string> => page.evaluate(focusedName)

/** Lets the page render what the last key did (see nextRender), before the next key. */
export const settled = (page: Page): Promise<void> => page.evaluate(nextRender)

/** Presses keys one after another, as a person would: each after the page has answered the last. */
export async function press(page: Page, ...keys: string[]) {
  for (const key of keys) {
    await page.keyboard.press(key)
    await settled(page)
  }
}

export interface Shown {
  page: Page
  /** The survey's host element. */
  prompt: ReturnType<Page['locator']>
  errors: string[]
  close(): Promise<void>
}

/** Serves a fixture page with this survey, opens it in a fresh context and sends the trigger event. */
export function widgetHarness(getBrowser: () => Browser, getDemo: () => Demo, fixtures: ReturnType<typeof fixtureServer>) {
  return {
    async show(
      survey: Record<string, unknown>,
      options: Parameters<typeof widgetPage>[1] = {},
      context: BrowserContextOptions = {},
      /** Runs on the page before the trigger event, e.g. to focus a field of the host page. */
      before?: (page: Page) => Promise<void>,
    ): Promise<Shown> {
      const path = '/fixture/' + survey.id + '.html'
      fixtures.set(path, widgetPage(survey, options))
      const ctx = await getBrowser().newContext(context)
      const page = await ctx.newPage()
      const errors = watchErrors(page)
      await page.goto(getDemo().url + path)
      await page.waitForFunction(() => 'hetki' in window)
      await before?.(page)
      await page.evaluate(() => (window as any).hetki.track('go'))
      const prompt = page.locator('hetki-survey')
      await prompt.locator('section').waitFor()
      // Measure the card where it rests, not halfway through its entrance.
      await prompt.locator('section').evaluate((s) => Promise.all(s.getAnimations().map((a) => a.finished)))
      return { page, prompt, errors, close: () => ctx.close() }
    },
    /** The answers the collector stored for this survey, once it holds a record with `completed` as given. */
    async stored(surveyId: string, completed = true) {
      const find = async () => (await getDemo().store.all()).find((r) => r.survey_id == surveyId && r.completed == completed)
      await expect.poll(find, { timeout: 10_000 }).toBeTruthy()
      return (await find())!.answers
    },
  }
}
