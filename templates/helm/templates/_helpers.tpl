{{/*
Helpers shared by the templates. Every template loops over .Values.services and renders the
services whose `enabled` is true; the helpers that concern one service take a dict:
  root: the top-level context ($), name: the service's key, svc: its values.
*/}}

{{/* The namespace of every object: global.namespace, else the release's namespace. */}}
{{- define "msa-gen.namespace" -}}
{{- .Values.global.namespace | default .Release.Namespace -}}
{{- end -}}

{{/* The helm.sh/chart label: <chart>-<version>. */}}
{{- define "msa-gen.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The labels that select one service's pods; they never change once installed. */}}
{{- define "msa-gen.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The labels of every object of a service. */}}
{{- define "msa-gen.labels" -}}
{{ include "msa-gen.selectorLabels" . }}
app.kubernetes.io/component: bounded-context
app.kubernetes.io/part-of: {{ .root.Chart.Name }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "msa-gen.chart" .root }}
{{- end -}}

{{/* <global.image.registry>/<service>:<tag>, unless the service sets image.repository or image.tag. */}}
{{- define "msa-gen.image" -}}
{{- $repository := .svc.image.repository | default (printf "%s/%s" .root.Values.global.image.registry .name) -}}
{{- printf "%s:%s" $repository (.svc.image.tag | default .root.Values.global.image.tag) -}}
{{- end -}}

{{/* The plain environment of a service (its ConfigMap); DATABASE_URL comes from a Secret. */}}
{{- define "msa-gen.configData" -}}
SERVICE_NAME: {{ .name | quote }}
PORT: {{ .svc.service.port | quote }}
KAFKA_BROKERS: {{ .root.Values.global.kafka.bootstrapServers | quote }}
DATABASE_SCHEMA: {{ .svc.database.schema | quote }}
{{- range $key, $value := .svc.env }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/*
Fails the render when a service's values break what the validator's MSA601 refuses in the model
(values.schema.json checks the same, exactly for small values): min above max in the HPA or the
ScaledObject, a PodDisruptionBudget whose integer minAvailable is not below the fewest replicas.
*/}}
{{- define "msa-gen.validate" -}}
{{- $a := .svc.autoscaling -}}
{{- if gt (int $a.minReplicas) (int $a.maxReplicas) -}}
{{- fail (printf "services.%s.autoscaling: minReplicas (%d) is greater than maxReplicas (%d)" .name (int $a.minReplicas) (int $a.maxReplicas)) -}}
{{- end -}}
{{- $k := .svc.keda -}}
{{- if gt (int $k.minReplicaCount) (int $k.maxReplicaCount) -}}
{{- fail (printf "services.%s.keda: minReplicaCount (%d) is greater than maxReplicaCount (%d)" .name (int $k.minReplicaCount) (int $k.maxReplicaCount)) -}}
{{- end -}}
{{- $p := .svc.podDisruptionBudget -}}
{{- if and $p.enabled (not (kindIs "string" $p.minAvailable)) -}}
{{- $floor := .svc.replicaCount -}}
{{- $setting := "replicaCount" -}}
{{- if $a.enabled -}}
{{- $floor = $a.minReplicas -}}
{{- $setting = "autoscaling.minReplicas" -}}
{{- else if $k.enabled -}}
{{- $floor = $k.minReplicaCount -}}
{{- $setting = "keda.minReplicaCount" -}}
{{- end -}}
{{- if ge (int $p.minAvailable) (int $floor) -}}
{{- fail (printf "services.%s.podDisruptionBudget: minAvailable (%d) is not below %s (%d): no pod could ever be evicted" .name (int $p.minAvailable) $setting (int $floor)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
