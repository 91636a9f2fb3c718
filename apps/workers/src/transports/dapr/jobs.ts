// Dapr Jobs API client (HTTP; the JS SDK 3.18 has no jobs support). One-shot jobs at an absolute
// instant, always with `overwrite: true` so a retried schedule() is idempotent (docs/traps.md #5).
import type { ScheduledJob } from "@taskboard/events";
import type { TDaprConfig } from "./config.ts";
import { DaprJobsError } from "./errors.ts";
import { callSidecar, describeSidecarError } from "./sidecar-http.ts";

/** daprd builds the callback URL as "/job/" + name without escaping, so keep names URL-safe. */
const JOB_NAME = /^[A-Za-z0-9][A-Za-z0-9._:~-]{0,199}$/;

export function assertJobName(name: string): void {
  if (!JOB_NAME.test(name)) {
    throw new DaprJobsError(
      `Invalid job name "${name}": use 1-200 characters from A-Z a-z 0-9 . _ : ~ - (starting with a letter or digit)`,
    );
  }
}

/**
 * RFC 3339 in UTC with an explicit offset; the Scheduler would otherwise read a bare time in its
 * own zone. Rounded up to the second: Dapr never fires early, and neither should we.
 */
export function toDueTime(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new DaprJobsError("Job time is not a valid date");
  const seconds = Math.ceil(at.getTime() / 1000) * 1000;
  return new Date(seconds).toISOString().replace(".000Z", "+00:00");
}

function jobsPath(config: TDaprConfig, name: string): string {
  return `/${config.DAPR_JOBS_API_PREFIX}/jobs/${encodeURIComponent(name)}`;
}

function prefixHint(config: TDaprConfig): string {
  return (
    `daprd has no Jobs API at /${config.DAPR_JOBS_API_PREFIX}/jobs: set DAPR_JOBS_API_PREFIX to ` +
    `"v1.0-alpha1" for Dapr <= 1.17 or "v1.0" for Dapr >= 1.18`
  );
}

export async function scheduleJob(config: TDaprConfig, job: ScheduledJob): Promise<void> {
  assertJobName(job.name);
  const body = {
    dueTime: toDueTime(job.at),
    data: job.payload ?? null,
    overwrite: true,
    // Without a policy the scheduler retries a failing trigger a few times and then drops the job:
    // a reminder lost while the database is down. A constant interval with no maximum keeps
    // retrying until the app answers 2xx (our handler answers 2xx for DROP, so poison ends).
    failurePolicy: { constant: { interval: `${config.DAPR_JOB_RETRY_INTERVAL_MS / 1000}s` } },
  };
  const response = await callSidecar(config, "POST", jobsPath(config, job.name), body).catch((error: unknown) => {
    throw new DaprJobsError(`Scheduling job ${job.name} failed: sidecar unreachable (${String(error)})`);
  });
  if (response.status === 404) throw new DaprJobsError(prefixHint(config));
  if (response.status < 200 || response.status >= 300) {
    throw new DaprJobsError(`Scheduling job ${job.name} failed: ${describeSidecarError(response)}`);
  }
}

export async function deleteJob(config: TDaprConfig, name: string): Promise<void> {
  assertJobName(name);
  const response = await callSidecar(config, "DELETE", jobsPath(config, name)).catch((error: unknown) => {
    throw new DaprJobsError(`Cancelling job ${name} failed: sidecar unreachable (${String(error)})`);
  });
  if (response.status >= 200 && response.status < 300) return;
  // A job that already fired or never existed is gone either way: not an error (daprd 1.18
  // answers 204). But daprd hands a path it has no API for to service invocation, which answers
  // 404 ERR_DIRECT_INVOKE: no Jobs API at this prefix, which must not pass silently.
  if (response.status === 404) {
    const code = daprErrorCode(response.body);
    if (code !== undefined && code !== "ERR_DIRECT_INVOKE") return;
    throw new DaprJobsError(prefixHint(config));
  }
  throw new DaprJobsError(`Cancelling job ${name} failed: ${describeSidecarError(response)}`);
}

function daprErrorCode(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { errorCode?: unknown };
    return typeof parsed.errorCode === "string" ? parsed.errorCode : undefined;
  } catch {
    return undefined;
  }
}
