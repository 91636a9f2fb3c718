// The Jobs half of the sidecar double (https://docs.dapr.io/reference/api/jobs_api/,
// https://docs.dapr.io/developing-applications/building-blocks/jobs/jobs-features-concepts/):
//   - POST {prefix}/jobs/<name> with { dueTime, data, overwrite }: one-shot jobs at an RFC 3339
//     instant; a time without an offset is read in the Scheduler's own zone (docs/traps.md #5);
//     an existing name without overwrite: true is an error
//   - GET returns the job; DELETE answers 204 whether or not the job exists
//   - at dueTime daprd POSTs the data (JSON) to the app's /job/<name>; a 2xx *or a 404* completes
//     the job (daprd counts an app 404 as delivered, docs/traps.md #4); any other answer triggers the
//     default failure policy (3 retries, 1 s apart; the interval is configurable for tests)
import { postToApp } from "./http-helpers.ts";

export interface StoredJob {
  name: string;
  dueTime: string;
  data: unknown;
  /** When the double will fire it, after reading dueTime as daprd would. */
  fireAt: Date;
}

export interface JobTrigger {
  name: string;
  attempt: number;
  appStatus: number;
  /** How daprd reads the answer: completed (2xx or 404) or failed (retried per failure policy). */
  result: "completed" | "failed";
}

export interface SchedulerOptions {
  /** Resolves when the app listens; a refused trigger waits here without using a retry. */
  whenAppReachable: () => Promise<void>;
  onRefused: () => void;
  appBaseUrl: () => string;
  appHeaders: () => Record<string, string>;
  /** Offset of the Scheduler's local clock from UTC, in minutes, for times sent without one. */
  schedulerUtcOffsetMinutes: number;
  failurePolicy: { maxRetries: number; intervalMs: number };
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/i;

export type ScheduleResult = { ok: true } | { ok: false; status: number; errorCode: string; message: string };

export function createJobsScheduler(options: SchedulerOptions) {
  const jobs = new Map<string, StoredJob & { timer: NodeJS.Timeout }>();
  const triggers: JobTrigger[] = [];
  const retryTimers = new Set<NodeJS.Timeout>();
  let inFlight = 0;

  function parseDueTime(dueTime: string): Date | undefined {
    const match = RFC3339.exec(dueTime);
    if (!match) return undefined;
    if (match[2]) return new Date(dueTime);
    const offset = options.schedulerUtcOffsetMinutes;
    const sign = offset < 0 ? "-" : "+";
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
    const mm = String(Math.abs(offset) % 60).padStart(2, "0");
    return new Date(`${match[1]}${sign}${hh}:${mm}`);
  }

  async function fire(name: string, data: unknown, attempt: number) {
    inFlight += 1;
    // A job due while the sidecar is down triggers once it is back.
    await options.whenAppReachable();
    const response = await postToApp(
      `${options.appBaseUrl()}/job/${name}`,
      JSON.stringify(data ?? null),
      { "content-type": "application/json", ...options.appHeaders() },
      10_000,
    );
    inFlight -= 1;
    if (response.refused) {
      options.onRefused();
      inFlight += 1;
      await options.whenAppReachable();
      inFlight -= 1;
      return fire(name, data, attempt);
    }
    const completed = response.status === 404 || (response.status >= 200 && response.status < 300);
    triggers.push({ name, attempt, appStatus: response.status, result: completed ? "completed" : "failed" });
    if (!completed && attempt <= options.failurePolicy.maxRetries) {
      const timer = setTimeout(() => {
        retryTimers.delete(timer);
        void fire(name, data, attempt + 1);
      }, options.failurePolicy.intervalMs);
      retryTimers.add(timer);
    }
  }

  return {
    schedule(name: string, body: unknown): ScheduleResult {
      if (typeof body !== "object" || body === null) {
        return { ok: false, status: 400, errorCode: "ERR_MALFORMED_REQUEST", message: "body must be a JSON object" };
      }
      const { dueTime, schedule, data, overwrite } = body as Record<string, unknown>;
      if (schedule !== undefined) {
        return { ok: false, status: 400, errorCode: "ERR_MALFORMED_REQUEST", message: "the double only models one-shot dueTime jobs" };
      }
      if (typeof dueTime !== "string") {
        return { ok: false, status: 400, errorCode: "ERR_MALFORMED_REQUEST", message: "one of schedule or dueTime is required" };
      }
      const fireAt = parseDueTime(dueTime);
      if (!fireAt || Number.isNaN(fireAt.getTime())) {
        return { ok: false, status: 400, errorCode: "ERR_MALFORMED_REQUEST", message: `dueTime "${dueTime}" is not RFC 3339` };
      }
      const existing = jobs.get(name);
      if (existing && overwrite !== true) {
        return { ok: false, status: 500, errorCode: "ERR_SCHEDULE_JOB", message: `job ${name} already exists` };
      }
      if (existing) clearTimeout(existing.timer);
      const timer = setTimeout(() => {
        jobs.delete(name);
        void fire(name, data, 1);
      }, Math.max(0, fireAt.getTime() - Date.now()));
      jobs.set(name, { name, dueTime, data, fireAt, timer });
      return { ok: true };
    },
    get(name: string): StoredJob | undefined {
      const job = jobs.get(name);
      return job && { name: job.name, dueTime: job.dueTime, data: job.data, fireAt: job.fireAt };
    },
    delete(name: string) {
      const job = jobs.get(name);
      if (job) clearTimeout(job.timer);
      jobs.delete(name);
    },
    list: () => [...jobs.values()].map(({ timer: _timer, ...job }) => job),
    triggers: () => [...triggers],
    isIdle: () => inFlight === 0 && retryTimers.size === 0,
    stop() {
      for (const job of jobs.values()) clearTimeout(job.timer);
      for (const timer of retryTimers) clearTimeout(timer);
      jobs.clear();
      retryTimers.clear();
    },
  };
}
