// End-to-end tests against the real product: `npm start` from the repo root (embedded PostgreSQL,
// migrations, web, workers) on a fresh data folder, driven with Debian's Chromium. With
// E2E_EVENT_BUS=dapr (`npm run e2e:dapr`) the product runs as `npm run start:dapr` instead: real
// daprd, the Dapr scheduler and Kafka carry the events.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN_EMAIL } from "./e2e/support/admin";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromiumPath)) {
  // Say so loudly; the launch below then fails, so a run without a browser never reports a pass.
  console.log(`skipped: chromium not installed (${chromiumPath}); \`apt-get install -y chromium\``);
}

// The config is evaluated again in each worker process; the env var keeps one folder per run.
if (!process.env.E2E_DATA_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "taskboard-e2e-"));
  // mkdtemp makes it 0700; embedded PostgreSQL runs initdb as its own "postgres" user when root.
  fs.chmodSync(dir, 0o755);
  process.env.E2E_DATA_DIR = dir;
}
const dataDir = process.env.E2E_DATA_DIR;

const onDapr = process.env.E2E_EVENT_BUS === "dapr";
const port = Number(process.env.E2E_PORT ?? (onDapr ? 3300 : 3100));
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: onDapr ? "npm run start:dapr" : "npm start",
    cwd: "../..",
    url: `${baseURL}/api/health`,
    timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 180_000),
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATA_DIR: dataDir,
      PORT: String(port),
      WORKERS_PORT: String(Number(process.env.E2E_WORKERS_PORT ?? port + 1)),
      SOCKET_PORT: String(Number(process.env.E2E_SOCKET_PORT ?? port + 3)),
      // 0: a free port below the ephemeral range, chosen by npm start; no test connects to it.
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "0",
      APP_URL: baseURL,
      // One instance administrator for e2e/admin (the product reads ADMIN_EMAILS at start-up).
      ADMIN_EMAILS: E2E_ADMIN_EMAIL,
      ...(onDapr ? { DAPR_APP_PORT: String(port + 4), DAPR_PUBSUB: process.env.E2E_DAPR_PUBSUB ?? "kafka" } : {}),
    },
  },
});
