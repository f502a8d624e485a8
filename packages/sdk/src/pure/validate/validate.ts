import schema from '../../../config.schema.json'
import { backstops } from './backstops'
import type { Problem } from './problem'
import { checkPacingReferences } from './pacing'
import { checkQuestions } from './questions'
import { checkReferences } from './references'
import { checkRules } from './rules'
import { isRecord, type Schema } from './schema'
import { walkSchema } from './walk'

export type { Problem } from './problem'

/** Whether one path is the other or inside it: `surveys[0]` and `surveys[0].trigger.event`. */
const related = (a: string, b: string) =>
  a === b || (a.startsWith(b) && /^[.[]/.test(a.slice(b.length))) || (b.startsWith(a) && /^[.[]/.test(b.slice(a.length)))

/**
 * The order of the config: top-level fields as they appear in it, then by index (surveys[2]
 * before surveys[10]); within one entry, schema problems first, then the semantic ones.
 */
function inConfigOrder(config: unknown, problems: Problem[]): Problem[] {
  const fields = isRecord(config) ? Object.keys(config) : []
  const key = (p: Problem) => {
    const [, field = '', index = '0'] = /^([^.[]*)(?:\[(\d+)\])?/.exec(p.path) || []
    const rank = fields.indexOf(field)
    return [rank < 0 ? fields.length : rank, Number(index)] as const
  }
  return problems
    .map((p, i) => ({ p, i, k: key(p) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map(({ p }) => p)
}

/**
 * Every problem of a config, each with its JSON path, what was expected and a hint: the schema
 * generated from the types (shapes, ranges, unknown fields), then what a schema cannot say
 * (references, duplicates, pacing groups and spacing naming no survey, rules that never hold,
 * missing translations). Pure: no DOM, no Node,
 * no eval, so the debug overlay can run it in the page as well as the `hetki validate` command.
 * Problems come in the order of the config (by survey, then field), errors and warnings mixed.
 */
export function validate(config: unknown): Problem[] {
  const problems = walkSchema(config, schema as Schema)
  const more: Problem[] = []
  if (isRecord(config)) {
    const report = (p: Problem) => void more.push(p)
    checkReferences(config, report)
    checkPacingReferences(config, report)
    checkRules(config, report)
    checkQuestions(config, report)
  }
  // The schema walker's word on a path stands; a second problem at the same place only repeats it.
  for (const p of more) if (!problems.some((q) => q.severity === 'error' && q.path === p.path)) problems.push(p)
  for (const p of backstops(config)) if (!problems.some((q) => q.severity === 'error' && related(q.path, p.path))) problems.push(p)
  return inConfigOrder(config, problems)
}
