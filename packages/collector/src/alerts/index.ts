// The alerts' public surface, for the collector's entry (src/index.ts) and programmatic users.
export type { AlertRule, AlertsConfig, Channel } from './contract'
export { alertsHook, enqueueAlerts, alertKey } from './hook'
export { startAlertWorker, type AlertWorker, type AlertWorkerOptions } from './worker'
export { alertsRoute } from './status'
export type { AlertMessage, DigestMessage, AnswerInWords } from './message'
export { messageId } from './channels'
export { checkAlerts } from './check'
export { deleteAlertsBefore } from './retention'
