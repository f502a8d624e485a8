// GET /api/scorecards and GET /api/texts: the query string read and checked (400 with the reason),
// the token's reach checked (403 for another owner's touchpoints), the counts loaded (query.ts) and,
// for scorecards, turned into the answer by the pure computation (compute.ts).
import type { Config } from '../../../sdk/src/pure/config/types'
import type { Access, ReadRoute, Reply } from '../server/contract'
import { computeScorecards } from './compute'
import type { Filters, ScorecardRequest } from './contract'
import { ParamError, scorecardRequest, textsQuery } from './params'
import { loadScorecardInput, loadTexts, visibleTo, type TextsQuery } from './query'

/** Why a token may not ask for these filters (another owner's touchpoint or owner), or undefined. */
function refusal(config: Config, filters: Filters, access: Access): string | undefined {
  if (access.role !== 'owner') return undefined
  if (filters.owner !== undefined && filters.owner !== access.owner) return `this token reads ${access.owner}'s touchpoints only`
  const visible = visibleTo(config, access) ?? []
  if (filters.touchpoint !== undefined && !visible.includes(filters.touchpoint))
    return `this token reads ${access.owner}'s touchpoints only (${visible.join(', ') || 'none in the config'})`
  return undefined
}

const bad = (e: unknown): Reply => {
  if (e instanceof ParamError) return { status: 400, body: { error: e.message } }
  throw e
}

/**
 * GET /api/scorecards?from=&to=&baseline_from=&baseline_to=&touchpoint=&owner=&survey=&lang=&path=&channel=
 * Per touchpoint and owner: every metric with n and its 95 % interval, response rates, change
 * against the baseline, trends, drop-off, root cause, non-response bias, coverage (contract.ts,
 * Scorecards). An owner's token sees that owner's touchpoints only.
 */
export const scorecardsRoute: ReadRoute = async (_req, url, access, ctx) => {
  let request: ScorecardRequest
  try {
    request = scorecardRequest(url.searchParams, ctx.now())
  } catch (e) {
    return bad(e)
  }
  const refused = refusal(ctx.config, request.filters, access)
  if (refused) return { status: 403, body: { error: refused } }
  const input = await loadScorecardInput(ctx, request, access)
  return { status: 200, headers: { 'cache-control': 'no-store' }, body: computeScorecards(input) }
}

/**
 * GET /api/texts: open-text answers, newest first, with the scores of the same response;
 * `{ texts: OpenText[], next: cursor | null }`. An owner's token sees that owner's touchpoints only.
 */
export const textsRoute: ReadRoute = async (_req, url, access, ctx) => {
  let query: TextsQuery
  try {
    query = textsQuery(url.searchParams)
  } catch (e) {
    return bad(e)
  }
  const refused = refusal(ctx.config, query, access)
  if (refused) return { status: 403, body: { error: refused } }
  return { status: 200, headers: { 'cache-control': 'no-store' }, body: await loadTexts(ctx, query, access) }
}
