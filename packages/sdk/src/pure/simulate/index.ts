/**
 * `dist/simulate.mjs`, for the `hetki simulate` command (packages/sdk/bin/hetki.mjs): replays
 * journeys through the browser's own rules and pacing and forecasts how often people are asked.
 * Never loaded by a page. docs/simulate.md.
 */
export { byPerson, eventsOf, type JourneyEvent } from './journeys'
export { answers, replay, Replay, type Prompt, type ReplayOptions, type Tally } from './replay'
export { forecast, type Forecast } from './forecast'
export { compare, type Change } from './compare'
export { checkProfile, synthesize, type Profile } from './profile'
export { changesText, forecastText } from './text'
export { validate } from '../validate/validate'
