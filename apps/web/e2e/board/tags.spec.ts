// Deleting a tag that tasks use asks first, in the page (no browser confirm): a labelled
// alertdialog that starts on Cancel, cancels with Esc back to the Delete button, and confirms from
// the keyboard. The tasks stay; only the tag goes.
import { expect, test } from "@playwright/test";
import { newAccount, quickAdd, signUp } from "../support/accounts";
import { card } from "../support/board";


test("deleting a used tag asks in an in-page dialog, Esc cancels, confirming keeps the tasks", async ({ page }) => {
  // A browser confirm() would block the page; make sure none is ever opened.
  page.on("dialog", (dialog) => {
    throw new Error(`unexpected browser ${dialog.type()}: ${dialog.message()}`);
  });
  await signUp(page, newAccount("tags"));
  await quickAdd(page, "Water the plants #home", ["home"]);
  await quickAdd(page, "Fix the sink #home #diy", ["home", "diy"]);

  await page.getByRole("button", { name: "Manage tags" }).click();
  const tagsPanel = page.getByRole("dialog", { name: "Tags" });
  const rows = tagsPanel.getByRole("list", { name: "Your tags" }).getByRole("listitem");
  await expect(rows).toHaveCount(2);
  const deleteHome = tagsPanel.getByRole("button", { name: "Delete tag home" });
  const confirm = page.getByRole("alertdialog", { name: "Delete tag “home”?" });

  await test.step("the question names the tag and what happens, and starts on Cancel", async () => {
    await deleteHome.click();
    await expect(confirm).toBeVisible();
    await expect(confirm).toHaveAccessibleDescription("It is removed from 2 tasks; the tasks themselves stay.");
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  });

  await test.step("Esc cancels: nothing is deleted, the tags panel stays, focus is back on Delete", async () => {
    await page.keyboard.press("Escape");
    await expect(confirm).toBeHidden();
    await expect(tagsPanel).toBeVisible();
    await expect(rows).toHaveCount(2);
    await expect(deleteHome).toBeFocused();
  });

  await test.step("confirm with the keyboard", async () => {
    await page.keyboard.press("Enter");
    await expect(confirm).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(confirm.getByRole("button", { name: "Delete tag" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(confirm).toBeHidden();
    await expect(page.getByText("Deleted tag “home”")).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(tagsPanel.getByLabel("Name of tag diy")).toBeVisible();
  });

  await test.step("the tasks are still there, without the tag", async () => {
    await page.keyboard.press("Escape");
    await expect(tagsPanel).toBeHidden();
    await expect(card(page, "Water the plants")).toBeVisible();
    await expect(card(page, "Water the plants")).not.toContainText("home");
    await expect(card(page, "Fix the sink")).toContainText("diy");
    await expect(card(page, "Fix the sink")).not.toContainText("home");
    await page.reload();
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(2);
    await expect(card(page, "Fix the sink")).not.toContainText("home");
  });
});
