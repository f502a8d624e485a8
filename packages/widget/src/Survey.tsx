import { useEffect, useState } from 'preact/hooks'
import type { MountOptions } from '../../sdk/src/widget/contract'
import { Rating } from './Rating'
import { stringsFor } from './strings'

/** How long the thank-you stays before the prompt closes itself. */
const THANKS_MS = 2500

/**
 * A non-modal prompt: it appears without taking focus (the customer is in the middle of
 * something), is reachable by Tab, and Escape closes it while focus is inside.
 */
export function Survey({ survey, lang, onAnswer, onClose }: MountOptions) {
  const [index, setIndex] = useState(0)
  const [done, setDone] = useState(false)
  const strings = stringsFor(lang)
  const question = survey.questions[index]!

  useEffect(() => {
    if (!done) return
    const timer = setTimeout(() => onClose('completed'), THANKS_MS)
    return () => clearTimeout(timer)
  }, [done])

  const answer = (value: unknown) => {
    const last = index == survey.questions.length - 1
    onAnswer(question.id, value, last)
    last ? setDone(true) : setIndex(index + 1)
  }

  return (
    <section
      class="card"
      role="dialog"
      aria-labelledby={done ? 'hetki-t' : 'hetki-q'}
      lang={lang}
      onKeyDown={(e) => {
        // Keys typed in the prompt are ours: the host page's shortcuts must not fire on them.
        e.stopPropagation()
        if (e.key == 'Escape') onClose(done ? 'completed' : 'dismissed')
      }}
    >
      <button type="button" class="close" aria-label={strings.close} onClick={() => onClose(done ? 'completed' : 'dismissed')}>
        ×
      </button>
      {!done && (
        <>
          <h2 id="hetki-q">{question.text}</h2>
          <Rating key={question.id} question={question} strings={strings} onAnswer={answer} />
        </>
      )}
      {/* Present from the start, so screen readers announce the thank-you when it is filled in. */}
      <p id="hetki-t" class="thanks" role="status">
        {done ? strings.thanks : ''}
      </p>
    </section>
  )
}
