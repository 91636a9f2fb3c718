// Under root, embedded PostgreSQL runs as the system user "postgres": a folder it cannot enter must
// stop the start with a message naming the folder and the fix, not an unhandled spawn EACCES.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertReachableByPostgresUser } from "./embedded.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function tree(mode: number): { top: string; inner: string } {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), "taskboard-perm-"));
  made.push(top);
  const inner = path.join(top, "checkout", "node_modules");
  fs.mkdirSync(inner, { recursive: true });
  fs.chmodSync(top, mode);
  return { top, inner };
}

describe("assertReachableByPostgresUser", () => {
  it("names a folder others cannot enter, with the chmod that fixes it", () => {
    const { top, inner } = tree(0o700);
    expect(() => assertReachableByPostgresUser([inner])).toThrow(`chmod o+x ${top}`);
  });

  it("accepts folders others can enter", () => {
    const { inner } = tree(0o755);
    expect(() => assertReachableByPostgresUser([inner])).not.toThrow();
  });
});
