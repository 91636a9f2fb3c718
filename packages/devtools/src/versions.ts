// The pinned versions of every developer tool. Changing one here makes `npm run tools` build or
// fetch it into its own cache folder beside the old one.
//
// Dapr 1.18.1, not 1.18.3: 1.18.2+ need module versions (durabletask-go 0.12.2+, a pulsar client
// fork) that the Go module proxy reachable from our machines refuses; 1.18.1's whole module graph
// resolves but one: see DAPR_BUILD_REPLACES. docs/dapr.md records this.
export const VERSIONS = {
  dapr: "1.18.1",
  kafka: "4.1.1",
  log4j: "2.25.3",
  helm: "4.3.2",
  kubeconform: "0.7.0",
} as const;

/**
 * Module versions swapped in when building Dapr, because the proxy refuses the ones its go.mod
 * pins. go-etcd-cron (the scheduler's job engine): 1.18.1 pins v0.12.5; v0.12.3 is the nearest
 * served version, a patch release of the same minor line, and passes our Jobs tests.
 */
export const DAPR_BUILD_REPLACES: readonly string[] = ["github.com/diagridio/go-etcd-cron=github.com/diagridio/go-etcd-cron@v0.12.3"];
