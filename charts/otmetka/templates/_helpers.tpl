{{- define "otmetka.labels" -}}
app.kubernetes.io/part-of: otmetka
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "otmetka.commonEnv" -}}
- name: OTMETKA_KAFKA_BOOTSTRAP
  value: {{ .Values.kafka.bootstrap | quote }}
- name: OTMETKA_KEYCLOAK_URL
  value: {{ .Values.keycloak.url | quote }}
- name: OTMETKA_KEYCLOAK_REALM
  value: {{ .Values.keycloak.realm | quote }}
- name: OTMETKA_TRUSTED_PEERS
  value: {{ .Values.trustedPeers | quote }}
{{- range $name, $svc := .Values.services }}
- name: OTMETKA_{{ upper $name }}_GRPC_ADDR
  value: "{{ $.Release.Name }}-{{ $name }}:{{ $svc.port }}"
{{- end }}
{{- end -}}
