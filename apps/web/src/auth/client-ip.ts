// Where better-auth's rate limiter finds the client's address (AUTH_TRUSTED_PROXIES,
// AUTH_IP_HEADERS). Behind an Ingress that appends hops to X-Forwarded-For, the header holds
// "client, proxy"; better-auth trusts only a single-value header unless it knows which hops are
// proxies, and puts every request it cannot place into one shared per-path bucket, so all users
// would share the 3-per-10-s sign-in limit. With the proxies listed, it walks the chain from the
// right, skips them, and the first other address is the client (a value the client wrote itself
// is further left and ignored).
import { z } from "zod";
import { commaList as list } from "@/server/comma-list";

export const DEFAULT_IP_HEADERS = ["x-forwarded-for"];

const ZAddress = z.union([z.ipv4(), z.ipv6()]);
const ZRange = z.union([z.cidrv4(), z.cidrv6()]);
/** RFC 9110 token: what a header name may contain. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** Why `entry` is no trusted proxy, or undefined when it is an IP address or CIDR range. */
export function trustedProxyProblem(entry: string): string | undefined {
  if (ZAddress.safeParse(entry).success) return undefined;
  if (!ZRange.safeParse(entry).success) return `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8 or 192.0.2.10)`;
  if (/\/0+$/.test(entry)) return `"${entry}" trusts every address: list only your proxies' addresses or subnet`;
  return undefined;
}

/** AUTH_TRUSTED_PROXIES: comma-separated IPs/CIDRs; unset or empty = no proxy is trusted. */
export const ZTrustedProxies = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const entries = list(value ?? "");
    for (const entry of entries) {
      const problem = trustedProxyProblem(entry);
      if (problem) ctx.addIssue({ code: "custom", message: `${problem}; a comma-separated list is expected` });
    }
    return entries;
  });

/** AUTH_IP_HEADERS: comma-separated header names, tried in order; unset = x-forwarded-for. */
export const ZIpHeaders = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return DEFAULT_IP_HEADERS;
    const names = list(value.toLowerCase());
    if (names.length === 0) ctx.addIssue({ code: "custom", message: "lists no header name (e.g. x-forwarded-for)" });
    for (const name of names) {
      if (!HEADER_NAME.test(name)) ctx.addIssue({ code: "custom", message: `"${name}" is not a header name (e.g. x-forwarded-for, x-real-ip)` });
    }
    return names;
  });
