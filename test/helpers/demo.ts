import type { Page } from 'playwright-core'
import type { IncomingMessage, ServerResponse } from 'node:http'
// @ts-expect-error the demo is plain JavaScript, run by node without a build
import { createDemoServer } from '../../demo/server.mjs'

export interface StoredResponse {
  id: string
  survey_id: string
  completed: boolean
  answers: Record<string, unknown>
  lang: string | null
  path: string | null
  deliveries: number
  touchpoint: { id: string; owner?: string } | null
  trail: unknown[]
  /** A preview's record (kept, left out of the results). */
  preview: boolean
}

/** A shown or dismissed record, as the collector stores it. */
export interface StoredMoment {
  id: string
  kind: 'shown' | 'dismissed'
  survey_id: string
  response_id: string
  at: string
  deliveries: number
  preview: boolean
}

export interface Demo {
  url: string
  store: { all(): StoredResponse[]; moments(): StoredMoment[]; dropped(): number; clear(): void; save(records: object[], dropped?: number): void }
  close(): Promise<void>
}

/** The real demo server and collector on a free loopback port, with an in-memory database. */
export const startDemo = (
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>,
): Promise<Demo> => createDemoServer({ port: 0, dbPath: ':memory:', handle })

/**
 * Opens a page of the demo site in debug mode and waits until Hetki's journey sources listen: they
 * arrive in a chunk of their own after the core, so a click before that would miss its page view.
 */
export async function visitDemo(page: Page, url: string): Promise<void> {
  const listening = page.waitForEvent('console', (m) => m.text().startsWith('[hetki] journey sources on'))
  await page.goto(url + '?hetki_debug=1')
  await listening
}
