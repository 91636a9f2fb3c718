// The transport contract: what every EventBus implementation guarantees, whatever carries the
// events. Run it from a test file with a harness that builds the transport under test:
//
//   runEventBusContract("embedded", { setup: async () => ({ createBus, teardown }) });
//
// It checks transport guarantees only (delivery, fan-out, at-least-once, per-partition order,
// retry with backoff then dead letter, DROP, scheduled jobs, durability). Exactly-once *effect*
// (idempotency by consumer and event id) belongs to the worker runtime and is tested there.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DeadLetter, Delivery, DeliveryStatus, EventBus, RetryPolicy } from "../bus.ts";
import type { TCloudEvent } from "../envelope.ts";
import { TOPICS } from "../topics.ts";
import { ALL_EVENT_TYPES, sampleEvent, sampleTask } from "./sample-events.ts";
import { waitFor } from "./wait-for.ts";

export interface ContractBusOptions {
  retry: RetryPolicy;
  /** The transport must hand every dead letter here (however it stores them). */
  onDeadLetter: (letter: DeadLetter) => Promise<void>;
}

export interface ContractEnvironment {
  /** A bus over this environment's backing store; may be called again to model a restart. */
  createBus(options: ContractBusOptions): EventBus | Promise<EventBus>;
  teardown(): Promise<void>;
}

export interface EventBusContractHarness {
  /** A fresh, empty backing store (a new database, a new set of topics...) for one test. */
  setup(): Promise<ContractEnvironment>;
  /**
   * Whether a retried event leaves other partitions flowing meanwhile (default true). Redis
   * Streams keeps order only with one message in flight per consumer, so a retry there holds
   * every partition until it settles; the healthy event must still arrive, just later.
   */
  independentPartitions?: boolean;
}

/** Short, so the suite runs in seconds; the order of magnitude of the real 1 s, 2 s, 4 s. */
export const CONTRACT_RETRY: RetryPolicy = { maxRetries: 3, initialDelayMs: 100 };

type Handler = (delivery: Delivery) => Promise<DeliveryStatus>;
const ok: Handler = async () => "SUCCESS";

