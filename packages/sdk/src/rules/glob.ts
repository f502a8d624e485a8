const cache = new Map<string, RegExp>()

/** Page-path patterns for PMs: `*` matches anything, everything else is literal. */
export const glob = (pattern: string, path: string): boolean => {
  let re = cache.get(pattern)
  if (!re) cache.set(pattern, (re = new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$')))
  return re.test(path)
}
