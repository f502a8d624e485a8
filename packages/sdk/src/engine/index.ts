/**
 * `dist/hetki-engine.js`: everything from "a survey listens to this event" to "the answers are in
 * the outbox": the rules, the pacing verdict and the cross-tab claim, the widget's mount and the
 * records. The core imports it on the first event some survey listens to (or on `show()`), so
 * pages where none happens never download it. Its exports are the contract `EngineModule`
 * (contracts/engine.ts), checked where the core's module build imports this file.
 */
import type { EngineModule } from '../contracts/engine'
import { decide as rules } from '../pure/rules/decide'
import { contextOf } from '../shared/page'

export const decide: EngineModule['decide'] = (plan, event, history, moment, config) => rules(plan, event, history, contextOf(moment, config))
export { judge, present } from './present'
export { setDebug } from '../shared/log'
