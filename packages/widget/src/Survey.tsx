import { useEffect, useRef, useState } from 'preact/hooks'
import type { MountOptions } from '../../sdk/src/contracts/widget'
import { Buttons } from './Buttons'
import { Choice } from './Choice'
import { pick, safeUrl } from './copy'
import { Emotion } from './Emotion'
import { next, remaining, type Answers } from './flow'
import { OpenText } from './OpenText'
import { Rating } from './Rating'
import { fill, stringsFor } from './strings'
import { expand } from './templates'

/** How long the thank-you stays before the prompt closes itself. */
const THANKS_MS = 2500

/**
 * The survey: one question at a time, skipping those whose `when` does not hold, then a thank-you
 * that closes itself. Each answer is handed on as it is given, so a survey left halfway still counts.
 * As a popover or bar it is a non-modal dialog: it appears without taking focus (the customer is in
 * the middle of something), is reachable by Tab, and Escape closes it while focus is inside.
 */
export function Survey({ survey, lang, onAnswer, onClose }: MountOptions) {
  const strings = stringsFor(lang)
  const questions = survey.questions
  const answers = useRef<Answers>({}).current
  const [at, setAt] = useState(() => next(questions, -1, answers))
  const [step, setStep] = useState(1)
  const card = useRef<HTMLElement>(null)
  const refocus = useRef(false)
  /** Where focus was before the customer tabbed into the survey: it goes back there when the survey closes. */
  const cameFrom = useRef<HTMLElement | null>(null)
  const [announced, setAnnounced] = useState(false)
  const done = at < 0
  const close = (reason: 'completed' | 'dismissed' = done ? 'completed' : 'dismissed') => {
    const root = card.current?.getRootNode() as ShadowRoot | undefined
    if (root?.activeElement && cameFrom.current?.isConnected) cameFrom.current.focus()
    onClose(reason)
  }

  // A live region announces what changed after it was rendered, so the survey is announced a tick after it appears.
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(true), 100)
    return () => clearTimeout(timer)
  }, [])

  // Focus follows a customer who is answering; it is never taken when the prompt appears.
  useEffect(() => {
    if (!refocus.current) return
    refocus.current = false
    card.current?.querySelector<HTMLElement>(done ? '.close' : '[tabindex="0"],input,textarea')?.focus()
  }, [at])

  useEffect(() => {
    if (!done) return
    const timer = setTimeout(() => close('completed'), THANKS_MS)
    return () => clearTimeout(timer)
  }, [done])

  /** Records the answers to the current question and moves on. */
  const advance = (given: [string, unknown][]) => {
    for (const [id, value] of given) answers[id] = value
    const to = next(questions, at, answers)
    given.forEach(([id, value], i) => onAnswer(id, value, to < 0 && i == given.length - 1))
    const root = card.current?.getRootNode() as ShadowRoot | undefined
    refocus.current = !!root?.activeElement
    setAt(to)
    setStep(step + 1)
  }

  const question = done ? undefined : expand(questions[at]!, strings)
  const id = question?.id || ''
  // A skipped question is answered with null: the backend learns it was seen, and a skipped last question still completes the response.
  const one = (value: unknown) => advance([[id, value ?? null]])
  const last = !remaining(questions, at, answers)
  const submit = last ? strings.send : strings.next
  const total = step + remaining(questions, at, answers)
  const props = { lang, strings, submit }
  const link = survey.link && safeUrl(survey.link.url)
  const mode = survey.theme?.mode || 'auto'
  const inline = survey.placement == 'inline'

  return (
    <section
      ref={card}
      class={'card ' + mode}
      role={inline ? undefined : 'dialog'}
      aria-labelledby={done ? 'hetki-t' : 'hetki-q'}
      lang={lang}
      onKeyDown={(e) => {
        // Keys typed in the survey are ours: the host page's shortcuts must not fire on them.
        e.stopPropagation()
        if (e.key == 'Escape') close()
      }}
      onFocusIn={(e) => {
        const from = e.relatedTarget as HTMLElement | null
        if (from && !card.current?.contains(from)) cameFrom.current = from
      }}
      onKeyUp={(e) => e.stopPropagation()}
      onKeyPress={(e) => e.stopPropagation()}
    >
      <button type="button" class="close" aria-label={strings.close} onClick={() => close()}>
        ×
      </button>
      {question && (
        <div key={at}>
          {total > 1 && <p class="step">{fill(strings.step, step, total)}</p>}
          <h2 id="hetki-q">{pick(question.text, lang)}</h2>
          {question.type == 'rating' ? (
            <Rating question={question} {...props} onAnswer={one} />
          ) : question.type == 'emotion' ? (
            <Emotion question={question} {...props} onAnswer={one} />
          ) : question.type == 'yesno' ? (
            <Buttons
              kind="yesno"
              items={[
                { name: strings.yes, face: strings.yes, value: true },
                { name: strings.no, face: strings.no, value: false },
              ]}
              onPick={one}
            />
          ) : question.type == 'choice' ? (
            <Choice
              question={question}
              {...props}
              onAnswer={(value, other) =>
                advance(other ? [[id + '_other', other], [id, value]] : [[id, value ?? null]])
              }
            />
          ) : question.type == 'text' ? (
            <OpenText question={question} {...props} onAnswer={one} />
          ) : null}
        </div>
      )}
      {/* Present from the start, so screen readers announce the thank-you when it is filled in. */}
      <p id="hetki-t" class={done ? 'thanks' : 'sr'} role="status">
        {done ? pick(survey.thanks, lang) || strings.thanks : announced && question ? fill(strings.opened, pick(question.text, lang)) : ''}
      </p>
      {done && link && (
        <a class="link" href={link} target="_blank" rel="noopener noreferrer">
          {pick(survey.link!.text, lang) || link}
        </a>
      )}
    </section>
  )
}
