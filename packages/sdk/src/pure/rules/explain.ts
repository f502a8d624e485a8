import type { Decision } from './decide'

/** One line a PM can read: the verdict, then each step with ✓ or ✗ and why. */
export const explain = (d: Decision): string =>
  (d.show ? 'qualifies: ' : 'not shown: ') + d.trace.map((s) => (s.pass ? '✓ ' : '✗ ') + s.step + ' (' + s.why + ')').join(', ')
