import { FEELINGS } from '../../sdk/src/pure/config/feelings'
import type { EmotionOption, EmotionQuestion } from '../../sdk/src/pure/config/types'
import { Buttons } from './Buttons'
import { pick } from './copy'
import { Face } from './Face'
import type { Strings } from './strings'

interface Props {
  question: EmotionQuestion
  lang: string
  strings: Strings
  onAnswer(value: { id: string; weight: number }): void
}

/** The emotion picker: the answer carries the feeling's weight, so a backend can average it into an index. */
export function Emotion({ question, lang, strings, onAnswer }: Props) {
  // A config's own feelings bring their own emoji; the built-in ones (their one home, with their
  // weights: pure/config/feelings.json) are drawn by the faces of Face.tsx, labelled by strings.ts.
  const options: (EmotionOption & { face?: number })[] =
    question.options || FEELINGS.map(({ id, weight }, i) => ({ id, weight, label: strings.feelings[i]!, face: i }))
  return (
    <Buttons
      kind="feel"
      items={options.map((o) => {
        const label = pick(o.label, lang)
        return {
          name: label,
          face: [o.face === undefined ? <span aria-hidden="true">{o.emoji || ''}</span> : <Face n={o.face} />, label],
          value: { id: o.id, weight: o.weight },
        }
      })}
      onPick={onAnswer as (v: unknown) => void}
    />
  )
}
