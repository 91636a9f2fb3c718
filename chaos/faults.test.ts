// The fault scenarios at CI size, inside `npm test`: the same definitions `npm run chaos` runs at
// full size, each asserting the books (nothing lost, nothing duplicated, dead letters only for the
// poison injected on purpose, no failed mutation), never timing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenariosOn, startEnvironment, type ChaosEnvironment } from "./environments.ts";
import { CI_SIZE, problemsOf, runScenario, SCENARIO_KEYS } from "./scenarios.ts";
import { formatTable } from "./table.ts";
import type { ScenarioResult } from "./scenarios.ts";

const results: ScenarioResult[] = [];
const scenarioTimeout = (CI_SIZE.workloadSeconds + 60) * 1000 + CI_SIZE.settleCapMs;

for (const transport of ["embedded", "dapr"] as const) {
  describe(`fault scenarios on the ${transport} transport (CI size)`, () => {
    let env: ChaosEnvironment | undefined;
    beforeAll(async () => {
      env = await startEnvironment(transport, CI_SIZE);
    }, 600_000);
    afterAll(async () => {
      await env?.stop();
    }, 60_000);

    for (const key of scenariosOn(transport, SCENARIO_KEYS)) {
      it(`${key}: every change audited once, every next occurrence and reminder once, nothing stuck`, async () => {
        if (!env) throw new Error("the product did not start");
        const result = await runScenario(key, env);
        results.push(result);
        expect(problemsOf(result), `books: ${JSON.stringify(result.books)}; product log: ${env.chaos.logFile}`).toEqual([]);
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
