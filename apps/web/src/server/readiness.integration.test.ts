import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@taskboard/db";
import type { TestDatabase } from "@taskboard/db/testing";
import { checkReadiness } from "./readiness";
import { openTestDatabase } from "./testing/test-database";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await openTestDatabase();
});
afterAll(() => testDb.drop());

describe("checkReadiness", () => {
  it("is ready when the database answers", async () => {
    expect(await checkReadiness(testDb.db)).toEqual({ status: "ready", database: "ok" });
  });

  it("explains when the database cannot be reached", async () => {
    const unreachable = createDb("postgresql://nobody:secret@127.0.0.1:1/none");
    const result = await checkReadiness(unreachable, 2_000);
    expect(result).toMatchObject({ status: "unavailable", database: "unreachable" });
    expect(result.status === "unavailable" && result.message).toMatch(/^The database cannot be reached: /);
    expect(JSON.stringify(result)).not.toContain("secret");
    await unreachable.$disconnect();
  });
});
