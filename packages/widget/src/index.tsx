/**
 * `dist/hetki-widget.js`: the Preact renderer, imported by the core only when a survey is about to
 * show. Preact is bundled in, so a host page's own Preact (and its option hooks) never touches ours.
 */
import { Component, render } from 'preact'
import type { MountOptions } from '../../sdk/src/contracts/widget'
import { isRtl } from './copy'
import { followKeyboard } from './keyboard'
import { loadStrings, stringsFor } from './strings'
import { adoptStyles } from './styles'
import { Survey, type SurveyProps } from './Survey'

/** Callbacks run inside our event handlers; whatever they throw must not become the page's error. */
const safe =
  <A extends unknown[]>(fn: (...args: A) => void) =>
  (...args: A): void => {
    try {
      fn(...args)
    } catch {}
  }

/** A survey the renderer cannot draw (a config it does not understand) closes instead of breaking. */
class Guarded extends Component<SurveyProps, { failed?: boolean }> {
  override componentDidCatch() {
    this.props.onClose('dismissed')
    // Preact counts the error as handled when the boundary has asked to render again.
    this.setState({ failed: true })
  }
  override render(props: SurveyProps, state: { failed?: boolean }) {
    return state.failed ? null : <Survey {...props} />
  }
}

/**
 * Renders the survey into `host`'s shadow root, once the UI strings of its language are there
 * (English at once; another language after its locale file, a few hundred bytes, has loaded).
 * When the language came from the page's `<html lang>`, the survey follows that attribute as the
 * page switches language, keeping its place and answers.
 */
export function mount(host: HTMLElement, options: MountOptions): () => void {
  const { placement } = options.survey
  // Placement and direction live on the host element, where the stylesheet's :host rules see them.
  host.setAttribute('data-placement', placement === 'bar' || placement === 'inline' ? placement : 'popover')
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' })
  adoptStyles(root, options.survey.theme)
  const html = document.documentElement
  let lang = options.lang
  let live = true
  const props = { ...options, onAnswer: safe(options.onAnswer), onClose: safe(options.onClose) }
  const show = () => {
    const want = lang
    const draw = () => {
      if (!live || want !== lang) return
      host.dir = isRtl(lang) ? 'rtl' : 'ltr'
      render(<Guarded {...props} lang={lang} strings={stringsFor(lang)} />, root)
    }
    const loading = loadStrings(lang)
    loading ? loading.then(draw) : draw()
  }
  // A config's own `lang` wins over the page's; the page's is followed only if it was the source.
  const follow = !html.lang || html.lang === lang
  const watch = new MutationObserver(() => {
    if (html.lang && html.lang !== lang) (lang = html.lang), show()
  })
  if (follow) watch.observe(html, { attributes: true, attributeFilter: ['lang'] })
  const unfollow = placement === 'inline' ? () => {} : followKeyboard(host)
  show()
  return () => {
    live = false
    watch.disconnect()
    unfollow()
    render(null, root)
  }
}
