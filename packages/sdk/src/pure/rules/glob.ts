/**
 * Page-path patterns for PMs: `*` matches anything, everything else is literal. Matched segment by
 * segment, leftmost first, without a regular expression: a pattern with many stars would make a
 * backtracking regex run for minutes on a long path, freezing the host page.
 */
export const glob = (pattern: string, path: string): boolean => {
  const parts = pattern.split('*')
  const last = parts.pop()!
  let at = 0
  for (let i = 0; i < parts.length; i++) {
    const j = path.indexOf(parts[i]!, at)
    if (j < 0 || (!i && j)) return false
    at = j + parts[i]!.length
  }
  return parts.length ? path.length - last.length >= at && path.endsWith(last) : path == last
}
