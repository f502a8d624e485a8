import type { Step } from '../pure/rules/trace'

/** Trace times are UTC minutes ("2026-12-07T14:30"); a PM reads "2026-12-07 14:30 UTC". */
const dates = (why: string) => why.replace(/(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/g, '$1 $2 UTC')

/** Each refusal in words a PM can act on; the trace's own `why` fills in the details. */
const NO: Record<string, (why: string) => string> = {
  trigger: (why) => why,
  where: (why) => "the event's properties do not match: " + why,
  count: (why) => why.replace(/^(\d+) of (\d+)/, 'the trigger happened $1 of the $2 times needed'),
  after: (why) => 'needs an earlier event first: ' + why,
  unless: (why) => 'cancelled by another event: ' + why,
  urls: (why) => 'this page is not in its audience: ' + why,
  notUrls: (why) => 'this page is excluded: ' + why.replace(' not in ', ' in '),
  device: (why) => 'device not in its audience: ' + why.replace(' in ', ' not in '),
  lang: (why) => 'language not in its audience: ' + why.replace(' in ', ' not in '),
  user: (why) => 'the customer is not in its audience: ' + why,
  from: (why) => 'schedule: not started yet (' + why + ')',
  until: (why) => 'schedule: over (' + why + ')',
  sample: (why) => 'not in the ' + why.replace(/^.*the (\S+)% sample$/, '$1 %') + ' sample',
  pacing: (why) => 'pacing: ' + why,
  priority: (why) => 'another survey had priority: ' + why.replace(' had priority', ''),
  prompt: () => 'another prompt was open on this page',
  page: (why) => (why == 'the page is hidden' ? 'the page was hidden (another tab in front)' : why),
  target: () => 'its target element is not on this page',
}

/** Passed steps, when plain words read better than the trace's. */
const YES: Record<string, (why: string) => string> = {
  trigger: (why) => 'trigger: ' + why,
  sample: (why) => 'in the ' + why.replace(/^.*the (\S+)% sample$/, '$1 %') + ' sample',
  pacing: (why) => 'pacing: ' + why,
  delay: (why) => 'delay: ' + why,
  forced: (why) => 'forced by ' + why + ', whatever the rules say',
}

/** One step of a decision as the overlay shows it. */
export const say = (s: Step): string => dates((s.pass ? YES : NO)[s.step]?.(s.why) ?? s.step + ': ' + s.why)
