// A tiny element builder. Text always goes in as text nodes (never innerHTML): open-text answers
// are written by customers, and the page runs under a CSP with no inline script anyway.

/**
 * Creates an element. `attrs`: attributes (null/false skipped; `class` and `data-*` included),
 * `on*` functions become listeners. Children: strings, nodes, arrays, null (skipped).
 * @param {string} tag
 * @param {Record<string, unknown> | null} [attrs]
 * @param {...unknown} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), /** @type {EventListener} */ (value))
    else if (key === 'value' && 'value' in el) /** @type {HTMLInputElement} */ (el).value = String(value)
    else el.setAttribute(key, value === true ? '' : String(value))
  }
  append(el, children)
  return el
}

/** @param {Node} el @param {unknown[]} children */
function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(el, child)
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)))
  }
}

/** Replaces the children of `el`. @param {Element} el @param {...unknown} children */
export function fill(el, ...children) {
  el.replaceChildren()
  append(el, children)
}

let ids = 0
/** A unique id for aria-labelledby and label/for pairs. @param {string} prefix */
export const uid = (prefix) => `${prefix}-${++ids}`

/**
 * A table that reflows into one card per row on narrow screens (CSS: table.reflow): every cell
 * carries its column's name in data-label, shown before the value when the header row is hidden.
 * @param {{ caption: string, captionHidden?: boolean, columns: string[], rows: unknown[][], className?: string, numeric?: number[] }} t
 */
export function table({ caption, captionHidden, columns, rows, className, numeric = [] }) {
  return h(
    'table',
    { class: ['reflow', className].filter(Boolean).join(' ') },
    h('caption', { class: captionHidden ? 'visually-hidden' : null }, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        columns.map((c, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, c)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((cells) =>
        h(
          'tr',
          null,
          cells.map((cell, i) =>
            i === 0
              ? h('th', { scope: 'row', 'data-label': columns[i] }, cell)
              : h('td', { 'data-label': columns[i], class: numeric.includes(i) ? 'num' : null }, cell),
          ),
        ),
      ),
    ),
  )
}
