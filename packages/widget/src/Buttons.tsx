import type { ComponentChildren } from 'preact'
import { roving } from './roving'

export interface Choice {
  /** The accessible name; it contains the visible text (WCAG 2.5.3). */
  name: string
  face: ComponentChildren
  value: unknown
}

/**
 * One button per possible answer; a click, Enter or Space answers at once. A scale longer than
 * seven points is `long`: on touch screens and narrow ones it wraps into two rows of `--cols`
 * buttons each, so every button stays a comfortable tap target (styles.ts).
 */
export function Buttons({ items, kind, onPick }: { items: Choice[]; kind: string; onPick(value: unknown): void }) {
  const long = kind !== 'feel' && items.length > 7
  return (
    <div
      class={'pick ' + kind + (long ? ' long' : '')}
      style={long ? { '--cols': Math.ceil(items.length / 2) } : undefined}
      role="group"
      aria-labelledby="hetki-q"
      onKeyDown={roving}
    >
      {items.map((item, i) => (
        <button type="button" tabIndex={i ? -1 : 0} aria-label={item.name} onClick={() => onPick(item.value)}>
          {item.face}
        </button>
      ))}
    </div>
  )
}
