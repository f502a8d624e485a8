import feelings from './feelings.json'

/** One of the built-in feelings: its id, and the weight an answer carries into the emotional value (−100…100). */
export interface Feeling {
  id: string
  weight: number
}

/**
 * The feelings an emotion question asks when it names no `options` (the `feeling` template too),
 * from worst to best; their labels are the widget's (packages/widget/src/strings.ts). The one home
 * of their weights: the collector scales answers by them, the demo's seed answers with them. They
 * live in feelings.json so that plain Node scripts (demo/sample-data.mjs) read the same file.
 */
export const FEELINGS: readonly Feeling[] = feelings
