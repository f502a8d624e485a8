// The collector's storage: SQLite through better-sqlite3. Responses are upserted by id, so a record
// that arrives twice (a retry, a beacon and a fetch racing) is stored once, and an older revision
// never overwrites a newer one.
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
    deliveries  INTEGER NOT NULL DEFAULT 1
  )`)
  const upsert = db.prepare(`INSERT INTO responses
      (id, survey_id, completed, answers, lang, path, started_at, updated_at, received_at)
    VALUES (@id, @surveyId, @completed, @answers, @lang, @path, @startedAt, @updatedAt, @receivedAt)
    ON CONFLICT(id) DO UPDATE SET
      deliveries = deliveries + 1,
      completed  = CASE WHEN excluded.updated_at >= updated_at THEN excluded.completed ELSE completed END,
      answers    = CASE WHEN excluded.updated_at >= updated_at THEN excluded.answers ELSE answers END,
      updated_at = MAX(updated_at, excluded.updated_at),
      received_at = excluded.received_at`)
  const save = db.transaction((records, receivedAt) => {
    for (const r of records)
      upsert.run({
        id: r.id,
        surveyId: r.surveyId,
        completed: r.completed ? 1 : 0,
        answers: JSON.stringify(r.answers),
        lang: r.lang ?? null,
        path: r.path ?? null,
        startedAt: r.startedAt,
        updatedAt: r.updatedAt,
        receivedAt,
      })
  })
  const all = db.prepare('SELECT * FROM responses ORDER BY started_at')
  return {
    save: (records) => save(records, new Date().toISOString()),
    all: () => all.all().map((row) => ({ ...row, completed: !!row.completed, answers: JSON.parse(row.answers) })),
    clear: () => db.exec('DELETE FROM responses'),
    close: () => db.close(),
  }
}
