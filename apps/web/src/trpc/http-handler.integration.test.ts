// The real HTTP path of /api/trpc (fetch adapter, error formatter, body limit) as a browser
// signed in through better-auth sees it: bad input is a 400 naming the fields and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import { createAuth, type TAuth } from "@/auth/create-auth";
import { openTestDatabase } from "@/server/testing/test-database";
import { signUpCookie } from "@/server/testing/sign-up-cookie";
import { createTrpcHttpHandler, MAX_TRPC_BODY_BYTES } from "./http-handler";

const baseURL = "http://localhost:3000";
let testDb: TestDatabase;
let auth: TAuth;
let handle: (request: Request) => Promise<Response>;
let cookie: string;

beforeAll(async () => {
  testDb = await openTestDatabase();
  auth = createAuth({ db: testDb.db, secret: "test-secret-that-is-at-least-32-characters-long", baseURL });
  handle = createTrpcHttpHandler({ getDeps: () => ({ db: testDb.db, auth }), appOrigin: () => baseURL });
  cookie = await signUpCookie(auth, baseURL, { name: "Http", email: "http@example.test" });
});
afterAll(() => testDb.drop());

function mutation(path: string, body: string, headers: Record<string, string> = {}) {
  return handle(
    new Request(`${baseURL}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, ...headers },
      body,
    }),
  );
}

function query(path: string, input: unknown) {
  const url = `${baseURL}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  return handle(new Request(url, { headers: { cookie } }));
}

async function nothingWritten() {
  expect(await testDb.db.task.count()).toBe(0);
  expect(await testDb.db.tag.count()).toBe(0);
  expect(await testDb.db.outboxEvent.count()).toBe(0);
}

describe("cross-site writes", () => {
  it("refuses a POST whose Origin is another site with 403, and writes nothing", async () => {
    const response = await mutation("task.create", JSON.stringify({ title: "csrf" }), { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error.data.code).toBe("FORBIDDEN");
    expect(body.error.message).toMatch(/cross-site/i);
    await nothingWritten();
  });

  it("refuses a POST that the browser marks cross-site even without Origin", async () => {
    const response = await mutation("task.create", JSON.stringify({ title: "csrf" }), { "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(403);
    await nothingWritten();
  });

  it("accepts the app's own origin", async () => {
    const response = await mutation("task.create", JSON.stringify({ title: "same origin" }), { origin: baseURL });
    expect(response.status).toBe(200);
    await testDb.db.outboxEvent.deleteMany();
    await testDb.db.task.deleteMany();
  });
});

describe("POST /api/trpc", () => {
  it("creates a task for the session's user", async () => {
    const response = await mutation("task.create", JSON.stringify({ title: "via http" }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.result.data).toMatchObject({ title: "via http", version: 1 });
    await testDb.db.outboxEvent.deleteMany();
    await testDb.db.task.deleteMany();
  });

  it("answers bad input with 400, a message naming the fields and data.zodError, and writes nothing", async () => {
    const response = await mutation(
      "task.create",
      JSON.stringify({ title: "   ", priority: "SOON", dueAt: "tomorrow", colour: "red", tagNames: ["#x"] }),
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.data.httpStatus).toBe(400);
    expect(Object.keys(error.data.zodError.fieldErrors).sort()).toEqual(["colour", "dueAt", "priority", "tagNames.0", "title"]);
    expect(error.message).toMatch(/^Invalid input: /);
    for (const field of ["title", "priority", "dueAt", "colour"]) expect(error.message).toContain(field);
    await nothingWritten();
  });

  it("names nested patch fields and refuses an empty patch", async () => {
    const bad = await mutation(
      "task.update",
      JSON.stringify({ id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, patch: { title: "" } }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.data.zodError.fieldErrors).toHaveProperty(["patch.title"]);
    const empty = await mutation(
      "task.update",
      JSON.stringify({ id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, patch: {} }),
    );
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toContain("Nothing to change");
  });

  it("answers malformed JSON and a wrong-typed body with 400, never 500", async () => {
    expect((await mutation("task.create", "{not json")).status).toBe(400);
    expect((await mutation("task.create", JSON.stringify(["array"]))).status).toBe(400);
    expect((await mutation("tag.create", JSON.stringify({ name: 42 }))).status).toBe(400);
    expect((await query("task.list", { limit: 1000 })).status).toBe(400);
    expect((await query("task.get", { id: "not-a-uuid" })).status).toBe(400);
    await nothingWritten();
  });

  it("maps domain errors to their status: 404, 409", async () => {
    const missing = await query("task.get", { id: "00000000-0000-4000-8000-000000000000" });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe("Task not found");
    expect((await mutation("tag.create", JSON.stringify({ name: "dup" }))).status).toBe(200);
    const duplicate = await mutation("tag.create", JSON.stringify({ name: "DUP" }));
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error.data.zodError.fieldErrors).toHaveProperty("name");
    await testDb.db.tag.deleteMany();
  });

  it("refuses a body over 100 kB with 413 before running anything", async () => {
    const huge = JSON.stringify({ title: "big", description: "x".repeat(MAX_TRPC_BODY_BYTES) });
    const response = await mutation("task.create", huge);
    expect(response.status).toBe(413);
    expect((await response.json()).error.data.code).toBe("PAYLOAD_TOO_LARGE");
    // Also when the client does not declare a length (a streamed body).
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const chunked = await handle(
      new Request(`${baseURL}/api/trpc/task.create`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: streamed,
        duplex: "half",
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    await nothingWritten();
  });

  it("is 401 without a session", async () => {
    const response = await handle(new Request(`${baseURL}/api/trpc/user.me`));
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toBe("Please sign in to continue.");
  });

  it("hides internal error details from the client", async () => {
    const broken = createTrpcHttpHandler({
      getDeps: () => ({ db: testDb.db, auth }),
      appOrigin: () => baseURL,
      onError: () => undefined,
    });
    await testDb.db.$executeRawUnsafe(`ALTER TABLE tasks RENAME TO tasks_moved`);
    try {
      const response = await broken(new Request(`${baseURL}/api/trpc/task.list`, { headers: { cookie } }));
      expect(response.status).toBe(500);
      const { error } = await response.json();
      expect(error.message).toBe("Something went wrong on our side. Please try again.");
      // (tRPC adds data.stack outside production only; next start runs with NODE_ENV=production.)
      expect(error.message).not.toContain("tasks");
    } finally {
      await testDb.db.$executeRawUnsafe(`ALTER TABLE tasks_moved RENAME TO tasks`);
    }
  });
});
