// The web logger (pino) must not print secrets: its redact paths cover password, token, secret,
// cookie and authorization where request code puts them (one level down: { req: { cookie } },
// { body: { password } }). The logger writes straight to stdout and takes no destination, so this
// serialises log records through the real logger instance's own JSON serialiser.
import pino from "pino";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("@/env", () => ({ env: { LOG_LEVEL: "info" } }));

const { logger } = await import("@/server/logger");

/** The exact line the logger would write for `logger.info(obj, msg)`. */
function lineFor(obj: object, msg = "record"): string {
  const asJson = (logger as unknown as Record<symbol, (o: object, m: string, n: number, t: string) => string>)[pino.symbols.asJsonSym];
  if (!asJson) throw new Error("pino no longer exposes asJsonSym: capture the logger's output another way");
  return asJson.call(logger, obj, msg, 30, `,"time":${Date.now()}`);
}

describe("web logger redaction", () => {
  const secretValue = "Recognisable-S3cret-Value";

  it.each(["password", "token", "secret", "cookie", "authorization"])("redacts %s one level down", (field) => {
    const line = lineFor({ req: { [field]: secretValue, path: "/api/auth/sign-in/email" } });
    expect(line).not.toContain(secretValue);
    expect(line).toContain("/api/auth/sign-in/email");
    expect(JSON.parse(line).req[field]).toBe("[Redacted]");
  });

  it.each([
    ["at the top level", { password: "x" }],
    ["two levels down", { body: { user: { password: "x" } } }],
    ["in capitalised request headers", { req: { headers: { Cookie: "x", Authorization: "x" } } }],
  ])("redacts credentials %s", (_where, record) => {
    const withSecret = JSON.parse(JSON.stringify(record).replaceAll('"x"', JSON.stringify(secretValue)));
    expect(lineFor(withSecret)).not.toContain(secretValue);
  });

  it("still logs the harmless fields around them", () => {
    const line = JSON.parse(lineFor({ err: { message: "boom", password: secretValue }, path: "task.create" }));
    expect(line.path).toBe("task.create");
    expect(line.err.password).toBe("[Redacted]");
  });
});
