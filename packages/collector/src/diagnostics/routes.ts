// GET /api/diagnostics: the query string read (the scorecards' period and filters, 400 with the
// reason), the token's reach checked (403 for another owner's touchpoints or surveys), the sums
// loaded (query.ts) and turned into funnels (compute.ts).
import type { Config } from '../../../sdk/src/pure/config/types'
import { ParamError, scorecardRequest } from '../scorecards/params'
import { touchpointScope, visibleTo } from '../scorecards/query'
import type { Filters } from '../scorecards/contract'
import type { Access, ReadRoute } from '../server/contract'
import { computeDiagnostics } from './compute'
import { loadDiagnostics } from './query'

/** Why a token may not ask for these filters, or undefined. */
function refusal(config: Config, filters: Filters, access: Access): string | undefined {
  if (access.role !== 'owner') return undefined
  const visible = visibleTo(config, access) ?? []
  const only = `this token reads ${access.owner}'s touchpoints only`
  if (filters.owner !== undefined && filters.owner !== access.owner) return only
  if (filters.touchpoint !== undefined && !visible.includes(filters.touchpoint)) return only
  if (filters.survey !== undefined) {
    const survey = (config.surveys ?? []).find((s) => s.id === filters.survey)
    if (!survey?.touchpoint || !visible.includes(survey.touchpoint)) return only
  }
  return undefined
}

/**
 * The surveys a request may see, after the token and the filters: undefined means any (the admin
 * with no touchpoint-shaped filter: surveys the config does not name included). An owner sees the
 * surveys of their touchpoints, as the collector's config says, never as a browser said.
 */
export function surveyScope(config: Config, filters: Filters, access: Access): string[] | undefined {
  const touchpoints = touchpointScope(config, filters, access)
  let surveys = touchpoints && (config.surveys ?? []).filter((s) => s.touchpoint && touchpoints.includes(s.touchpoint)).map((s) => s.id)
  if (filters.survey !== undefined) surveys = surveys ? surveys.filter((id) => id === filters.survey) : [filters.survey]
  return surveys
}

/**
 * GET /api/diagnostics?from=&to=&survey=&touchpoint=&owner=&channel= (lang and path do not apply:
 * diagnostics carry neither). Per survey over the period, the "why not shown" funnel, its reasons,
 * the devices reporting and whether that is enough to read (contract.ts, Diagnostics).
 */
export const diagnosticsRoute: ReadRoute = async (_req, url, access, ctx) => {
  let period: { from: string; to: string }
  let filters: Filters
  try {
    ;({ period, filters } = scorecardRequest(url.searchParams, ctx.now()))
  } catch (e) {
    if (e instanceof ParamError) return { status: 400, body: { error: e.message } }
    throw e
  }
  const refused = refusal(ctx.config, filters, access)
  if (refused) return { status: 403, body: { error: refused } }
  const input = await loadDiagnostics(ctx.store.db, period.from.slice(0, 10), period.to.slice(0, 10), surveyScope(ctx.config, filters, access))
  return { status: 200, headers: { 'cache-control': 'no-store' }, body: computeDiagnostics(ctx.config, period, input) }
}
