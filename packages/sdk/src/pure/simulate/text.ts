import { RULES } from '../rules/words'
import type { Code } from '../rules/trace'
import type { Change } from './compare'
import type { Forecast, Spread } from './forecast'

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const dec = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const pct = (n: number) => (n * 100).toLocaleString('en-US', { maximumFractionDigits: 1 }) + ' %'
const spread = (s: Spread) => s.median + ' / ' + s.p95 + ' / ' + s.max
const rule = (code: string, group?: string) => (code === 'group' ? `group "${group}" cooldownDays` : (RULES[code as Code] ?? code))

/** Columns padded to their widest cell; columns of figures (the first row may be a header) right-aligned. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const figure = (c: string) => /^[\d.,/ +—-]*( %)?$/.test(c)
  const numeric = widths.map((_, i) => i > 0 && rows.slice(1).every((r) => figure(r[i]!)) && rows.some((r) => /\d/.test(r[i]!)))
  return rows.map((r) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  )
}

/** The forecast as a PM reads it (`hetki simulate` without `--json`). */
export function forecastText(f: Forecast, name: string): string {
  const j = f.journeys
  const o = f.overall
  const out = [
    `Forecast for ${name}: ${int(j.people)} people, ${int(j.events)} events over ${j.days} days (${dec(j.weeks)} weeks); response rate ${pct(f.responseRate)}.`,
    '',
    `Asked at least once: ${int(o.people)} people (${pct(o.share)}), ${int(o.prompts)} prompts, about ${int(o.answers)} answers.`,
    `Prompts per person per week (the weeks they visited), median / p95 / max: ${spread(o.perPersonWeek)}.`,
    '',
    ...table([
      ['survey', 'touchpoint', 'triggered', 'rules held', 'prompts', 'people', 'per person-week', 'answers/week'],
      ...f.surveys.map((s) => [
        s.id,
        s.touchpoint ?? '—',
        int(s.triggered),
        int(s.qualified),
        int(s.prompts),
        int(s.people),
        spread(s.perPersonWeek),
        dec(s.answersPerWeek),
      ]),
    ]),
  ]
  if (f.touchpoints.length) {
    out.push('', `Answers per touchpoint per week at ${pct(f.responseRate)}, and weeks until a ±10-point interval:`)
    out.push(
      ...table(
        f.touchpoints.map((t) => [
          '  ' + t.id,
          dec(t.answersPerWeek) + ' a week',
          t.metric ? `${t.metric.toUpperCase()} needs ${t.needed}` : t.surveys.length ? 'no score asked' : 'no survey',
          t.metric ? (t.weeks === null ? 'never at this rate' : dec(t.weeks) + ' weeks') : '',
        ]),
      ),
    )
  }
  const starved = f.surveys.filter((s) => s.blockedBy.length)
  if (starved.length) {
    out.push('', 'Starved by other surveys (times its rules held but another survey kept it away):')
    for (const s of starved) out.push(`  ${s.id}: ` + s.blockedBy.map((b) => `${int(b.times)}× by ${b.survey} (${rule(b.code)})`).join(', '))
  }
  if (o.caps.length) {
    out.push('', 'Pacing rules that bind (times a survey whose rules held was refused):')
    out.push(...table(o.caps.map((c) => ['  ' + rule(c.code, c.group), int(c.times)])))
  } else out.push('', 'No pacing rule refused a survey whose rules held.')
  return out.join('\n') + '\n'
}

/** What changed against an earlier config or forecast (`--against`). */
export function changesText(changes: Change[], name: string): string {
  if (!changes.length) return `Against ${name}: no difference.\n`
  const share = (c: Change) => c.field === 'share'
  const figure = (c: Change, n: number | null) => (n === null ? '—' : share(c) ? pct(n) : Number.isInteger(n) ? int(n) : dec(n))
  const delta = (c: Change) => {
    if (c.before === null || c.after === null) return ''
    const d = c.after - c.before
    return (d > 0 ? '+' : '') + (share(c) ? (d * 100).toFixed(1) + ' points' : Number.isInteger(d) ? int(d) : dec(d))
  }
  return (
    [
      `Against ${name}:`,
      ...table([
        ['', 'figure', 'before', 'after', 'change'],
        ...changes.map((c) => ['  ' + (c.scope === 'overall' ? 'overall' : c.scope + ' ' + c.id), c.field, figure(c, c.before), figure(c, c.after), delta(c)]),
      ]),
    ].join('\n') + '\n'
  )
}
