// Checks an envelope of wire format v1 (docs/delivery.md; packages/sdk/wire-format.schema.json). Returns the records, or a message
// saying what is wrong; the collector answers 400 with it, and the SDK drops what a 4xx refuses.
const isText = (v, max = 200) => typeof v === 'string' && v.length > 0 && v.length <= max
const isTime = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v))

export function validateEnvelope(body) {
  if (!body || typeof body !== 'object') return { error: 'the body must be a JSON object' }
  if (body.v !== 1) return { error: 'unsupported wire format version ' + JSON.stringify(body.v) }
  if (!Array.isArray(body.records) || body.records.length > 500) return { error: 'records must be an array of at most 500' }
  for (const [i, r] of body.records.entries()) {
    const at = `records[${i}]`
    if (!r || typeof r !== 'object') return { error: at + ' must be an object' }
    if (!isText(r.id, 64)) return { error: at + '.id must be a string id' }
    if (!isText(r.surveyId)) return { error: at + '.surveyId must be a string' }
    if (r.trail !== undefined && !Array.isArray(r.trail)) return { error: at + '.trail must be an array' }
    if (r.preview !== undefined && r.preview !== true) return { error: at + '.preview must be true when present' }
    if (r.kind === 'shown' || r.kind === 'dismissed') {
      if (!isText(r.responseId, 64)) return { error: at + '.responseId must be a string id' }
      if (!isTime(r.at)) return { error: at + '.at must be an ISO time' }
      continue
    }
    if (r.kind !== 'response') return { error: at + '.kind must be "response", "shown" or "dismissed"' }
    if (!r.answers || typeof r.answers !== 'object' || Array.isArray(r.answers)) return { error: at + '.answers must be an object' }
    if (typeof r.completed !== 'boolean') return { error: at + '.completed must be a boolean' }
    if (!isTime(r.startedAt) || !isTime(r.updatedAt)) return { error: at + '.startedAt and .updatedAt must be ISO times' }
  }
  if (body.dropped !== undefined && !(Number.isInteger(body.dropped) && body.dropped >= 0))
    return { error: 'dropped must be a whole number' }
  return { records: body.records, dropped: body.dropped || 0 }
}
