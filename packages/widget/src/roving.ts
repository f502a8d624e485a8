/**
 * Arrow keys in a group of buttons (a rating scale, feelings, yes/no): one Tab stop for the whole
 * group, arrows move between its buttons (mirrored right-to-left), Home and End jump to the ends.
 * Enter and Space are the buttons' own.
 */
export function roving(e: KeyboardEvent): void {
  const group = e.currentTarget as HTMLElement
  const buttons = Array.from(group.querySelectorAll('button'))
  const at = buttons.indexOf(e.target as HTMLButtonElement)
  const n = buttons.length
  if (at < 0) return
  const back = getComputedStyle(group).direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft'
  const to =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? n - 1
        : e.key === back || e.key === 'ArrowUp'
          ? (at + n - 1) % n
          : /^Arrow(Right|Left|Down)$/.test(e.key)
            ? (at + 1) % n
            : -1
  if (to < 0) return
  e.preventDefault()
  buttons.forEach((b, i) => (b.tabIndex = i === to ? 0 : -1))
  buttons[to]!.focus()
}
