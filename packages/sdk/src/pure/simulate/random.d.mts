/**
 * mulberry32: a small, fast, seedable generator; good enough to spread visits and make test data,
 * not for secrets. The same seed gives the same sequence everywhere.
 * @param seed any number, taken as a 32-bit unsigned integer (default 1)
 * @returns the next number in [0, 1) on each call
 */
export declare function random(seed?: number): () => number
