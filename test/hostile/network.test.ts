// Hostile pages, part 4: the network. Offline when the answer is given, an endpoint that never
// answers, a config URL that takes its time, a widget chunk that is missing. The page never waits
// for Hetki, never sees an error from it, and answers are delivered once the network allows.
import { readFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { leftInOutbox, sdkErrors } from '../helpers/survey'
import { useHostile } from './harness'

const h = useHostile()

/** Requests held without an answer until released. */
const held = { collect: true, config: true, widget404: true }
const hanging: ServerResponse[] = []
let slowCollects = 0
const dist = new URL('../../dist/', import.meta.url)

h.hooks.push(async (req, res) => {
  const path = new URL(req.url!, 'http://x').pathname
  if (path == '/slow/collect') {
    slowCollects++
    if (held.collect) return (hanging.push(res), true)
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const { records, dropped } = JSON.parse(Buffer.concat(chunks).toString())
    await h.env.demo.store.save(records, dropped)
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    return true
  }
  if (path == '/slow/config.json' && held.config) return (hanging.push(res), true)
  // A folder of chunks where the widget is missing (a deploy that forgot it) until `widget404` is off.
  if (path.startsWith('/chunks/')) {
    const file = path.slice('/chunks/'.length)
    if (file == 'hetki-widget.js' && held.widget404) return (res.writeHead(404).end(), true)
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(new URL(file, dist)))
    return true
  }
  return false
})
const release = () => hanging.splice(0).forEach((r) => r.destroy())

describe('the network', () => {
  it('offline when the customer answers: the answer waits in the outbox and is delivered when the browser is back online', async () => {
    const o = await h.open('offline')
    await h.ready(o.page)
    await o.page.evaluate(() => (window as any).hetki.track('go'))
    const prompt = o.page.locator(`[data-hetki-survey="${o.name}"]`)
    await prompt.getByRole('button', { name: 'Yes' }).waitFor()
    await o.page.context().setOffline(true)
    await prompt.getByRole('button', { name: 'Yes' }).click()
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Thank you for your answer!')
    await expect.poll(() => leftInOutbox(o.page)).toBeGreaterThan(0)
    await h.hostWorks(o.page)
    expect((await h.env.demo.store.all()).find((r) => r.survey_id == o.name)).toBeUndefined()
    await o.page.context().setOffline(false)
    expect((await h.stored(o.name)).answers).toEqual({ q: true })
    expect(sdkErrors(await o.problems())).toEqual([])
    await o.close()
  })

  it('an endpoint that never answers: the page stays responsive and loads again; the answer is kept and delivered when it recovers', async () => {
    const o = await h.open('hang', { config: { endpoint: '/slow/collect', delivery: { timeout: 2 } } })
    await h.ready(o.page)
    await o.page.evaluate(() => (window as any).hetki.track('go'))
    const prompt = o.page.locator(`[data-hetki-survey="${o.name}"]`)
    await prompt.getByRole('button', { name: 'Yes' }).click()
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Thank you for your answer!')
    await expect.poll(() => slowCollects).toBeGreaterThan(0)
    await h.hostWorks(o.page)
    // A new page load is not held up by the hanging request, and the answer is still kept.
    await o.page.reload({ waitUntil: 'load' })
    await h.ready(o.page)
    await h.hostWorks(o.page)
    expect(await leftInOutbox(o.page)).toBeGreaterThan(0)
    held.collect = false
    release()
    expect((await h.stored(o.name, 30_000)).answers).toEqual({ q: true })
    await expect.poll(() => leftInOutbox(o.page)).toBe(0)
    expect(sdkErrors(await o.problems())).toEqual([])
    await o.close()
  })

  it('a config URL that takes its time: the page loads without it, calls made meanwhile wait, and run when it arrives', async () => {
    const o = await h.open('slowconfig', {
      hetki: '<script async src="/hetki/hetki.js" data-config="/slow/config.json"></script>',
    })
    h.files.set('/slow/config.json', h.files.get('/hostile/' + o.name + '.json')!)
    // page.goto in open() resolved on `load`: the config was still pending then.
    await h.ready(o.page)
    await h.hostWorks(o.page)
    await o.page.evaluate(() => (window as any).hetki.track('go'))
    expect(await o.page.locator('hetki-survey').count()).toBe(0)
    held.config = false
    release()
    const prompt = o.page.locator(`[data-hetki-survey="${o.name}"]`)
    await prompt.getByRole('button', { name: 'Yes' }).click()
    expect((await h.stored(o.name)).answers).toEqual({ q: true })
    expect(sdkErrors(await o.problems())).toEqual([])
    await o.close()
  })

  it('a 404 widget chunk: the survey fails with one console error naming the file, is not counted as shown, and shows once the file is back', async () => {
    const o = await h.open('widget404', { config: { widgetUrl: '/chunks/hetki-widget.js' } })
    await h.ready(o.page)
    const failed = o.page.waitForResponse((r) => r.url().endsWith('/chunks/hetki-widget.js') && r.status() == 404)
    await o.page.evaluate(() => (window as any).hetki.track('go'))
    await failed
    await h.hostWorks(o.page)
    expect(await o.page.locator('hetki-survey').count()).toBe(0)
    // Besides the browser's own network log line, one error from Hetki that says what to fix
    // (without it the page would simply never ask anyone); nothing thrown into the page.
    await expect
      .poll(async () => sdkErrors(await o.problems()))
      .toEqual([expect.stringMatching(/^console: \[hetki\] could not load http:\/\/127\.0\.0\.1:\d+\/chunks\/hetki-widget\.js .*set widgetUrl/)])
    held.widget404 = false
    await h.answers(o)
    expect(sdkErrors(await o.problems())).toHaveLength(1)
    await o.close()
  })
})
