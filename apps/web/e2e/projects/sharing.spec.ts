// Sharing a project between two people, each in their own browser context: A creates a project
// and invites B as an editor; B accepts the invitation that appears live; each sees the other's
// changes without a reload; as a viewer B cannot edit (and the server refuses a write anyway);
// removed, B's open tab loses the project at once. Prints the A→B latency of one change.
import { expect, test, type Page } from "@playwright/test";
import { quickAdd } from "../support/accounts";
import { card, expectLive } from "../support/board";
import { withTwoPeople } from "../support/people";

const sidebarProject = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Projects and views" }).getByRole("link", { name });

/** A task.create sent by hand from the page, as a tampered client would: the server's answer. */
async function forcedCreate(page: Page, projectId: string, title: string) {
  return page.evaluate(
    async ({ projectId, title }) => {
      const response = await fetch("/api/trpc/task.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ projectId, title }),
      });
      const body = (await response.json()) as { error?: { message?: string; data?: { code?: string } } };
      return { status: response.status, code: body.error?.data?.code, message: body.error?.message };
    },
    { projectId, title },
  );
}

test("two people share a project live: invite, accept, edit, viewer, removal", async ({ browser }) => {
  // Two sign-ups (rate-limited per IP) and a dozen round trips through the workers.
  test.setTimeout(180_000);
  await withTwoPeople(browser, ["share-ada", "share-bob"], async ({ page: a }, { page: b, account: bob }) => {
    await Promise.all([expectLive(a), expectLive(b)]);

    let projectId = "";
    await test.step("A creates a project", async () => {
      await a.getByRole("button", { name: "+ New project" }).click();
      const dialog = a.getByRole("dialog", { name: "New project" });
      await dialog.getByLabel("Project name").fill("Household");
      await dialog.getByRole("button", { name: "Create project" }).click();
      await a.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
      projectId = new URL(a.url()).pathname.split("/").pop() ?? "";
      await expect(a.getByRole("heading", { level: 1, name: "Household" })).toBeVisible();
      await expect(sidebarProject(a, "Household")).toBeVisible();
    });

    await test.step("A invites B by email as an editor", async () => {
      await a.getByRole("button", { name: "Share" }).click();
      const dialog = a.getByRole("dialog", { name: "Share “Household”" });
      await dialog.getByLabel("Invite by email").fill(bob.email);
      await dialog.getByLabel("Role", { exact: true }).selectOption("EDITOR");
      await dialog.getByRole("button", { name: "Invite" }).click();
      await expect(dialog.getByRole("list", { name: "Pending invitations" })).toContainText(bob.email);
      await dialog.getByRole("button", { name: "Close dialog" }).click();
    });

    await test.step("B sees the invitation without a reload and accepts it", async () => {
      const invitation = b.getByRole("group", { name: "Invitation to Household" });
      await expect(invitation).toBeVisible();
      await invitation.getByRole("button", { name: "Accept" }).click();
      await b.waitForURL(`**/projects/${projectId}`);
      await expect(b.getByRole("heading", { level: 1, name: /Household/ })).toBeVisible();
      await expect(sidebarProject(b, "Household")).toBeVisible();
      await expect(b.getByLabel("New task")).toBeVisible();
    });

    await test.step("A adds a task, B sees it live (A→B latency printed)", async () => {
      const box = a.getByLabel("New task");
      await box.fill("Buy paint");
      const seen = card(b, "Buy paint").waitFor();
      const sentAt = Date.now();
      await box.press("Enter");
      await seen;
      console.log(`A→B latency (A presses Enter → the task shows on B's board): ${Date.now() - sentAt} ms`);
      await expect(a.getByText("Saving…")).toHaveCount(0);
    });

    await test.step("B completes it, A sees it go live", async () => {
      await quickAdd(a, "Paint the fence");
      await expect(card(b, "Paint the fence")).toBeVisible();
      await b.getByRole("checkbox", { name: "Complete “Buy paint”" }).click();
      await expect(card(a, "Buy paint")).toHaveCount(0);
      await expect(card(a, "Paint the fence")).toBeVisible();
    });

    await test.step("A makes B a viewer: B's board turns read-only, and a forced write is refused", async () => {
      await a.getByRole("button", { name: "Share" }).click();
      const dialog = a.getByRole("dialog", { name: "Share “Household”" });
      await dialog.getByLabel(`Role of ${bob.name}`).selectOption("VIEWER");
      await expect(dialog.getByLabel(`Role of ${bob.name}`)).toHaveValue("VIEWER");
      await expect(b.getByLabel("New task")).toHaveCount(0);
      await expect(b.getByRole("note")).toContainText("You can view this project");
      await expect(b.getByRole("checkbox", { name: "Complete “Paint the fence”" })).toBeDisabled();
      await expect(b.getByRole("button", { name: "Delete “Paint the fence”" })).toHaveCount(0);
      const refused = await forcedCreate(b, projectId, "Sneaky task");
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.message).toBeTruthy();
      console.log(`a viewer's forced write: ${refused.status} ${refused.code}: ${refused.message}`);
    });

    await test.step("A removes B: B's open tab loses the project at once", async () => {
      const dialog = a.getByRole("dialog", { name: "Share “Household”" });
      await dialog.getByRole("button", { name: `Remove ${bob.name}` }).click();
      await expect(dialog.getByRole("list", { name: "Members" })).not.toContainText(bob.name);
      await b.waitForURL((url) => url.pathname === "/");
      await expect(b.getByText("You no longer have access to “Household”.")).toBeVisible();
      await expect(sidebarProject(b, "Household")).toHaveCount(0);
      await expect(card(b, "Paint the fence")).toHaveCount(0);
    });
  });
});
