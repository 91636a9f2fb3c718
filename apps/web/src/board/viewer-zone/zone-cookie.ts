// The `tz` cookie: the browser's IANA time zone, written by the browser and read by the server so
// that a server render (Today, Upcoming, due filters, due labels) uses the viewer's zone. The
// value comes from the request, so it is checked like any input; a bad one counts as no cookie.
import { isValidTimeZone } from "@/tasks/time-zone";

export const ZONE_COOKIE = "tz";

/** What the server renders with when the browser has not told it its zone yet. */
export const FALLBACK_ZONE = "UTC";

// IANA names are letters, digits and "/_+-" (e.g. America/Argentina/Buenos_Aires, Etc/GMT+5);
// the longest is about 32 characters. Checked before Intl sees the value.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** The cookie's zone, or null when it is absent or not a zone this runtime knows. Never throws. */
export function parseZoneCookie(value: string | null | undefined): string | null {
  if (!value || !ZONE_NAME.test(value)) return null;
  return isValidTimeZone(value) ? value : null;
}

/** The `document.cookie` assignment that stores `zone` for a year, for every path. */
export function zoneCookie(zone: string): string {
  return `${ZONE_COOKIE}=${zone}; Path=/; Max-Age=${365 * 24 * 60 * 60}; SameSite=Lax`;
}
