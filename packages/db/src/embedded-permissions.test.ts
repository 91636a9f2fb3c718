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

/** A checkout with its data folder: top/checkout/{node_modules, .data/postgres}, top at `mode`. */
function tree(mode: number): { top: string; binaries: string; dataDir: string } {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), "taskboard-perm-"));
  made.push(top);
  const binaries = path.join(top, "checkout", "node_modules");
  const dataDir = path.join(top, "checkout", ".data", "postgres");
  fs.mkdirSync(binaries, { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chmodSync(top, mode);
  return { top, binaries, dataDir };
}

describe("assertReachableByPostgresUser", () => {
  it("names a folder others cannot enter, with the chmod that fixes it", () => {
    const { top, binaries, dataDir } = tree(0o700);
    expect(() => assertReachableByPostgresUser({ binaries, dataDir })).toThrow(`chmod o+x ${top}`);
  });

  it("accepts folders others can enter", () => {
    const { binaries, dataDir } = tree(0o755);
    expect(() => assertReachableByPostgresUser({ binaries, dataDir })).not.toThrow();
  });

  it("accepts the data folder PostgreSQL made private on its first start (mode 700)", () => {
    const { binaries, dataDir } = tree(0o755);
    fs.chmodSync(dataDir, 0o700);
    expect(() => assertReachableByPostgresUser({ binaries, dataDir })).not.toThrow();
  });

  it("still refuses a folder above the data folder that others cannot enter", () => {
    const { binaries, dataDir } = tree(0o755);
    const dataParent = path.dirname(dataDir);
    fs.chmodSync(dataParent, 0o700);
    expect(() => assertReachableByPostgresUser({ binaries, dataDir })).toThrow(`chmod o+x ${dataParent}`);
  });
});
