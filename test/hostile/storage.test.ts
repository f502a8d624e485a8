// Hostile pages, part 3: storage the page (or the browser) takes away. IndexedDB missing, its open
// throwing or failing, writes failing for quota, and Web Storage and cookies whose getters throw
// (blocked site data, sandboxed frames). Hetki carries on from memory: the survey shows and its
// answer is delivered; only pacing cannot outlive the page (docs/pacing.md, docs/hostile-pages.md).
import { describe, expect, it } from 'vitest'
import { useHostile } from './harness'

const h = useHostile()

const BLOCKED: [string, () => void][] = [
  ['indexedDB is undefined', () => Object.defineProperty(window, 'indexedDB', { get: () => undefined })],
  [
    'indexedDB.open throws (SecurityError)',
    () => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('Access to the IndexedDB API is denied in this context.', 'SecurityError')
      }
    },
  ],
  [
    'every open request fails (a private mode)',
    () => {
      IDBFactory.prototype.open = function () {
        const req: any = {
          result: undefined,
          error: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'),
          readyState: 'pending',
        }
        setTimeout(() => {
          req.readyState = 'done'
          req.onerror?.(new Event('error'))
        })
        return req
      }
    },
  ],
  [
    'every write throws QuotaExceededError',
    () => {
      const quota = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      IDBObjectStore.prototype.put = quota
      IDBObjectStore.prototype.add = quota
    },
  ],
  [
    'every write transaction aborts with QuotaExceededError',
    () => {
      const put = IDBObjectStore.prototype.put
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        const req = put.apply(this, args)
        // What a full disk looks like: the write is accepted, then its transaction aborts.
        Object.defineProperty(this.transaction, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') })
        this.transaction.abort()
        return req
      }
    },
  ],
]

/** Web Storage and cookies whose getters throw, as with blocked site data: whatever reads them must be guarded. */
function storageGettersThrow() {
  const deny = () => {
    throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError')
  }
  Object.defineProperty(window, 'localStorage', { get: deny })
  Object.defineProperty(window, 'sessionStorage', { get: deny })
  Object.defineProperty(Document.prototype, 'cookie', { get: deny, set: deny })
}

describe('IndexedDB unavailable or failing', () => {
  it.each(BLOCKED)('%s: the survey shows and the answer is delivered, from memory', async (_, before) => {
    const o = await h.open('idb', { before, config: { sources: { pageViews: true } } })
    await h.answers(o)
    expect(await o.problems()).toEqual([])
    await o.close()
  })
})

describe('values IndexedDB cannot store', () => {
  it('an event property it cannot clone (a function, kept in the trail): no error in the page, the flow works', async () => {
    const o = await h.open('clone', { config: { journey: { props: ['plan'] } } })
    await h.ready(o.page)
    await o.page.evaluate(() => (window as any).hetki.track('cart.viewed', { plan: () => 'pro' }))
    // The journey is saved in a batch, half a second later.
    await o.page.waitForTimeout(700)
    await h.answers(o)
    expect(await o.problems()).toEqual([])
    await o.close()
  })
})

describe('all site data blocked', () => {
  it('no IndexedDB and Web Storage and cookie getters that throw: the flow works; pacing lasts only as long as the page', async () => {
    const before = () => {
      Object.defineProperty(window, 'indexedDB', { get: () => undefined })
      const deny = () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError')
      }
      Object.defineProperty(window, 'localStorage', { get: deny })
      Object.defineProperty(window, 'sessionStorage', { get: deny })
      Object.defineProperty(Document.prototype, 'cookie', { get: deny, set: deny })
    }
    // The debug flag in the URL too, so that a debug-mode read of storage would be exercised.
    const o = await h.open('blocked', { before, config: { sources: { pageViews: true } } })
    await o.page.goto(o.page.url() + '?hetki_debug=1')
    await h.answers(o)
    expect(await o.problems()).toEqual([])
    // Nothing could be kept: after a reload, "once per person" cannot be known, so the survey shows again.
    await o.page.reload()
    await h.ready(o.page)
    await o.page.evaluate(() => (window as any).hetki.track('go'))
    await o.page.locator(`[data-hetki-survey="${o.name}"]`).getByRole('button', { name: 'Yes' }).waitFor()
    expect(await o.problems()).toEqual([])
    await o.close()
  })

  it('with the storage getters throwing, the real origin quota set to zero by the browser: the flow works', async () => {
    const o = await h.open('quota', { before: storageGettersThrow })
    const cdp = await o.page.context().newCDPSession(o.page)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(o.page.url()).origin, quotaSize: 0 })
    await o.page.reload()
    await h.answers(o)
    expect(await o.problems()).toEqual([])
    await o.close()
  })
})
