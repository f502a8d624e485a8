// Hostile pages, part 6: copy and event properties that look like HTML, links that are not
// http(s), and what Hetki sends and stores, read from Chromium's own network log and storage.
// The XSS pages have no CSP, so that an injected handler would run and set the canary.
import { describe, expect, it } from 'vitest'
import { useHostile, yesno } from './harness'

const h = useHostile()

const XSS = ['<img src=x onerror="window.pwned=1">', '<script>window.pwned=2</script>', '"><svg onload="window.pwned=3">']
const x = XSS.join(' ')

describe('XSS', () => {
  it('survey copy and trail values that look like HTML are inert text; no element, no canary', async () => {
    const o = await h.open('xss', {
      csp: null,
      config: {
        journey: { props: ['note'] },
        surveys: [
          {
            id: 'xss-copy',
            trigger: { event: 'go' },
            thanks: x + ' thanks',
            link: { text: x + ' link', url: 'https://example.com/' },
            questions: [
              { id: 'r', type: 'rating', text: x + ' rating', lowLabel: x + ' low', highLabel: x + ' high' },
              { id: 'c', type: 'choice', text: x + ' choice', options: [{ id: 'a', label: x + ' option' }] },
              { id: 't', type: 'text', text: x + ' text', placeholder: x + ' placeholder' },
            ],
          },
        ],
      },
    })
    await h.ready(o.page)
    await o.page.evaluate((x) => (window as any).hetki.track('go', { note: x }), x)
    const prompt = o.page.locator('[data-hetki-survey="xss-copy"]')
    const inert = async () => {
      expect(await prompt.locator('img, script, svg[onload], [onerror], [onload]').count()).toBe(0)
      expect(await o.page.evaluate(() => (window as any).pwned)).toBeUndefined()
    }
    await prompt.getByRole('dialog', { name: x + ' rating' }).waitFor()
    expect(await prompt.getByText(x + ' low').count()).toBe(1)
    expect(await prompt.getByText(x + ' high').count()).toBe(1)
    await inert()
    await prompt.getByRole('button', { name: /^4\b/ }).click()
    await prompt.getByRole('dialog', { name: x + ' choice' }).waitFor()
    await prompt.getByText(x + ' option').click()
    await inert()
    await prompt
      .getByRole('button', { name: 'Next' })
      .click()
      .catch(() => {})
    await prompt.getByRole('dialog', { name: x + ' text' }).waitFor()
    expect(await prompt.getByRole('textbox').getAttribute('placeholder')).toBe(x + ' placeholder')
    await prompt.getByRole('textbox').fill(x)
    await prompt.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe(x + ' thanks')
    expect(await prompt.getByRole('link').textContent()).toBe(x + ' link')
    await inert()
    const record = await h.stored('xss-copy')
    expect(record.answers).toMatchObject({ r: 4, t: x })
    expect(record.trail.at(-1)).toMatchObject({ event: 'go', props: { note: x } })
    expect(await o.page.locator('img, svg').count()).toBe(0)
    expect(await o.problems()).toEqual([])
    await o.close()
  })

  it.each([
    'javascript:window.pwned=1',
    ' JaVaScRiPt:window.pwned=1',
    '\tjavascript:window.pwned=1',
    'data:text/html,<script>window.pwned=1</script>',
    'vbscript:msgbox(1)',
  ])('a link to %j is refused: no link rendered', async (url) => {
    const o = await h.open('link', { csp: null })
    const name = o.name
    // The same page with a link on its survey.
    await o.close()
    const p = await h.open('link', { csp: null, config: { surveys: [yesno(name + 'l', { link: { text: 'More', url } })] } })
    await h.ready(p.page)
    await p.page.evaluate(() => (window as any).hetki.track('go'))
    const prompt = p.page.locator(`[data-hetki-survey="${name}l"]`)
    await prompt.getByRole('button', { name: 'Yes' }).click()
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Thank you for your answer!')
    expect(await prompt.locator('a').count()).toBe(0)
    expect(await p.page.evaluate(() => (window as any).pwned)).toBeUndefined()
    expect(await p.problems()).toEqual([])
    await p.close()
  })
})

