// What a security scanner checks first: the pages cannot be framed or sniffed, and a cross-site
// write is refused even with a valid session.
import { expect, test } from "@playwright/test";
import { newAccount, signUp } from "../support/accounts";

test("pages are served with the security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("a signed-in browser's cookie cannot be used from another site", async ({ page }) => {
  await signUp(page, newAccount("csrf"));
  const response = await page.request.post("/api/trpc/task.create", {
    data: { title: "Planted by another site" },
    headers: { origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
  await page.reload();
  await expect(page.getByRole("listitem", { name: /Planted by another site/ })).toHaveCount(0);
});
