/**
 * The other tabs of this site, through a BroadcastChannel: `hear` receives what they say, and the
 * function returned tells them (it may throw; callers settle it). Where BroadcastChannel is
 * missing, tabs still agree through storage, only later: at their next write.
 */
export function openTabs(hear: (message: unknown) => void): (message: unknown) => void {
  let channel: BroadcastChannel | undefined
  try {
    channel = new BroadcastChannel('hetki-pacing')
    // `hear` must not throw: an error in a message handler would reach the host page.
    channel.onmessage = (e) => hear(e.data)
  } catch {}
  return (message) => channel?.postMessage(message)
}
