// docs/invariants.md #8 under fire: property-based hostile input (fast-check) through the REAL /api/trpc
// HTTP handler, signed in through better-auth, for EVERY procedure of the router (enumerated, so a
// new procedure is fuzzed without anyone remembering to). Arbitrary JSON and near-valid mutations
// of a valid input (wrong types, huge and unicode strings, extra keys, nested garbage, negative
// numbers, NaN/Infinity, which JSON turns into null) must never give a 5xx; an error is a 4xx with
// a message; and an error changes nothing in the database. Then the same for parseEvent, the
// gate every consumer passes events through.
import fc from "fast-check";
import { parseEvent } from "@taskboard/events";
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAuth, type TAuth } from "@/auth/create-auth";
import { openTestDatabase } from "@/server/testing/test-database";
import { signUpCookie } from "@/server/testing/sign-up-cookie";
import { appRouter } from "@/trpc/app-router";
import { createTrpcHttpHandler } from "@/trpc/http-handler";

// realtime.token reads its secret from the env (validated at first use); give it one.
vi.mock("@/realtime/realtime-settings", () => ({
  realtimeSettings: async () => ({ tokenSecret: "fuzz-realtime-secret-at-least-32-characters", socketUrl: null }),
}));

const baseURL = "http://localhost:3000";
/** Runs per procedure: keeps the whole file around 15 s; raise it locally for a deeper search. */
const NUM_RUNS = 60;

let testDb: TestDatabase;
let auth: TAuth;
let handle: (request: Request) => Promise<Response>;
let cookie: string;
let taskId: string;
let tagId: string;
let projectId: string;
/** A project of the fuzzer's own (not the Inbox), with a section and a pending invitation. */
let sharedProjectId: string;
let sectionId: string;
let invitationId: string;

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .map(([path, procedure]) => ({ path, type: procedure._def.type }))
  .sort((a, b) => a.path.localeCompare(b.path));

/** A valid input per procedure (the seed for near-valid mutations); undefined = takes no input. */
function validInputs(): Record<string, Record<string, unknown> | undefined> {
  return {
    "task.list": { status: "ALL", limit: 10, search: "x", sort: "due", tagIds: [tagId], projectId, sectionId: null, assignedToMe: false },
    "task.get": { id: taskId },
    "task.create": {
      title: "fuzz",
      description: "d",
      priority: "HIGH",
      tagIds: [tagId],
      dueAt: "2030-01-01T09:00:00.000Z",
      timeZone: "Europe/Paris",
      rrule: "FREQ=WEEKLY;BYDAY=MO,WE",
      remindBeforeMinutes: 15,
    },
    "task.update": { id: taskId, expectedVersion: 1, patch: { title: "t", priority: "LOW" } },
    "task.reorder": { id: taskId, expectedVersion: 1, position: 3 },
    "task.move": { id: taskId, expectedVersion: 1, projectId, sectionId: null, position: 3 },
    "task.complete": { id: taskId },
    "task.reopen": { id: taskId },
    "task.delete": { id: taskId },
    "task.restore": { id: taskId },
    "tag.create": { name: "fuzz" },
    "tag.update": { id: tagId, name: "renamed" },
    "tag.delete": { id: tagId },
    "realtime.changesSince": { afterSeq: 0, limit: 10 },
    "audit.list": { types: ["task.created"], taskId, limit: 10 },
    "notification.list": { unreadOnly: true, limit: 10 },
    "notification.markRead": { ids: [taskId] },
    "project.get": { id: sharedProjectId },
    "project.create": { name: "fuzz", color: "#123456" },
    "project.update": { id: sharedProjectId, expectedVersion: 1, patch: { name: "renamed", color: "#abcdef" } },
    "project.archive": { id: sharedProjectId },
    "project.unarchive": { id: sharedProjectId },
    "project.delete": { id: sharedProjectId },
    "project.restore": { id: sharedProjectId },
    "project.reorder": { id: sharedProjectId, position: 2 },
    "project.setView": { id: sharedProjectId, view: "KANBAN" },
    "section.list": { projectId: sharedProjectId },
    "section.create": { projectId: sharedProjectId, name: "fuzz", position: 1 },
    "section.update": { id: sectionId, expectedVersion: 1, patch: { name: "renamed", position: 2 } },
    "section.delete": { id: sectionId, tasks: { action: "moved", toSectionId: null } },
    "member.list": { projectId: sharedProjectId },
    "member.invite": { projectId: sharedProjectId, email: "friend@example.test", role: "EDITOR" },
    "member.revokeInvitation": { invitationId },
    "member.acceptInvitation": { invitationId },
    "member.declineInvitation": { invitationId },
    "member.changeRole": { projectId: sharedProjectId, userId: "someone", role: "VIEWER" },
    "member.remove": { projectId: sharedProjectId, userId: "someone" },
    "member.leave": { projectId: sharedProjectId },
    "member.transferOwnership": { projectId: sharedProjectId, userId: "someone" },
  };
}

