// The workers process dies (SIGKILL) in the middle of a session: tasks can still be saved, npm start
// brings the workers back, both tabs reconnect on their own and receive what happened meanwhile,
// without a reload.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { newAccount, quickAdd, signUp } from "../support/accounts";
import { card } from "../support/board";

const status = (page: Page) => page.getByTestId("realtime-status");

function workersPid(): number {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  return Number(fs.readFileSync(path.join(dataDir, "workers.pid"), "utf8"));
}

test("killing the workers loses nothing and the tabs reconnect by themselves", async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const tab1 = await context.newPage();
    await signUp(tab1, newAccount("crash"));
    const tab2 = await context.newPage();
    await tab2.goto("/");
    await expect(status(tab1)).toHaveAttribute("data-state", "live");
    await expect(status(tab2)).toHaveAttribute("data-state", "live");

    await quickAdd(tab1, "Before the crash");
    await expect(card(tab2, "Before the crash")).toBeVisible();

    const killed = workersPid();
    process.kill(killed, "SIGKILL");
    await expect(status(tab2)).not.toHaveAttribute("data-state", "live");

    await test.step("saving still works while the workers are down", async () => {
      await quickAdd(tab1, "While the workers were down");
      await expect(card(tab1, "While the workers were down")).toBeVisible();
    });

    await test.step("the workers come back and both tabs are live again", async () => {
      await expect.poll(workersPid, { timeout: 30_000 }).not.toBe(killed);
      await expect(status(tab1)).toHaveAttribute("data-state", "live", { timeout: 30_000 });
      await expect(status(tab2)).toHaveAttribute("data-state", "live", { timeout: 30_000 });
    });

    await test.step("the other tab receives what happened meanwhile, without a reload", async () => {
      await expect(card(tab2, "While the workers were down")).toBeVisible({ timeout: 30_000 });
      await quickAdd(tab2, "After the restart");
      await expect(card(tab1, "After the restart")).toBeVisible();
    });
  } finally {
    await context.close();
  }
});
