/**
 * @hetki/sdk — in-journey micro-surveys. The ES module build for bundlers; the script tag build
 * (`hetki.js`) puts the same functions on `window.hetki`.
 */
import { setWidgetBase } from './api/hetki'

// The widget sits next to this module unless the config names another URL.
setWidgetBase(import.meta.url)

export { init, track, identify, show, preview, debug, on, off, consent, reset } from './api/hetki'
export type { HetkiEvent, HetkiEvents } from './api/events'
export type { Config, Survey, Trigger, Question } from './config/types'
export type { InitOptions } from './api/hetki'
export type { Delivery } from './config/delivery'
export type { UserTransport, Reply } from './transport/transport'
export type { Envelope, WireRecord, ResponseRecord, MomentRecord, TrailStep } from './outbox/record'
