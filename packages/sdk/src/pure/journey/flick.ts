/** A flick counts when the page goes up by this share of a screen within this many ms. */
const FLICK_SCREENS = 0.5
const FLICK_MS = 400

/**
 * Tells a fast flick back up the page from scrolling while reading: fed each scroll position
 * (`y`, CSS px from the top) with its time in ms and the screen's height, it answers true when the
 * page went up by half a screen or more within the last 400 ms. On a phone, scrolling up brings
 * back the address bar and the tabs, the way out; the sources chunk uses this as the stand-in for
 * exit intent on touch screens, where no pointer leaves the window (docs/rules.md says its limits).
 */
export function flickUp(): (y: number, at: number, screen: number) => boolean {
  let recent: [at: number, y: number][] = []
  return (y, at, screen) => {
    recent.push([at, y])
    // Between two scroll events the page stays put: where it was 400 ms ago is the last position
    // reported before then, however long ago that was (a flick after a pause starts from there).
    while (recent.length > 1 && at - recent[1]![0] >= FLICK_MS) recent.shift()
    return Math.max(...recent.map(([, deepest]) => deepest)) - y >= screen * FLICK_SCREENS
  }
}
