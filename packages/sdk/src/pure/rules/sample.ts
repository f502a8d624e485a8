/**
 * A person's place in [0, 1) for one survey: FNV-1a over "personId:surveyId" with a final avalanche
 * (murmur3's fmix32) so that ids differing in the last character still spread evenly. The same
 * person gets the same verdict on every page and tab, and different surveys sample independently.
 */
export function bucket(personId: string, surveyId: string): number {
  const s = personId + ':' + surveyId
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}
