import type { EngineModule } from './engine'
import type { SenderModule } from './outbox'
import type { PanelModule } from './panel'
import type { SourcesModule } from './sources'
import type { WidgetModule } from './widget'

/**
 * What every chunk of the SDK exports besides its own contract. Each chunk is built with its own
 * copy of the debug log (shared/log.ts); the core's loader calls `setDebug` with the core's
 * `isDebug` as it imports the chunk, so `hetki.debug()` reaches every chunk at once. That is the
 * one way the debug flag travels: no chunk is handed it otherwise. (The widget logs nothing.)
 */
export interface Chunk {
  setDebug(on: () => boolean): void
}

/** Hetki's lazy chunks by file name, and what each one exports. */
export interface Chunks {
  'hetki-engine.js': EngineModule
  'hetki-widget.js': WidgetModule
  'hetki-delivery.js': SenderModule
  'hetki-sources.js': SourcesModule
  'hetki-debug.js': PanelModule
}

/** Imports one chunk (once; a failed import is said once and may be tried again). */
export type Load = <F extends keyof Chunks>(file: F) => Promise<Chunks[F]>
