// What stopped a survey, in words a PM reads, with the config's own numbers: "the 14-day cooldown",
// not "cooldown". Pure. The page writes the sentence around it ("62 % of triggers were held back
// by the 14-day cooldown").
import type { Config, Survey } from '../../../sdk/src/pure/config/types'
import { OUTCOMES } from './contract'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** The words for an outcome code of `survey` under `config`; an unknown code is named as the pacing rule it is. */
export function reasonLabel(code: string, survey: Survey | undefined, config: Config): string {
  const global = config.pacing ?? {}
  const own = survey?.pacing ?? {}
  const every = (own.frequency as { everyDays?: number } | undefined)?.everyDays
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
      return own.maxResponses !== undefined ? `the survey’s limit of ${plural(own.maxResponses, 'response')} per device` : 'the survey’s limit of responses per device'
    case 'sample': {
      const share = survey?.audience?.sample
      return share !== undefined ? `the survey’s ${Math.round(share * 1000) / 10} % audience sample` : 'the audience sample'
    }
    case 'group':
      return 'a pacing group’s limit'
    case 'spacing':
      return 'the spacing after another survey'
  }
  return code in OUTCOMES ? OUTCOMES[code as keyof typeof OUTCOMES] : `the pacing rule “${code}”`
}
