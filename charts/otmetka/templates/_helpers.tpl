{{- define "otmetka.labels" -}}
app.kubernetes.io/part-of: otmetka
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "otmetka.tlsEnv" -}}
- name: OTMETKA_TLS_CA
  value: /etc/otmetka/tls/ca.crt
- name: OTMETKA_TLS_CERT
  value: /etc/otmetka/tls/tls.crt
- name: OTMETKA_TLS_KEY
  value: /etc/otmetka/tls/tls.key
# the same certificate is our processes' login to PostgreSQL where it asks for one (deploy/postgresql: cert map=otmetka)
- name: PGSSLCERT
  value: /etc/otmetka/tls/tls.crt
- name: PGSSLKEY
  value: /etc/otmetka/tls/tls.key
{{- end -}}

{{- define "otmetka.tlsMount" -}}
- name: tls
  mountPath: /etc/otmetka/tls
  readOnly: true
{{- end -}}

{{- define "otmetka.tlsVolume" -}}
- name: tls
  secret:
    secretName: {{ .Values.tls.secret }}
    defaultMode: 0400
{{- end -}}

{{/* A service's database over TLS, the server's certificate checked (services.topology.pg_url in development) */}}
{{- define "otmetka.pgUrl" -}}
postgresql+psycopg://{{ .user }}@{{ .root.Values.postgres.host }}:{{ .root.Values.postgres.port }}/{{ .database }}?sslmode=verify-full&sslrootcert=/etc/otmetka/tls/ca.crt
{{- end -}}

{{- define "otmetka.commonEnv" -}}
{{ include "otmetka.tlsEnv" . }}
- name: OTMETKA_KAFKA_BOOTSTRAP
  value: {{ .Values.kafka.bootstrap | quote }}
- name: OTMETKA_KEYCLOAK_URL
  value: {{ .Values.keycloak.url | quote }}
- name: OTMETKA_KEYCLOAK_REALM
  value: {{ .Values.keycloak.realm | quote }}
- name: OTMETKA_TRUSTED_PEERS
  value: {{ .Values.trustedPeers | quote }}
- name: OTMETKA_OTLP_ENDPOINT
  value: {{ .Values.observability.otlpEndpoint | quote }}
{{- range $name, $svc := .Values.services }}
- name: OTMETKA_{{ upper $name }}_GRPC_ADDR
  value: "{{ $.Release.Name }}-{{ $name }}:{{ $svc.port }}"
{{- end }}
{{- end -}}


{{- define "otmetka.mailEnv" -}}
{{- if not (has .Values.mail.relay.security (list "starttls" "tls" "none")) }}
{{- fail (printf "mail.relay.security must be starttls, tls or none, not %v" .Values.mail.relay.security) }}
{{- end -}}
- name: OTMETKA_SMTP_HOST
  value: {{ .Values.mail.relay.host | quote }}
- name: OTMETKA_SMTP_PORT
  value: {{ .Values.mail.relay.port | quote }}
- name: OTMETKA_SMTP_SECURITY
  value: {{ .Values.mail.relay.security | quote }}
- name: OTMETKA_SMTP_TIMEOUT
  value: {{ .Values.mail.relay.timeoutSeconds | quote }}
{{- if .Values.mail.relay.caSecret }}
- name: OTMETKA_SMTP_CA_FILE
  value: /etc/otmetka/mail-ca/ca.crt
{{- end }}
- name: OTMETKA_MAIL_FROM
  value: {{ .Values.mail.from | quote }}
- name: OTMETKA_GATEWAY_PUBLIC_URL
  value: {{ .Values.gateway.publicUrl | quote }}
{{- end -}}


{{/* A container's resources: `resources` of the values, the part's own (services.<name>.resources, ...) over it */}}
{{- define "otmetka.resources" -}}
{{- toYaml (merge (deepCopy (.own | default dict)) (deepCopy .root.Values.resources)) }}
{{- end -}}

{{/* Every pod: the image's user, never root, the runtime's seccomp profile, no service account token */}}
{{- define "otmetka.podSecurity" -}}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- end -}}

{{- define "otmetka.containerSecurity" -}}
securityContext:
  {{- toYaml .Values.securityContext | nindent 2 }}
{{- end -}}

{{/* /tmp: the root file system is read-only (values.yaml `securityContext`) */}}
{{- define "otmetka.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}

{{- define "otmetka.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmp.sizeLimit }}
{{- end -}}

{{/* A Deployment's pods spread over nodes and zones, counted among the pods of one rollout */}}
{{- define "otmetka.spread" -}}
topologySpreadConstraints:
  {{- range .root.Values.topologySpread.topologyKeys }}
  - maxSkew: {{ $.root.Values.topologySpread.maxSkew }}
    topologyKey: {{ . }}
    whenUnsatisfiable: {{ $.root.Values.topologySpread.whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        app.kubernetes.io/name: {{ $.name }}
        app.kubernetes.io/instance: {{ $.root.Release.Name }}
    matchLabelKeys: [pod-template-hash]
  {{- end }}
{{- end -}}
