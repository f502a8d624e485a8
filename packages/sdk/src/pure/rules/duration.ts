import type { Duration } from '../config/types'

const UNIT: Record<string, number> = { s: 1e3, m: 6e4, h: 36e5, d: 864e5 }

/** `"30s"`, `"10m"`, `"2h"`, `"7d"` or a number of seconds, in milliseconds; NaN when unreadable. */
export const ms = (d: Duration): number => (typeof d === 'number' ? d * 1e3 : /^\d+(\.\d+)?[smhd]?$/.test(d) ? parseFloat(d) * (UNIT[d.slice(-1)] || 1e3) : NaN)
