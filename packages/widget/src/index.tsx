/**
 * `dist/hetki-widget.js`: the Preact renderer, imported by the core only when a survey is about to
 * show. Preact is bundled in, so a host page's own Preact (and its option hooks) never touches ours.
 */
import { render } from 'preact'
import { useErrorBoundary } from 'preact/hooks'
import type { MountOptions } from '../../sdk/src/contracts/widget'
import { isRtl } from './copy'
import { adoptStyles } from './styles'
import { Survey } from './Survey'

/** Callbacks run inside our event handlers; whatever they throw must not become the page's error. */
const safe =
  <A extends unknown[]>(fn: (...args: A) => void) =>
  (...args: A): void => {
    try {
      fn(...args)
    } catch {}
  }

/** A survey the renderer cannot draw (a config it does not understand) closes instead of breaking. */
function Guarded(options: MountOptions) {
  const [error] = useErrorBoundary(() => options.onClose('dismissed'))
  return error ? null : <Survey {...options} />
}

export function mount(host: HTMLElement, options: MountOptions): () => void {
  const { placement } = options.survey
  // Placement and direction live on the host element, where the stylesheet's :host rules see them.
  host.setAttribute('data-placement', placement == 'bar' || placement == 'inline' ? placement : 'popover')
  host.dir = isRtl(options.lang) ? 'rtl' : 'ltr'
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' })
  adoptStyles(root, options.survey.theme)
  render(<Guarded {...options} onAnswer={safe(options.onAnswer)} onClose={safe(options.onClose)} />, root)
  return () => render(null, root)
}
