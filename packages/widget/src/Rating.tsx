import type { RatingQuestion } from '../../sdk/src/pure/config/types'
import { Buttons } from './Buttons'
import { pick } from './copy'
import { Face } from './Face'
import type { Strings } from './strings'

interface Props {
  question: RatingQuestion
  lang: string
  strings: Strings
  onAnswer(value: number): void
}

/**
 * A from…scale rating (CSAT 1–5, CES 1–7, NPS 0–10) as numbers, stars or faces. Every button is
 * named by its number first and the scale ("8 of 10"), the ends also by their label.
 */
export function Rating({ question, lang, strings, onAnswer }: Props) {
  const from = question.from === 0 ? 0 : 1
  const scale = question.scale || 5
  const low = pick(question.lowLabel, lang)
  const high = pick(question.highLabel, lang)
  const display = question.display || 'numbers'
  const items = []
  for (let n = from; n <= scale; n++) {
    const end = n === from ? low : n === scale ? high : ''
    items.push({
      name: n + ' ' + strings.of + ' ' + scale + (end ? ', ' + end : ''),
      face: display === 'stars' ? '★' : display === 'emoji' ? <Face n={Math.round(((n - from) / (scale - from)) * 4)} /> : n,
      value: n,
    })
  }
  return (
    <div>
      <Buttons kind={display} items={items} onPick={(v) => onAnswer(v as number)} />
      {(low || high) && (
        <div class="ends" aria-hidden="true">
          <span>{low}</span>
          <span>{high}</span>
        </div>
      )}
    </div>
  )
}
