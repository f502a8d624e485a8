import type { Sources } from '../pure/config/types'
import type { Chunk } from './chunks'

/** `dist/hetki-sources.js` exports this: the built-in journey sources a config turns on. */
export interface SourcesModule extends Chunk {
  /** Starts the sources; each reports its events as if the page had called `track()`. Returns their names. */
  startSources(sources: Sources, report: (name: string, props?: Record<string, unknown>) => void): string[]
}
