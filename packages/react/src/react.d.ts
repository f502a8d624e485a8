// React 19 ships no types, and @types/react is not a dependency of this repository (no new
// dependencies this round). These are the few declarations the kit and its tests use, written as
// in @types/react 19, so that `tsc` checks the kit. They are not shipped: the built index.d.ts
// refers to 'react' by name, which a user's project resolves to its own @types/react.
declare module 'react' {
  export type Key = string | number | bigint
  export interface ReactElement<P = unknown> {
    type: unknown
    props: P
    key: string | null
  }
  export type ReactNode = ReactElement | string | number | bigint | boolean | null | undefined | Iterable<ReactNode>
  export interface CSSProperties {
    [property: string]: string | number | undefined
  }
  /** The attributes of an HTML element (a subset of @types/react's, enough for a `<div>`). */
  export interface HTMLAttributes<T> {
    id?: string
    className?: string
    style?: CSSProperties
    role?: string
    title?: string
    hidden?: boolean
    [attribute: `data-${string}` | `aria-${string}`]: unknown
    /** Never set; ties the element type in, as @types/react's event handlers do. */
    onClick?: (event: { currentTarget: T }) => void
  }
  export type FunctionComponent<P> = (props: P) => ReactNode
  export const Fragment: unique symbol
  export const StrictMode: unique symbol
  export function createElement(type: unknown, props?: object | null, ...children: ReactNode[]): ReactElement
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void
  export function useRef<T>(initial: T): { current: T }
  export function useState<T>(initial: T): [T, (next: T) => void]
  export function act(callback: () => unknown): Promise<void>
}

declare module 'react-dom/client' {
  import type { ReactNode } from 'react'
  export interface Root {
    render(children: ReactNode): void
    unmount(): void
  }
  export function createRoot(container: Element): Root
}

declare module 'react-dom/server' {
  import type { ReactNode } from 'react'
  export function renderToString(node: ReactNode): string
}
