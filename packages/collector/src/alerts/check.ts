// Problems in the server file's `alerts` block, each with its path, so the collector can refuse to
// start with a clear message instead of failing one alert at a time later. Pure.
import { ms } from '../../../sdk/src/pure/rules/duration'
import type { Config } from '../../../sdk/src/pure/config/types'
import type { AlertsConfig } from './contract'

const METRICS = new Set(['csat', 'nps', 'ces', 'goal', 'emotion'])
const isHttp = (url: unknown) => typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url)

/** Every problem of an alerts block against the Hetki config, as "path: what is wrong"; empty when fine. */
export function checkAlerts(alerts: AlertsConfig, config: Config): string[] {
  const problems: string[] = []
  const say = (path: string, what: string) => problems.push(`alerts.${path}: ${what}`)
  const channels = alerts.channels ?? {}
  const touchpoints = new Set((config.touchpoints ?? []).map((t) => t.id))
  const surveys = new Set(config.surveys.map((s) => s.id))
  const owners = new Set((config.touchpoints ?? []).flatMap((t) => (t.owner ? [t.owner] : [])))
  const known = (path: string, names: unknown) => {
    if (!Array.isArray(names)) return say(path, 'must be a list of channel names')
    names.forEach((n, i) => channels[n as string] === undefined && say(`${path}[${i}]`, `no channel named "${String(n)}" under alerts.channels`))
  }

  if (!Array.isArray(alerts.rules)) say('rules', 'must be a list')
  const ids = new Set<string>()
  ;(Array.isArray(alerts.rules) ? alerts.rules : []).forEach((rule, i) => {
    const at = `rules[${i}]`
    if (typeof rule.id !== 'string' || !rule.id) say(`${at}.id`, 'every rule needs an id (one alert per response per rule)')
    else if (ids.has(rule.id)) say(`${at}.id`, `"${rule.id}" is used by an earlier rule`)
    else ids.add(rule.id)
    if (rule.touchpoint !== undefined && !touchpoints.has(rule.touchpoint)) say(`${at}.touchpoint`, `no touchpoint "${rule.touchpoint}" in the config`)
    if (rule.survey !== undefined && !surveys.has(rule.survey)) say(`${at}.survey`, `no survey "${rule.survey}" in the config`)
    if (rule.metric !== undefined && !METRICS.has(rule.metric)) say(`${at}.metric`, 'must be csat, nps, ces, goal or emotion')
    for (const k of ['atMost', 'atLeast', 'below', 'above'] as const) {
      if (rule[k] === undefined) continue
      if (typeof rule[k] !== 'number' || !Number.isFinite(rule[k])) say(`${at}.${k}`, 'must be a number')
      if (rule.metric === undefined) say(`${at}.${k}`, 'a bound needs a metric')
    }
    if (rule.count !== undefined && (!Number.isInteger(rule.count) || rule.count < 1)) say(`${at}.count`, 'must be a whole number of at least 1')
    if (rule.within !== undefined && !(ms(rule.within) > 0)) say(`${at}.within`, 'must be a duration such as "1h"')
    if ((rule.count ?? 1) > 1 && rule.within === undefined) say(`${at}.within`, 'a count needs a window, e.g. "within": "1h"')
    if (rule.to !== undefined) known(`${at}.to`, rule.to)
  })

  for (const [name, ch] of Object.entries(channels)) {
    const at = `channels.${name}`
    if (ch.type === 'email') {
      const to = Array.isArray(ch.to) ? ch.to : [ch.to]
      if (!to.length || to.some((a) => typeof a !== 'string' || !a.includes('@'))) say(`${at}.to`, 'must be an e-mail address or a list of them')
      if (!alerts.smtp) say(at, 'an e-mail channel needs alerts.smtp')
    } else if (ch.type === 'webhook' || ch.type === 'slack' || ch.type === 'teams') {
      if (!isHttp(ch.url)) say(`${at}.url`, 'must be an http(s) URL')
    } else say(`${at}.type`, 'must be webhook, slack, teams or email')
  }
  for (const [owner, names] of Object.entries(alerts.owners ?? {})) {
    if (!owners.has(owner)) say(`owners.${owner}`, `no touchpoint in the config has the owner "${owner}"`)
    known(`owners.${owner}`, names)
  }
  for (const [owner, d] of Object.entries(alerts.digest ?? {})) {
    if (!owners.has(owner)) say(`digest.${owner}`, `no touchpoint in the config has the owner "${owner}"`)
    if (d.every !== 'hourly' && d.every !== 'daily') say(`digest.${owner}.every`, 'must be "hourly" or "daily"')
    known(`digest.${owner}.to`, d.to)
  }
  if (alerts.smtp && (!alerts.smtp.host || !Number.isInteger(alerts.smtp.port) || !alerts.smtp.from)) say('smtp', 'needs host, port and from')
  if (alerts.settle !== undefined && !(ms(alerts.settle) >= 0)) say('settle', 'must be a duration such as "2m"')
  return problems
}
