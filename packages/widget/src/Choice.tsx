import { Component } from 'preact'
import type { ChoiceQuestion } from '../../sdk/src/pure/config/types'
import { pick } from './copy'
import type { Strings } from './strings'

/** The free text of "other" is short by design. */
const OTHER_MAX = 200

interface Props {
  question: ChoiceQuestion
  lang: string
  strings: Strings
  /** The label of the submit button: "Next", or "Send" on the last question. */
  submit: string
  /** The chosen id(s), and the text of "other" when it was chosen and filled in; nothing chosen skips. */
  onAnswer(value: string | string[] | undefined, other: string | undefined): void
}

/**
 * Single (radio buttons: arrows move, as the platform does) or multiple choice (checkboxes), with
 * an optional "other" that asks for a short text. Answered with the submit button or Enter.
 */
export class Choice extends Component<Props, { chosen?: string[]; other?: string }> {
  // Byte trick: the state's starting values as defaults here (Preact starts every state as {}), no constructor.
  override render({ question, lang, strings, submit, onAnswer }: Props, { chosen = [], other = '' }: this['state']) {
    const multiple = !!question.multiple
    const options = (question.options || []).map((o) => ({ id: o.id, label: pick(o.label, lang) }))
    if (question.other) options.push({ id: 'other', label: strings.other })
    const toggle = (id: string, on: boolean) => this.setState({ chosen: multiple ? (on ? [...chosen, id] : chosen.filter((c) => c !== id)) : [id] })
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault()
          const ids = options.map((o) => o.id).filter((id) => chosen.includes(id))
          const text = ids.includes('other') ? other.trim() : ''
          onAnswer(ids.length ? (multiple ? ids : ids[0]) : undefined, text || undefined)
        }}
      >
        <div class="options" role={multiple ? 'group' : 'radiogroup'} aria-labelledby="hetki-q">
          {options.map((o) => (
            <label class="option">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name="hetki-choice"
                value={o.id}
                checked={chosen.includes(o.id)}
                onChange={(e) => toggle(o.id, (e.currentTarget as HTMLInputElement).checked)}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
        {chosen.includes('other') && (
          <input
            class="field"
            type="text"
            aria-label={strings.otherText}
            maxLength={OTHER_MAX}
            value={other}
            onInput={(e) => this.setState({ other: (e.currentTarget as HTMLInputElement).value })}
          />
        )}
        <button type="submit" class="submit">
          {submit}
        </button>
      </form>
    )
  }
}
