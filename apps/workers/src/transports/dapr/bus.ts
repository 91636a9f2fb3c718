// The Dapr transport of the EventBus (packages/events/src/bus.ts), for Kubernetes with a daprd
// sidecar: publish through the SDK's HTTP client, receive through our own app-callback server,
// reminders through the Jobs API. See docs/dapr.md.
import {
  DEFAULT_RETRY_POLICY,
  type DeadLetterSink,
  type EventBus,
  type JobHandler,
  type RetryPolicy,
  type Subscription,
  type TTopic,
} from "@taskboard/events";
import { createAppCallbackServer, type AppCallbackServer } from "./app-callback-server.ts";
import { createDeadLetterIntake, type DeadLetterIntake } from "./dead-letter-intake.ts";
import { defaultBusLogger, type BusLogger } from "./bus-logger.ts";
import { parseDaprConfig, type TDaprConfig, type TDaprConfigInput } from "./config.ts";
import { createJobDispatcher } from "./job-dispatcher.ts";
import { assertJobName, deleteJob, scheduleJob } from "./jobs.ts";
import { createDaprPublisher } from "./publisher.ts";
import { waitForSidecar } from "./sidecar-http.ts";
import { createTopicDispatcher, type TopicDispatcher } from "./topic-dispatcher.ts";

export interface DaprBusOptions {
  logger?: BusLogger;
  /**
   * The retry policy declared for the pub/sub component in infra/dapr (resiliency). daprd does
   * the waiting; the bus only needs the count to know when a consumer has given up.
   */
  retry?: RetryPolicy;
  /** Records a consumer's dead letter (consumer, error); without it daprd's deadLetterTopic does. */
  onDeadLetter?: DeadLetterSink;
}

export interface DaprBus extends EventBus {
  /** For /readyz: is the sidecar answering its outbound health check right now? */
  checkSidecar(): Promise<{ ok: boolean; detail?: string }>;
  /** The port the app callback listens on (DAPR_APP_PORT). */
  readonly appPort: number;
}

/**
 * `config` may be the raw environment (strings) or an already parsed config; either way it is
 * validated here so a bad value fails at start-up with the variable's name.
 */
export function createDaprBus(config: TDaprConfigInput | TDaprConfig, options: DaprBusOptions = {}): DaprBus {
  const settings = parseDaprConfig(config as Record<string, unknown>);
  const logger = options.logger ?? defaultBusLogger();
  const publisher = createDaprPublisher(settings, logger);
  const subscriptions = new Map<TTopic, Subscription[]>();
  let jobHandler: JobHandler | undefined;
  let server: AppCallbackServer | undefined;
  let state: "new" | "starting" | "started" | "stopped" = "new";

  function assertNotStarted(what: string) {
    // daprd reads /dapr/subscribe once when the app comes up; later subscriptions would never
    // reach it (docs/traps.md #2), so refuse them loudly.
    if (state !== "new") {
      throw new Error(`${what} must be called before start(): daprd reads subscriptions once, at start-up`);
    }
  }

  return {
    get appPort() {
      return server?.port ?? settings.DAPR_APP_PORT;
    },

    publish: (topic, events) => publisher.publish(topic, events),

    subscribe(subscription) {
      assertNotStarted("subscribe()");
      const list = subscriptions.get(subscription.topic) ?? [];
      if (list.some((s) => s.consumer === subscription.consumer)) {
        throw new Error(`Consumer "${subscription.consumer}" is already subscribed to ${subscription.topic}`);
      }
      subscriptions.set(subscription.topic, [...list, subscription]);
    },

    onJob(handler) {
      assertNotStarted("onJob()");
      if (jobHandler) throw new Error("onJob() was already called: one handler receives every job");
      jobHandler = handler;
    },

    async schedule(job) {
      await scheduleJob(settings, job);
    },

    async cancel(name) {
      assertJobName(name);
      await deleteJob(settings, name);
    },

    async start() {
      if (state !== "new") throw new Error(`start() called twice (bus is ${state})`);
      state = "starting";
      const dispatchers = new Map<TTopic, TopicDispatcher>();
      const dispatcherOptions = { retry: options.retry ?? DEFAULT_RETRY_POLICY, onDeadLetter: options.onDeadLetter, logger };
      for (const [topic, list] of subscriptions) {
        dispatchers.set(topic, createTopicDispatcher(topic, list, dispatcherOptions));
      }
      const deadLetters = new Map<TTopic, DeadLetterIntake>();
      if (options.onDeadLetter) {
        for (const [topic, list] of subscriptions) {
          deadLetters.set(topic, createDeadLetterIntake(topic, list, { config: settings, onDeadLetter: options.onDeadLetter, logger }));
        }
      }
      server = createAppCallbackServer({ config: settings, topics: dispatchers, jobs: createJobDispatcher(jobHandler, logger), deadLetters, logger });
      // Listen first: daprd waits for the app port before it asks for /dapr/subscribe.
      await server.listen();
      try {
        await publisher.ready();
      } catch (error) {
        await server.close();
        state = "stopped";
        throw error;
      }
      state = "started";
      logger.info(
        { appPort: server.port, topics: [...dispatchers.keys()], pubsub: settings.DAPR_PUBSUB_NAME },
        "dapr bus started",
      );
    },

    async stop() {
      if (state === "stopped") return;
      state = "stopped";
      await server?.close();
      await publisher.close();
    },

    async checkSidecar() {
      try {
        await waitForSidecar(settings, 1_000);
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
