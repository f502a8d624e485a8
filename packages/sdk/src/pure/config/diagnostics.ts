/**
 * `diagnostics` in the config: opt-in fleet diagnostics. A sampled share of devices counts what
 * became of each survey's triggers (shown, or why not: audience, sample, each pacing reason,
 * another tab's prompt, …) and sends the counts through the outbox, batched: counts only, no user
 * id, no response id, no page, no trail. The collector turns them into a "why not shown" funnel per
 * survey (packages/collector/README.md, "Fleet diagnostics").
 *
 * ```json
 * { "diagnostics": { "sample": 0.1 } }
 * ```
 */
export interface Diagnostics {
  /**
   * The share of devices that report, from above 0 to 1 (0.1: one device in ten). The same
   * device stays in or out of the sample on every page.
   * @exclusiveMinimum 0
   * @maximum 1
   * @expected a share above 0 and at most 1, such as 0.1
   */
  sample: number
}
