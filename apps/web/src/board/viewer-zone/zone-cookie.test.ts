// The `tz` cookie comes from the request: only a zone the runtime knows gets through, anything
// else counts as no cookie (the server then renders in UTC), and nothing here throws.
import { describe, expect, it } from "vitest";
import { FALLBACK_ZONE, parseZoneCookie, ZONE_COOKIE, zoneCookie } from "./zone-cookie";

describe("the tz cookie", () => {
  it("accepts IANA zones as the browser reports them", () => {
    for (const zone of ["Europe/Berlin", "Pacific/Auckland", "America/Argentina/Buenos_Aires", "America/Port-au-Prince", "Etc/GMT+5", "UTC"]) {
      expect(parseZoneCookie(zone)).toBe(zone);
    }
  });

  it("treats a missing or empty cookie as none", () => {
    expect(parseZoneCookie(undefined)).toBeNull();
    expect(parseZoneCookie(null)).toBeNull();
    expect(parseZoneCookie("")).toBeNull();
  });

  it("refuses names the runtime does not know", () => {
    expect(parseZoneCookie("Not/AZone")).toBeNull();
    expect(parseZoneCookie("Europe/Atlantis")).toBeNull();
  });

  it("refuses malformed values before Intl sees them", () => {
    for (const value of [
      " Europe/Berlin",
      "Europe/Berlin ",
      "Europe/Berlin; Path=/",
      "Europe%2FBerlin",
      "../../etc/passwd",
      "+05:00",
      "/Europe/Berlin",
      "Europe/Berlin\u0000",
      "Europe/Berlin\n",
      `Europe/${"x".repeat(80)}`,
    ]) {
      expect(parseZoneCookie(value), JSON.stringify(value)).toBeNull();
    }
  });

  it("writes a cookie for every path that reads back as the same zone", () => {
    const cookie = zoneCookie("America/Argentina/Buenos_Aires");
    const [pair, ...attributes] = cookie.split("; ");
    expect(pair).toBe(`${ZONE_COOKIE}=America/Argentina/Buenos_Aires`);
    expect(attributes).toContain("Path=/");
    expect(attributes).toContain("SameSite=Lax");
    expect(parseZoneCookie(pair?.slice(ZONE_COOKIE.length + 1))).toBe("America/Argentina/Buenos_Aires");
  });

  it("falls back to a zone the parser accepts", () => {
    expect(parseZoneCookie(FALLBACK_ZONE)).toBe(FALLBACK_ZONE);
  });
});
