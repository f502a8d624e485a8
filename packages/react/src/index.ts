/**
 * @hetki/react — Hetki in React: a provider that starts it, hooks to call it, and the place of an
 * inline survey. Safe to render on a server: nothing there touches `window` or starts Hetki.
 */
export { HetkiProvider, type HetkiProviderProps } from './provider'
export { useHetki, useTrack, useHetkiEvent } from './hooks'
export { HetkiInline, type HetkiInlineProps } from './inline'
export type { Hetki } from '../../sdk/src/kits/api'
export type { Config, InitOptions, HetkiEvent, HetkiEvents } from '@hetki/sdk'
