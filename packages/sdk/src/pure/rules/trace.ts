/** One step of a decision: what was checked, whether it passed, and why, in words a PM can read. */
export interface Step {
  step: string
  pass: boolean
  why: string
}

export const step = (name: string, pass: boolean, why: string): Step => ({ step: name, pass, why })
