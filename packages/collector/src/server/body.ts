// Reads a request body up to a limit; past it, stops buffering and says so (the caller answers 413).
import type { IncomingMessage } from 'node:http'

export type Body = { body: Buffer } | { tooLarge: number }

export function readBody(req: IncomingMessage, max: number): Promise<Body> {
  const declared = Number(req.headers['content-length'])
  if (declared > max) {
    req.resume()
    return Promise.resolve({ tooLarge: declared })
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > max) over = true
      else chunks.push(c)
    })
    req.on('end', () => resolve(over ? { tooLarge: size } : { body: Buffer.concat(chunks) }))
    req.on('error', reject)
  })
}
