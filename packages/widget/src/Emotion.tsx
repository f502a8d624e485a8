import type { EmotionQuestion } from '../../sdk/src/pure/config/types'
import { Buttons } from './Buttons'
import { pick } from './copy'
import type { Strings } from './strings'

/** The built-in feelings, from worst to best; their labels are in strings.ts. */
const FEELINGS = [
  ['frustrated', '😣', -100],
  ['disappointed', '🙁', -50],
  ['neutral', '😐', 0],
  ['pleased', '🙂', 50],
  ['delighted', '😄', 100],
] as const

interface Props {
  question: EmotionQuestion
  lang: string
  strings: Strings
  onAnswer(value: { id: string; weight: number }): void
}

/** The emotion picker: the answer carries the feeling's weight, so a backend can average it into an index. */
export function Emotion({ question, lang, strings, onAnswer }: Props) {
  const options =
    question.options || FEELINGS.map(([id, emoji, weight], i) => ({ id, emoji, weight, label: strings.feelings[i]! }))
  return (
    <Buttons
      kind="feel"
      items={options.map((o) => {
        const label = pick(o.label, lang)
        return {
          name: label,
          face: [<span aria-hidden="true">{o.emoji || ''}</span>, label],
          value: { id: o.id, weight: o.weight },
        }
      })}
      onPick={onAnswer as (v: unknown) => void}
    />
  )
}
