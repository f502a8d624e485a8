// One page of records in a stable order (the record's time, then its id), continued by a cursor
// that names the last row seen: keyset pagination, so a page never repeats or skips a row however
// many arrive meanwhile, and a deep page costs what the first does.
import type { Config } from '../../../sdk/src/pure/config/types'
import type { Store } from '../db/open'
import type { Access } from '../server/contract'
import { applyFilters, BadRequest, type ReadFilters } from './filters'
import { momentOut, responseOut, type MomentOut, type ResponseOut } from './rows'

export interface Page {
  records: (ResponseOut | MomentOut)[]
  /** Pass as `cursor` for the next page; null on the last one. */
  next: string | null
}

const encode = (time: string, id: string) => Buffer.from(JSON.stringify([time, id])).toString('base64url')
function decode(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string]
  } catch {}
  throw new BadRequest('cursor is not one this collector gave out')
}

/** Reads up to `limit` records after `cursor`. */
export async function readPage(store: Store, config: Config, filters: ReadFilters, access: Access, limit: number, cursor?: string): Promise<Page> {
  const after = cursor ? decode(cursor) : undefined
  if (filters.kind === 'response') {
    let q = applyFilters(store.db.selectFrom('responses').selectAll(), filters, access, config, 'started_at')
    if (after) q = q.where((eb) => eb.or([eb('started_at', '>', after[0]), eb.and([eb('started_at', '=', after[0]), eb('id', '>', after[1])])]))
    const rows = await q
      .orderBy('started_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute()
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return { records: page.map(responseOut), next: rows.length > limit && last ? encode(last.started_at, last.id) : null }
  }
  let q = applyFilters(store.db.selectFrom('moments').selectAll(), filters, access, config, 'at')
  if (after) q = q.where((eb) => eb.or([eb('at', '>', after[0]), eb.and([eb('at', '=', after[0]), eb('id', '>', after[1])])]))
  const rows = await q
    .orderBy('at')
    .orderBy('id')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return { records: page.map(momentOut), next: rows.length > limit && last ? encode(last.at, last.id) : null }
}

/** Every matching record, page by page (for the exports: memory stays one page however many there are). */
export async function* allRecords(store: Store, config: Config, filters: ReadFilters, access: Access, pageSize = 500) {
  let cursor: string | undefined
  for (;;) {
    const page = await readPage(store, config, filters, access, pageSize, cursor)
    yield* page.records
    if (!page.next) return
    cursor = page.next
  }
}
