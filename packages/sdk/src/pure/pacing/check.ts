/** Pacing fields that are a number ≥ 0: days, minutes or counts. */
const NUMBERS = ['cooldownDays', 'maxPerSession', 'sessionMinutes', 'snoozeDays', 'maxResponses']

/**
 * The full check of a `pacing` object, the config's (`at` = "pacing") or a survey's (`at` =
 * "surveys[2].pacing"), for the config validator and the debug tools. Returns the first problem
 * with its path, or nothing. It is not in the core's `checkConfig`, whose job is only to refuse
 * what the SDK cannot run with: pacing runs with anything (a number given as a string still
 * counts, an unknown `frequency` counts as "once", which never nags), and every byte of the core
 * is paid by every visitor.
 */
export function checkPacing(pacing: unknown, at: string): string | undefined {
  if (pacing === undefined) return
  const p = pacing as Record<string, unknown> & { frequency?: unknown; maxPer?: { surveys?: unknown; days?: unknown } }
  if (!p || typeof p !== 'object' || Array.isArray(p)) return at + ' must be an object'
  const number = (v: unknown) => v === undefined || (typeof v === 'number' && v >= 0)
  for (const k of NUMBERS) if (!number(p[k])) return at + '.' + k + ' must be a number ≥ 0'
  const f = p.frequency as { everyDays?: unknown } | string | undefined
  if (!(f === undefined || f === 'once' || f === 'untilAnswered' || (typeof f === 'object' && f && number(f.everyDays) && (f.everyDays as number) > 0)))
    return at + '.frequency must be "once", "untilAnswered" or { "everyDays": N } with N > 0'
  const cap = p.maxPer
  if (cap !== undefined && !(cap && typeof cap.surveys === 'number' && cap.surveys >= 1 && typeof cap.days === 'number' && cap.days > 0))
    return at + '.maxPer must be { "surveys": N, "days": D } with N ≥ 1 and D > 0'
  if (p.ignoreCooldown !== undefined && typeof p.ignoreCooldown !== 'boolean') return at + '.ignoreCooldown must be true or false'
}
