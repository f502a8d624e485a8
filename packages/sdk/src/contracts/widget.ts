import type { Survey } from '../pure/config/types'

/** What the core hands the lazily loaded widget. Kept small: it is a contract between two files that may be cached at different versions. */
export interface MountOptions {
  survey: Survey
  lang: string
  /** Called as each answer is given, so partial answers are never lost; `last` when the survey is complete. */
  onAnswer(questionId: string, value: unknown, last: boolean): void
  /** Called once when the prompt goes away: after the thank-you, or closed by the customer. */
  onClose(reason: 'completed' | 'dismissed'): void
}

/** `dist/hetki-widget.js` exports this. `mount` renders into `host` and returns an unmount function. */
export interface WidgetModule {
  mount(host: HTMLElement, options: MountOptions): () => void
}
