// Delivery's byte promises (sizes are deterministic, so these are hard limits). Runs after the build.
import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length

describe('delivery bytes', () => {
  it('the sender, loaded only when there is something to send, stays within 3 KB', () => {
    expect(gzip('dist/hetki-delivery.js')).toBeLessThanOrEqual(3072)
  })

  it('the adapters are separate files, and the core carries none of their code', () => {
    expect(
      readdirSync('dist/adapters')
        .filter((f) => f.endsWith('.js') && !f.startsWith('shared-'))
        .sort(),
    ).toEqual(['datalayer.js', 'posthog.js', 'segment.js', 'webhook.js'])
    for (const core of ['dist/hetki.js', 'dist/hetki.mjs']) {
      const text = readFileSync(core, 'utf8')
      for (const marker of ['$survey_submission_id', 'Survey Responded', 'hetki_record_id', 'sendBeacon'])
        expect(text, core + ' contains ' + marker).not.toContain(marker)
    }
  })
})
