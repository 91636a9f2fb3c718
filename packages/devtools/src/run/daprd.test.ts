// startDaprd's API tokens, against the real daprd: an empty resources folder is enough (no broker,
// no scheduler), so this takes about a second.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { freePort } from "@taskboard/db/ports";
import { afterAll, describe, expect, it } from "vitest";
import { missingTools } from "../locate.ts";
import { startDaprd } from "./daprd.ts";

const missing = missingTools(["daprd"]);
for (const line of missing) console.log(line);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "taskboard-daprd-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(missing.length > 0)("startDaprd", () => {
  it("sets DAPR_API_TOKEN and APP_API_TOKEN on daprd and hands them on in env", async () => {
    const appPort = await freePort();
    const tokenByPath = new Map<string, unknown>();
    const app = http.createServer((req, res) => {
      tokenByPath.set(req.url ?? "", req.headers["dapr-api-token"]);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(req.url === "/dapr/subscribe" ? "[]" : "{}");
    });
    await new Promise<void>((resolve) => app.listen(appPort, "127.0.0.1", resolve));
    const resourcesPath = path.join(tmp, "resources");
    fs.mkdirSync(resourcesPath, { recursive: true });
    const daprd = await startDaprd({
      appId: "token-test",
      appPort,
      resourcesPath,
      schedulerAddress: "127.0.0.1:1",
      logDir: tmp,
      apiToken: "api-s3cret",
      appApiToken: "app-s3cret",
    });
    try {
      expect(daprd.env).toMatchObject({ DAPR_API_TOKEN: "api-s3cret", APP_API_TOKEN: "app-s3cret" });
      const metadata = `http://127.0.0.1:${daprd.httpPort}/v1.0/metadata`;
      expect((await fetch(metadata)).status).toBe(401);
      expect((await fetch(metadata, { headers: { "dapr-api-token": "api-s3cret" } })).status).toBe(200);
      // daprd reads the app's configuration once it is up. (Its app health probe, GET /healthz,
      // carries no token: the workers' callback server answers it without one.)
      const deadline = Date.now() + 10_000;
      while (!tokenByPath.has("/dapr/config") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(tokenByPath.get("/dapr/config")).toBe("app-s3cret");
    } finally {
      await daprd.stop();
      await new Promise<void>((resolve) => app.close(() => resolve()));
    }
  });
});
