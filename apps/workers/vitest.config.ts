import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The suites against the real daprd, Kafka and Redis run apart: `npm run test:dapr`.
    exclude: ["src/**/*.dapr.test.ts", "**/node_modules/**"],
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
