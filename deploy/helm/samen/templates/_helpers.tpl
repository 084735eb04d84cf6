{{/* Labels every object of the chart carries. */}}
{{- define "samen.labels" -}}
app.kubernetes.io/part-of: samen
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{/* A service's own objects: the chart's labels and its pods' selector. */}}
{{- define "samen.workloadLabels" -}}
app.kubernetes.io/part-of: samen
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ .root.Chart.Name }}-{{ .root.Chart.Version }}
{{ include "samen.selector" . }}
{{- end }}

{{/* The pods of one service (root context in .root, the service's name in .name). */}}
{{- define "samen.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: service
{{- end }}

{{/* A service's settings merged over the defaults. */}}
{{- define "samen.service" -}}
{{- $spec := mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy .spec) -}}
{{- toYaml $spec -}}
{{- end }}

{{- define "samen.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- end }}

{{- define "samen.kafkaBootstrap" -}}
{{ .Values.kafka.name }}-kafka-bootstrap:9092
{{- end }}

{{/* The CloudNativePG cluster of a service's database. */}}
{{- define "samen.dbCluster" -}}
samen-{{ . }}-db
{{- end }}

{{/*
The environment that gives a pod its database: the owner's credentials from the
CloudNativePG app Secret, put into an SQLAlchemy asyncpg URL. The audit service runs as a
login that may only read and insert (made by the migrations Job); its owner migrates.
*/}}
{{- define "samen.databaseEnv" -}}
{{- $svc := .name }}
{{- $host := printf "%s-rw" (include "samen.dbCluster" $svc) }}
- name: DB_OWNER
  valueFrom: {secretKeyRef: {name: {{ include "samen.dbCluster" $svc }}-app, key: username}}
- name: DB_OWNER_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ include "samen.dbCluster" $svc }}-app, key: password}}
{{- if eq $svc "audit" }}
- name: DB_LOGIN_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ .root.Values.secrets.auditLoginName }}, key: password}}
- name: SAMEN_DATABASE_URL
  value: postgresql+asyncpg://samen_audit:$(DB_LOGIN_PASSWORD)@{{ $host }}:5432/samen_{{ $svc }}
- name: SAMEN_OWNER_DATABASE_URL
  value: postgresql+asyncpg://$(DB_OWNER):$(DB_OWNER_PASSWORD)@{{ $host }}:5432/samen_{{ $svc }}
{{- else }}
- name: SAMEN_DATABASE_URL
  value: postgresql+asyncpg://$(DB_OWNER):$(DB_OWNER_PASSWORD)@{{ $host }}:5432/samen_{{ $svc }}
{{- end }}
{{- end }}

{{/* What every container of the chart runs with: not root, nothing written but /tmp. */}}
{{- define "samen.containerSecurity" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: 10001
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities: {drop: [ALL]}
  seccompProfile: {type: RuntimeDefault}
{{- end }}
