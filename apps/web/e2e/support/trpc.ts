// tRPC calls made from a signed-in page, as the app itself makes them (same origin, session
// cookie), for setting up data faster than through the forms.
import type { Page } from "@playwright/test";

/** A mutation (POST), or a query with GET; the procedure's data, or a thrown error with its message. */
export async function call<T>(page: Page, path: string, input: unknown, kind: "mutation" | "query" = "mutation"): Promise<T> {
  return page.evaluate(
    async ({ path, input, kind }) => {
      const response =
        kind === "query"
          ? await fetch(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
          : await fetch(`/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
      const body = (await response.json()) as { result?: { data: unknown }; error?: { message?: string } };
      if (!response.ok) throw new Error(`${path}: ${response.status} ${body.error?.message ?? ""}`);
      return body.result?.data as T;
    },
    { path, input, kind },
  ) as Promise<T>;
}
