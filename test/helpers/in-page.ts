// Functions that run in the page, written once for both kinds of browser test: Playwright's
// `page.evaluate(fn)` (test/helpers, Chromium) and an engine suite's `win.evaluate(fn)`
// (test/engines, every engine). Each is sent to the page as its source text, so it uses nothing
// from this file's scope.

/** The accessible name (or text) of the focused element, looking through open shadow roots. */
export const focusedName = (): string => {
  let el = document.activeElement
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
  return (el && (el.getAttribute('aria-label') || (el as HTMLElement).innerText?.trim() || el.tagName.toLowerCase())) || ''
}

/**
 * Resolves once the page has rendered what the last key did: the widget moves focus in an effect
 * that runs after the next paint, so the next key must wait for two frames and a task, or it lands
 * on the old focus.
 */
export const nextRender = (): Promise<void> => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))))

/**
 * How many records the page's outbox still holds, not counting the eviction counter. It closes the
 * database it opened, so that it never holds up the SDK's own connections.
 */
export const outboxSize = (): Promise<number> =>
  new Promise<number>((resolve, reject) => {
    const req = indexedDB.open('hetki-outbox')
    req.onerror = () => reject(req.error)
    req.onsuccess = () => {
      const db = req.result
      if (!db.objectStoreNames.contains('kv')) return (db.close(), resolve(0))
      const keys = db.transaction('kv').objectStore('kv').getAllKeys()
      keys.onsuccess = () => (db.close(), resolve(keys.result.filter((k) => k != '~dropped').length))
    }
  })
