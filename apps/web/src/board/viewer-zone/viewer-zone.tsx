"use client";
// The viewer's time zone for every board. The server only knows the zone of the `tz` cookie (UTC
// without one), so the server render and hydration use that one and the HTML always matches; right
// after hydration the board switches to the browser's own zone if it differs, and the cookie is
// brought up to date so the next server render already uses it.
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from "react";
import { browserTimeZone } from "../due-dates";
import { FALLBACK_ZONE, parseZoneCookie, zoneCookie } from "./zone-cookie";

const CookieZone = createContext<string | null>(null);

// The browser's zone does not change while the page lives: read once, nothing to subscribe to.
let browserZone: string | undefined;
const getBrowserZone = () => (browserZone ??= browserTimeZone());
const subscribe = () => () => {};

export function ViewerZoneProvider({ cookieZone, children }: { cookieZone: string | null; children: ReactNode }) {
  useEffect(() => {
    const zone = getBrowserZone();
    if (zone !== cookieZone && parseZoneCookie(zone)) document.cookie = zoneCookie(zone);
  }, [cookieZone]);
  return <CookieZone value={cookieZone}>{children}</CookieZone>;
}

export function useViewerZone(): string {
  const cookieZone = useContext(CookieZone);
  return useSyncExternalStore(subscribe, getBrowserZone, () => cookieZone ?? FALLBACK_ZONE);
}
