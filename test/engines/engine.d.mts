// The one small interface the engine scenarios (test/engines/*.test.ts), the screenshots and the
// bench drive every browser through; chromium.mjs, firefox.mjs and webkit.mjs implement it.

export type EngineName = 'chromium' | 'firefox' | 'webkit'

/** Keys by their KeyboardEvent.key names ("Tab", "Enter", "ArrowRight", "Space", "End", "Shift+Tab"…). */
export type Key = string

/** A top-level browser window (never a background tab) showing one page. */
export interface Win {
  /** Navigates and resolves once the page has loaded. */
  goto(url: string): Promise<void>
  reload(): Promise<void>
  /**
   * Runs `fn` in the page's own JavaScript world (where `window.hetki` lives) with `arg`
   * (JSON-like), and resolves to its JSON-like result. `fn` travels as source text: no closures.
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>
  /** A real mouse click (move, press, release) at viewport coordinates. */
  click(x: number, y: number): Promise<void>
  /** A real key press (down, up) to the focused element; "Shift+Tab" holds Shift. */
  press(key: Key): Promise<void>
  /** Types text key by key. */
  type(text: string): Promise<void>
  /** A PNG of the viewport. */
  screenshot(): Promise<Buffer>
  close(): Promise<void>
}

/** A person's browser profile: its windows share storage, locks and channels, as a site's tabs do. */
export interface Profile {
  /** Opens a new window (with a viewport of the profile's size) and, given a URL, loads it. */
  open(url?: string): Promise<Win>
  close(): Promise<void>
}

export interface Engine {
  name: EngineName
  version: string
  /** A fresh profile (empty storage) whose windows have a `width` × `height` viewport (default 1280 × 720). */
  profile(options?: { width?: number; height?: number }): Promise<Profile>
  close(): Promise<void>
}

export interface LaunchOptions {
  /** Chromium: extra command-line flags. */
  args?: string[]
  /** Firefox: extra about:config preferences. */
  prefs?: Record<string, string | number | boolean>
}
