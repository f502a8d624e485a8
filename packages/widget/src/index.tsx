/**
 * `dist/hetki-widget.js`: the Preact renderer, imported by the core only when a survey is about to
 * show. Preact is bundled in, so a host page's own Preact (and its option hooks) never touches ours.
 */
import { render } from 'preact'
import type { MountOptions } from '../../sdk/src/widget/contract'
import { isRtl } from './copy'
import { adoptStyles } from './styles'
import { Survey } from './Survey'

export function mount(host: HTMLElement, options: MountOptions): () => void {
  const { placement } = options.survey
  // Placement and direction live on the host element, where the stylesheet's :host rules see them.
  host.setAttribute('data-placement', placement == 'bar' || placement == 'inline' ? placement : 'popover')
  host.dir = isRtl(options.lang) ? 'rtl' : 'ltr'
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' })
  adoptStyles(root, options.survey.theme)
  render(<Survey {...options} />, root)
  return () => render(null, root)
}
