// The test side of dateutil-oracle.py: one long-lived python3 process answering a request per
// line, so a property test can ask hundreds of questions (and shrink) without a spawn per case.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

const SCRIPT = fileURLToPath(new URL("./dateutil-oracle.py", import.meta.url));

/** Printed, and the tests marked skipped, where the oracle cannot run. */
export const DATEUTIL_MISSING = "skipped: python3-dateutil not installed (apt-get install -y python3-dateutil)";

/** Whether `python3` can import dateutil's rrule and zoneinfo (Python 3.9+). */
export function isDateutilAvailable(): boolean {
  const probe = spawnSync("python3", ["-c", "import dateutil.rrule, zoneinfo"], { stdio: "ignore" });
  return probe.status === 0;
}

export interface OracleRequest {
  /** RRULE without DTSTART. */
  rrule: string;
  /** The series' DTSTART as a wall-clock time in `zone`: "2026-03-06T02:30:00". */
  dtstart: string;
  zone: string;
  /** Only occurrences strictly after this instant (ISO, UTC). */
  after: string;
  /** At most this many. */
  take: number;
}

export interface Oracle {
  /** The series' occurrences as UTC instants ("2026-03-09T06:30:00Z"). */
  occurrences(request: OracleRequest): Promise<string[]>;
  stop(): void;
}

export function startOracle(): Oracle {
  const child = spawn("python3", [SCRIPT], { stdio: ["pipe", "pipe", "inherit"] });
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => waiting.shift()?.(line));
  return {
    occurrences(request) {
      return new Promise((resolve, reject) => {
        waiting.push((line) => {
          const answer = JSON.parse(line) as { instants?: string[]; error?: string };
          if (answer.instants) resolve(answer.instants);
          else reject(new Error(`dateutil: ${answer.error ?? line} for ${JSON.stringify(request)}`));
        });
        child.stdin.write(`${JSON.stringify(request)}\n`);
      });
    },
    stop: () => void child.kill(),
  };
}
