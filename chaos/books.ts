// The books a fault scenario is judged by, read with SQL straight from the product's database for
// the scenario's own users: every committed change audited once, one next occurrence per completed
// recurring task, every due reminder fired once, nothing left in the outbox, each task's changes
// recorded in version order, and dead letters for the poison events injected on purpose and for
// nothing else.
import type pg from "pg";

export interface Books {
  /** Events the scenario's users produced (poison included). */
  events: number;
  auditMissing: number;
  auditDuplicated: number;
  nextMissing: number;
  nextDuplicated: number;
  remindersDue: number;
  remindersMissing: number;
  notificationsDuplicated: number;
  /** Events never published. */
  stuck: number;
  /** Distinct events dead-lettered (by any consumer). */
  deadLettered: number;
  /** Dead-lettered events that were not injected as poison. */
  deadLetteredUnexpected: number;
  /** Poison events that no consumer dead-lettered. */
  poisonNotDeadLettered: number;
  /** Audit entries of task events committed after an entry of a later version of the same task. */
  auditOutOfOrder: number;
  /** The same in the change feed the sync consumer appends to. */
  feedOutOfOrder: number;
}

export async function readBooks(pool: pg.Pool, userIds: string[], poisonIds: string[]): Promise<Books> {
  const q = async (sql: string, params: unknown[] = [userIds]) => Number((await pool.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
  const withPoison = [userIds, poisonIds];
  return {
    events: await q(`SELECT count(*) AS n FROM outbox_events WHERE partition_key = ANY($1)`),
    auditMissing: await q(
      `SELECT count(*) AS n FROM outbox_events o WHERE o.partition_key = ANY($1) AND NOT (o.event->>'id' = ANY($2))
         AND NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.event_id = o.event->>'id')`,
      withPoison,
    ),
    auditDuplicated: await q(
      `SELECT coalesce(sum(c - 1), 0) AS n FROM (SELECT count(*) AS c FROM audit_entries
         WHERE user_id = ANY($1) GROUP BY event_id) x`,
    ),
    // Every completed recurring task spawned exactly one next occurrence.
    nextMissing: await q(
      `SELECT count(*) AS n FROM tasks t WHERE t.user_id = ANY($1) AND t.rrule IS NOT NULL
         AND t.status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM recurrence_slots s WHERE s.source_task_id = t.id)`,
    ),
    // Tasks in a series beyond the first one and one per slot.
    nextDuplicated: await q(
      `SELECT coalesce(sum(greatest(c - 1 - slots, 0)), 0) AS n FROM (
         SELECT t.series_id, count(*) AS c, (SELECT count(*) FROM recurrence_slots s WHERE s.series_id = t.series_id) AS slots
         FROM tasks t WHERE t.user_id = ANY($1) AND t.series_id IS NOT NULL GROUP BY t.series_id) x`,
    ),
    remindersDue: await q(`SELECT count(*) AS n FROM reminder_jobs WHERE user_id = ANY($1) AND fire_at < now()`),
    // A reminder due more than 3 s ago that neither fired nor was cancelled.
    remindersMissing: await q(
      `SELECT count(*) AS n FROM reminder_jobs j WHERE j.user_id = ANY($1)
         AND j.fire_at < now() - interval '3 seconds'
         AND (j.status = 'SCHEDULED' OR (j.status = 'FIRED' AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.task_id = j.task_id)))`,
    ),
    notificationsDuplicated: await q(
      `SELECT coalesce(sum(c - 1), 0) AS n FROM (SELECT count(*) AS c FROM notifications
         WHERE user_id = ANY($1) GROUP BY task_id, kind) x`,
    ),
    stuck: await q(`SELECT count(*) AS n FROM outbox_events WHERE partition_key = ANY($1) AND published_at IS NULL`),
    deadLettered: await q(`SELECT count(DISTINCT event_id) AS n FROM dead_letters WHERE event->>'partitionkey' = ANY($1)`),
    deadLetteredUnexpected: await q(
      `SELECT count(DISTINCT event_id) AS n FROM dead_letters WHERE event->>'partitionkey' = ANY($1) AND NOT (event_id = ANY($2))`,
      withPoison,
    ),
    // Per-task order. audit_entries alone cannot tell the order entries were committed in
    // (recorded_at is the transaction's start, to the millisecond; ids are random), but the audit
    // consumer appends each entry to its owner's change feed in the same transaction, and the
    // feed's per-user seq is handed out in commit order (user_change_counters' row lock).
    auditOutOfOrder: await q(
      `SELECT count(*) AS n FROM (
         SELECT a.version, lag(a.version) OVER (PARTITION BY a.task_id ORDER BY c.seq) AS before
         FROM audit_entries a JOIN user_changes c ON c.user_id = a.user_id AND c.event_id = 'audit:' || a.event_id
         WHERE a.user_id = ANY($1) AND a.type LIKE 'task.%') x
       WHERE x.version <= x.before`,
    ),
    feedOutOfOrder: await q(
      `SELECT count(*) AS n FROM (
         SELECT version, lag(version) OVER (PARTITION BY entity_id ORDER BY seq) AS before
         FROM user_changes WHERE user_id = ANY($1) AND kind LIKE 'task.%') x
       WHERE x.version <= x.before`,
    ),
    poisonNotDeadLettered: await q(
      `SELECT count(*) AS n FROM unnest($1::text[]) p(id) WHERE NOT EXISTS (SELECT 1 FROM dead_letters d WHERE d.event_id = p.id)`,
      [poisonIds],
    ),
  };
}

/** Nothing lost: everything published, audited, followed by its next occurrence, fired. */
export const balanced = (b: Books) =>
  b.stuck === 0 && b.auditMissing === 0 && b.nextMissing === 0 && b.remindersMissing === 0 && b.poisonNotDeadLettered === 0;

export const lost = (b: Books) => b.auditMissing + b.nextMissing + b.remindersMissing + b.stuck;
export const duplicated = (b: Books) => b.auditDuplicated + b.nextDuplicated + b.notificationsDuplicated;
export const outOfOrder = (b: Books) => b.auditOutOfOrder + b.feedOutOfOrder;

/** What is wrong in the books, one line each; empty when nothing is lost, duplicated or unexpected. */
export function problemsIn(b: Books): string[] {
  const problems: string[] = [];
  if (b.stuck) problems.push(`${b.stuck} event(s) never published`);
  if (b.auditMissing) problems.push(`${b.auditMissing} change(s) without an audit entry`);
  if (b.auditDuplicated) problems.push(`${b.auditDuplicated} duplicated audit entr(ies)`);
  if (b.nextMissing) problems.push(`${b.nextMissing} completed recurring task(s) without a next occurrence`);
  if (b.nextDuplicated) problems.push(`${b.nextDuplicated} extra next occurrence(s)`);
  if (b.remindersMissing) problems.push(`${b.remindersMissing} due reminder(s) never fired`);
  if (b.notificationsDuplicated) problems.push(`${b.notificationsDuplicated} duplicated notification(s)`);
  if (b.deadLetteredUnexpected) problems.push(`${b.deadLetteredUnexpected} dead letter(s) that were not poison`);
  if (b.poisonNotDeadLettered) problems.push(`${b.poisonNotDeadLettered} poison event(s) not dead-lettered`);
  if (b.auditOutOfOrder) problems.push(`${b.auditOutOfOrder} audit entr(ies) recorded after a later version of their task`);
  if (b.feedOutOfOrder) problems.push(`${b.feedOutOfOrder} change-feed entr(ies) appended after a later version of their task`);
  return problems;
}

/**
 * The books once the pipeline has settled: balanced twice, 3 s apart, with no new event in between
 * (a reminder firing or a next occurrence being created produces events of its own that must be
 * through too). After `capMs` the books as they are.
 */
export async function settledBooks(pool: pg.Pool, userIds: string[], poisonIds: string[], capMs: number): Promise<Books> {
  const started = Date.now();
  let books = await readBooks(pool, userIds, poisonIds);
  while (Date.now() - started < capMs) {
    if (balanced(books)) {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const again = await readBooks(pool, userIds, poisonIds);
      const settled = balanced(again) && again.events === books.events;
      books = again;
      if (settled) break;
    } else {
      await new Promise((resolve) => setTimeout(resolve, 500));
      books = await readBooks(pool, userIds, poisonIds);
    }
  }
  return books;
}

/**
 * Milliseconds from the end of a fault until everything committed (and every reminder due) before
 * it is through: published, audited, fired. Gives up after `capMs`.
 */
export async function measureRecovery(pool: pg.Pool, userIds: string[], faultEnded: number, capMs: number): Promise<number> {
  const at = new Date(faultEnded).toISOString();
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM outbox_events o WHERE o.partition_key = ANY($1) AND o.created_at <= $2
                 AND (o.published_at IS NULL OR (NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.event_id = o.event->>'id')
                      AND NOT EXISTS (SELECT 1 FROM dead_letters d WHERE d.event_id = o.event->>'id'))))
            + (SELECT count(*) FROM reminder_jobs j WHERE j.user_id = ANY($1) AND j.fire_at <= $2 AND j.status = 'SCHEDULED') AS n`,
      [userIds, at],
    );
    if (Number(rows[0]?.n) === 0 || Date.now() - faultEnded > capMs) return Date.now() - faultEnded;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
