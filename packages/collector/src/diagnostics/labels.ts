// What stopped a survey, in words a PM reads, with the config's own values: "the 14-day cooldown
// between surveys", "the audience's pages (/help/*)", not "cooldown" or "urls". Pure. The page writes
// the sentence around it ("62 % of triggers were held back by the 14-day cooldown between surveys").
import type { Config, Survey } from '../../../sdk/src/pure/config/types'
import { OUTCOMES } from './contract'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
/** A few values of a list, for a label: "/help/*, /faq/*" (and how many more). */
const few = (values: unknown): string => {
  const list = ([] as unknown[]).concat(values ?? []).map(String)
  return list.slice(0, 3).join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '')
}
/** The default words with the config's value in brackets, when there is one. */
const withValue = (code: keyof typeof OUTCOMES, value: string | undefined) => (value ? `${OUTCOMES[code]} (${value})` : OUTCOMES[code])

/** The words for an outcome code of `survey` under `config`; an unknown code is named as the pacing rule it is. */
export function reasonLabel(code: string, survey: Survey | undefined, config: Config): string {
  const global = config.pacing ?? {}
  const own = survey?.pacing ?? {}
  const every = (own.frequency as { everyDays?: number } | undefined)?.everyDays
  const t = survey?.trigger
  const a = survey?.audience
  switch (code) {
    case 'cooldown':
      return global.cooldownDays ? `the ${global.cooldownDays}-day cooldown between surveys` : 'the cooldown between surveys'
    case 'maxPerSession':
      return global.maxPerSession !== undefined ? `the limit of ${plural(global.maxPerSession, 'survey')} per session` : 'the limit of surveys per session'
    case 'maxPer':
      return global.maxPer ? `the cap of ${plural(global.maxPer.surveys, 'survey')} per ${plural(global.maxPer.days, 'day')}` : 'the cap of surveys per period'
    case 'once':
      return 'the “show once” rule: already shown on the device'
    case 'answered':
      return 'the “until answered” rule: already answered on the device'
    case 'snoozed':
      return `the ${own.snoozeDays ?? 7}-day snooze after “not now” or a dismissal`
    case 'everyDays':
      return every ? `the survey’s ${every}-day repeat interval` : 'the survey’s repeat interval'
    case 'maxResponses':
      return own.maxResponses !== undefined
        ? `the survey’s limit of ${plural(own.maxResponses, 'response')} per device`
        : 'the survey’s limit of responses per device'
    case 'group':
      return 'a pacing group’s limit'
    case 'spacing':
      return 'the spacing after another survey'
    case 'sample':
      return a?.sample !== undefined ? `the survey’s ${Math.round(a.sample * 1000) / 10} % audience sample` : OUTCOMES.sample
    case 'where':
      return withValue(code, t?.where ? `on ${few(Object.keys(t.where))}` : undefined)
    case 'count':
      return withValue(code, t?.count ? `${t.count} times${t.within ? ` within ${t.within}` : ''}` : undefined)
    case 'after':
    case 'unless':
      return withValue(code, t?.[code]?.event)
    case 'urls':
    case 'notUrls':
    case 'device':
    case 'lang':
      return withValue(code, a?.[code] !== undefined ? few(a[code]) : undefined)
    case 'from':
    case 'until':
      return withValue(code, a?.[code])
  }
  return code in OUTCOMES ? OUTCOMES[code as keyof typeof OUTCOMES] : `the pacing rule “${code}”`
}
