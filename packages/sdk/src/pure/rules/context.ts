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

/**
 * What the core snapshots when an event comes: the rules' context but for what the page says of
 * the device and its language, which the engine and the debug panel read when they need them
 * (`shared/page.ts`): the core, on every page, does not carry the code.
 */
export type Moment = Omit<Context, 'device' | 'lang'>
