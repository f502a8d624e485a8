import { Component } from 'preact'
import type { MountOptions } from '../../sdk/src/contracts/widget'
import { Buttons } from './Buttons'
import { Choice } from './Choice'
import { pick, safeUrl } from './copy'
import { Emotion } from './Emotion'
import { ahead, next, progress, type Answers } from './flow'
import { OpenText } from './OpenText'
import { Rating } from './Rating'
import { fill, type Strings } from './strings'
import { expand } from './templates'

/** How long the thank-you stays before the prompt closes itself. */
const THANKS_MS = 2500

/** What the survey renders from: the core's mount options, and the UI strings of their language. */
export interface SurveyProps extends MountOptions {
  /** The UI strings of `lang`, loaded before the survey renders (index.tsx). */
  strings: Strings
}

/**
 * The survey: one question at a time, skipping those whose `when` does not hold, then a thank-you
 * that closes itself. Each answer is handed on as it is given, so a survey left halfway still counts.
 * As a popover or bar it is a non-modal dialog: it appears without taking focus (the customer is in
 * the middle of something), is reachable by Tab, and Escape closes it while focus is inside.
 */
/** Which question is asked (-1: done), its number in the order asked, and whether the survey was announced. */
interface State {
  at: number
  step: number
  announced?: boolean
}

export class Survey extends Component<SurveyProps, State> {
  declare answers: Answers
  declare timers: ReturnType<typeof setTimeout>[]
  declare card?: HTMLElement | null
  /** Whether focus follows to the next question: set when the customer answered from inside the survey. */
  declare refocus?: boolean
  /** Where focus was before the customer tabbed into the survey: it goes back there when the survey closes. */
  declare cameFrom?: HTMLElement | null

  // Byte tricks: a class component with Preact's own setState rather than preact/hooks saves ~750 B
  // gzip; fields set here rather than declared with values, which es2020 output turns into
  // Object.defineProperty helpers.
  constructor(props: SurveyProps) {
    super(props)
    this.answers = {}
    this.timers = []
    this.state = { at: next(props.survey.questions, -1, this.answers), step: 1 }
  }

  close(reason: 'completed' | 'dismissed' = this.state.at < 0 ? 'completed' : 'dismissed') {
    const root = this.card?.getRootNode() as ShadowRoot | undefined
    if (root?.activeElement && this.cameFrom?.isConnected) this.cameFrom.focus()
    this.props.onClose(reason)
  }

  /** Starts the thank-you's timer once the survey is done (at once, when no question is to be asked). */
  thank() {
    if (this.state.at < 0 && !this.timers[1]) this.timers[1] = setTimeout(() => this.close('completed'), THANKS_MS)
  }

  override componentDidMount() {
    // A live region announces what changed after it was rendered, so the survey is announced a tick after it appears.
    this.timers[0] = setTimeout(() => this.setState({ announced: true }), 100)
    this.thank()
  }

  override componentDidUpdate() {
    // Focus follows a customer who is answering; it is never taken when the prompt appears.
    if (this.refocus) {
      this.refocus = false
      this.card?.querySelector<HTMLElement>(this.state.at < 0 ? '.close' : '[tabindex="0"],input,textarea')?.focus()
    }
    this.thank()
  }

  override componentWillUnmount() {
    this.timers.forEach(clearTimeout)
  }

  /** Records the answers to the current question and moves on. */
  advance(given: [string, unknown][]) {
    const { at, step } = this.state
    const answers = this.answers
    for (const [id, value] of given) answers[id] = value
    const to = next(this.props.survey.questions, at, answers)
    given.forEach(([id, value], i) => this.props.onAnswer(id, value, to < 0 && i === given.length - 1))
    const root = this.card?.getRootNode() as ShadowRoot | undefined
    this.refocus = !!root?.activeElement
    this.setState({ at: to, step: step + 1 })
  }

  override render({ survey, lang, strings }: SurveyProps, { at, step, announced }: State) {
    const questions = survey.questions
    const answers = this.answers
    const done = at < 0
    const question = done ? undefined : expand(questions[at]!, strings)
    const id = question?.id || ''
    // A skipped question is answered with null: the backend learns it was seen, and a skipped last question still completes the response.
    const one = (value: unknown) => this.advance([[id, value ?? null]])
    const fates = done ? [] : ahead(questions, at, answers)
    const submit = fates.some((f) => f !== false) ? strings.next : strings.send
    // "Question 2 of 3" only when no branch can change the total (flow.ts).
    const [n, total] = progress(step, fates)
    const props = { lang, strings, submit }
    const link = survey.link && safeUrl(survey.link.url)
    const mode = survey.theme?.mode || 'auto'
    const inline = survey.placement === 'inline'

    return (
      <section
        ref={(el) => void (this.card = el)}
        class={'card ' + mode}
        role={inline ? undefined : 'dialog'}
        aria-labelledby={done ? 'hetki-t' : 'hetki-q'}
        lang={lang}
        onKeyDown={(e) => {
          // Keys typed in the survey are ours: the host page's shortcuts must not fire on them.
          e.stopPropagation()
          if (e.key === 'Escape') this.close()
        }}
        onFocusIn={(e) => {
          const from = e.relatedTarget as HTMLElement | null
          if (from && !this.card?.contains(from)) this.cameFrom = from
        }}
        onKeyUp={(e) => e.stopPropagation()}
        onKeyPress={(e) => e.stopPropagation()}
      >
        <button type="button" class="close" aria-label={strings.close} onClick={() => this.close()}>
          ×
        </button>
        {question && (
          <div key={at}>
            {n && <p class="step">{total ? fill(strings.step, n, total) : fill(strings.stepAt, n)}</p>}
            <h2 id="hetki-q">{pick(question.text, lang)}</h2>
            {question.type === 'rating' ? (
              <Rating question={question} {...props} onAnswer={one} />
            ) : question.type === 'emotion' ? (
              <Emotion question={question} {...props} onAnswer={one} />
            ) : question.type === 'yesno' ? (
              <Buttons
                kind="yesno"
                items={[
                  { name: strings.yes, face: strings.yes, value: true },
                  { name: strings.no, face: strings.no, value: false },
                ]}
                onPick={one}
              />
            ) : question.type === 'choice' ? (
              <Choice
                question={question}
                {...props}
                onAnswer={(value, other) =>
                  this.advance(
                    other
                      ? [
                          [id + '_other', other],
                          [id, value],
                        ]
                      : [[id, value ?? null]],
                  )
                }
              />
            ) : question.type === 'text' ? (
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
}
