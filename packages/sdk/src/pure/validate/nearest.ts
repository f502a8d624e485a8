/**
 * Edit distance (insertions, deletions, substitutions, and swaps of two neighbours, the commonest
 * typo: "cuont"), case-insensitive: how far a typo is from a name.
 */
export function distance(a: string, b: string): number {
  a = a.toLowerCase()
  b = b.toLowerCase()
  let before: number[] = []
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] == b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) next[j] = Math.min(next[j]!, before[j - 2]! + 1)
    }
    ;[before, row] = [row, next]
  }
  return row[b.length]!
}

/**
 * The valid name closest to a typo, only when it is close enough to be what was meant (at most a
 * third of the name's letters differ): a wild guess is worse than no suggestion.
 */
export function nearest(typo: string, names: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const name of names) {
    const d = distance(typo, name)
    if (d < bestDistance && d <= Math.max(1, Math.floor(Math.max(typo.length, name.length) / 3))) [best, bestDistance] = [name, d]
  }
  return best
}

/** `did you mean "x"?`, or nothing when no name is close. */
export function didYouMean(typo: string, names: Iterable<string>): string | undefined {
  const name = nearest(typo, names)
  return name === undefined ? undefined : `did you mean "${name}"?`
}
