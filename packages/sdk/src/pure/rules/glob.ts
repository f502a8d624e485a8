/**
 * Page-path patterns for PMs: `*` matches anything, everything else is literal. Matched segment by
 * segment, leftmost first, without a regular expression: a pattern with many stars would make a
 * backtracking regex run for minutes on a long path, freezing the host page. Each segment is cut
 * from the pattern as it is reached, not split into an array first: the core matches every event's
 * page against the touchpoints' patterns, and split() made that a fifth of a track().
 */
export const glob = (pattern: string, path: string): boolean => {
  let at = 0
  let from = 0
  for (let star: number; (star = pattern.indexOf('*', from)) >= 0; from = star + 1) {
    const part = pattern.slice(from, star)
    const j = path.indexOf(part, at)
    // The first segment is anchored at the start.
    if (j < 0 || (!from && j)) return false
    at = j + part.length
  }
  const last = pattern.slice(from)
  // Without a star, the whole path; else the last segment is anchored at the end, after the others.
  return from ? path.length - last.length >= at && path.endsWith(last) : path === last
}
