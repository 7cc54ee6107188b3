{{/*
Expand the name of the chart.
*/}}
{{- define "cos-bot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Create a default fully qualified app name.
Truncated at 63 chars because some Kubernetes name fields are limited to this (by the DNS naming spec).
If the release name contains the chart name it is used as the full name.
*/}}
{{- define "cos-bot.fullname" -}}
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

{{/*
Chart name and version as used by the helm.sh/chart label.
*/}}
{{- define "cos-bot.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Common labels.
*/}}
{{- define "cos-bot.labels" -}}
helm.sh/chart: {{ include "cos-bot.chart" . }}
{{ include "cos-bot.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
Selector labels: immutable on a Deployment, so keep them to name and instance.
*/}}
{{- define "cos-bot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cos-bot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/*
Name of the ServiceAccount to use.
*/}}
{{- define "cos-bot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "cos-bot.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
Name of the Secret holding the credentials: the existing one when given, else the one this chart renders.
*/}}
{{- define "cos-bot.secretName" -}}
{{- if .Values.existingSecret -}}
{{- tpl .Values.existingSecret . -}}
{{- else -}}
{{- include "cos-bot.fullname" . -}}
{{- end -}}
{{- end -}}

{{/*
Return "true" when the chart must render its own Secret.
*/}}
{{- define "cos-bot.createSecret" -}}
{{- if not .Values.existingSecret -}}
{{- true -}}
{{- end -}}
{{- end -}}

{{/*
Image reference: repository with digest when given, else with the tag (defaulting to appVersion).
*/}}
{{- define "cos-bot.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag | toString) -}}
{{- end -}}
{{- end -}}

{{/*
JDBC URL of the external PostgreSQL: postgresql.jdbcUrl when set, else built from host, port and database.
*/}}
{{- define "cos-bot.jdbcUrl" -}}
{{- if .Values.postgresql.jdbcUrl -}}
{{- .Values.postgresql.jdbcUrl -}}
{{- else -}}
{{- printf "jdbc:postgresql://%s:%v/%s" .Values.postgresql.host .Values.postgresql.port .Values.postgresql.database -}}
{{- end -}}
{{- end -}}

{{/*
Compile all validation messages into a single failure.
*/}}
{{- define "cos-bot.validateValues" -}}
{{- $messages := list -}}
{{- $messages = append $messages (include "cos-bot.validateValues.postgresql" .) -}}
{{- $messages = append $messages (include "cos-bot.validateValues.replicaCount" .) -}}
{{- $messages = without $messages "" -}}
{{- $message := join "\n" $messages -}}
{{- if $message -}}
{{- printf "\nVALUES VALIDATION:\n%s" $message | fail -}}
{{- end -}}
{{- end -}}

{{/* Validate values of cos-bot - external PostgreSQL */}}
{{- define "cos-bot.validateValues.postgresql" -}}
{{- if and (not .Values.postgresql.host) (not .Values.postgresql.jdbcUrl) -}}
cos-bot: postgresql.host
    cos-bot needs an external PostgreSQL database in Kubernetes (the embedded
    one is only for single-machine runs). Set the database host
    (--set postgresql.host=my-postgres) or a full JDBC URL
    (--set postgresql.jdbcUrl=jdbc:postgresql://my-postgres:5432/cosbot).
{{- end -}}
{{- end -}}

{{/* Validate values of cos-bot - number of replicas */}}
{{- define "cos-bot.validateValues.replicaCount" -}}
{{- if lt (int .Values.replicaCount) 1 -}}
cos-bot: replicaCount
    replicaCount must be at least 1 (2 or more is recommended).
{{- end -}}
{{- end -}}
