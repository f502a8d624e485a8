// Checks an envelope of wire format v1 (README, "Wire format"). Returns the records, or a message
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
    if (r.kind !== 'response') return { error: at + '.kind must be "response"' }
    if (!isText(r.id, 64)) return { error: at + '.id must be a string id' }
    if (!isText(r.surveyId)) return { error: at + '.surveyId must be a string' }
    if (!r.answers || typeof r.answers !== 'object' || Array.isArray(r.answers)) return { error: at + '.answers must be an object' }
    if (typeof r.completed !== 'boolean') return { error: at + '.completed must be a boolean' }
    if (!isTime(r.startedAt) || !isTime(r.updatedAt)) return { error: at + '.startedAt and .updatedAt must be ISO times' }
  }
  return { records: body.records }
}
