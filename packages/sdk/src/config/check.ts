import type { Config } from './types'

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v == 'object' && !Array.isArray(v)

const isText = (v: unknown): v is string => typeof v == 'string' && v != ''

/**
 * The cheap structural check the core can afford on every page: enough to refuse a config the
 * rest of the SDK cannot run with. Returns the first problem with its JSON path, or nothing.
 */
export function checkConfig(config: unknown): string | undefined {
  if (!isObject(config)) return 'the config must be a JSON object'
  if (config.endpoint !== undefined && typeof config.endpoint != 'string')
    return 'endpoint must be a string'
  if (config.delivery !== undefined && !isObject(config.delivery)) return 'delivery must be an object'
  const surveys = config.surveys
  if (!Array.isArray(surveys)) return 'surveys must be an array'
  const ids = new Set<string>()
  for (let i = 0; i < surveys.length; i++) {
    const survey = surveys[i]
    const at = `surveys[${i}]`
    if (!isObject(survey) || !isText(survey.id)) return at + '.id must be a non-empty string'
    if (ids.has(survey.id)) return at + '.id "' + survey.id + '" is used twice'
    ids.add(survey.id)
    const trigger = survey.trigger
    if (trigger !== undefined && !(isObject(trigger) && isText(trigger.event)))
      return at + '.trigger.event must be a non-empty string'
    const questions = survey.questions
    if (!Array.isArray(questions) || !questions.length)
      return at + '.questions must be a non-empty array'
    for (let j = 0; j < questions.length; j++) {
      const q = questions[j]
      const qat = `${at}.questions[${j}]`
      if (!isObject(q) || !isText(q.id)) return qat + '.id must be a non-empty string'
      if (q.type != 'rating') return qat + '.type "' + String(q.type) + '" is not a known question type'
      if (!isText(q.text)) return qat + '.text must be a non-empty string'
      if (q.scale !== undefined && !(Number.isInteger(q.scale) && (q.scale as number) >= 2 && (q.scale as number) <= 11))
        return qat + '.scale must be a whole number from 2 to 11'
    }
  }
}

export const isConfig = (config: unknown): config is Config => !checkConfig(config)
