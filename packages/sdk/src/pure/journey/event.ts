/** One thing the customer did at a touchpoint, as `track()` or a built-in source reports it. */
export interface TouchEvent {
  name: string
  props: Record<string, unknown>
  /** Epoch milliseconds, taken when the event happened (not when it was processed). */
  at: number
}

export const touchEvent = (name: string, props: unknown, at: number): TouchEvent => ({
  name,
  props: props && typeof props === 'object' ? { ...(props as object) } : {},
  at,
})

/**
 * A replacer for JSON.stringify that leaves out text and arrays longer than 999: they could not
 * be kept anyway, and a page's sparse array (`a[1e8] = 1`) would take half a minute to write.
 */
export const small = (_: string, v: any): unknown => (v?.length > 999 ? undefined : v)

/**
 * A property value as the journey keeps it (history, trail), which is stored and sent: JSON data of
 * at most 1,000 characters, else nothing. Whatever a page passes (functions, BigInt, cycles,
 * Proxies, throwing getters, megabytes of text) can then neither fail the IndexedDB write, which
 * would leave Hetki without storage for the page, nor grow what is stored.
 */
export const keepable = (v: unknown): unknown => {
  // Most properties are plain values, kept as they are: the JSON round trip costs a microsecond.
  if (typeof v === 'string' ? v.length < 1000 : typeof v === 'number' || typeof v === 'boolean') return v
  try {
    const s = JSON.stringify(v, small)
    if (s.length <= 1000) return JSON.parse(s)
  } catch {}
}
