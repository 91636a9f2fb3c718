// Operator command for dead letters (npm run deadletters -- <command>):
//   list [--consumer <name>] [--all] [--limit <n>]   pending letters, newest first (--all: replayed too)
//   show <id>                                        one letter with its event
//   replay <id>                                      re-deliver one through its consumer
//   replay --all [--consumer <name>]                 re-deliver every pending letter
// Replay runs the consumer's own path (validation, idempotency, handler) in this process and
// marks the letter replayed, or records the new error. Needs DATABASE_URL.
import { parseArgs } from "node:util";
import { createDb, findDeadLetter, listDeadLetters, type DeadLetterRow } from "@taskboard/db";
import { consumers } from "../consumers/index.ts";
import { env } from "../env.ts";
import { logger } from "../logger.ts";
import { createConsumerSubscription } from "../runtime/consumer-subscription.ts";
import { replayDeadLetter } from "../runtime/replay.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    consumer: { type: "string" },
    all: { type: "boolean", default: false },
    limit: { type: "string", default: "50" },
  },
});
const [command, id] = positionals;
const db = createDb(env.DATABASE_URL, { maxConnections: 2 });

function describe(letter: DeadLetterRow): string {
  const event = letter.event as { type?: unknown; subject?: unknown } | null;
  return [
    letter.id,
    letter.failedAt.toISOString(),
    letter.consumer.padEnd(12),
    String(event?.type ?? "?").padEnd(16),
    `attempts=${letter.attempts}`,
    letter.replayedAt ? `replayed=${letter.replayedAt.toISOString()}` : "pending",
    (letter.error.split("\n")[0] ?? "").slice(0, 120),
  ].join("  ");
}

async function replay(letters: DeadLetterRow[]): Promise<number> {
  let failed = 0;
  for (const letter of letters) {
    const consumer = consumers.find((c) => c.name === letter.consumer);
    if (!consumer) {
      console.error(`${letter.id}: consumer "${letter.consumer}" does not exist in this build; skipped`);
      failed++;
      continue;
    }
    const subscription = createConsumerSubscription(consumer, { db, log: logger });
    const result = await replayDeadLetter(db, letter, subscription);
    console.log(result.ok ? `${letter.id}: replayed` : `${letter.id}: failed again: ${result.error}`);
    if (!result.ok) failed++;
  }
  return failed;
}

async function main(): Promise<number> {
  switch (command) {
    case "list": {
      const letters = await listDeadLetters(db, {
        consumer: values.consumer,
        includeReplayed: values.all,
        limit: Number(values.limit),
      });
      if (letters.length === 0) console.log("no dead letters");
      for (const letter of letters) console.log(describe(letter));
      return 0;
    }
    case "show": {
      const letter = id ? await findDeadLetter(db, id) : null;
      if (!letter) return usage(`no dead letter with id "${id ?? ""}"`);
      console.log(describe(letter));
      console.log(letter.error);
      console.log(JSON.stringify(letter.event, null, 2));
      return 0;
    }
    case "replay": {
      if (values.all) {
        const letters = await listDeadLetters(db, { consumer: values.consumer, limit: 10_000 });
        if (letters.length === 0) console.log("nothing to replay");
        return (await replay(letters.reverse())) > 0 ? 1 : 0;
      }
      const letter = id ? await findDeadLetter(db, id) : null;
      if (!letter) return usage(`no dead letter with id "${id ?? ""}"`);
      return (await replay([letter])) > 0 ? 1 : 0;
    }
    default:
      return usage(command ? `unknown command "${command}"` : "missing command");
  }
}

function usage(problem: string): number {
  console.error(`${problem}
usage: npm run deadletters -- list [--consumer <name>] [--all] [--limit <n>]
       npm run deadletters -- show <id>
       npm run deadletters -- replay <id> | --all [--consumer <name>]`);
  return 2;
}

const code = await main().finally(() => db.$disconnect());
process.exit(code);
