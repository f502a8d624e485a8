/** What Hetki remembers about one survey on this device. Times are epoch milliseconds. */
export interface SurveyMemory {
  shown?: number
  answered?: number
  dismissed?: number
}

/** Pacing state, versioned so a later release can migrate it. */
export interface PacingState {
  v: 1
  surveys: Record<string, SurveyMemory>
}

export const PACING_KEY = 'pacing:v1'

export const emptyPacing = (): PacingState => ({ v: 1, surveys: {} })

/** Accepts what storage returned; anything unexpected starts afresh rather than breaking the page. */
export const readPacing = (stored: unknown): PacingState =>
  stored && typeof stored == 'object' && (stored as PacingState).v === 1 && typeof (stored as PacingState).surveys == 'object'
    ? (stored as PacingState)
    : emptyPacing()

export const remember = (state: PacingState, id: string, what: keyof SurveyMemory, at: number): void => {
  ;(state.surveys[id] ||= {})[what] = at
}
