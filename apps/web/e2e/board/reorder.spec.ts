// Manual order: with "Sort: Manual" the cards have Move up/down buttons and Alt+↑/↓ on a focused
// card; the new order is saved and is the same after a reload.
import { expect, test, type Page } from "@playwright/test";
import { newAccount, quickAdd, signUp } from "../support/accounts";
import { card } from "../support/board";

const titles = (page: Page) => page.getByRole("listitem").getByRole("button", { name: /^(Alpha|Bravo|Charlie|Delta)$/ });

test("reorder by button and by keyboard, kept after a reload", async ({ page }) => {
  await signUp(page, newAccount("reorder"));
  for (const title of ["Alpha", "Bravo", "Charlie", "Delta"]) await quickAdd(page, title);

  await test.step("manual order is the order they were added", async () => {
    await page.getByLabel("Sort by").selectOption("position");
    await expect(page).toHaveURL(/sort=position/);
    await expect(titles(page)).toHaveText(["Alpha", "Bravo", "Charlie", "Delta"]);
  });

  await test.step("the Move up button", async () => {
    await page.getByRole("button", { name: "Move “Charlie” up" }).click();
    await expect(titles(page)).toHaveText(["Alpha", "Charlie", "Bravo", "Delta"]);
  });

  await test.step("Alt+↓ on a focused card, twice in a row, keeps focus on it", async () => {
    await card(page, "Alpha").focus();
    await page.keyboard.press("Alt+ArrowDown");
    await expect(titles(page)).toHaveText(["Charlie", "Alpha", "Bravo", "Delta"]);
    await expect(card(page, "Alpha")).toBeFocused();
    await page.keyboard.press("Alt+ArrowDown");
    await expect(titles(page)).toHaveText(["Charlie", "Bravo", "Alpha", "Delta"]);
    await expect(card(page, "Alpha")).toBeFocused();
    await page.keyboard.press("Alt+ArrowUp");
    await page.keyboard.press("Alt+ArrowUp");
    await expect(titles(page)).toHaveText(["Alpha", "Charlie", "Bravo", "Delta"]);
    await expect(card(page, "Alpha")).toBeFocused();
  });

  await test.step("no move failed, and the order survives a reload", async () => {
    await expect(page.getByText(/Could not move|Changed elsewhere/)).toHaveCount(0);
    // The list is busy while moves are being saved.
    await expect(page.getByTestId("task-list")).not.toHaveAttribute("aria-busy", "true");
    // aria-busy follows React's next render of the last key press; the requests themselves are
    // what must be over before the reload, whose server render reads the database at once.
    await page.waitForLoadState("networkidle");
    await page.reload();
    await expect(page.getByLabel("Sort by")).toHaveValue("position");
    await expect(titles(page)).toHaveText(["Alpha", "Charlie", "Bravo", "Delta"]);
  });
});
