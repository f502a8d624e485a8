/**
 * @hetki/vue — Hetki in Vue 3: a plugin that starts it, composables to call it, and the place of
 * an inline survey. Safe to render on a server: nothing there touches `window` or starts Hetki.
 */
export { hetki, type HetkiPluginOptions } from './plugin'
export { useHetki, useTrack, useHetkiEvent } from './composables'
export { HetkiInline } from './inline'
export type { Hetki } from '../../sdk/src/kits/api'
export type { Config, InitOptions, HetkiEvent, HetkiEvents } from '@hetki/sdk'
