import { defineConfig } from "vitest/config";

// One product per transport, scenarios one after the other: nothing here may run in parallel.
export default defineConfig({
  test: {
    include: ["faults.test.ts"],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
