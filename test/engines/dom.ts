// What a test sees and does in a page, through the engine-neutral Win: elements found by role and
// accessible name inside the survey's shadow root (as getByRole does in the Chromium suite), real
// clicks at their place, keys pressed one after another, conditions waited for.
import { expect } from 'vitest'
import { focusedName, nextRender } from '../helpers/in-page'
import type { Win } from './engine.mjs'

export type Role = 'button' | 'dialog' | 'region' | 'status' | 'textbox' | 'radio' | 'checkbox' | 'heading'

/** An element of a survey: its role and, optionally, its accessible name (a string is matched whole). */
export interface Target {
  /** The survey's id (its host's data-hetki-survey); any survey when left out. */
  survey?: string
  role: Role
  name?: string | RegExp
}

/** What crosses into the page: the name as a regular expression's source and flags. */
type What = 'count' | 'box' | 'text' | 'checked' | 'value' | 'focus'
type Query = { survey?: string; role: Role; name?: { source: string; flags: string } }
const query = (t: Target): Query => ({
  survey: t.survey,
  role: t.role,
  name:
    t.name === undefined
      ? undefined
      : t.name instanceof RegExp
        ? { source: t.name.source, flags: t.name.flags }
        : { source: '^' + t.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$', flags: '' },
})

/**
 * Runs in the page: the elements of `q`'s role whose accessible name matches, in the open shadow
 * roots of the surveys' hosts (inline surveys included). A pared-down accessible name: aria-label,
 * aria-labelledby, the labels of a form field, else the text.
 */
function inPage([q, what]: [Query, What]) {
  const SELECTORS: Record<string, string> = {
    button: 'button,[role=button]',
    dialog: '[role=dialog]',
    region: 'section[aria-labelledby]:not([role]),section[aria-label]:not([role]),[role=region]',
    status: '[role=status]',
    textbox: 'textarea,input:not([type]),input[type=text]',
    radio: 'input[type=radio],[role=radio]',
    checkbox: 'input[type=checkbox],[role=checkbox]',
    heading: 'h1,h2,h3,[role=heading]',
  }
  const hosts = [...document.querySelectorAll(q.survey ? `[data-hetki-survey="${q.survey}"]` : 'hetki-survey')]
  const text = (e: Element | null) => (e?.textContent || '').replace(/\s+/g, ' ').trim()
  const nameOf = (e: Element): string => {
    const root = e.getRootNode() as ShadowRoot | Document
    const label = e.getAttribute('aria-label')
    if (label) return label.trim()
    const by = e.getAttribute('aria-labelledby')
    if (by)
      return by
        .split(/\s+/)
        .map((id) => text(root.getElementById(id)))
        .join(' ')
        .trim()
    const labels = (e as HTMLInputElement).labels
    if (labels?.length) return [...labels].map(text).join(' ')
    return text(e)
  }
  const re = q.name && new RegExp(q.name.source, q.name.flags)
  const found = hosts.flatMap((h) => [...(h.shadowRoot?.querySelectorAll(SELECTORS[q.role]!) ?? [])]).filter((e) => !re || re.test(nameOf(e)))
  if (what == 'count') return found.length
  const el = found[0] as HTMLElement | undefined
  if (!el) return null
  if (what == 'text') return text(el)
  if (what == 'checked') return (el as HTMLInputElement).checked
  if (what == 'value') return (el as HTMLInputElement).value
  if (what == 'focus') return (el.focus(), true)
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  const card = el.closest('section')
  // Measured where it rests: not halfway through the card's entrance animation.
  if (card && (getComputedStyle(card).opacity != '1' || card.getAnimations().some((a) => a.playState == 'running'))) return null
  const r = el.getBoundingClientRect()
  if (!r.width || !r.height) return null
  const [x, y] = [r.x + r.width / 2, r.y + r.height / 2]
  // Nothing of the page on top of it: a real click there reaches it.
  let hit = document.elementFromPoint(x, y)
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y)
    if (!inner || inner == hit) break
    hit = inner
  }
  return { x, y, reachable: !!hit && (hit == el || el.contains(hit) || !!(el as HTMLInputElement).labels?.[0]?.contains(hit)) }
}

const ask = <R>(win: Win, t: Target, what: What) => win.evaluate(inPage, [query(t), what]) as Promise<R>

/** How many elements match now. */
export const count = (win: Win, t: Target) => ask<number>(win, t, 'count')

/** The text of the first match, or null. */
export const textOf = (win: Win, t: Target) => ask<string | null>(win, t, 'text')

