/**
 * `dist/hetki-engine.js`: everything from "a survey listens to this event" to "the answers are in
 * the outbox": the rules, the pacing verdict and the cross-tab claim, the widget's mount and the
 * records. The core imports it on the first event some survey listens to (or on `show()`), so
 * pages where none happens never download it.
 */
export { decide } from '../pure/rules/decide'
export { judge, present } from './present'
