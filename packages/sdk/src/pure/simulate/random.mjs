// The project's one seeded generator. Plain JavaScript (typed by random.d.mts) so that the
// simulator's TypeScript and plain Node scripts (bench/, demo/, the fuzzers) use the same code:
// the same seed gives the same sequence everywhere.

/**
 * mulberry32: a small, fast, seedable generator; good enough to spread visits and make test data,
 * not for secrets.
 * @param {number} [seed] any number, taken as a 32-bit unsigned integer (default 1)
 * @returns {() => number} the next number in [0, 1) on each call
 */
export function random(seed = 1) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
