/**
 * `delivery` in the config: how answers travel. Every field is optional; the defaults suit a
 * same-origin collector. See docs/delivery.md.
 *
 * ```json
 * { "endpoint": "https://collect.example.com/hetki",
 *   "delivery": { "plainText": true, "maxRecords": 200, "maxAgeDays": 3 } }
 * ```
 */
export interface Delivery {
  /** POST the JSON as `text/plain`, so a cross-origin endpoint needs no CORS preflight. Default false. */
  plainText?: boolean
  /**
   * Seconds before a request is given up (and retried later). Default 10.
   * @exclusiveMinimum 0
   */
  timeout?: number
  /**
   * Most records kept unsent; beyond it the oldest are evicted and counted. Default 100.
   * @asType integer
   * @minimum 1
   */
  maxRecords?: number
  /**
   * Days an unsent record is kept; older ones are evicted and counted. Default 7.
   * @exclusiveMinimum 0
   */
  maxAgeDays?: number
  /** Send the full page URL (`url`, query string included) besides the path. May carry PII. Default false. */
  fullUrl?: boolean
  /** Send the id given to `identify()` as `userId`. Personal data: ask your DPO. Default false. */
  userId?: boolean
}
