{{/*
Named helpers of the taskboard chart: names, labels, images, the Secret wiring and the Dapr
annotations. Templates call these instead of repeating the logic.
*/}}

{{- define "taskboard.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "taskboard.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "taskboard.web.fullname" -}}
{{- printf "%s-web" (include "taskboard.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "taskboard.workers.fullname" -}}
{{- printf "%s-workers" (include "taskboard.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "taskboard.migrate.fullname" -}}
{{- printf "%s-migrate" (include "taskboard.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "taskboard.postgresql.fullname" -}}
{{- printf "%s-postgresql" (include "taskboard.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "taskboard.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Standard labels; call with (dict "ctx" $ "component" "web"). */}}
{{- define "taskboard.labels" -}}
helm.sh/chart: {{ include "taskboard.chart" .ctx }}
{{ include "taskboard.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: taskboard
{{- with .ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Selector labels (immutable on Deployments); call with (dict "ctx" $ "component" "web"). */}}
{{- define "taskboard.selectorLabels" -}}
app.kubernetes.io/name: {{ include "taskboard.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- end -}}

{{- define "taskboard.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "taskboard.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Image reference; call with (dict "ctx" $ "repository" .Values.web.image.repository). */}}
{{- define "taskboard.image" -}}
{{- $tag := default .ctx.Chart.AppVersion .ctx.Values.image.tag -}}
{{- if .ctx.Values.image.registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .ctx.Values.image.registry) .repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .repository $tag -}}
{{- end -}}
{{- end -}}

{{- define "taskboard.imagePullSecrets" -}}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The Secret holding DATABASE_URL, BETTER_AUTH_SECRET and the bundled database password. */}}
{{- define "taskboard.secretName" -}}
{{- default (include "taskboard.fullname" .) .Values.existingSecret -}}
{{- end -}}

{{/* DATABASE_URL the chart writes into its own Secret. */}}
{{- define "taskboard.databaseUrl" -}}
{{- if .Values.secrets.databaseUrl -}}
{{- .Values.secrets.databaseUrl -}}
{{- else if .Values.postgresql.enabled -}}
{{- $a := .Values.postgresql.auth -}}
{{- printf "postgresql://%s:%s@%s:5432/%s" $a.username (urlquery $a.password) (include "taskboard.postgresql.fullname" .) $a.database -}}
{{- end -}}
{{- end -}}

{{/* Env entries read from the Secret, shared by web, workers and the migration job. */}}
{{- define "taskboard.databaseEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "taskboard.secretName" . }}
      key: {{ .Values.secretKeys.databaseUrl }}
{{- end -}}

{{/* REALTIME_TOKEN_SECRET for web (signs socket tokens) and workers (verifies them); optional. */}}
{{- define "taskboard.realtimeEnv" -}}
- name: REALTIME_TOKEN_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "taskboard.secretName" . }}
      key: {{ .Values.secretKeys.realtimeTokenSecret }}
      optional: true
{{- end -}}

{{/*
Dapr sidecar annotations, all gated by dapr.enabled; call with
(dict "ctx" $ "appId" "taskboard-workers" "appPort" 3002 "enabled" true).
*/}}
{{- define "taskboard.daprAnnotations" -}}
{{- $d := .ctx.Values.dapr -}}
{{- if and $d.enabled .enabled }}
dapr.io/enabled: "true"
dapr.io/app-id: {{ .appId | quote }}
{{- if .appPort }}
dapr.io/app-port: {{ .appPort | quote }}
dapr.io/app-protocol: "http"
{{- /* While the app is down or restarting, daprd pauses its subscriptions and job triggers
instead of spending every event's retries on a closed port (docs/dapr.md). */}}
dapr.io/enable-app-health-check: "true"
dapr.io/app-health-check-path: "/healthz"
dapr.io/app-health-probe-interval: "3"
dapr.io/app-health-threshold: "2"
{{- end }}
dapr.io/config: {{ $d.configName | quote }}
dapr.io/log-level: {{ $d.logLevel | quote }}
dapr.io/log-as-json: "true"
dapr.io/enable-metrics: "true"
dapr.io/sidecar-cpu-request: {{ $d.sidecar.cpuRequest | quote }}
dapr.io/sidecar-memory-request: {{ $d.sidecar.memoryRequest | quote }}
dapr.io/sidecar-cpu-limit: {{ $d.sidecar.cpuLimit | quote }}
dapr.io/sidecar-memory-limit: {{ $d.sidecar.memoryLimit | quote }}
dapr.io/graceful-shutdown-seconds: {{ $d.sidecar.gracefulShutdownSeconds | quote }}
{{- with $d.apiTokenSecret }}
dapr.io/api-token-secret: {{ . | quote }}
{{- end }}
{{- with $d.appTokenSecret }}
dapr.io/app-token-secret: {{ . | quote }}
{{- end }}
{{- else }}
dapr.io/enabled: "false"
{{- end }}
{{- end -}}

{{/* Volumes for a read-only root filesystem: /tmp (tsx cache, npm logs) and extra paths. */}}
{{- define "taskboard.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- end -}}

{{/*
Value checks that the schema cannot express; rendered from secret.yaml and NOTES.txt so that
`helm template`, `helm lint` and `helm install` all stop with the message.
*/}}
{{- define "taskboard.validateValues" -}}
{{- $v := .Values -}}
{{- if not $v.existingSecret -}}
{{- if not $v.secrets.betterAuthSecret -}}
{{- fail "secrets.betterAuthSecret is required (at least 32 random characters, e.g. `openssl rand -base64 32`), or set existingSecret to a Secret that holds it" -}}
{{- end -}}
{{- if and $v.postgresql.enabled (not $v.secrets.databaseUrl) (not $v.postgresql.auth.password) -}}
{{- fail "postgresql.auth.password is required with the bundled PostgreSQL (or set existingSecret)" -}}
{{- end -}}
{{- if and (not $v.postgresql.enabled) (not $v.secrets.databaseUrl) -}}
{{- fail "secrets.databaseUrl is required when postgresql.enabled=false (or set existingSecret to a Secret with the database URL)" -}}
{{- end -}}
{{- end -}}
{{- if and (eq $v.eventBus "dapr") (not $v.dapr.enabled) -}}
{{- fail "eventBus=dapr needs dapr.enabled=true (the workers publish and subscribe through the sidecar)" -}}
{{- end -}}
{{- if ge (int $v.workers.shutdownTimeoutMs) (mul (int $v.workers.terminationGracePeriodSeconds) 1000) -}}
{{- fail "workers.shutdownTimeoutMs must be below workers.terminationGracePeriodSeconds, or Kubernetes kills the pod mid-shutdown" -}}
{{- end -}}
{{- if eq (int $v.workers.daprAppPort) (int $v.workers.socketPort) -}}
{{- fail "workers.daprAppPort and workers.socketPort must differ: the Dapr callback and Socket.IO are separate servers" -}}
{{- end -}}
{{- if eq (int $v.workers.port) (int $v.workers.socketPort) -}}
{{- fail "workers.port and workers.socketPort must differ: health/metrics (WORKERS_PORT) and Socket.IO (SOCKET_PORT) are separate servers" -}}
{{- end -}}
{{- if and $v.web.metrics.enabled (eq (int $v.web.metrics.port) (int $v.web.port)) -}}
{{- fail "web.metrics.port must differ from web.port: /metrics has its own port so the Ingress never exposes it" -}}
{{- end -}}
{{- if eq (int $v.workers.daprAppPort) (int $v.dapr.httpPort) -}}
{{- fail "workers.daprAppPort must differ from dapr.httpPort (the sidecar listens there)" -}}
{{- end -}}
{{- end -}}

{{/*
The Secret that hook-time workloads read (the migration job, the bundled PostgreSQL): the chart's
own Secret is an ordinary resource and does not exist yet while pre-install hooks run, so without
existingSecret a hook Secret with the same keys is created first.
*/}}
{{- define "taskboard.bootstrapSecretName" -}}
{{- if .Values.existingSecret -}}
{{- .Values.existingSecret -}}
{{- else -}}
{{- printf "%s-bootstrap" (include "taskboard.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
