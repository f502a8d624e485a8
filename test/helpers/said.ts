// The debug log in words. The engine logs its reasons as data (a code and its parameters: the words
// would cost it a third more bytes); these helpers word a log line with the SDK's own wording module,
// as the debug panel does, so a test reads "[hetki] survey csat not shown: the page is hidden".
import type { ConsoleMessage, Page } from 'playwright-core'
import type { Reason, Step } from '../../packages/sdk/src/pure/rules/trace'
import { why } from '../../packages/sdk/src/pure/rules/words'

const isReason = (v: any): v is Reason => !!v && typeof v == 'object' && typeof v.code == 'string'
const isStep = (v: any): v is Step => !!v && typeof v == 'object' && typeof v.step == 'string' && isReason(v.why)

/** One logged value: a trace as the old one-line explanation, a step as `{step: …, pass: …, why: …}`, a reason in words. */
export const word = (v: unknown): string =>
  Array.isArray(v) && v.length && v.every(isStep)
    ? v.map((s) => (s.pass ? '✓ ' : '✗ ') + s.step + ' (' + why(s.why) + ')').join(', ')
    : isStep(v)
      ? `{step: ${v.step}, pass: ${v.pass}, why: ${why(v.why)}}`
      : isReason(v)
        ? why(v)
        : typeof v == 'string'
          ? v
          : JSON.stringify(v)

/** A console message's text with the reasons in it worded. */
export async function said(m: ConsoleMessage): Promise<string> {
  const values = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => undefined)))
  return values.map(word).join(' ')
}

/** The first step (a pacing verdict, say) logged for `surveyId`, worded: `{ step, pass, why }`. */
export async function loggedStep(m: ConsoleMessage, surveyId: string, name: string): Promise<{ step: string; pass: boolean; why: string } | undefined> {
  if (!m.text().startsWith('[hetki] survey ' + surveyId)) return
  const values = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => undefined)))
  const s = values[3]
  return isStep(s) && s.step == name ? { step: s.step, pass: s.pass, why: why(s.why) } : undefined
}

/** Resolves to the first console message whose worded text passes `test`. */
export const waitSaid = (page: Page, test: (text: string) => boolean, timeout?: number): Promise<ConsoleMessage> =>
  page.waitForEvent('console', { predicate: async (m) => m.text().startsWith('[hetki]') && test(await said(m)), ...(timeout === undefined ? {} : { timeout }) })
