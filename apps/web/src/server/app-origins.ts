// The origins a browser may show while it talks to this app: APP_URL's own, and when APP_URL is a
// loopback address (`npm start` on one machine), the other names of that same loopback address on
// the same scheme and port. People open http://127.0.0.1:3000 although APP_URL says localhost;
// it is the same server, so refusing it only breaks sign-up. Any other host or port stays foreign.

/** The names one machine answers to on its loopback interface, as URL hostnames spell them. */
const LOOPBACK_HOSTNAMES = ["localhost", "127.0.0.1", "[::1]"];

/** APP_URL's origin first, then its loopback aliases (none for a public host). */
export function appOrigins(appUrl: string): string[] {
  const own = new URL(appUrl);
  if (!LOOPBACK_HOSTNAMES.includes(own.hostname)) return [own.origin];
  const aliases = LOOPBACK_HOSTNAMES.filter((hostname) => hostname !== own.hostname).map((hostname) => {
    const alias = new URL(own.origin);
    alias.hostname = hostname;
    return alias.origin;
  });
  return [own.origin, ...aliases];
}
