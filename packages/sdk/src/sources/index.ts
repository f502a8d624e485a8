import type { Sources } from '../pure/config/types'
import { flickUp } from '../pure/journey/flick'
import { debug } from '../shared/log'
import { guard } from '../shared/guard'

export { setDebug } from '../shared/log'

type Emit = (name: string, props?: Record<string, unknown>) => void

/** The three clicks of a rage click: within this time and this distance of each other. */
const RAGE_MS = 1000
const RAGE_PX = 30
const MAX_DELAY = 2 ** 31 - 1

/**
 * The built-in journey sources the config turns on. Each adds events as if the page had called
 * `track()`. Listeners are passive and the only timers are the ones a threshold needs: nothing polls.
 * This is its own chunk (`hetki-sources.js`), imported only by pages whose config turns sources on;
 * its exports are the contract `SourcesModule` (contracts/sources.ts).
 */
export function startSources(sources: Sources, report: Emit): string[] {
  // Timers and animation frames call it too: nothing the pipeline throws may reach the page from there.
  const emit = guard(report)
  // Beyond this a browser's 32-bit timer delay overflows and fires at once.
  const later = (fn: () => void, ms: number) => setTimeout(fn, Math.min(ms, MAX_DELAY))
  const on = (target: EventTarget, type: string, fn: (e: any) => void) => target.addEventListener(type, guard(fn), { capture: true, passive: true })
  let path = location.pathname
  let timers: ReturnType<typeof setTimeout>[] = []
  let done: Record<string, 1> = {}
  const once = (key: string, name: string, props?: Record<string, unknown>) => {
    // Byte trick: comma operators in this file: one statement that sets and emits (or returns), no braces.
    if (!done[key]) (done[key] = 1), emit(name, props)
  }

  const forms = new Set<HTMLFormElement>()
  const leaveForms = () => {
    for (const f of forms) emit('form.abandoned', { form: f.id || f.getAttribute('name') || '' })
    forms.clear()
  }

  const page = () => {
    timers.forEach(clearTimeout)
    done = {}
    if (sources.pageViews) emit('page.viewed', { path: location.pathname })
    timers = (sources.timeOnPage || []).filter((s) => s * 1e3 <= MAX_DELAY).map((s) => later(() => emit('page.time', { seconds: s }), s * 1e3))
  }

  // Single-page apps change pages through the history API; only a new path is a new page
  // (per-page sources start again, and a started form left behind is abandoned).
  const navigated = () => {
    if (location.pathname === path) return
    path = location.pathname
    if (sources.formAbandon) leaveForms()
    page()
  }
  {
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method]
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args)
        guard(navigated)()
        return result
      }
    }
    on(window, 'popstate', navigated)
  }

  const clicks = (sources.clicks || []).filter((c) => {
    try {
      return (document.querySelector(c.selector), true)
    } catch {
      return (debug('sources.clicks: invalid selector', c.selector), false)
    }
  })
  if (clicks.length)
    on(document, 'click', (e: MouseEvent) => {
      for (const c of clicks) if ((e.target as Element).closest?.(c.selector)) emit(c.event, { selector: c.selector })
    })

  if (sources.rageClick) {
    let recent: MouseEvent[] = []
    on(document, 'click', (e: MouseEvent) => {
      recent = recent.filter((r) => e.timeStamp - r.timeStamp < RAGE_MS && Math.hypot(e.clientX - r.clientX, e.clientY - r.clientY) < RAGE_PX)
      recent.push(e)
      if (recent.length >= 3) (recent = []), emit('ui.rage_click', { target: (e.target as Element).tagName?.toLowerCase() })
    })
  }

  if (sources.scrollDepth) {
    let queued = false
    on(window, 'scroll', () => {
      if (queued) return
      queued = true
      requestAnimationFrame(
        guard(() => {
          queued = false
          const el = document.documentElement
          const percent = ((scrollY + innerHeight) / el.scrollHeight) * 100
          for (const p of sources.scrollDepth!) if (percent >= p) once('s' + p, 'page.scrolled', { percent: p })
        }),
      )
    })
  }

  const exit = sources.exitIntent
  if (exit && matchMedia('(pointer:fine)').matches)
    on(document, 'mouseout', (e: MouseEvent) => {
      if (!e.relatedTarget && e.clientY <= 0) once('exit', 'page.exit_intent')
    })
  // Touch screens have no pointer to leave the window: a finger's fast flick back up the page is
  // the stand-in. Only what a finger drove counts, measured from where it touched down, and while
  // it moved within the last second (its fling included): not the page scrolling itself (a "back
  // to top" link, a position restored on navigation), not a tap.
  if (typeof exit === 'object' && exit.touch && matchMedia('(pointer:coarse)').matches) {
    let flick: ReturnType<typeof flickUp> | undefined
    let dragged = -Infinity
    on(window, 'touchstart', (e: TouchEvent) => (flick = flickUp())(scrollY, e.timeStamp, innerHeight))
    on(window, 'touchmove', (e: TouchEvent) => (dragged = e.timeStamp))
    on(window, 'scroll', (e: Event) => {
      if (flick?.(scrollY, e.timeStamp, innerHeight) && e.timeStamp - dragged < 1000) once('exit', 'page.exit_intent', { via: 'scroll' })
    })
  }

  if (sources.idle) {
    const idleMs = sources.idle * 1e3
    let last = Date.now()
    let timer: ReturnType<typeof setTimeout> | undefined
    // One timer at a time: activity only moves `last`, and the timer re-arms for what is left.
    const arm = (wait: number) =>
      (timer = later(() => {
        const left = last + idleMs - Date.now()
        if (left > 0) arm(left)
        else (timer = undefined), emit('user.idle', { seconds: sources.idle })
      }, wait))
    for (const type of ['pointerdown', 'pointermove', 'keydown', 'scroll'])
      on(window, type, () => {
        last = Date.now()
        if (!timer) arm(idleMs)
      })
    arm(idleMs)
  }

  if (sources.formAbandon) {
    on(document, 'input', (e: Event) => {
      const form = (e.target as Element).closest?.('form')
      if (form) forms.add(form)
    })
    on(document, 'submit', (e: Event) => forms.delete(e.target as HTMLFormElement))
    on(window, 'pagehide', leaveForms)
  }

  page()
  return Object.keys(sources)
}
