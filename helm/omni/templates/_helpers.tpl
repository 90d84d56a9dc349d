{{/*
Names, labels and the pieces every workload shares.
*/}}

{{- define "omni.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "omni.fullname" -}}
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

{{/* The service names, in port order (matches omni_common::config::SERVICES). */}}
{{- define "omni.serviceNames" -}}
identity segment decisioning journey channel insights
{{- end -}}

{{/* grpc.health.v1 name each service reports (its gRPC service). */}}
{{- define "omni.healthName" -}}
{{- $names := dict
  "identity" "omni.identity.v1.IdentityService"
  "segment" "omni.segment.v1.SegmentService"
  "decisioning" "omni.decisioning.v1.DecisioningService"
  "journey" "omni.journey.v1.JourneyService"
  "channel" "omni.channel.v1.ChannelService"
  "insights" "omni.insights.v1.InsightsService" -}}
{{- get $names . -}}
{{- end -}}

{{/* Object name of one service: <fullname>-<service>. Call with (list $ "identity"). */}}
{{- define "omni.componentName" -}}
{{- $root := index . 0 -}}
{{- printf "%s-%s" (include "omni.fullname" $root | trunc 50 | trimSuffix "-") (index . 1) -}}
{{- end -}}

{{- define "omni.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "omni.selectorLabels" -}}
app.kubernetes.io/name: {{ include "omni.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "omni.labels" -}}
helm.sh/chart: {{ include "omni.chart" . }}
{{ include "omni.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: omni
{{- end -}}

{{/* Selector labels of one service. Call with (list $ "identity"). */}}
{{- define "omni.componentSelectorLabels" -}}
{{ include "omni.selectorLabels" (index . 0) }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "omni.componentLabels" -}}
{{ include "omni.labels" (index . 0) }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "omni.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "omni.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "omni.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* In-cluster URL of one service. Call with (list $ "identity"). */}}
{{- define "omni.serviceUrl" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $port := (get $root.Values.services $name).port -}}
{{- printf "http://%s.%s.svc:%v" (include "omni.componentName" .) $root.Release.Namespace $port -}}
{{- end -}}

{{/* Refuses value combinations the services cannot run with. */}}
{{- define "omni.validate" -}}
{{- if eq .Values.redis.mode "cluster" -}}
{{- fail "redis.mode=cluster: the services use a standalone Redis client today; point redis at a standalone Redis with mode=standalone" -}}
{{- end -}}
{{- if and .Values.serviceMonitor.enabled (not .Values.metrics.enabled) -}}
{{- fail "serviceMonitor.enabled needs metrics.enabled (the port it scrapes)" -}}
{{- end -}}
{{- range $name := splitList " " (include "omni.serviceNames" .) -}}
{{- if not (hasKey $.Values.services $name) -}}
{{- fail (printf "services.%s is missing: every service runs (identity, segment, decisioning, journey, channel, insights)" $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Environment variables drawn from Secrets. Call with (list $ "identity"). */}}
{{- define "omni.secretEnv" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
- name: OMNI__REDIS__URL
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.redis.existingSecret }}
      key: {{ $root.Values.redis.urlKey }}
- name: OMNI__{{ upper $name }}__DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.postgres.existingSecret }}
      key: {{ get $root.Values.postgres.databaseUrlKeys $name }}
{{- end -}}

{{- define "omni.authEnv" -}}
- name: OMNI__AUTH__BOOTSTRAP_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.auth.existingSecret }}
      key: {{ .Values.auth.bootstrapKeyKey }}
- name: OMNI__AUTH__INTERNAL_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.auth.existingSecret }}
      key: {{ .Values.auth.internalKeyKey }}
{{- end -}}

{{- define "omni.smtpEnv" -}}
{{- if .Values.smtp.existingSecret -}}
- name: OMNI__SMTP__USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.smtp.existingSecret }}
      key: {{ .Values.smtp.usernameKey }}
- name: OMNI__SMTP__PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.smtp.existingSecret }}
      key: {{ .Values.smtp.passwordKey }}
{{- end -}}
{{- end -}}

{{/* The writable /tmp and the config volume every service pod mounts. */}}
{{- define "omni.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end -}}

{{- define "omni.scheduling" -}}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- end -}}

{{/* Host part of a listen address: IPv6 literals need brackets. */}}
{{- define "omni.listenHost" -}}
{{- if contains ":" .Values.listenHost -}}
{{- printf "[%s]" .Values.listenHost -}}
{{- else -}}
{{- .Values.listenHost -}}
{{- end -}}
{{- end -}}
