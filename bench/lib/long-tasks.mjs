// Long tasks attributed to an SDK, from a Chromium trace: a main-thread task longer than 50 ms is
// the SDK's when script from one of the SDK's URLs was compiled, evaluated or called inside it.
// The page's own long tasks (HTML parse, layout, under CPU slowdown) are thus not charged to it.
export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline']

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'TimerFire', 'FireAnimationFrame'])

/**
 * events: the trace's traceEvents; isSdkUrl(url) says whose script it is. Returns the durations in
 * ms of the main-thread tasks in which the SDK's script ran and that lasted over `overMs`.
 */
export function sdkTasks(events, isSdkUrl, overMs = 0) {
  const mainThreads = new Set(events.filter((e) => e.ph == 'M' && e.name == 'thread_name' && e.args?.name == 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  const onMain = (e) => mainThreads.has(`${e.pid}:${e.tid}`)
  const tasks = events.filter((e) => e.name == 'RunTask' && e.ph == 'X' && e.dur > overMs * 1000 && onMain(e))
  const sdkScript = events.filter((e) => SCRIPT_EVENTS.has(e.name) && onMain(e) && isSdkUrl(e.args?.data?.url ?? e.args?.fileName ?? ''))
  return tasks.filter((t) => sdkScript.some((s) => s.pid == t.pid && s.tid == t.tid && s.ts >= t.ts && s.ts <= t.ts + t.dur)).map((t) => t.dur / 1000)
}

/** The SDK's long tasks (over 50 ms), in ms. */
export const sdkLongTasks = (events, isSdkUrl) => sdkTasks(events, isSdkUrl, 50)
