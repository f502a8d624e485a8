import type { Config } from '../pure/config/types'
import type { Context, Moment } from '../pure/rules/context'

/** Coarse pointer means touch: a phone, or a tablet when the short side of the screen is wide. */
const deviceKind = (): Context['device'] =>
  matchMedia('(pointer:coarse)').matches ? (Math.min(screen.width, screen.height) >= 600 ? 'tablet' : 'mobile') : 'desktop'

/**
 * The rules' whole context: the moment the core snapshotted at the event, with the device and the
 * language (the config's, the page's, the browser's) read now. Read by the chunks that decide and
 * show (engine, debug panel), loaded only when a survey listens: the core on every page does not
 * carry this code (95 B gzip of its budget).
 */
export const contextOf = (moment: Moment, config: Config): Context => ({
  ...moment,
  device: deviceKind(),
  lang: config.lang || document.documentElement.lang || navigator.language || 'en',
})