/** Garbage of every shape a client could send in place of a field. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => "𝕏\u0000'\"<script>".repeat(Math.ceil(n / 10))),
  fc.integer(),
  fc.constantFrom(-1, 0, -0, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, 0.5, NaN, Infinity, -Infinity),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("", " ", "00000000-0000-0000-0000-000000000000", "' OR 1=1 --", "__proto__", "constructor", "2030-02-30T25:61:00Z"),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 300 }),
  fc.jsonValue({ maxDepth: 6 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 })),
);

/** Keys that live on Object.prototype: an extra field of that name must be refused like any other. */
const prototypeKeys = fc.constantFrom("__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "__defineGetter__");

/** A copy with one more own key (defineProperty, so even "__proto__" is a plain own field). */
function withOwnKey(valid: Record<string, unknown>, key: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** One near-valid mutation of a valid input: a field replaced, removed, or an extra key added. */
function nearValid(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const nestedKeys = keys.filter((key) => typeof valid[key] === "object" && valid[key] !== null && !Array.isArray(valid[key]));
  const options: fc.Arbitrary<unknown>[] = [
    fc.record({ key: fc.constantFrom(...keys), value: garbage }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    fc
      .record({ key: fc.oneof(fc.string({ maxLength: 20 }), prototypeKeys), value: garbage })
      .map(({ key, value }) => withOwnKey(valid, key, value)),
    fc.record({ key: fc.constantFrom(...keys), value: garbage }).map(({ key, value }) => ({ ...valid, [key]: [valid[key], value] })),
  ];
  if (nestedKeys.length > 0) {
    options.push(
      fc
        .record({ outer: fc.constantFrom(...nestedKeys), inner: fc.string({ maxLength: 12 }), value: garbage })
        .map(({ outer, inner, value }) => ({ ...valid, [outer]: { ...(valid[outer] as object), [inner]: value } })),
    );
  }
  return fc.oneof(...options);
}

function inputsFor(path: string): fc.Arbitrary<unknown> {
  const valid = validInputs()[path];
  const arbitraryJson = fc.oneof(fc.jsonValue({ maxDepth: 5 }), garbage);
  return valid ? fc.oneof({ arbitrary: nearValid(valid), weight: 3 }, { arbitrary: arbitraryJson, weight: 1 }) : arbitraryJson;
}

/** A fingerprint of every row a procedure could write. */
async function fingerprint(): Promise<string> {
  const [row] = await testDb.db.$queryRawUnsafe<{ f: string }[]>(`
    SELECT concat_ws('|',
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM tasks t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM tags t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.task_id, t.tag_id), '')) FROM task_tags t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM notifications t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM projects t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.project_id, t.user_id), '')) FROM project_members t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM project_invitations t),
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM sections t),
      (SELECT count(*) FROM outbox_events),
      (SELECT count(*) FROM user_changes),
      (SELECT count(*) FROM audit_entries)
    ) AS f`);
  return row?.f ?? "";
}

/** Sends `input` the way the tRPC client would: queries as GET ?input=, mutations as POST. */
function send(path: string, type: string, input: unknown): Promise<Response> {
  const body = input === undefined ? undefined : JSON.stringify(input);
  if (type === "query") {
    const query = body === undefined ? "" : `?input=${encodeURIComponent(body)}`;
    return handle(new Request(`${baseURL}/api/trpc/${path}${query}`, { headers: { cookie } }));
  }
  return handle(
    new Request(`${baseURL}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: baseURL },
      ...(body === undefined ? {} : { body }),
    }),
  );
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  auth = createAuth({ db: testDb.db, secret: "test-secret-that-is-at-least-32-characters-long", baseURL });
  handle = createTrpcHttpHandler({ getDeps: () => ({ db: testDb.db, auth }), appOrigin: () => baseURL });
  cookie = await signUpCookie(auth, baseURL, { name: "Fuzz", email: "fuzz@example.test" });
  const tag = await (await send("tag.create", "mutation", { name: "seed" })).json();
  tagId = tag.result.data.id;
  const task = await (await send("task.create", "mutation", { title: "seed", tagIds: [tagId] })).json();
  taskId = task.result.data.id;
  projectId = task.result.data.projectId;
  const project = await (await send("project.create", "mutation", { name: "seed" })).json();
  sharedProjectId = project.result.data.id;
  const section = await (await send("section.create", "mutation", { projectId: sharedProjectId, name: "seed" })).json();
  sectionId = section.result.data.id;
  const invitation = await (await send("member.invite", "mutation", { projectId: sharedProjectId, email: "invitee@example.test", role: "VIEWER" })).json();
  invitationId = invitation.result.data.id;
});
afterAll(() => testDb.drop());

describe("hostile input through the real HTTP handler", () => {
  it("fuzzes every procedure of the router", () => {
    expect(procedures.length).toBeGreaterThan(15);
  });

  it.each(procedures)("$path ($type): never a 5xx; an error is a 4xx with a message and writes nothing", async ({ path, type }) => {
    await fc.assert(
      fc.asyncProperty(inputsFor(path), async (input) => {
        const before = await fingerprint();
        const response = await send(path, type, input);
        const text = await response.text();
        expect(response.status, `${path} answered ${response.status}: ${text.slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400) {
          const body = JSON.parse(text) as { error?: { message?: unknown; data?: { httpStatus?: number } } };
          expect(typeof body.error?.message).toBe("string");
          expect(String(body.error?.message).length).toBeGreaterThan(0);
          expect(body.error?.data?.httpStatus).toBe(response.status);
          expect(await fingerprint(), `${path} wrote something and then answered ${response.status}`).toBe(before);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it.each(["toString", "valueOf", "constructor", "__proto__", "hasOwnProperty"])(
    "an unknown field named %s is a 400 naming it, not a 500 (regression)",
    async (key) => {
      const before = await fingerprint();
      const response = await send("task.create", "mutation", JSON.parse(`{"title":"x",${JSON.stringify(key)}:1}`));
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.data.zodError.fieldErrors[key]).toEqual(["Unknown field"]);
      expect(error.message).toContain(key);
      expect(await fingerprint()).toBe(before);
    },
  );

  it("hostile repeat rules on task.create: a 4xx or a task, never a 5xx or a hang", async () => {
    const parts = fc.constantFrom(
      "FREQ=DAILY", "FREQ=WEEKLY", "FREQ=MONTHLY", "FREQ=YEARLY", "FREQ=SECONDLY", "FREQ=HOURLY", "FREQ=",
      "INTERVAL=0", "INTERVAL=-1", "INTERVAL=99999999999999999999", "INTERVAL=1.5", "COUNT=0", "COUNT=-3",
      "COUNT=1000000000", "UNTIL=19000101T000000Z", "UNTIL=99991231T235959Z", "UNTIL=garbage",
      "BYDAY=MO,MO,MO", "BYDAY=5FR", "BYDAY=-5SU", "BYDAY=XX", "BYMONTHDAY=31", "BYMONTHDAY=30", "BYMONTHDAY=-1",
      "BYMONTHDAY=0", "BYMONTH=2", "BYMONTH=13", "BYSETPOS=-1", "BYSETPOS=9", "WKST=SU", "RRULE:", "X-EVIL=1", ";;", "=",
    );
    const rrule = fc.oneof(
      fc.array(parts, { minLength: 1, maxLength: 6 }).map((p) => p.join(";")),
      fc.string({ maxLength: 120 }),
      fc.string({ unit: "grapheme", maxLength: 120 }).map((t) => `FREQ=DAILY;${t}`),
    );
    await fc.assert(
      fc.asyncProperty(rrule, fc.constantFrom("2030-02-29T09:00:00.000Z", "2030-01-31T09:00:00.000Z", "2030-03-29T01:30:00.000Z"), async (rule, dueAt) => {
        const before = await fingerprint();
        const started = Date.now();
        const response = await send("task.create", "mutation", { title: "rule", dueAt, timeZone: "Europe/London", rrule: rule });
        const text = await response.text();
        expect(response.status, `${rule}: ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(Date.now() - started, `${rule} took too long`).toBeLessThan(3_000);
        if (response.status >= 400) {
          expect(JSON.parse(text).error.message.length).toBeGreaterThan(0);
          expect(await fingerprint()).toBe(before);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("every procedure over HTTP without a session (or with a forged cookie) is 401 and runs nothing", async () => {
    const before = await fingerprint();
    for (const { path, type } of procedures) {
      const input = validInputs()[path];
      for (const headers of [{}, { cookie: "better-auth.session_token=forged.signature" }] as Record<string, string>[]) {
        const body = input === undefined ? undefined : JSON.stringify(input);
        const request =
          type === "query"
            ? new Request(`${baseURL}/api/trpc/${path}${body ? `?input=${encodeURIComponent(body)}` : ""}`, { headers })
            : new Request(`${baseURL}/api/trpc/${path}`, {
                method: "POST",
                headers: { "content-type": "application/json", origin: baseURL, ...headers },
                ...(body ? { body } : {}),
              });
        const response = await handle(request);
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
      }
    }
    expect(await fingerprint()).toBe(before);
  });

  it("the wrong HTTP method or an unknown procedure is a 4xx, never a 5xx", async () => {
    const before = await fingerprint();
    for (const { path, type } of procedures) {
      const input = encodeURIComponent(JSON.stringify(validInputs()[path] ?? {}));
      const response =
        type === "query"
          ? await handle(new Request(`${baseURL}/api/trpc/${path}`, { method: "POST", headers: { cookie, origin: baseURL, "content-type": "application/json" }, body: "{}" }))
          : await handle(new Request(`${baseURL}/api/trpc/${path}?input=${input}`, { headers: { cookie } }));
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
    for (const path of ["task.nope", "nope", "task", "__proto__.toString", "task.list.x", "constructor"]) {
      const response = await handle(new Request(`${baseURL}/api/trpc/${path}`, { headers: { cookie } }));
      expect(response.status, path).toBe(404);
    }
    expect(await fingerprint()).toBe(before);
  });

  it.each([
    ["task.create", "mutation", { title: "nul\u0000title" }],
    ["task.create", "mutation", { title: "ok", description: "nul\u0000description" }],
    ["task.create", "mutation", { title: "ok", tagNames: ["nul\u0000tag"] }],
    ["tag.create", "mutation", { name: "nul\u0000" }],
    ["project.create", "mutation", { name: "nul\u0000" }],
    ["section.create", "mutation", { projectId: "00000000-0000-4000-8000-000000000000", name: "nul\u0000" }],
    ["member.remove", "mutation", { projectId: "00000000-0000-4000-8000-000000000000", userId: "nul\u0000" }],
    ["task.list", "query", { search: "a\u0000b" }],
  ] as const)("U+0000 in %s text is a 400 with a message, not a database 500 (regression)", async (path, type, input) => {
    const before = await fingerprint();
    const response = await send(path, type, input);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/NUL character/);
    expect(await fingerprint()).toBe(before);
  });

  it("a position near the double limit is a 400, not a database 500 (regression)", async () => {
    const before = await fingerprint();
    for (const position of [Number.MAX_VALUE, -Number.MAX_VALUE]) {
      const created = await send("task.create", "mutation", { title: "far", position });
      expect(created.status).toBe(400);
      expect((await created.json()).error.message).toMatch(/position/i);
      const reordered = await send("task.reorder", "mutation", { id: taskId, expectedVersion: 1, position });
      expect(reordered.status).toBe(400);
    }
    expect(await fingerprint()).toBe(before);
  });

  it("a hand-made task.list cursor is a 400 (or a page), never a 500", async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const id = "00000000-0000-4000-8000-000000000000";
    const crafted = fc.record({
      s: fc.constantFrom("due", "priority", "created", "title", "position"),
      d: fc.constantFrom("asc", "desc"),
      v: fc.oneof(garbage.filter((v) => typeof v === "string" || typeof v === "number" || v === null), fc.constant("a\u0000b")),
      i: fc.constant(id),
    });
    await fc.assert(
      fc.asyncProperty(crafted, async (c) => {
        const response = await send("task.list", "query", { status: "ALL", sort: c.s, sortDirection: c.d, cursor: cursor(c) });
        const text = await response.text();
        expect(response.status, `${JSON.stringify(c)}: ${text.slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it("a batch of garbage calls is all 4xx, never a 5xx", async () => {
    const paths = procedures.filter((p) => p.type === "query").map((p) => p.path);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: paths.length }), async (inputs) => {
        const chosen = paths.slice(0, inputs.length);
        const input = Object.fromEntries(inputs.map((value, i) => [String(i), value]));
        const url = `${baseURL}/api/trpc/${chosen.join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
        const response = await handle(new Request(url, { headers: { cookie } }));
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 30 },
    );
  });
});

describe("parseEvent with hostile input", () => {
  let realEvents: Record<string, unknown>[];

  beforeAll(async () => {
    // Real events of several types, as the outbox holds them.
    await send("task.update", "mutation", { id: taskId, expectedVersion: 1, patch: { title: "again" } });
    await send("task.complete", "mutation", { id: taskId });
    await send("task.delete", "mutation", { id: taskId });
    realEvents = (await testDb.db.outboxEvent.findMany({ orderBy: { sequence: "asc" } })).map((row) => row.event as Record<string, unknown>);
  });

  it("accepts the real events (the seeds are valid)", () => {
    expect(realEvents.length).toBeGreaterThanOrEqual(4);
    for (const event of realEvents) expect(parseEvent(event).ok).toBe(true);
  });

  it("never throws on arbitrary JSON, and refuses it with a reason", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (raw) => {
        const result = parseEvent(raw);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on near-valid events; anything it accepts is a well-formed event", () => {
    const mutated = fc
      .record({ index: fc.nat(), key: fc.string({ maxLength: 12 }), pick: fc.nat(), value: garbage, where: fc.constantFrom("top", "data", "remove") })
      .map(({ index, key, pick, value, where }) => {
        const event = structuredClone(realEvents[index % realEvents.length] as Record<string, unknown>);
        const topKeys = Object.keys(event);
        if (where === "remove") {
          delete event[topKeys[pick % topKeys.length] as string];
        } else if (where === "top") {
          event[pick % 2 === 0 ? (topKeys[pick % topKeys.length] as string) : key] = value;
        } else {
          const data = event.data as Record<string, unknown>;
          const dataKeys = Object.keys(data);
          data[pick % 2 === 0 ? (dataKeys[pick % dataKeys.length] as string) : key] = value;
        }
        return JSON.parse(JSON.stringify(event)) as unknown;
      });
    fc.assert(
      fc.property(mutated, (raw) => {
        const result = parseEvent(raw);
        if (result.ok) {
          expect(result.event.specversion).toBe("1.0");
          expect(typeof result.event.id).toBe("string");
          expect(typeof result.event.partitionkey).toBe("string");
        } else {
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
