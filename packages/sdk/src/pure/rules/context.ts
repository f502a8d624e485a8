/** What the rules know about the moment: everything the browser would tell, passed in so the rules stay pure. */
export interface Context {
  /** Epoch milliseconds. */
  now: number
  /** Page path, e.g. `/fi/help`. */
  path: string
  device: 'desktop' | 'mobile' | 'tablet'
  /** e.g. `fi-FI`. */
  lang: string
  /** From `identify()`: `id` plus attributes. */
  user: Record<string, unknown>
  /** The person's stable random id on this device, for sampling. */
  personId: string
}
