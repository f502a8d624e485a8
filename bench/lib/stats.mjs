// Summaries of repeated measurements: medians are what the report compares; min and max show the noise.
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { n: sorted.length, min: sorted[0], median, max: sorted.at(-1) }
}
