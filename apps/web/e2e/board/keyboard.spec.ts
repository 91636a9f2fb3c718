// Keyboard-only use: shortcuts to add, move between cards, edit, complete and get help.
import { expect, test } from "@playwright/test";
import { newAccount, quickAdd, signUp } from "../support/accounts";

test("n, j/k, e, x, / and ? work when not typing", async ({ page }) => {
  await signUp(page, newAccount("keys"));
  await page.getByLabel("New task").blur();

  await page.keyboard.press("n");
  await expect(page.getByLabel("New task")).toBeFocused();
  await quickAdd(page, "first task today");
  await quickAdd(page, "second task tomorrow");
  await page.getByLabel("New task").blur();

  await page.keyboard.press("j");
  await expect(page.getByRole("listitem", { name: "first task" })).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.getByRole("listitem", { name: "second task" })).toBeFocused();
  await page.keyboard.press("k");
  await expect(page.getByRole("listitem", { name: "first task" })).toBeFocused();

  await page.keyboard.press("e");
  const dialog = page.getByRole("dialog", { name: "Edit task" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.getByRole("listitem", { name: "first task" }).focus();
  await page.keyboard.press("x");
  await expect(page.getByRole("listitem", { name: "first task" })).toHaveCount(0);

  await page.keyboard.press("/");
  await expect(page.getByLabel("Search tasks")).toBeFocused();
  await page.getByLabel("Search tasks").blur();

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
});
