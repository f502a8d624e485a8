import type { Engine, EngineName, LaunchOptions } from './engine.mjs'
export type { Engine, EngineName, Key, LaunchOptions, Profile, Win } from './engine.mjs'
export declare const ENGINES: EngineName[]
export declare function launchEngine(name: EngineName, options?: LaunchOptions): Promise<Engine>
