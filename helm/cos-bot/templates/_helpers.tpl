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
JDBC URL of the external PostgreSQL: externalDatabase.jdbcUrl when set, else built from host, port and database.
*/}}
{{- define "cos-bot.jdbcUrl" -}}
{{- if .Values.externalDatabase.jdbcUrl -}}
{{- .Values.externalDatabase.jdbcUrl -}}
{{- else -}}
{{- printf "jdbc:postgresql://%s:%v/%s" .Values.externalDatabase.host .Values.externalDatabase.port .Values.externalDatabase.database -}}
{{- end -}}
{{- end -}}

{{/*
Public base URL: cosbot.publicUrl, else the first Ingress host (https when it has TLS).
*/}}
{{- define "cos-bot.publicUrl" -}}
{{- if .Values.cosbot.publicUrl -}}
{{- .Values.cosbot.publicUrl -}}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts -}}
{{- $host := (first .Values.ingress.hosts).host -}}
{{- if $host -}}
{{- printf "%s://%s" (ternary "https" "http" (gt (len .Values.ingress.tls) 0)) $host -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
JVM options: the image's, with the heap share from values (the last -XX:MaxRAMPercentage wins).
*/}}
{{- define "cos-bot.javaOpts" -}}
{{- $opts := list (printf "-XX:MaxRAMPercentage=%v" .Values.jvm.maxRamPercentage) "-Djava.awt.headless=true" "-Dquarkus.http.host=0.0.0.0" "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" -}}
{{- with .Values.jvm.extraOpts -}}
{{- $opts = append $opts . -}}
{{- end -}}
{{- join " " $opts -}}
{{- end -}}

{{/*
An environment variable read from the credentials Secret (rendered or existing).
Usage: include "cos-bot.secretEnv" (dict "name" "ENV_NAME" "key" "secret-key" "optional" true "context" $)
*/}}
{{- define "cos-bot.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "cos-bot.secretName" .context }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}

{{/*
Compile all validation messages into a single failure.
*/}}
{{- define "cos-bot.validateValues" -}}
{{- $messages := list -}}
{{- $messages = append $messages (include "cos-bot.validateValues.externalDatabase" .) -}}
{{- $messages = append $messages (include "cos-bot.validateValues.ballotSecret" .) -}}
{{- $messages = without $messages "" -}}
{{- $message := join "\n" $messages -}}
{{- if $message -}}
{{- printf "\nVALUES VALIDATION:\n%s" $message | fail -}}
{{- end -}}
{{- end -}}

{{/* Validate values of cos-bot - external PostgreSQL */}}
{{- define "cos-bot.validateValues.externalDatabase" -}}
{{- if and (not .Values.externalDatabase.host) (not .Values.externalDatabase.jdbcUrl) -}}
cos-bot: externalDatabase.host
    cos-bot needs an external PostgreSQL database in Kubernetes (the image
    has no embedded one). Set the database host
    (--set externalDatabase.host=my-postgres) or a full JDBC URL
    (--set externalDatabase.jdbcUrl=jdbc:postgresql://my-postgres:5432/cosbot).
{{- end -}}
{{- end -}}

{{/* Validate values of cos-bot - the pulse secret (the app refuses to start without it) */}}
{{- define "cos-bot.validateValues.ballotSecret" -}}
{{- if and (include "cos-bot.createSecret" .) (not .Values.cosbot.ballotSecret) -}}
cos-bot: cosbot.ballotSecret
    cos-bot needs its own pulse secret with an external database (it seals
    survey answers while a round is open). Set one of at least 16 characters
    (--set cosbot.ballotSecret="$(openssl rand -base64 32)") and keep it stable,
    or put it in your existing Secret (existingSecret, key {{ .Values.secretKeys.ballotSecret }}).
{{- end -}}
{{- end -}}