/** Whether the first match (a radio or checkbox) is checked. */
export const checked = (win: Win, t: Target) => ask<boolean | null>(win, t, 'checked')

/** The value of the first match (a text field). */
export const valueOf = (win: Win, t: Target) => ask<string | null>(win, t, 'value')

/** Waits until a match exists. */
export async function waitFor(win: Win, t: Target, timeout = 15_000) {
  await expect.poll(() => count(win, t), { timeout, message: `waiting for ${t.role} ${t.name ?? ''} in ${t.survey ?? 'a survey'}` }).toBeGreaterThan(0)
}

/** Waits until the first match rests on screen with nothing over it, then clicks its middle with the mouse. */
export async function click(win: Win, t: Target) {
  let box: { x: number; y: number; reachable: boolean } | null = null
  await expect.poll(async () => (box = await ask(win, t, 'box')) && box.reachable, { message: `waiting to click ${t.role} ${t.name ?? ''}` }).toBe(true)
  await win.click(box!.x, box!.y)
}

/** Clicks the first match if it rests on screen now; false if it is not there (e.g. closed by itself meanwhile). */
export async function clickIfThere(win: Win, t: Target): Promise<boolean> {
  const box = await ask<{ x: number; y: number; reachable: boolean } | null>(win, t, 'box')
  if (!box?.reachable) return false
  await win.click(box.x, box.y)
  return true
}

/** Focuses the first match from script (as a test's starting point, not as a customer would). */
export const focus = (win: Win, t: Target) => ask(win, t, 'focus')

/** Resolves once `fn(arg)` in the page is truthy, and to its value. */
export async function until<R, A = undefined>(win: Win, fn: (arg: A) => R | Promise<R>, arg?: A, timeout = 15_000): Promise<NonNullable<Awaited<R>>> {
  let value: Awaited<R> | undefined
  await expect.poll(async () => (value = await win.evaluate(fn, arg)), { timeout }).toBeTruthy()
  return value!
}

/** The accessible name (or text) of the focused element, looking through open shadow roots. */
export const focused = (win: Win): Promise<string> => win.evaluate(focusedName)

/** Lets the page render what the last key did (see nextRender), before the next key. */
export const settled = (win: Win): Promise<void> => win.evaluate(nextRender)

/** Presses keys one after another, as a person would: each after the page has answered the last. */
export async function press(win: Win, ...keys: string[]) {
  for (const key of keys) {
    await win.press(key)
    await settled(win)
  }
}

/** Runs axe-core (loaded by the page: pages.ts `axe: true`) on the whole page, shadow roots included; one line per violation. */
export const axeViolations = (win: Win): Promise<string[]> =>
  win.evaluate(async () => {
    const axe = (window as any).axe
    if (!axe) throw new Error('axe-core is not on this page: open it with { axe: true }')
    const result = await axe.run(document, { resultTypes: ['violations'] })
    // With what axe measured (colours, ratio), so a failure says why.
    return result.violations.map(
      (v: any) =>
        v.id + ': ' + v.help + ' at ' + v.nodes.map((n: any) => JSON.stringify(n.target) + ' ' + JSON.stringify(n.any.map((a: any) => a.data))).join(', '),
    )
  })

/**
 * Waits until the survey's card rests: shown, fully opaque, no animation running. (WebKit may
 * report no animation yet in the frame the card appears, so the opacity is checked too.)
 */
export const rests = (win: Win, survey?: string) =>
  until(
    win,
    (s) => {
      const card = document.querySelector(s ? `[data-hetki-survey="${s}"]` : 'hetki-survey')?.shadowRoot?.querySelector('section')
      return !!card && getComputedStyle(card).opacity == '1' && card.getAnimations().every((a) => a.playState != 'running')
    },
    survey ?? '',
  )

/** Clicks the middle of the page's own element `selector` (outside any survey) with the mouse. */
export async function clickPage(win: Win, selector: string) {
  const box = await until(
    win,
    (s) => {
      const el = document.querySelector(s)
      if (!el) return null
      el.scrollIntoView({ block: 'nearest' })
      const r = el.getBoundingClientRect()
      return r.width && r.height ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null
    },
    selector,
  )
  await win.click(box.x, box.y)
}

/** How many survey hosts the page holds. */
export const prompts = (win: Win, survey?: string) =>
  win.evaluate((s) => document.querySelectorAll(s ? `[data-hetki-survey="${s}"]` : '[data-hetki-survey]').length, survey ?? '')
