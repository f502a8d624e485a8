// Raw, gzip -9 and brotli (quality 11) bytes of a set of files. Each file travels compressed on its
// own, so a set's compressed size is the sum of its files' compressed sizes, not of their concatenation.
import { readFileSync } from 'node:fs'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export function bytesOf(file) {
  const buf = readFileSync(file)
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

export function bytesOfSet(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 }
  for (const file of files) {
    const b = bytesOf(file)
    total.raw += b.raw
    total.gzip += b.gzip
    total.brotli += b.brotli
  }
  return total
}
