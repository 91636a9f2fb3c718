// infra/strimzi: Strimzi 1.x serves only kafka.strimzi.io/v1 (docs/traps.md #15); a single KRaft node
// with replication factor 1 everywhere; a KafkaTopic for every topic of packages/events and its
// dead-letter topic.
import path from "node:path";
import { TOPICS, deadLetterTopic } from "@taskboard/events";
import { describe, expect, it } from "vitest";
import { INFRA_DIR, listFiles, loadYamlDocuments, rel } from "./helpers.ts";

// Parsed manifests of arbitrary shape, navigated by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const files = listFiles(path.join(INFRA_DIR, "strimzi"), /\.ya?ml$/);
const resources = files.flatMap((f) => loadYamlDocuments(f).map((doc) => ({ file: f, doc: doc as Json })));
const ofKind = (kind: string) => resources.filter((r) => r.doc.kind === kind).map((r) => r.doc);

describe("infra/strimzi", () => {
  it("uses kafka.strimzi.io/v1 only", () => {
    expect(resources.length).toBeGreaterThan(0);
    for (const { file, doc } of resources) expect(doc.apiVersion, rel(file)).toBe("kafka.strimzi.io/v1");
  });

  it("one Kafka in KRaft mode without the fields v1 removed", () => {
    const kafkas = ofKind("Kafka");
    expect(kafkas).toHaveLength(1);
    const kafka = kafkas[0] as Json;
    expect(kafka.spec.zookeeper).toBeUndefined();
    expect(kafka.spec.kafka.replicas).toBeUndefined();
    expect(kafka.spec.kafka.storage).toBeUndefined();
    expect(kafka.spec.entityOperator.topicOperator).toBeDefined();
  });

  it("replication factor 1 everywhere for the single node, including internal topics", () => {
    const config = (ofKind("Kafka")[0] as Json).spec.kafka.config;
    for (const key of ["offsets.topic.replication.factor", "transaction.state.log.replication.factor", "default.replication.factor", "transaction.state.log.min.isr", "min.insync.replicas"]) {
      expect(config[key], key).toBe(1);
    }
  });

  it("a single node pool: 1 replica with both KRaft roles, in the Kafka's cluster", () => {
    const pools = ofKind("KafkaNodePool");
    expect(pools).toHaveLength(1);
    const pool = pools[0] as Json;
    expect(pool.spec.replicas).toBe(1);
    expect([...pool.spec.roles].sort()).toEqual(["broker", "controller"]);
    expect(pool.metadata.labels["strimzi.io/cluster"]).toBe((ofKind("Kafka")[0] as Json).metadata.name);
    expect(pool.spec.storage.volumes.some((v: Json) => v.kraftMetadata === "shared")).toBe(true);
  });

  it("every topic of packages/events and its dead-letter topic is a KafkaTopic", () => {
    const declared = new Map(ofKind("KafkaTopic").map((t) => [t.spec.topicName ?? t.metadata.name, t]));
    const wanted = Object.values(TOPICS).flatMap((t) => [t, deadLetterTopic(t)]);
    expect(wanted.filter((t) => !declared.has(t))).toEqual([]);
    const cluster = (ofKind("Kafka")[0] as Json).metadata.name;
    for (const t of declared.values()) {
      expect(t.spec.replicas, t.metadata.name).toBe(1);
      expect(t.spec.partitions, t.metadata.name).toBeGreaterThanOrEqual(1);
      expect(t.spec.config["retention.ms"], t.metadata.name).toBeGreaterThan(0);
      expect(t.metadata.labels["strimzi.io/cluster"]).toBe(cluster);
    }
  });
});
