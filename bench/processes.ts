// What the benchmarks read about a running process from /proc (Linux): its resident memory, its
// command line and its descendants. Used by the soak (web and workers trees) and the Dapr
// benchmark (daprd's peak).
import fs from "node:fs";

/** VmRSS of a process in bytes (0 once it is gone). */
export function residentBytes(pid: number): number {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
    return Number(/(\d+)\s*kB/.exec(line ?? "")?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Samples VmRSS every `everyMs`; `peak` is the highest since the start or the last `reset`. */
export function sampleResident(pid: number, everyMs = 250) {
  let peak = residentBytes(pid);
  const timer = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), everyMs);
  timer.unref();
  return {
    peak: () => Math.max(peak, residentBytes(pid)),
    reset: () => void (peak = residentBytes(pid)),
    stop: () => clearInterval(timer),
  };
}

/** The command line, arguments joined by spaces ("" once the process is gone). */
export function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** Every process running now. */
export function allPids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[1]);
  } catch {
    return null;
  }
}

/** The process and all its descendants. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const ppid = parentOf(pid);
    if (ppid !== null) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** The pid `npm start` wrote into its data folder for "web" or "workers" (null when absent). */
export function productPid(dataDir: string, name: "web" | "workers"): number | null {
  try {
    const pid = Number(fs.readFileSync(`${dataDir}/${name}.pid`, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

// Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream kernel build.
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds these processes have used so far (a process that is gone counts 0). */
export function cpuSeconds(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after "(comm) ": state is [0], utime [11], stime [12].
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(rest[11]) + Number(rest[12]);
    } catch {
      // exited
    }
  }
  return ticks / TICKS_PER_SECOND;
}
