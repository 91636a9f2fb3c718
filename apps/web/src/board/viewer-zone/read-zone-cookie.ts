// The viewer's zone as the server knows it: the request's `tz` cookie (null without a valid one).
import "server-only";
import { cookies } from "next/headers";
import { parseZoneCookie, ZONE_COOKIE } from "./zone-cookie";

export async function readZoneCookie(): Promise<string | null> {
  return parseZoneCookie((await cookies()).get(ZONE_COOKIE)?.value);
}
