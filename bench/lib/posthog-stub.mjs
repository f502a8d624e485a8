// Local answers for the PostHog API, so posthog-js starts exactly as it would against PostHog's
// cloud, with surveys turned on, but with no network to PostHog. The answer shapes are those the
// posthog-js client parses (remote config, flags, surveys list); event uploads get 200 {}.
import { createReadStream } from 'node:fs'
import { peerFile } from './peers.mjs'

export const POSTHOG_TOKEN = 'phc_bench'

const REMOTE_CONFIG = {
  token: POSTHOG_TOKEN,
  surveys: true,
  heatmaps: false,
  sessionRecording: false,
  autocaptureExceptions: false,
  supportedCompression: ['gzip-js'],
  hasFeatureFlags: false,
  siteApps: [],
}

/** One popover survey with one rating question, shown on the event `bench.trigger`. */
const SURVEYS = {
  surveys: [
    {
      id: '0190a0b0-0000-7000-8000-000000000001',
      name: 'Bench CSAT',
      type: 'popover',
      questions: [{ id: 'q1', type: 'rating', display: 'number', scale: 5, question: 'How was it?', lowerBoundLabel: 'Bad', upperBoundLabel: 'Good' }],
      conditions: { events: { values: [{ name: 'bench.trigger' }] } },
      appearance: {},
      start_date: '2024-01-01T00:00:00Z',
      end_date: null,
      current_iteration: null,
      current_iteration_start_date: null,
    },
  ],
}

const json = (res, body) => {
  res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
  res.end(JSON.stringify(body))
}

/** Answers a PostHog API request; returns false when the path is not PostHog's. */
export function answerPosthog(req, res, log) {
  const { pathname } = new URL(req.url, 'http://x')
  const asset = pathname.match(/^\/static\/(?:[\d.]+\/)?([\w-]+\.js)$/)
  if (asset) {
    log?.(pathname)
    res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' })
    createReadStream(peerFile('posthog-js/dist/' + asset[1])).pipe(res)
    return true
  }
  if (pathname === `/array/${POSTHOG_TOKEN}/config.js`) {
    log?.(pathname)
    res.writeHead(200, { 'content-type': 'text/javascript' })
    res.end(
      `(window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{})[${JSON.stringify(POSTHOG_TOKEN)}]={config:${JSON.stringify(REMOTE_CONFIG)},siteApps:[]}`,
    )
    return true
  }
  if (pathname === `/array/${POSTHOG_TOKEN}/config`) return (log?.(pathname), json(res, REMOTE_CONFIG), true)
  if (pathname.startsWith('/flags') || pathname.startsWith('/decide'))
    return (log?.(pathname), json(res, { ...REMOTE_CONFIG, featureFlags: {}, featureFlagPayloads: {}, flags: {}, errorsWhileComputingFlags: false }), true)
  if (pathname.startsWith('/api/surveys')) return (log?.(pathname), json(res, SURVEYS), true)
  if (/^\/(e|i|s|batch|engage|track)\b/.test(pathname)) {
    req.resume()
    return (log?.(pathname), json(res, { status: 1 }), true)
  }
  return false
}
