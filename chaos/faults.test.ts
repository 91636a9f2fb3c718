// The fault scenarios at CI size, inside `npm test`: the same definitions `npm run chaos` runs at
// full size, each asserting the books (nothing lost, nothing duplicated, each task's changes in
// order, dead letters only for the poison injected on purpose, no failed mutation), never timing.
// The Dapr scenarios need the real runtime (`npm run tools`); without it they are skipped, saying so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingFor, scenariosOn, startEnvironment, type ChaosEnvironment } from "./environments.ts";
import { CI_SIZE, problemsOf, runScenario, SCENARIO_KEYS } from "./scenarios.ts";
import { formatTable } from "./table.ts";
import type { ScenarioResult } from "./scenarios.ts";

const results: ScenarioResult[] = [];
const scenarioTimeout = (CI_SIZE.workloadSeconds + 60) * 1000 + CI_SIZE.settleCapMs;

for (const transport of ["embedded", "dapr"] as const) {
  const keys = scenariosOn(transport, SCENARIO_KEYS);
  const missing = missingFor(transport);
  if (missing.length > 0) {
    describe(`fault scenarios on the ${transport} transport (CI size)`, () => {
      for (const line of missing) console.log(line);
      for (const key of keys) it.skip(`${key}: ${missing.join("; ")}`, () => undefined);
    });
    continue;
  }
  describe(`fault scenarios on the ${transport} transport (CI size)`, () => {
    let env: ChaosEnvironment | undefined;
    beforeAll(async () => {
      env = await startEnvironment(transport, CI_SIZE);
    }, 600_000);
    afterAll(async () => {
      await env?.stop();
    }, 120_000);

    for (const key of keys) {
      it(`${key}: every change audited once and in order, every next occurrence and reminder once, nothing stuck`, async () => {
        if (!env) throw new Error("the product did not start");
        const result = await runScenario(key, env);
        results.push(result);
        expect(problemsOf(result), `books: ${JSON.stringify(result.books)}; logs: ${env.logs.join(", ")}`).toEqual([]);
        // The scenario did exercise what it claims to.
        expect(result.books.events).toBeGreaterThan(0);
        expect(result.books.deadLettered).toBe(1);
        if (key === "postgres-down") expect(result.outage?.statuses.get("503") ?? 0).toBeGreaterThan(0);
      }, scenarioTimeout);
    }
  });
}

afterAll(() => {
  if (results.length) console.log(`\nFault scenarios at CI size\n${formatTable(results)}`);
});
