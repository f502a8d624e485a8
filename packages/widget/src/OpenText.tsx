import { Component } from 'preact'
import type { TextQuestion } from '../../sdk/src/pure/config/types'
import { pick } from './copy'
import { fill, type Strings } from './strings'

/** Short open text by default; a config may lower or raise the limit up to this. */
const MAX = 2000

interface Props {
  question: TextQuestion
  lang: string
  strings: Strings
  submit: string
  /** The trimmed text; an empty one skips the question. */
  onAnswer(text: string | undefined): void
}

/** Open text with a visible length limit, which the field enforces as the customer types. */
export class OpenText extends Component<Props, { text?: string }> {
  // Byte trick: the state's starting value as a default here (Preact starts every state as {}), no constructor.
  override render({ question, lang, strings, submit, onAnswer }: Props, { text = '' }: this['state']) {
    const limit = Math.min(MAX, Math.max(1, Math.floor(Number(question.maxLength) || 500)))
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault()
          onAnswer(text.trim() || undefined)
        }}
      >
        <textarea
          class="field"
          rows={3}
          maxLength={limit}
          aria-labelledby="hetki-q"
          aria-describedby="hetki-limit"
          placeholder={pick(question.placeholder, lang) || undefined}
          value={text}
          onInput={(e) => this.setState({ text: (e.currentTarget as HTMLTextAreaElement).value })}
        />
        <div class="row">
          <span id="hetki-limit" class="limit">
            {fill(strings.limit, limit)}{' '}
            <span aria-hidden="true">
              ({text.length}/{limit})
            </span>
          </span>
          <button type="submit" class="submit">
            {submit}
          </button>
        </div>
      </form>
    )
  }
}
