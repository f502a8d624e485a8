// The API behind the page and the token that opens it. The token lives in sessionStorage (gone
// when the tab closes) and travels only in the Authorization header, never in a URL.
const KEY = 'hetki-results-token'

export const token = {
  get: () => sessionStorage.getItem(KEY),
  /** @param {string} t */
  set: (t) => sessionStorage.setItem(KEY, t),
  clear: () => sessionStorage.removeItem(KEY),
}

/** A refusal the page explains: 401 (the token is not known) or 403 (it may not see this). */
export class Refused extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

/**
 * GET a JSON answer of the collector's API with the token.
 * @param {string} path e.g. "/api/scorecards" @param {URLSearchParams} query @param {AbortSignal} [signal]
 */
export async function get(path, query, signal) {
  const t = token.get()
  if (!t) throw new Refused(401, 'Sign in with your token.')
  const res = await fetch(`${path}?${query}`, { headers: { authorization: `Bearer ${t}`, accept: 'application/json' }, signal })
  if (res.status === 401) throw new Refused(401, 'The collector did not accept this token (401). Check it, or ask the collector’s admin for a new one.')
  if (res.status === 403)
    throw new Refused(
      403,
      'This token may not see what was asked for (403): an owner’s token sees only that owner’s touchpoints. Clear the touchpoint and owner filters, or sign in with another token.',
    )
  if (!res.ok) throw new Error(`The collector answered ${res.status} ${res.statusText}.`)
  return res.json()
}
