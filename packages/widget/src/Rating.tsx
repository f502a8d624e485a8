import type { Question } from '../../sdk/src/config/types'
import type { Strings } from './strings'

interface Props {
  question: Question
  strings: Strings
  onAnswer(value: number): void
}

/** A 1…scale rating: one button per point, each named by its number first ("4 of 5, …"). */
export function Rating({ question, strings, onAnswer }: Props) {
  const scale = question.scale || 5
  const points = Array.from({ length: scale }, (_, i) => i + 1)
  const label = (n: number) =>
    n + ' ' + strings.of + ' ' + scale +
    (n == 1 && question.lowLabel ? ', ' + question.lowLabel : n == scale && question.highLabel ? ', ' + question.highLabel : '')
  return (
    <div>
      <div class="scale" role="group" aria-labelledby="hetki-q">
        {points.map((n) => (
          <button type="button" aria-label={label(n)} onClick={() => onAnswer(n)}>
            {n}
          </button>
        ))}
      </div>
      {(question.lowLabel || question.highLabel) && (
        <div class="ends" aria-hidden="true">
          <span>{question.lowLabel}</span>
          <span>{question.highLabel}</span>
        </div>
      )}
    </div>
  )
}
