// Reads the closing counts of Vitest and Playwright out of their console output.
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function countsFromOutput(output: string): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const raw of output.split("\n")) {
    // Turborepo prefixes each line with "<package>:<task>: ".
    const line = raw.replace(ANSI, "").replace(/^@?[\w/.-]+:[\w:-]+: /, "");
    const vitest = /^\s*Tests\s+(.+?)\s+\(\d+\)\s*$/.exec(line);
    if (vitest?.[1]) {
      for (const part of vitest[1].split("|")) addPart(counts, part.trim());
      continue;
    }
    const playwright = /^\s+(\d+) (passed|failed|skipped|flaky)(?: \(.+\))?\s*$/.exec(line);
    if (playwright) addPart(counts, `${playwright[1]} ${playwright[2]}`);
  }
  return counts;
}

function addPart(counts: Counts, part: string) {
  const match = /^(\d+) (passed|failed|skipped|todo|flaky)$/.exec(part);
  if (!match) return;
  const n = Number(match[1]);
  if (match[2] === "passed") counts.passed += n;
  else if (match[2] === "failed") counts.failed += n;
  else if (match[2] === "flaky") counts.passed += n;
  else counts.skipped += n;
}

export function addCounts(into: Counts, more: Counts) {
  into.passed += more.passed;
  into.failed += more.failed;
  into.skipped += more.skipped;
}

/**
 * The names of the tests that failed, as Vitest (`FAIL  file > suite > test`) and Playwright
 * (`1) [chromium] › file:line › test`) list them in their summaries: repeated at the very end of
 * `npm test`, so a log cut to its last lines still says what failed.
 */
export function failedTestsFromOutput(output: string): string[] {
  const failed = new Set<string>();
  for (const raw of output.split("\n")) {
    const line = raw.replace(ANSI, "").replace(/^@?[\w/.-]+:[\w:-]+: /, "");
    const vitest = /^\s*FAIL\s+(.+>.+?)\s*$/.exec(line);
    if (vitest?.[1]) failed.add(vitest[1]);
    const playwright = /^\s+\d+\) (\[[\w-]+\] › .+?)\s*$/.exec(line);
    if (playwright?.[1] && !/─/.test(playwright[1])) failed.add(playwright[1]);
  }
  return [...failed];
}