export function runEventBusContract(name: string, harness: EventBusContractHarness): void {
  describe(`EventBus contract: ${name}`, () => {
    let env: ContractEnvironment;
    let deadLetters: DeadLetter[];
    const running: EventBus[] = [];

    beforeEach(async () => {
      env = await harness.setup();
      deadLetters = [];
    });
    afterEach(async () => {
      for (const bus of running.splice(0)) await bus.stop().catch(() => undefined);
      await env.teardown();
    });

    async function busWith(subscribers: Record<string, Handler>, options: { start?: boolean } = {}) {
      const bus = await env.createBus({
        retry: CONTRACT_RETRY,
        onDeadLetter: async (letter) => {
          deadLetters.push(letter);
        },
      });
      for (const [consumer, handle] of Object.entries(subscribers)) {
        bus.subscribe({ consumer, topic: TOPICS.taskEvents, handle });
      }
      running.push(bus);
      if (options.start ?? true) await bus.start();
      return bus;
    }

    function recorder() {
      const received: Delivery[] = [];
      const handle: Handler = async (delivery) => {
        received.push({ ...delivery });
        return "SUCCESS";
      };
      return { received, handle };
    }

    const idOf = (delivery: Delivery) => (delivery.event as TCloudEvent).id;

    it("delivers every event type unchanged, with attempt 1", async () => {
      const sink = recorder();
      const bus = await busWith({ audit: sink.handle });
      const events = ALL_EVENT_TYPES.map((type) => sampleEvent(type, "user-a"));
      await bus.publish(TOPICS.taskEvents, events);
      await waitFor("every event type", () => sink.received.length >= events.length);
      // Project events are keyed by their project, so only each key's own order is promised here.
      const byId = (a: TCloudEvent, b: TCloudEvent) => a.id.localeCompare(b.id);
      expect(sink.received.map((d) => d.event as TCloudEvent).sort(byId)).toEqual([...events].sort(byId));
      expect(sink.received.every((d) => d.attempt === 1 && d.topic === TOPICS.taskEvents)).toBe(true);
    });

    it("passes an event with invalid data through untouched: validating is the consumer's job", async () => {
      const sink = recorder();
      const bus = await busWith({ audit: sink.handle });
      // A complete envelope: Dapr fills in missing envelope attributes (source, time...), so only
      // the data can reach a consumer malformed on every transport.
      const malformed = { ...sampleEvent("task.created", "user-a"), data: 42 };
      await bus.publish(TOPICS.taskEvents, [malformed as unknown as TCloudEvent]);
      await waitFor("the malformed event", () => sink.received.length === 1);
      expect(sink.received[0]?.event).toEqual(malformed);
    });

    it("fans out: each subscriber of a topic gets its own copy of every event", async () => {
      const audit = recorder();
      const sync = recorder();
      const bus = await busWith({ audit: audit.handle, sync: sync.handle });
      const events = [sampleEvent("task.created", "user-a"), sampleEvent("task.completed", "user-b")];
      await bus.publish(TOPICS.taskEvents, events);
      await waitFor("both copies", () => audit.received.length === 2 && sync.received.length === 2);
      const ids = events.map((e) => e.id).sort();
      expect(audit.received.map(idOf).sort()).toEqual(ids);
      expect(sync.received.map(idOf).sort()).toEqual(ids);
    });

    it("delivers again (at least once) when the handler answers RETRY, counting attempts", async () => {
      const attempts: number[] = [];
      const bus = await busWith({
        audit: async (delivery) => {
          attempts.push(delivery.attempt);
          return delivery.attempt < 2 ? "RETRY" : "SUCCESS";
        },
      });
      await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
      await waitFor("the redelivery", () => attempts.length === 2);
      expect(attempts).toEqual([1, 2]);
      expect(deadLetters).toEqual([]);
    });

    it("keeps the publish order of each partition key across batches and concurrency", async () => {
      const seen = new Map<string, number[]>();
      const bus = await busWith({
        audit: async (delivery) => {
          const event = delivery.event as TCloudEvent<string, { task: { version: number } }>;
          await new Promise((r) => setTimeout(r, Math.random() * 3));
          const list = seen.get(event.partitionkey) ?? [];
          list.push(event.data.task.version);
          seen.set(event.partitionkey, list);
          return "SUCCESS";
        },
      });
      const users = ["user-a", "user-b", "user-c", "user-d"];
      const taskIds = Object.fromEntries(users.map((user) => [user, randomUUID()]));
      const perUser = 40;
      for (let batch = 0; batch < 4; batch++) {
        const events: TCloudEvent[] = [];
        for (let i = 0; i < perUser / 4; i++) {
          for (const user of users) {
            const version = batch * (perUser / 4) + i + 1;
            events.push(sampleEvent("task.updated", user, sampleTask(user, { id: taskIds[user], version })));
          }
        }
        await bus.publish(TOPICS.taskEvents, events);
      }
      await waitFor("all events", () => [...seen.values()].reduce((n, l) => n + l.length, 0) === users.length * perUser);
      const expected = Array.from({ length: perUser }, (_, i) => i + 1);
      for (const user of users) expect(seen.get(user)).toEqual(expected);
    });

    it("applies each event once and in partition order when the subscriber also takes batches", async () => {
      // A transport may hand a partition's backlog to handleBatch, or never; a refused batch
      // (false) must come again one at a time. Either way: once each, in publish order.
      const applied = new Map<string, number[]>();
      const apply = (delivery: Delivery) => {
        const event = delivery.event as TCloudEvent<string, { task: { version: number } }>;
        applied.set(event.partitionkey, [...(applied.get(event.partitionkey) ?? []), event.data.task.version]);
      };
      const bus = await env.createBus({ retry: CONTRACT_RETRY, onDeadLetter: async (letter) => void deadLetters.push(letter) });
      let refused = 0;
      bus.subscribe({
        consumer: "audit",
        topic: TOPICS.taskEvents,
        handle: async (delivery) => {
          apply(delivery);
          return "SUCCESS";
        },
        handleBatch: async (deliveries) => {
          // Refuse every other batch, so that both paths run.
          if (refused++ % 2 === 0) return false;
          deliveries.forEach(apply);
          return true;
        },
      });
      running.push(bus);
      await bus.start();
      const users = ["user-a", "user-b"];
      const taskIds = Object.fromEntries(users.map((user) => [user, randomUUID()]));
      const perUser = 30;
      for (let batch = 0; batch < 3; batch++) {
        const events = Array.from({ length: perUser / 3 }, (_, i) =>
          users.map((user) => sampleEvent("task.updated", user, sampleTask(user, { id: taskIds[user], version: batch * (perUser / 3) + i + 1 }))),
        ).flat();
        await bus.publish(TOPICS.taskEvents, events);
      }
      await waitFor("all events", () => [...applied.values()].reduce((n, l) => n + l.length, 0) >= users.length * perUser);
      const expected = Array.from({ length: perUser }, (_, i) => i + 1);
      for (const user of users) expect(applied.get(user)).toEqual(expected);
      expect(deadLetters).toEqual([]);
    });

    it("holds later events of a partition while an earlier one is retried", async () => {
      const order: string[] = [];
      const first = sampleEvent("task.created", "user-a");
      const second = sampleEvent("task.updated", "user-a");
      const bus = await busWith({
        audit: async (delivery) => {
          const event = delivery.event as TCloudEvent;
          order.push(`${event.type}#${delivery.attempt}`);
          return event.id === first.id && delivery.attempt < 3 ? "RETRY" : "SUCCESS";
        },
      });
      await bus.publish(TOPICS.taskEvents, [first, second]);
      await waitFor("both events", () => order.includes("task.updated#1"));
      expect(order).toEqual(["task.created#1", "task.created#2", "task.created#3", "task.updated#1"]);
    });

    it("retries with exponential backoff, then dead-letters with the error; other partitions go on", async () => {
      const times: number[] = [];
      const poison = sampleEvent("task.created", "user-poison");
      const healthy = sampleEvent("task.created", "user-healthy");
      let healthySeenAt = 0;
      const bus = await busWith({
        audit: async (delivery) => {
          const event = delivery.event as TCloudEvent;
          if (event.id === healthy.id) {
            healthySeenAt = Date.now();
            return "SUCCESS";
          }
          times.push(Date.now());
          delivery.error = `boom on attempt ${delivery.attempt}`;
          return "RETRY";
        },
      });
      await bus.publish(TOPICS.taskEvents, [poison, healthy]);
      await waitFor("the dead letter", () => deadLetters.length === 1);
      expect(times).toHaveLength(CONTRACT_RETRY.maxRetries + 1);
      const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
      const base = CONTRACT_RETRY.initialDelayMs;
      // Each wait at least the policy's delay (doubling), and not wildly more.
      gaps.forEach((gap, i) => {
        expect(gap).toBeGreaterThanOrEqual(base * 2 ** i - 5);
        expect(gap).toBeLessThan(base * 2 ** i + 1_500);
      });
      expect(deadLetters[0]).toMatchObject({
        consumer: "audit",
        topic: TOPICS.taskEvents,
        event: poison,
        attempts: CONTRACT_RETRY.maxRetries + 1,
        error: `boom on attempt ${CONTRACT_RETRY.maxRetries + 1}`,
      });
      if (harness.independentPartitions ?? true) {
        expect(healthySeenAt).toBeGreaterThan(0);
        expect(healthySeenAt).toBeLessThan(times.at(-1) ?? 0);
      } else {
        await waitFor("the healthy partition after the dead letter", () => healthySeenAt > 0);
      }
    });

    it("dead-letters at once when the handler answers DROP", async () => {
      let calls = 0;
      const bus = await busWith({
        audit: async (delivery) => {
          calls++;
          delivery.error = "unknown event type";
          return "DROP";
        },
      });
      const event = sampleEvent("task.deleted", "user-a");
      await bus.publish(TOPICS.taskEvents, [event]);
      await waitFor("the dead letter", () => deadLetters.length === 1);
      await new Promise((r) => setTimeout(r, CONTRACT_RETRY.initialDelayMs * 3));
      expect(calls).toBe(1);
      expect(deadLetters).toEqual([
        { consumer: "audit", topic: TOPICS.taskEvents, event, attempts: 1, error: "unknown event type" },
      ]);
    });

    it("dead-letters only for the consumer that gave up", async () => {
      const sync = recorder();
      const bus = await busWith({ audit: async () => "DROP", sync: sync.handle });
      await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
      await waitFor("delivery and dead letter", () => deadLetters.length === 1 && sync.received.length === 1);
      expect(deadLetters[0]?.consumer).toBe("audit");
    });

    describe("scheduled jobs", () => {
      function jobRecorder(bus: EventBus) {
        const fired: { name: string; payload: unknown; at: number }[] = [];
        bus.onJob(async (job) => {
          fired.push({ name: job.name, payload: job.payload, at: Date.now() });
          return "SUCCESS";
        });
        return fired;
      }

      it("fires a job at its time, with its payload", async () => {
        const bus = await busWith({}, { start: false });
        const fired = jobRecorder(bus);
        await bus.start();
        const at = new Date(Date.now() + 400);
        await bus.schedule({ name: "reminder:t1:1", at, payload: { taskId: "t1" } });
        await waitFor("the job", () => fired.length === 1);
        expect(fired[0]).toMatchObject({ name: "reminder:t1:1", payload: { taskId: "t1" } });
        expect(fired[0]?.at).toBeGreaterThanOrEqual(at.getTime() - 5);
      });

      it("replaces a job scheduled again under the same name", async () => {
        const bus = await busWith({}, { start: false });
        const fired = jobRecorder(bus);
        await bus.start();
        await bus.schedule({ name: "reminder:t1", at: new Date(Date.now() + 60_000), payload: { v: 1 } });
        await bus.schedule({ name: "reminder:t1", at: new Date(Date.now() + 200), payload: { v: 2 } });
        await waitFor("the replacing job", () => fired.length === 1);
        await new Promise((r) => setTimeout(r, 500));
        expect(fired.map((f) => f.payload)).toEqual([{ v: 2 }]);
      });

      it("does not fire a cancelled job; cancelling an unknown job is fine", async () => {
        const bus = await busWith({}, { start: false });
        const fired = jobRecorder(bus);
        await bus.start();
        await bus.schedule({ name: "reminder:gone", at: new Date(Date.now() + 300), payload: {} });
        await bus.schedule({ name: "reminder:kept", at: new Date(Date.now() + 600), payload: {} });
        await bus.cancel("reminder:gone");
        await bus.cancel("reminder:never-existed");
        await waitFor("the kept job", () => fired.length === 1);
        expect(fired.map((f) => f.name)).toEqual(["reminder:kept"]);
      });

      it("retries a job that answers RETRY", async () => {
        const bus = await busWith({}, { start: false });
        const attempts: number[] = [];
        bus.onJob(async (job) => {
          attempts.push(job.attempt);
          return job.attempt < 2 ? "RETRY" : "SUCCESS";
        });
        await bus.start();
        await bus.schedule({ name: "flaky", at: new Date(), payload: {} });
        await waitFor("the retry", () => attempts.length === 2);
        expect(attempts).toEqual([1, 2]);
      });
    });

    it("is durable: events and jobs published while no consumer runs arrive after a restart", async () => {
      const first = await busWith({ audit: ok });
      await first.stop();

      const publisher = await busWith({}, { start: false });
      const event = sampleEvent("task.created", "user-a");
      await publisher.publish(TOPICS.taskEvents, [event]);
      await publisher.schedule({ name: "later", at: new Date(Date.now() + 200), payload: { n: 1 } });
      await publisher.stop();

      const sink = recorder();
      const restarted = await busWith({ audit: sink.handle }, { start: false });
      const jobs: string[] = [];
      restarted.onJob(async (job) => {
        jobs.push(job.name);
        return "SUCCESS";
      });
      await restarted.start();
      await waitFor("the event and the job", () => sink.received.length === 1 && jobs.length === 1);
      expect(sink.received.map(idOf)).toEqual([event.id]);
      expect(jobs).toEqual(["later"]);
    });
  });
}
