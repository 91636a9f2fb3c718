// The realtime part of the web app's env, read on first use (not at import) so tests of the
// router that never issue a token need no environment.
import type { RealtimeSettings } from "./issue-realtime-token.handler";

export async function realtimeSettings(): Promise<RealtimeSettings> {
  const { env } = await import("@/env");
  return { tokenSecret: env.REALTIME_TOKEN_SECRET, socketUrl: env.REALTIME_SOCKET_URL };
}
