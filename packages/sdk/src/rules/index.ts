/**
 * `dist/hetki-rules.js`: the rules stage, a chunk of its own. It is pure, so the core imports it only
 * when an event that some survey listens to happens; pages where none happens never download it.
 */
import type { Decision } from './decide'

export { decide, recheck } from './decide'

/** One line a PM can read: the verdict, then each step with ✓ or ✗ and why. */
export const explain = (d: Decision): string =>
  (d.show ? 'qualifies: ' : 'not shown: ') + d.trace.map((s) => (s.pass ? '✓ ' : '✗ ') + s.step + ' (' + s.why + ')').join(', ')
