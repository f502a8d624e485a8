// Human names for events and touchpoints: the server config's labels first, then the touchpoint's
// own name in the Hetki config, the code name only as a fallback (issue 17: no `help.article_read`
// on an owner's page when someone has named it).
import type { Config, Touchpoint } from '../../../sdk/src/pure/config/types'

export interface Names {
  event(event: string): string
  touchpoint(id: string | null): string
  owner(id: string | null): string | null
  find(id: string | null): Touchpoint | undefined
}

/** The name to show for a touchpoint that has none: responses whose survey names no touchpoint. */
export const NO_TOUCHPOINT = 'No touchpoint'

export function names(config: Config, labels: Record<string, string>): Names {
  const byId = new Map((config.touchpoints ?? []).map((t) => [t.id, t]))
  const own = (key: string): string | undefined =>
    Object.prototype.hasOwnProperty.call(labels, key) && typeof labels[key] === 'string' && labels[key] ? labels[key] : undefined
  return {
    event: (event) => own(event) ?? event,
    touchpoint: (id) => (id === null ? NO_TOUCHPOINT : (own(id) ?? byId.get(id)?.name ?? id)),
    owner: (id) => (id === null ? null : (byId.get(id)?.owner ?? null)),
    find: (id) => (id === null ? undefined : byId.get(id)),
  }
}
