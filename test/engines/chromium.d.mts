import type { Engine, LaunchOptions } from './engine.mjs'
/** Launches chromium behind the engine-neutral interface; throws a message naming the missing package when it is not installed. */
export declare function launch(options?: LaunchOptions): Promise<Engine>
