/**
 * `dist/hetki-debug.js`: the debug overlay, imported by the core only in debug mode
 * (`?hetki_debug=1` or `hetki.debug(true)`). A panel in its own shadow root, bottom left, that
 * says for each survey why it did or did not show: the last decision the engine made on this page
 * (the `decisions` hook the engine answers, contracts/core.ts) and a dry run of its rules and pacing "if its trigger fired now"; plus
 * config problems, the journey trail and the pacing state, with a button that resets pacing.
 * Plain DOM, text only (Trusted Types), styles by constructable stylesheet (strict CSP); it never
 * moves focus. Whatever goes wrong in here stays in here, and in debug mode reaches the debug log.
 * Its exports are the contract `PanelModule` (contracts/panel.ts).
 */
import { contextOf } from '../shared/page'
import type { HetkiEvent } from '../contracts/events'
import type { PanelHost } from '../contracts/panel'
import { guard } from '../shared/guard'
import { model } from './model'
import { frame } from './frame'
import { validate } from '../pure/validate/validate'
import { el, problemList, sections } from './render'

/** Time passes (cooldowns end, sessions lapse, other tabs change pacing): look again this often. */
const TICK_MS = 2000
const EVENTS: HetkiEvent[] = ['survey:shown', 'survey:completed', 'survey:dismissed']

export { setDebug } from '../shared/log'

/**
 * Mounts the overlay and returns what removes it. It hears of changes through the core's hook
 * slots (contracts/core.ts), chained after whatever filled them before and put back on removal.
 */
export const open = guard((rt: PanelHost): (() => undefined) => {
  const reset = el('button', {}, 'Reset pacing')
  const said = el('p', { role: 'status', class: 'muted' })
  const { host, root, count, content } = frame('?hetki_debug=0 in the URL, or hetki.debug(false).', el('p', {}, reset), said)

  reset.addEventListener(
    'click',
    guard(() => {
      // Pacing only (the sampling id and the session stay); the write tells every other tab.
      rt.book
        .write((s) => {
          s.surveys = {}
          s.shows = []
        })
        .then(
          // Byte trick: comma operators: one expression that says and redraws, no block.
          () => ((said.textContent = 'Pacing reset in every tab at ' + new Date().toISOString().slice(11, 19) + ' UTC.'), draw()),
          (e) => (said.textContent = 'Pacing could not be reset: ' + e),
        )
    }),
  )

  // Everything the validator (the `hetki validate` command) finds: the config does not change on a page.
  const problems = validate(rt.config)
  const opened = new Set<string>()
  let last = ''
  const draw = guard(() => {
    const view = model({
      config: rt.config,
      decisions: rt.hooks.decisions?.() || new Map(),
      history: rt.journey.state().history,
      trail: rt.journey.state().trail,
      pacing: rt.book.state(),
      ctx: contextOf(rt.context(Date.now()), rt.config),
      problems,
    })
    const text = JSON.stringify(view)
    if (text === last) return
    last = text
    // Focus stays where the PM had it, on the element that replaces it.
    const key = (root.activeElement as HTMLElement | null)?.getAttribute('data-key')
    const blocked = view.surveys.filter((s) => s.state === 'blocked').length
    const n = view.surveys.length
    count.textContent = '(' + n + (n === 1 ? ' survey, ' : ' surveys, ') + blocked + ' not shown)'
    content.replaceChildren(...sections(view, opened).filter((c): c is Node | string => !!c))
    if (key) (root.querySelector('[data-key="' + CSS.escape(key) + '"]') as HTMLElement | null)?.focus({ preventScroll: true })
  })
  let timer: ReturnType<typeof setTimeout> | 0 = 0
  // Byte trick: ||= and a comma: schedule once, clear and draw, in one expression.
  const soon = () => (timer ||= setTimeout(() => ((timer = 0), draw()), 50))

  // Live: decisions from the engine, prompts opening and closing, every event of the journey.
  const { hooks } = rt
  const { recorded, decided } = hooks
  hooks.recorded = (event) => {
    recorded?.(event)
    soon()
  }
  hooks.decided = (id) => {
    decided?.(id)
    soon()
  }
  for (const e of EVENTS) rt.emitter.on(e, soon)
  const tick = setInterval(draw, TICK_MS)
  draw()

  return (): undefined => {
    clearInterval(tick)
    clearTimeout(timer)
    hooks.recorded = recorded
    hooks.decided = decided
    for (const e of EVENTS) rt.emitter.off(e, soon)
    host.remove()
  }
})

/**
 * A config that fails the structural check disables Hetki; in debug mode the panel still comes,
 * to say why, with the path of the problem.
 */
export const broken = guard((config: unknown): void => {
  // Hetki is disabled, its API with it: only the URL turns the panel off.
  const { content, count } = frame('?hetki_debug=0 in the URL.')
  const problems = validate(config)
  const errors = problems.filter((p) => p.severity === 'error').length
  count.textContent = '(disabled: the config has ' + errors + (errors === 1 ? ' error)' : ' errors)')
  content.append(el('h2', {}, 'Config problems'), problemList(problems), el('p', {}, 'Hetki is disabled on this page until the config is fixed.'))
})