/** Everything Hetki may have stored on this origin: IndexedDB records, Web Storage keys. */
const storedAnything = (o: { page: import('playwright-core').Page }) =>
  o.page.evaluate(async () => {
    const out: string[] = []
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const r = indexedDB.open(name!)
        r.onsuccess = () => done(r.result)
        r.onerror = () => fail(r.error)
      })
      for (const store of db.objectStoreNames) {
        const n = await new Promise<number>((done) => {
          const r = db.transaction(store).objectStore(store).count()
          r.onsuccess = () => done(r.result)
        })
        if (n) out.push(name + '/' + store + ': ' + n)
      }
      db.close()
    }
    for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) out.push('storage: ' + s.key(i))
    return out
  })

describe('privacy, from the network log', () => {
  it('requests only the config, its own chunks and the endpoint; sets no cookie; sends no query string or hash', async () => {
    const o = await h.open('privacy', {
      config: { sources: { pageViews: true }, journey: { props: ['plan'] } },
      before: () => {
        document.cookie = 'shop=1; path=/'
      },
    })
    const posts: string[] = []
    o.page.on('request', (r) => r.method() == 'POST' && posts.push(r.postData() || ''))
    await o.page.goto(o.page.url() + '?email=ann%40example.com&token=s3cret#hash-s3cret')
    await h.answers(o, o.name, { plan: 'pro' })
    const origin = new URL(o.page.url()).origin
    expect(o.requests.every((u) => u.startsWith(origin + '/'))).toBe(true)
    const hetki = [...new Set(o.requests.map((u) => new URL(u).pathname))].filter(
      (p) => !p.startsWith('/hostile/' + o.name + '.html') && p != '/hostile/host.js' && p != '/favicon.ico',
    )
    expect(hetki.sort()).toEqual([
      '/collect',
      '/hetki/hetki-delivery.js',
      '/hetki/hetki-engine.js',
      '/hetki/hetki-sources.js',
      '/hetki/hetki-widget.js',
      '/hetki/hetki.js',
      `/hostile/${o.name}.json`,
    ])
    expect(await o.page.context().cookies()).toEqual([expect.objectContaining({ name: 'shop', value: '1' })])
    expect(await o.page.evaluate(() => document.cookie)).toBe('shop=1')
    expect(posts.length).toBeGreaterThan(0)
    for (const body of posts) {
      expect(body).not.toMatch(/s3cret|ann%40example|ann@example|email=/)
      expect(body).toContain(`"path":"/hostile/${o.name}.html"`)
    }
    expect((await h.stored(o.name)).path).toBe(`/hostile/${o.name}.html`)
    expect(await o.problems()).toEqual([])
    await o.close()
  })

  it('with delivery.fullUrl the query string is sent, as the config asked', async () => {
    const o = await h.open('fullurl', { config: { delivery: { fullUrl: true } } })
    const posts: string[] = []
    o.page.on('request', (r) => r.method() == 'POST' && posts.push(r.postData() || ''))
    await o.page.goto(o.page.url() + '?ref=mail')
    await h.answers(o)
    expect(posts.some((b) => b.includes('?ref=mail'))).toBe(true)
    await o.close()
  })

  it('with requireConsent: nothing stored, requested or shown before consent; after consent(false) nothing is left', async () => {
    const o = await h.open('consent', { config: { requireConsent: true, sources: { pageViews: true } } })
    await h.ready(o.page)
    await o.page.evaluate(() => {
      const hetki = (window as any).hetki
      hetki.track('go')
      hetki.track('before.consent')
      hetki.show(document.title.replace('Hostile: ', ''))
    })
    await h.hostWorks(o.page)
    expect(await o.page.locator('hetki-survey').count()).toBe(0)
    expect(await o.page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0)
    expect(await storedAnything(o)).toEqual([])
    // Nothing sent, and no engine, widget or sender loaded. (The sources chunk does load: it sends
    // nothing, and its events are dropped until consent; see docs/hostile-pages.md.)
    expect(o.requests.filter((u) => /hetki-(engine|widget|delivery)|\/collect/.test(u))).toEqual([])
    await o.page.evaluate(() => (window as any).hetki.consent(true))
    const record = await h.answers(o)
    // What the customer did before saying yes is not part of the journey sent with the answer.
    expect(JSON.stringify(record.trail)).not.toContain('before.consent')
    expect(JSON.stringify(record.trail)).toContain('"go"')
    expect((await storedAnything(o)).length).toBeGreaterThan(0)
    await o.page.evaluate(() => (window as any).hetki.consent(false))
    await expect.poll(() => storedAnything(o)).toEqual([])
    expect(await o.page.context().cookies()).toEqual([])
    expect(await o.problems()).toEqual([])
    await o.close()
  })
})
