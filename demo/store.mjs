// Kept only for demo/seed.mjs until it ingests through the collector (packages/collector: ingest); the collector has its own schema.
// The collector's storage: SQLite through better-sqlite3. Records are upserted by id, so a record
// that arrives twice (a retry, a beacon and a fetch racing) is stored once, and an older revision
// never overwrites a newer one. Responses go to `responses`; shown and dismissed to `moments`.
// Records of a preview (a PM checking a survey, `"preview": true`) are kept, flagged, so that
// the results can leave them out.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export function openStore(path) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.exec(`CREATE TABLE IF NOT EXISTS responses (
    id          TEXT PRIMARY KEY,
    survey_id   TEXT NOT NULL,
    completed   INTEGER NOT NULL,
    answers     TEXT NOT NULL,
    lang        TEXT,
    path        TEXT,
    started_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    received_at TEXT NOT NULL,
    deliveries  INTEGER NOT NULL DEFAULT 1,
    touchpoint  TEXT,
    trail       TEXT,
    preview     INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE IF NOT EXISTS moments (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    survey_id   TEXT NOT NULL,
    response_id TEXT NOT NULL,
    at          TEXT NOT NULL,
    path        TEXT,
    deliveries  INTEGER NOT NULL DEFAULT 1,
    preview     INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE IF NOT EXISTS drops (received_at TEXT NOT NULL, dropped INTEGER NOT NULL)`)
  // A database from before these columns existed gets them; on a new one the ALTER fails harmlessly.
  for (const [table, column] of [['responses', 'touchpoint TEXT'], ['responses', 'trail TEXT'], ['responses', 'preview INTEGER NOT NULL DEFAULT 0'], ['moments', 'preview INTEGER NOT NULL DEFAULT 0']])
    try {
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column}`)
    } catch {}
  const upsert = db.prepare(`INSERT INTO responses
      (id, survey_id, completed, answers, lang, path, started_at, updated_at, received_at, touchpoint, trail, preview)
    VALUES (@id, @surveyId, @completed, @answers, @lang, @path, @startedAt, @updatedAt, @receivedAt, @touchpoint, @trail, @preview)
    ON CONFLICT(id) DO UPDATE SET
      deliveries = deliveries + 1,
      completed  = CASE WHEN excluded.updated_at >= updated_at THEN excluded.completed ELSE completed END,
      answers    = CASE WHEN excluded.updated_at >= updated_at THEN excluded.answers ELSE answers END,
      updated_at = MAX(updated_at, excluded.updated_at),
      received_at = excluded.received_at`)
  const moment = db.prepare(`INSERT INTO moments (id, kind, survey_id, response_id, at, path, preview)
    VALUES (@id, @kind, @surveyId, @responseId, @at, @path, @preview)
    ON CONFLICT(id) DO UPDATE SET deliveries = deliveries + 1`)
  const drop = db.prepare('INSERT INTO drops (received_at, dropped) VALUES (?, ?)')
  const save = db.transaction((records, receivedAt, dropped) => {
    if (dropped) drop.run(receivedAt, dropped)
    for (const r of records)
      if (r.kind !== 'response')
        moment.run({ id: r.id, kind: r.kind, surveyId: r.surveyId, responseId: r.responseId, at: r.at, path: r.path ?? null, preview: r.preview ? 1 : 0 })
      else upsert.run({
        id: r.id,
        surveyId: r.surveyId,
        completed: r.completed ? 1 : 0,
        answers: JSON.stringify(r.answers),
        lang: r.lang ?? null,
        path: r.path ?? null,
        startedAt: r.startedAt,
        updatedAt: r.updatedAt,
        receivedAt,
        touchpoint: r.touchpoint ? JSON.stringify(r.touchpoint) : null,
        trail: JSON.stringify(r.trail ?? []),
        preview: r.preview ? 1 : 0,
      })
  })
  const all = db.prepare('SELECT * FROM responses ORDER BY started_at')
  const moments = db.prepare('SELECT * FROM moments ORDER BY at')
  const dropped = db.prepare('SELECT COALESCE(SUM(dropped), 0) AS n FROM drops')
  return {
    /** Upserts the records of one envelope; `dropped` is the sender's count of evicted records. */
    save: (records, droppedCount = 0) => save(records, new Date().toISOString(), droppedCount),
    all: () =>
      all.all().map((row) => ({
        ...row,
        completed: !!row.completed,
        preview: !!row.preview,
        answers: JSON.parse(row.answers),
        touchpoint: row.touchpoint ? JSON.parse(row.touchpoint) : null,
        trail: JSON.parse(row.trail ?? '[]'),
      })),
    moments: () => moments.all().map((row) => ({ ...row, preview: !!row.preview })),
    dropped: () => dropped.get().n,
    clear: () => db.exec('DELETE FROM responses; DELETE FROM moments; DELETE FROM drops'),
    close: () => db.close(),
  }
}
