// The administrators' part of the web app's env, read on first use (not at import) so tests of the
// router need no environment (they mock this module).
export async function adminEmails(): Promise<readonly string[]> {
  const { env } = await import("@/env");
  return env.ADMIN_EMAILS;
}
