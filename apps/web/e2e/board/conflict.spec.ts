// Optimistic concurrency as a person meets it: the same task open in the editor in two tabs. The
// tab that saves second is told someone else changed the task, sees what they changed, and either
// keeps its edits on top of theirs (both survive) or takes their version.
import { expect, test, type Page } from "@playwright/test";
import { newAccount, quickAdd, signUp } from "../support/accounts";
import { card } from "../support/board";


async function openEditor(page: Page, title: string) {
  await page.getByRole("button", { name: `Edit “${title}”` }).click();
  const dialog = page.getByRole("dialog", { name: "Edit task" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("a stale save explains the conflict and merges or takes the latest", async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const tab1 = await context.newPage();
    await signUp(tab1, newAccount("conflict"));
    await quickAdd(tab1, "Buy milk");
    const tab2 = await context.newPage();
    await tab2.goto("/");
    await expect(card(tab2, "Buy milk")).toBeVisible();

    await test.step("keep my edits: their title and priority plus my description", async () => {
      const mine = await openEditor(tab1, "Buy milk");
      await mine.getByRole("textbox", { name: "Description" }).fill("2 litres");

      const theirs = await openEditor(tab2, "Buy milk");
      await theirs.getByLabel("Title").fill("Buy oat milk");
      await theirs.getByLabel("Priority").selectOption("HIGH");
      await theirs.getByRole("button", { name: "Save" }).click();
      await expect(theirs).toBeHidden();

      await mine.getByRole("button", { name: "Save" }).click();
      const banner = mine.getByRole("alert").filter({ hasText: "Someone else changed this task while you were editing it" });
      await expect(banner).toBeVisible();
      await expect(banner.getByRole("list", { name: "Their changes" }).getByRole("listitem")).toHaveText([
        "Title: “Buy oat milk”",
        "Priority: High",
      ]);
      // Nothing of mine was lost or saved yet.
      await expect(mine.getByRole("textbox", { name: "Description" })).toHaveValue("2 litres");

      await banner.getByRole("button", { name: "Keep my edits on top of theirs" }).click();
      await expect(banner).toBeHidden();
      await expect(mine.getByLabel("Title")).toHaveValue("Buy oat milk");
      await expect(mine.getByLabel("Priority")).toHaveValue("HIGH");
      await expect(mine.getByRole("textbox", { name: "Description" })).toHaveValue("2 litres");
      await mine.getByRole("button", { name: "Save" }).click();
      await expect(mine).toBeHidden();

      for (const page of [tab1, tab2]) {
        await expect(card(page, "Buy oat milk")).toContainText("High");
        await expect(card(page, "Buy oat milk")).toContainText("2 litres");
      }
      await tab1.reload();
      await expect(card(tab1, "Buy oat milk")).toContainText("High");
      await expect(card(tab1, "Buy oat milk")).toContainText("2 litres");
    });

    await test.step("use their version: the form shows the latest values, mine are dropped", async () => {
      const mine = await openEditor(tab1, "Buy oat milk");
      await mine.getByLabel("Title").fill("Buy milk for the week");

      const theirs = await openEditor(tab2, "Buy oat milk");
      await theirs.getByLabel("Priority").selectOption("LOW");
      await theirs.getByRole("button", { name: "Save" }).click();
      await expect(theirs).toBeHidden();

      await mine.getByRole("button", { name: "Save" }).click();
      const banner = mine.getByRole("alert").filter({ hasText: "Someone else changed this task" });
      await expect(banner.getByRole("listitem")).toHaveText(["Priority: Low"]);
      await banner.getByRole("button", { name: "Use their version (discard my edits)" }).click();
      await expect(mine.getByLabel("Title")).toHaveValue("Buy oat milk");
      await expect(mine.getByLabel("Priority")).toHaveValue("LOW");
      await mine.getByRole("button", { name: "Cancel" }).click();
      await expect(mine).toBeHidden();

      await expect(card(tab1, "Buy oat milk")).toContainText("Low");
      await expect(card(tab1, "Buy milk for the week")).toHaveCount(0);
    });
  } finally {
    await context.close();
  }
});
