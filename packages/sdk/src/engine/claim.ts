import type { PacingConfig } from '../pure/config/pacing'
import type { Survey } from '../pure/config/types'
import { debug } from '../shared/log'
import { step, type Step } from '../pure/rules/trace'
import { take } from '../pure/pacing/take'
import type { Book } from '../contracts/core'
import { mark } from '../pure/pacing/state'

/** Where Web Locks are missing: a survey shown this recently in any tab may still be open there. */
export const OPEN_MS = 10 * 6e4

/**
 * Claims "show `survey` now" for this tab, atomically across tabs, and resolves to what `prepare`
 * made (the widget) and a `release` to call when the prompt closes, or to nothing.
 *
 * 1. The Web Lock `hetki-prompt`, held until `release`: while one tab shows a prompt, every other
 *    tab is refused at once, and a tab that dies lets go by itself.
 * 2. `prepare`, while holding the lock, so that losing tabs never load the widget.
 * 3. The pacing check again, on the newest stored state, and the "shown" mark, in one readwrite
 *    transaction: two tabs can never both pass, with or without Web Locks.
 *
 * Without Web Locks (insecure page, old Safari) or where they refuse (opaque origin), step 1 is
 * replaced by "a survey shown less than OPEN_MS ago may still be open". `forced` (`show()`)
 * skips the checks but still marks the survey shown; a `preview` is forced and marks nothing. The
 * verdict goes to the debug log and to `told`.
 */
export const claim = <T>(
  survey: Survey,
  book: Book,
  config: PacingConfig | undefined,
  forced: boolean,
  prepare: () => Promise<T>,
  preview?: boolean,
  told?: (verdict: Step) => void,
): Promise<[T, () => void] | void> =>
  new Promise((done) => {
    const locks = navigator.locks
    const run = async (lock: unknown) => {
      let verdict: Step = step('pacing', !!lock || forced, { code: forced ? (preview ? 'preview' : 'showCalled') : 'otherTab' })
      let prepared!: T
      if (verdict.pass)
        try {
          prepared = await prepare()
          const now = Date.now()
          if (!preview)
            await book.write((s) => {
              if (forced) mark(s, survey.id, 'shown', now, config?.sessionMinutes)
              else verdict = lock === 1 && s.shows[s.shows.length - 1]! > now - OPEN_MS ? { ...verdict, pass: false } : take(survey, s, now, config)
            })
        } catch (e) {
          verdict = step('pacing', false, { code: 'error', message: '' + e })
        }
      debug('survey', survey.id, verdict)
      told?.(verdict)
      // Kept pending until the prompt closes: the lock is held for as long.
      verdict.pass ? await new Promise<void>((release) => done([prepared, release])) : done()
    }
    locks ? locks.request('hetki-prompt', { ifAvailable: true }, run).catch(() => run(1)) : run(1)
  })
