import type { EngineHost, Noted } from '../contracts/engine'
import type { Step } from '../pure/rules/trace'

/** A decision as the engine keeps it: its trace grows as later steps (priority, pacing, claim, shown) join it. */
export interface Kept extends Noted {
  trace: Step[]
}

/**
 * What the engine keeps for the page of one core, and nobody else writes: the prompt on screen,
 * the cross-tab lock it lets go of, delayed surveys and the last decision on each survey.
 */
export interface Page {
  /** The prompt on screen in this page, if any: one at a time. */
  open?: { surveyId: string; host: Element; close(): void }
  /** Settles once the prompt this tab closed last has let go of its cross-tab lock (or after 1 s). */
  freed?: Promise<unknown>
  /** Delayed surveys waiting on this page. */
  delayed: Set<ReturnType<typeof setTimeout>>
  decisions: Map<string, Kept>
}

// Keyed by the core's host object: one page of state per core, gone with it.
const pages = new WeakMap<EngineHost, Page>()

/** reset() or consent(false): the prompt on screen closes and delayed surveys are cancelled. */
const forget = (page: Page): void => {
  page.open?.close()
  page.delayed.forEach(clearTimeout)
  page.delayed.clear()
}

/**
 * The engine's state for the page of `host`, made on first use. Then the engine fills its hook
 * slots (contracts/core.ts): it hears `forgotten`, after whatever was there, and answers `decisions`.
 */
export const pageOf = (host: EngineHost): Page => {
  let page = pages.get(host)
  if (!page) {
    const p: Page = (page = { delayed: new Set(), decisions: new Map() })
    const { hooks } = host
    const before = hooks.forgotten
    hooks.forgotten = () => {
      before?.()
      forget(p)
    }
    hooks.decisions = () => p.decisions
    pages.set(host, p)
  }
  return page
}
