import type { Copy } from '../../sdk/src/pure/config/types'

/**
 * Survey copy in the customer's language: the exact tag (`fi-FI`), then its language (`fi`),
 * then English, then whatever the config has. Never HTML: the result is only ever rendered as text.
 */
export function pick(copy: Copy | undefined, lang: string): string {
  if (typeof copy === 'string') return copy
  if (!copy || typeof copy !== 'object') return ''
  const text = copy[lang] ?? copy[lang.slice(0, 2).toLowerCase()] ?? copy.en ?? Object.values(copy)[0]
  return typeof text === 'string' ? text : ''
}

/** Right-to-left scripts among the languages a config may name. */
export const isRtl = (lang: string): boolean => /^(ar|he|iw|fa|ur|ps|yi|dv|ckb|sd|ug)\b/i.test(lang)

/** Links from the config: only http(s), resolved against the page; anything else is not rendered. */
export function safeUrl(url: unknown): string | undefined {
  try {
    const u = new URL(String(url), document.baseURI)
    return /^https?:$/.test(u.protocol) ? u.href : undefined
  } catch {
    return undefined
  }
}
