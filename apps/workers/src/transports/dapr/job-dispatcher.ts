// Fired Dapr jobs to the bus's one job handler. daprd fires a job again while the app answers
// non-2xx (the job's failure policy), so a throw or a non-status answer becomes RETRY, never an
// implicit success; attempts are counted per job name to fill the handler's `attempt`.
import type { DeliveryStatus, JobHandler } from "@taskboard/events";
import type { JobDispatcher } from "./app-callback-server.ts";
import type { BusLogger } from "./bus-logger.ts";

export function createJobDispatcher(handler: JobHandler | undefined, logger: BusLogger): JobDispatcher {
  const attempts = new Map<string, number>();
  return {
    async dispatch(name, payload) {
      const attempt = (attempts.get(name) ?? 0) + 1;
      attempts.set(name, attempt);
      let status: DeliveryStatus = "RETRY";
      if (!handler) {
        logger.error({ job: name }, "a Dapr job fired but no job handler is registered; asking daprd to retry");
      } else {
        try {
          const answer: unknown = await handler({ name, payload, attempt });
          if (answer === "SUCCESS" || answer === "RETRY" || answer === "DROP") status = answer;
          else logger.error({ job: name, answer }, "job handler answered no valid status; asking daprd to retry");
        } catch (error) {
          logger.error({ job: name, attempt, err: error }, "job handler threw; asking daprd to retry");
        }
      }
      if (status === "DROP") logger.warn({ job: name, attempt }, "job dropped by its handler");
      if (status !== "RETRY") attempts.delete(name);
      return status;
    },
  };
}
