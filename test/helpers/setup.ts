import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launch } from './browser'
import { startDemo, type Demo } from './demo'

export interface Env {
  browser: Browser
  demo: Demo
}

/**
 * One Chromium and one demo server (its collector included) for the tests of a file: started
 * before them, stopped after. `handle` lets a test answer some requests itself (fixtures, a flaky
 * collector). The fields are filled in when the tests start.
 */
export function useChromiumAndDemo(handle?: Parameters<typeof startDemo>[0]): Env {
  const env = {} as Env
  beforeAll(async () => {
    ;[env.browser, env.demo] = await Promise.all([launch(), startDemo(handle)])
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.demo?.close()
  })
  return env
}
