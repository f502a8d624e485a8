/** The eyes most faces share: two short strokes that round caps turn into dots. */
const EYES = 'M9 9.5v1m6-1v1'

/**
 * One path per face, from worst to best, in a 24×24 box around a shared circle: frustrated
 * (squeezed eyes, deep frown), disappointed, neutral, pleased, delighted (smiling eyes, open smile).
 */
const FACES = [
  'M7.5 8.5 10 10l-2.5 1.5m9-3L14 10l2.5 1.5M8 16.5q4-3.5 8 0',
  EYES + 'M8.5 16q3.5-2.5 7 0',
  EYES + 'M8.5 15h7',
  EYES + 'M8.5 14.5q3.5 2.5 7 0',
  'M7.5 10.5q1.5-2 3 0m3 0q1.5-2 3 0M7.5 13.5h9a4.5 4.5 0 0 1-9 0',
]

/**
 * A face drawn as inline SVG rather than an emoji character: the same on every system (no emoji
 * font needed) and drawn in `currentColor`, so it follows the theme. Stroke and size are in the
 * stylesheet. Decorative: the button around it carries the name.
 */
export const Face = ({ n }: { n: number }) => (
  <svg viewBox="0 0 24 24" aria-hidden="true">
    <circle cx="12" cy="12" r="10" />
    <path d={FACES[n]} />
  </svg>
)
