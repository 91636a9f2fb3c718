// The transport contract suite (packages/events) against the embedded, Postgres-backed transport.
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { runEventBusContract } from "@taskboard/events/contract";
import { createEmbeddedBus } from "./index.ts";
import { adminDatabaseUrl } from "../../testing/admin-database-url.ts";

runEventBusContract("embedded (graphile-worker)", {
  async setup() {
    const database: TestDatabase = await createTestDatabase(adminDatabaseUrl());
    return {
      createBus: (options) =>
        createEmbeddedBus({
          connectionString: database.url,
          retry: options.retry,
          onDeadLetter: options.onDeadLetter,
          concurrency: 4,
          pollIntervalMs: 500,
        }),
      teardown: () => database.drop(),
    };
  },
});
