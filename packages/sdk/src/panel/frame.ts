import { el } from './render'
import { adoptStyles } from './styles'

const COLLAPSED_KEY = 'hetki_debug_collapsed'

/** Folded unless the PM unfolded it in this tab: a one-line pill in a corner covers no page content. */
const stored = (): boolean => {
  try {
    return sessionStorage.getItem(COLLAPSED_KEY) !== '0'
  } catch {
    return true
  }
}

const store = (collapsed: boolean) => {
  try {
    sessionStorage.setItem(COLLAPSED_KEY, collapsed ? '1' : '0')
  } catch {}
}

/**
 * The panel around what the overlay says: a `<hetki-debug>` host with its own shadow root, a
 * header button that unfolds and folds it (remembered for the tab; folded at first), and a
 * scrolling body ending with `footer` and how to turn debug mode off. Nothing in it takes focus by itself.
 */
export function frame(off: string, ...footer: Node[]) {
  const host = el('hetki-debug')
  const root = host.attachShadow({ mode: 'open' })
  adoptStyles(root)
  const count = el('span', { class: 'count' })
  const toggle = el('button', { class: 'toggle', 'aria-controls': 'hetki-debug-body' }, 'Hetki debug ', count)
  const content = el('div')
  const body = el('div', { class: 'body', id: 'hetki-debug-body' }, content, ...footer, el('p', { class: 'muted' }, 'Turn off: ' + off))
  const panel = el('section', { class: 'panel', 'aria-label': 'Hetki debug' }, el('div', { class: 'head' }, toggle), body)
  root.append(panel)

  const collapse = (collapsed: boolean) => {
    body.hidden = collapsed
    panel.classList.toggle('folded', collapsed)
    toggle.setAttribute('aria-expanded', String(!collapsed))
    store(collapsed)
  }
  collapse(stored())
  toggle.addEventListener('click', () => collapse(!body.hidden))
  ;(document.body || document.documentElement).append(host)
  return { host, root, count, content }
}
