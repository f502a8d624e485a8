import type { Page } from 'playwright-core'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { expect } from 'vitest'
import { startCollector, type Collector } from '../../packages/collector/src/start'
import { ingest } from '../../packages/collector/src/ingest/index'
import type { IngestResult } from '../../packages/collector/src/server/contract'
import type { Config } from '../../packages/sdk/src/pure/config/types'
import { twoQuestions } from './survey'

/** A response as the collector stores it (the demo's long-standing snake_case view of a row). */
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
  started_at: string
  updated_at: string
  received_at: string
  user_id: string | null
}

/** A shown or dismissed record, as the collector stores it. */
export interface StoredMoment {
  id: string
  kind: 'shown' | 'dismissed'
  survey_id: string
  response_id: string
  at: string
  path: string | null
  deliveries: number
  preview: boolean
}

export interface Demo {
  url: string
  /** What the collector's database holds, read through its own store (async: it is a real database). */
  store: {
    all(): Promise<StoredResponse[]>
    moments(): Promise<StoredMoment[]>
    dropped(): Promise<number>
    clear(): Promise<void>
    /** Ingests records as POST /collect would (the same checks and upserts). */
    save(records: object[], dropped?: number): Promise<IngestResult>
  }
  collector: Collector
  close(): Promise<void>
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The config the test collector checks records against: the demo site's, plus the two-question
 * survey the delivery tests show. Test pages carry other surveys in their own inline configs, so
 * records of surveys it does not name are accepted, checked against the wire format only.
 */
const testConfig = (): Config => {
  const demo = JSON.parse(readFileSync(here('../../demo/site/hetki.json'), 'utf8')) as Config
  return { ...demo, surveys: [...demo.surveys, twoQuestions as Config['surveys'][number]] }
}

/**
 * The real collector serving the demo site and the SDK on a free loopback port, with an in-memory
 * SQLite database. `handle` may answer a request before the collector (a flaky network, fixture pages).
 */
export async function startDemo(handle?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>): Promise<Demo> {
  const collector = await startCollector({
    config: testConfig(),
    // Tests post far faster than any customer; the limit itself is tested in the collector's suite.
    server: { acceptUnknownSurveys: true, rateLimit: { points: 1_000_000 } },
    dbFile: ':memory:',
    port: 0,
    site: here('../../demo/site'),
    sdk: here('../../dist'),
    handle,
    log: () => {},
  })
  // Test pages post from the collector's origin under both of its names (127.0.0.1 and localhost),
  // and from sandboxed documents, whose opaque origin browsers send as "null" (pacing.test.ts).
  collector.ctx.server.origins = [collector.url, collector.url.replace('127.0.0.1', 'localhost'), 'null']
  const db = collector.store.db
  const store: Demo['store'] = {
    all: async () =>
      (await db.selectFrom('responses').selectAll().orderBy('started_at').orderBy('id').execute()).map((r) => ({
        id: r.id,
        survey_id: r.survey_id,
        completed: !!r.completed,
        answers: JSON.parse(r.answers),
        lang: r.lang,
        path: r.path,
        deliveries: Number(r.deliveries),
        touchpoint: r.touchpoint === null ? null : { id: r.touchpoint, ...(r.owner === null ? {} : { owner: r.owner }) },
        trail: JSON.parse(r.trail),
        preview: !!r.preview,
        started_at: r.started_at,
        updated_at: r.updated_at,
        received_at: r.received_at,
        user_id: r.user_id,
      })),
    moments: async () =>
      (await db.selectFrom('moments').selectAll().orderBy('at').orderBy('id').execute()).map((m) => ({
        id: m.id,
        kind: m.kind,
        survey_id: m.survey_id,
        response_id: m.response_id,
        at: m.at,
        path: m.path,
        deliveries: Number(m.deliveries),
        preview: !!m.preview,
      })),
    dropped: async () => Number((await sql<{ n: number }>`select coalesce(sum(dropped), 0) as n from drops`.execute(db)).rows[0]?.n ?? 0),
    clear: async () => {
      for (const table of ['answers', 'trail_events', 'responses', 'moments', 'rejections', 'drops'] as const) await db.deleteFrom(table).execute()
    },
    save: (records, dropped) => ingest(collector.ctx, { v: 1, sentAt: new Date().toISOString(), records, ...(dropped ? { dropped } : {}) }),
  }
  return { url: collector.url, store, collector, close: () => collector.close(0) }
}

/**
 * Opens a page of the demo site in debug mode and waits until Hetki's journey sources listen: they
 * arrive in a chunk of their own after the core, so a click before that would miss its page view.
 */
export async function visitDemo(page: Page, url: string): Promise<void> {
  const listening = page.waitForEvent('console', (m) => m.text().startsWith('[hetki] journey sources on'))
  await page.goto(url + '?hetki_debug=1')
  await listening
}

/**
 * Waits (10 s at most) until the demo's collector holds a completed response to `surveyId`, then
 * returns the first response to it that the collector holds.
 */
export async function storedAnswer(demo: Demo, surveyId: string): Promise<StoredResponse> {
  await expect.poll(async () => (await demo.store.all()).some((r) => r.survey_id == surveyId && r.completed), { timeout: 10_000 }).toBe(true)
  return (await demo.store.all()).find((r) => r.survey_id == surveyId)!
}
