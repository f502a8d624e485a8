import { word } from '../helpers/said'
import type { Reason } from '../../packages/sdk/src/pure/rules/trace'
import { why } from '../../packages/sdk/src/pure/rules/words'
// One engine (HETKI_ENGINE: chromium, firefox or webkit; vitest.config.ts sets it per project) and
// the real demo collector for the tests of a file, started before them and stopped after.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, expect } from 'vitest'
import { startDemo, type Demo } from '../helpers/demo'
import type { Engine, EngineName, Profile, Win } from './engine.mjs'
import { launchEngine } from './index.mjs'
import { enginePages, type PageSpec } from './pages'

export const ENGINE = (process.env.HETKI_ENGINE || 'chromium') as EngineName

type Handle = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>

export interface EngineEnv {
  engine: Engine
  demo: Demo
  pages: ReturnType<typeof enginePages>
  /** A fresh profile of the engine, closed after the file's tests if the test did not. */
  profile(options?: { width?: number; height?: number }): Promise<Profile>
  /** Registers a page (pages.ts) and opens it in a window of `profile`, once Hetki's API is real. */
  open(profile: Profile, name: string, spec?: PageSpec): Promise<Win>
  /** Opens the page at `path` in a new window of `profile`, once Hetki's API is real. */
  window(profile: Profile, path: string): Promise<Win>
  url(path: string): string
}

/** `handles` may answer requests before the collector (a flaky collector, pages of a test's own). */
export function useEngine(...handles: Handle[]): EngineEnv {
  const pages = enginePages()
  const profiles = new Set<Profile>()
  const env = {
    pages,
    url: (path: string) => env.demo.url + path,
    async profile(options?: { width?: number; height?: number }) {
      const p = await env.engine.profile(options)
      const close = p.close
      profiles.add(p)
      p.close = () => (profiles.delete(p), close())
      return p
    },
    open: (profile: Profile, name: string, spec?: PageSpec) => env.window(profile, pages.page(name, spec)),
    async window(profile: Profile, path: string) {
      const win = await profile.open(env.demo.url + path)
      await ready(win)
      return win
    },
  } as EngineEnv
  beforeAll(async () => {
    const handle: Handle = async (req, res) => {
      if (pages.handle(req, res)) return true
      for (const h of handles) if (await h(req, res)) return true
      return false
    }
    ;[env.engine, env.demo] = await Promise.all([launchEngine(ENGINE), startDemo(handle)])
  })
  afterAll(async () => {
    await Promise.all([...profiles].map((p) => p.close().catch(() => {})))
    await env.engine?.close()
    await env.demo?.close()
  })
  return env
}

/** Resolves once `window.hetki` is the real API (not the loader's queue). */
export const ready = (win: Win) => expect.poll(() => win.evaluate(() => typeof (window as any).hetki?.on == 'function' && !(window as any).hetki.q)).toBe(true)

/** What the page saw (pages.ts's recorder): errors, rejections, CSP reports; empty when all is well. */
export const problems = async (win: Win): Promise<string[]> => {
  const seen = await win.evaluate(() => (window as any).__seen)
  return [
    ...seen.errors.map((e: string) => 'error: ' + e),
    ...seen.rejections.map((e: string) => 'rejection: ' + e),
    ...seen.csp.map((e: string) => 'csp: ' + e),
    ...seen.log.filter((l: string) => l.startsWith('error: ')),
  ]
}

/** The console lines the page has printed so far (pages.ts's recorder), the SDK's reasons worded. */
export const said = async (win: Win): Promise<string[]> =>
  ((await win.evaluate(() => (window as any).__seen.args)) as [string, unknown[]][]).map(([level, args]) => level + ': ' + args.map(word).join(' '))

/** The pacing verdicts the page has logged so far: [survey id, pass, why in words]. */
export const verdicts = async (win: Win): Promise<[string, boolean, string][]> =>
  ((await win.evaluate(() => (window as any).__seen.verdicts)) as [string, boolean, Reason][]).map(([id, pass, reason]) => [id, pass, why(reason)])

/** Waits until the page has printed a console line containing `text`. */
export const saying = (win: Win, text: string) =>
  expect.poll(async () => (await said(win)).some((l) => l.includes(text)), { message: `waiting for the page to say "${text}"` }).toBe(true)

/** Calls `window.hetki[method](...args)` in the page. */
export const hetki = (win: Win, method: string, ...args: unknown[]) =>
  win.evaluate(([m, a]) => void (window as any).hetki[m as string](...(a as unknown[])), [method, args] as [string, unknown[]])
