// Every plain YAML file under infra/ parses. Helm templates are Go templates, not YAML, and are
// checked by the chart tests instead.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHART_DIR, INFRA_DIR, listFiles, loadYamlDocuments, rel } from "./helpers.ts";

const templatesDir = path.join(CHART_DIR, "templates");
const yamlFiles = listFiles(INFRA_DIR, /\.ya?ml$/).filter((f) => !f.startsWith(templatesDir + path.sep));

describe("plain YAML under infra/", () => {
  it("has files to check", () => {
    expect(yamlFiles.length).toBeGreaterThan(0);
  });
  it.each(yamlFiles.map((f) => [rel(f), f]))("%s parses", (_name, file) => {
    expect(() => loadYamlDocuments(file)).not.toThrow();
  });
});
