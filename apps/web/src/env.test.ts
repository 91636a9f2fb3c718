// Bad configuration stops the web app with a message naming the variable (and the bad entry);
// good configuration is parsed into what createAuth and the metrics server take.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const VALID = {
  DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:5432/taskboard",
  APP_URL: "http://localhost:3000",
  BETTER_AUTH_SECRET: "test-secret-that-is-at-least-32-characters-long",
  NEXT_PHASE: "",
  SKIP_ENV_VALIDATION: "",
  WEB_METRICS_PORT: "",
  AUTH_TRUSTED_PROXIES: "",
  AUTH_IP_HEADERS: "",
  AUTH_SESSION_CACHE_SECONDS: "",
};

async function loadEnv(overrides: Record<string, string>) {
  for (const [name, value] of Object.entries({ ...VALID, ...overrides })) vi.stubEnv(name, value);
  vi.resetModules();
  return (await import("@/env")).env;
}

async function refusal(overrides: Record<string, string>): Promise<string> {
  const error = await loadEnv(overrides).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the configuration was accepted").toBeInstanceOf(Error);
  return (error as Error).message;
}

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("web configuration", () => {
  it("defaults: metrics on 3002, no trusted proxy, the client address from x-forwarded-for", async () => {
    const env = await loadEnv({});
    expect(env.WEB_METRICS_PORT).toBe(3002);
    expect(env.AUTH_TRUSTED_PROXIES).toEqual([]);
    expect(env.AUTH_IP_HEADERS).toEqual(["x-forwarded-for"]);
    expect(env.AUTH_SESSION_CACHE_SECONDS).toBe(30);
  });

  it("parses the lists, trimming blanks and lower-casing header names", async () => {
    const env = await loadEnv({
      WEB_METRICS_PORT: "0",
      AUTH_TRUSTED_PROXIES: " 10.244.0.0/16, 192.0.2.10 ,2001:db8::/32,",
      AUTH_IP_HEADERS: "X-Real-IP, x-forwarded-for",
    });
    expect(env.WEB_METRICS_PORT).toBe(0);
    expect(env.AUTH_TRUSTED_PROXIES).toEqual(["10.244.0.0/16", "192.0.2.10", "2001:db8::/32"]);
    expect(env.AUTH_IP_HEADERS).toEqual(["x-real-ip", "x-forwarded-for"]);
  });

  it.each([
    ["10.0.0.0/33", /AUTH_TRUSTED_PROXIES: "10\.0\.0\.0\/33" is not an IP address or CIDR range/],
    ["10.244.0.0/16,ingress-nginx", /AUTH_TRUSTED_PROXIES: "ingress-nginx" is not an IP address or CIDR range/],
    ["192.168.1.300", /AUTH_TRUSTED_PROXIES: "192\.168\.1\.300" is not/],
    ["0.0.0.0/0", /AUTH_TRUSTED_PROXIES: "0\.0\.0\.0\/0" trusts every address/],
    ["::/0", /AUTH_TRUSTED_PROXIES: "::\/0" trusts every address/],
  ])("refuses AUTH_TRUSTED_PROXIES=%s, naming the bad entry", async (value, expected) => {
    expect(await refusal({ AUTH_TRUSTED_PROXIES: value })).toMatch(expected);
  });

  it.each([
    ["x-forwarded-for, x real ip", /AUTH_IP_HEADERS: "x real ip" is not a header name/],
    [" , ", /AUTH_IP_HEADERS: lists no header name/],
  ])("refuses AUTH_IP_HEADERS=%s", async (value, expected) => {
    expect(await refusal({ AUTH_IP_HEADERS: value })).toMatch(expected);
  });

  it("takes AUTH_SESSION_CACHE_SECONDS (0 turns the session cookie cache off)", async () => {
    expect((await loadEnv({ AUTH_SESSION_CACHE_SECONDS: "0" })).AUTH_SESSION_CACHE_SECONDS).toBe(0);
    expect((await loadEnv({ AUTH_SESSION_CACHE_SECONDS: "10" })).AUTH_SESSION_CACHE_SECONDS).toBe(10);
    expect(await refusal({ AUTH_SESSION_CACHE_SECONDS: "3600" })).toMatch(/AUTH_SESSION_CACHE_SECONDS must be at most 300/);
    expect(await refusal({ AUTH_SESSION_CACHE_SECONDS: "soon" })).toMatch(/AUTH_SESSION_CACHE_SECONDS must be a number of seconds/);
  });

  it.each(["metrics", "-1", "70000", "30.5"])("refuses WEB_METRICS_PORT=%s", async (value) => {
    expect(await refusal({ WEB_METRICS_PORT: value })).toMatch(/WEB_METRICS_PORT must be a port number \(0 turns the metrics server off\)/);
  });
});
