/**
 * Keeps a prompt fixed to the bottom of the window above the on-screen keyboard. A phone's keyboard
 * shrinks only the visual viewport (Safari always, Chrome since 108): the layout viewport that
 * `position: fixed; bottom: 0` is measured against stays full height, so the bottom sheet, and the
 * text field the customer is typing into, would sit under the keyboard. The gap between the two
 * viewports' bottoms goes to `--hetki-lift` (the stylesheet adds it to `bottom`), and the visual
 * viewport's height to `--hetki-vh` (the card's max-height, scrolling inside when the keyboard
 * leaves it too little room). A pinch zoom shrinks the visual viewport too, and the prompt then
 * follows the bottom of what the customer sees in the same way. Returns the function that stops
 * following.
 */
export function followKeyboard(host: HTMLElement): () => void {
  const vv = window.visualViewport
  if (!vv) return () => {}
  const place = () => {
    // The layout viewport's height without scroll bars: the root's clientHeight, or the body's in quirks mode.
    const layout = (document.scrollingElement || document.documentElement).clientHeight
    const lift = Math.max(0, Math.round(layout - vv.height - vv.offsetTop))
    host.style.setProperty('--hetki-lift', lift + 'px')
    host.style.setProperty('--hetki-vh', Math.floor(vv.height) + 'px')
  }
  place()
  vv.addEventListener('resize', place)
  vv.addEventListener('scroll', place)
  return () => {
    vv.removeEventListener('resize', place)
    vv.removeEventListener('scroll', place)
  }
}
