// The mixed workload of the fault scenarios: several signed-in users over real HTTP, each creating
// tasks (some with a reminder due during the run, some recurring daily), editing them and
// completing recurring ones, until a deadline. It keeps count of every answer that was not a
// success, and of what the web answered while PostgreSQL was down on purpose.
import { signUpOverHttp, trpcFetch } from "@taskboard/devtools";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rand = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

export interface SimulatedUser {
  id: string;
  cookie: string;
  open: string[];
  recurring: string[];
  /** Last version of each task this user saw (task.update needs it). */
  versions: Map<string, number>;
}

/** What the web answered to the workload while PostgreSQL was down (status → count). */
export interface OutageAnswers {
  statuses: Map<string, number>;
  slowestMs: number;
  /** The first body of an answer that was not a success. */
  sample: string;
}

export class Workload {
  /** Answers that were neither a success nor an expected 503 during an outage. */
  errors = 0;
  readonly errorSamples: string[] = [];
  private outage: OutageAnswers | undefined;

  constructor(
    private readonly base: string,
    private readonly origin: string,
  ) {}

  /** From now on, answers count as "during the outage" (503s there are expected) until `endOutage`. */
  beginOutage(): OutageAnswers {
    this.outage = { statuses: new Map(), slowestMs: 0, sample: "" };
    return this.outage;
  }

  endOutage(): void {
    this.outage = undefined;
  }

  async signUp(label: string): Promise<SimulatedUser> {
    const { id, cookie } = await signUpOverHttp({ base: this.base, origin: this.origin, name: label, emailPrefix: "chaos" });
    return { id, cookie, open: [], recurring: [], versions: new Map() };
  }

  /** One tRPC mutation; the task it returns (undefined when it failed, counted). */
  async call(user: SimulatedUser, procedure: string, input: unknown): Promise<{ id: string; version: number } | undefined> {
    const started = performance.now();
    let status: number;
    let text: string;
    try {
      const res = await trpcFetch({ base: this.base, origin: this.origin, cookie: user.cookie }, procedure, input, {
        signal: AbortSignal.timeout(30_000),
      });
      status = res.status;
      text = await res.text();
    } catch (error) {
      // No answer at all (a hang cut at 30 s, a reset connection): always a failure.
      status = 0;
      text = String(error);
    }
    // Judged by when the answer came: a call sent just before the outage began is answered in it.
    const outage = this.outage;
    if (outage) {
      outage.statuses.set(String(status), (outage.statuses.get(String(status)) ?? 0) + 1);
      outage.slowestMs = Math.max(outage.slowestMs, performance.now() - started);
      if (status !== 200 && !outage.sample) outage.sample = text.slice(0, 300);
      if (status === 503) return undefined;
    }
    if (status !== 200) {
      this.errors++;
      if (this.errorSamples.length < 5) this.errorSamples.push(`${new Date().toISOString().slice(11, 23)} ${procedure} ${status}: ${text.slice(0, 200)}`);
      return undefined;
    }
    type TTask = { id?: string; version?: number };
    const parsed = JSON.parse(text) as { result?: { data?: TTask & { json?: TTask } } };
    const task = parsed.result?.data?.json ?? parsed.result?.data;
    if (!task?.id) return undefined;
    user.versions.set(task.id, task.version ?? 1);
    return { id: task.id, version: task.version ?? 1 };
  }

  /** A task created, then edited `edits` times in quick succession (each edit waits for the last answer). */
  async burst(user: SimulatedUser, edits: number): Promise<void> {
    const task = await this.call(user, "task.create", { title: "Burst" });
    if (!task) return;
    let version = task.version;
    for (let i = 1; i <= edits; i++) {
      const edited = await this.call(user, "task.update", { id: task.id, expectedVersion: version, patch: { title: `Burst ${i}` } });
      if (!edited) return;
      version = edited.version;
    }
  }

  /** One simulated user until the deadline. */
  async drive(user: SimulatedUser, until: number): Promise<void> {
    let n = 0;
    while (Date.now() < until) {
      n++;
      const r = Math.random();
      // Reminders due during the run: at least 2 s ahead, at the latest 3 s before the workload ends.
      const latestReminder = until - 3_000;
      if (r < 0.3 && latestReminder > Date.now() + 2_000) {
        const remindAt = new Date(rand(Date.now() + 2_000, latestReminder)).toISOString();
        const t = await this.call(user, "task.create", { title: `Reminder ${n}`, priority: "HIGH", remindAt });
        if (t) user.open.push(t.id);
      } else if (r < 0.5) {
        const dueAt = new Date(Date.now() + 3_600_000).toISOString();
        const t = await this.call(user, "task.create", { title: `Daily ${n}`, dueAt, rrule: "FREQ=DAILY", timeZone: "Europe/Paris" });
        if (t) user.recurring.push(t.id);
      } else if (r < 0.75 && user.open.length > 0) {
        const id = user.open[Math.floor(Math.random() * user.open.length)];
        if (id) await this.call(user, "task.update", { id, expectedVersion: user.versions.get(id) ?? 1, patch: { title: `Edited ${n}` } });
      } else if (user.recurring.length > 0) {
        const id = user.recurring.shift() as string;
        await this.call(user, "task.complete", { id });
      } else {
        const t = await this.call(user, "task.create", { title: `Plain ${n}` });
        if (t) user.open.push(t.id);
      }
      await sleep(rand(50, 250));
    }
  }
}
