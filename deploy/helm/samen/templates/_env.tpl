{{/*
A service's environment (samen_cli.platform.PlatformConfig.service_env is the local
counterpart): its database and port, the Kafka cluster, the identity provider's keys,
the key files it signs or verifies with, and the in-cluster address of each service it calls.
*/}}
{{- define "samen.serviceEnv" -}}
{{- $root := .root }}
{{- $name := .name }}
{{- $svc := index $root.Values.services $name }}
- name: SAMEN_SERVICE
  value: {{ $name }}
{{- range $key, $value := $root.Values.env }}
- name: {{ $key }}
  value: {{ $value | quote }}
{{- end }}
- name: SAMEN_HTTP_PORT
  value: {{ $svc.port | quote }}
- name: SAMEN_PUBLIC_BASE_URL
  value: {{ include "samen.publicUrl" (dict "root" $root "name" $name) }}
- name: SAMEN_KAFKA_BOOTSTRAP
  value: {{ include "samen.kafkaBootstrap" $root }}
- name: HOME  # fontconfig and friends write their caches under $HOME
  value: /tmp
- name: SAMEN_KEYS_DIR
  value: /tmp/keys
{{- include "samen.databaseEnv" . }}
- name: SAMEN_STAFF_ISSUER
  value: {{ $root.Values.identity.issuer | quote }}
- name: SAMEN_STAFF_JWKS
  value: {{ $root.Values.identity.jwks | quote }}
- name: SAMEN_GUARDIAN_JWKS
  value: /var/run/samen/guardian-jwks/guardian-jwks.json
{{- if ne $name "audit" }}
- name: SAMEN_SESSION_SECRET
  valueFrom: {secretKeyRef: {name: {{ $root.Values.secrets.sessionSecretName }}, key: guardian}}
- name: SAMEN_GUARDIAN_SESSION_SECRET  # meetings and notifications read it by this name
  valueFrom: {secretKeyRef: {name: {{ $root.Values.secrets.sessionSecretName }}, key: guardian}}
- name: SAMEN_NOTIFICATIONS_PUBLIC_URL  # its step-up page, before a sensitive parent action
  value: {{ include "samen.publicUrl" (dict "root" $root "name" "notifications") }}
{{- with $root.Values.guardianCookieDomain }}
- name: SAMEN_GUARDIAN_COOKIE_DOMAIN  # the parent pages' hosts share one session (ADR 0014)
  value: {{ . | quote }}
{{- end }}
{{- end }}
{{- range $callee := $svc.calls }}
- name: SAMEN_{{ upper $callee }}_BASE_URL
  value: http://samen-{{ $callee }}:{{ (index $root.Values.services $callee).port }}
{{- end }}
{{- if eq $name "audit" }}
- name: SAMEN_SIGNING_KEY_FILE
  value: /var/run/samen/audit-signing-key/audit-signing-key.pem
{{- end }}
{{- if eq $name "notifications" }}
{{- include "samen.notificationsEnv" $root }}
{{- end }}
{{- if eq $name "portal" }}
- name: SAMEN_OIDC_ISSUER
  value: {{ $root.Values.identity.issuer | quote }}
- name: SAMEN_OIDC_CLIENT_SECRET
  valueFrom: {secretKeyRef: {name: {{ $root.Values.secrets.portalOidcName }}, key: oidc-client-secret}}
{{- end }}
{{- end }}

{{/* Where browsers reach a service: publicBaseUrl with {service} filled in. */}}
{{- define "samen.publicUrl" -}}
{{ replace "{service}" .name .root.Values.publicBaseUrl }}
{{- end }}

{{- define "samen.notificationsEnv" -}}
{{- $n := .Values.notifications }}
- name: SAMEN_GUARDIAN_KEY_FILE
  value: /var/run/samen/guardian-link-key/guardian-link-key.jwk
{{- range $page := list "consent" "meetings" "plans" "disputes" "admissions" }}
- name: SAMEN_{{ upper $page }}_BASE_URL  # links in messages: where parents' browsers go
  value: {{ include "samen.publicUrl" (dict "root" $ "name" $page) }}
{{- end }}
- name: SAMEN_SMTP_HOST
  value: {{ $n.smtp.host | quote }}
- name: SAMEN_SMTP_PORT
  value: {{ $n.smtp.port | quote }}
- name: SAMEN_SMTP_SECURITY
  value: {{ $n.smtp.security | quote }}
- name: SAMEN_SMTP_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ .Values.secrets.notificationsName }}, key: smtp-password}}
- name: SAMEN_SMS_BASE_URL
  value: {{ $n.sms.baseUrl | quote }}
- name: SAMEN_SMS_ACCESS_KEY
  valueFrom: {secretKeyRef: {name: {{ .Values.secrets.notificationsName }}, key: sms-access-key}}
- name: SAMEN_SMS_SIGNING_KEY
  valueFrom: {secretKeyRef: {name: {{ .Values.secrets.notificationsName }}, key: sms-signing-key}}
- name: SAMEN_BOUNCE_SOURCE  # the local mail folder exists only on a developer's machine
  value: none
{{- end }}

{{/* Key files from Secrets, read-only: every service verifies guardian links with the
public keys; notifications signs them; audit signs tree heads and exports. */}}
{{- define "samen.keyMounts" -}}
- {name: guardian-jwks, mountPath: /var/run/samen/guardian-jwks, readOnly: true}
{{- if eq .name "notifications" }}
- {name: guardian-link-key, mountPath: /var/run/samen/guardian-link-key, readOnly: true}
{{- end }}
{{- if eq .name "audit" }}
- {name: audit-signing-key, mountPath: /var/run/samen/audit-signing-key, readOnly: true}
{{- end }}
{{- end }}

{{- define "samen.keyVolumes" -}}
{{- $s := .root.Values.secrets }}
- name: guardian-jwks
  secret: {secretName: {{ $s.guardianJwksName }}, defaultMode: 0444}
{{- if eq .name "notifications" }}
- name: guardian-link-key
  secret: {secretName: {{ $s.guardianLinkKeyName }}, defaultMode: 0400}
{{- end }}
{{- if eq .name "audit" }}
- name: audit-signing-key
  secret: {secretName: {{ $s.auditSigningKeyName }}, defaultMode: 0400}
{{- end }}
{{- end }}
