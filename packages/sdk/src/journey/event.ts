/** One thing the customer did at a touchpoint, as `track()` or a built-in source reports it. */
export interface TouchEvent {
  name: string
  props: Record<string, unknown>
  /** Epoch milliseconds, taken when the event happened (not when it was processed). */
  at: number
}

export const touchEvent = (name: string, props: unknown, at: number): TouchEvent => ({
  name,
  props: props && typeof props == 'object' ? { ...(props as object) } : {},
  at,
})
