// `npm run test:dapr`: the suites against the real Dapr runtime (daprd, the scheduler, Kafka,
// Redis Streams), built by `npm run tools`. One file at a time: each starts its own broker and
// scheduler, and some stop them on purpose, which must not disturb another file's tests.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.dapr.test.ts"],
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
